"""The ledger's tables (SQLAlchemy 2.x typed ORM): apps, versions, scans, findings, ratings.

Key = (platform, package/bundle id), as DOMAIN.md §3 asks; the signing certificates are an
attribute of each scan (a re-key is seen by comparing them). Every rating computed when a scan
is recorded is kept with its rule trace (DOMAIN.md §3: "persist the rule trace with each code
for audit"). The schema changes only through the Alembic migrations in `migrations/`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[dt.datetime]):
    """Timestamps stored as UTC and read back timezone-aware on both databases (SQLite keeps
    no zone, so a naive value read from it is UTC by construction)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: object) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("ledger timestamps must be timezone-aware")
        return value.astimezone(dt.UTC)

    def process_result_value(
        self, value: dt.datetime | None, dialect: object
    ) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    pass


class AppRow(Base):
    __tablename__ = "apps"
    __table_args__ = (UniqueConstraint("platform", "identifier", name="uq_apps_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    identifier: Mapped[str] = mapped_column(String(255))
    name: Mapped[str | None] = mapped_column(String(255))
    first_seen: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    # DOMAIN.md §3 RED: the manual "refused" (拒不整改) flag, set by a person, never computed.
    refused: Mapped[bool] = mapped_column(Boolean, default=False)
    refused_note: Mapped[str | None] = mapped_column(Text)

    versions: Mapped[list[VersionRow]] = relationship(back_populates="app")


class VersionRow(Base):
    __tablename__ = "versions"
    __table_args__ = (
        UniqueConstraint("app_id", "version_name", "version_code", name="uq_versions_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    app_id: Mapped[int] = mapped_column(ForeignKey("apps.id", ondelete="CASCADE"), index=True)
    # Android versionName / versionCode; iOS CFBundleShortVersionString / CFBundleVersion.
    version_name: Mapped[str | None] = mapped_column(String(255))
    version_code: Mapped[str | None] = mapped_column(String(255))
    first_seen: Mapped[dt.datetime] = mapped_column(UtcDateTime())

    app: Mapped[AppRow] = relationship(back_populates="versions")
    scans: Mapped[list[ScanRow]] = relationship(back_populates="version")


class ScanRow(Base):
    __tablename__ = "scans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("versions.id", ondelete="CASCADE"), index=True
    )
    scanned_at: Mapped[dt.datetime] = mapped_column(UtcDateTime(), index=True)
    package_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    file_name: Mapped[str | None] = mapped_column(String(1024))
    tool_version: Mapped[str] = mapped_column(String(64))
    ruleset_sha256: Mapped[str] = mapped_column(String(64))
    verdict: Mapped[str] = mapped_column(String(16))
    target_sdk: Mapped[int | None] = mapped_column(Integer)
    # SHA-256 of the leaf signing certificates (identity.leaf_certificates), sorted.
    certificates: Mapped[list[str]] = mapped_column(JSON)

    version: Mapped[VersionRow] = relationship(back_populates="scans")
    findings: Mapped[list[FindingRow]] = relationship(
        back_populates="scan", cascade="all, delete-orphan"
    )


class FindingRow(Base):
    __tablename__ = "findings"
    __table_args__ = (Index("ix_findings_scan_rule", "scan_id", "rule_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scan_id: Mapped[int] = mapped_column(ForeignKey("scans.id", ondelete="CASCADE"))
    rule_id: Mapped[str] = mapped_column(String(64))
    severity: Mapped[str] = mapped_column(String(16))
    evidence_level: Mapped[str | None] = mapped_column(String(4))
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    # DOMAIN.md §3 "same finding across versions" (identity.normalised_identity).
    identity: Mapped[str] = mapped_column(String(64), index=True)
    identity_text: Mapped[str] = mapped_column(Text)
    message_en: Mapped[str] = mapped_column(Text)
    message_zh: Mapped[str] = mapped_column(Text)

    scan: Mapped[ScanRow] = relationship(back_populates="findings")


class RatingRow(Base):
    """The code computed when a scan was recorded, with the trace behind it."""

    __tablename__ = "ratings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    app_id: Mapped[int] = mapped_column(ForeignKey("apps.id", ondelete="CASCADE"), index=True)
    scan_id: Mapped[int] = mapped_column(ForeignKey("scans.id", ondelete="CASCADE"))
    computed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    code: Mapped[str] = mapped_column(String(8))
    reasons: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    audit: Mapped[list[dict[str, object]]] = mapped_column(JSON)
    config: Mapped[dict[str, object]] = mapped_column(JSON)
