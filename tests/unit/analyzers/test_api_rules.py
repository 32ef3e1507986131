"""API rules on Android (behaviours.toml [[api_rule]]): rule, level, path, and the
gates that keep them precise (permissions, the android_id argument, user actions)."""

from __future__ import annotations

import pytest

from scanner.config import ScanConfig
from scanner.model import EvidenceLevel, Finding, ScanResult, Severity
from scanner.pipeline import Ruleset, scan
from tests.conftest import SAMPLES

RULES = ("PRIV-DEVID-001", "PRIV-APPLIST-001", "PRIV-CLIP-001", "PRIV-LOC-001", "PRIV-CAMMIC-001")
APP = "cn.gov.example.privapis"
# samples/README.md, "Privacy API samples": each API behind its own helper, from onCreate.
PATHS = {
    "PRIV-DEVID-001": f"{APP}.DeviceInfo.collect",
    "PRIV-APPLIST-001": f"{APP}.AppList.scan",
    "PRIV-CLIP-001": f"{APP}.ClipReader.read",
    "PRIV-LOC-001": f"{APP}.Locator.last",
    "PRIV-CAMMIC-001": f"{APP}.Recorder.start",
}


@pytest.fixture(scope="module")
def results(ruleset: Ruleset) -> dict[str, ScanResult]:
    return {
        name: scan(SAMPLES / f"{name}.apk", ScanConfig(), ruleset)
        for name in ("priv-apis", "priv-apis-dead", "priv-after-consent", "fingertip-clean")
    }


def test_every_api_reached_from_on_create_is_e3_with_its_path(
    results: dict[str, ScanResult],
) -> None:
    found = {f.rule_id: f for f in results["priv-apis"].findings if f.rule_id in RULES}
    assert set(found) == set(RULES)
    for rule, helper in PATHS.items():
        finding = found[rule]
        assert finding.evidence_level is EvidenceLevel.E3
        path = finding.evidence[0].path
        assert path[:2] == (f"{APP}.MainActivity.onCreate", helper), rule
    # ACCESS_BACKGROUND_LOCATION is requested: location is high.
    assert found["PRIV-LOC-001"].severity is Severity.HIGH
    symbols = found["PRIV-DEVID-001"].evidence[0].symbol
    assert "getDeviceId" in symbols and "Settings$Secure.getString" in symbols


def test_dead_helpers_stay_at_e2(results: dict[str, ScanResult]) -> None:
    levels = {
        f.rule_id: f.evidence_level
        for f in results["priv-apis-dead"].findings
        if f.rule_id in RULES
    }
    assert levels == dict.fromkeys(RULES, EvidenceLevel.E2)


def test_apps_without_the_apis_report_none(results: dict[str, ScanResult]) -> None:
    assert not [f for f in results["fingertip-clean"].findings if f.rule_id in RULES]


def test_collection_after_consent_is_still_collection(results: dict[str, ScanResult]) -> None:
    """priv-after-consent reads the IMEI behind the consent button: not before consent, but
    still an identifier the app collects (and the path says it is the user's click)."""
    rules = {f.rule_id: f for f in results["priv-after-consent"].findings}
    assert "PRIV-PRECONSENT-001" not in rules
    path = rules["PRIV-DEVID-001"].evidence[0].path
    assert any(step.endswith(".onClick") for step in path)


def test_a_call_the_platform_refuses_does_not_count(ruleset: Ruleset) -> None:
    """AppCompat's night mode asks for the last location in every app; without a location
    permission it gets nothing, so it is not PRIV-LOC-001 (the rule's needs_permission)."""
    spec = next(r for r in ruleset.behaviours.api_rules if r.rule == "PRIV-LOC-001")
    assert spec.needs_permission
    settings = next(r for r in ruleset.behaviours.api_rules if r.rule == "PRIV-DEVID-001")
    assert settings.needs_string == {"Landroid/provider/Settings$Secure;->getString": "android_id"}


