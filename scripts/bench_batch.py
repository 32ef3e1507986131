"""Batch over the real packages: `fingertip batch ../shared/samples` twice, into BENCHMARKS.md.

The first run scans every package with two workers; the second, into the same folder, shows
what a resumed batch costs (every result is kept by sha256). The section records the wall
times, what was scanned and refused (with the reason), the largest worker, and the clusters
found at the end.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.bench import BENCHMARKS, SAMPLES, VENV_BIN, machine, replace_section  # noqa: E402
from scripts.bench_graph import code_state  # noqa: E402

HEADING = "## Batch over the real packages (make bench)"
JOBS = 2


def run_batch(out: Path) -> tuple[float, int, str]:
    cmd = [str(VENV_BIN / "fingertip"), "batch", str(SAMPLES), "-o", str(out)]
    cmd += ["-j", str(JOBS), "--format", "json"]
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    last = proc.stderr.strip().splitlines()
    summary = next((ln for ln in reversed(last) if "processed in this run" in ln), "")
    return time.perf_counter() - started, proc.returncode, summary


def section(first: tuple[float, int, str], again: tuple[float, int, str], doc: Any) -> str:
    apps = doc["apps"]
    ok = [a for a in apps if a["status"] == "ok"]
    refused = [a for a in apps if a["status"] != "ok"]
    biggest = max(ok, key=lambda a: a.get("peak_rss_mb") or 0)
    per_app = sum(a.get("wall_s") or 0 for a in apps)
    lines = [
        f"`fingertip batch ../shared/samples -o OUT -j {JOBS} --format json`, all {len(apps)} "
        f"packages in one run: **{first[0]:.1f} s wall** (exit {first[1]}) for {per_app:.1f} s "
        f"of per-package wall time (the workers overlap); {len(ok)} scanned, {len(refused)} "
        "refused with their reason:",
        "",
        *(f"- {a.get('error') or a['file_name'] + ': ' + a['status']}" for a in refused),
        "",
        f"The biggest worker was {biggest['file_name']}'s: {biggest.get('peak_rss_mb')} MiB "
        f"resident, {biggest.get('wall_s')} s (of which the scan {biggest.get('scan_s')} s). "
        f"The same command again: **{again[0]:.1f} s** (`{again[2]}`): every result was kept.",
        "",
        "Clusters found at the end:",
        "",
        *(
            f"- {c.get('kind')}: " + " + ".join(m["file_name"] for m in c.get("members", []))
            for c in doc.get("clusters", [])
        ),
        "",
        "Reproduce: `make bench` (that is, `.venv/bin/python scripts/bench_batch.py`).",
        "",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; 1-minute load average "
        f"{os.getloadavg()[0]:.2f} at the end",
        f"- Machine: {machine()}",
        f"- {code_state()}",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    if not SAMPLES.is_dir():
        print(f"skipped: {SAMPLES} is absent, so there is nothing to benchmark", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        out = Path(tmp) / "out"
        first = run_batch(out)
        again = run_batch(out)
        doc = json.loads((out / "batch.json").read_text(encoding="utf-8"))
    replace_section(BENCHMARKS, HEADING, section(first, again, doc))
    print(f"wrote {HEADING!r} to {BENCHMARKS}: first run {first[0]:.1f} s, again {again[0]:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
