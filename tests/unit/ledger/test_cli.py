"""`fingertip ledger record` and `fingertip history`, run as the lab runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.unit.ledger.reports import finding, report

ROOT = Path(__file__).resolve().parents[3]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scanner", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _write(path: Path, doc: dict[str, object]) -> str:
    path.write_text(json.dumps(doc), encoding="utf-8")
    return str(path)


def test_record_then_history_text_and_json(db_url: str, tmp_path: Path) -> None:
    first = _write(
        tmp_path / "v1.json",
        report(version="1.0.0", findings=[finding("FORM-RANK-001", symbol="KW-RANK")]),
    )
    second = _write(tmp_path / "v2.json", report(version="1.1.0", code=2, findings=[]))
    recorded = _run("ledger", "record", first, "--db", db_url, "--scanned-at", "2026-01-01")
    assert recorded.returncode == 0, recorded.stderr
    assert "cn.gov.example.notice 1.0.0: blue" in recorded.stderr
    assert (
        _run("ledger", "record", second, "--db", db_url, "--scanned-at", "2026-01-20").returncode
        == 0
    )

    text = _run(
        "history", "cn.gov.example.notice", "--db", db_url, "--lang", "en", "--at", "2026-01-21"
    )
    assert text.returncode == 0, text.stderr
    assert "rating: BLUE 蓝码" in text.stdout
    assert "1 clean scan(s) since 2026-01-20" in text.stdout
    assert "vs 1.0.0 (1): 0 added, 1 fixed" in text.stdout
    assert "- FORM-RANK-001 high: FORM-RANK-001 test" in text.stdout

    zh = _run("history", "cn.gov.example.notice", "--db", db_url, "--at", "2026-01-21")
    assert "需 2 次间隔不少于 14 天的合格复测方可转为绿码" in zh.stdout

    out = _run("history", "cn.gov.example.notice", "--db", db_url, "--format", "json")
    assert out.returncode == 0, out.stderr
    [app] = json.loads(out.stdout)["apps"]
    assert [v["version_name"] for v in app["versions"]] == ["1.0.0", "1.1.0"]
    assert [c["rule_id"] for c in app["versions"][1]["fixed"]] == ["FORM-RANK-001"]
    assert app["rating"]["code"] == "blue"


def test_exit_codes(tmp_path: Path) -> None:
    db = str(tmp_path / "ledger.sqlite")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    good = _write(tmp_path / "ok.json", report())
    partly = _run("ledger", "record", str(bad), good, "--db", db)
    assert partly.returncode == 3
    assert "1 of 2 report(s) not recorded" in partly.stderr
    assert _run("history", "cn.gov.example.notice", "--db", db).returncode == 0
    assert _run("history", "cn.gov.unknown", "--db", db).returncode == 1
    unusable = _run("history", "x", "--db", "nosuchdialect://nowhere")
    assert unusable.returncode == 2
    assert "cannot open the ledger" in unusable.stderr
