"""`fingertip batch` through the CLI: outputs, exit codes, limits, and resuming after SIGKILL."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scanner.batch.job import Job
from scanner.batch.limits import Limits, run_limited
from scanner.outputs import file_sha256
from tests.conftest import ROOT, SAMPLES, SHARED

APPS = ("fingertip-clean.apk", "form-ranking.apk", "ios-clean.ipa")


def _batch(*args: str | Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scanner", "batch", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        check=False,
    )


@pytest.fixture(scope="module")
def batch_dir(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    inbox = tmp_path_factory.mktemp("inbox")
    for name in APPS:
        shutil.copy(SAMPLES / name, inbox / name)
    (inbox / "broken.apk").write_bytes(b"PK\x03\x04 not really a zip")
    out = tmp_path_factory.mktemp("batch")
    return out, _batch(inbox, "-o", out, "-j", "2", "--format", "html,json")


def test_outputs_and_exit_code(batch_dir: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    out, proc = batch_dir
    assert proc.returncode == 3, proc.stderr  # one package could not be scanned
    doc = json.loads((out / "batch.json").read_text(encoding="utf-8"))
    by_name = {a["file_name"]: a for a in doc["apps"]}
    assert set(by_name) == {*APPS, "broken.apk"}
    assert by_name["broken.apk"]["status"] == "error" and by_name["broken.apk"]["error"]
    ranking = by_name["form-ranking.apk"]
    assert ranking["status"] == "ok" and ranking["verdict"] == "fail"
    assert ranking["identifier"] == "cn.gov.example.ranking"
    assert ranking["wall_s"] > 0 and ranking["peak_rss_mb"] > 0
    for app in doc["apps"]:
        for report in app.get("reports", {}).values():
            assert (out / report).is_file()  # links resolve from the batch folder
    rows = list(csv.DictReader((out / "batch.csv").open(encoding="utf-8")))
    assert {r["file_name"] for r in rows} == set(by_name)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "reports/form-ranking-" in index and "<script src" not in index
    assert "[4/4]" in proc.stderr  # progress, one line per package off a terminal


def test_second_run_rescans_nothing(
    batch_dir: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    out, _ = batch_dir
    inbox = Path(json.loads((out / "batch.json").read_text())["apps"][0]["path"]).parent
    before = {p.name: p.stat().st_mtime_ns for p in (out / ".fingertip-batch").iterdir()}
    proc = _batch(inbox, "-o", out)
    assert proc.returncode == 3
    assert "0 processed in this run" in proc.stderr
    after = {p.name: p.stat().st_mtime_ns for p in (out / ".fingertip-batch").iterdir()}
    assert before == after


def test_hostile_names_are_escaped_in_the_index(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = _batch(SAMPLES / "fingertip-xss.apk", "-o", out, "--format", "json")
    assert proc.returncode == 1, proc.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    name = json.loads((out / "batch.json").read_text())["apps"][0]["name"]
    assert "<" in name and name not in index  # the raw label never reaches the page


def test_resume_after_sigkill(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    names = ["form-ranking.apk", "form-commerce.apk", "priv-apis.apk", "form-geofence.apk"]
    for name in names:
        shutil.copy(SAMPLES / name, inbox / name)
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "scanner", "batch", str(inbox), "-o", str(out), "-j", "1"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    state = out / ".fingertip-batch"
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and not (state.is_dir() and any(state.glob("*.json"))):
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    finished = {p.name: p.stat().st_mtime_ns for p in state.glob("*.json")}
    assert 1 <= len(finished) < len(names), "the kill should land mid-batch"
    proc = _batch(inbox, "-o", out, "-j", "2")
    assert proc.returncode == 1, proc.stderr
    assert f"{len(names) - len(finished)} processed in this run" in proc.stderr
    assert {
        p.name: p.stat().st_mtime_ns for p in state.glob("*.json") if p.name in finished
    } == finished
    doc = json.loads((out / "batch.json").read_text())
    assert sorted(a["file_name"] for a in doc["apps"]) == sorted(names)
    assert all(a["status"] == "ok" for a in doc["apps"])


def _job(path: Path, out: Path) -> Job:
    sha, size = file_sha256(path)
    assert sha is not None
    return Job(path=str(path), sha256=sha, size=size or 0, out_dir=str(out), formats=("json",))


def test_memory_limit_ends_that_package_only(tmp_path: Path) -> None:
    # Any worker holds more than 24 MiB once the scanner is imported (the interpreter, lxml,
    # networkx and YARA alone are more): the limit must trip, even for a scan that ends
    # within one poll.
    record = run_limited(_job(SAMPLES / "form-ranking.apk", tmp_path), Limits(memory_mb=24))
    assert record["status"] == "limit" and "memory limit" in record["error"]


def test_time_limit_kills_the_worker(tmp_path: Path) -> None:
    apk = SHARED / "registry" / "Yosemite.apk"
    if not apk.is_file():
        pytest.skip(f"{apk} is absent (../shared/samples not beside the checkout)")
    record = run_limited(_job(apk, tmp_path), Limits(seconds=0.2))
    assert record["status"] == "limit" and "time limit" in record["error"]
    assert not list(tmp_path.glob("*.json"))  # killed before it wrote a report


@pytest.mark.skipif(not shutil.which("chromium"), reason="Debian's chromium is not installed")
def test_index_sorts_and_filters_in_headless_chromium(
    batch_dir: tuple[Path, subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    out, _ = batch_dir
    dom = subprocess.run(
        [
            "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom", (out / "index.html").as_uri(),
        ],
        capture_output=True, text=True, timeout=120, check=False,
    ).stdout  # fmt: skip
    assert 'id="shown" class="small">4 / 4<' in dom  # the page's own script ran


def test_ledger_ratings_and_clusters_in_the_batch(tmp_path: Path) -> None:
    apps = [SAMPLES / f"{n}.apk" for n in ("tmpl-notice-a", "tmpl-notice-b", "tmpl-survey")]
    out, db = tmp_path / "out", tmp_path / "ledger.sqlite"
    proc = _batch(*apps, SAMPLES / "fingertip-clean.apk", "-o", out, "--db", db, "-j", "2")
    assert proc.returncode == 1, proc.stderr  # the template apps fail --fail-on high
    doc = json.loads((out / "batch.json").read_text(encoding="utf-8"))
    by_name = {a["file_name"]: a for a in doc["apps"]}
    # The ledger rated every app, and each app's own report carries the same code.
    for app in doc["apps"]:
        report = json.loads((out / app["reports"]["json"]).read_text(encoding="utf-8"))
        assert report["rating"]["code"] == app["rating"]["code"] in {"green", "blue", "red"}
    kinds = {c["kind"]: sorted(m["file_name"] for m in c["members"]) for c in doc["clusters"]}
    assert kinds["merge candidate"] == ["tmpl-notice-a.apk", "tmpl-notice-b.apk"]
    assert "tmpl-survey.apk" in kinds["same template, different business"]
    assert by_name["fingertip-clean.apk"].get("cluster") is None  # the unrelated control
    assert "merge candidate" in (out / "index.html").read_text(encoding="utf-8")
    history = subprocess.run(
        [sys.executable, "-m", "scanner", "history", "cn.gov.citya.notice", "--db", str(db)],
        capture_output=True, text=True, cwd=ROOT, check=False, timeout=120,
    )  # fmt: skip
    assert history.returncode == 0, history.stderr
