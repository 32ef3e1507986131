"""Green/blue/red codes from the ledger (DOMAIN.md §3), each with its reasons and audit trail."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from scanner.ledger import Ledger, RatingConfig, load_rating_config, open_ledger
from scanner.ledger.config import RatingConfigError
from scanner.ledger.rating import Rating
from tests.unit.ledger.reports import day, finding, report

PKG = "cn.gov.example.notice"
CHECKIN = finding("FORM-CHECKIN-001", symbol="KW-CHECKIN")
SCHEMA = Path(__file__).resolve().parents[3] / "docs" / "schema" / "report-1.schema.json"


def _conditions(rating: Rating) -> list[str]:
    return [a.condition for a in rating.audit]


def _scan(ledger: Ledger, n: int, findings: list[dict[str, Any]], **kw: Any) -> Rating:
    version = kw.pop("version", "1.0.0")
    return ledger.record(report(version=version, findings=findings, **kw), scanned_at=day(n))


def test_green_clean_scan(db_url: str) -> None:
    with open_ledger(db_url) as ledger:
        rating = _scan(ledger, 0, [finding("SEC-NET-001", "medium")])
    assert rating.code == "green"
    assert _conditions(rating) == ["GREEN-CLEAN"]
    assert "no blocking anomaly" in rating.reasons[0].en
    assert "无阻断性问题" in rating.reasons[0].zh


def test_blue_blocking_finding_with_its_deadline(db_url: str) -> None:
    with open_ledger(db_url) as ledger:
        rating = _scan(ledger, 0, [CHECKIN])
        later = ledger.rating("android", PKG, now=day(40))
    assert rating.code == "blue"
    [entry] = rating.audit
    assert entry.condition == "BLUE-BLOCKING"
    assert entry.rule_ids == ("FORM-CHECKIN-001",)
    assert entry.fingerprints == (CHECKIN["fingerprint"],)
    assert entry.deadline == day(30)
    assert "rectify by 2026-01-31" in rating.reasons[0].en
    # Past the deadline without a new scan: still blue (≥ 2 scans needed), the overdue noted.
    assert later.code == "blue"
    assert "has passed" in later.reasons[-1].en


def test_below_high_or_outside_the_blocking_rules_is_not_blocking(db_url: str) -> None:
    with open_ledger(db_url) as ledger:
        rating = _scan(
            ledger,
            0,
            [finding("FORM-CHECKIN-001", "medium"), finding("SEC-SIGN-004", "high")],
        )
    assert rating.code == "green"


def test_fixed_within_the_window_is_blue_then_green_after_two_clean_scans(db_url: str) -> None:
    with open_ledger(db_url) as ledger:
        assert _scan(ledger, 0, [CHECKIN]).code == "blue"
        recovering = _scan(ledger, 20, [], version="1.0.1")
        too_soon = _scan(ledger, 30, [], version="1.0.1")
        green = _scan(ledger, 34, [], version="1.0.1")
    assert (recovering.code, too_soon.code, green.code) == ("blue", "blue", "green")
    assert _conditions(recovering) == ["BLUE-RECOVERING"]
    assert "2 clean scans at least 14 days apart" in recovering.reasons[0].en


def test_still_present_within_the_window_stays_blue(db_url: str) -> None:
    with open_ledger(db_url) as ledger:
        _scan(ledger, 0, [CHECKIN])
        assert _scan(ledger, 29, [CHECKIN], version="1.0.1").code == "blue"


def test_not_fixed_after_the_window_is_red(db_url: str) -> None:
    # The next build renamed the obfuscated class: same finding by DOMAIN's identity.
    before = finding("PRIV-PRECONSENT-001", symbol="cn.gov.demo.a.b.onCreate")
    after = finding("PRIV-PRECONSENT-001", symbol="cn.gov.demo.c.d.onCreate")
    with open_ledger(db_url) as ledger:
        _scan(ledger, 0, [before])
        rating = _scan(ledger, 31, [after], version="1.1.0")
    assert rating.code == "red"
    red = rating.audit[0]
    assert red.condition == "RED-PERSISTENT"
    assert red.fingerprints == (after["fingerprint"],)
    assert len(red.scan_ids) == 2
    assert red.first_seen == day(0) and red.deadline == day(30)
    assert "not rectified within the window" in rating.reasons[0].en
    assert "超过整改窗口仍未整改" in rating.reasons[0].zh


def test_the_window_is_configurable(db_url: str) -> None:
    with open_ledger(db_url, config=RatingConfig(window_days=60)) as ledger:
        _scan(ledger, 0, [CHECKIN])
        rating = _scan(ledger, 31, [CHECKIN], version="1.1.0")
    assert rating.code == "blue"
    assert rating.window_days == 60


def test_red_turns_blue_after_one_clean_scan_and_green_after_two(db_url: str) -> None:
    with open_ledger(db_url) as ledger:
        _scan(ledger, 0, [CHECKIN])
        assert _scan(ledger, 31, [CHECKIN]).code == "red"
        held = _scan(ledger, 35, [CHECKIN, finding("SEC-DEBUG-001")], version="1.1.0")
        assert held.code == "red"
        assert _scan(ledger, 40, [], version="1.2.0").code == "blue"
        assert _scan(ledger, 54, [], version="1.2.0").code == "green"


def test_a_finding_reintroduced_twice_is_red(db_url: str) -> None:
    with open_ledger(db_url) as ledger:
        codes = [
            _scan(ledger, n, f, version=f"1.{n}.0").code
            for n, f in ((0, [CHECKIN]), (5, []), (10, [CHECKIN]), (15, []))
        ]
        rating = _scan(ledger, 20, [CHECKIN], version="1.20.0")
    assert codes == ["blue"] * 4
    assert rating.code == "red"
    assert "RED-REINTRODUCED" in _conditions(rating)
    assert "re-introduced 2 times" in rating.reasons[0].en


def test_three_blue_episodes_in_twelve_months_is_red(db_url: str) -> None:
    rules = ["FORM-RANK-001", "SEC-DEBUG-001", "SEC-NET-002"]
    with open_ledger(db_url) as ledger:
        codes = []
        for i, rule in enumerate(rules):
            start = i * 40
            codes.append(_scan(ledger, start, [finding(rule)], version=f"{i}.0").code)
            if i < 2:
                _scan(ledger, start + 5, [], version=f"{i}.1")
                codes.append(_scan(ledger, start + 20, [], version=f"{i}.1").code)
        rating = ledger.rating("android", PKG, now=day(81))
    assert codes == ["blue", "green", "blue", "green", "red"]
    assert "RED-EPISODES" in _conditions(rating)
    assert "3 blue episodes within 365 days" in rating.reasons[0].en


def test_zombie_score(db_url: str) -> None:
    with open_ledger(db_url) as ledger:
        shell = _scan(ledger, 0, [finding("ZOMB-SHELL-001", "medium")])
    with open_ledger(db_url) as ledger:
        ledger.record(
            report(
                identifier="cn.gov.other",
                findings=[finding("ZOMB-PLACEHOLDER-001", "low")],
                cert="ab" * 32,  # same name, same key would be a changed package id
            ),
            scanned_at=day(0),
        )
        placeholder = ledger.rating("android", "cn.gov.other", now=day(1))
    assert shell.code == "blue"
    assert _conditions(shell) == ["BLUE-ZOMBIE"]
    assert "score 2 >= threshold 2" in shell.reasons[0].en
    assert placeholder.code == "green"  # one low ZOMB finding: score 1


def test_no_new_version_for_a_year_with_an_old_target_sdk_is_blue(db_url: str) -> None:
    with open_ledger(db_url) as ledger:
        assert _scan(ledger, 0, [], target_sdk=26).code == "green"
        rating = ledger.rating("android", PKG, now=day(400))
        current = ledger.rating("android", PKG, now=day(300))
    assert rating.code == "blue"
    assert _conditions(rating) == ["BLUE-STALE"]
    assert "targetSdk 26 below 30" in rating.reasons[0].en
    assert current.code == "green"


def test_identity_mismatch_blue_when_first_seen_red_after_the_window(db_url: str) -> None:
    unfiled = finding("ID-FILING-002", "medium", symbol="package")
    with open_ledger(db_url) as ledger:
        first = _scan(ledger, 0, [unfiled])
        overdue = ledger.rating("android", PKG, now=day(31))
    assert first.code == "blue"
    assert _conditions(first) == ["BLUE-IDENTITY"]
    assert overdue.code == "red"
    assert _conditions(overdue) == ["RED-IDENTITY", "BLUE-IDENTITY"]


def test_refused_flag_is_red_until_cleared(db_url: str) -> None:
    with open_ledger(db_url) as ledger:
        _scan(ledger, 0, [])
        ledger.set_refused("android", PKG, note="逾期未整改")
        refused = ledger.rating("android", PKG, now=day(1))
        ledger.set_refused("android", PKG, refused=False)
        cleared = ledger.rating("android", PKG, now=day(1))
    assert refused.code == "red"
    assert _conditions(refused)[0] == "RED-REFUSED"
    assert "逾期未整改" in refused.reasons[0].zh
    assert cleared.code == "green"


def test_the_rating_object_fits_the_report_schema(db_url: str) -> None:
    with open_ledger(db_url) as ledger:
        _scan(ledger, 0, [CHECKIN])
        doc = report(findings=[CHECKIN])
        doc["rating"] = ledger.record(doc, scanned_at=day(31)).to_dict()
    jsonschema.validate(doc, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert doc["rating"]["code"] == "red"
    assert doc["rating"]["window_days"] == 30


def test_rating_config_file_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "rating.toml"
    path.write_text("[rating]\nwindow_days = 45\nzombie_threshold = 3\n", encoding="utf-8")
    cfg = load_rating_config(path, window_days=None)
    assert (cfg.window_days, cfg.zombie_threshold) == (45, 3)
    assert load_rating_config(path, window_days=10).window_days == 10
    path.write_text("[rating]\nwindow = 45\n", encoding="utf-8")
    with pytest.raises(RatingConfigError, match="unknown rating setting"):
        load_rating_config(path)
