#!/usr/bin/env python3
"""Call-graph benchmark: Fingertip's whole-app graph against androguard's, on the real APKs.

Three parts, each replacing its own section of BENCHMARKS.md (other sections are kept):

- ratios: on registry/Yosemite.apk and registry/appium-uiautomator2-server-v10.6.6.apk, a full
  `fingertip scan FILE -o TMP --format json` (call graph on, the default; median of 3 runs,
  largest peak RSS) against androguard's `AnalyzeAPK(path)` + `analysis.get_call_graph()` (one
  run), each a fresh process, wall time and peak RSS (ru_maxrss from os.wait4, so per child).
  The goal: Fingertip at most 1/10 of androguard's time and 1/4 of its peak memory.
- scaling: bench-only packages assembled in a temporary directory (deleted afterwards) from the
  real dex files of the shared APKs, at about 1x, 2x, 4x and 8x the size of Yosemite's
  classes.dex, each scanned by `fingertip scan`; the graph's size comes from a separate process
  that opens the package and builds the graph alone. androguard runs on the 1x and 2x packages.
- agreement: on every APK androguard can analyse, every edge of androguard's call graph between
  two methods some dex of the app defines must be an edge of Fingertip's graph too.

Run: `make bench` (that is, `.venv/bin/python scripts/bench_graph.py`); one part with
`--only ratios|scaling|agreement`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import hashlib
import json
import os
import statistics
import sys
import tempfile
import threading
import time
import zipfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scanner.config import Limits  # noqa: E402
from scanner.errors import ScannerError  # noqa: E402
from scanner.facts.android import read_android_facts  # noqa: E402
from scanner.graph.callgraph import CodeGraph, build  # noqa: E402
from scanner.graph.dex import DexFile, MethodRef  # noqa: E402
from scanner.graph.entries import EntryPoint, entry_points  # noqa: E402
from scanner.unpack.apk import open_apk  # noqa: E402
from scripts.bench import (  # noqa: E402
    BENCHMARKS,
    MB,
    SAMPLES,
    TIMEOUT_S,
    VENV_BIN,
    Result,
    Run,
    _dist_version,
    _last_line,
    _output,
    check_fingertip,
    compile_package,
    machine,
    measure,
    replace_section,
)

HEAD_RATIOS = "## Call graph: speed and memory against androguard (make bench)"
HEAD_SCALING = "## Call graph: scaling with dex size (make bench)"
HEAD_AGREEMENT = "## Call graph: agreement with androguard (make bench)"
PARTS = ("ratios", "scaling", "agreement")

FOCUS = ("registry/Yosemite.apk", "registry/appium-uiautomator2-server-v10.6.6.apk")
FINGERTIP_REPS = 3
TIME_GOAL = 0.10  # fingertip / androguard wall time
MEMORY_GOAL = 0.25  # fingertip / androguard peak RSS

# Scaling: the base dex, the package whose manifest and resource table every size borrows, the
# sizes, and the largest size androguard is also run on (beyond it: minutes and gigabytes).
SCALE_BASE = ("registry/Yosemite.apk", "classes.dex")
SCALE_MANIFEST = "registry/appium-uiautomator2-server-v10.6.6.apk"
SCALE_FACTORS = (1, 2, 4, 8)
SCALE_REPS = 3
SCALE_SLACK = 1.02  # a package may exceed its target size by this factor
ANDROGUARD_MAX_FACTOR = 2

SAMPLE_INTERVAL_S = 0.02
AGREEMENT_TIMEOUT_S = 180
ARRAY_CAUSE = "androguard credits a call on an array type to the element class"
EXAMPLES = 10

# AnalyzeAPK + get_call_graph, as a lab would call them. With a second argument, also write the
# graph's edges between methods the app's dex files define (EncodedMethod nodes) to that file.
ANDROGUARD_SCRIPT = """\
import json, sys, time
from loguru import logger
logger.remove()
from androguard.misc import AnalyzeAPK
from androguard.core.dex import EncodedMethod
logger.remove()
t0 = time.perf_counter()
a, d, dx = AnalyzeAPK(sys.argv[1])
t1 = time.perf_counter()
cg = dx.get_call_graph()
t2 = time.perf_counter()
out = {"analyze_s": t1 - t0, "call_graph_s": t2 - t1, "nodes": cg.number_of_nodes(),
       "edges": cg.number_of_edges(), "dex": len(d)}
if len(sys.argv) > 2:
    def sig(m):
        return f"{m.get_class_name()}->{m.get_name()}{m.get_descriptor().replace(' ', '')}"
    app = sorted({(sig(u), sig(v)) for u, v in cg.edges()
                  if isinstance(u, EncodedMethod) and isinstance(v, EncodedMethod)})
    out["app_nodes"] = sum(1 for n in cg.nodes() if isinstance(n, EncodedMethod))
    out["app_edges"] = len(app)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump({"app_edges": app}, f)
