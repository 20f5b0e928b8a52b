"""Start-up's own costs: Telegram asked about groups the config stopped naming through one
Bot, not one each; the command line loading neither the bot nor its libraries to read its
arguments; the garbage collector paused during start-up and collecting again afterwards."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from bot.clock import FakeClock
from bot.config import parse_config
from bot.local_api.server import LocalBotApi
from bot.runner import open_database
from tests.harness import MONDAY_MORNING
from tests.unit.test_config import MINIMAL

ROOT = Path(__file__).parents[2]


def config_naming(api: LocalBotApi, db_path: Path, chat_ids: list[int]) -> Any:
    data = copy.deepcopy(MINIMAL)
    data["telegram"] = {"api_base_url": api.base_url}
    data["storage"] = {"url": f"sqlite+aiosqlite:///{db_path}"}
    group = data["groups"][0]
    data["groups"] = [{**group, "chat_id": chat_id} for chat_id in chat_ids]
    return parse_config(data)


async def test_groups_the_config_stopped_naming_are_asked_about_through_one_bot(
    api: LocalBotApi, tmp_path: Path
) -> None:
    clock, db_path = FakeClock(MONDAY_MORNING), tmp_path / "giaoban.db"
    before = config_naming(api, db_path, [-1001, -1002, -1003])
    db = await open_database(before, clock, token=api.token)
    await db.dispose()
    assert [c.method for c in api.calls] == []  # nothing to ask: no Bot opened at all

    after = config_naming(api, db_path, [-1004])
    db = await open_database(after, clock, token=api.token)
    await db.dispose()
    methods = [c.method for c in api.calls]
    assert methods.count("getChat") == 3
    assert methods.count("getMe") == 1


def test_the_command_line_reads_its_arguments_without_the_bot_or_its_libraries() -> None:
    program = (
        "import sys\n"
        "import bot.cli\n"
        "print(sorted({m.split('.')[0] for m in sys.modules}"
        " & {'telegram', 'sqlalchemy', 'alembic', 'aiohttp', 'handlers'}))\n"
        "print('bot.runner' in sys.modules, 'bot.app' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stdout.splitlines() == ["[]", "False False"]
