"""iOS rules on the project's own IPAs (samples/README-ios.md says what each one holds): the
rules each reports, at which evidence level, by which path; and what the negatives must not
report."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.config import ScanConfig
from scanner.model import EvidenceLevel, Finding, Platform, ScanResult, Severity
from scanner.pipeline import Ruleset, scan
from tests.conftest import SAMPLES

# sample -> every finding's rule and evidence level (None: not a code-level rule). Exact: a
# rule not listed is a failure, so each sample is a negative for everything else.
EXPECTED: dict[str, dict[str, str | None]] = {
    "ios-clean": {
        "ID-FILING-001": None,
        "ID-FILING-003": None,  # info: the filing number it shows, for the lab to check
    },
    "ios-checkin": {
        "FORM-CHECKIN-001": "E4",
        "PRIV-PRECONSENT-001": "E3",  # Bugly starts in didFinishLaunching
        "SEC-DEBUG-001": None,
        "SEC-NET-001": None,
        "SEC-SIGN-006": None,
        "PRIV-IOS-001": None,  # the widget uses NSUserDefaults with no privacy manifest
        "SEC-NATIVE-001": None,  # the widget has no stack canary
        "ID-FILING-001": None,
        "PRIV-SDK-001": None,
        "FUNC-POLICY-001": None,
        "FUNC-FEEDBACK-001": None,
        "PRIV-LOC-001": "E3",
        "ZOMB-STALE-001": None,
        "ID-FILING-003": None,
    },
    "ios-checkin-dead": {
        "FORM-CHECKIN-001": "E2",
        "ID-FILING-001": None,
        "FUNC-POLICY-001": None,
        "FUNC-FEEDBACK-001": None,
        "ZOMB-STALE-001": None,
        "ID-FILING-003": None,
        "PRIV-LOC-001": "E2",
    },
    "ios-trace": {
        "FORM-TRACE-001": "E4",
        "FORM-TRACE-002": "E4",
        "FORM-TRACE-003": "E4",
        "FORM-DURATION-001": "E4",
        "PRIV-PRECONSENT-001": "E3",
        "PRIV-CLIP-001": "E3",
        "PRIV-DEVID-001": "E3",
        "SEC-SIGN-006": None,
        "PRIV-IOS-001": None,
        "PRIV-PERM-001": None,  # NSContactsUsageDescription with no contacts API
        "SEC-NATIVE-001": None,
        "ID-FILING-001": None,
        "FUNC-POLICY-001": None,
        "PRIV-LOC-001": "E3",
        "FUNC-FEEDBACK-001": None,
        "ZOMB-STALE-001": None,
        "ID-FILING-003": None,
    },
    "ios-weak": {
        "SEC-CRYPTO-001": "E3",
        "SEC-CRYPTO-002": "E3",
        "SEC-NATIVE-002": "E3",
        "SEC-WEBVIEW-001": "E3",
        "SEC-NATIVE-001": None,
        "SEC-SIGN-006": None,
        "SEC-SIGN-007": None,
        "PRIV-IOS-001": None,
        "ID-FILING-001": None,
        "FUNC-POLICY-001": None,
        "FUNC-FEEDBACK-001": None,
        "ZOMB-SHELL-001": "E2",
        "ZOMB-STALE-001": None,
        "ZOMB-PLACEHOLDER-001": None,  # the vendor's test server, 192.168.1.20
        "ID-FILING-003": None,
    },
    "ios-fairplay": {
        "ID-FILING-001": None,
        "ZOMB-STALE-001": None,
    },
    "ios-forms": {
        "FORM-CHECKIN-002": "E4",
        "FORM-RANK-001": "E4",
        "FORM-SOCIAL-001": "E4",
        "FORM-REPORT-001": "E4",
        "FORM-FORCE-001": "E4",
        "FORM-COMMERCE-001": "E4",
        "ID-FILING-001": None,
        "PRIV-SDK-001": None,
        "PRIV-LOC-001": "E3",
        "ZOMB-STALE-001": None,
        "ID-FILING-003": None,
    },
    "ios-tampered": {
        "SEC-SIGN-004": None,
        "ID-FILING-001": None,
        "ID-FILING-003": None,
    },
    "ios-unsigned": {
        "SEC-SIGN-005": None,
        "FUNC-POLICY-001": None,
        "FUNC-FEEDBACK-001": None,
        "ZOMB-STALE-001": None,
        "ID-FILING-003": None,
    },
    "ios-privacy": {
        "PRIV-CONTACT-001": "E3",  # the address book read at launch (ContactsSync)
        "FUNC-POLICY-001": None,
        "FUNC-FEEDBACK-001": None,
        "PRIV-APPLIST-001": "E3",
        "PRIV-CAMMIC-001": "E3",
        "ZOMB-STALE-001": None,
        "ID-FILING-003": None,
        "ID-FILING-001": None,
    },
    "ios-insecure": {
        "SEC-NET-002": "E3",  # a trust-all URLSession delegate, reached from the app delegate
        "SEC-SECRET-001": "E3",  # the planted fake AWS key id, redacted
        "SEC-STORAGE-001": "E3",  # a token in NSUserDefaults and in NSLog
        "SEC-NATIVE-001": None,
        "FUNC-POLICY-001": None,
        "FUNC-FEEDBACK-001": None,
        "ID-FILING-001": None,
        "ID-FILING-003": None,
    },
    "ios-insecure-dead": {
        "SEC-NET-002": "E2",
        "SEC-SECRET-001": "E2",
        "SEC-STORAGE-001": "E2",
        "SEC-NATIVE-001": None,
        "FUNC-POLICY-001": None,
        "FUNC-FEEDBACK-001": None,
        "ID-FILING-001": None,
        "ID-FILING-003": None,
    },
    "ios-prompts": {
        "SEC-EXPORT-001": "E3",  # govprompt:// handler pushes a screen from the URL's host
        "PRIV-PERM-002": "E3",  # location authorization asked in viewDidAppear:
        "PRIV-PERM-001": None,  # NSContactsUsageDescription, no contacts API
        "ID-FILING-001": None,
        "ID-FILING-003": None,
    },
}
# The first steps of each E3/E4 path (entry first).
PATHS = {
    ("ios-privacy", "PRIV-CONTACT-001"): (
        "-[AppDelegate application:didFinishLaunchingWithOptions:]",
        "+[ContactsSync countContacts]",
    ),
    ("ios-insecure", "SEC-NET-002"): (
        "-[AppDelegate application:didFinishLaunchingWithOptions:]",
        "-[ApiClient fetchNotices]",
    ),
    ("ios-insecure", "SEC-STORAGE-001"): (
        "-[AppDelegate application:didFinishLaunchingWithOptions:]",
        "+[SessionStore saveToken:]",
    ),
    ("ios-prompts", "PRIV-PERM-002"): (
        "-[NoticeListViewController viewDidAppear:]",
        "-[NoticeListViewController askForLocation]",
    ),
    ("ios-checkin", "FORM-CHECKIN-001"): (
        "-[CheckinViewController viewDidLoad]",
        "-[CheckinViewController checkInTapped:]",
    ),
    ("ios-trace", "FORM-TRACE-001"): (
        "-[AppDelegate application:didFinishLaunchingWithOptions:]",
        "-[TrackRecorder start]",
    ),
    ("ios-trace", "FORM-TRACE-002"): (
        "-[PatrolViewController viewDidLoad]",
        "-[PatrolViewController takePhoto:]",
    ),
    ("ios-trace", "PRIV-DEVID-001"): (
        "-[AppDelegate application:didFinishLaunchingWithOptions:]",
        "-[AppDelegate registerDevice]",
    ),
    ("ios-weak", "SEC-CRYPTO-001"): (
        "-[LegacyViewController viewDidLoad]",
        "+[LegacyCrypto md5Hex:]",
    ),
}


@pytest.fixture(scope="module")
def results(ruleset: Ruleset) -> dict[str, ScanResult]:
    return {name: scan(SAMPLES / f"{name}.ipa", ScanConfig(), ruleset) for name in EXPECTED}


def _by_rule(result: ScanResult) -> dict[str, Finding]:
    return {f.rule_id: f for f in result.findings}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_sample_reports_exactly_its_rules_at_their_levels(
    name: str, results: dict[str, ScanResult]
) -> None:
    found = _by_rule(results[name])
    levels = {r: (f.evidence_level.value if f.evidence_level else None) for r, f in found.items()}
    assert levels == EXPECTED[name]
    assert results[name].app.platform is Platform.IOS


@pytest.mark.parametrize(("name", "rule"), sorted(PATHS))
def test_reachable_findings_carry_their_path(
    name: str, rule: str, results: dict[str, ScanResult]
) -> None:
    finding = _by_rule(results[name])[rule]
    paths = [e.path for e in finding.evidence if e.path]
    assert paths and paths[0][: len(PATHS[name, rule])] == PATHS[name, rule]


def test_severity_follows_the_evidence_level(results: dict[str, ScanResult]) -> None:
    checkin = _by_rule(results["ios-checkin"])["FORM-CHECKIN-001"]
    assert checkin.severity is Severity.HIGH and checkin.needs_review  # E4: the catalogue's
    dead = _by_rule(results["ios-checkin-dead"])["FORM-CHECKIN-001"]
    assert dead.severity is Severity.INFO  # E2: suspected only
    assert "not reached from an entry point" in dead.message.en


def test_identity_and_the_bundle_tree(results: dict[str, ScanResult]) -> None:
    app = results["ios-checkin"].app
    assert (app.identifier, app.version_name, app.build_version, app.min_os) == (
        "cn.gov.example.checkin",
        "1.2.0",
        "3",
        "12.0",
    )
    assert dict(app.names) == {"zh-Hans": "移动考勤"}
    kinds = [(b.kind, b.identifier, b.signature) for b in app.bundles]
    assert kinds == [
        ("app", "cn.gov.example.checkin", "signed"),
        ("appex", "cn.gov.example.checkin.widget", "signed"),
        ("framework", "com.amap.api.AMapLocationKit", "signed"),
    ]
    assert all(b.team_id == "FTSAMPLE01" for b in app.bundles)
    schemes = {s.scheme for s in app.signers}
    assert schemes == {"codesign", "provision"}
    assert {s.name for s in app.sdks} >= {
        "AMap Location SDK (高德定位)",
        "Tencent Bugly (腾讯Bugly)",
    }


def test_fairplay_is_said_and_coverage_is_partial(results: dict[str, ScanResult]) -> None:
    result = results["ios-fairplay"]
    assert result.coverage.partial
    assert any("FairPlay-encrypted" in r for r in result.coverage.reasons)
    assert result.app.bundles[0].encrypted
    assert result.app.identifier == "cn.gov.example.services"  # Info.plist still read
    assert not any(f.rule_id.startswith("FORM-") for f in result.findings)


def test_usage_descriptions_against_the_binary(results: dict[str, ScanResult]) -> None:
    excerpts = {
        e.symbol: e.excerpt for e in _by_rule(results["ios-trace"])["PRIV-IOS-001"].evidence
    }
    assert excerpts["AVCaptureDevice"].endswith("no NSCameraUsageDescription")  # camera, no key
    assert "NSContactsUsageDescription" not in excerpts
    # A key with no API behind it is PRIV-PERM-001 on iOS, as on Android (requested, unused).
    unused = _by_rule(results["ios-trace"])["PRIV-PERM-001"].evidence
    assert "NSContactsUsageDescription" in {e.symbol for e in unused}


def test_ats_exception_severity(results: dict[str, ScanResult]) -> None:
    ats = _by_rule(results["ios-checkin"])["SEC-NET-001"]
    assert ats.severity is Severity.HIGH  # NSAllowsArbitraryLoads: ATS off everywhere
    keys = {e.symbol for e in ats.evidence}
    assert "NSAppTransportSecurity.NSAllowsArbitraryLoads" in keys


def test_without_the_graph_ios_stops_at_e2(ruleset: Ruleset) -> None:
    result = scan(SAMPLES / "ios-checkin.ipa", ScanConfig(code_graph=False), ruleset)
    checkin = _by_rule(result)["FORM-CHECKIN-001"]
    assert checkin.evidence_level is EvidenceLevel.E2


def test_every_ios_sample_is_covered() -> None:
    assert {p.stem for p in Path(SAMPLES).glob("*.ipa")} == set(EXPECTED)


def test_swift_sdks_are_named_by_their_module() -> None:
    from scanner.scan_ios import swift_modules

    mangled = ["_$s9Alamofire7SessionC", "$s15AMapLocationKit0aB7ManagerC", "$s5SwiftSS", "_$s99X"]
    assert swift_modules(mangled) == {"Alamofire", "AMapLocationKit"}
