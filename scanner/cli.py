"""The `fingertip` command: the only place that writes files and sets up logging.

Exit codes: 0 scanned, nothing at or above --fail-on; 1 findings at or above --fail-on;
2 usage error; 3 at least one package could not be scanned (the others still are).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

import click

from scanner import __version__
from scanner.config import ScanConfig
from scanner.errors import RuleError, ScannerError
from scanner.model import Severity, Verdict
from scanner.pipeline import Ruleset, scan
from scanner.render.json import dumps, error_document, to_document
from scanner.render.sarif import to_sarif
from scanner.worker import Worker

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_SCAN_ERROR = 0, 1, 2, 3
FORMATS = ("html", "json", "sarif")
log = logging.getLogger("fingertip")


def _formats(value: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))
    bad = [f for f in chosen if f not in FORMATS]
    if bad or not chosen:
        raise click.BadParameter(f"choose from {', '.join(FORMATS)} (comma-separated)")
    return chosen


def _output_name(path: Path, sha256: str | None) -> str:
    """`<stem>-<sha12>`: unique per package content, safe as a file name whatever the input."""
    stem = "".join(c if c.isalnum() or c in "._-" else "_" for c in path.stem)[:80] or "package"
    return f"{stem}-{(sha256 or '0' * 12)[:12]}"


def _file_sha256(path: Path) -> tuple[str | None, int | None]:
    try:
        h = hashlib.sha256()
        with path.open("rb") as fh:
            while chunk := fh.read(1024 * 1024):
                h.update(chunk)
        return h.hexdigest(), path.stat().st_size
    except OSError:
        return None, None


def _write(out_dir: Path, name: str, text: str) -> Path:
    # Names are built from sanitised stems, so the target always stays inside out_dir.
    target = out_dir / name
    if target.resolve().parent != out_dir.resolve():
        raise click.ClickException(f"refusing to write outside the output folder: {name}")
    target.write_text(text, encoding="utf-8")
    return target


def version_text() -> str:
    try:
        rs = Ruleset.load()
        return f"fingertip {__version__}, ruleset sha256 {rs.sha256}"
    except RuleError as exc:
        return f"fingertip {__version__}, ruleset unavailable ({exc})"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
    callback=lambda _c, _p, v: _formats(v),
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
@click.option(
    "--signatures",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Use rules and data from this folder instead of the bundled ones.",
)
@click.option(
    "--timestamp", is_flag=True, help="Record the scan time in the JSON (off: reproducible)."
)
@click.option(
    "--no-graph",
    is_flag=True,
    help="Skip the call graph: faster, but code findings stop at E1/E2 (no paths).",
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
) -> None:
    """Scan APK packages and write one report per package and format.

    Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage error;
    3 at least one package could not be scanned (the rest still are).
    """
    try:
        ruleset = Ruleset.load(signatures)
    except RuleError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    cfg = ScanConfig(
        fail_on=Severity(fail_on), signatures=signatures, lang=lang, code_graph=not no_graph
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    tool = {
        "name": ruleset.tool.name,
        "version": ruleset.tool.version,
        "ruleset_sha256": ruleset.tool.ruleset_sha256,
    }
    failed = worst_fail = 0
    total = len(packages)
    # One worker process for the whole batch (lief is imported once), beside the scans.
    with Worker() as worker:
        for i, path in enumerate(packages, 1):
            prefix = f"[{i}/{total}] " if total > 1 else ""
            click.echo(f"{prefix}{path.name}: scanning…", err=True)
            extra: dict[str, Any] = {}
            if timestamp:
                import datetime as dt

                extra["run"] = {"started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
            try:
                result = scan(path, cfg, ruleset, worker)
            except ScannerError as exc:
                failed += 1
                sha, size = _file_sha256(path)
                doc = error_document(str(path), path.name, sha, size, str(exc), tool)
                name = _output_name(path, sha)
                if "json" in formats:
                    _write(out_dir, f"{name}.json", dumps(doc | extra))
                click.echo(f"{prefix}{path.name}: error: {exc}", err=True)
                continue
            doc = to_document(result, ruleset.catalog.rules, extra=extra)
            name = _output_name(path, result.app.sha256)
            written = []
            if "json" in formats:
                written.append(_write(out_dir, f"{name}.json", dumps(doc)))
            if "sarif" in formats:
                sarif = to_sarif(result, ruleset.catalog.rules)
                written.append(
                    _write(
                        out_dir,
                        f"{name}.sarif",
                        json.dumps(sarif, indent=2, ensure_ascii=False) + "\n",
                    )
                )
            if "html" in formats:
                from scanner.render.html import render_html  # jinja2 only when HTML is asked for

                written.append(
                    _write(out_dir, f"{name}.html", render_html(doc, ruleset.catalog.rules, lang))
                )
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
@click.option("--signatures", type=click.Path(exists=True, file_okay=False, path_type=Path))
def rules_list(fmt: str, signatures: Path | None) -> None:
    """Every rule: id, severity, category, zh and en title."""
    from scanner.rules.listing import render_rules

    try:
        ruleset = Ruleset.load(signatures)
    except RuleError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(render_rules(ruleset.catalog, fmt), nl=False)


def run() -> None:
    """The console entry point: the command, then an exit without the interpreter's teardown.

    A scan leaves a call graph of millions of small objects; freeing them one by one at exit
    took 0.4 s on Yosemite.apk, after every report was already written. Output is flushed
    first, and nothing else waits for exit (the worker process and the thread pools are closed
    by then), so the process can leave at once, as mypy does.
    """
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
