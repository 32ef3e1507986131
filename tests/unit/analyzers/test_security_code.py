"""Security rules read from code bodies: TLS trust-all (SEC-NET-002), hard-coded secrets
(SEC-SECRET-001, always redacted) and insecure storage and logs (SEC-STORAGE-001).

Samples (samples/README.md, "TLS, secret and storage samples"): sec-tls and
sec-storage-secret reach every case from MainActivity.onCreate; their -dead twins hold the
same classes with nothing calling them; fingertip-clean has none of it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scanner.analyzers.secrets import _password_like
from scanner.analyzers.tls import always_true
from scanner.config import ScanConfig
from scanner.facts.secrets import find_secrets, redact
from scanner.graph.bodies import BodyReader, Insn, MethodBody
from scanner.graph.dex import DexFile
from scanner.model import EvidenceLevel, Finding, ScanResult, Severity
from scanner.pipeline import Ruleset, scan
from scanner.render.json import dumps, to_document
from scanner.unpack.apk import open_apk
from tests.conftest import ROOT, SAMPLES

NAMES = (
    "sec-tls",
    "sec-tls-dead",
    "sec-storage-secret",
    "sec-storage-secret-dead",
    "fingertip-clean",
)
TLS = "cn.gov.example.sectls"
STORE = "cn.gov.example.secstore"
SOURCES = ROOT / "samples" / "src" / "android"


@pytest.fixture(scope="module")
def results(ruleset: Ruleset) -> dict[str, ScanResult]:
    return {name: scan(SAMPLES / f"{name}.apk", ScanConfig(), ruleset) for name in NAMES}


def _of(result: ScanResult, rule: str) -> list[Finding]:
    return [f for f in result.findings if f.rule_id == rule]


def _symbols(findings: list[Finding]) -> set[str]:
    return {e.symbol for f in findings for e in f.evidence}


# --- SEC-NET-002 ------------------------------------------------------------------------------


def test_trust_all_reached_from_on_create_is_e3_critical(
    results: dict[str, ScanResult],
) -> None:
    found = _of(results["sec-tls"], "SEC-NET-002")
    setter = "javax.net.ssl.HttpsURLConnection.setDefaultHostnameVerifier"
    assert _symbols(found) == {
        f"{TLS}.TrustAllManager.checkServerTrusted",
        f"{TLS}.AnyHostVerifier.verify",
        f"{TLS}.LaxWebClient.onReceivedSslError",
        setter,  # handed Apache's ALLOW_ALL_HOSTNAME_VERIFIER
    }
    for finding in found:
        assert finding.evidence_level is EvidenceLevel.E3
        assert finding.severity is Severity.CRITICAL
        ev = finding.evidence[0]
        assert ev.location == "sec-tls.apk!classes.dex"
        assert ev.path[0] == f"{TLS}.MainActivity.onCreate"
        assert ev.path[1] in (f"{TLS}.SecureNet.install", f"{TLS}.WebPage.attach")
        assert ev.path[-1] == ev.symbol
        if ev.symbol == setter:
            assert ev.path[-2] == f"{TLS}.SecureNet.legacyVerifier"
        else:  # created, then called by the framework
            assert ev.path[-2] == ev.symbol.rsplit(".", 1)[0] + ".<init>"


def test_real_checks_beside_them_are_not_trust_all(results: dict[str, ScanResult]) -> None:
    """PinnedManager throws, GovHostVerifier compares, StrictWebClient cancels: created on the
    same path, never reported."""
    text = " ".join(_symbols(_of(results["sec-tls"], "SEC-NET-002")))
    for name in ("PinnedManager", "GovHostVerifier", "StrictWebClient"):
        assert name not in text


def test_trust_all_nothing_creates_is_e2_two_levels_lower(results: dict[str, ScanResult]) -> None:
    found = _of(results["sec-tls-dead"], "SEC-NET-002")
    assert len(found) == 4
    for finding in found:
        assert finding.evidence_level is EvidenceLevel.E2
        assert finding.severity is Severity.MEDIUM
        assert all(not e.path for e in finding.evidence)


def _body(*units: tuple[int, ...]) -> MethodBody:
    insns = tuple(Insn(pc, u) for pc, u in enumerate(units))
    return MethodBody(None, "LX;", "verify", "()Z", insns)  # type: ignore[arg-type]


def test_a_verifier_that_returns_false_on_another_branch_is_not_always_true() -> None:
    # AMap's verifier: `if (check) { const/4 v0, 1; return v0 }; const/4 v0, 0; goto return`.
    checked = _body((0x000A,), (0x0038, 4), (0x1012,), (0x000F,), (0x0012,), (0xFD28,))
    assert not always_true(checked)
    # Kotlin's trust-all verifier: a parameter-name string in v0, then true.
    kotlin = _body((0x001A, 0), (0x1012,), (0x000F,))
    assert always_true(kotlin)


# --- SEC-SECRET-001 ---------------------------------------------------------------------------


def _planted_secrets() -> list[str]:
    """The secret values the sample's sources hold (read from them, not repeated here)."""
    cloud = (SOURCES / "sec-storage-secret/smali/cn/gov/example/secstore/Cloud.smali").read_text()
    strings = re.findall(r'const-string v\d, "([^"]+)"', cloud)
    pem = (SOURCES / "sec-storage-secret/res/raw/client_key.pem").read_text().splitlines()
    return [
        *strings[:4],  # AWS, Alibaba Cloud, JWT, PKCS#8 key
        *(line for line in pem if not line.startswith("-----")),
        "Gov@2024!Pass",
        "Gov-App-AES-Key!",
        "Gov#Unlock2024",
    ]


