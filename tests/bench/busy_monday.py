"""Replies on a busy Monday: 200 leaders answering at once while forty groups' digests and
charts are due, beside the same 200 leaders on a quiet day (the reference, measured in the
same run, with the same bot).

Each leader's latency is from the moment their answer is injected to the moment the bot's
next question reaches the server. The bot, the local server and the leaders share one
process and event loop, as in the other answer benchmarks; the charts are drawn in the bot's
worker process (``bot.exports.painter``), which is what keeps the two figures close.
"""

from __future__ import annotations

import asyncio
import copy
import itertools
import statistics
import time
from pathlib import Path
from typing import Any

from bot.app import services_of
from bot.clock import FakeClock
from bot.config import parse_config
from bot.local_api.local_bot import LocalBot
from bot.local_api.server import Chat, LocalBotApi, User
from handlers.weekly import run_week
from tests.bench.digests import NOW, QUESTIONS, seed_history
from tests.bench.figures import Figure
from tests.bench.throughput import OPEN, QUESTIONS_PER_REPORT, open_reports

BUSY, QUIET = -1_003_100_000_000, -1_003_100_000_001


def busy_config_data(db_path: Path, *, leaders: int, groups: int) -> dict[str, Any]:
    """Two groups of ``leaders`` who answer (one on the Monday, one on the quiet day, so that
    both answer the same questions of a report as long: an answer reads the report's
    answers so far), and ``groups`` groups whose digests are due."""
    ids = itertools.count(810_000_000)
    answering = [{
        "chat_id": chat_id, "name": f"Nhóm trả lời {n}", "secretariat": [next(ids)],
        "organizations": [{"code": f"tc{o}", "name": f"Tổ chức {o}", "leaders": [next(ids)]}
                          for o in range(leaders)],
        "questions": [{"key": f"so_{q}", "text": f"Chỉ tiêu {q}", "kind": "count"}
                      for q in range(QUESTIONS_PER_REPORT)],
    } for n, chat_id in enumerate((BUSY, QUIET))]  # fmt: skip
    digesting = [
        {"chat_id": -1_003_200_000_000 - g, "name": f"Xã số {g + 1}", "secretariat": [next(ids)],
         "organizations": [{"code": f"to_chuc_{o + 1}", "name": f"Tổ chức số {o + 1}",
                            "leaders": [next(ids)]} for o in range(6)],
         "questions": QUESTIONS}
        for g in range(groups)
    ]  # fmt: skip
    return {
        "scheduler": {"tick_seconds": 0},
        "telegram": {"poll_timeout": 5, "limits": OPEN},
        "storage": {"url": f"sqlite+aiosqlite:///{db_path}"},
        "logging": {"level": "WARNING"},
        "groups": [*answering, *digesting],
    }


async def replies_while(
    api: LocalBotApi, people: list[tuple[Chat, User]], rounds: int, busy: asyncio.Task[None] | None
) -> tuple[list[float], int]:
    """Every leader answers at once, ``rounds`` times (and, if ``busy``, until it is done);
    the latency of each reply, and the rounds answered."""
    sent: dict[int, float] = {}
    samples: list[float] = []
    chats = {chat.id for chat, _ in people}

    def on_call(method: str, params: dict[str, Any], stage: str, port: int) -> None:
        chat_id = int(params.get("chat_id") or 0)
        if stage == "done" and method == "sendMessage" and chat_id in sent:
            samples.append(time.perf_counter() - sent.pop(chat_id))

    api.on_call = on_call
    try:
        number = 0
        while number < rounds or (busy is not None and not busy.done()):
            if number >= QUESTIONS_PER_REPORT:
                break
            for chat, user in people:
                sent[chat.id] = time.perf_counter()
                api.send(chat, user, str(100 + number))
            await api.wait_until(lambda: not sent.keys() & chats, timeout=600)
            api.mark_read()
            number += 1
    finally:
        api.on_call = None
    return samples, number


async def busy_monday_figures(workdir: Path, *, leaders: int, groups: int,
                              rounds: int) -> list[Figure]:  # fmt: skip
    api = LocalBotApi()
    await api.start()
    data = busy_config_data(workdir / "busy-monday.db", leaders=leaders, groups=groups)
    data["telegram"]["api_base_url"] = api.base_url
    config = parse_config(data)
    for group in config.groups:
        api.group(group.chat_id, group.name)
    try:
        async with LocalBot(api, config, FakeClock(NOW)) as bot:
            digesting = copy.copy(data)
            digesting["groups"] = data["groups"][2:]
            await seed_history(bot.db, parse_config(digesting), weeks=8)
            monday_people = await open_reports(bot, api, config.groups[0])
            quiet_people = await open_reports(bot, api, config.groups[1])
            started = time.perf_counter()
            monday = asyncio.create_task(run_week(bot.app, services_of(bot.app)))
            busy, answered = await replies_while(api, monday_people, rounds, monday)
            await monday
            tick_seconds = time.perf_counter() - started
            charts = sum(1 for m in api.sent if m.kind == "photo")
            quiet, _ = await replies_while(api, quiet_people, answered, None)
    finally:
        await api.stop()
    q50, q99 = _percentiles(quiet)
    b50, b99 = _percentiles(busy)
    return [
        Figure(f"reply to {leaders} leaders at once, quiet day, p50", q50 * 1000, "ms"),
        Figure(f"reply to {leaders} leaders at once, quiet day, p99", q99 * 1000, "ms"),
        Figure(f"the same while {groups} digests and charts go out, p50", b50 * 1000, "ms",
               f"{b50 / q50:.2f}× the quiet day (goal: at most 1.3×)"),
        Figure(f"the same while {groups} digests and charts go out, p99", b99 * 1000, "ms",
               f"{b99 / q99:.2f}× the quiet day; the Monday tick took {tick_seconds:.1f} s, "
               f"{charts} charts"),
    ]  # fmt: skip


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
