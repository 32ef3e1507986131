"""The schema comes from the Alembic migrations, on an empty SQLite file and PostgreSQL."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

from scanner.ledger import open_ledger
from scanner.ledger.models import Base
from scanner.ledger.store import resolve_url
from tests.unit.ledger.reports import day, report


def _head() -> str:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("scanner.ledger") / "migrations"))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head


def test_an_empty_database_is_migrated_to_head(db_url: str) -> None:
    with open_ledger(db_url):
        pass
    engine = create_engine(db_url)
    try:
        tables = set(inspect(engine).get_table_names())
        assert {"apps", "versions", "scans", "findings", "ratings", "alembic_version"} <= tables
        with engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == _head()
            # The migrations and the ORM models describe the same schema.
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    finally:
        engine.dispose()


def test_opening_again_keeps_the_data(db_url: str) -> None:

    with open_ledger(db_url) as ledger:
        ledger.record(report(), scanned_at=day(0))
    with open_ledger(db_url) as ledger:
        assert len(ledger.history("cn.gov.example.notice")[0].versions) == 1


def test_urls() -> None:
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url("sqlite:///x.sqlite") == "sqlite:///x.sqlite"
    assert resolve_url("rel/ledger.sqlite").startswith("sqlite:////")


def test_default_file_is_in_the_user_data_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert resolve_url(None) == f"sqlite:///{tmp_path}/fingertip/ledger.sqlite"
    with open_ledger(None):
        pass
    assert (tmp_path / "fingertip" / "ledger.sqlite").is_file()
