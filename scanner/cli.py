"""The `fingertip` command: the only place that writes files and sets up logging.

Exit codes: 0 scanned, nothing at or above --fail-on; 1 findings at or above --fail-on;
2 usage error; 3 at least one package could not be scanned (the others still are).
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import click

from scanner import __version__
from scanner.commands.options import formats_option, signatures_option
from scanner.config import ScanConfig
from scanner.errors import RuleError, ScannerError
from scanner.filed_identity import FiledIdentityError, load_filed_identities
from scanner.model import Severity, Verdict
from scanner.opening import start_opening
from scanner.outputs import OutsideOutputError, file_sha256, output_name, write_reports
from scanner.render.json import error_document, to_document
from scanner.worker import Worker

if TYPE_CHECKING:
    from scanner.ledger import Ledger

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_SCAN_ERROR = 0, 1, 2, 3
# Set by run(), whose process exits without teardown: the last scan's graph is left here rather
# than freed. None when `main` runs inside another program (tests), which must get it back.
_LEFT_FOR_EXIT: list[object] | None = None
log = logging.getLogger("fingertip")


def version_text() -> str:
    from scanner.pipeline import Ruleset

    try:
        rs = Ruleset.load()
        return f"fingertip {__version__}, ruleset sha256 {rs.sha256}"
    except RuleError as exc:
        return f"fingertip {__version__}, ruleset unavailable ({exc})"


class _Commands(click.Group):
    """The command group; commands other than `scan` and `rules` are imported when used.

    Each `fingertip scan` is a process of its own in labs' scripts and CI gates, and importing
    the gate (PyYAML), cluster and history modules it does not use cost it 40 ms.
    """

    lazy: ClassVar[dict[str, str]] = {
        "batch": "scanner.commands.batch:batch_command",
        "cluster": "scanner.commands.cluster:cluster_command",
        "gate": "scanner.commands.gate:gate_command",
        "history": "scanner.commands.history:history_command",
        "ledger": "scanner.commands.history:ledger_group",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = self.lazy.get(cmd_name)
        if target is None:
            return super().get_command(ctx, cmd_name)
        module, name = target.split(":")
        command: click.Command = getattr(importlib.import_module(module), name)
        return command


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", message="%(version)s", callback=None)
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
def main(verbose: int) -> None:
    """Fingertip: offline static security and compliance scanner for APK and IPA packages."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(
        level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )


# click's version option prints only the package version; --version must also name the ruleset.
def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(version_text())
        ctx.exit(0)


main.params = [p for p in main.params if p.name != "version"]
main.params.append(
    click.Option(
        ["--version"],
        is_flag=True,
        expose_value=False,
        is_eager=True,
        callback=_print_version,
        help="Show the tool version and the ruleset hash, then exit.",
    )
)


