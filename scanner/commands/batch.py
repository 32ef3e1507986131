"""`fingertip batch INPUT… -o OUTDIR [--jobs N]`: a lab's weekly intake in one run.

Exit codes: 0 every package scanned, none failing; 1 at least one app fails (a finding at or
above --fail-on); 2 usage error (bad option, an INPUT that names nothing); 3 at least one
package could not be scanned, or passed its time or memory limit (the rest still are).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from scanner.batch.inputs import InputError, collect
from scanner.batch.limits import DEFAULT_MEMORY_MB, DEFAULT_SECONDS, Limits
from scanner.batch.run import FAILED, Settings, run_batch
from scanner.commands.options import formats_option, signatures_option
from scanner.filed_identity import FiledIdentityError, load_filed_identities
from scanner.model import Severity

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_SCAN_ERROR = 0, 1, 2, 3


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for everything the batch writes: reports/, batch.json, batch.csv, index.html.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 256),
    default=lambda: os.cpu_count() or 1,
    show_default="CPU count",
    help="Packages scanned at once (one worker process each).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(1, None),
    default=DEFAULT_SECONDS,
    show_default=True,
    help="Seconds one package may take; past it, its worker is killed and it gets an error.",
)
@click.option(
    "--memory-limit",
    "memory_mb",
    type=click.IntRange(64, None),
    default=DEFAULT_MEMORY_MB,
    show_default=True,
    help="MiB of resident memory one package's worker may use (same consequence).",
)
@click.option(
    "--format",
    "formats",
    default="html,json",
    show_default=True,
    callback=lambda _c, _p, v: formats_option(v),
    help="Per-app report formats (JSON is always written: the batch reads it).",
)
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    default="high",
    show_default=True,
    help="An app fails when a finding is at or above this severity.",
)
@signatures_option
@click.option("--no-graph", is_flag=True, help="Skip the call graph (code findings stop at E2).")
@click.option(
    "--retry-errors",
    is_flag=True,
    help="Scan again the packages that ended in an error or a limit in an earlier run.",
)
@click.option(
    "--scheduler",
    metavar="tcp://HOST:PORT",
    help="Send the packages to this Dask scheduler instead of the local pool (workers must "
    "see the same paths, and the output folder, at the same place).",
)
@click.option(
    "--filed-identity",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="JSON/TOML file of the filed identities (ID-FILING-002, as for `scan`).",
)
@click.option(
    "--db",
    metavar="URL",
    help="Record each app in this ledger and put its green/blue/red code in its report and "
    "in the batch outputs (README.md, 'Ledger and rating').",
)
def batch_command(
    inputs: tuple[str, ...],
    out_dir: Path,
    jobs: int,
    timeout: float,
    memory_mb: int,
    formats: tuple[str, ...],
    lang: str,
    fail_on: str,
    signatures: Path | None,
    no_graph: bool,
    retry_errors: bool,
    scheduler: str | None,
    filed_identity: Path | None,
    db: str | None,
) -> None:
    """Scan many packages: INPUT is a package, a folder, a glob or a list file (@list.txt).

    Resumable: results are kept per package sha256 in OUTDIR, so running the same command
    again (after a crash or a kill) scans only what is not finished.
    """
    try:
        paths = collect(inputs)
    except InputError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if not paths:
        click.echo("error: no .apk or .ipa packages in the inputs", err=True)
        sys.exit(EXIT_USAGE)
    if filed_identity is not None:
        try:
            load_filed_identities(filed_identity)  # a malformed file stops the batch at once
        except FiledIdentityError as exc:
            click.echo(f"error: --filed-identity: {exc}", err=True)
            sys.exit(EXIT_USAGE)
    settings = Settings(
        formats=formats,
        lang=lang,
        fail_on=fail_on,
        signatures=str(signatures) if signatures else None,
        code_graph=not no_graph,
        jobs=jobs,
        limits=Limits(seconds=timeout, memory_mb=memory_mb),
        retry_errors=retry_errors,
        scheduler=scheduler,
        db=db,
        filed_identity=str(filed_identity) if filed_identity else None,
    )
    click.echo(f"{len(paths)} package(s); writing to {out_dir}", err=True)
    outcome = run_batch(paths, out_dir, settings)
    s = outcome.summary
    click.echo(
        f"{s['total']} app(s), {outcome.scanned} processed in this run: {s['ok']} scanned, "
        f"{s['errors']} error(s), {s['failing']} failing",
        err=True,
    )
    for path in outcome.written:
        click.echo(f"    {path}", err=True)
    if any(r.get("status") in FAILED for r in outcome.records):
        sys.exit(EXIT_SCAN_ERROR)
    sys.exit(EXIT_FINDINGS if s["failing"] else EXIT_OK)
