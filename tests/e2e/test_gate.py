"""`fingertip gate` end to end, as CI runs it: a subprocess, the example policy from docs/ci.md
(docs/examples/policy.yml), the project's samples, and the documented exit codes."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT, SAMPLES

POLICY = ROOT / "docs/examples/policy.yml"
CLEAN = SAMPLES / "fingertip-clean.apk"
CHECKIN = SAMPLES / "fingertip-checkin.apk"


def gate(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scanner", "gate", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def checkin_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """fingertip-checkin scanned once; the gate reads the report (scan once, gate later)."""
    out = tmp_path_factory.mktemp("scan")
    subprocess.run(
        [sys.executable, "-m", "scanner", "scan", str(CHECKIN), "-o", str(out), "--format", "json"],
        capture_output=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    (report,) = out.glob("*.json")
    return report


@pytest.fixture(scope="module")
def accepting_baseline(checkin_report: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """--write-baseline from the report, with each TODO reason filled in, as a lab would."""
    path = tmp_path_factory.mktemp("baseline") / "baseline.json"
    run = gate(checkin_report, "--policy", POLICY, "--write-baseline", path)
    assert run.returncode == 0, run.stderr
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["entries"] and {e["reason"] for e in doc["entries"]} == {"TODO"}
    for entry in doc["entries"]:
        entry["reason"] = f"accepted {entry['rule_id']} for the test"
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    return path


def test_clean_sample_passes_the_example_policy() -> None:
    run = gate(CLEAN, "--policy", POLICY)
    assert run.returncode == 0, run.stderr
    assert "gate PASS: fingertip-clean.apk" in run.stderr


def test_checkin_sample_fails_and_says_why(tmp_path: Path) -> None:
    decision, sarif = tmp_path / "decision.json", tmp_path / "gate.sarif"
    run = gate(CHECKIN, "--policy", POLICY, "--json", decision, "--sarif", sarif)
    assert run.returncode == 1, run.stderr
    assert "gate FAIL: fingertip-checkin.apk" in run.stderr
    assert re.search(r"FAIL +SEC-DEBUG-001 +high +- +\S+AndroidManifest.xml", run.stderr)
    doc = json.loads(decision.read_text(encoding="utf-8"))
    failed = {f["rule_id"]: f["reason"] for f in doc["findings"] if f["status"] == "failed"}
    assert failed["SEC-DEBUG-001"] == "rule listed in fail_on.rules"
    assert "fail_on.categories.formalism" in failed["FORM-CHECKIN-001"]
    ignored = [f["rule_id"] for f in doc["findings"] if f["status"] == "ignored"]
    assert ignored == ["PRIV-SDK-001"]
    results = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert len(results) == len(doc["findings"]) and not any("suppressions" in r for r in results)


def test_report_input_gives_the_same_decision(checkin_report: Path) -> None:
    assert gate(checkin_report, "--policy", POLICY).returncode == 1


def test_baseline_accepting_every_failure_passes(accepting_baseline: Path, tmp_path: Path) -> None:
    sarif = tmp_path / "gate.sarif"
    run = gate(CHECKIN, "--policy", POLICY, "--baseline", accepting_baseline, "--sarif", sarif)
    assert run.returncode == 0, run.stderr
    assert "gate PASS" in run.stderr and "0 failed" in run.stderr
    results = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
    suppressed = [r for r in results if "suppressions" in r]
    entries = json.loads(accepting_baseline.read_text(encoding="utf-8"))["entries"]
    assert len(suppressed) == len(entries)
    assert all(r["suppressions"][0]["kind"] == "external" for r in suppressed)


def test_one_expired_entry_fails_again(
    accepting_baseline: Path, checkin_report: Path, tmp_path: Path
) -> None:
    doc: dict[str, Any] = json.loads(accepting_baseline.read_text(encoding="utf-8"))
    yesterday = dt.date.today() - dt.timedelta(days=1)
    doc["entries"][0]["expires"] = yesterday.isoformat()
    expired = tmp_path / "expired.json"
    expired.write_text(json.dumps(doc), encoding="utf-8")
    run = gate(checkin_report, "--policy", POLICY, "--baseline", expired)
    assert run.returncode == 1
    assert "expired baseline entry (still matches a finding)" in run.stderr
    assert f"its baseline entry expired on {yesterday.isoformat()}" in run.stderr


def test_malformed_policy_exits_two(tmp_path: Path) -> None:
    bad = tmp_path / "policy.yml"
    bad.write_text("fail_on:\n  severity: hgih\n", encoding="utf-8")
    run = gate(CLEAN, "--policy", bad)
    assert run.returncode == 2
    assert f"{bad}:2: fail_on.severity: 'hgih' is not a severity" in run.stderr
    broken = tmp_path / "baseline.json"
    broken.write_text('{"version": 1, "entries": [\n  {"fingerprint": "x"}\n]}', encoding="utf-8")
    run = gate(CLEAN, "--policy", POLICY, "--baseline", broken)
    assert run.returncode == 2 and f"{broken}:2: entries[0]: missing 'rule_id'" in run.stderr


def test_not_a_package_exits_three(tmp_path: Path) -> None:
    bad = tmp_path / "notes.apk"
    bad.write_text("this is not an apk\n", encoding="utf-8")
    assert gate(bad, "--policy", POLICY).returncode == 3
    failed = tmp_path / "failed.json"
    failed.write_text(
        json.dumps(
            {
                "schema_version": "1.1",
                "app": {},
                "findings": [],
                "verdict": "error",
                "errors": ["x"],
            }
        ),
        encoding="utf-8",
    )
    run = gate(failed, "--policy", POLICY)
    assert run.returncode == 3 and "records a failed scan" in run.stderr


def _blocks(lang: str) -> list[str]:
    text = (ROOT / "docs/ci.md").read_text(encoding="utf-8")
    return re.findall(rf"```{lang}\n(.*?)```", text, flags=re.S)


def test_ci_examples_parse_and_use_the_example_policy() -> None:
    """docs/ci.md's GitHub Actions and GitLab CI examples are valid YAML, gate with the
    example policy, and keep going to the SARIF upload when the gate fails."""
    workflows = [yaml.safe_load(b) for b in _blocks("yaml")]
    github = next(w for w in workflows if isinstance(w, dict) and "jobs" in w)
    steps = next(iter(github["jobs"].values()))["steps"]
    runs = " ".join(s.get("run", "") for s in steps)
    assert "fingertip gate" in runs and "docs/examples/policy.yml" in runs
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert "always()" in upload["if"]
    gitlab = next(w for w in workflows if isinstance(w, dict) and "fingertip-gate" in w)
    job = gitlab["fingertip-gate"]
    assert "docs/examples/policy.yml" in " ".join(job["script"])
    assert job["artifacts"]["when"] == "always"