def _newer_shapes(f: Finding) -> bool:
    """The static-IV and shared-storage-page findings, tested on their own below."""
    return "constant IV" in f.message.en or "shared storage" in f.message.en


def test_weak_cipher_and_js_bridge_reached_or_dead(ruleset: Ruleset) -> None:
    app = "cn.gov.example.weakcode"
    live = scan(SAMPLES / "sec-weak-code.apk", ScanConfig(), ruleset)
    # The cipher finding; the static-IV one is tested below.
    found = {f.rule_id: f for f in live.findings if not _newer_shapes(f)}
    assert found["SEC-CRYPTO-001"].evidence_level is EvidenceLevel.E3
    assert found["SEC-CRYPTO-001"].evidence[0].path[:2] == (
        f"{app}.MainActivity.onCreate",
        f"{app}.LegacyCipher.encrypt",
    )
    assert found["SEC-WEBVIEW-001"].evidence[0].path[:2] == (
        f"{app}.MainActivity.onCreate",
        f"{app}.WebBridge.attach",
    )
    assert found["SEC-WEBVIEW-001"].severity is Severity.HIGH  # minSdk 24: not critical
    dead = scan(SAMPLES / "sec-weak-code-dead.apk", ScanConfig(), ruleset)
    # (Its constant DES key is also SEC-SECRET-001, tested with the secrets.)
    rules = {"SEC-CRYPTO-001", "SEC-WEBVIEW-001"}
    levels = {
        f.rule_id: f.evidence_level
        for f in dead.findings
        if f.rule_id in rules and not _newer_shapes(f)
    }
    assert levels == {"SEC-CRYPTO-001": EvidenceLevel.E2, "SEC-WEBVIEW-001": EvidenceLevel.E2}


def test_weak_cipher_reads_the_transformation_not_the_key_algorithm() -> None:
    from scanner.analyzers.api_rules import weak_cipher

    assert weak_cipher(("DES/ECB/PKCS5Padding",)) and weak_cipher(("AES/ECB/NoPadding",))
    assert weak_cipher(("DES",)) and weak_cipher(("RC4",)) and weak_cipher(("AES",))
    # InsecureBankv2: SecretKeySpec(key, "AES") beside Cipher.getInstance("AES/CBC/…").
    assert not weak_cipher(("AES", "AES/CBC/PKCS5Padding"))
    # Bugly: RSA's "ECB" is Java's name for a single block, not the ECB mode of a block cipher.
    assert not weak_cipher(("RSA/ECB/PKCS1Padding",))


def test_an_sdk_is_listed_with_the_privacy_apis_its_own_code_calls(ruleset: Ruleset) -> None:
    from scanner.analyzers.api_rules import sdk_calls
    from scanner.graph.callgraph import CodeGraph, _digraph

    g = CodeGraph()
    sdk = g.node("Lcom/amap/api/location/AMapLocationClient;->init()V")
    app = g.node("Lcn/gov/example/Main;->onCreate(Landroid/os/Bundle;)V")
    imei = g.node("Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;")
    clip = g.node("Landroid/content/ClipboardManager;->getPrimaryClip()Landroid/content/ClipData;")
    g.defined.update({sdk, app})
    g.graph = _digraph(len(g.names), {sdk: {imei: {}}, app: {clip: {}}})
    perms = {"android.permission.READ_PHONE_STATE"}
    calls = sdk_calls(g, ruleset.behaviours.api_rules, perms, ruleset.sdks.owner)
    owner = ruleset.sdks.owner("Lcom/amap/api/location/AMapLocationClient;")
    assert owner is not None
    # The SDK's own call is its; the app's clipboard read belongs to no SDK.
    assert calls == {owner.id: ("PRIV-DEVID-001: TelephonyManager.getDeviceId",)}
    # Without the permission the platform refuses the IMEI: nothing to disclose.
    assert sdk_calls(g, ruleset.behaviours.api_rules, set(), ruleset.sdks.owner) == {}


