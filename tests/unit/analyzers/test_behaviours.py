"""Formalism and pre-consent rules on the code-graph samples: rule, evidence level and path.

Each sample's intended path is in samples/README.md ("Code-graph samples"), confirmed there as
androguard cross-references.
"""

from __future__ import annotations

import pytest

from scanner.config import ScanConfig
from scanner.model import EvidenceLevel, Finding, ScanResult, Severity
from scanner.pipeline import Ruleset, scan
from tests.conftest import SAMPLES

# sample -> {rule: level}; rules not listed must be absent (FORM-* and PRIV-PRECONSENT-001).
EXPECTED: dict[str, dict[str, str]] = {
    "form-checkin-button": {"FORM-CHECKIN-001": "E4"},
    "form-checkin-dead": {"FORM-CHECKIN-001": "E2"},
    "form-keyword-only": {"FORM-CHECKIN-001": "E1", "FORM-RANK-001": "E1"},
    "form-geofence": {"FORM-CHECKIN-002": "E4", "FORM-CHECKIN-001": "E1"},
    "form-trace-boot": {"FORM-TRACE-001": "E4"},
    "form-watermark-photo": {"FORM-TRACE-002": "E4", "FORM-TRACE-001": "E2"},
    "form-camera-plain": {},
    "form-screenshot": {"FORM-TRACE-003": "E4"},
    "form-ranking": {"FORM-RANK-001": "E4"},
    "form-study-duration": {"FORM-DURATION-001": "E4"},
    "form-media-player": {},
    "form-social-tasks": {"FORM-SOCIAL-001": "E4"},
    "form-report-forms": {"FORM-REPORT-001": "E4"},
    "form-force-login": {"FORM-FORCE-001": "E4"},
    "form-commerce": {"FORM-COMMERCE-001": "E4"},
    "priv-preconsent": {"PRIV-PRECONSENT-001": "E3"},
    "priv-after-consent": {},
    "fingertip-clean": {},
    "form-hybrid-checkin": {"FORM-CHECKIN-001": "E2"},
}
CODE_RULES = ("FORM-", "PRIV-PRECONSENT-")


@pytest.fixture(scope="module")
def results(ruleset: Ruleset) -> dict[str, ScanResult]:
    return {name: scan(SAMPLES / f"{name}.apk", ScanConfig(), ruleset) for name in EXPECTED}


def _code_findings(result: ScanResult) -> dict[str, Finding]:
    return {f.rule_id: f for f in result.findings if f.rule_id.startswith(CODE_RULES)}


@pytest.mark.parametrize("sample", sorted(EXPECTED))
def test_rule_and_level(sample: str, results: dict[str, ScanResult]) -> None:
    found = _code_findings(results[sample])
    assert {r: f.evidence_level.value for r, f in found.items() if f.evidence_level} == EXPECTED[
        sample
    ]


@pytest.mark.parametrize("sample", sorted(EXPECTED))
def test_severity_follows_the_level(
    sample: str, results: dict[str, ScanResult], ruleset: Ruleset
) -> None:
    for rule_id, finding in _code_findings(results[sample]).items():
        full = ruleset.catalog[rule_id].severity
        level = finding.evidence_level
        if rule_id.startswith("PRIV-") or level is EvidenceLevel.E4:
            assert finding.severity is full
        elif level is EvidenceLevel.E3:
            assert finding.severity is full.lowered()
        else:
            assert finding.severity is Severity.INFO
        assert finding.needs_review is rule_id.startswith("FORM-")


def _paths(finding: Finding) -> list[tuple[str, ...]]:
    return [e.path for e in finding.evidence if e.path]


def test_checkin_path_from_the_button(results: dict[str, ScanResult]) -> None:
    finding = _code_findings(results["form-checkin-button"])["FORM-CHECKIN-001"]
    assert _paths(finding)[0][:3] == (
        "cn.gov.example.checkin.MainActivity.onCreate",
        "cn.gov.example.checkin.MainActivity$1.onClick",
        "cn.gov.example.checkin.CheckinClient.checkIn",
    )
    assert "upload: java.net.HttpURLConnection.getOutputStream" in finding.message.en
    assert all(e.location == "form-checkin-button.apk!classes.dex" for e in finding.evidence[:1])


def test_dead_code_never_reaches_e3(results: dict[str, ScanResult]) -> None:
    finding = _code_findings(results["form-checkin-dead"])["FORM-CHECKIN-001"]
    assert _paths(finding) == []
    assert finding.severity is Severity.INFO


def test_background_track_starts_at_boot(results: dict[str, ScanResult]) -> None:
    finding = _code_findings(results["form-trace-boot"])["FORM-TRACE-001"]
    first = _paths(finding)[0]
    assert first[0] == "cn.gov.example.trace.BootReceiver.onReceive"
    assert first[-1] == "android.location.LocationManager.requestLocationUpdates"


def test_preconsent_path_starts_in_application(results: dict[str, ScanResult]) -> None:
    finding = _code_findings(results["priv-preconsent"])["PRIV-PRECONSENT-001"]
    starts = {p[0] for p in _paths(finding)}
    assert starts == {"cn.gov.example.preconsent.App.onCreate"}
    apis = {e.symbol for e in finding.evidence}
    assert "android.telephony.TelephonyManager.getDeviceId" in apis
    assert any("UMConfigure.init" in a for a in apis)


def test_hybrid_bundle_is_e2_and_says_why(results: dict[str, ScanResult]) -> None:
    result = results["form-hybrid-checkin"]
    finding = _code_findings(result)["FORM-CHECKIN-001"]
    assert "uni.getLocation" in finding.message.en and "not in the code graph" in finding.message.en
    assert any(e.location.endswith("www/js/checkin.js") for e in finding.evidence)
    assert result.coverage.partial


def test_sdk_behaviour_is_attributed_to_the_sdk(results: dict[str, ScanResult]) -> None:
    finding = _code_findings(results["form-commerce"])["FORM-COMMERCE-001"]
    assert any("Pangle" in e.excerpt or "Alipay" in e.excerpt for e in finding.evidence)
