"""How a database reaches the newest schema: a new one from the models, stamped; one at an
older revision through Alembic's migrations; one already at the newest as it is, without
importing Alembic. The two ways to a new database must give the same schema."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, create_engine, select

from storage.database import Database, alembic_config, head_revision, migrate
from storage.models import Base, Group

ROOT = Path(__file__).parents[2]


def _url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


def _earlier_revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    return [r.revision for r in script.walk_revisions() if r.revision != head_revision()]


@contextmanager
def _connection(path: Path) -> Iterator[Connection]:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            yield connection
    finally:
        engine.dispose()


def _migrate(path: Path, revision: str = "head") -> None:
    """The database at ``path`` brought to ``revision`` by Alembic alone."""
    with _connection(path) as connection:
        if revision == "head":
            migrate(connection, _url(path))
        else:
            config = alembic_config(_url(path))
            config.attributes["connection"] = connection
            command.upgrade(config, revision)


def _clauses(sql: str) -> tuple[str, list[str]]:
    """A CREATE TABLE statement as its head and its clauses (columns and constraints) in
    order of text: columns added later by ALTER TABLE come last in a migrated table."""
    sql = " ".join(sql.split())
    head, _, body = sql.partition("(")
    body = body[: body.rindex(")")]
    clauses, depth, start = [], 0, 0
    for i, char in enumerate(body):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            clauses.append(body[start:i].strip())
            start = i + 1
    clauses.append(body[start:].strip())
    return head.strip(), sorted(clauses)


@dataclass
class Schema:
    tables: dict[str, tuple[str, list[str]]]  # name: CREATE TABLE head and clauses
    others: dict[str, str | None]  # indexes (and any trigger or view): their SQL
    rows: dict[str, list[Any]]


def _schema(path: Path) -> Schema:
    """Every table (its clauses, in any order), index and row of a SQLite file."""
    schema = Schema({}, {}, {})
    with sqlite3.connect(path) as connection:
        objects = connection.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ).fetchall()
        for kind, name, sql in objects:
            if kind == "table":
                schema.tables[name] = _clauses(sql)
                schema.rows[name] = sorted(connection.execute(f'SELECT * FROM "{name}"'))
            else:
                schema.others[f"{kind} {name}"] = " ".join(sql.split()) if sql else None
    return schema


async def _upgrade(path: Path) -> str:
    db = Database(_url(path))
    try:
        return await db.upgrade()
    finally:
        await db.dispose()


def test_the_newest_revision_is_read_from_the_migration_files_as_alembic_reads_it() -> None:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert head_revision() == script.get_current_head()


async def test_a_new_database_has_the_schema_the_migrations_build(tmp_path: Path) -> None:
    migrated, created = tmp_path / "migrated.db", tmp_path / "created.db"
    _migrate(migrated)
    assert await _upgrade(created) == head_revision()
    assert _schema(created) == _schema(migrated)
    # And the models are what the migrations build (Alembic's own comparison).
    with _connection(migrated) as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_the_schema_comparison_sees_a_missing_constraint(tmp_path: Path) -> None:
    _migrate(tmp_path / "a.db")
    _migrate(tmp_path / "b.db")
    with sqlite3.connect(tmp_path / "b.db") as connection:
        (index,) = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL LIMIT 1"
        ).fetchone()
        connection.execute(f"DROP INDEX {index}")
    assert _schema(tmp_path / "a.db") != _schema(tmp_path / "b.db")
    clauses = _clauses("CREATE TABLE t (a INT, b NUMERIC(3, 1), CHECK (a IN (1, 2)))")
    assert clauses == ("CREATE TABLE t", ["CHECK (a IN (1, 2))", "a INT", "b NUMERIC(3, 1)"])


@pytest.mark.parametrize("revision", _earlier_revisions())
async def test_a_database_at_an_earlier_revision_is_migrated_with_its_rows_kept(
    tmp_path: Path, revision: str
) -> None:
    path = tmp_path / "old.db"
    _migrate(path, revision)
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO groups (chat_id, name, timezone, language, created_at) "
            "VALUES (-1001, 'Nhóm', 'Asia/Ho_Chi_Minh', 'vi', '2026-11-23 02:00:00')"
        )
    assert await _upgrade(path) == head_revision()
    _migrate(tmp_path / "new.db")
    old, new = _schema(path), _schema(tmp_path / "new.db")
    assert (old.tables, old.others) == (new.tables, new.others)
    db = Database(_url(path))
    try:
        async with db.unit_of_work() as uow:
            groups = list(await uow.session.scalars(select(Group)))
    finally:
        await db.dispose()
    assert [(g.chat_id, g.name) for g in groups] == [(-1001, "Nhóm")]


def test_opening_a_new_or_an_up_to_date_database_does_not_import_alembic(
    tmp_path: Path,
) -> None:
    program = (
        "import asyncio, sys\n"
        "from storage.database import Database\n"
        "async def main(url):\n"
        "    for _ in range(2):\n"
        "        db = Database(url)\n"
        "        print(await db.upgrade(), await db.current_revision())\n"
        "        await db.dispose()\n"
        "asyncio.run(main(sys.argv[1]))\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'alembic', 'mako'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program, _url(tmp_path / "giaoban.db")],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    head = head_revision()
    assert result.stdout.splitlines() == [f"{head} {head}", f"{head} {head}", "[]"]


def test_a_database_without_a_revision_but_with_tables_is_left_to_alembic(
    tmp_path: Path,
) -> None:
    # Not ours to guess about: Alembic runs from the first migration and refuses, as before.
    path = tmp_path / "foreign.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE groups (id INTEGER PRIMARY KEY)")
    program = (
        "import asyncio, sys\n"
        "from storage.database import Database\n"
        "asyncio.run(Database(sys.argv[1]).upgrade())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program, _url(path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert re.search(r"table .?groups.? already exists", result.stderr)