@main.command("scan")
@click.argument("packages", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the reports (created if missing). Nothing is written elsewhere.",
)
@click.option(
    "--format",
    "formats",
    default="html,json",
    show_default=True,
    callback=lambda _c, _p, v: formats_option(v),
    help="Comma-separated: html, json, sarif.",
)
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="HTML language.",
)
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    default="high",
    show_default=True,
    help="Exit 1 when a finding is at or above this severity.",
)
@signatures_option
@click.option(
    "--timestamp", is_flag=True, help="Record the scan time in the JSON (off: reproducible)."
)
@click.option(
    "--no-graph",
    is_flag=True,
    help="Skip the call graph: faster, but code findings stop at E1/E2 (no paths).",
)
@click.option(
    "--filed-identity",
    "filed_identity",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="JSON/TOML file of the filed package names and certificate fingerprints "
    "(ID-FILING-002); a malformed file exits 2.",
)
@click.option(
    "--db",
    "db",
    metavar="URL",
    help="Record each scan in this ledger (SQLAlchemy URL or SQLite file) and add the app's "
    "green/blue/red code to the JSON report (README.md, 'Ledger and rating').",
)
def scan_command(
    packages: tuple[Path, ...],
    out_dir: Path,
    formats: tuple[str, ...],
    lang: str,
    fail_on: str,
    signatures: Path | None,
    timestamp: bool,
    no_graph: bool,
    filed_identity: Path | None,
    db: str | None,
) -> None:
    """Scan APK packages and write one report per package and format.

    Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage error;
    3 at least one package could not be scanned (the rest still are).
    """
    filed = None
    if filed_identity is not None:
        try:
            filed = load_filed_identities(filed_identity)
        except FiledIdentityError as exc:
            click.echo(f"error: --filed-identity: {exc}", err=True)
            sys.exit(EXIT_USAGE)
    cfg = ScanConfig(
        fail_on=Severity(fail_on),
        signatures=signatures,
        lang=lang,
        code_graph=not no_graph,
        filed_identity=filed,
    )
    # The first package is inflated and hashed in threads while the pipeline's modules are
    # imported (scanner/opening.py): the two overlap, and a one-package run saves 0.2-0.3 s.
    opening = start_opening(packages[0], cfg.limits)
    # Imports and rule tables make hundreds of thousands of long-lived objects and no garbage:
    # the cyclic collector only rescans them (40 ms), and once frozen it never looks again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        from scanner.pipeline import Ruleset, scan

        ruleset = Ruleset.load(signatures)
    except RuleError as exc:
        if opening is not None:
            opening.discard()
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
    out_dir.mkdir(parents=True, exist_ok=True)
    tool = {
        "name": ruleset.tool.name,
        "version": ruleset.tool.version,
        "ruleset_sha256": ruleset.tool.ruleset_sha256,
    }
    failed = worst_fail = 0
    total = len(packages)
    # One worker process for the whole batch (lief is imported once), beside the scans.
    with Worker() as worker, _ledger(db) if db else contextlib.nullcontext() as ledger:
        for i, path in enumerate(packages, 1):
            prefix = f"[{i}/{total}] " if total > 1 else ""
            click.echo(f"{prefix}{path.name}: scanning…", err=True)
            extra: dict[str, Any] = {}
            if timestamp:
                import datetime as dt

                extra["run"] = {"started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
            try:
                result = scan(
                    path,
                    cfg,
                    ruleset,
                    worker,
                    opening if i == 1 else None,
                    keep=_LEFT_FOR_EXIT if i == total else None,
                )
            except ScannerError as exc:
                failed += 1
                sha, size = file_sha256(path)
                doc = error_document(str(path), path.name, sha, size, str(exc), tool)
                write_reports(out_dir, output_name(path, sha), doc | extra, None, {}, formats, lang)
                click.echo(f"{prefix}{path.name}: error: {exc}", err=True)
                continue
            doc = to_document(result, ruleset.catalog.rules, extra=extra)
            if ledger is not None:  # adds ID-FILING-002 from the history, and the rating
                from scanner.ledger.compose import record_scan

                result, doc = record_scan(
                    ledger, result, ruleset.catalog.rules, cfg.fail_on, extra=extra
                )
            name = output_name(path, result.app.sha256)
            try:
                written = write_reports(
                    out_dir, name, doc, result, ruleset.catalog.rules, formats, lang
                )
            except OutsideOutputError as exc:
                raise click.ClickException(str(exc)) from None
            if result.verdict is Verdict.FAIL:
                worst_fail += 1
            counts = ", ".join(f"{n} {s}" for s, n in doc["summary"]["by_severity"].items() if n)
            click.echo(
                f"{prefix}{path.name}: {result.verdict.value} ({counts or 'no findings'})"
                + "".join(f"\n    {w}" for w in written),
                err=True,
            )
    if failed:
        click.echo(f"{failed} of {total} package(s) could not be scanned", err=True)
        sys.exit(EXIT_SCAN_ERROR)
    sys.exit(EXIT_FINDINGS if worst_fail else EXIT_OK)


@main.group("rules")
def rules_group() -> None:
    """Inspect the rule catalogue."""


@rules_group.command("list")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "markdown"]),
    default="table",
    show_default=True,
)
@signatures_option
def rules_list(fmt: str, signatures: Path | None) -> None:
    """Every rule: id, severity, category, zh and en title."""
    from scanner.pipeline import Ruleset
    from scanner.rules.listing import render_rules

    try:
        ruleset = Ruleset.load(signatures)
    except RuleError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(render_rules(ruleset.catalog, fmt), nl=False)


def _ledger(db: str) -> Ledger:
    """The ledger --db names (exits 2 when it cannot be opened); SQLAlchemy is imported only
    when a ledger is asked for."""
    from scanner.commands.history import open_from_options

    return open_from_options(db, None, None)


def run() -> None:
    """The console entry point: the command, then an exit without the interpreter's teardown.

    A scan leaves a call graph of millions of small objects; freeing them one by one at exit
    took 0.4 s on Yosemite.apk, after every report was already written. Output is flushed
    first, and nothing else waits for exit (the worker process and the thread pools are closed
    by then), so the process can leave at once, as mypy does. For the same reason the last
    package's call graph is not freed at the end of its scan either (0.1 s on Yosemite.apk).
    """
    global _LEFT_FOR_EXIT
    _LEFT_FOR_EXIT = []
    try:
        main()  # click's standalone mode ends in SystemExit with the exit code
        code: int = EXIT_OK
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or EXIT_OK
        else:
            click.echo(str(exc.code), err=True)
            code = EXIT_USAGE
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
