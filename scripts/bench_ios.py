#!/usr/bin/env python3
"""IPA scan speed: Fingertip on every IPA in ../shared/samples and samples/, against the least
work any static IPA scanner does.

Each runs as its own subprocess, three times, interleaved; the table keeps the median wall time
and the largest peak RSS (ru_maxrss from os.wait4):

- fingertip: `fingertip scan FILE -o TMP --format json` (the whole scan: call graph on);
- fingertip --no-graph: the same without the call graph;
- baseline: open the zip, parse every bundle's Info.plist with plistlib and every Mach-O with
  lief (`lief.parse`), the floor a scanner that reads IPAs with lief cannot go under.

No iOS peer is installed here (MobSF needs its server and Xcode-side tools); the baseline is the
yardstick. The results replace the `## IPA scan speed (make bench)` section of BENCHMARKS.md.
Run: `.venv/bin/python scripts/bench_ios.py` (part of `make bench`).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.bench import (
    BENCHMARKS,
    REPS,
    SAMPLES,
    Result,
    compile_package,
    machine,
    measure,
    replace_section,
)

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
HEADING = "## IPA scan speed (make bench)"
MACHO_MAGICS = (b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\xca\xfe\xba\xbe")

BASELINE = """
import plistlib, sys, zipfile
import lief
lief.logging.disable()
with zipfile.ZipFile(sys.argv[1]) as zf:
    for name in zf.namelist():
        if name.endswith("Info.plist") and "/_CodeSignature/" not in name:
            try:
                plistlib.loads(zf.read(name))
            except Exception:
                pass
        elif not name.endswith("/") and "." not in name.rsplit("/", 1)[-1]:
            data = zf.read(name)
            if data[:4] in MAGICS:
                lief.parse(data)
""".replace("MAGICS", repr(MACHO_MAGICS))


def tools() -> dict[str, list[str]]:
    fingertip = str(VENV_BIN / "fingertip")
    return {
        "fingertip": [fingertip, "scan", "{file}", "-o", "{out}", "--format", "json"],
        "no-graph": [fingertip, "scan", "{file}", "-o", "{out}", "--format", "json", "--no-graph"],
        "baseline": [str(VENV_BIN / "python"), "-c", BASELINE, "{file}"],
    }


def bench(path: Path, reps: int) -> dict[str, Result]:
    results = {key: Result() for key in tools()}
    for _ in range(reps):
        for key, template in tools().items():
            with tempfile.TemporaryDirectory(prefix="bench-ios-") as tmp:
                cmd = [a.replace("{file}", str(path)).replace("{out}", tmp) for a in template]
                run = measure(cmd, cwd=Path(tmp))
            # fingertip exits 1 (findings) or 3 (unscannable): both are a finished scan.
            if run.returncode not in ((0,) if key == "baseline" else (0, 1, 3)):
                results[key].failure = f"exit {run.returncode}"
                continue
            if key != "baseline" and run.returncode == 3:
                results[key].note = "error report"
            results[key].runs.append(run)
    return results


def render(files: list[Path], table: dict[Path, dict[str, Result]], reps: int, secs: float) -> str:
    out = [
        "Median wall time in seconds / largest peak RSS in MiB over "
        f"{reps} runs, each a fresh process (start-up and imports count). *fingertip* is the "
        "whole scan with the call graph; *baseline* only parses every Info.plist (plistlib) and "
        "every Mach-O (lief.parse): the floor for any scanner that reads IPAs with lief. An "
        "*error report* is a package Fingertip reports as unscannable (its JSON says why).",
        "",
        "| file | size KB | fingertip s / MiB | --no-graph s / MiB | baseline s / MiB | ratio |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for path in files:
        res = table[path]
        ft, base = res["fingertip"], res["baseline"]
        ratio = (
            f"{ft.wall_s / base.wall_s:.1f}x"
            if ft.runs and base.runs and base.failure is None and ft.failure is None
            else "—"
        )
        name = (
            path.relative_to(ROOT).as_posix()
            if ROOT in path.parents
            else (path.relative_to(SAMPLES).as_posix())
        )
        out.append(
            f"| {name} | {path.stat().st_size / 1024:.0f} | {ft.cell()} | "
            f"{res['no-graph'].cell()} | {base.cell()} | {ratio} |"
        )
    out += [
        "",
        f"Reproduce: `.venv/bin/python scripts/bench_ios.py` (in `make bench`). Whole run "
        f"{secs:.0f} s; 1-minute load average {os.getloadavg()[0]:.2f} at the end.",
        f"- Machine: {machine()}",
    ]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--reps", type=int, default=REPS)
    parser.add_argument("--output", type=Path, default=BENCHMARKS)
    args = parser.parse_args(argv)
    files = sorted(SAMPLES.rglob("*.ipa")) if SAMPLES.is_dir() else []
    files += sorted((ROOT / "samples").glob("*.ipa"))
    if not files:
        print("skipped: no IPA found", file=sys.stderr)
        return 0
    compile_package()
    started = time.perf_counter()
    table = {}
    for i, path in enumerate(files, 1):
        table[path] = bench(path, args.reps)
        cells = "  ".join(f"{k}={r.cell(False)}" for k, r in table[path].items())
        print(f"[{i}/{len(files)}] {path.name}: {cells}", flush=True)
    replace_section(
        args.output, HEADING, render(files, table, args.reps, time.perf_counter() - started)
    )
    print(f"wrote {HEADING!r} to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
