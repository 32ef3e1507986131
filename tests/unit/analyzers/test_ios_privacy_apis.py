"""iOS side of PRIV-LOC-001, PRIV-CAMMIC-001 and PRIV-APPLIST-001 (permissions.toml [[ios]],
scanner/analyzers/ios/privacy.py): rule, level, path, and the gates (Always authorization,
user actions, the number of queried schemes)."""

from __future__ import annotations

import pytest

from scanner.config import ScanConfig
from scanner.model import EvidenceLevel, Finding, ScanResult, Severity
from scanner.pipeline import Ruleset, scan
from tests.conftest import SAMPLES

RULES = ("PRIV-LOC-001", "PRIV-CAMMIC-001", "PRIV-APPLIST-001")
NAMES = ("ios-privacy", "ios-trace", "ios-checkin", "ios-checkin-dead", "ios-clean", "ios-forms")


@pytest.fixture(scope="module")
def results(ruleset: Ruleset) -> dict[str, ScanResult]:
    return {name: scan(SAMPLES / f"{name}.ipa", ScanConfig(), ruleset) for name in NAMES}


def _rules(result: ScanResult) -> dict[str, Finding]:
    return {f.rule_id: f for f in result.findings if f.rule_id in RULES}


def test_camera_opened_on_screen_load_is_e3(results: dict[str, ScanResult]) -> None:
    finding = _rules(results["ios-privacy"])["PRIV-CAMMIC-001"]
    assert finding.evidence_level is EvidenceLevel.E3
    paths = [e.path for e in finding.evidence if e.path]
    assert paths[0] == ("-[ScanViewController viewDidLoad]", "-[ScanViewController startCamera]")
    # The voice note records only from the button's action: no path through it.
    assert not any("-[ScanViewController recordTapped:]" in p for p in paths)
    assert "AVAudioRecorder" not in finding.message.en


def test_probing_many_schemes_at_launch_is_applist(results: dict[str, ScanResult]) -> None:
    finding = _rules(results["ios-privacy"])["PRIV-APPLIST-001"]
    assert finding.evidence_level is EvidenceLevel.E3
    assert finding.evidence[0].path == (
        "-[AppDelegate application:didFinishLaunchingWithOptions:]",
        "+[AppProbe probeInstalledApps]",
    )
    plist = next(e for e in finding.evidence if e.symbol == "LSApplicationQueriesSchemes")
    assert plist.excerpt.startswith("16 schemes")


def test_a_few_schemes_are_not_probing(results: dict[str, ScanResult]) -> None:
    """ios-forms lists three schemes (WeChat, Alipay) for sharing and payment."""
    assert "PRIV-APPLIST-001" not in _rules(results["ios-forms"])


def test_always_location_is_high(results: dict[str, ScanResult]) -> None:
    finding = _rules(results["ios-trace"])["PRIV-LOC-001"]
    assert finding.evidence_level is EvidenceLevel.E3
    assert finding.severity is Severity.HIGH
    assert (
        finding.evidence[0].path[0] == "-[AppDelegate application:didFinishLaunchingWithOptions:]"
    )
    assert any(e.symbol == "NSLocationAlwaysAndWhenInUseUsageDescription" for e in finding.evidence)


def test_when_in_use_location_is_medium_and_dead_code_e2(results: dict[str, ScanResult]) -> None:
    checkin = _rules(results["ios-checkin"])["PRIV-LOC-001"]
    assert (checkin.evidence_level, checkin.severity) == (EvidenceLevel.E3, Severity.MEDIUM)
    dead = _rules(results["ios-checkin-dead"])["PRIV-LOC-001"]
    assert dead.evidence_level is EvidenceLevel.E2


def test_clean_app_has_none(results: dict[str, ScanResult]) -> None:
    assert _rules(results["ios-clean"]) == {}
    # ios-trace only checks the camera's authorization status and uses the system picker.
    assert "PRIV-CAMMIC-001" not in _rules(results["ios-trace"])
