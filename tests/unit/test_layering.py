"""The architecture's rules, checked: a pure core, and one reader of the clock."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
CORE = sorted((ROOT / "bot" / "core").rglob("*.py"))
# datetime.now(), date.today(), time.time()...; an injected clock.now() is the allowed way.
READS_REAL_TIME = re.compile(r"(^|\.)(datetime|date)\.(now|utcnow|today)$|(^|\.)time\.time$")
FORBIDDEN_IN_CORE = ("telegram", "sqlalchemy", "asyncio", "aiohttp", "storage", "handlers")
# Modules that run the product; the local Bot API server stands in for Telegram, outside it.
PRODUCT = [
    p
    for folder in ("bot", "handlers", "storage")
    for p in sorted((ROOT / folder).rglob("*.py"))
    if "local_api" not in p.parts
]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_core_imports_no_telegram_database_or_event_loop(path: Path) -> None:
    bad = {m for m in imported_modules(path) if m.split(".")[0] in FORBIDDEN_IN_CORE}
    assert not bad


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_core_imports_only_the_standard_library_and_itself(path: Path) -> None:
    outside = {
        m
        for m in imported_modules(path)
        if m.split(".")[0] not in sys.stdlib_module_names and not m.startswith("bot.core")
    }
    assert not outside


@pytest.mark.parametrize("path", PRODUCT, ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_clock_reads_the_time(path: Path) -> None:
    if path == ROOT / "bot" / "clock.py":
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = {
        ast.unparse(node.func)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }
    readers = {c for c in calls if READS_REAL_TIME.search(c)}
    assert not readers
