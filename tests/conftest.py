from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.local_api.server import LocalBotApi
from tests.harness import MONDAY_MORNING, TOKEN, BotHarness, make_config

# As build_application does: PTB durations are timedeltas (see bot/app.py).
os.environ.setdefault("PTB_TIMEDELTA", "1")


@pytest.fixture
async def api() -> AsyncIterator[LocalBotApi]:
    server = LocalBotApi(TOKEN)
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MONDAY_MORNING)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "giaoban.db"


@pytest.fixture
async def bot(api: LocalBotApi, clock: FakeClock, db_path: Path) -> AsyncIterator[BotHarness]:
    harness = BotHarness(api, make_config(api, db_path), clock)
    await harness.start()
    yield harness
    await harness.stop()
