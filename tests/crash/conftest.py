"""The bot as a separate process against the local Bot API server in the test process."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.local_api.server import LocalBotApi
from tests.crash.test_sigkill import TOKEN, Supervisor


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[tuple[LocalBotApi, Supervisor]]:
    api = LocalBotApi(TOKEN)
    await api.start()
    supervisor = Supervisor(api, tmp_path)
    try:
        yield api, supervisor
    finally:
        await supervisor.stop()
        await api.stop()
