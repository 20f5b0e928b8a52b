"""Engine and session set-up, migrations, and the unit of work factory.

Alembic (with Mako and Pygments under it: 6.6 MiB resident, and 0.12 s of CPU to import it
and build a new database, against 12 ms from the models) is imported only when a database
needs migrating. The stored revision is read with one query, the newest from the migration
files' headers; a database at the newest revision is used as it is. A new, empty SQLite
database is created from the models and stamped with the newest revision (Alembic's recipe
for building a database from scratch); tests/storage/test_migrations.py keeps the two ways
to the newest schema the same. Other databases are built by the migrations.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Column, Connection, MetaData, PrimaryKeyConstraint, String, Table, event
from sqlalchemy import inspect as inspect_database
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from storage.models import Base
from storage.sqlite_driver import connector
from storage.uow import UnitOfWork

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

MIGRATIONS = "storage:migrations"
VERSIONS = Path(__file__).parent / "migrations" / "versions"
VERSION_TABLE = "alembic_version"  # Alembic's default; storage/migrations/env.py keeps it

_REVISION = re.compile(r"^revision\b[^=\n]*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision\b[^=\n]*=(.*)$", re.MULTILINE)
_QUOTED = re.compile(r"['\"]([^'\"]+)['\"]")


def sqlite_path(url: str | URL) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def alembic_config(url: str) -> AlembicConfig:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


@cache
def head_revision() -> str:
    """The newest revision, read from the migration files' ``revision`` and
    ``down_revision`` lines; Alembic answers if they do not name exactly one head."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in VERSIONS.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN_REVISION.search(source)
        if revision is None or down is None:
            continue  # not a migration (the package's __init__)
        revisions.add(revision.group(1))
        parents.update(_QUOTED.findall(down.group(1)))
    heads = revisions - parents
    if len(heads) == 1 and parents <= revisions:
        return heads.pop()
    return _alembic_head()


def _alembic_head() -> str:
    from alembic.script import ScriptDirectory

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
            revision = await connection.run_sync(_current_revision)
        return revision or ""

    def describe(self) -> str:
        """The database for messages: the file for SQLite, the URL without password otherwise."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    async def dispose(self) -> None:
        await self.engine.dispose()


def _upgrade(connection: Connection, url: str) -> None:
    """In the caller's transaction (on SQLite it holds the write lock, so a second process
    starting at the same time finds the work done)."""
    tables = set(inspect_database(connection).get_table_names())
    if not tables and connection.dialect.name == "sqlite":
        _create_newest(connection)
    elif VERSION_TABLE not in tables or _current_revision(connection) != head_revision():
        migrate(connection, url)


def migrate(connection: Connection, url: str) -> None:
    """Run the migrations from the database's revision to the newest, with Alembic."""
    from alembic import command

    config = alembic_config(url)
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def _create_newest(connection: Connection) -> None:
    """A new SQLite database: the models' tables, stamped with the newest revision as
    Alembic's ``stamp`` would write it. (The models leave PostgreSQL's partial indexes to
    the migrations: see storage/models.py.)"""
    Base.metadata.create_all(connection)
    versions = Table(
        VERSION_TABLE,
        MetaData(),
        Column("version_num", String(32), nullable=False),
        PrimaryKeyConstraint("version_num", name=f"{VERSION_TABLE}_pkc"),
    )
    versions.create(connection)
    connection.execute(versions.insert().values(version_num=head_revision()))


def _current_revision(connection: Connection) -> str | None:
    """The revision stored in the database (None before any); more than one (a database of
    branched migrations) is Alembic's to report."""
    if not inspect_database(connection).has_table(VERSION_TABLE):
        return None
    rows = connection.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").all()
    if len(rows) > 1:
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(connection).get_current_revision()
    return str(rows[0][0]) if rows else None


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
