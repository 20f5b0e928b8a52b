"""The architecture's rules, checked: a pure core; services that know no words and no
Telegram; views that know no storage; a command line that loads the local test server only
for the demo; and one reader of the clock."""

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
SERVICES = sorted((ROOT / "bot" / "services").rglob("*.py"))
VIEWS = sorted((ROOT / "bot" / "views").rglob("*.py"))
PRODUCT = [
    p
    for folder in ("bot", "handlers", "storage")
    for p in sorted((ROOT / folder).rglob("*.py"))
    if "local_api" not in p.parts
]


def imported_modules(path: Path, *, top_level_only: bool = False) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    return _names(nodes)


def _names(nodes: list[ast.stmt] | list[ast.AST]) -> set[str]:
    names: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _within(module: str, *packages: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


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


@pytest.mark.parametrize("path", SERVICES, ids=lambda p: str(p.relative_to(ROOT)))
def test_services_import_no_views_no_catalogue_and_no_telegram(path: Path) -> None:
    # What the week's messages need worded is handed to them (bot.services.words).
    bad = {
        m
        for m in imported_modules(path)
        if _within(m, "bot.views", "bot.i18n", "telegram", "handlers", "bot.telegram_bot")
    }
    assert not bad


@pytest.mark.parametrize("path", VIEWS, ids=lambda p: str(p.relative_to(ROOT)))
def test_views_import_no_storage_and_no_telegram(path: Path) -> None:
    bad = {m for m in imported_modules(path) if _within(m, "storage", "sqlalchemy", "telegram")}
    assert not bad


def test_the_command_line_loads_the_local_test_server_only_for_the_demo() -> None:
    cli = ROOT / "bot" / "cli.py"
    tree = ast.parse(cli.read_text(encoding="utf-8"))
    test_server = ("bot.local_api", "bot.demo", "aiohttp")
    at_top = {m for m in _names(tree.body) if _within(m, *test_server)}
    elsewhere = {
        (function.name, m)
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        for m in _names(list(ast.walk(function)))
        if _within(m, *test_server) and "demo" not in function.name
    }
    assert not at_top
    assert not elsewhere
