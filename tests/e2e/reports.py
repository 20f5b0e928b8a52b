"""Shared steps and database reads for the end-to-end reporting tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.local_api.server import BotMessage, Chat, LocalBotApi, User
from tests.harness import GROUP_ID, YOUTH_LEADER_ID, BotHarness


def answers(db_path: Path, organization: str) -> dict[str, tuple[str, str | None, int]]:
    with sqlite3.connect(db_path) as connection:
        rows = connection.execute(
            "SELECT a.question_key, a.text, a.value, a.skipped FROM answers a "
            "JOIN reports r ON r.id = a.report_id "
            "JOIN organizations o ON o.id = r.organization_id WHERE o.code = ?",
            (organization,),
        ).fetchall()
    return {key: (text, value, skipped) for key, text, value, skipped in rows}


def report_row(db_path: Path, organization: str) -> tuple[str, str | None] | None:
    with sqlite3.connect(db_path) as connection:
        row: tuple[str, str | None] | None = connection.execute(
            "SELECT r.state, r.submitted_at FROM reports r "
            "JOIN organizations o ON o.id = r.organization_id WHERE o.code = ?",
            (organization,),
        ).fetchone()
    return row


async def start_in_group(
    bot: BotHarness, api: LocalBotApi, leader_id: int, name: str
) -> tuple[User, BotMessage]:
    group = api.chats.get(GROUP_ID) or api.group(GROUP_ID, "MTT-CTXH", supergroup=True)
    leader = api.user(leader_id, name)
    api.send(group, leader, "/baocao")
    return leader, await bot.only_reply(group.id)


async def private_report_until_question_2(
    bot: BotHarness, api: LocalBotApi
) -> tuple[User, Chat, BotMessage]:
    leader = api.user(YOUTH_LEADER_ID, "An")
    chat = api.private_chat(leader)
    api.send(chat, leader, "/baocao")
    await bot.only_reply(chat.id)
    api.send(chat, leader, "Tuyên truyền 3 buổi.")
    more = await bot.only_reply(chat.id)
    api.press(more, leader, more.button("Xong"))
    return leader, chat, await bot.only_reply(chat.id)


async def private_report_until_the_last_question(
    bot: BotHarness, api: LocalBotApi
) -> tuple[User, Chat, BotMessage]:
    """Tỉnh đoàn's leader answers in private up to the optional last question (proposals),
    whose prompt, with its "Bỏ qua" button, is returned."""
    leader, chat, _ = await private_report_until_question_2(bot, api)
    api.send(chat, leader, "120")
    await bot.only_reply(chat.id)
    api.send(chat, leader, "2 triệu")
    return leader, chat, await bot.only_reply(chat.id)
