"""The Monday delivery for many groups under Telegram's limits, which the local Bot API server
enforces (30 messages a second, 20 a minute per group, 1 a second per chat; over them it
answers 429): how long it takes against the limits' minimum, and how many 429s came back."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from bot.app import build_application, services_of
from bot.clock import FakeClock
from bot.config import AppConfig
from bot.local_api.server import LocalBotApi, SendingLimits
from bot.services.weekly import WeeklyService
from bot.views.weekly import WeekTexts
from handlers.weekly import TelegramTransport
from tests.bench.digests import NOW, bench_config, open_bench_database, seed_history
from tests.bench.figures import Figure


def _against(config: AppConfig, api: LocalBotApi) -> AppConfig:
    """The bench groups, talking to the local server at Telegram's real limits, no charts."""
    telegram = dataclasses.replace(config.telegram, api_base_url=api.base_url)
    groups = tuple(dataclasses.replace(g, digest_chart=False) for g in config.groups)
    return dataclasses.replace(config, telegram=telegram, groups=groups)


async def monday_under_limits(workdir: Path, *, groups: int) -> list[Figure]:
    api = LocalBotApi()
    await api.start()
    api.limits = SendingLimits()
    config = _against(bench_config(workdir / f"monday-{groups}.db", groups=groups,
                                   organizations=6), api)  # fmt: skip
    for group in config.groups:
        api.group(group.chat_id, group.name)
    db = await open_bench_database(config)
    application = build_application(config, token=api.token, clock=FakeClock(NOW), database=db)
    try:
        await seed_history(db, config, weeks=2)
        weekly = WeeklyService(db, config, WeekTexts())
        claimed = await weekly.tick(NOW)
        async with application:
            started = time.perf_counter()
            delivered = await services_of(application).outbox.deliver(
                NOW, TelegramTransport(application.bot)
            )
            seconds = time.perf_counter() - started
    finally:
        await db.dispose()
        await api.stop()
    refused = sum(1 for c in api.calls if c.status == 429)
    minimum = delivered / SendingLimits().per_second
    return [
        Figure(f"Monday delivery, {groups:,} groups, under Telegram's limits", seconds, "s",
               f"{delivered:,} of {claimed:,} messages (digest, call); minimum {minimum:.1f} s"),
        Figure("429 answers received during it", refused, "", "goal: none"),
    ]  # fmt: skip