def test_secrets_are_found_where_they_are(results: dict[str, ScanResult]) -> None:
    found = _of(results["sec-storage-secret"], "SEC-SECRET-001")
    excerpts = {e.excerpt.split(":", 1)[0]: e for f in found for e in f.evidence}
    assert set(excerpts) >= {
        "an AWS access key id",
        "an Alibaba Cloud AccessKey id",
        "a signed JWT",
        "a private key",
        "a password in a config file",
        "a constant encryption key",
        "a hard-coded value compared with user input",
    }
    by_place = {(e.location.split("!", 1)[1], e.symbol) for f in found for e in f.evidence}
    assert ("classes.dex", f"{STORE}.Cloud.keys") in by_place
    assert ("res/raw/client_key.pem", "") in by_place
    assert ("assets/config.properties", "") in by_place
    assert ("classes.dex", f"{STORE}.Auth.unlock") in by_place  # not its check for ""
    keys = {e.symbol for f in found for e in f.evidence if "constant encryption key" in e.excerpt}
    assert keys == {f"{STORE}.Crypto.encrypt", f"{STORE}.Crypto.mac"}  # not Crypto.fresh
    for finding in found:
        assert finding.severity is Severity.HIGH
        if finding.evidence[0].location.endswith("classes.dex"):
            assert finding.evidence_level is EvidenceLevel.E3
            assert finding.evidence[0].path[0] == f"{STORE}.MainActivity.onCreate"
        else:
            assert finding.evidence_level is None


def test_placeholders_and_public_keys_are_not_secrets(results: dict[str, ScanResult]) -> None:
    """AKIAIOSFODNN7EXAMPLE, LTAIxxxxxxxxxxxx, a public key and ${SMTP_PASSWORD} sit beside
    the real ones in the sample: one of each kind is reported, no more."""
    evidence = [e for f in _of(results["sec-storage-secret"], "SEC-SECRET-001") for e in f.evidence]
    kinds = [e.excerpt.split(":", 1)[0] for e in evidence]
    assert kinds.count("an AWS access key id") == 1
    assert kinds.count("an Alibaba Cloud AccessKey id") == 1
    assert kinds.count("a password in a config file") == 1
    assert kinds.count("a hard-coded value compared with user input") == 1
    assert not any("MIIB" in e.excerpt for e in evidence)  # the public key


def test_no_secret_is_ever_written_whole(ruleset: Ruleset, results: dict[str, ScanResult]) -> None:
    for name in ("sec-storage-secret", "sec-storage-secret-dead"):
        document = dumps(to_document(results[name], ruleset.catalog.rules))
        found = _of(results[name], "SEC-SECRET-001")
        text = " ".join(
            [f.message.zh + f.message.en for f in found]
            + [e.excerpt + e.symbol for f in found for e in f.evidence]
        )
        for secret in _planted_secrets():
            assert secret not in text, secret[:4]
            assert secret not in document, secret[:4]
        assert "AKIA…(20 chars)" in text


def test_dead_code_secrets_are_e2_one_level_lower(results: dict[str, ScanResult]) -> None:
    found = _of(results["sec-storage-secret-dead"], "SEC-SECRET-001")
    in_code = [f for f in found if f.evidence[0].location.endswith("classes.dex")]
    assert in_code
    for finding in in_code:
        assert finding.evidence_level is EvidenceLevel.E2
        assert finding.severity is Severity.MEDIUM
    # The files are in the package whatever the code does.
    files = [f for f in found if f not in in_code]
    assert files and all(f.severity is Severity.HIGH for f in files)


