"""Where the store lives, and the one way to talk to it.

:func:`database_url` picks the database: ``LEVERAGE_DATABASE_URL`` when it is set (a
PostgreSQL server for a shared deployment, see docs/deploy.md), else a SQLite file in
the local data folder (``LEVERAGE_DATA_DIR``, default ``./data``), created on first use.
:class:`Database` opens it, brings its tables up to date with Alembic's migrations, and
hands out transactions (:meth:`Database.transaction`) that turn any database failure into
:class:`~store.errors.StoreUnavailable` with words a person can act on.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from store.errors import UNAVAILABLE_MESSAGE, StoreRefused, StoreUnavailable

#: The variable naming a database server: ``postgresql+psycopg://user:password@host/name``.
DATABASE_URL_VARIABLE = "LEVERAGE_DATABASE_URL"

#: The variable naming the folder of the embedded SQLite database.
DATA_DIR_VARIABLE = "LEVERAGE_DATA_DIR"

#: The embedded database's file, in the data folder.
SQLITE_FILE = "leverage.sqlite3"

#: How long a SQLite writer waits for another to finish before giving up. [s]
SQLITE_BUSY_SECONDS = 30

#: How long to wait for a database server to answer a connection. [s]
CONNECT_SECONDS = 5

#: What a person is told when two saves of the same thing met.
SIMULTANEOUS_MESSAGE = (
    "Another save of the same scenario happened at the same moment, so this one was not "
    "made; nothing you have open is lost. Save again."
)

#: What a person is told when the database settings cannot be used at all.
MISCONFIGURED_MESSAGE = (
    "The planner's database is not set up right, so nothing was saved, sent or opened; "
    "whoever runs the planner should check its database setting (docs/deploy.md). "
    "Everything you have open is still here."
)

#: The driver this project installs for PostgreSQL (psycopg 3).
POSTGRESQL_DRIVER = "postgresql+psycopg"

MIGRATIONS = Path(__file__).parent / "migrations"
LOG = logging.getLogger(__name__)


def database_url() -> str:
    """The database to use: ``LEVERAGE_DATABASE_URL``, else SQLite in the data folder."""
    configured = os.environ.get(DATABASE_URL_VARIABLE, "").strip()
    if configured:
        return configured
    folder = Path(os.environ.get(DATA_DIR_VARIABLE, "") or "data")
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(folder / SQLITE_FILE).resolve()}"


def with_driver(url: str) -> str:
    """``url`` with this project's PostgreSQL driver named: hosts hand out ``postgres://…``
    and ``postgresql://…``, which SQLAlchemy would read as the psycopg2 driver, not installed.

    Notes: ``postgres://u@db/leverage`` → ``postgresql+psycopg://u@db/leverage``.
    """
    for bare in ("postgres://", "postgresql://"):
        if url.startswith(bare):
            return f"{POSTGRESQL_DRIVER}://{url.removeprefix(bare)}"
    return url


def now() -> datetime:
    """The current time in UTC, without a zone, as the tables keep it."""
    return datetime.now(UTC).replace(tzinfo=None)


def in_utc(moment: datetime) -> datetime:
    """A time read from the tables, with its zone (UTC) back on."""
    return moment.replace(tzinfo=UTC)


def _sqlite_settings(connection: Any, _record: Any) -> None:
    """Foreign keys enforced (deleting a room deletes its participants), and readers that
    do not wait for writers (write-ahead log)."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``: SQLite with foreign keys and a patient writer, a server with
    a short connection timeout and connections checked before use (a restarted server)."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS})
        event.listen(engine, "connect", _sqlite_settings)
        return engine
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": CONNECT_SECONDS})


def migration_config(engine: Engine) -> Config:
    """Alembic's settings for ``engine``: the migrations in this package, no ini file."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


class Database:
    """An open store database, its tables up to date.

    Raises :class:`~store.errors.StoreUnavailable` when the database cannot be reached.
    """

    def __init__(self, url: str | None = None) -> None:
        try:
            self.url = with_driver(url or database_url())
            self.engine = make_engine(self.url)
        except (SQLAlchemyError, ImportError, OSError) as error:
            LOG.error("The database setting cannot be used: %s", error)
            raise StoreUnavailable(MISCONFIGURED_MESSAGE) from error
        try:
            command.upgrade(migration_config(self.engine), "head")
        except (SQLAlchemyError, OSError) as error:
            LOG.error("The database cannot be reached or upgraded: %s", error)
            self.engine.dispose()
            raise StoreUnavailable(UNAVAILABLE_MESSAGE) from error
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together at the end, or not at all.

        Raises :class:`~store.errors.StoreRefused` when another save changed the same thing
        at the same moment (a unique name or number taken), and
        :class:`~store.errors.StoreUnavailable` when the database fails.
        """
        try:
            with self._sessions.begin() as session:
                yield session
        except IntegrityError as error:
            raise StoreRefused(SIMULTANEOUS_MESSAGE) from error
        except (SQLAlchemyError, OSError) as error:  # down, or no connection free in time
            LOG.error("A database call failed: %s", error)
            raise StoreUnavailable(UNAVAILABLE_MESSAGE) from error

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()
