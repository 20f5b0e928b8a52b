"""SQLite for SQLAlchemy's asyncio engine, run on the event loop's own thread.

aiosqlite sends every call to a worker thread and waits for the answer: SQLAlchemy makes
three or four such calls per statement (cursor, execute, fetch, close), about 0.1 ms each on
the 2-core machine, where the statement itself takes some microseconds. A report answer runs
about fifteen statements, so the hops were most of its cost (answer 12.8 ms against 2.4 ms
for a bare echo bot). Here the calls run where they are made; the driver shape is
aiosqlite's, which SQLAlchemy's ``sqlite+aiosqlite`` dialect drives unchanged.

What a thread protected the loop from is waiting for a lock held by another process. That
wait is done here with ``asyncio.sleep``: SQLite's own busy timeout is 0 and a statement
refused with SQLITE_BUSY is tried again until ``busy_timeout`` has passed, so other chats
are served meanwhile. Every unit of work begins with BEGIN IMMEDIATE, the one statement that
takes the write lock, so that is where such waits happen.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar

T = TypeVar("T")

_BUSY = sqlite3.SQLITE_BUSY
# A stale snapshot is not cured by waiting (SQLite gives up at once too).
_BUSY_SNAPSHOT = 517
_FIRST_PAUSE, _LONGEST_PAUSE = 0.001, 0.05


class LoopCursor:
    """An aiosqlite cursor's shape over a sqlite3 cursor."""

    def __init__(self, connection: LoopConnection) -> None:
        self._connection = connection
        self._cursor = connection.open().cursor()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._cursor.close()

    async def execute(self, sql: str, parameters: Any = ()) -> Self:
        await self._connection.run(lambda: self._cursor.execute(sql, parameters))
        return self

    async def executemany(self, sql: str, parameters: Iterable[Any]) -> Self:
        rows = list(parameters)  # retried whole if refused busy, so not a one-pass iterator
        await self._connection.run(lambda: self._cursor.executemany(sql, rows))
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(self._cursor.arraysize if size is None else size)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()

    async def nextset(self) -> None:
        return None

    async def setinputsizes(self, *sizes: Any) -> None:
        return None

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value


class _RunNow:
    """Stands in for aiosqlite's request queue, which SQLAlchemy's adapter uses to set
    ``isolation_level``: the request is carried out at once."""

    def put_nowait(self, item: tuple[asyncio.Future[Any], Callable[[], Any]]) -> None:
        future, function = item
        try:
            future.set_result(function())
        except Exception as error:  # handed to whoever awaits the future, as aiosqlite does
            future.set_exception(error)


class LoopConnection:
    """An aiosqlite connection's shape over a sqlite3 connection used on the loop's thread."""

    def __init__(self, conn: sqlite3.Connection, busy_timeout: float) -> None:
        self._conn: sqlite3.Connection | None = conn
        self._busy_timeout = busy_timeout
        self._tx = _RunNow()

    @property
    def _connection(self) -> sqlite3.Connection | None:  # read by SQLAlchemy's adapter
        return self._conn

    @property
    def isolation_level(self) -> str | None:
        return self.open().isolation_level

    @isolation_level.setter
    def isolation_level(self, value: str | None) -> None:
        self.open().isolation_level = value  # type: ignore[assignment]  # any BEGIN mode

    def open(self) -> sqlite3.Connection:
        if self._conn is None:
            raise ValueError("Connection closed")
        return self._conn

    async def run(self, call: Callable[[], T]) -> T:
        """``call()``, tried again while another connection holds the lock, for up to the busy
        timeout; the loop serves others meanwhile."""
        pause, deadline = _FIRST_PAUSE, None
        while True:
            try:
                return call()
            except sqlite3.OperationalError as error:
                code = getattr(error, "sqlite_errorcode", 0)
                if code & 0xFF != _BUSY or code == _BUSY_SNAPSHOT:
                    raise
                now = time.monotonic()
                deadline = now + self._busy_timeout if deadline is None else deadline
                if now >= deadline:
                    raise
                await asyncio.sleep(min(pause, deadline - now))
                pause = min(pause * 2, _LONGEST_PAUSE)

    def cursor(self) -> LoopCursor:
        return LoopCursor(self)

    async def commit(self) -> None:
        await self.run(self.open().commit)

    async def rollback(self) -> None:
        await self.run(self.open().rollback)

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        self.open().create_function(*args, **kwargs)

    async def close(self) -> None:
        self.stop()

    def stop(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def connector(path: Path, busy_timeout_ms: int) -> Callable[[], Any]:
    """The ``async_creator`` for ``create_async_engine``: a new connection to ``path``."""

    async def connect() -> LoopConnection:
        # check_same_thread off: the pool may close a connection from the garbage collector.
        conn = sqlite3.connect(path, timeout=0, isolation_level=None,
                               check_same_thread=False)  # fmt: skip
        return LoopConnection(conn, busy_timeout_ms / 1000)

    return connect
