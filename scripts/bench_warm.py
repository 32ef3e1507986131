#!/usr/bin/env python3
"""Warm scan speed: Fingertip's scan and the inflate+YARA yardstick in one process.

`scripts/bench.py` times fresh processes, so every figure there carries interpreter start-up and
imports (lief alone takes 0.4–0.7 s to import). A lab's batch pays those once; what it pays per
package is the work measured here: `pipeline.scan()` without the call graph, ruleset loaded,
against inflating every `.dex` and `.so` entry and YARA-scanning it with the same compiled
rules, both warm, median of 7 alternating runs each. The result replaces the
`## Scan speed in one process (make bench)` section of BENCHMARKS.md. Run: `make bench`.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scanner.config import ScanConfig  # noqa: E402
from scanner.errors import ScannerError  # noqa: E402
from scanner.pipeline import Ruleset, scan  # noqa: E402
from scripts.bench import BENCHMARKS, SAMPLES, machine, replace_section  # noqa: E402

HEADING = "## Scan speed in one process (make bench)"
FOCUS = ("registry/Yosemite.apk", "registry/appium-uiautomator2-server-v10.6.6.apk")


def _medians(a: Callable[[], object], b: Callable[[], object], reps: int) -> tuple[float, float]:
    """Median times of `a` and `b`, run alternately so both see the same machine load."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(reps):
        for fn, out in ((a, times[0]), (b, times[1])):
            start = time.perf_counter()
            fn()
            out.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--output", type=Path, default=BENCHMARKS)
    args = parser.parse_args(argv)
    if not SAMPLES.exists():
        print(f"skipped: {SAMPLES} is absent", file=sys.stderr)
        return 0
    ruleset = Ruleset.load()
    rules = ruleset.yara._rules  # the same compiled rules the scan uses
    rows = []
    for apk in sorted(SAMPLES.rglob("*.apk")):
        rel = apk.relative_to(SAMPLES).as_posix()

        def baseline(path: Path = apk) -> None:
            with zipfile.ZipFile(path) as zf:
                for info in zf.infolist():
                    if info.filename.endswith((".dex", ".so")):
                        rules.match(data=zf.read(info))

        def fingertip(path: Path = apk) -> None:
            with contextlib.suppress(ScannerError):
                scan(path, ScanConfig(code_graph=False), ruleset)

        fingertip()  # warm: imports (lief, networkx, the analyzers) happen here, once
        ours, base = _medians(fingertip, baseline, args.reps)
        rows.append((rel, apk.stat().st_size / 1e6, ours, base))
        print(f"{rel}: {ours:.3f} s vs {base:.3f} s", file=sys.stderr)
    lines = [
        "Median of "
        f"{args.reps} warm runs in one process (imports and rule compilation excluded): "
        "`pipeline.scan()` against inflating every `.dex`/`.so` entry and YARA-scanning it "
        "with the same compiled rules. This is the per-package cost of a batch; the fresh-"
        "process figures above add start-up. Reproduce: `make bench` "
        "(`.venv/bin/python scripts/bench_warm.py`).",
        "",
        f"Machine: {machine()}",
        "",
        "| file | size MB | fingertip scan s | inflate+YARA s | ratio |",
        "|---|---:|---:|---:|---:|",
    ]
    for rel, size, ours, base in rows:
        mark = "**" if rel in FOCUS else ""
        lines.append(
            f"| {mark}{rel}{mark} | {size:.2f} | {ours:.3f} | {base:.3f} | "
            f"{mark}{ours / base:.2f}x{mark} |"
        )
    focus = [r for r in rows if r[0] in FOCUS]
    lines += [""] + [
        f"- {rel}: {ours:.3f} s against {base:.3f} s, **{ours / base:.2f}x** (goal: at most 2x)."
        for rel, _, ours, base in focus
    ]
    replace_section(args.output, HEADING, "\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
