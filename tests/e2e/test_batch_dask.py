"""`fingertip batch --scheduler`: the same work on a Dask cluster (a LocalCluster here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scanner.batch.run import Settings, run_batch
from tests.conftest import SAMPLES

distributed = pytest.importorskip("distributed")


def test_batch_on_a_local_dask_cluster(tmp_path: Path) -> None:
    apps = [SAMPLES / "form-ranking.apk", SAMPLES / "ios-clean.ipa", SAMPLES / "fingertip-xss.apk"]
    # Worker processes, as on a real cluster: daemonic, so each package runs in a fresh
    # `python -m scanner.batch.child` with the same limits.
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=True, dashboard_address=None
    ) as cluster:
        settings = Settings(formats=("json",), scheduler=cluster.scheduler_address)
        outcome = run_batch(apps, tmp_path, settings, progress=_Quiet)
    by_name = {r["file_name"]: r for r in outcome.records}
    assert {n: r["status"] for n, r in by_name.items()} == dict.fromkeys(
        ("form-ranking.apk", "ios-clean.ipa", "fingertip-xss.apk"), "ok"
    )
    assert by_name["form-ranking.apk"]["verdict"] == "fail"
    report = json.loads((tmp_path / by_name["ios-clean.ipa"]["reports"]["json"]).read_text())
    assert report["app"]["identifier"] == "cn.gov.example.notice"
    assert (tmp_path / "index.html").is_file()


class _Quiet:
    def __init__(self, total: int) -> None:
        self.total = total

    def update(self, record: dict[str, object]) -> None:
        pass
