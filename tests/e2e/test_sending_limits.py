"""Telegram's per-chat limit (one message a second) is kept by the bot's rate limiter, for
groups and private chats alike; PTB's own limiter only covers overall and per-group rates."""

from __future__ import annotations

import asyncio
import itertools
from pathlib import Path

from bot.clock import FakeClock
from bot.local_api.server import LocalBotApi, SendingLimits
from tests.e2e.test_weekly_cycle import at, local, six_organizations
from tests.harness import GROUP_ID, MONDAY_MORNING, BotHarness, make_config

RATE = 10  # messages a second per chat in this test: 100 ms apart


async def test_messages_to_one_chat_are_spaced_by_the_per_chat_limit(
    api: LocalBotApi, tmp_path: Path
) -> None:
    config = make_config(
        api,
        tmp_path / "limits.db",
        telegram={
            "poll_timeout": 5,
            "api_base_url": api.base_url,
            "limits": {
                "messages_per_second": 1000,
                "group_messages_per_minute": 10000,
                "chat_messages_per_second": RATE,
            },
        },
    )
    api.group(GROUP_ID, "Nhóm")
    person = api.user(700001, "Lan")
    private = api.private_chat(person, started=True)
    async with BotHarness(api, config, FakeClock(MONDAY_MORNING)) as bot:
        await asyncio.gather(
            *(
                bot.app.bot.send_message(chat, f"tin {n}")
                for n in range(4)
                for chat in (GROUP_ID, private.id)
            )
        )

    for chat_id in (GROUP_ID, private.id):
        sends = [c for c in api.calls if c.method == "sendMessage"]
        arrivals = [c.arrived for c in sends if int(c.params["chat_id"]) == chat_id]
        assert len(arrivals) == 4
        gaps = [later - earlier for earlier, later in itertools.pairwise(arrivals)]
        # aiolimiter lets the next message through one period after the last. What the
        # server sees also carries each request's own HTTP time, which varies a little
        # under load; without the limit the four arrive within a few milliseconds.
        assert min(gaps) >= 0.5 / RATE, gaps
        assert arrivals[-1] - arrivals[0] >= 0.9 * 3 / RATE, gaps


async def test_a_monday_for_many_groups_stays_within_limits_the_server_enforces(
    api: LocalBotApi, tmp_path: Path
) -> None:
    """The local server answers 429 over 30 messages a second, 20 a minute per group or one
    a second per chat, as Telegram does: 40 groups' digests and calls get none."""
    api.limits = SendingLimits()
    groups = [
        {
            **six_organizations()[0],
            "chat_id": -1001000000100 - n,
            "name": f"Nhóm {n}",
            "digest_chart": False,
        }
        for n in range(40)
    ]
    telegram = {"api_base_url": api.base_url, "poll_timeout": 5}  # Telegram's limits: defaults
    config = make_config(api, tmp_path / "many.db", groups=groups, telegram=telegram)
    for group in config.groups:
        api.group(group.chat_id, group.name)
    async with BotHarness(api, config, FakeClock(local(16, 7))) as bot:
        await at(bot, local(16, 8))  # the calls of week 47
        await at(bot, local(23, 8))  # digests of week 47 and calls of week 48

    sends = [c for c in api.calls if c.method == "sendMessage"]
    assert [c.status for c in sends] == [200] * 120
    assert len(api.sent) == 120
