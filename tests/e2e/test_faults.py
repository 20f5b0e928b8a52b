"""Faults from outside: the Bot API failing for a while (server errors, dropped connections),
the database locked by another process. The bot keeps running, says when it could not save,
never pretends it did, and catches up when the fault ends."""

from __future__ import annotations

import asyncio
import sqlite3
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.local_api.server import LocalBotApi
from tests.e2e.reports import answers, private_report_until_question_2
from tests.harness import MONDAY_MORNING, BotHarness, make_config

NOT_SAVED = "⚠️ Chưa lưu được tin nhắn này"


@pytest.fixture
async def quick_bot(api: LocalBotApi, db_path: Path) -> AsyncIterator[BotHarness]:
    """A bot whose database waits at most one second for a lock (the default is five)."""
    config = make_config(
        api, db_path, storage={"url": f"sqlite+aiosqlite:///{db_path}", "busy_timeout_ms": 1000}
    )
    async with BotHarness(api, config, FakeClock(MONDAY_MORNING)) as bot:
        yield bot


class Locker:
    """Another process holding SQLite's write lock on the bot's database."""

    def __init__(self, db_path: Path, seconds: float) -> None:
        self.db_path, self.seconds = db_path, seconds
        self.process: asyncio.subprocess.Process | None = None

    async def __aenter__(self) -> Locker:
        script = (
            "import sqlite3, sys, time\n"
            "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "c.execute('BEGIN IMMEDIATE')\n"
            "print('locked', flush=True)\n"
            "time.sleep(float(sys.argv[2]))\n"
            "c.execute('COMMIT')\n"
        )
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            script,
            str(self.db_path),
            str(self.seconds),
            stdout=asyncio.subprocess.PIPE,
        )
        assert self.process.stdout is not None
        assert await self.process.stdout.readline() == b"locked\n"
        return self

    async def released(self) -> None:
        assert self.process is not None
        await self.process.wait()

    async def __aexit__(self, *exc: object) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.kill()
            await self.process.wait()


async def test_a_lock_shorter_than_the_busy_timeout_only_delays_the_answer(
    quick_bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    leader, chat, _ = await private_report_until_question_2(quick_bot, api)

    async with Locker(db_path, 0.3):
        api.send(chat, leader, "120")
        reply = await quick_bot.only_reply(chat.id)

    assert "Câu 3/4" in (reply.plain_text or "")
    assert answers(db_path, "tinh_doan")["ho_kho_khan"] == ("120", "120", 0)


async def test_a_longer_lock_is_told_as_not_saved_and_the_answer_is_taken_once_it_ends(
    quick_bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    leader, chat, _ = await private_report_until_question_2(quick_bot, api)

    async with Locker(db_path, 3) as locker:
        api.send(chat, leader, "120")
        refused = await quick_bot.only_reply(chat.id)
        assert (refused.plain_text or "").startswith(NOT_SAVED)
        await locker.released()
    assert "ho_kho_khan" not in answers(db_path, "tinh_doan")  # never pretends

    api.send(chat, leader, "120")
    reply = await quick_bot.only_reply(chat.id)
    assert "Câu 3/4" in (reply.plain_text or "")
    assert answers(db_path, "tinh_doan")["ho_kho_khan"] == ("120", "120", 0)


async def test_polling_survives_server_errors_and_dropped_connections(
    bot: BotHarness, api: LocalBotApi
) -> None:
    leader, chat, _ = await private_report_until_question_2(bot, api)
    api.fail("getUpdates", error_code=502)
    api.fail("getUpdates", drop=True)
    await api.wait_until(lambda: not api.faults, timeout=30)

    api.send(chat, leader, "120")
    reply = await api.next_message(chat.id, timeout=30)
    assert "Câu 3/4" in (reply.plain_text or "")


@pytest.mark.parametrize("drop", [False, True], ids=["server-error", "dropped-connection"])
async def test_an_answer_whose_reply_could_not_be_sent_is_answered_when_telegram_is_back(
    bot: BotHarness, api: LocalBotApi, db_path: Path, drop: bool
) -> None:
    leader, chat, _ = await private_report_until_question_2(bot, api)
    api.fail("sendMessage", error_code=502, times=2, drop=drop)

    api.send(chat, leader, "120")
    reply = await api.next_message(chat.id, timeout=30)

    # Saved at once; the reply went out when Telegram answered again, and only once.
    assert "Câu 3/4" in (reply.plain_text or "")
    await bot.settle()
    assert api.unread(chat.id) == []
    assert answers(db_path, "tinh_doan")["ho_kho_khan"] == ("120", "120", 0)
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


async def test_a_reply_that_times_out_is_answered_again_and_the_answer_kept_once(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    leader, chat, _ = await private_report_until_question_2(bot, api)
    # Longer than python-telegram-bot's 5 s read timeout: the bot gives up on the reply
    # (which Telegram, slow, still delivers), and answers again when the update comes back.
    api.fail("sendMessage", delay=6)
    seen = len(api.messages_to(chat.id))

    api.send(chat, leader, "120")
    # The late reply, and the one sent again: both say where the report stands.
    await api.wait_until(lambda: len(api.messages_to(chat.id)) >= seen + 2, timeout=60)
    await bot.settle()

    replies = [m.plain_text or "" for m in api.messages_to(chat.id)[seen:]]
    assert len(replies) == 2
    assert all("Câu 3/4" in reply for reply in replies)
    assert answers(db_path, "tinh_doan")["ho_kho_khan"] == ("120", "120", 0)


async def test_a_reply_telegram_is_slow_to_take_holds_up_no_other_chat(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    leader, chat, _ = await private_report_until_question_2(bot, api)
    api.fail("sendMessage", delay=4)  # the next reply: Telegram takes 4 s to accept it
    slow_reply_sent = asyncio.Event()
    api.on_call = lambda method, params, stage, port: (
        slow_reply_sent.set() if method == "sendMessage" and stage == "arrived" else None
    )
    api.send(chat, leader, "120")
    await asyncio.wait_for(slow_reply_sent.wait(), timeout=10)
    api.on_call = None
    stranger = api.user(990_000_001, "Người lạ")
    elsewhere = api.private_chat(stranger)

    api.send(elsewhere, stranger, "/start")
    await api.wait_until(lambda: bool(api.messages_to(elsewhere.id)), timeout=10)

    # Answered while the leader's reply is still on its way, not after it.
    assert not [m for m in api.messages_to(chat.id) if "Câu 3/4" in (m.plain_text or "")]
    await api.wait_until(
        lambda: any("Câu 3/4" in (m.plain_text or "") for m in api.messages_to(chat.id)),
        timeout=10,
    )
    await bot.settle()
    assert answers(db_path, "tinh_doan")["ho_kho_khan"] == ("120", "120", 0)
