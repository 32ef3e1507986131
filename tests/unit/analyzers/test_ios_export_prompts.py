"""iOS sides of SEC-EXPORT-001 (URL-scheme handler without validation), PRIV-PERM-001 (usage
key no API needs) and PRIV-PERM-002 (authorization asked on every return), on ios-prompts
(samples/README-ios.md) and the negatives: ios-clean, ios-forms (a handler that compares the
URL's host), ios-checkin (a handler that uses nothing of the URL), and ios-prompts with its
handler's facts edited to compare."""

from __future__ import annotations

import dataclasses

import pytest

from scanner.analyzers.base import Context
from scanner.analyzers.ios.inputs import IosInputs
from scanner.analyzers.ios.url_handlers import IosUrlHandlerAnalyzer, own_schemes, sdk_callback
from scanner.config import ScanConfig
from scanner.facts.ios import BundleFacts, read_bundle, read_executable
from scanner.model import EvidenceLevel, Finding, ScanResult, Severity
from scanner.pipeline import Ruleset, scan
from scanner.scan_ios import _graphs
from scanner.unpack.ipa import open_ipa
from tests.conftest import SAMPLES

RULES = ("SEC-EXPORT-001", "PRIV-PERM-001", "PRIV-PERM-002")
HANDLER = "-[AppDelegate application:openURL:options:]"


@pytest.fixture(scope="module")
def results(ruleset: Ruleset) -> dict[str, ScanResult]:
    names = ("ios-prompts", "ios-clean", "ios-forms", "ios-checkin", "ios-trace")
    return {n: scan(SAMPLES / f"{n}.ipa", ScanConfig(), ruleset) for n in names}


def _mine(result: ScanResult) -> dict[str, Finding]:
    return {f.rule_id: f for f in result.findings if f.rule_id in RULES}


def test_unvalidated_url_handler_is_reported_with_scheme_and_path(
    results: dict[str, ScanResult],
) -> None:
    finding = _mine(results["ios-prompts"])["SEC-EXPORT-001"]
    assert finding.evidence_level is EvidenceLevel.E3
    assert finding.severity is Severity.MEDIUM
    schemes = finding.evidence[0]
    assert schemes.symbol == "CFBundleURLTypes.CFBundleURLSchemes"
    assert schemes.excerpt == "govprompt"  # wx1a2b3c4d5e6f7a8b is WeChat's callback
    assert schemes.location.endswith("GovPrompt.app/Info.plist")
    code = finding.evidence[1]
    assert code.symbol == HANDLER
    assert code.path == (HANDLER, "pushViewController:animated:")
    assert code.excerpt is not None and "host" in code.excerpt
    assert "govprompt://" in finding.message.en


def test_repeated_location_request_from_view_did_appear(results: dict[str, ScanResult]) -> None:
    finding = _mine(results["ios-prompts"])["PRIV-PERM-002"]
    assert finding.evidence_level is EvidenceLevel.E3
    assert finding.severity is Severity.MEDIUM
    assert [e.symbol for e in finding.evidence] == ["-[NoticeListViewController viewDidAppear:]"]
    assert finding.evidence[0].path == (
        "-[NoticeListViewController viewDidAppear:]",
        "-[NoticeListViewController askForLocation]",
        "CLLocationManager requestWhenInUseAuthorization",
    )
    # viewWillAppear: hands locateTapped: to a bar button: a tap, not a repeat.
    assert not any("viewWillAppear" in (e.symbol or "") for e in finding.evidence)


def test_declared_but_unused_usage_key_is_priv_perm_001(results: dict[str, ScanResult]) -> None:
    for name in ("ios-prompts", "ios-trace"):
        finding = _mine(results[name])["PRIV-PERM-001"]
        assert [e.symbol for e in finding.evidence] == ["NSContactsUsageDescription"]
    usage = next(f for f in results["ios-trace"].findings if f.rule_id == "PRIV-IOS-001")
    # One check, one id: the unused key is no longer PRIV-IOS-001's.
    assert all(e.symbol != "NSContactsUsageDescription" for e in usage.evidence)
    # ios-prompts' location key is used (requestWhenInUseAuthorization) and well described.
    assert not any(f.rule_id == "PRIV-IOS-001" for f in results["ios-prompts"].findings)


@pytest.mark.parametrize("name", ["ios-clean", "ios-forms", "ios-checkin"])
def test_negatives(name: str, results: dict[str, ScanResult]) -> None:
    # ios-clean: no scheme, no request, no key; ios-forms: its handler compares url.host;
    # ios-checkin: its handler opens a fixed screen whatever the URL says.
    assert _mine(results[name]) == {}
    assert set(RULES) <= set(results[name].evaluated_rule_ids)


def _inputs(ruleset: Ruleset, name: str) -> IosInputs:
    path = SAMPLES / f"{name}.ipa"
    with open_ipa(path, ScanConfig().limits) as contents:
        bundles: list[BundleFacts] = []
        for bundle in contents.bundles:
            data, _ = read_executable(contents, bundle)
            bundles.append(read_bundle(contents, bundle, data))
        graphs = _graphs(contents, bundles)
    return IosInputs(
        package_label=path.name,
        bundles=tuple(bundles),
        sdks=(),
        yara=(),
        table=ruleset.ios,
        graphs=graphs,
    )


def _context(ruleset: Ruleset) -> Context:
    return Context(
        catalog=ruleset.catalog,
        packers=ruleset.packers,
        behaviours=ruleset.behaviours,
        sdk_table=ruleset.sdks,
    )


def test_a_comparison_in_the_handler_is_validation(ruleset: Ruleset) -> None:
    inputs = _inputs(ruleset, "ios-prompts")
    assert len(list(IosUrlHandlerAnalyzer().analyze(inputs, _context(ruleset)))) == 1
    s = inputs.app.code_slice
    assert s is not None
    address = next(a for a, f in s.functions.items() if f.name == HANDLER)
    # The same handler, had it checked the host (`[url.host isEqualToString:@"notice"]`).
    f = s.functions[address]
    s.functions[address] = dataclasses.replace(f, selectors=f.selectors | {"isEqualToString:"})
    assert list(IosUrlHandlerAnalyzer().analyze(inputs, _context(ruleset))) == []
    # Or looked at the calling app (options[UIApplicationOpenURLOptionsSourceApplicationKey]).
    s.functions[address] = dataclasses.replace(
        f, imports=f.imports | {"_UIApplicationOpenURLOptionsSourceApplicationKey"}
    )
    assert list(IosUrlHandlerAnalyzer().analyze(inputs, _context(ruleset))) == []


def test_sdk_callback_schemes_are_not_the_apps(ruleset: Ruleset) -> None:
    spec = ruleset.ios.url_handlers
    assert spec is not None
    prefixes = spec.sdk_scheme_prefixes
    assert {"wx", "tencent", "QQ", "fb", "alipay"} <= set(prefixes)  # similarity.toml's
    for scheme in ("wx5f0a8c3d2b1e4a67", "tencent1104851234", "QQ41E5A6F0", "fb123456789"):
        assert sdk_callback(scheme, prefixes), scheme
    for scheme in ("govprompt", "wxapp", "fbgovservice", "ftformsalipay"):
        assert not sdk_callback(scheme, prefixes), scheme
    info = {
        "CFBundleURLTypes": [
            {"CFBundleURLSchemes": ["wx5f0a8c3d2b1e4a67", "govprompt"]},
            {"CFBundleURLSchemes": ["govprompt", 3]},
            "junk",
        ]
    }
    assert own_schemes(info, prefixes) == ["govprompt"]
