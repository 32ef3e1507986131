"""`scan(keep=…)`: a process that exits right after its last scan leaves the graph unfreed."""

from __future__ import annotations

from pathlib import Path

import scanner.cli as cli
from scanner.analyzers.base import CodeEvidence
from scanner.config import ScanConfig
from scanner.pipeline import Ruleset, scan
from tests.conftest import SAMPLES
from tests.e2e.helpers import run_cli


def test_keep_receives_the_graph_and_the_result_is_the_same(ruleset: Ruleset) -> None:
    apk = SAMPLES / "fingertip-checkin.apk"
    kept: list[object] = []
    result = scan(apk, ScanConfig(), ruleset, keep=kept)
    (left,) = kept
    assert isinstance(left, tuple) and isinstance(left[0], CodeEvidence)
    assert left[0].graph.names  # the whole graph, still alive
    assert result == scan(apk, ScanConfig(), ruleset)


def test_only_the_exiting_console_entry_keeps_anything(tmp_path: Path) -> None:
    # Inside another program (here the test's CliRunner) nothing may be left behind.
    assert cli._LEFT_FOR_EXIT is None
    run_cli("scan", str(SAMPLES / "fingertip-clean.apk"), "-o", str(tmp_path), "--format", "json")
    assert cli._LEFT_FOR_EXIT is None
