#!/usr/bin/env python3
"""Scan-speed benchmark: Fingertip against its peers on the real APKs in ../shared/samples.

For every `*.apk` there, each of these runs as its own subprocess, three times, and the table
keeps the median wall time and the largest peak RSS (ru_maxrss from os.wait4, so per child):

- fingertip: `fingertip scan FILE -o TMP --format json --no-graph` from the project's venv (the
  scan the inflate+YARA yardstick is for; scripts/bench_graph.py times the scan with its graph);
- androguard: `APK(path)` alone (package and permissions read), in the project's venv;
- apkid: `apkid -j FILE` from .peers/apkid (made by scripts/peers_setup.sh);
- baseline: inflate every `.dex` and `.so` entry and YARA-scan it with the project's rules
  (signatures/yara/**/*.yar), the yardstick of the speed goal: a scan of Yosemite.apk within 2x
  of the time to inflate its dex and .so files and YARA-scan them.

The results replace the `## Scan speed (make bench)` section of BENCHMARKS.md; other sections are
kept. Run: `make bench` (that is, `.venv/bin/python scripts/bench.py`).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT.parent / "shared" / "samples"
BENCHMARKS = ROOT / "BENCHMARKS.md"
VENV_BIN = ROOT / ".venv" / "bin"
APKID_BIN = ROOT / ".peers" / "apkid" / "bin"
YARA_DIR = ROOT / "signatures" / "yara"
HEADING = "## Scan speed (make bench)"
YARDSTICK = "Yosemite.apk"
REPS = 3
TIMEOUT_S = 900
MB = 1024 * 1024

ANDROGUARD_SCRIPT = """\
import sys
from loguru import logger
logger.remove()
from androguard.core.apk import APK
logger.remove()
a = APK(sys.argv[1])
print(a.get_package(), len(a.get_permissions()))
"""

# Mirrors scanner/rules/yara_engine.py: every .yar not starting with "_", namespaced by path.
BASELINE_SCRIPT = """\
import json, sys, time, zipfile
from pathlib import Path
import yara
t0 = time.perf_counter()
root = Path(sys.argv[2])
files = sorted(p for p in root.rglob("*.yar") if not p.name.startswith("_"))
rules = yara.compile(filepaths={p.relative_to(root).as_posix(): str(p) for p in files})
t1 = time.perf_counter()
n = size = hits = 0
with zipfile.ZipFile(sys.argv[1]) as z:
    for info in z.infolist():
        if info.filename.lower().endswith((".dex", ".so")) and not info.is_dir():
            data = z.read(info)
            n += 1
            size += len(data)
            hits += len(rules.match(data=data, timeout=60))
t2 = time.perf_counter()
print(json.dumps({"compile_s": t1 - t0, "inflate_scan_s": t2 - t1, "files": n,
                  "bytes": size, "matches": hits}))
"""


@dataclass(frozen=True, slots=True)
class Run:
    wall_s: float
    maxrss_kb: int
    returncode: int
    stdout: str
    stderr: str


@dataclass(slots=True)
class Result:
    """One tool on one file: the runs, or why there is no number."""

    runs: list[Run] = field(default_factory=list)
    failure: str | None = None
    note: str | None = None
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def wall_s(self) -> float:
        return statistics.median(r.wall_s for r in self.runs)

    @property
    def rss_mb(self) -> float:
        return max(r.maxrss_kb for r in self.runs) / 1024

    def cell(self, with_rss: bool = True) -> str:
        if self.failure is not None or not self.runs:
            return f"n/a ({self.failure or 'not run'})"
        text = f"{self.wall_s:.2f} / {self.rss_mb:.0f}" if with_rss else f"{self.wall_s:.2f}"
        return f"{text} ({self.note})" if self.note else text


def measure(cmd: Sequence[str], cwd: Path, timeout: float = TIMEOUT_S) -> Run:
    """Run `cmd` once; wall time and this child's peak RSS (KiB) from os.wait4."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd), cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
            start_new_session=True,
        )  # fmt: skip
        timer = threading.Timer(timeout, _kill_group, args=(proc.pid,))
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        return Run(
            wall_s=wall,
            maxrss_kb=usage.ru_maxrss,
            returncode=proc.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
        )


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def _last_line(text: str, limit: int = 90) -> str:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    line = lines[-1] if lines else "no output"
    line = line.replace("|", "\\|")
    return line if len(line) <= limit else line[: limit - 1] + "…"


