"""Answers end to end through python-telegram-bot's HTTP stack and the local Bot API server:
the latency of one report answer beside a bare PTB echo bot on the same kind of server, and
the updates per second one bot process sustains with many leaders answering at once.

Each answer is sent once the bot waits for updates again, as a person's would be (seconds
apart): sent at once, it would also wait for the tail of the last reply, which the echo bot
(whose updater asks for updates while it still handles) hides. The local server answers in
microseconds, so these figures are the bot's own cost; with
Telegram's network each message adds tens of milliseconds to both bots alike, and Telegram
accepts at most about 30 messages a second from one bot (the rate limiter is set wide open
here to measure the process, not the limit).
"""

from __future__ import annotations

import gc
import itertools
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from bot.clock import FakeClock
from bot.config import AppConfig, GroupConfig, parse_config
from bot.local_api.local_bot import LocalBot
from bot.local_api.server import Chat, LocalBotApi, User
from tests.bench.figures import Figure
from tests.harness import MONDAY_MORNING

GROUP_ID = -1003000000000
QUESTIONS_PER_REPORT = 60  # count questions: every answer is a write and a reply, nothing else
OPEN = {"messages_per_second": 1000, "group_messages_per_minute": 10_000,
        "chat_messages_per_second": 1000}  # fmt: skip


@dataclass(frozen=True)
class Timed:
    """Round trips, one per answer, and the process's CPU time per answer over them (the bot,
    the local server and this driver share the process, alike for both bots)."""

    samples: list[float]
    cpu: float

    @property
    def median(self) -> float:
        return statistics.median(self.samples)


def throughput_config(
    api: LocalBotApi, db_path: Path, leaders: int, synchronous: str = "full"
) -> AppConfig:
    ids = itertools.count(800_000_000)
    data: dict[str, Any] = {
        "scheduler": {"tick_seconds": 0},
        "telegram": {"api_base_url": api.base_url, "poll_timeout": 5, "limits": OPEN},
        "storage": {"url": f"sqlite+aiosqlite:///{db_path}", "synchronous": synchronous},
        "logging": {"level": "WARNING"},
        "groups": [{
            "chat_id": GROUP_ID, "name": "Nhóm đo tốc độ", "secretariat": [next(ids)],
            "organizations": [{"code": f"tc{o}", "name": f"Tổ chức {o}", "leaders": [next(ids)]}
                              for o in range(leaders)],
            "questions": [{"key": f"so_{q}", "text": f"Chỉ tiêu {q}", "kind": "count"}
                          for q in range(QUESTIONS_PER_REPORT)],
        }],
    }  # fmt: skip
    return parse_config(data)


async def open_reports(
    bot: LocalBot, api: LocalBotApi, group: GroupConfig | None = None
) -> list[tuple[Chat, User]]:
    """Every leader (of the first group) opens a report in private: the bot then waits for
    answer 1."""
    leaders = []
    for organization in (group or bot.config.groups[0]).organizations:
        user = api.user(organization.leaders[0], f"Lãnh đạo {organization.code}")
        chat = api.private_chat(user)
        api.send(chat, user, "/baocao")
        leaders.append((chat, user))
    await bot.settle()
    api.mark_read()
    return leaders


async def report_answer_latency(workdir: Path, *, answers: int, synchronous: str = "full") -> Timed:
    """Seconds from a leader's answer to the bot's next question, one answer at a time."""
    api = LocalBotApi()
    await api.start()
    try:
        path = workdir / f"latency-{synchronous}.db"
        config = throughput_config(api, path, leaders=1, synchronous=synchronous)
        async with LocalBot(api, config, FakeClock(MONDAY_MORNING)) as bot:
            [(chat, user)] = await open_reports(bot, api)
            gc.collect()  # not the garbage of an earlier run: each is charged its own
            samples: list[float] = []
            cpu = time.process_time()
            for number in range(min(answers, QUESTIONS_PER_REPORT)):
                await api.wait_polling()  # the bot at rest, as when a person answers
                started = time.perf_counter()
                api.send(chat, user, str(100 + number))
                await api.next_message(chat.id)
                samples.append(time.perf_counter() - started)
            cpu = time.process_time() - cpu
    finally:
        await api.stop()
    return Timed(samples, cpu / len(samples))


async def echo_latency(*, messages: int) -> Timed:
    """The same round trip for a bare PTB echo bot (Application, long polling, reply_text)."""
    api = LocalBotApi()
    await api.start()

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        assert update.message.text is not None
        await update.message.reply_text(update.message.text)

    application = Application.builder().token(api.token).base_url(api.base_url).build()
    application.add_handler(MessageHandler(filters.TEXT, echo))
    try:
        async with application:
            await application.start()
            assert application.updater is not None
            await application.updater.start_polling(timeout=5)
            user = api.user(900_000_001, "Người thử")
            chat = api.private_chat(user)
            samples: list[float] = []
            cpu = 0.0
            for number in range(messages + 1):
                await api.wait_polling()
                if number == 1:  # the first carries PTB's warm-up
                    gc.collect()
                    samples, cpu = [], time.process_time()
                started = time.perf_counter()
                api.send(chat, user, str(100 + number))
                await api.next_message(chat.id)
                samples.append(time.perf_counter() - started)
            cpu = time.process_time() - cpu
            await application.updater.stop()
            await application.stop()
    finally:
        await api.stop()
    return Timed(samples, cpu / len(samples))


async def answers_per_second(
    workdir: Path, *, leaders: int, rounds: int
) -> tuple[int, float, float]:
    """``leaders`` answer at once, ``rounds`` times; (updates handled, seconds, CPU seconds)."""
    api = LocalBotApi()
    await api.start()
    try:
        config = throughput_config(api, workdir / "throughput.db", leaders=leaders)
        async with LocalBot(api, config, FakeClock(MONDAY_MORNING)) as bot:
            people = await open_reports(bot, api)
            gc.collect()
            started, cpu = time.perf_counter(), time.process_time()
            for number in range(rounds):
                for chat, user in people:
                    api.send(chat, user, str(100 + number))
                await api.wait_until(
                    lambda: all(len(api.unread(chat.id)) == 1 for chat, _ in people), timeout=600
                )
                api.mark_read()
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    finally:
        await api.stop()
    return leaders * rounds, seconds, cpu


async def answer_figures(workdir: Path, *, answers: int, leaders: int,
                         rounds: int) -> list[Figure]:  # fmt: skip
    ours = await report_answer_latency(workdir, answers=answers)
    normal = await report_answer_latency(workdir, answers=answers, synchronous="normal")
    echo = await echo_latency(messages=answers)
    handled, seconds, cpu = await answers_per_second(workdir, leaders=leaders, rounds=rounds)
    return [
        Figure("report answer, end to end (median)", ours.median * 1000, "ms",
               "update in, SQLite write, next question out"),
        Figure("bare PTB echo bot, same round trip (median)", echo.median * 1000, "ms"),
        Figure("report answer / echo bot", ours.median / echo.median, "x", "goal: at most 1.2"),
        Figure("the same, synchronous=normal", normal.median / echo.median, "x",
               f"{normal.median * 1000:.2f} ms: no fsync per commit (docs/decisions/0002)"),
        Figure("CPU per report answer", ours.cpu * 1000, "ms",
               "process time (bot and local server) / answers"),
        Figure("CPU per echo", echo.cpu * 1000, "ms", "the same for the echo bot"),
        Figure(f"answers per second, {leaders} leaders at once", handled / seconds, "1/s",
               f"{handled:,} answers in {seconds:.1f} s, CPU {cpu / handled * 1000:.2f} ms each"),
    ]  # fmt: skip
