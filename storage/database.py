"""Engine and session set-up, migrations, and the unit of work factory."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from storage.sqlite_driver import connector
from storage.uow import UnitOfWork

MIGRATIONS = "storage:migrations"


def sqlite_path(url: str | URL) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def alembic_config(url: str) -> AlembicConfig:
    config = AlembicConfig()
    config.set_main_option("script_location", MIGRATIONS)
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


class Database:
    """One engine per process; one session and one transaction per unit of work."""

    def __init__(self, url: str, *, busy_timeout_ms: int = 5000, synchronous: str = "full") -> None:
        assert synchronous in ("full", "normal"), synchronous
        self.url = url
        self.path = sqlite_path(url)
        if self.path is not None:
            # Busy waits are done by the driver, asleep on the loop; SQLite's own would block it.
            self.engine: AsyncEngine = create_async_engine(
                url, async_creator=connector(self.path, busy_timeout_ms)
            )
            _configure_sqlite(self.engine, busy_timeout_ms=0, synchronous=synchronous)
        else:
            self.engine = create_async_engine(url)
            if self.engine.dialect.name == "sqlite":
                _configure_sqlite(self.engine, busy_timeout_ms, synchronous)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self.sessions)

    async def upgrade(self) -> str:
        """Bring the schema to the newest revision; safe to run at every start-up."""
        if self.path is not None and not self.path.exists():
            # Created owner-only before SQLite touches it; -wal and -shm inherit the mode.
            self.path.touch(mode=0o600)
        async with self.engine.begin() as connection:
            await connection.run_sync(_upgrade, self.url)
        return await self.current_revision()

    async def current_revision(self) -> str:
        async with self.engine.connect() as connection:
            revision = await connection.run_sync(
                lambda sync: MigrationContext.configure(sync).get_current_revision()
            )
        return revision or ""

    def describe(self) -> str:
        """The database for messages: the file for SQLite, the URL without password otherwise."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    async def dispose(self) -> None:
        await self.engine.dispose()


def _upgrade(connection: Connection, url: str) -> None:
    config = alembic_config(url)
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def _configure_sqlite(engine: AsyncEngine, busy_timeout_ms: int, synchronous: str) -> None:
    """Pragmas on every connection, and transactions we open ourselves.

    ``synchronous``: "full", SQLite's default, syncs the WAL at every commit, so an answer is
    on disk before the bot replies; "normal" syncs it at checkpoints only, so a commit
    survives the bot being killed but not the machine losing power (docs/decisions/0002).

    The driver's implicit BEGIN is turned off and every transaction starts with
    BEGIN IMMEDIATE: a unit of work takes the write lock up front, so two writers wait for
    each other (busy_timeout) instead of failing mid-transaction with SQLITE_BUSY.
    """

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute(
            "PRAGMA synchronous=NORMAL" if synchronous == "normal" else "PRAGMA synchronous=FULL"
        )
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def ensure_private(path: Path) -> None:
    """Make a database or backup file readable by its owner only."""
    os.chmod(path, 0o600)


__all__ = ["AsyncSession", "Database", "head_revision", "sqlite_path"]
