"""Zombie (ZOMB-*), function (FUNC-*) and filing-number (ID-FILING-003) rules on both
platforms: the positive and negative samples of samples/README.md ("Zombie and function
samples") and samples/README-ios.md, and the iOS staleness thresholds on edited facts."""

from __future__ import annotations

import dataclasses

import pytest

from scanner.analyzers.base import Context
from scanner.analyzers.ios.inputs import IosInputs
from scanner.analyzers.ios.zombie import IosZombieAnalyzer
from scanner.analyzers.zombie import old_certificate, placeholder_name
from scanner.config import ScanConfig
from scanner.model import EvidenceLevel, Finding, ScanResult, Severity
from scanner.pipeline import Ruleset, scan
from tests.conftest import SAMPLES

MINE = (
    "ZOMB-SHELL-001",
    "ZOMB-STALE-001",
    "ZOMB-PLACEHOLDER-001",
    "FUNC-FEEDBACK-001",
    "FUNC-POLICY-001",
    "ID-FILING-003",
)
NAMES = (
    "zomb-shell.apk",
    "func-complete.apk",
    "fingertip-clean.apk",
    "ios-clean.ipa",
    "ios-checkin.ipa",
)


@pytest.fixture(scope="module")
def results(ruleset: Ruleset) -> dict[str, ScanResult]:
    return {name: scan(SAMPLES / name, ScanConfig(), ruleset) for name in NAMES}


def mine(result: ScanResult) -> dict[str, Finding]:
    return {f.rule_id: f for f in result.findings if f.rule_id in MINE}


def test_shell_sample_is_a_webview_wrapper_reached_from_the_launcher(
    results: dict[str, ScanResult],
) -> None:
    shell = mine(results["zomb-shell.apk"])["ZOMB-SHELL-001"]
    assert shell.evidence_level is EvidenceLevel.E3
    assert shell.severity is Severity.MEDIUM
    ev = shell.evidence[0]
    assert ev.excerpt == "https://www.example.gov.cn/h5/index.html"
    assert ev.path[0] == "com.example.myapplication.MainActivity.onCreate"
    assert ev.path[-1] == "android.webkit.WebView.loadUrl"
    assert "1 activities, 2 own classes" in shell.message.en


def test_shell_sample_is_stale_with_template_residue_and_no_required_text(
    results: dict[str, ScanResult],
) -> None:
    found = mine(results["zomb-shell.apk"])
    assert set(found) == set(MINE)
    stale = found["ZOMB-STALE-001"]
    assert stale.evidence[0].location == "zomb-shell.apk!AndroidManifest.xml"
    assert stale.evidence[0].excerpt == "28"
    residue = found["ZOMB-PLACEHOLDER-001"]
    excerpts = {e.excerpt for e in residue.evidence}
    assert {"My Application", "com.example.myapplication", "Hello World!"} <= excerpts
    endpoint = next(e for e in residue.evidence if "192.168.1.20" in e.excerpt)
    assert endpoint.symbol == "com.example.myapplication.MainActivity.apiBase"
    assert endpoint.location == "zomb-shell.apk!classes.dex"
    for rule in ("FUNC-FEEDBACK-001", "FUNC-POLICY-001"):
        # An absence rule says where it looked, and what it cannot see.
        assert "searched resources.arsc" in found[rule].message.en
        assert "remote H5 pages" in found[rule].message.en
    assert found["FUNC-POLICY-001"].severity is Severity.HIGH
    assert found["ID-FILING-003"].severity is Severity.LOW


def test_complete_app_has_none_and_lists_its_filing_number(
    results: dict[str, ScanResult],
) -> None:
    found = mine(results["func-complete.apk"])
    assert set(found) == {"ID-FILING-003"}
    filing = found["ID-FILING-003"]
    assert filing.severity is Severity.INFO
    assert filing.evidence[0].excerpt == "粤ICP备12345678号-3A"
    assert filing.evidence[0].location == "func-complete.apk!resources.arsc"


def test_clean_sample_has_feedback_and_policy(results: dict[str, ScanResult]) -> None:
    found = mine(results["fingertip-clean.apk"])
    assert "FUNC-FEEDBACK-001" not in found and "FUNC-POLICY-001" not in found
    assert "ZOMB-SHELL-001" not in found and "ZOMB-STALE-001" not in found


