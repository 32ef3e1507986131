"""Recording reports and reading an app's history back, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from scanner.ledger import LedgerError, open_ledger
from tests.unit.ledger.reports import day, finding, golden, report

PKG = "cn.gov.example.notice"


def test_record_stores_app_version_scan_and_findings(db_url: str) -> None:
    doc = golden("fingertip-checkin")
    with open_ledger(db_url) as ledger:
        rating = ledger.record(doc, scanned_at=day(0))
        [h] = ledger.history("cn.gov.example.daka", now=day(1))
    assert rating.code == "blue"
    assert (h.platform, h.identifier, h.name) == (
        "android",
        "cn.gov.example.daka",
        "Field Check-in",
    )
    [v] = h.versions
    assert (v.version_name, v.version_code, v.compared_with) == ("1.2.0", "3", None)
    [s] = v.scans
    assert s.package_sha256 == doc["app"]["sha256"]
    assert s.tool_version == doc["tool"]["version"]
    assert s.ruleset_sha256 == doc["tool"]["ruleset_sha256"]
    assert s.scanned_at == day(0)
    assert s.findings == len(doc["findings"])
    assert s.certificates == (doc["app"]["signers"][0]["sha256"],)


def test_the_same_scan_recorded_twice_is_one_scan(db_url: str) -> None:
    with open_ledger(db_url) as ledger:
        ledger.record(report(), scanned_at=day(0))
        ledger.record(report(), scanned_at=day(0))
        [h] = ledger.history(PKG)
    assert len(h.versions[0].scans) == 1


def test_a_report_of_a_failed_scan_is_refused(db_url: str) -> None:
    doc = report()
    doc["verdict"], doc["app"]["identifier"] = "error", None
    with open_ledger(db_url) as ledger, pytest.raises(LedgerError, match="not scanned"):
        ledger.record(doc)


def test_findings_added_fixed_and_changed_between_versions(db_url: str) -> None:
    kept = finding("SEC-NET-001", "medium", symbol="cn.gov.demo.a.b.send")
    moved = finding("SEC-NET-001", "medium", symbol="cn.gov.demo.c.d.send", location="b.apk!y")
    fixed = finding("FORM-RANK-001", symbol="KW-RANK")
    added = finding("SEC-DEBUG-001", symbol="android:debuggable")
    with open_ledger(db_url) as ledger:
        ledger.record(report(version="1.0.0", code=1, findings=[kept, fixed]), scanned_at=day(0))
        ledger.record(report(version="1.1.0", code=2, findings=[moved, added]), scanned_at=day(5))
        [h] = ledger.history(PKG, "android", now=day(6))
    _first, second = h.versions
    assert second.compared_with == "1.0.0 (1)"
    assert [c.rule_id for c in second.added] == ["SEC-DEBUG-001"]
    assert [c.rule_id for c in second.fixed] == ["FORM-RANK-001"]
    # Same rule and symbols once obfuscated names are ignored: the same finding, new evidence.
    [changed] = second.changed
    assert changed.fingerprints == (moved["fingerprint"],)
    assert changed.previous_fingerprints == (kept["fingerprint"],)
    assert changed.identity == "SEC-NET-001 cn.gov.demo.?.?.send"
    assert h.to_dict()["versions"][1]["fixed"][0]["fingerprints"] == [fixed["fingerprint"]]


def test_history_of_both_platforms(db_url: str) -> None:
    with open_ledger(db_url) as ledger:
        ledger.record(report("fingertip-clean"), scanned_at=day(0))
        ledger.record(report("ios-clean"), scanned_at=day(0))
        assert [h.platform for h in ledger.history(PKG)] == ["android", "ios"]
        assert [h.platform for h in ledger.history(PKG, "ios")] == ["ios"]
        assert ledger.history("cn.gov.unknown") == []