print(json.dumps(out))
"""

# Fingertip's graph alone, in a fresh process: open the package, read the manifest, build.
GRAPH_SCRIPT = """\
import json, sys, time
from pathlib import Path
from scanner.config import Limits
from scanner.facts.android import read_android_facts
from scanner.graph.callgraph import build
from scanner.graph.dex import DexFile
from scanner.graph.entries import entry_points
from scanner.unpack.apk import open_apk
t0 = time.perf_counter()
contents = open_apk(Path(sys.argv[1]), Limits())
facts = read_android_facts(contents)
t1 = time.perf_counter()
g = build([DexFile(d.data, d.location) for d in contents.dex], entry_points(facts))
t2 = time.perf_counter()
print(json.dumps({"open_s": t1 - t0, "build_s": t2 - t1, "nodes": g.graph.number_of_nodes(),
                  "edges": g.graph.number_of_edges(), "classes": len(g.classes),
                  "defined": len(g.defined), "dex": len(contents.dex)}))
"""


# --- shared helpers ---------------------------------------------------------------------------


def fingertip_cmd(apk: Path, outdir: Path) -> list[str]:
    return [str(VENV_BIN / "fingertip"), "scan", str(apk), "-o", str(outdir), "--format", "json"]


def androguard_cmd(apk: Path, edges_out: Path | None = None) -> list[str]:
    cmd = [str(VENV_BIN / "python"), "-c", ANDROGUARD_SCRIPT, str(apk)]
    return [*cmd, str(edges_out)] if edges_out is not None else cmd


class TreePeak:
    """The largest sum of RSS over every process of one session, sampled from /proc.

    `ru_maxrss` from os.wait4 is the peak of the largest single process (the child or one of
    its waited-for descendants), not of their sum; a scan that runs work in a worker process
    beside its main one holds both at once. The session is the one whose leader's command line
    holds `marker` (measure() starts each child in a session of its own)."""

    def __init__(self, marker: str, interval: float = SAMPLE_INTERVAL_S) -> None:
        self.marker = marker.encode()
        self.interval = interval
        self.peak_kb = 0
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._page_kb = os.sysconf("SC_PAGE_SIZE") // 1024

    def __enter__(self) -> TreePeak:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @staticmethod
    def _stats() -> list[tuple[int, int, int]]:
        """(pid, session id, RSS pages) of every process."""
        out = []
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                raw = Path(entry.path, "stat").read_bytes()
            except OSError:
                continue
            fields = raw[raw.rfind(b")") + 2 :].split()  # after "pid (comm) "; state is [0]
            out.append((int(entry.name), int(fields[3]), int(fields[21])))
        return out

    def _leader(self, stats: list[tuple[int, int, int]]) -> int | None:
        for pid, sid, _ in stats:
            if pid != sid:
                continue
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            if self.marker in cmdline:
                return pid
        return None

    def _run(self) -> None:
        sid: int | None = None
        while not self._stop.wait(self.interval):
            stats = self._stats()
            if sid is None:
                sid = self._leader(stats)
                if sid is None:
                    continue
            total = sum(rss for _, s, rss in stats if s == sid) * self._page_kb
            self.samples += 1
            self.peak_kb = max(self.peak_kb, total)


def run_fingertip(apk: Path, reps: int) -> Result:
    """`reps` timed runs (wall time; ru_maxrss of the main process), then one more run with the
    RSS of its whole process tree sampled (extra["tree_kb"]): the sampler's own CPU use stays
    out of the timed runs."""
    res = Result()
    for i in range(reps + 1):
        sampled = i == reps
        with tempfile.TemporaryDirectory(prefix="bench-graph-") as tmp:
            outdir = Path(tmp)
            if sampled:
                with TreePeak(str(outdir)) as tree:
                    run = measure(fingertip_cmd(apk, outdir), cwd=outdir)
            else:
                run = measure(fingertip_cmd(apk, outdir), cwd=outdir)
            failure, note = check_fingertip(run, outdir)
        if failure is not None:
            res.failure = failure
            break
        if sampled:
            res.extra["tree_kb"] = float(max(tree.peak_kb, run.maxrss_kb))
            res.extra["tree_samples"] = float(tree.samples)
        else:
            res.runs.append(run)
        res.note = res.note or note
    return res


def peak_mib(res: Result) -> float:
    """Fingertip's peak memory: the largest of the main process's ru_maxrss and the sampled
    sum over its process tree."""
    return max(res.rss_mb, res.extra.get("tree_kb", 0.0) / 1024)


def ft_cell(res: Result) -> str:
    """`seconds / MiB` with the whole-tree peak, or why there is no number."""
    if res.failure is not None or not res.runs:
        return res.cell()
    text = f"{res.wall_s:.2f} / {peak_mib(res):.0f}"
    return f"{text} ({res.note})" if res.note else text


def run_json(cmd: Sequence[str], timeout: float = TIMEOUT_S, reps: int = 1) -> Result:
    """Runs of a script printing a JSON object as its last line; extra holds the median of each
    of its numbers over the runs."""
    res = Result()
    docs: list[dict[str, float]] = []
    for _ in range(reps):
        run = measure(cmd, cwd=ROOT, timeout=timeout)
        failure = _json_failure(run, timeout)
        if failure is not None:
            res.failure = failure
            return res
        res.runs.append(run)
        doc = json.loads(run.stdout.strip().splitlines()[-1])
        docs.append({k: float(v) for k, v in doc.items() if isinstance(v, int | float)})
    res.extra = {k: statistics.median(d[k] for d in docs) for k in docs[0]}
    return res


def _json_failure(run: Run, timeout: float) -> str | None:
    if run.returncode < 0:
        if run.wall_s >= timeout:
            return f"timed out after {timeout:.0f} s"
        return f"killed by signal {-run.returncode}"
    if run.returncode != 0:
        return f"exit {run.returncode}: {_last_line(run.stderr or run.stdout)}"
    lines = run.stdout.strip().splitlines()
    if not lines or not lines[-1].startswith("{"):
        return f"no JSON on stdout: {_last_line(run.stderr or run.stdout)}"
    return None


def dex_bytes(apk: Path) -> int:
    """Uncompressed size of the package's top-level .dex entries."""
    with zipfile.ZipFile(apk) as zf:
        return sum(i.file_size for i in zf.infolist() if i.filename.lower().endswith(".dex"))


