"""`python -m scanner cluster` end to end: scan the cluster samples, cluster the reports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES
from tests.e2e.helpers import reports

APPS = ("tmpl-notice-a", "tmpl-notice-b", "tmpl-survey", "fingertip-clean")


def fingertip(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scanner", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reports")
    done = fingertip("scan", *(SAMPLES / f"{a}.apk" for a in APPS), "-o", out, "--format", "json")
    assert done.returncode in (0, 1), done.stderr
    assert len(reports(out)) == len(APPS)  # each valid against the schema, facts.similarity too
    return out


def test_json_clusters_with_evidence(report_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "clusters.json"
    done = fingertip("cluster", report_dir, "--format", "json", "-o", target)
    assert done.returncode == 0, done.stderr
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["reports"] == doc["compared"] == 4
    kinds = [(c["kind"], sorted(m["file_name"] for m in c["members"])) for c in doc["clusters"]]
    assert kinds == [
        ("merge candidate", ["tmpl-notice-a.apk", "tmpl-notice-b.apk"]),
        (
            "same template, different business",
            ["tmpl-notice-a.apk", "tmpl-notice-b.apk", "tmpl-survey.apk"],
        ),
    ]
    assert "same backend host api.govtmpl.example.cn" in doc["clusters"][0]["links"][0]["evidence"]


def test_text_output_names_the_apps_and_the_evidence(report_dir: Path) -> None:
    reports = sorted(report_dir.glob("*.json"))
    done = fingertip("cluster", *reports)
    assert done.returncode == 0, done.stderr
    assert "cluster 1: merge candidate (2 apps)" in done.stdout
    assert "cluster 2: same template, different business (3 apps)" in done.stdout
    assert "same backend host api.govtmpl.example.cn" in done.stdout
    assert "fingertip-clean.apk" not in done.stdout


def test_not_a_report_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    done = fingertip("cluster", bad)
    assert done.returncode == 2
    assert "not a Fingertip JSON report" in done.stderr
