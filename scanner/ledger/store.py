"""The ledger: apps, versions, scans and findings in SQLite or PostgreSQL, and the code of each.

`open_ledger(url)` opens (and creates or migrates to the latest schema, as `alembic upgrade
head` would) the database at `url`: a SQLAlchemy URL (`sqlite:///path`,
`postgresql+psycopg://user@host/db`; a plain `postgresql://` URL uses psycopg too), a plain
file path (SQLite), or None for the default file in the user's data directory
($XDG_DATA_HOME/fingertip/ledger.sqlite, else ~/.local/share/fingertip/ledger.sqlite).

The ledger consumes JSON report dicts (docs/schema/report-1.schema.json), the contract
between the lab-scale parts; it never scans.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from scanner.errors import ScannerError
from scanner.ledger.config import RatingConfig
from scanner.ledger.history import AppHistory, build_history
from scanner.ledger.identity import leaf_certificates, normalised_identity
from scanner.ledger.models import AppRow, FindingRow, RatingRow, ScanRow, VersionRow
from scanner.ledger.rating import FindingView, Rating, ScanView, compute_rating
from scanner.ledger.rekey import PreviousScan, rekey_findings
from scanner.model import Finding

log = logging.getLogger(__name__)


class LedgerError(ScannerError):
    """The ledger cannot be opened, or a report cannot be recorded in it."""


def default_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "fingertip" / "ledger.sqlite"


def resolve_url(url: str | None) -> str:
    """A SQLAlchemy URL from what the user typed (README.md, "Ledger and rating")."""
    if url is None:
        path = default_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url.removeprefix(plain)
    return url


def _sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest migration (`alembic upgrade head`, through the API)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("scanner.ledger") / "migrations"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def open_ledger(url: str | None = None, *, config: RatingConfig | None = None) -> Ledger:
    """Open the ledger at `url` (module docstring), creating or migrating its schema."""
    resolved = resolve_url(url)
    try:
        engine = create_engine(resolved)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_foreign_keys)
        migrate(engine)
    except Exception as exc:  # a bad URL, a missing driver, an unreachable server
        raise LedgerError(f"cannot open the ledger {_safe(resolved)}: {exc}") from exc
    return Ledger(engine, config or RatingConfig())


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    scheme, sep, rest = url.partition("://")
    creds, at, host = rest.rpartition("@")
    if at and ":" in creds:
        return f"{scheme}{sep}{creds.split(':', 1)[0]}:***@{host}"
    return url


def _parse_time(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _utc(value: dt.datetime | None) -> dt.datetime:
    if value is None:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    if value.tzinfo is None:
        raise LedgerError("times given to the ledger must be timezone-aware")
    return value.astimezone(dt.UTC)


def _version_label(name: str | None, code: str | None) -> str:
    if name and code:
        return f"{name} ({code})"
    return name or code or "?"


class Ledger:
    """One database of apps and their scans. Use as a context manager, or call close()."""

    def __init__(self, engine: Engine, config: RatingConfig) -> None:
        self.engine = engine
        self.config = config
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _session(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    # -- recording ------------------------------------------------------------------------

    def record(self, report: Mapping[str, Any], *, scanned_at: dt.datetime | None = None) -> Rating:
        """Store one report's app, version, scan and findings; return the app's code then.

        The time is `scanned_at`, else the report's `run.started` (--timestamp), else now.
        Recording the same package, ruleset and time twice stores one scan. ID-FILING-002
        findings the ledger itself raises (identity_findings) are stored with the scan when
        the report does not carry them yet, so the code sees a re-key either way.
        """
        app = report.get("app") or {}
        platform, identifier = app.get("platform"), app.get("identifier")
        if report.get("verdict") == "error" or not platform or not identifier:
            raise LedgerError(
                f"{app.get('file_name') or 'report'}: not recorded: the package was not scanned "
                "(no platform or package id)"
            )
        when = _utc(scanned_at or _parse_time((report.get("run") or {}).get("started")))
        tool = report.get("tool") or {}
        findings = [dict(f) for f in report.get("findings") or []]
        with self._session() as session:
            known = {f.get("fingerprint") for f in findings}
            findings.extend(
                _finding_dict(extra)
                for extra in self._identity_findings(session, report, when)
                if extra.fingerprint not in known
            )
            app_row = self._app(session, platform, identifier, app.get("name"), when)
            version = self._version(session, app_row, app, when)
            scan = session.scalars(
                select(ScanRow).where(
                    ScanRow.version_id == version.id,
                    ScanRow.package_sha256 == app.get("sha256"),
                    ScanRow.ruleset_sha256 == str(tool.get("ruleset_sha256") or ""),
                    ScanRow.scanned_at == when,
                )
            ).first()
            if scan is None:
                scan = ScanRow(
                    version=version,
                    scanned_at=when,
                    package_sha256=app.get("sha256"),
                    file_name=app.get("file_name"),
                    tool_version=str(tool.get("version") or ""),
                    ruleset_sha256=str(tool.get("ruleset_sha256") or ""),
                    verdict=str(report.get("verdict") or ""),
                    target_sdk=app.get("target_sdk"),
                    certificates=leaf_certificates(app.get("signers") or []),
                    findings=[_finding_row(f) for f in findings],
                )
                session.add(scan)
                session.flush()
            else:
                log.info("scan of %s at %s already recorded (#%d)", identifier, when, scan.id)
            rating = self._rate(session, app_row, now=when)
            session.add(
                RatingRow(
                    app_id=app_row.id,
                    scan_id=scan.id,
                    computed_at=when,
                    code=rating.code,
                    reasons=[{"zh": r.zh, "en": r.en} for r in rating.reasons],
                    audit=[a.to_dict() for a in rating.audit],
                    config=self.config.to_dict(),
                )
            )
        return rating

    def _app(
        self, session: Session, platform: str, identifier: str, name: Any, when: dt.datetime
    ) -> AppRow:
        row = session.scalars(
            select(AppRow).where(AppRow.platform == platform, AppRow.identifier == identifier)
        ).first()
        if row is None:
            row = AppRow(
                platform=platform,
                identifier=identifier,
                name=name if isinstance(name, str) else None,
                first_seen=when,
                refused=False,
            )
            session.add(row)
            session.flush()
        else:
            row.first_seen = min(row.first_seen, when)
            if isinstance(name, str) and name:
                row.name = name
        return row

    def _version(
        self, session: Session, app_row: AppRow, app: Mapping[str, Any], when: dt.datetime
    ) -> VersionRow:
        name = app.get("version_name")
        code = app.get("version_code")
        if app_row.platform == "ios" and code is None:
            code = app.get("build_version")
        code_text = None if code is None else str(code)
        row = session.scalars(
            select(VersionRow).where(
                VersionRow.app_id == app_row.id,
                _is(VersionRow.version_name, name),
                _is(VersionRow.version_code, code_text),
            )
        ).first()
        if row is None:
            row = VersionRow(
                app_id=app_row.id, version_name=name, version_code=code_text, first_seen=when
            )
            session.add(row)
            session.flush()
        else:
            row.first_seen = min(row.first_seen, when)
        return row

    # -- reading --------------------------------------------------------------------------

    def _scans(self, session: Session, app_row: AppRow) -> list[ScanRow]:
        return list(
            session.scalars(
                select(ScanRow)
                .join(VersionRow)
                .where(VersionRow.app_id == app_row.id)
                .options(selectinload(ScanRow.findings), selectinload(ScanRow.version))
                .order_by(ScanRow.scanned_at, ScanRow.id)
            )
        )

    def _rate(self, session: Session, app_row: AppRow, *, now: dt.datetime) -> Rating:
        views = [_view(s, app_row.platform) for s in self._scans(session, app_row)]
        return compute_rating(
            views,
            self.config,
            now=now,
            refused=app_row.refused,
            refused_note=app_row.refused_note,
        )

    def _find_app(self, session: Session, platform: str, identifier: str) -> AppRow:
        row = session.scalars(
            select(AppRow).where(AppRow.platform == platform, AppRow.identifier == identifier)
        ).first()
        if row is None:
            raise LedgerError(f"{identifier} ({platform}) is not in the ledger")
        return row

    def rating(self, platform: str, identifier: str, *, now: dt.datetime | None = None) -> Rating:
        """The app's code at `now` (default: the current time) from every scan until then."""
        with self._session() as session:
            app_row = self._find_app(session, platform, identifier)
            return self._rate(session, app_row, now=_utc(now))

    def history(
        self, identifier: str, platform: str | None = None, *, now: dt.datetime | None = None
    ) -> list[AppHistory]:
        """Each app with this package/bundle id (one per platform unless `platform` is given):
        versions, scans, findings added and fixed between versions, and the code now."""
        at = _utc(now)
        out = []
        with self._session() as session:
            query = select(AppRow).where(AppRow.identifier == identifier)
            if platform:
                query = query.where(AppRow.platform == platform)
            for app_row in session.scalars(query.order_by(AppRow.platform)):
                scans = self._scans(session, app_row)
                rating = self._rate(session, app_row, now=at)
                out.append(build_history(app_row, scans, rating))
        return out

    def set_refused(
        self, platform: str, identifier: str, refused: bool = True, note: str | None = None
    ) -> None:
        """DOMAIN.md §3's manual "refused" flag (拒不整改): RED until cleared."""
        with self._session() as session:
            app_row = self._find_app(session, platform, identifier)
            app_row.refused = refused
            app_row.refused_note = note if refused else None

    # -- ID-FILING-002 through the ledger -------------------------------------------------

    def identity_findings(
        self, report: Mapping[str, Any], *, scanned_at: dt.datetime | None = None
    ) -> list[Finding]:
        """ID-FILING-002 findings of this report against what the ledger knows (rekey.py):
        a previous scan of the same app signed with other certificates, or the same
        certificate and app name recorded under another package id. Call it before
        record(); scanner.ledger.compose.with_findings adds them to a ScanResult."""
        when = _utc(scanned_at or _parse_time((report.get("run") or {}).get("started")))
        with self._session() as session:
            return self._identity_findings(session, report, when)

    def _identity_findings(
        self, session: Session, report: Mapping[str, Any], when: dt.datetime
    ) -> list[Finding]:
        app = report.get("app") or {}
        platform, identifier = app.get("platform"), app.get("identifier")
        certs = leaf_certificates(app.get("signers") or [])
        if not platform or not identifier or not certs:
            return []
        previous = session.execute(
            select(ScanRow, VersionRow)
            .join(VersionRow)
            .join(AppRow)
            .where(
                AppRow.platform == platform,
                AppRow.identifier == identifier,
                ScanRow.scanned_at <= when,
            )
            .order_by(ScanRow.scanned_at.desc(), ScanRow.id.desc())
        ).first()
        same_app = None
        if previous is not None:
            scan, version = previous
            same_app = PreviousScan(
                identifier=identifier,
                name=None,
                version=_version_label(version.version_name, version.version_code),
                code=version.version_code,
                scanned_at=scan.scanned_at,
                certificates=tuple(scan.certificates),
            )
        others: list[PreviousScan] = []
        if previous is None:
            # A package id new to the ledger: the same key and app name under another id is
            # the same app renamed (a shared key alone is a vendor signal, DOMAIN.md §4).
            rows = session.execute(
                select(ScanRow, VersionRow, AppRow)
                .join(VersionRow, ScanRow.version_id == VersionRow.id)
                .join(AppRow, VersionRow.app_id == AppRow.id)
                .where(
                    AppRow.platform == platform,
                    AppRow.identifier != identifier,
                    ScanRow.scanned_at <= when,
                )
                .order_by(ScanRow.scanned_at.desc(), ScanRow.id.desc())
            ).all()
            seen: set[str] = set()
            for scan, version, app_row in rows:
                if app_row.identifier in seen:
                    continue
                seen.add(app_row.identifier)
                if set(scan.certificates) & set(certs):
                    others.append(
                        PreviousScan(
                            identifier=app_row.identifier,
                            name=app_row.name,
                            version=_version_label(version.version_name, version.version_code),
                            code=version.version_code,
                            scanned_at=scan.scanned_at,
                            certificates=tuple(scan.certificates),
                        )
                    )
        return rekey_findings(report, certs, same_app, others)