# Each checker returns (failure reason or None, note or None) for one run.
Checker = Callable[[Run, Path], tuple[str | None, str | None]]


def check_fingertip(run: Run, outdir: Path) -> tuple[str | None, str | None]:
    if run.returncode < 0:
        return f"killed by signal {-run.returncode}", None
    reports = sorted(outdir.glob("*.json"))
    if run.returncode not in (0, 1, 3) or not reports:
        return f"exit {run.returncode}: {_last_line(run.stderr)}", None
    doc = json.loads(reports[0].read_text(encoding="utf-8"))
    if doc.get("verdict") == "error":
        errors = doc.get("errors") or ["?"]
        first = errors[0] if isinstance(errors[0], str) else json.dumps(errors[0])
        return None, f"verdict error: {_last_line(first, 60)}"
    return None, None


def check_plain(run: Run, _outdir: Path) -> tuple[str | None, str | None]:
    if run.returncode != 0:
        return f"exit {run.returncode}: {_last_line(run.stderr or run.stdout)}", None
    return None, None


def check_apkid(run: Run, outdir: Path) -> tuple[str | None, str | None]:
    failure, _ = check_plain(run, outdir)
    if failure:
        return failure, None
    if not run.stdout.strip():
        return None, "no output: nothing it scans"  # apkid -j prints nothing for a dex-less zip
    try:
        doc = json.loads(run.stdout)
    except json.JSONDecodeError:
        return f"no JSON on stdout: {_last_line(run.stderr or run.stdout)}", None
    if not doc.get("files"):
        return None, "nothing scanned"
    return None, None


@dataclass(frozen=True, slots=True)
class Tool:
    key: str
    available: str | None  # None when usable, else why not
    command: Callable[[Path, Path], list[str]]
    check: Checker


def tools() -> list[Tool]:
    py = VENV_BIN / "python"
    fingertip = VENV_BIN / "fingertip"
    apkid = APKID_BIN / "apkid"
    missing_venv = None if fingertip.exists() else f"{fingertip} missing: run make venv"
    missing_apkid = None if apkid.exists() else "not installed: run scripts/peers_setup.sh"
    return [
        Tool(
            "fingertip",
            missing_venv,
            # The yardstick is a scan without the call graph (bench_graph.py times it with).
            lambda apk, out: [
                str(fingertip),
                "scan",
                str(apk),
                "-o",
                str(out),
                "--format",
                "json",
                "--no-graph",
            ],
            check_fingertip,
        ),
        Tool(
            "androguard",
            missing_venv,
            lambda apk, _out: [str(py), "-c", ANDROGUARD_SCRIPT, str(apk)],
            check_plain,
        ),
        Tool("apkid", missing_apkid, lambda apk, _out: [str(apkid), "-j", str(apk)], check_apkid),
        Tool(
            "baseline",
            missing_venv,
            lambda apk, _out: [str(py), "-c", BASELINE_SCRIPT, str(apk), str(YARA_DIR)],
            check_plain,
        ),
    ]


def bench_file(apk: Path, toolset: list[Tool], reps: int) -> dict[str, Result]:
    results = {t.key: Result(failure=t.available) for t in toolset}
    for _ in range(reps):  # interleaved, so a slow spell of the machine hits every tool alike
        for tool in toolset:
            res = results[tool.key]
            if res.failure is not None:
                continue
            with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
                outdir = Path(tmp)
                run = measure(tool.command(apk, outdir), cwd=outdir)
                failure, note = tool.check(run, outdir)
            if failure is not None:
                res.failure = failure
                continue
            res.runs.append(run)
            res.note = res.note or note
    base = results.get("baseline")
    if base is not None and base.failure is None and base.runs:
        docs = [json.loads(r.stdout) for r in base.runs]
        base.extra = {k: statistics.median(float(d[k]) for d in docs) for k in docs[0]}
    return results


