"""The ledger tests run on SQLite (a temporary file) and on PostgreSQL: `.ci/run` starts a
server and sets FINGERTIP_TEST_PG_URL; each test gets a database of its own."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, make_url, text

PG_URL = os.environ.get("FINGERTIP_TEST_PG_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('ledger') / 'ledger.sqlite'}"
        return
    if not PG_URL:
        pytest.skip("FINGERTIP_TEST_PG_URL is unset: no PostgreSQL server (.ci/run starts one)")
    url = make_url(PG_URL)
    name = f"ft_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