def test_secret_checks_and_redaction() -> None:
    assert redact("AKIA2F7Q4L9XW3NB6K8D") == "AKIA…(20 chars)"
    assert find_secrets("AKIAIOSFODNN7EXAMPLE") == []
    assert find_secrets("LTAIxxxxxxxxxxxx") == []
    assert find_secrets("-----BEGIN RSA PRIVATE KEY-----") == []  # a header, no key
    jwt_io = (
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwi"
        "aWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
    )
    assert find_secrets(jwt_io) == []
    assert [s.kind for s in find_secrets("db.password=s3cr3t!", config=True)] == ["password"]
    assert find_secrets("db.password=${DB_PASSWORD}", config=True) == []
    assert find_secrets("db.password=s3cr3t!") == []  # only config files
    # Input compared with names, actions, URLs and phrases is not a password check.
    assert _password_like("admin123") and _password_like("0n3_F1ag")
    for name in ("android.intent.action.VIEW", "CONSOLE_OUTPUT", "admin", "Enter name", "1234"):
        assert not _password_like(name)


# --- SEC-STORAGE-001 --------------------------------------------------------------------------


def test_storage_and_log_cases_reached_are_e3(results: dict[str, ScanResult]) -> None:
    found = _of(results["sec-storage-secret"], "SEC-STORAGE-001")
    helpers = {}
    for finding in found:
        assert finding.evidence_level is EvidenceLevel.E3
        assert finding.severity is Severity.MEDIUM
        ev = finding.evidence[0]
        assert ev.path[0] == f"{STORE}.MainActivity.onCreate"
        helpers[ev.path[1]] = ev
    assert set(helpers) == {f"{STORE}.Store.save", f"{STORE}.Store.export", f"{STORE}.Auth.login"}
    assert helpers[f"{STORE}.Store.save"].excerpt == "openFileOutput(…, mode=0x1)"
    assert helpers[f"{STORE}.Store.export"].symbol.endswith("getExternalStorageDirectory")
    assert helpers[f"{STORE}.Auth.login"].symbol == "android.util.Log.d"
    # Private preferences (mode 0) are not reported.
    assert not any("getSharedPreferences" in e.symbol for f in found for e in f.evidence)


def test_storage_in_dead_code_is_e2_lower_and_clean_has_nothing(
    results: dict[str, ScanResult],
) -> None:
    found = _of(results["sec-storage-secret-dead"], "SEC-STORAGE-001")
    assert len(found) == 3
    assert all(f.evidence_level is EvidenceLevel.E2 for f in found)
    assert all(f.severity is Severity.LOW for f in found)
    assert f"{STORE}dead.Auth.fail" not in _symbols(found)
    clean = results["fingertip-clean"]
    rules = ("SEC-NET-002", "SEC-SECRET-001", "SEC-STORAGE-001")
    assert not [f for f in clean.findings if f.rule_id in rules]
    assert set(rules) <= set(clean.evaluated_rule_ids)


def test_samples_exist() -> None:
    for name in NAMES:
        assert Path(SAMPLES / f"{name}.apk").is_file()


# --- The body reader --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["sec-tls", "sec-storage-secret", "fingertip-checkin"])
def test_body_reader_agrees_with_the_graph_decoder(name: str) -> None:
    """Every method decodes in full, and its invokes and strings are the ones the graph's own
    decoder (scanner/graph/dex.py) reads: the width table and the operand layout agree."""
    contents = open_apk(SAMPLES / f"{name}.apk", ScanConfig().limits)
    try:
        dexes = [DexFile(c.data, c.location) for c in contents.dex]
        reader = BodyReader(dexes)
        checked = 0
        for dex in dexes:
            for cls in dex.classes:
                bodies = {b.name + b.proto: b for b in reader.methods(cls.descriptor)}
                for method in cls.methods:
                    facts = dex.code(method)
                    if facts is None:
                        continue
                    ref = dex.method_ref(method.method_idx)
                    body = bodies[ref.name + ref.proto]
                    invoked = [
                        dex.method_ref(i)
                        for k, i in facts.invokes
                        if k not in ("custom", "polymorphic")
                    ]
                    assert [r for _, r in body.calls()] == invoked
                    assert list(body.strings()) == [dex.string(i) for i in facts.strings]
                    checked += 1
        assert checked > 5
    finally:
        contents.view.close()