def test_ios_feedback_and_policy_from_utf16_literals(results: dict[str, ScanResult]) -> None:
    clean = mine(results["ios-clean.ipa"])
    assert "FUNC-FEEDBACK-001" not in clean and "FUNC-POLICY-001" not in clean
    # It shows its filing number: listed at info, not the low "no filing number shown".
    assert clean["ID-FILING-003"].severity is Severity.INFO
    assert clean["ID-FILING-003"].evidence[0].excerpt == "京ICP备12345678号-1A"
    checkin = mine(results["ios-checkin.ipa"])
    assert {"FUNC-FEEDBACK-001", "FUNC-POLICY-001", "ID-FILING-003"} <= set(checkin)
    assert "strings of the app executable" in checkin["FUNC-POLICY-001"].message.en


def test_ios_stale_build_and_its_threshold(ruleset: Ruleset) -> None:
    result = scan(SAMPLES / "ios-trace.ipa", ScanConfig(), ruleset)
    stale = mine(result)["ZOMB-STALE-001"]
    assert stale.evidence[0].symbol == "DTPlatformVersion"
    assert stale.evidence[0].excerpt == "16.0"
    assert "DTXcode 1400" in stale.message.en
    # ios-clean is built as with Xcode 16 and the iOS 18 SDK: current, not stale.
    clean = scan(SAMPLES / "ios-clean.ipa", ScanConfig(), ruleset)
    assert "ZOMB-STALE-001" not in mine(clean)


def _ios_inputs(ruleset: Ruleset, **bundle_changes: object) -> tuple[IosInputs, Context]:
    """The ios-clean facts with Info.plist values changed (no IPA is built for each)."""
    from scanner.facts.ios import read_bundle, read_executable
    from scanner.rules.ios_data import IosTable
    from scanner.unpack.ipa import open_ipa

    with open_ipa(SAMPLES / "ios-clean.ipa", ScanConfig().limits) as contents:
        bundle = dataclasses.replace(contents.app, **bundle_changes)  # type: ignore[arg-type]
        data, _ = read_executable(contents, bundle)
        facts = read_bundle(contents, bundle, data)
    inputs = IosInputs(
        package_label="ios-clean.ipa",
        bundles=(facts,),
        sdks=(),
        yara=(),
        table=IosTable.load(ruleset.directory / "data" / "ios_behaviours.toml"),
        scan_date="2026-01-01",
    )
    ctx = Context(
        catalog=ruleset.catalog,
        packers=ruleset.packers,
        behaviours=ruleset.behaviours,
        sdk_table=ruleset.sdks,
    )
    return inputs, ctx


def test_ios_current_sdk_is_not_stale_and_placeholders_are_named(ruleset: Ruleset) -> None:
    inputs, ctx = _ios_inputs(ruleset, platform_version="18.2", xcode="1620")
    assert not [
        f for f in IosZombieAnalyzer().analyze(inputs, ctx) if f.rule_id == "ZOMB-STALE-001"
    ]
    inputs, ctx = _ios_inputs(
        ruleset, platform_version="18.2", bundle_id="com.example.Sample", display_name="HBuilder"
    )
    (residue,) = IosZombieAnalyzer().analyze(inputs, ctx)
    assert residue.rule_id == "ZOMB-PLACEHOLDER-001"
    assert {e.symbol for e in residue.evidence} == {"CFBundleIdentifier", "CFBundleDisplayName"}


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("HBuilder", True),
        ("HBuilder-Hello", True),
        ("My Application", True),
        ("HelloWorldJNI", True),
        ("uni-app", True),
        ("通知公告", False),
        ("Helpdesk", False),
    ],
)
def test_placeholder_names(label: str, expected: bool) -> None:
    assert placeholder_name(label) is expected


def test_an_old_certificate_only_counts_past_five_years() -> None:
    from scanner.model import Signer

    def signer(not_before: str) -> Signer:
        return Signer(
            scheme="v2",
            subject="",
            issuer="",
            serial="",
            not_before=not_before,
            not_after="",
            md5="",
            sha1="",
            sha256="",
            public_key_algorithm="RSA",
            public_key_bits=2048,
            public_key="",
            signature_algorithm="",
        )

    import datetime as dt

    today = dt.date(2026, 1, 1)
    assert old_certificate([signer("2015-03-17T00:00:00Z")], today) == "2015-03-17"
    assert old_certificate([signer("2024-03-17T00:00:00Z")], today) is None
