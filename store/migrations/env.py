"""Alembic's entry: runs the migrations on the engine the store hands over.

On PostgreSQL the migrations hold an advisory lock, so that several app servers
starting together on one database (docs/deploy.md) upgrade it once, one after another.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine, text

from store.tables import Base

#: The advisory lock's number: any fixed number the app uses for nothing else.
MIGRATION_LOCK = 7_215_001

engine: Engine = context.config.attributes["engine"]
with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": MIGRATION_LOCK}
            )
        context.run_migrations()
