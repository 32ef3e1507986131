"""Shared fixtures: the ruleset compiled once, paths to samples, and the golden-file switch."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.config import ScanConfig
from scanner.model import ScanResult
from scanner.pipeline import Ruleset, scan

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared" / "samples"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="Rewrite tests/golden/* from current output."
    )


@pytest.fixture(scope="session")
def ruleset() -> Ruleset:
    return Ruleset.load()


@pytest.fixture(scope="session")
def scan_sample(ruleset: Ruleset):  # type: ignore[no-untyped-def]
    cache: dict[Path, ScanResult] = {}

    def run(path: Path) -> ScanResult:
        if path not in cache:
            cache[path] = scan(path, ScanConfig(), ruleset)
        return cache[path]

    return run


def shared(relative: str) -> Path:
    """A real third-party app from ../shared/samples, or skip the test saying why."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"real sample {relative} not found: ../shared/samples is absent here")
    return path