def footer(part: str, started: float, load_start: float) -> list[str]:
    py = VENV_BIN / "python"
    secs = time.perf_counter() - started
    return [
        f"Reproduce: `make bench` (that is, `.venv/bin/python scripts/bench_graph.py`; this part "
        f"alone: `--only {part}`).",
        "",
        f"- Date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}; this part took "
        f"{secs / 60:.1f} min; 1-minute load average {load_start:.2f} at its start, "
        f"{os.getloadavg()[0]:.2f} at its end (the benchmark itself adds about 1)",
        f"- Machine: {machine()}",
        f"- fingertip: `{_output([str(VENV_BIN / 'fingertip'), '--version'])}`; {code_state()}",
        f"- project venv: {_dist_version(py, 'androguard', 'networkx')}",
    ]


def code_state() -> str:
    """The commit measured, and whether scanner/ had uncommitted changes."""
    head = _output(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    changed = _output(["git", "-C", str(ROOT), "status", "--porcelain", "--", "scanner"])
    dirty = "" if changed.startswith("n/a") else " + uncommitted changes under scanner/"
    return f"code at commit {head}{dirty}"


def _yes(ok: bool) -> str:
    return "**yes**" if ok else "no"


# --- part 1: ratios ---------------------------------------------------------------------------


def part_ratios(output: Path) -> None:
    started, load_start = time.perf_counter(), os.getloadavg()[0]
    rows = []
    summary = []
    for rel in FOCUS:
        apk = SAMPLES / rel
        if not apk.exists():
            rows.append(f"| {rel} | n/a | not among the samples | | | | | | | |")
            continue
        dex_mib = dex_bytes(apk) / MB
        # Fingertip runs before, between and after androguard's two long runs: this machine's
        # speed can change by half within minutes (another tenant's load), so each side's
        # figure is the median of runs spread over the same window.
        ft = run_fingertip(apk, FINGERTIP_REPS)
        ag = run_json(androguard_cmd(apk))
        for last in (False, True):
            more = run_fingertip(apk, FINGERTIP_REPS)
            ft.runs += more.runs
            ft.failure = ft.failure or more.failure
            ft.extra["tree_kb"] = max(ft.extra.get("tree_kb", 0.0), more.extra.get("tree_kb", 0.0))
            if not last:
                again = run_json(androguard_cmd(apk))
                ag.runs += again.runs
                ag.failure = ag.failure or again.failure
        print(f"ratios: {rel}: fingertip {ft_cell(ft)} (main process {ft.cell()})", flush=True)
        print(f"ratios: {rel}: androguard {ag.cell()}", flush=True)
        main_cell = tree_cell = "n/a"
        if ft.failure is None and ag.failure is None and ft.runs and ag.runs:
            t_ratio = ft.wall_s / ag.wall_s
            m_ratio = peak_mib(ft) / ag.rss_mb
            main_ratio = ft.rss_mb / ag.rss_mb
            t_cell, m_cell = f"{t_ratio:.3f}", f"{m_ratio:.3f}"
            t_ok, m_ok = _yes(t_ratio <= TIME_GOAL), _yes(m_ratio <= MEMORY_GOAL)
            main_cell = f"{ft.rss_mb:.0f}"
            tree_cell = f"{ft.extra.get('tree_kb', 0) / 1024:.0f}"
            summary.append(
                f"- {rel}: fingertip runs "
                f"{', '.join(f'{r.wall_s:.2f}' for r in ft.runs)} s; androguard runs "
                f"{', '.join(f'{r.wall_s:.1f}' for r in ag.runs)} s, the first: AnalyzeAPK "
                f"{ag.extra.get('analyze_s', 0):.1f} s + get_call_graph "
                f"{ag.extra.get('call_graph_s', 0):.1f} s (in-process times), its graph "
                f"{int(ag.extra.get('nodes', 0)):,} nodes / {int(ag.extra.get('edges', 0)):,} "
                f"edges. Time ratio {t_ratio:.3f} ({'meets' if t_ratio <= TIME_GOAL else 'misses'}"
                f" ≤ {TIME_GOAL:.2f}), memory ratio {m_ratio:.3f} "
                f"({'meets' if m_ratio <= MEMORY_GOAL else 'misses'} ≤ {MEMORY_GOAL:.2f}; "
                f"{main_ratio:.3f} counting the main process alone)."
            )
        else:
            t_cell = m_cell = t_ok = m_ok = "n/a"
        rows.append(
            f"| {rel} | {dex_mib:.1f} | {ft.cell(with_rss=False)} | {main_cell} | {tree_cell} "
            f"| {ag.cell()} | {t_cell} | {m_cell} | {t_ok} | {m_ok} |"
        )
    body = [
        "The goal: a full scan with call-graph evidence in at most 1/10 of the wall time of "
        "androguard's `AnalyzeAPK(path)` + `analysis.get_call_graph()` on the same file, and at "
        "most 1/4 of its peak memory. Each figure is a fresh process, so interpreter start-up "
        "and imports count on both sides. *fingertip* is `fingertip scan FILE -o TMP --format "
        f"json` (the whole scan, call graph on as by default): median wall time of "
        f"{3 * FINGERTIP_REPS} runs, {FINGERTIP_REPS} before, between and after androguard's "
        "two runs (the machine's speed drifts with other tenants' load); its peak memory twice: "
        "*main process* is the largest "
        "ru_maxrss (os.wait4) of those runs, *whole tree* the largest sum of RSS over the "
        "scan's processes (it may hand work to a worker process), sampled from `/proc` every "
        f"{SAMPLE_INTERVAL_S * 1000:.0f} ms in one more, untimed run. The memory ratio uses the "
        "larger of the two. *androguard* is `AnalyzeAPK` + `get_call_graph()` in the "
        "project's venv (loguru handlers removed), one process per run: the median (that is, "
        "the mean) of two runs' seconds / the larger MiB (ru_maxrss). "
        "*dex MiB*: the package's dex files, uncompressed.",
        "",
        "| file | dex MiB | fingertip s | fingertip MiB, main process | fingertip MiB, whole "
        f"tree | androguard s / MiB | time ratio | memory ratio | time ≤ {TIME_GOAL:.2f} "
        f"| memory ≤ {MEMORY_GOAL:.2f} |",
        "|---|---:|---:|---:|---:|---:|---:|---:|:-:|:-:|",
        *rows,
        "",
        *summary,
        "",
        *footer("ratios", started, load_start),
    ]
    replace_section(output, HEAD_RATIOS, "\n".join(body) + "\n")
    print(f"wrote {HEAD_RATIOS!r} to {output}")


# --- part 2: scaling --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PoolDex:
    apk: str  # path under SAMPLES
    entry: str
    size: int
    classes: frozenset[str]

    @property
    def label(self) -> str:
        return f"{self.apk}!{self.entry}"

    def read(self) -> bytes:
        with zipfile.ZipFile(SAMPLES / self.apk) as zf:
            return zf.read(self.entry)


def dex_pool() -> list[PoolDex]:
    """Every distinct (by sha256) dex file in the shared APKs, with the classes it defines."""
    seen: set[str] = set()
    pool = []
    for apk in sorted(SAMPLES.rglob("*.apk")):
        try:
            zf = zipfile.ZipFile(apk)
        except (zipfile.BadZipFile, OSError):
            continue
        with zf:
            for info in zf.infolist():
                if not info.filename.lower().endswith(".dex"):
                    continue
                data = zf.read(info)
                digest = hashlib.sha256(data).hexdigest()
                if not data.startswith(b"dex\n") or digest in seen:
                    continue
                seen.add(digest)
                try:
                    dex = DexFile(data, info.filename)
                    classes = frozenset(c.descriptor for c in dex.classes)
                except ScannerError:
                    continue
                rel = apk.relative_to(SAMPLES).as_posix()
                pool.append(PoolDex(rel, info.filename, len(data), classes))
    return pool


@dataclass(slots=True)
class Package:
    factor: int
    dex: list[PoolDex]
    classes: int  # distinct classes over its dex files
    class_defs: int  # class definitions, duplicates included
    added: list[PoolDex] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(d.size for d in self.dex)


def _gain(d: PoolDex, have: frozenset[str]) -> tuple[float, int, str]:
    """Bytes of `d` weighted by the share of its classes not yet chosen; ties by size, name."""
    new = len(d.classes - have)
    return (d.size * new / max(1, len(d.classes)), d.size, d.label)


def plan_packages(pool: list[PoolDex]) -> list[Package]:
    """Nested packages at about 1x, 2x, 4x, 8x of the base dex, each the previous one plus the
    dex files that bring the most new classes (weighted by size) while the total stays within
    the target: distinct content first, since a class defined twice is read only once."""
    base = next(d for d in pool if (d.apk, d.entry) == SCALE_BASE)
    chosen = [base]
    have = set(base.classes)
    rest = [d for d in pool if d is not base]
    total = base.size
    out = []
    for factor in SCALE_FACTORS:
        target = factor * base.size * SCALE_SLACK if factor > 1 else base.size
        added = []
        while True:
            fits = [d for d in rest if total + d.size <= target]
            if not fits:
                break
            seen = frozenset(have)
            pick = max(fits, key=functools.partial(_gain, have=seen))
            rest.remove(pick)
            chosen.append(pick)
            added.append(pick)
            have |= pick.classes
            total += pick.size
        out.append(
            Package(factor, list(chosen), len(have), sum(len(d.classes) for d in chosen), added)
        )
    return out


def assemble(pkg: Package, manifest_apk: Path, dest: Path) -> None:
    """An unsigned APK: the manifest and resource table of `manifest_apk`, then the dex files
    as classes.dex, classes2.dex, … in the package's order."""
    with zipfile.ZipFile(manifest_apk) as src, zipfile.ZipFile(dest, "w") as zf:
        for name in ("AndroidManifest.xml", "resources.arsc"):
            zf.writestr(name, src.read(name), compress_type=zipfile.ZIP_DEFLATED)
        for i, dex in enumerate(pkg.dex, 1):
            name = "classes.dex" if i == 1 else f"classes{i}.dex"
            zf.writestr(name, dex.read(), compress_type=zipfile.ZIP_DEFLATED)


@dataclass(slots=True)
class ScaleRow:
    pkg: Package
    apk_bytes: int
    fingertip: Result
    graph: Result
    androguard: Result | None


def _fit(xs: Sequence[float], ys: Sequence[float]) -> tuple[float, float]:
    """Least-squares slope and intercept."""
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx if sxx else 0.0
    return slope, my - slope * mx


def part_scaling(output: Path) -> None:
    started, load_start = time.perf_counter(), os.getloadavg()[0]
    manifest_apk = SAMPLES / SCALE_MANIFEST
    pool = dex_pool()
    if not manifest_apk.exists() or not any((d.apk, d.entry) == SCALE_BASE for d in pool):
        print(f"scaling skipped: {SCALE_MANIFEST} or {'!'.join(SCALE_BASE)} is absent")
        return
    packages = plan_packages(pool)
    pool_classes = len(set().union(*(d.classes for d in pool)))
    rows: list[ScaleRow] = []
    with tempfile.TemporaryDirectory(prefix="bench-graph-scale-") as tmp:
        for pkg in packages:
            apk = Path(tmp) / f"scale-{pkg.factor}x.apk"
            assemble(pkg, manifest_apk, apk)
            ft = run_fingertip(apk, SCALE_REPS)
            graph_cmd = [str(VENV_BIN / "python"), "-c", GRAPH_SCRIPT, str(apk)]
            graph = run_json(graph_cmd, reps=SCALE_REPS)
            ag = run_json(androguard_cmd(apk)) if pkg.factor <= ANDROGUARD_MAX_FACTOR else None
            rows.append(ScaleRow(pkg, apk.stat().st_size, ft, graph, ag))
            print(
                f"scaling: {pkg.factor}x ({pkg.size / MB:.1f} MiB dex, {len(pkg.dex)} files): "
                f"fingertip {ft_cell(ft)}, graph alone {graph.cell()}, "
                f"androguard {ag.cell() if ag else 'skipped'}",
                flush=True,
            )
            apk.unlink()
    base_mib = packages[0].size / MB
    table = []
    for r in rows:
        p, dex_mib = r.pkg, r.pkg.size / MB
        g = r.graph.extra
        size_cell = (
            f"{int(g['nodes']):,} / {int(g['edges']):,}" if r.graph.failure is None else "n/a"
        )
        per_mb = (
            f"{r.fingertip.wall_s / dex_mib:.3f} / {peak_mib(r.fingertip) / dex_mib:.1f}"
            if r.fingertip.failure is None and r.fingertip.runs
            else "n/a"
        )
        build = (
            f"{g['build_s']:.2f} / {r.graph.rss_mb:.0f}"
            if r.graph.failure is None
            else r.graph.cell()
        )
        ag_cell = r.androguard.cell() if r.androguard else "not run (too large)"
        table.append(
            f"| {p.factor}× | {len(p.dex)} | {dex_mib:.1f} ({dex_mib / base_mib:.2f}×) "
            f"| {p.classes:,} / {p.class_defs:,} | {size_cell} | {ft_cell(r.fingertip)} "
            f"| {per_mb} | {build} | {ag_cell} |"
        )
    ok = [r for r in rows if r.fingertip.failure is None and r.fingertip.runs]
    trend = "No trend: too few sizes scanned."
    if len(ok) >= 2:
        xs = [r.pkg.size / MB for r in ok]
        t_slope, t0 = _fit(xs, [r.fingertip.wall_s for r in ok])
        m_slope, m0 = _fit(xs, [peak_mib(r.fingertip) for r in ok])
        first, last = ok[0], ok[-1]
        per_class_change = (last.fingertip.wall_s / last.pkg.classes) / (
            first.fingertip.wall_s / first.pkg.classes
        )
        trend = (
            f"Trend: from {first.pkg.factor}× to {last.pkg.factor}× "
            f"({xs[0]:.1f} → {xs[-1]:.1f} MiB of dex, {last.pkg.size / first.pkg.size:.1f}× the "
            f"bytes, {last.pkg.classes / first.pkg.classes:.1f}× the distinct classes), the scan "
            f"went from {first.fingertip.wall_s:.2f} to {last.fingertip.wall_s:.2f} s "
            f"({last.fingertip.wall_s / first.fingertip.wall_s:.1f}×) and peak RSS from "
            f"{peak_mib(first.fingertip):.0f} to {peak_mib(last.fingertip):.0f} MiB "
            f"({peak_mib(last.fingertip) / peak_mib(first.fingertip):.1f}×); a least-squares line "
            f"gives about {t_slope:.3f} s and {m_slope:.1f} MiB of peak RSS per MiB of dex on "
            f"top of a fixed {t0:.2f} s / {m0:.0f} MiB. Per 1,000 distinct classes the scan "
            f"took {1000 * first.fingertip.wall_s / first.pkg.classes:.2f} s at "
            f"{first.pkg.factor}× and {1000 * last.fingertip.wall_s / last.pkg.classes:.2f} s at "
            f"{last.pkg.factor}×"
            + (
                ": the time follows the distinct classes read, and the cost per dex MiB falls "
                "at the larger sizes because their duplicate classes are skipped."
                if 0.8 <= per_class_change <= 1.25
                else "."
            )
        )
    comp = []
    for p in packages:
        labels = ", ".join(f"`{d.label}`" for d in p.added)
        if p.factor == 1:
            comp.append(f"- 1×: `{'!'.join(SCALE_BASE)}` alone")
        else:
            comp.append(f"- {p.factor}×: the previous set + {labels}")
    body = [
        "Bench-only packages, assembled in a temporary directory and deleted afterwards: the "
        f"manifest and `resources.arsc` of `{SCALE_MANIFEST}` plus real dex files taken from "
        f"the shared APKs, renamed `classes.dex`, `classes2.dex`, …, at about 1×, 2×, 4× and 8× "
        f"the size of `{'!'.join(SCALE_BASE)}` ({base_mib:.1f} MiB). Unsigned (Fingertip "
        "reports SEC-SIGN-005 and goes on). Each size is the previous one plus the dex files "
        "that add the most classes not yet present: a class defined twice is read once, as a "
        f"class loader does. The shared samples hold {len(pool)} distinct dex files "
        f"({sum(d.size for d in pool) / MB:.1f} MiB) defining only {pool_classes:,} distinct "
        "classes (the same AndroidX, Kotlin and support libraries recur), so the larger sizes "
        "necessarily include dex files whose classes are already there: *classes* shows "
        "distinct / defined.",
        "",
        f"*fingertip*: `fingertip scan PKG -o TMP --format json`, median of {SCALE_REPS} runs / "
        "peak memory as in the section above (the larger of the main process's ru_maxrss and "
        "the sampled whole-tree sum; these packages carry no native libraries), s / MiB. "
        "*per dex MiB*: that time and memory divided by the dex MiB. "
        "*graph alone*: a fresh process that opens the package, reads the manifest and builds "
        "the call graph (`scanner.graph.callgraph.build`): median build seconds (timed inside "
        f"the process) over {SCALE_REPS} runs / the process's largest peak MiB; the node and "
        "edge counts come from it. *androguard*: `AnalyzeAPK` + "
        f"`get_call_graph()`, one run, only up to {ANDROGUARD_MAX_FACTOR}× (beyond that it takes "
        "minutes and gigabytes per run).",
        "",
        "| size | dex files | dex MiB | classes distinct / defined | graph nodes / edges "
        "| fingertip s / MiB | per dex MiB: s / MiB | graph alone: build s / MiB "
        "| androguard s / MiB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        *table,
        "",
        trend,
        "",
        "Composition (added at each size):",
        "",
        *comp,
        "",
        *footer("scaling", started, load_start),
    ]
    replace_section(output, HEAD_SCALING, "\n".join(body) + "\n")
    print(f"wrote {HEAD_SCALING!r} to {output}")


# --- part 3: agreement ------------------------------------------------------------------------


@dataclass(slots=True)
class Agreement:
    rel: str
    failure: str | None = None  # androguard could not analyse it
    note: str = ""
    ag_app_edges: int = 0
    found: int = 0
    missing: list[tuple[str, str]] = field(default_factory=list)
    ft_edges: int = 0
    ft_app_edges: int = 0
    ag_edges: int = 0
    causes: list[str] = field(default_factory=list)


def fingertip_graph(apk: Path) -> tuple[CodeGraph, list[tuple[str, bytes]], str]:
    """Fingertip's graph as a scan builds it, and the dex files it was built from. A package
    Fingertip will not scan (no manifest) gets a graph of its dex entries without entry points,
    with a note."""
    entries: list[EntryPoint] = []
    try:
        contents = open_apk(apk, Limits())
    except ScannerError as exc:
        dex = []
        with zipfile.ZipFile(apk) as zf:
            for info in zf.infolist():
                data = zf.read(info) if info.filename.lower().endswith(".dex") else b""
                if data.startswith(b"dex\n"):
                    dex.append((f"{apk.name}!{info.filename}", data))
        note = f"Fingertip does not scan it ({_last_line(str(exc), 70)}); graph of its dex"
        return build([DexFile(d, loc) for loc, d in dex], entries), dex, note
    try:
        entries = entry_points(read_android_facts(contents))
        dex = [(d.location, d.data) for d in contents.dex]
        return build([DexFile(d, loc) for loc, d in dex], entries), dex, ""
    finally:
        contents.view.close()


def diagnose(
    g: CodeGraph, dex: list[tuple[str, bytes]], missing: list[tuple[str, str]]
) -> list[str]:
    """A first reason for each missing edge, from what Fingertip's graph and the dex files say."""
    defined_in: dict[str, list[str]] = {}
    for location, data in dex:
        try:
            for cls in DexFile(data, location).classes:
                defined_in.setdefault(cls.descriptor, []).append(location)
        except ScannerError:
            continue
    out = []
    for src, dst in missing:
        s_cls, d_cls = src.split("->", 1)[0], dst.split("->", 1)[0]
        u, v = g.index.get(src), g.index.get(dst)
        if len(defined_in.get(s_cls, ())) > 1:
            why = f"caller's class is defined in {len(defined_in[s_cls])} dex files"
        elif u is None:
            why = (
                "caller's class not in Fingertip's graph"
                if s_cls not in g.classes
                else "caller not a node of Fingertip's graph"
            )
        elif v is None:
            why = (
                "callee's class not in Fingertip's graph"
                if d_cls not in g.classes
                else "callee not a node of Fingertip's graph"
            )
        elif u not in g.defined:
            why = "caller is a node but not a defined method"
        elif arrays := [r for r in array_calls(dex, src, dst) if r.cls.lstrip("[") == d_cls]:
            why = (
                f"{ARRAY_CAUSE}: the bytecode invokes "
                f"`{arrays[0].cls}->{arrays[0].name}{arrays[0].proto}`"
            )
        else:
            why = "both are defined methods; no edge between them"
        out.append(why)
    return out


def array_calls(dex: list[tuple[str, bytes]], src: str, dst: str) -> list[MethodRef]:
    """Invokes in method `src` whose target is `dst`'s name and proto on an array type."""
    s_cls, s_key = src.split("->", 1)
    d_key = dst.split("->", 1)[1]
    found = []
    for location, data in dex:
        try:
            dexfile = DexFile(data, location)
            for cls in dexfile.classes:
                if cls.descriptor != s_cls:
                    continue
                for method in cls.methods:
                    ref = dexfile.method_ref(method.method_idx)
                    code = dexfile.code(method) if f"{ref.name}{ref.proto}" == s_key else None
                    for kind, idx in code.invokes if code is not None else ():
                        if kind == "custom":
                            continue
                        target = dexfile.method_ref(idx)
                        if target.cls.startswith("[") and f"{target.name}{target.proto}" == d_key:
                            found.append(target)
        except ScannerError:
            continue
    return found


def compare(apk: Path) -> Agreement:
    rel = apk.relative_to(SAMPLES).as_posix()
    row = Agreement(rel)
    with tempfile.TemporaryDirectory(prefix="bench-graph-agree-") as tmp:
        edges_file = Path(tmp) / "edges.json"
        res = run_json(androguard_cmd(apk, edges_file), timeout=AGREEMENT_TIMEOUT_S)
        if res.failure is not None or not edges_file.exists():
            row.failure = res.failure or "no edges written"
            return row
        doc: dict[str, Any] = json.loads(edges_file.read_text(encoding="utf-8"))
    ag_app: list[tuple[str, str]] = [(str(a), str(b)) for a, b in doc["app_edges"]]
    del doc
    row.ag_app_edges = len(ag_app)
    row.ag_edges = int(res.extra.get("edges", 0))
    g, dex, row.note = fingertip_graph(apk)
    if not res.extra.get("dex"):
        row.note = "no dex files: nothing to compare"
    succ = g.graph._succ
    for a, b in ag_app:
        u, v = g.index.get(a), g.index.get(b)
        if u is not None and v is not None and v in succ[u]:
            row.found += 1
        else:
            row.missing.append((a, b))
    row.ft_edges = g.graph.number_of_edges()
    defined = g.defined
    row.ft_app_edges = sum(
        1 for u in defined for v in succ.get(u, ()) if v in defined
    )  # fmt: skip
    if row.missing:
        row.causes = diagnose(g, dex, row.missing)
    return row


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def part_agreement(output: Path) -> None:
    started, load_start = time.perf_counter(), os.getloadavg()[0]
    apks = sorted(SAMPLES.rglob("*.apk"))
    rows = []
    for i, apk in enumerate(apks, 1):
        row = compare(apk)
        rows.append(row)
        state = (
            f"androguard failed: {row.failure}"
            if row.failure
            else f"{row.found}/{row.ag_app_edges} found, {len(row.missing)} missing"
        )
        print(f"agreement [{i}/{len(apks)}] {row.rel}: {state}", flush=True)
    done = [r for r in rows if r.failure is None]
    table = []
    for r in rows:
        name = _cell(r.rel)
        if r.failure is not None:
            table.append(f"| {name} | n/a | | | | | androguard: {_cell(r.failure)} |")
            continue
        table.append(
            f"| {name} | {r.ag_app_edges:,} | {r.found:,} | {len(r.missing):,} "
            f"| {r.ft_edges:,} ({r.ft_app_edges:,}) | {r.ag_edges:,} | {_cell(r.note)} |"
        )
    total_ag = sum(r.ag_app_edges for r in done)
    total_found = sum(r.found for r in done)
    total_missing = sum(len(r.missing) for r in done)
    with_missing = [r for r in done if r.missing]
    verdict = (
        "every one of them is an edge of Fingertip's graph"
        if not total_missing
        else (
            f"{total_missing:,} {'is' if total_missing == 1 else 'are'} not, in "
            f"{len(with_missing)} APK{'' if len(with_missing) == 1 else 's'} (examples and "
            "first diagnosis below)"
        )
    )
    artefacts = sum(1 for r in done for why in r.causes if why.startswith(ARRAY_CAUSE))
    if total_missing:
        verdict += (
            f"; of these, {artefacts:,} {'is' if artefacts == 1 else 'are'} androguard "
            "crediting a call on an array type to the element class (an edge to a method the "
            f"call never runs), and {total_missing - artefacts:,} unexplained"
        )
    details: list[str] = []
    if artefacts:
        details += [
            "",
            "The array-type edges: androguard's `Analysis._create_xref` takes the invoked "
            "method's class as `method_info[0].lstrip('[')`, so `invoke-virtual "
            "[LFoo;->clone()Ljava/lang/Object;` (the array's own clone, i.e. Object.clone) "
            "becomes an edge to `LFoo;->clone()Ljava/lang/Object;` whenever Foo defines a "
            "clone() of that descriptor. At run time the array is cloned and Foo.clone never "
            "runs. Fingertip keeps the array type: the call goes to a leaf node "
            "`[LFoo;->clone()Ljava/lang/Object;`. Such an edge is androguard's error, not a "
            "call Fingertip misses.",
        ]
    for r in with_missing:
        counts = Counter(why.split(":", 1)[0] for why in r.causes)
        details += [
            "",
            f"**{_cell(r.rel)}**: {len(r.missing):,} missing; by first diagnosis: "
            + "; ".join(f"{why}: {n:,}" for why, n in counts.most_common())
            + ". Examples:",
            "",
        ]
        details += [
            f"- `{a}` → `{b}` ({why})"
            for (a, b), why in list(zip(r.missing, r.causes, strict=True))[:EXAMPLES]
        ]
    body = [
        "For every APK under `../shared/samples` that androguard can analyse: the edges of "
        "androguard's call graph (`AnalyzeAPK` + `get_call_graph()`, in a subprocess with a "
        f"{AGREEMENT_TIMEOUT_S} s timeout) whose two ends are methods the app's dex files define "
        "(`EncodedMethod` nodes; signature `class->name+descriptor`, spaces removed from the "
        "descriptor), looked up among the edges of Fingertip's graph as a scan builds it "
        "(`scanner.graph.callgraph.build` over the package's dex files with the manifest's entry "
        "points). Fingertip's edges count every kind (invokes, dispatch, callbacks, lambdas, "
        "launches, static initialisers); in brackets those between two defined methods.",
        "",
        "| file | androguard app edges | found by Fingertip | missing | Fingertip edges "
        "(between defined methods) | androguard edges | note |",
        "|---|---:|---:|---:|---:|---:|---|",
        *table,
        "",
        f"**Total** over the {len(done)} APKs androguard analysed (of {len(rows)}): androguard "
        f"finds {total_ag:,} edges between app methods; Fingertip has {total_found:,} of them "
        f"({100 * total_found / total_ag if total_ag else 100:.2f} %): {verdict}.",
        *details,
        "",
        *footer("agreement", started, load_start),
    ]
    replace_section(output, HEAD_AGREEMENT, "\n".join(body) + "\n")
    print(f"wrote {HEAD_AGREEMENT!r} to {output}")


# --- main -------------------------------------------------------------------------------------


def _parts(only: str | None) -> Iterator[str]:
    yield from (p for p in PARTS if only in (None, p))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--only", choices=PARTS, help="run one part")
    parser.add_argument("--output", type=Path, default=BENCHMARKS, help="Markdown file to update")
    args = parser.parse_args(argv)
    if not SAMPLES.is_dir():
        print(f"skipped: {SAMPLES} is absent, so there is nothing to benchmark", file=sys.stderr)
        return 0
    if not (VENV_BIN / "fingertip").exists():
        print(f"skipped: {VENV_BIN / 'fingertip'} missing: run make venv", file=sys.stderr)
        return 0
    compile_package()
    work = {"ratios": part_ratios, "scaling": part_scaling, "agreement": part_agreement}
    for part in _parts(args.only):
        work[part](args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
