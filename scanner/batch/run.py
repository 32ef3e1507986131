"""The batch driver: hash, skip what is done, run the rest with limits, write the outputs."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from scanner.batch import outputs
from scanner.batch.job import Job
from scanner.batch.limits import Limits, run_limited
from scanner.batch.state import BatchState
from scanner.outputs import file_sha256

REPORTS_DIR = "reports"
FAILED = ("error", "limit", "crash")


@dataclass(slots=True)
class Settings:
    formats: tuple[str, ...] = ("json", "html")
    lang: str = "zh"
    fail_on: str = "high"
    signatures: str | None = None
    code_graph: bool = True
    jobs: int = 2
    limits: Limits = field(default_factory=Limits)
    retry_errors: bool = False
    scheduler: str | None = None  # tcp://host:port of a Dask scheduler; None: the local pool
    db: str | None = None  # the ledger (`--db`): each app recorded, rated, checked for re-keys
    filed_identity: str | None = None  # `--filed-identity` file, for ID-FILING-002


@dataclass(slots=True)
class Outcome:
    records: list[dict[str, Any]]
    scanned: int  # packages scanned in this run (the rest were done before, or duplicates)
    summary: dict[str, Any]
    written: list[Path]


class Progress:
    """One status line: counts, rate and ETA; a line per package when stderr is not a terminal."""

    def __init__(self, total: int, stream: TextIO = sys.stderr) -> None:
        self.total, self.stream = total, stream
        self.done = self.failed = 0
        self.started = time.perf_counter()
        self.tty = stream.isatty()

    def update(self, record: dict[str, Any]) -> None:
        self.done += 1
        self.failed += record.get("status") in FAILED
        elapsed = time.perf_counter() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate else 0.0
        what = record.get("verdict") if record.get("status") == "ok" else record.get("status")
        line = (
            f"[{self.done}/{self.total}] {100 * self.done / max(self.total, 1):.0f}%"
            f"  {rate * 60:.1f}/min  ETA {_duration(left)}  errors {self.failed}"
            f"  | {record.get('file_name')}: {what} ({record.get('wall_s', 0):.1f} s)"
        )
        if self.tty:
            self.stream.write("\r\x1b[K" + line[:200])
            if self.done == self.total:
                self.stream.write("\n")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    return f"{seconds // 60}m{seconds % 60:02d}s"


def _local(jobs: list[Job], settings: Settings) -> Iterator[dict[str, Any]]:
    with ThreadPoolExecutor(max_workers=max(1, settings.jobs)) as pool:
        futures = [pool.submit(run_limited, job, settings.limits) for job in jobs]
        for future in as_completed(futures):
            yield future.result()


def _dask(jobs: list[Job], settings: Settings) -> Iterator[dict[str, Any]]:
    from distributed import Client
    from distributed import as_completed as dask_completed

    with Client(settings.scheduler) as client:  # type: ignore[no-untyped-call]
        futures = [
            client.submit(
                run_limited, job, settings.limits, key=f"fingertip-{job.sha256}", pure=False
            )
            for job in jobs
        ]
        for future in dask_completed(futures):  # type: ignore[no-untyped-call]
            yield future.result()


def run_batch(
    paths: Iterable[Path],
    out_dir: Path,
    settings: Settings,
    *,
    progress: Callable[[int], Progress] = Progress,
    after_each: Callable[[dict[str, Any]], None] | None = None,
) -> Outcome:
    out_dir.mkdir(parents=True, exist_ok=True)
    reports = out_dir / REPORTS_DIR
    reports.mkdir(exist_ok=True)
    state = BatchState(out_dir)
    formats = tuple(dict.fromkeys(("json", *settings.formats)))  # the batch reads the JSON

    order: list[tuple[Path, str | None]] = []
    pending: dict[str, Job] = {}
    unreadable: dict[Path, dict[str, Any]] = {}
    for path in paths:
        sha, size = file_sha256(path)
        order.append((path, sha))
        if sha is None:
            unreadable[path] = {
                "sha256": None,
                "path": str(path),
                "file_name": path.name,
                "status": "error",
                "error": "cannot read the file",
            }
            continue
        previous = state.done(sha)
        if previous is not None and not (settings.retry_errors and previous["status"] in FAILED):
            continue
        pending.setdefault(
            sha,
            Job(
                path=str(path),
                sha256=sha,
                size=size or 0,
                out_dir=str(reports),
                formats=formats,
                lang=settings.lang,
                fail_on=settings.fail_on,
                signatures=settings.signatures,
                code_graph=settings.code_graph,
                db=settings.db,
                filed_identity=settings.filed_identity,
                ledger_lock=str(state.dir / "ledger.lock") if settings.db is not None else None,
            ),
        )

    bar = progress(len(pending))
    run = _dask if settings.scheduler else _local
    for record in run(list(pending.values()), settings):
        # Report paths as index.html, batch.json and the CSV see them: under reports/.
        record["reports"] = {k: f"{REPORTS_DIR}/{v}" for k, v in record.get("reports", {}).items()}
        if after_each is not None:
            after_each(record)
        state.save(record)
        bar.update(record)

    records: list[dict[str, Any]] = []
    seen: set[str] = set()
    for path, sha in order:
        if sha is None:
            records.append(unreadable[path])
            continue
        if sha in seen:
            continue  # the same content under another name: scanned and listed once
        seen.add(sha)
        finished = state.done(sha)
        if finished is not None:
            records.append(finished)
    clusters = _clusters(out_dir, records)
    summary = _summary(records)
    written = outputs.write_all(out_dir, records, summary, clusters)
    return Outcome(records=records, scanned=len(pending), summary=summary, written=written)


def _clusters(out_dir: Path, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Near-duplicate and same-template apps among the batch (scanner.cluster); each member's
    record is labelled with its cluster (`C1 merge`, `C2 template`)."""
    from scanner.cluster import cluster_reports

    docs: list[dict[str, Any]] = []
    owners: list[dict[str, Any]] = []
    for record in records:
        report = (record.get("reports") or {}).get("json")
        if record.get("status") != "ok" or not report:
            continue
        try:
            docs.append(json.loads((out_dir / report).read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue  # a report removed by hand: that app is left out of clustering
        owners.append(record)
    found = []
    for number, cluster in enumerate(cluster_reports(docs), 1):
        label = f"C{number} {cluster.kind}"
        for member in cluster.members:
            owner = owners[member.index]
            owner["cluster"] = ", ".join(filter(None, (owner.get("cluster"), label)))
        found.append({"id": f"C{number}", **cluster.to_dict()})
    return found


def _summary(records: list[dict[str, Any]]) -> dict[str, Any]:
    ok = [r for r in records if r.get("status") == "ok"]
    return {
        "total": len(records),
        "ok": len(ok),
        "errors": len(records) - len(ok),
        "failing": sum(r.get("verdict") == "fail" for r in ok),
        "scan_s_total": round(sum(r.get("wall_s") or 0 for r in records), 1),
    }
