"""The first ledger schema: apps, versions, scans, findings, ratings.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "apps",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("identifier", sa.String(255), nullable=False),
        sa.Column("name", sa.String(255), nullable=True),
        sa.Column("first_seen", _TS, nullable=False),
        sa.Column("refused", sa.Boolean(), nullable=False),
        sa.Column("refused_note", sa.Text(), nullable=True),
        sa.UniqueConstraint("platform", "identifier", name="uq_apps_key"),
    )
    op.create_table(
        "versions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "app_id", sa.Integer(), sa.ForeignKey("apps.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("version_name", sa.String(255), nullable=True),
        sa.Column("version_code", sa.String(255), nullable=True),
        sa.Column("first_seen", _TS, nullable=False),
        sa.UniqueConstraint("app_id", "version_name", "version_code", name="uq_versions_key"),
    )
    op.create_index("ix_versions_app_id", "versions", ["app_id"])
    op.create_table(
        "scans",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "version_id",
            sa.Integer(),
            sa.ForeignKey("versions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("scanned_at", _TS, nullable=False),
        sa.Column("package_sha256", sa.String(64), nullable=True),
        sa.Column("file_name", sa.String(1024), nullable=True),
        sa.Column("tool_version", sa.String(64), nullable=False),
        sa.Column("ruleset_sha256", sa.String(64), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("target_sdk", sa.Integer(), nullable=True),
        sa.Column("certificates", sa.JSON(), nullable=False),
    )
    op.create_index("ix_scans_version_id", "scans", ["version_id"])
    op.create_index("ix_scans_scanned_at", "scans", ["scanned_at"])
    op.create_index("ix_scans_package_sha256", "scans", ["package_sha256"])
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "scan_id", sa.Integer(), sa.ForeignKey("scans.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("rule_id", sa.String(64), nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("evidence_level", sa.String(4), nullable=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("identity", sa.String(64), nullable=False),
        sa.Column("identity_text", sa.Text(), nullable=False),
        sa.Column("message_en", sa.Text(), nullable=False),
        sa.Column("message_zh", sa.Text(), nullable=False),
    )
    op.create_index("ix_findings_scan_rule", "findings", ["scan_id", "rule_id"])
    op.create_index("ix_findings_fingerprint", "findings", ["fingerprint"])
    op.create_index("ix_findings_identity", "findings", ["identity"])
    op.create_table(
        "ratings",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "app_id", sa.Integer(), sa.ForeignKey("apps.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "scan_id", sa.Integer(), sa.ForeignKey("scans.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("computed_at", _TS, nullable=False),
        sa.Column("code", sa.String(8), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("audit", sa.JSON(), nullable=False),
        sa.Column("config", sa.JSON(), nullable=False),
    )
    op.create_index("ix_ratings_app_id", "ratings", ["app_id"])


def downgrade() -> None:
    for table in ("ratings", "findings", "scans", "versions", "apps"):
        op.drop_table(table)
