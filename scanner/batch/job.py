"""What one package's worker process does: scan it, write its reports, return its record.

A record is the batch's summary of one package (a plain dict, so it crosses process and Dask
boundaries as JSON): identity, verdict, counts, report files, timings, or the error.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from scanner.config import ScanConfig
from scanner.errors import RuleError, ScannerError
from scanner.filed_identity import FiledIdentityError, load_filed_identities
from scanner.model import ScanResult, Severity
from scanner.outputs import output_name, write_reports
from scanner.pipeline import Ruleset, scan
from scanner.render.json import error_document, to_document

_RULESETS: dict[str, Ruleset] = {}


@dataclass(frozen=True, slots=True)
class Job:
    path: str
    sha256: str
    size: int
    out_dir: str  # the batch's report folder
    formats: tuple[str, ...] = ("json", "html")
    lang: str = "zh"
    fail_on: str = "high"
    signatures: str | None = None
    code_graph: bool = True
    db: str | None = None  # the ledger's URL (`--db`); None: no ledger
    filed_identity: str | None = None  # `--filed-identity` file (checked by the batch first)
    ledger_lock: str | None = None  # a file the workers lock around the ledger step

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Job:
        return cls(**{**raw, "formats": tuple(raw["formats"])})


def ruleset(signatures: str | None) -> Ruleset:
    """Rules loaded once per process (a forked worker inherits the preloaded default)."""
    key = signatures or ""
    if key not in _RULESETS:
        _RULESETS[key] = Ruleset.load(Path(signatures) if signatures else None)
    return _RULESETS[key]


def _base(job: Job) -> dict[str, Any]:
    return {
        "sha256": job.sha256,
        "path": job.path,
        "file_name": Path(job.path).name,
        "size": job.size,
    }


def error_record(job: Job, error: str, *, kind: str = "error", **extra: Any) -> dict[str, Any]:
    """The record of a package with no scan result: unreadable, over a limit, or crashed."""
    return {**_base(job), "status": kind, "error": error, **extra}


def run(job: Job) -> dict[str, Any]:
    """Scan `job.path` in this process and write its reports; never raises for a bad package."""
    started = time.perf_counter()
    out_dir = Path(job.out_dir)
    path = Path(job.path)
    name = output_name(path, job.sha256)
    try:
        rules = ruleset(job.signatures)
    except RuleError as exc:
        return error_record(job, f"rules: {exc}")
    try:
        filed = load_filed_identities(Path(job.filed_identity)) if job.filed_identity else None
    except FiledIdentityError as exc:
        return error_record(job, f"--filed-identity: {exc}")
    cfg = ScanConfig(
        fail_on=Severity(job.fail_on),
        signatures=Path(job.signatures) if job.signatures else None,
        lang=job.lang,
        code_graph=job.code_graph,
        filed_identity=filed,
    )
    tool = {
        "name": rules.tool.name,
        "version": rules.tool.version,
        "ruleset_sha256": rules.tool.ruleset_sha256,
    }
    try:
        result = scan(path, cfg, rules)
    except ScannerError as exc:
        doc = error_document(str(path), path.name, job.sha256, job.size, str(exc), tool)
        files = write_reports(out_dir, name, doc, None, {}, job.formats, job.lang)
        return error_record(
            job, str(exc), reports=_relative(files, out_dir), scan_s=_since(started)
        )
    if job.db is None:
        doc = to_document(result, rules.catalog.rules)
    else:
        result, doc = _record(job, result, rules)
    files = write_reports(out_dir, name, doc, result, rules.catalog.rules, job.formats, job.lang)
    return summarise(job, doc, _relative(files, out_dir), _since(started))


def _record(job: Job, result: ScanResult, rules: Ruleset) -> tuple[ScanResult, dict[str, Any]]:
    """The ledger step of `batch --db`, as `scan --db` does it: ID-FILING-002 against earlier
    versions, the scan recorded, the app's rating in the report. Workers take turns (a file
    lock): SQLite allows one writer, and an app's versions must see each other in order."""
    import fcntl

    from scanner.ledger.compose import record_scan
    from scanner.ledger.store import open_ledger

    with contextlib.ExitStack() as stack:
        if job.ledger_lock:
            lock = stack.enter_context(Path(job.ledger_lock).open("a"))
            fcntl.flock(lock, fcntl.LOCK_EX)
        ledger = stack.enter_context(open_ledger(job.db))
        return record_scan(ledger, result, rules.catalog.rules, Severity(job.fail_on))


def summarise(
    job: Job, doc: dict[str, Any], reports: dict[str, str], seconds: float
) -> dict[str, Any]:
    app = doc["app"]
    return {
        **_base(job),
        "status": "ok",
        "platform": app.get("platform"),
        "identifier": app.get("identifier"),
        "name": app.get("name"),
        "version_name": app.get("version_name"),
        "version_code": app.get("version_code"),
        "verdict": doc.get("verdict"),
        "score": doc.get("score"),
        "by_severity": doc["summary"]["by_severity"],
        "sdk_count": len({s.get("name") for s in app.get("sdks", [])}),
        "signers_sha256": sorted({s["sha256"] for s in app.get("signers", [])}),
        "tool": doc.get("tool"),
        "reports": reports,
        "scan_s": seconds,
        **({"rating": doc["rating"]} if "rating" in doc else {}),
    }


def _relative(files: list[Path], out_dir: Path) -> dict[str, str]:
    return {f.suffix.lstrip("."): f.relative_to(out_dir).as_posix() for f in files}


def _since(started: float) -> float:
    return round(time.perf_counter() - started, 3)
