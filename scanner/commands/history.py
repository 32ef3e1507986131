"""`fingertip history` and `fingertip ledger …`: the scan ledger and the green/blue/red code.

Exit codes, history: 0 shown; 1 the package is not in the ledger; 2 usage error (bad --db,
bad rating configuration). ledger record: 0 every report recorded; 2 usage error; 3 at
least one report could not be recorded (unreadable, or a package that was not scanned); the
others still are. ledger refuse: 0 set; 1 the package is not in the ledger; 2 usage error.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from scanner.commands.options import text_or_json_option

# SQLAlchemy and Alembic take a while to import: only the ledger commands load them.
if TYPE_CHECKING:
    from scanner.ledger import AppHistory, Ledger

EXIT_OK, EXIT_NOT_FOUND, EXIT_USAGE, EXIT_NOT_RECORDED = 0, 1, 2, 3
F = TypeVar("F", bound=Callable[..., Any])


def _stop(code: int, message: str) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(code)


def _time(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter("use an ISO date or time, e.g. 2026-03-01") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def ledger_options(func: F) -> F:
    """--db, --rating-config and --window-days, shared by the ledger commands."""
    func = click.option(
        "--window-days",
        type=click.IntRange(min=0),
        help="Rectification window W in days (DOMAIN.md §3; default 30).",
    )(func)
    func = click.option(
        "--rating-config",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="TOML file with a [rating] table (README.md, 'Ledger and rating').",
    )(func)
    func = click.option(
        "--db",
        "db",
        metavar="URL",
        help="Ledger database: a SQLAlchemy URL (sqlite:///…, postgresql://…) or a file "
        "path. Default: $XDG_DATA_HOME/fingertip/ledger.sqlite.",
    )(func)
    return func


def open_from_options(
    db: str | None, rating_config: Path | None, window_days: int | None
) -> Ledger:
    """The ledger the options name; exits 2 when it or the configuration cannot be used."""
    from scanner.ledger import LedgerError, RatingConfigError, load_rating_config, open_ledger

    try:
        config = load_rating_config(rating_config, window_days=window_days)
        return open_ledger(db, config=config)
    except (LedgerError, RatingConfigError) as exc:
        _stop(EXIT_USAGE, f"error: {exc}")


def _day(value: dt.datetime) -> str:
    return value.date().isoformat()


def render_text(histories: list[AppHistory], lang: str) -> str:
    from scanner.ledger.rating import code_label

    lines: list[str] = []
    for h in histories:
        rating = h.rating
        label = code_label(rating.code)
        lines.append(f"{h.identifier} ({h.platform}){f' — {h.name}' if h.name else ''}")
        lines.append(
            f"rating: {rating.code.upper()} {label.zh} (window {rating.window_days} d, "
            f"at {_day(rating.computed_at)})"
        )
        lines.extend(f"  - {r.get(lang)}" for r in rating.reasons)
        lines.append("versions:")
        for v in h.versions:
            lines.append(f"  {v.label}  first seen {_day(v.first_seen)}")
            for s in v.scans:
                sha = (s.package_sha256 or "?")[:12]
                lines.append(
                    f"    scan #{s.id} {_day(s.scanned_at)} {s.verdict} "
                    f"({s.findings} findings) sha256 {sha} tool {s.tool_version} "
                    f"ruleset {s.ruleset_sha256[:12]}"
                )
            if v.compared_with is None:
                continue
            lines.append(
                f"    vs {v.compared_with}: {len(v.added)} added, {len(v.fixed)} fixed, "
                f"{len(v.changed)} with changed evidence"
            )
            for mark, changes in (("+", v.added), ("-", v.fixed), ("~", v.changed)):
                for c in changes:
                    message = c.message_zh if lang == "zh" else c.message_en
                    lines.append(f"      {mark} {c.rule_id} {c.severity}: {message}"[:300])
        lines.append("")
    return "\n".join(lines)


@click.command("history")
@click.argument("package")
@ledger_options
@click.option("--platform", type=click.Choice(["android", "ios"]), help="Only this platform.")
@text_or_json_option
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Text language.",
)
@click.option(
    "--at",
    "at",
    callback=_time,
    metavar="DATE",
    help="Rate as of this date or time (ISO; default now).",
)
def history_command(
    package: str,
    db: str | None,
    rating_config: Path | None,
    window_days: int | None,
    platform: str | None,
    fmt: str,
    lang: str,
    at: dt.datetime | None,
) -> None:
    """Versions, scans, findings added and fixed between versions, and the green/blue/red
    code of PACKAGE (package name or bundle id) with its reasons.

    Exit codes: 0 shown; 1 PACKAGE is not in the ledger; 2 usage error.
    """
    with open_from_options(db, rating_config, window_days) as ledger:
        histories = ledger.history(package, platform, now=at)
    if not histories:
        _stop(EXIT_NOT_FOUND, f"{package} is not in the ledger")
    if fmt == "json":
        doc = {"apps": [h.to_dict() for h in histories]}
        click.echo(json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False))
    else:
        click.echo(render_text(histories, lang), nl=False)


@click.group("ledger")
def ledger_group() -> None:
    """Feed and maintain the scan ledger (README.md, 'Ledger and rating')."""


@ledger_group.command("record")
@click.argument("reports", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@ledger_options
@click.option(
    "--scanned-at",
    callback=_time,
    metavar="DATE",
    help="The scan time to record (ISO); default: the report's run.started, else now.",
)
def record_command(
    reports: tuple[Path, ...],
    db: str | None,
    rating_config: Path | None,
    window_days: int | None,
    scanned_at: dt.datetime | None,
) -> None:
    """Record JSON reports (from `fingertip scan --format json`) in the ledger, oldest first.

    Exit codes: 0 all recorded; 2 usage error; 3 at least one report could not be recorded
    (the others still are).
    """
    from scanner.ledger import LedgerError

    failed = 0
    with open_from_options(db, rating_config, window_days) as ledger:
        for path in reports:
            try:
                doc: Any = json.loads(path.read_text(encoding="utf-8"))
                if not isinstance(doc, dict):
                    raise LedgerError("not a report (expected a JSON object)")
                rating = ledger.record(doc, scanned_at=scanned_at)
            except (OSError, UnicodeDecodeError, json.JSONDecodeError, LedgerError) as exc:
                failed += 1
                click.echo(f"{path}: error: {exc}", err=True)
                continue
            app = doc["app"]
            version = app.get("version_name") or app.get("version_code") or "?"
            click.echo(
                f"{path}: {app['platform']} {app['identifier']} {version}: {rating.code}",
                err=True,
            )
    if failed:
        _stop(EXIT_NOT_RECORDED, f"{failed} of {len(reports)} report(s) not recorded")


@ledger_group.command("refuse")
@click.argument("package")
@click.option("--platform", type=click.Choice(["android", "ios"]), required=True)
@click.option("--note", help="Why (kept with the flag and shown in the reasons).")
@click.option("--clear", is_flag=True, help="Remove the flag.")
@click.option("--db", "db", metavar="URL", help="Ledger database (as for `history`).")
def refuse_command(
    package: str, platform: str, note: str | None, clear: bool, db: str | None
) -> None:
    """Set (or --clear) the manual "refused rectification" flag: the code is red while set.

    Exit codes: 0 done; 1 PACKAGE is not in the ledger; 2 usage error.
    """
    from scanner.ledger import LedgerError

    with open_from_options(db, None, None) as ledger:
        try:
            ledger.set_refused(platform, package, not clear, note)
        except LedgerError as exc:
            _stop(EXIT_NOT_FOUND, str(exc))
