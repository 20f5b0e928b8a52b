"""The service tier: every service over a real SQLite file, wired as the bot wires them, with
no Telegram in sight. A use case is a call; its outcome and the database are what is checked."""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from bot.clock import FakeClock
from bot.config import AppConfig, parse_config
from bot.services.container import Services, build_services
from bot.services.roster import sync_roster
from bot.views.weekly import WeekTexts
from storage.database import Database
from tests.harness import BASE_CONFIG, MONDAY_MORNING

Open = Callable[[], Awaitable[Services]]


def config_for(db_path: Path, **overrides: Any) -> AppConfig:
    data = copy.deepcopy(BASE_CONFIG)
    data["storage"] = {"url": f"sqlite+aiosqlite:///{db_path}"}
    data.update(overrides)
    return parse_config(data)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MONDAY_MORNING)


@pytest.fixture
async def open_services(tmp_path: Path, clock: FakeClock) -> AsyncIterator[Open]:
    """Opens the services as a start of the bot does; called again, it is a restart over the
    same file (what was in memory is gone)."""
    databases: list[Database] = []
    config = config_for(tmp_path / "giaoban.db")

    async def open_() -> Services:
        db = Database(config.storage.url)
        databases.append(db)
        await db.upgrade()
        await sync_roster(db, config, now=clock.now())
        return build_services(config, clock=clock, database=db, words=WeekTexts())

    yield open_
    for db in databases:
        await db.dispose()


@pytest.fixture
async def services(open_services: Open) -> Services:
    return await open_services()
