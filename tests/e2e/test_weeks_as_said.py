"""Weeks as people say them: what the bot writes names "tuần 48 (23/11 – 29/11)", and the
secretariat may name a week the same short way."""

from __future__ import annotations

import re

import pytest

from bot.local_api.server import LocalBotApi
from tests.harness import GROUP_ID, SECRETARY_ID, YOUTH_LEADER_ID, BotHarness

ISO_WEEK = re.compile(r"\d{4}-W\d{2}")


@pytest.mark.parametrize("named", ["48", "tuần 48", "w48", "2026-W48"])
async def test_the_secretariat_names_a_week_by_its_number_or_its_code(
    bot: BotHarness, api: LocalBotApi, named: str
) -> None:
    group = api.group(GROUP_ID, "MTT-CTXH", supergroup=True)
    secretary = api.user(SECRETARY_ID, "Thư")

    api.send(group, secretary, f"/tonghop {named}")
    summary = (await bot.only_reply(GROUP_ID)).plain_text or ""

    assert summary.startswith("📊 Tình hình báo cáo tuần 48 (23/11 – 29/11), đến ")


async def test_a_weeks_messages_and_buttons_never_show_the_iso_code(
    bot: BotHarness, api: LocalBotApi
) -> None:
    group = api.group(GROUP_ID, "MTT-CTXH", supergroup=True)
    secretary = api.user(SECRETARY_ID, "Thư")
    leader = api.user(YOUTH_LEADER_ID, "An")
    await bot.tick()  # Monday: the call for reports
    api.send(group, secretary, "/nghi")
    api.send(group, leader, "/baocao")
    api.send(group, leader, "/tinhhinh")
    await bot.settle()

    shown = list(api.messages_to(GROUP_ID))
    words = [m.plain_text or "" for m in shown]
    labels = [label for m in shown for label, _ in m.buttons()]

    assert any("tuần 48 (23/11 – 29/11)" in w for w in words)
    assert [w for w in words + labels if ISO_WEEK.search(w)] == []
