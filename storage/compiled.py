"""Statements of the answer path, compiled once and run on the unit of work's sqlite3
connection.

Through the session, a small Core statement costs about 80 µs of SQLAlchemy's execution
machinery (execution context, result set-up, events, a greenlet), where sqlite3 itself takes
a few: a report answer ran twelve. What SQLAlchemy decides stays its own: the statement is
compiled by the engine's dialect, once, and each value goes through its column type's bind
processor (aware datetimes to naive UTC text, enums to their values, booleans to 0 or 1),
exactly as SQLAlchemy would send it. Rows come back as sqlite3 gives them (integers, text,
None), so only statements whose results need no conversion are run this way.

Each runs inside the unit of work's transaction: pending ORM changes are flushed first, as
the session's autoflush would, and the connection is the one the session holds (a busy
database is waited for as for any statement, asleep on the loop). On any other driver (an
in-memory database on aiosqlite), the statement simply goes through the session.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Dialect, Executable
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.compiler import Compiled as SQLCompiled
from sqlalchemy.sql.elements import ClauseElement

from storage.sqlite_driver import LoopConnection

_DRIVER = "giaoban.driver"  # the session's sqlite3 connection, in ``session.info``
Processor = Callable[[Any], Any] | None


class Compiled:
    """A Core statement (with named ``bindparam``s, or an INSERT of ``keys``), compiled for
    the engine's dialect on first use."""

    def __init__(self, statement: Executable, keys: Sequence[str] | None = None) -> None:
        assert isinstance(statement, ClauseElement)
        self.statement: Executable = statement
        self._clause: ClauseElement = statement
        self._keys = list(keys) if keys is not None else None
        self._ready: tuple[SQLCompiled, str, list[tuple[str, Processor]]] | None = None

    def _prepare(self, dialect: Dialect) -> tuple[SQLCompiled, str, list[tuple[str, Processor]]]:
        if self._ready is None:
            compiled = self._clause.compile(dialect=dialect, column_keys=self._keys)
            names = compiled.positiontup or []  # type: ignore[attr-defined]
            binds = compiled.binds  # type: ignore[attr-defined]
            processors = [
                (name, binds[name].type.dialect_impl(dialect).bind_processor(dialect))
                for name in names
            ]
            self._ready = (compiled, compiled.string, processors)
        return self._ready

    def parameters(self, dialect: Dialect, values: dict[str, Any]) -> tuple[str, list[Any]]:
        """The SQL and its positional parameters for ``values``."""
        compiled, sql, processors = self._prepare(dialect)
        given = compiled.construct_params(values)
        assert given is not None
        return sql, [given[name] if p is None else p(given[name]) for name, p in processors]


async def run(session: AsyncSession, statement: Compiled, values: dict[str, Any]) -> Result:
    """Run ``statement`` with ``values`` in the session's transaction."""
    if session.new or session.dirty or session.deleted:
        await session.flush()
    # The connection of the transaction under way; a new transaction may hold another one.
    driver = session.info.get(_DRIVER) if session.in_transaction() else None
    if driver is None:
        connection = await session.connection()
        driver = (await connection.get_raw_connection()).driver_connection
        if not isinstance(driver, LoopConnection):
            result = await session.execute(statement.statement, values)
            rows = result.all() if getattr(result, "returns_rows", False) else []
            return Result(list(rows), getattr(result, "rowcount", -1))
        session.info[_DRIVER] = driver
    sql, parameters = statement.parameters(session.get_bind().dialect, values)
    sqlite = driver.open()

    def call() -> Result:
        cursor = sqlite.execute(sql, parameters)
        rows = cursor.fetchall()
        return Result(rows, cursor.rowcount)

    return await driver.run(call)


class Result:
    """Rows (tuples) and the count of rows changed."""

    __slots__ = ("rowcount", "rows")

    def __init__(self, rows: list[Any], rowcount: int) -> None:
        self.rows, self.rowcount = rows, rowcount
