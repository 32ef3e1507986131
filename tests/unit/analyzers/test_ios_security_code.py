"""SEC-NET-002, SEC-SECRET-001 and SEC-STORAGE-001 on iOS (scanner/analyzers/ios/tls.py,
secrets.py, storage.py): ios-insecure reaches a trust-all session delegate, a planted fake
AWS key id and a token kept in NSUserDefaults and the log from its app delegate (E3, with
the path); ios-insecure-dead links the same code but never runs it (E2, lowered); ios-clean
reports none of them. No secret is ever written whole."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from scanner.analyzers.ios.tls import _allow_invalid, _trust_all
from scanner.config import ScanConfig
from scanner.facts.ios import read_bundle, read_executable
from scanner.facts.macho import MachOSlice
from scanner.facts.secrets import redact
from scanner.model import EvidenceLevel, Finding, ScanResult, Severity
from scanner.pipeline import Ruleset, scan
from scanner.render.json import dumps, to_document
from scanner.unpack.ipa import open_ipa
from tests.conftest import SAMPLES

RULES = ("SEC-NET-002", "SEC-SECRET-001", "SEC-STORAGE-001")
FAKE_KEY = "AKIAFAKEFTSAMPLE2025"  # planted in samples/src/ios/ios-insecure/ApiClient.m
LAUNCH = "-[AppDelegate application:didFinishLaunchingWithOptions:]"
EXECUTABLE = "ios-insecure.ipa!Payload/InsecureNotice.app/InsecureNotice"


@pytest.fixture(scope="module")
def results(ruleset: Ruleset) -> dict[str, ScanResult]:
    names = ("ios-insecure", "ios-insecure-dead", "ios-clean")
    return {n: scan(SAMPLES / f"{n}.ipa", ScanConfig(), ruleset) for n in names}


def _of(result: ScanResult, rule: str) -> list[Finding]:
    return [f for f in result.findings if f.rule_id == rule]


def test_trust_all_delegate_reached_from_the_app_delegate(
    results: dict[str, ScanResult],
) -> None:
    (f,) = _of(results["ios-insecure"], "SEC-NET-002")
    assert (f.evidence_level, f.severity) == (EvidenceLevel.E3, Severity.CRITICAL)
    ev = f.evidence[0]
    method = "-[ApiClient URLSession:didReceiveChallenge:completionHandler:]"
    assert (ev.location, ev.symbol) == (EXECUTABLE, method)
    assert ev.path == (LAUNCH, "-[ApiClient fetchNotices]", method)
    assert "credentialForTrust:" in f.message.en


def test_fake_aws_key_is_reported_redacted_with_the_function_using_it(
    results: dict[str, ScanResult],
) -> None:
    (f,) = _of(results["ios-insecure"], "SEC-SECRET-001")
    assert (f.evidence_level, f.severity) == (EvidenceLevel.E3, Severity.HIGH)
    ev = f.evidence[0]
    assert (ev.location, ev.symbol) == (EXECUTABLE, "-[ApiClient fetchNotices]")
    assert ev.path == (LAUNCH, "-[ApiClient fetchNotices]")
    assert redact(FAKE_KEY) in ev.excerpt and redact(FAKE_KEY) in f.message.en


def test_token_in_user_defaults_and_the_log(results: dict[str, ScanResult]) -> None:
    found = _of(results["ios-insecure"], "SEC-STORAGE-001")
    assert {f.evidence[0].symbol for f in found} == {"NSUserDefaults setObject:forKey:", "NSLog"}
    for f in found:
        assert (f.evidence_level, f.severity) == (EvidenceLevel.E3, Severity.MEDIUM)
        assert f.evidence[0].path[:2] == (LAUNCH, "+[SessionStore saveToken:]")
        # Data Protection is only a lower-confidence note on the finding.
        assert "lower confidence" in f.message.en
        assert "com.apple.developer.default-data-protection absent" in f.message.en
    defaults = next(f for f in found if f.evidence[0].symbol.startswith("NSUserDefaults"))
    assert "access_token" in defaults.evidence[0].excerpt


def test_dead_twin_stays_at_e2_with_lower_severity(results: dict[str, ScanResult]) -> None:
    dead = results["ios-insecure-dead"]
    severities = {
        "SEC-NET-002": Severity.MEDIUM,  # critical, two levels lower
        "SEC-SECRET-001": Severity.MEDIUM,
        "SEC-STORAGE-001": Severity.LOW,
    }
    for rule, severity in severities.items():
        found = _of(dead, rule)
        assert found, rule
        for f in found:
            assert (f.evidence_level, f.severity) == (EvidenceLevel.E2, severity)
            assert all(not e.path for e in f.evidence)
            assert "no entry point reaches it" in f.message.en


def test_clean_app_reports_none(results: dict[str, ScanResult]) -> None:
    assert not [f for f in results["ios-clean"].findings if f.rule_id in RULES]
    assert set(RULES) <= set(results["ios-clean"].evaluated_rule_ids)


@pytest.mark.parametrize("name", ["ios-insecure", "ios-insecure-dead"])
def test_the_secret_never_appears_whole(
    name: str, results: dict[str, ScanResult], ruleset: Ruleset
) -> None:
    result = results[name]
    for f in result.findings:
        texts = [f.message.zh, f.message.en]
        texts += [t for e in f.evidence for t in (e.location, e.symbol, e.excerpt, *e.path)]
        assert not any(FAKE_KEY in t for t in texts)
    assert FAKE_KEY not in dumps(to_document(result, ruleset.catalog.rules))
    assert FAKE_KEY not in json.dumps([f.fingerprint for f in result.findings])


# -- precision of the trust-all test, on ios-insecure's own slice with one function edited --

CHALLENGE = ("ApiClient", "URLSession:didReceiveChallenge:completionHandler:", False)


@pytest.fixture(scope="module")
def insecure_slice() -> MachOSlice:
    with open_ipa(SAMPLES / "ios-insecure.ipa", ScanConfig().limits) as contents:
        bundle = contents.bundles[0]
        data, _ = read_executable(contents, bundle)
        s = read_bundle(contents, bundle, data).code_slice
    assert s is not None
    return s


def _edited(s: MachOSlice, address: int, **changes: Any) -> MachOSlice:
    functions = dict(s.functions)
    functions[address] = dataclasses.replace(functions[address], **changes)
    return dataclasses.replace(s, functions=functions)


def test_a_delegate_that_evaluates_the_trust_is_not_trust_all(insecure_slice: MachOSlice) -> None:
    s = insecure_slice
    method = s.methods[CHALLENGE]
    assert [h.function for h in _trust_all(s, None)] == [method]
    f = s.functions[method]
    evaluating = _edited(s, method, imports=f.imports | {"_SecTrustEvaluateWithError"})
    assert list(_trust_all(evaluating, None)) == []
    # AFNetworking's delegate hands the trust to its policy before making the credential.
    checking = _edited(s, method, selectors=f.selectors | {"evaluateServerTrust:forDomain:"})
    assert list(_trust_all(checking, None)) == []


def test_allow_invalid_certificates_only_from_app_code_without_pinning(
    insecure_slice: MachOSlice,
) -> None:
    s = insecure_slice
    fetch = next(a for a, f in s.functions.items() if f.name == "-[ApiClient fetchNotices]")
    sel = s.functions[fetch].selectors
    allows = _edited(s, fetch, selectors=sel | {"setAllowInvalidCertificates:"})
    assert [h.function for h in _allow_invalid(allows, None)] == [fetch]
    pinned = _edited(
        s, fetch, selectors=sel | {"setAllowInvalidCertificates:", "policyWithPinningMode:"}
    )
    assert list(_allow_invalid(pinned, None)) == []
    functions = dict(allows.functions)
    functions[fetch] = dataclasses.replace(functions[fetch], name="-[AFSecurityPolicy init]")
    assert list(_allow_invalid(dataclasses.replace(allows, functions=functions), None)) == []