def _is(column: Any, value: Any) -> Any:
    return column.is_(None) if value is None else column == value


def _finding_row(f: Mapping[str, Any]) -> FindingRow:
    rule_id = str(f.get("rule_id") or "")
    ident, text = normalised_identity(rule_id, f.get("evidence") or [])
    message = f.get("message") or {}
    return FindingRow(
        rule_id=rule_id,
        severity=str(f.get("severity") or ""),
        evidence_level=f.get("evidence_level"),
        fingerprint=str(f.get("fingerprint") or ""),
        identity=ident,
        identity_text=text,
        message_en=str(message.get("en") or ""),
        message_zh=str(message.get("zh") or ""),
    )


def _finding_dict(f: Finding) -> dict[str, Any]:
    """The parts of a report finding the ledger stores."""
    return {
        "rule_id": f.rule_id,
        "severity": f.severity.value,
        "evidence_level": f.evidence_level.value if f.evidence_level else None,
        "fingerprint": f.fingerprint,
        "message": {"zh": f.message.zh, "en": f.message.en},
        "evidence": [{"location": e.location, "symbol": e.symbol} for e in f.evidence],
    }


def _view(scan: ScanRow, platform: str) -> ScanView:
    version = scan.version
    return ScanView(
        id=scan.id,
        scanned_at=scan.scanned_at,
        version=_version_label(version.version_name, version.version_code),
        version_first_seen=version.first_seen,
        platform=platform,
        target_sdk=scan.target_sdk,
        findings=tuple(
            FindingView(
                rule_id=f.rule_id,
                severity=f.severity,
                fingerprint=f.fingerprint,
                identity=f.identity,
                identity_text=f.identity_text,
            )
            for f in scan.findings
        ),
    )
