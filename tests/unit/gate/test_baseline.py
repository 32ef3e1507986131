"""Baseline files: loading, every validation error (with the line where the JSON has one), and
the --write-baseline round trip."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from scanner.gate.baseline import WRITTEN_REASON, dumps, load_baseline, written_entries
from scanner.gate.errors import GateFileError
from scanner.gate.evaluate import Status, evaluate
from tests.conftest import ROOT
from tests.unit.gate.conftest import finding, report

FP = "a" * 64
GOOD = {"fingerprint": FP, "rule_id": "SEC-NET-001", "reason": "r", "expires": "2027-01-31"}


def _write(tmp_path: Path, doc: Any) -> Path:
    path = tmp_path / "baseline.json"
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc, indent=2), encoding="utf-8")
    return path


def test_example_baseline_loads() -> None:
    baseline = load_baseline(ROOT / "docs/examples/baseline.json")
    assert baseline.entries and all(
        e.reason and e.reason != WRITTEN_REASON for e in baseline.entries
    )
    assert any(e.package for e in baseline.entries)


def test_good_entry(tmp_path: Path) -> None:
    (entry,) = load_baseline(_write(tmp_path, {"version": 1, "entries": [GOOD]})).entries
    assert entry.expires == dt.date(2027, 1, 31) and entry.package is None
    assert not entry.expired(dt.date(2027, 1, 31)) and entry.expired(dt.date(2027, 2, 1))


def _with(**changes: Any) -> dict[str, Any]:
    entry = {k: v for k, v in (GOOD | changes).items() if v is not None}
    return {"version": 1, "entries": [entry]}


@pytest.mark.parametrize(
    ("doc", "key", "line", "fragment"),
    [
        ('{"version": 1,\n "entries": [}\n', "", 2, "not valid JSON"),
        ([], "", 1, "must be a JSON object"),
        ({"version": 1, "entries": [], "extra": 1}, "extra", 4, "unknown key"),
        ({"version": 2, "entries": []}, "version", 2, "expected version 1"),
        ({"version": 1}, "entries", None, "expected a list"),
        ({"version": 1, "entries": ["x"]}, "entries[0]", 4, "must be an object"),
        (_with(note="x"), "entries[0].note", 9, "unknown key"),
        (_with(reason=None), "entries[0]", 4, "missing 'reason'"),
        (_with(reason=" "), "entries[0].reason", 7, "non-empty string"),
        (_with(rule_id=7), "entries[0].rule_id", 6, "non-empty string"),
        (_with(package=""), "entries[0].package", 9, "non-empty string"),
        (_with(fingerprint="abc"), "entries[0].fingerprint", 5, "64 lowercase hex"),
        (_with(expires="31/01/2027"), "entries[0].expires", 8, "ISO date"),
        (_with(expires="2027-02-30"), "entries[0].expires", 8, "ISO date"),
        (
            {"version": 1, "entries": [GOOD, GOOD]},
            "entries[1]",
            10,
            "already accepted by entries[0]",
        ),
    ],
)
def test_validation_errors(
    tmp_path: Path, doc: Any, key: str, line: int | None, fragment: str
) -> None:
    with pytest.raises(GateFileError) as info:
        load_baseline(_write(tmp_path, doc))
    err = info.value
    assert (err.key, err.line) == (key, line)
    assert fragment in err.message
    assert err.path.endswith("baseline.json")


def test_same_fingerprint_for_two_packages_is_allowed(tmp_path: Path) -> None:
    doc = {"version": 1, "entries": [GOOD | {"package": "a.b"}, GOOD | {"package": "c.d"}]}
    assert len(load_baseline(_write(tmp_path, doc)).entries) == 2


def test_write_baseline_round_trip(tmp_path: Path, policy_from) -> None:  # type: ignore[no-untyped-def]
    today = dt.date(2026, 6, 1)
    policy = policy_from("fail_on:\n  severity: high\n")
    doc = report(
        finding("SEC-NET-001", "high", "security"),
        finding("SEC-EXPORT-001", "critical", "security"),
        finding("SEC-BACKUP-001", "medium", "security"),
    )
    before = evaluate(doc, policy, None, today)
    assert not before.passed
    written = written_entries(
        ((f.fingerprint, f.rule_id) for f in before.over_threshold()), "cn.gov.example", today
    )
    path = tmp_path / "written.json"
    path.write_text(dumps(written), encoding="utf-8")
    loaded = load_baseline(path)
    assert sorted(e.rule_id for e in loaded.entries) == ["SEC-EXPORT-001", "SEC-NET-001"]
    assert {(e.reason, e.expires, e.package) for e in loaded.entries} == {
        (WRITTEN_REASON, today + dt.timedelta(days=90), "cn.gov.example")
    }
    after = evaluate(doc, policy, loaded, today)
    assert after.passed and after.counts()["accepted"] == 2 and not after.unused
    # Writing again keeps an unexpired entry's reason and expiry.
    kept = written_entries(
        ((f.fingerprint, f.rule_id) for f in after.over_threshold()),
        "cn.gov.example",
        today + dt.timedelta(days=5),
        [e for e in loaded.entries if e.rule_id == "SEC-NET-001"],
    )
    expiries = {e.rule_id: e.expires for e in kept.entries}
    assert expiries == {
        "SEC-NET-001": today + dt.timedelta(days=90),
        "SEC-EXPORT-001": today + dt.timedelta(days=95),
    }
    assert [s.status for s in after.findings].count(Status.BELOW_THRESHOLD) == 1
