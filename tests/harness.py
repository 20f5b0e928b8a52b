"""The configuration and the local bot the end-to-end tests drive."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.config import AppConfig, parse_config
from bot.local_api.local_bot import LocalBot
from bot.local_api.server import BotMessage, LocalBotApi

TOKEN = "123456789:LOCAL-TEST-TOKEN"
GROUP_ID = -1001000000001
SECRETARY_ID = 500001
YOUTH_LEADER_ID = 500011
FARMERS_LEADER_ID = 500021
# Monday 23 November 2026, 09:00 in Hồ Chí Minh City: week 2026-W48.
MONDAY_MORNING = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)

# The schedule these tests were written against (the default has Thursday's).
FRIDAY_DEADLINE = {"reminder": "thursday 17:00", "deadline": "friday 17:00"}

BASE_CONFIG: dict[str, Any] = {
    "scheduler": {"tick_seconds": 0},  # tests run the week's tick themselves
    "telegram": {"poll_timeout": 5, "limits": {"messages_per_second": 1000,
                                               "group_messages_per_minute": 10000,
                                               "chat_messages_per_second": 1000}},
    "groups": [
        {
            "chat_id": GROUP_ID,
            "name": "MTT-CTXH thử nghiệm",
            "schedule": FRIDAY_DEADLINE,
            "secretariat": [SECRETARY_ID],
            "organizations": [
                {"code": "tinh_doan", "name": "Tỉnh đoàn", "leaders": [YOUTH_LEADER_ID]},
                {"code": "hnd", "name": "Hội Nông dân tỉnh", "leaders": [FARMERS_LEADER_ID]},
            ],
            "questions": [
                {"key": "tuyen_truyen", "text": "Kết quả tuyên truyền trong tuần?"},
                {"key": "ho_kho_khan", "text": "Số hộ khó khăn được hỗ trợ", "kind": "count",
                 "unit": "hộ"},
                {"key": "kinh_phi", "text": "Kinh phí hỗ trợ", "kind": "money"},
                {"key": "nong_san", "text": "Nông sản đã tiêu thụ", "kind": "number",
                 "unit": "tấn", "organizations": ["hnd"]},
                {"key": "kien_nghi", "text": "Kiến nghị, đề xuất", "required": False,
                 "proposals": True},
            ],
        }
    ],
}  # fmt: skip


def make_config(api: LocalBotApi, db_path: Path, **overrides: Any) -> AppConfig:
    data = copy.deepcopy(BASE_CONFIG)
    data["telegram"]["api_base_url"] = api.base_url
    data["storage"] = {"url": f"sqlite+aiosqlite:///{db_path}"}
    for key, value in overrides.items():
        data[key] = value
    return parse_config(data)


class BotHarness(LocalBot):
    """The local bot, with what tests ask of it."""

    async def only_reply(self, chat_id: int) -> BotMessage:
        """Once the bot has handled everything, the single message it sent to ``chat_id``."""
        await self.settle()
        unread = self.api.unread(chat_id)
        assert len(unread) == 1, [m.plain_text for m in unread]
        return await self.api.next_message(chat_id)