def test_contacts_sms_and_call_log_reads_need_the_provider_named(ruleset: Ruleset) -> None:
    app = "cn.gov.example.contacts"
    live = scan(SAMPLES / "priv-contacts.apk", ScanConfig(), ruleset)
    found = {f.rule_id: f for f in live.findings}
    contact = found["PRIV-CONTACT-001"]
    assert contact.evidence_level is EvidenceLevel.E3 and contact.severity is Severity.HIGH
    path = contact.evidence[0].path
    assert path[0] == f"{app}.MainActivity.onCreate"
    assert path[1] in {f"{app}.Harvester.{m}" for m in ("contacts", "sms", "calls")}
    dead = scan(SAMPLES / "priv-contacts-dead.apk", ScanConfig(), ruleset)
    # (Its SMS and call-log permissions are also PRIV-PERM-001, GB/T 41391 Annex E.)
    levels = {f.rule_id: f.evidence_level for f in dead.findings if f.rule_id.startswith("PRIV-C")}
    assert levels == {"PRIV-CONTACT-001": EvidenceLevel.E2}
    # Every other sample queries no contacts provider, though some call ContentResolver.query.
    clean = scan(SAMPLES / "priv-apis.apk", ScanConfig(), ruleset)
    assert "PRIV-CONTACT-001" not in {f.rule_id for f in clean.findings}


def test_a_static_iv_is_weak_crypto_and_a_random_one_is_not(ruleset: Ruleset) -> None:
    """SessionCipher.seal makes its IV with `new byte[16]` and never fills it (all zeros);
    sealRandom fills its IV with SecureRandom.nextBytes first. Only seal's is a constant."""
    app = "cn.gov.example.weakcode"

    def static_iv(result: ScanResult) -> list[Finding]:
        return [f for f in result.findings if "constant IV" in f.message.en]

    (live,) = static_iv(scan(SAMPLES / "sec-weak-code.apk", ScanConfig(), ruleset))
    assert live.rule_id == "SEC-CRYPTO-001" and live.evidence_level is EvidenceLevel.E3
    assert [e.path[:2] for e in live.evidence] == [
        (f"{app}.MainActivity.onCreate", f"{app}.SessionCipher.seal")
    ]
    (dead,) = static_iv(scan(SAMPLES / "sec-weak-code-dead.apk", ScanConfig(), ruleset))
    assert dead.evidence_level is EvidenceLevel.E2 and dead.severity is Severity.LOW
    assert [e.symbol for e in dead.evidence] == ["cn.gov.example.weakcodedead.SessionCipher.seal"]
    assert not static_iv(scan(SAMPLES / "priv-apis.apk", ScanConfig(), ruleset))


def test_a_javascript_page_from_shared_storage(ruleset: Ruleset) -> None:
    """WebBridge.showStatement turns JavaScript on and loads file://<external storage>/…;
    WebBridge.attach also turns it on and loads a file:// page, but from the APK's assets,
    which no other app can write: not this finding."""
    app = "cn.gov.example.weakcode"

    def shared_page(result: ScanResult) -> list[Finding]:
        return [f for f in result.findings if "shared storage" in f.message.en]

    (live,) = shared_page(scan(SAMPLES / "sec-weak-code.apk", ScanConfig(), ruleset))
    assert live.rule_id == "SEC-WEBVIEW-001" and live.evidence_level is EvidenceLevel.E3
    assert [e.path[:2] for e in live.evidence] == [
        (f"{app}.MainActivity.onCreate", f"{app}.WebBridge.showStatement")
    ]
    (dead,) = shared_page(scan(SAMPLES / "sec-weak-code-dead.apk", ScanConfig(), ruleset))
    assert dead.evidence_level is EvidenceLevel.E2
    assert not shared_page(scan(SAMPLES / "form-hybrid-checkin.apk", ScanConfig(), ruleset))
