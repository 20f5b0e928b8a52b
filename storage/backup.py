"""A consistent copy of a live SQLite database, using SQLite's online backup API."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def backup_sqlite(source: Path, out: Path, *, busy_timeout_ms: int = 5000) -> int:
    """Copy ``source`` to ``out`` while the bot may be writing; return the copy's size.

    The copy is one read transaction (a snapshot: in WAL mode writers are not blocked),
    written next to ``out`` first and renamed into place, so ``out`` is never half-written.
    It is created readable by its owner only.
    """
    if not source.exists():
        raise FileNotFoundError(f"no database at {source}")
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)
    os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    try:
        # Read-only URI: a mistyped path must not create an empty database.
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            src.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                # A standalone file: no -wal beside it is needed to read the copy.
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(partial, out)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return out.stat().st_size
