"""One package in its own worker process, with a time limit and a memory limit.

The worker is forked from a forkserver that has already imported the scanner and loaded the
default rules (`preload`), so a package pays for neither; where this process may not have
children (a daemonic Dask worker), it is a fresh `python -m scanner.batch.child` instead. Either
way the worker leads its own process group, so the native-library helper it starts dies with
it, and its memory (the group's resident set, read from /proc) is watched here: over the limit or
past the time limit, the group is killed and the package gets an error record with the reason.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing as mp
import os
import resource
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from scanner.batch import job as jobs

POLL_S = 0.1
# A 100 MB app scans in about a minute and 2 GiB here (BENCHMARKS.md, scaling): room to spare.
DEFAULT_SECONDS = 900.0
DEFAULT_MEMORY_MB = 4096


@dataclass(frozen=True, slots=True)
class Limits:
    seconds: float = DEFAULT_SECONDS  # per package, wall time
    memory_mb: int = DEFAULT_MEMORY_MB  # per package: its worker's and helpers' resident memory


def _watch_owner(owner: int) -> None:
    """End this worker's group when the batch that started it is gone (even by SIGKILL): its
    record could no longer be saved, and a resumed batch scans the package again anyway."""
    while True:
        time.sleep(1.0)
        try:
            os.kill(owner, 0)
        except ProcessLookupError:
            _kill_group(os.getpid())
        except PermissionError:
            pass


def _child(raw: dict[str, Any], conn: Connection, owner: int) -> None:
    os.setsid()
    threading.Thread(target=_watch_owner, args=(owner,), daemon=True).start()
    record = jobs.run(jobs.Job.from_dict(raw))
    record["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    conn.send(record)
    conn.close()
    # Leave without the interpreter's teardown: freeing a large call graph object by object
    # costs seconds and the record is already sent.
    os._exit(0)


_CONTEXT: Any = None


def _context() -> Any:
    global _CONTEXT
    if _CONTEXT is None:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["scanner.batch.preload"])
        _CONTEXT = ctx
    return _CONTEXT


def group_rss_mb(pid: int) -> float:
    """Resident memory of `pid` and every descendant, in MiB (0 once it is gone)."""
    total_kb = 0
    stack = [pid]
    seen: set[int] = set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with Path(f"/proc/{p}/status").open(encoding="ascii", errors="replace") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total_kb += int(line.split()[1])
                        break
            children = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except (OSError, ValueError):
            continue
        stack.extend(int(c) for c in children)
    return total_kb / 1024


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def run_limited(job: jobs.Job, limits: Limits) -> dict[str, Any]:
    """The package's record: its scan's, or an error record saying which limit it passed."""
    started = time.perf_counter()
    if mp.current_process().daemon:
        record = _run_subprocess(job, limits, started)
    else:
        record = _run_forked(job, limits, started)
    record["wall_s"] = round(time.perf_counter() - started, 3)
    return record


def _watch(pid: int, limits: Limits, started: float, done: Any) -> tuple[str | None, float]:
    """Wait until `done()` or a limit; return (the limit passed, if any, and the peak seen)."""
    peak = 0.0
    # The limits are read before each wait, the first time at once: a package that ends within
    # one poll is still held to them.
    while True:
        rss = group_rss_mb(pid)
        peak = max(peak, rss)
        if rss > limits.memory_mb:
            _kill_group(pid)
            return f"memory limit: over {limits.memory_mb} MiB resident ({rss:.0f} MiB)", peak
        if time.perf_counter() - started > limits.seconds:
            _kill_group(pid)
            return f"time limit: still running after {limits.seconds:g} s", peak
        if done():
            return None, peak


def _run_forked(job: jobs.Job, limits: Limits, started: float) -> dict[str, Any]:
    ctx = _context()
    receive, send = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(job.to_dict(), send, os.getpid()), daemon=False)
    process.start()
    send.close()
    limit, peak = _watch(
        process.pid, limits, started, lambda: receive.poll(POLL_S) or not process.is_alive()
    )
    record: dict[str, Any] | None = None
    if limit is None:
        try:
            record = receive.recv() if receive.poll(1.0) else None
        except (EOFError, OSError):
            record = None
    process.join(5)
    if process.is_alive():
        _kill_group(process.pid)
        process.join()
    receive.close()
    if limit is not None:
        return jobs.error_record(job, limit, kind="limit", peak_rss_mb=round(peak, 1))
    if record is None:
        return jobs.error_record(
            job, f"the worker process died (exit code {process.exitcode})", kind="crash"
        )
    record["peak_rss_mb"] = max(record.get("peak_rss_mb", 0.0), round(peak, 1))
    return record


def _run_subprocess(job: jobs.Job, limits: Limits, started: float) -> dict[str, Any]:
    process = subprocess.Popen(
        [sys.executable, "-m", "scanner.batch.child"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(json.dumps(job.to_dict()).encode())
    process.stdin.close()

    def done() -> bool:
        try:
            process.wait(POLL_S)
        except subprocess.TimeoutExpired:
            return False
        return True

    limit, peak = _watch(process.pid, limits, started, done)
    out = process.stdout.read() if limit is None else b""
    process.wait()
    if limit is not None:
        return jobs.error_record(job, limit, kind="limit", peak_rss_mb=round(peak, 1))
    try:
        record: dict[str, Any] = json.loads(out)
    except ValueError:
        return jobs.error_record(
            job, f"the worker process died (exit code {process.returncode})", kind="crash"
        )
    record["peak_rss_mb"] = max(record.get("peak_rss_mb", 0.0), round(peak, 1))
    return record
