"""Alembic environment for the ledger: run from Ledger's open (scanner.ledger.store.migrate),
which hands over its connection, or from the `alembic` command with `sqlalchemy.url` set."""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

from scanner.ledger.models import Base

config = context.config
connection = config.attributes.get("connection")

if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
elif connection is not None:
    # render_as_batch: SQLite alters tables by copying them; later migrations need it.
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = engine_from_config(
        config.get_section(config.config_ini_section) or {}, poolclass=pool.NullPool
    )
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
