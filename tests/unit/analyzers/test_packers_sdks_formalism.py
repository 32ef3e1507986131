from __future__ import annotations

from scanner.config import ScanConfig
from scanner.model import EvidenceLevel, Severity
from scanner.pipeline import Ruleset, scan
from tests.conftest import SAMPLES, shared


def test_packer_sample_marks_coverage_partial(ruleset: Ruleset) -> None:
    result = scan(SAMPLES / "fingertip-packed.apk", ScanConfig(), ruleset)
    (finding,) = [f for f in result.findings if f.rule_id == "SEC-PACK-001"]
    locations = {e.location for e in finding.evidence}
    assert "fingertip-packed.apk!lib/x86_64/libjiagu.so" in locations
    assert "fingertip-packed.apk!classes.dex" in locations  # Lcom/stub/StubApp; via YARA
    assert result.coverage.partial


def test_no_packer_on_the_clean_sample(ruleset: Ruleset) -> None:
    result = scan(SAMPLES / "fingertip-clean.apk", ScanConfig(), ruleset)
    assert not result.coverage.partial
    assert all(f.rule_id != "SEC-PACK-001" for f in result.findings)


def test_checkin_keywords_with_location_api_without_graph_are_e1_info(ruleset: Ruleset) -> None:
    # Without the code graph a keyword set is all the evidence there is: suspected, E1.
    cfg = ScanConfig(code_graph=False)
    result = scan(SAMPLES / "fingertip-checkin.apk", cfg, ruleset)
    (finding,) = [f for f in result.findings if f.rule_id == "FORM-CHECKIN-001"]
    assert finding.evidence_level is EvidenceLevel.E1
    assert finding.severity is Severity.INFO and finding.needs_review
    assert any("打卡" in e.excerpt for e in finding.evidence)
    assert all(e.offset is not None for e in finding.evidence)


def test_no_checkin_on_the_clean_sample(ruleset: Ruleset) -> None:
    result = scan(SAMPLES / "fingertip-clean.apk", ScanConfig(), ruleset)
    assert all(f.rule_id != "FORM-CHECKIN-001" for f in result.findings)


def test_real_apps_sdk_inventory(ruleset: Ruleset) -> None:
    # SDKs named by each demo's own repository (../shared/samples/README.md).
    expectations = {
        "jpush-hbuilder-demo/HBuilder-Hello.apk": {
            "ft-jpush",
            "ft-qq-connect",
            "ft-iflytek",
            "ft-dcloud",
        },
        "bugly-demo/app-release.apk": {"ft-bugly", "ft-tinker"},
        "amap-demo/locationServiceDemo.apk": {"ft-amap-location"},
    }
    for rel, expected in expectations.items():
        found = {s.id for s in scan(shared(rel), ScanConfig(), ruleset).app.sdks}
        assert expected <= found, rel