def _output(cmd: Sequence[str]) -> str:
    try:
        proc = subprocess.run(list(cmd), capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"n/a ({exc})"
    text = (proc.stdout or proc.stderr).strip()
    return text.splitlines()[0] if text else f"n/a (exit {proc.returncode})"


def _dist_version(python: Path, *dists: str) -> str:
    if not python.exists():
        return "n/a (not installed)"
    code = (
        "import importlib.metadata as m, sys\n"
        "for d in sys.argv[1:]:\n"
        "    try: print(d, m.version(d))\n"
        "    except m.PackageNotFoundError: pass\n"
    )
    out = subprocess.run(
        [str(python), "-c", code, *dists], capture_output=True, text=True, check=False
    ).stdout.split("\n")
    return ", ".join(line for line in out if line) or "n/a"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown RAM"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / MB:.1f} GiB RAM"
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs (nproc), {cpu}, {ram}, {platform.system()} {platform.release()}"


def versions() -> list[str]:
    py = VENV_BIN / "python"
    yara_lib = _output([str(py), "-c", "import yara; print(yara.__version__)"])
    pyver = _output([str(py), "-c", "import sys; print(sys.version.split()[0])"])
    project = _dist_version(py, "androguard", "yara-python", "lief")
    apkid = _dist_version(APKID_BIN / "python", "apkid", "yara-python-dex", "yara-python")
    return [
        f"fingertip: `{_output([str(VENV_BIN / 'fingertip'), '--version'])}`",
        f"project venv: Python {pyver}, {project} (libyara {yara_lib})",
        f"apkid venv (.peers/apkid): {apkid}",
    ]


def replace_section(path: Path, heading: str, body: str) -> None:
    """Put `heading` + `body` in the Markdown file, replacing that section only."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Fingertip benchmarks\n"
    lines = text.splitlines()
    start = next((i for i, ln in enumerate(lines) if ln.strip() == heading), None)
    new = [heading, "", *body.rstrip("\n").splitlines(), ""]
    if start is None:
        while lines and not lines[-1].strip():
            lines.pop()
        lines += ["", *new]
    else:
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines)
        )
        lines[start:end] = new
    path.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")


def startup(reps: int) -> str:
    """Fixed cost of a fresh process: `fingertip --version` against the baseline's imports."""
    cmds = {
        "fingertip --version": [str(VENV_BIN / "fingertip"), "--version"],
        "baseline imports (python -c 'import yara, zipfile')": [
            str(VENV_BIN / "python"), "-c", "import yara, zipfile",
        ],
    }  # fmt: skip
    parts = []
    for label, cmd in cmds.items():
        if not Path(cmd[0]).exists():
            continue
        runs = [measure(cmd, cwd=ROOT) for _ in range(reps)]
        wall = statistics.median(r.wall_s for r in runs)
        parts.append(f"{label} {wall:.2f} s / {max(r.maxrss_kb for r in runs) / 1024:.0f} MB")
    return "Start-up alone: " + "; ".join(parts) + "." if parts else ""


def render(
    files: list[Path],
    table: dict[Path, dict[str, Result]],
    reps: int,
    secs: float,
    start_line: str,
    load: tuple[float, float],
) -> str:
    out = [
        f"Median wall time in seconds over {reps} runs / largest peak RSS in MiB (ru_maxrss of "
        "the child), each tool a fresh process per run, so interpreter start-up and imports "
        "count. *baseline* inflates every `.dex` and `.so` entry and YARA-scans it with the "
        "project's rules (`signatures/yara/**/*.yar`); its time includes Python start-up and rule "
        "compilation. *ratio* = fingertip / baseline. A fingertip cell marked *verdict error* is "
        "a package Fingertip reported as unscannable (its time is still that of a full run).",
        "",
        "| file | size MB | fingertip s / MB | androguard APK() s / MB | apkid s / MB "
        "| inflate+YARA s / MB | ratio fingertip/baseline |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for apk in files:
        res = table[apk]
        ft, base = res["fingertip"], res["baseline"]
        ratio = "n/a"
        if ft.runs and base.runs and ft.failure is None and base.failure is None:
            ratio = f"{ft.wall_s / base.wall_s:.1f}x"
        name = apk.relative_to(SAMPLES).as_posix().replace("|", "\\|")
        out.append(
            f"| {name} | {apk.stat().st_size / MB:.2f} | {ft.cell()} | "
            f"{res['androguard'].cell()} | {res['apkid'].cell()} | {base.cell()} | {ratio} |"
        )
    out.append("")
    ok_all = [
        apk for apk in files
        if all(r.failure is None and r.runs for r in table[apk].values())
    ]  # fmt: skip
    if ok_all:
        sums = {
            key: sum(table[a][key].wall_s for a in ok_all)
            for key in ("fingertip", "androguard", "apkid", "baseline")
        }
        out.append(
            f"Sum over the {len(ok_all)} files every tool handled: fingertip "
            f"{sums['fingertip']:.1f} s, androguard APK() {sums['androguard']:.1f} s, apkid "
            f"{sums['apkid']:.1f} s, inflate+YARA {sums['baseline']:.1f} s."
        )
        out.append("")
    yose = next((a for a in files if a.name == YARDSTICK), None)
    if yose is None:
        out.append(f"**{YARDSTICK}**: not among the samples, so the speed goal was not measured.")
    else:
        res = table[yose]
        ft, base = res["fingertip"], res["baseline"]
        if ft.runs and base.runs and ft.failure is None and base.failure is None:
            yratio = ft.wall_s / base.wall_s
            goal = "meets" if yratio <= 2.0 else "misses"
            inner = base.extra.get("inflate_scan_s")
            inner_txt = (
                f" (of which inflate+scan in-process {inner:.2f} s over "
                f"{int(base.extra.get('files', 0))} entries, "
                f"{base.extra.get('bytes', 0) / MB:.1f} MB inflated)"
                if inner is not None
                else ""
            )
            out.append(
                f"**{YARDSTICK}** ({yose.stat().st_size / MB:.1f} MB): fingertip "
                f"{ft.wall_s:.2f} s vs inflate+YARA baseline {base.wall_s:.2f} s{inner_txt}: "
                f"ratio **{yratio:.1f}x**, which {goal} the goal of at most 2x. apkid "
                f"{res['apkid'].cell(False)} s, androguard APK() {res['androguard'].cell(False)} s."
            )
        else:
            out.append(
                f"**{YARDSTICK}**: no ratio (fingertip {ft.cell()}, baseline {base.cell()})."
            )
    if start_line:
        out += ["", start_line]
    out += [
        "",
        "Reproduce: `make bench` (that is, `.venv/bin/python scripts/bench.py`; peers from "
        "`bash scripts/peers_setup.sh`).",
        "",
        f"- Date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}; "
        f"whole run {secs / 60:.1f} min; 1-minute load average {load[0]:.2f} at the start, "
        f"{load[1]:.2f} at the end (the benchmark itself adds about 1)",
        f"- Machine: {machine()}",
        *(f"- {v}" for v in versions()),
    ]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--reps", type=int, default=REPS, help="runs per tool and file")
    parser.add_argument("--only", default="", help="only files whose path contains this")
    parser.add_argument("--output", type=Path, default=BENCHMARKS, help="Markdown file to update")
    args = parser.parse_args(argv)
    if not SAMPLES.is_dir():
        print(f"skipped: {SAMPLES} is absent, so there is nothing to benchmark", file=sys.stderr)
        return 0
    files = sorted(p for p in SAMPLES.rglob("*.apk") if args.only in str(p))
    if not files:
        print(f"skipped: no *.apk under {SAMPLES}", file=sys.stderr)
        return 0
    compile_package()
    toolset = tools()
    for t in toolset:
        if t.available:
            print(f"{t.key}: {t.available}", file=sys.stderr)
    started = time.perf_counter()
    load_start = os.getloadavg()[0]
    table: dict[Path, dict[str, Result]] = {}
    for i, apk in enumerate(files, 1):
        table[apk] = bench_file(apk, toolset, args.reps)
        cells = "  ".join(f"{k}={r.cell(False)}" for k, r in table[apk].items())
        print(f"[{i}/{len(files)}] {apk.relative_to(SAMPLES)}: {cells}", flush=True)
    start_line = startup(args.reps)
    secs = time.perf_counter() - started
    load = (load_start, os.getloadavg()[0])
    body = render(files, table, args.reps, secs, start_line, load)
    replace_section(args.output, HEADING, body)
    print(f"wrote {HEADING!r} to {args.output}")
    return 0


def compile_package() -> None:
    """Byte-compile the scanner, as a pip install does: an editable install under
    PYTHONDONTWRITEBYTECODE (set on this machine) would otherwise compile its sources anew in
    every timed run, which a lab's install never does; the peers are compiled by pip."""
    subprocess.run(
        [str(VENV_BIN / "python"), "-m", "compileall", "-q", str(ROOT / "scanner")],
        check=True,
        stdout=subprocess.DEVNULL,
    )


if __name__ == "__main__":
    sys.exit(main())
