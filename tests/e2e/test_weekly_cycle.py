"""A whole week of six organizations, driven by a fake clock and the week's tick, checked
message by message as the group and the secretariat receive them."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.app import services_of
from bot.clock import FakeClock
from bot.exports.chart import HEIGHT_PX, WIDTH_PX
from bot.local_api.server import BotMessage, LocalBotApi
from bot.services.container import Services
from tests.harness import GROUP_ID, SECRETARY_ID, BotHarness, make_config
from tests.images import png_size

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
LEADERS = {
    "doan": 600001,
    "ldld": 600002,
    "hlhpn": 600003,
    "hnd": 600004,
    "hccb": 600005,
    "mttq": 600006,
}
NAMES = {
    "doan": "Tỉnh đoàn",
    "ldld": "Liên đoàn Lao động",
    "hlhpn": "Hội LHPN",
    "hnd": "Hội Nông dân",
    "hccb": "Hội CCB",
    "mttq": "Ban Dân vận",
}
MEMBER_NAMES = {
    "doan": "An",
    "ldld": "Bình",
    "hlhpn": "Chi",
    "hnd": "Dũng",
    "hccb": "Em",
    "mttq": "Giang",
}


def local(day: int, hour: int, minute: int = 0) -> datetime:
    """A day of November 2026 at a local time, as UTC (16 = Monday of W47, 23 of W48)."""
    month, day = (11, day) if day <= 30 else (12, day - 30)
    return datetime(2026, month, day, hour, minute, tzinfo=TZ).astimezone(UTC)


def six_organizations(**group: Any) -> list[dict[str, Any]]:
    return [
        {
            "chat_id": GROUP_ID,
            "name": "MTTQ tỉnh Tây Ninh",
            "secretariat": [SECRETARY_ID],
            "schedule": {"reminder": "tuesday 17:00", "deadline": "wednesday 17:00"},
            "organizations": [
                {"code": code, "name": NAMES[code], "leaders": [LEADERS[code]]} for code in LEADERS
            ],
            "questions": [
                {"key": "tuyen_truyen", "text": "Kết quả tuyên truyền"},
                {"key": "ho", "text": "Hộ được hỗ trợ", "kind": "count", "unit": "hộ"},
                {"key": "kinh_phi", "text": "Kinh phí", "kind": "money"},
                {
                    "key": "kien_nghi",
                    "text": "Khó khăn, kiến nghị",
                    "required": False,
                    "proposals": True,
                },
            ],
            **group,
        }
    ]


@pytest.fixture
async def week(api: LocalBotApi, tmp_path: Path) -> AsyncIterator[BotHarness]:
    clock = FakeClock(local(16, 7))
    config = make_config(api, tmp_path / "week.db", groups=six_organizations())
    harness = BotHarness(api, config, clock)
    await harness.start()
    yield harness
    await harness.stop()


async def report(
    bot: BotHarness,
    api: LocalBotApi,
    code: str,
    households: str,
    money: str,
    proposal: str | None = None,
    *,
    period_button: str | None = None,
) -> BotMessage:
    """A leader reports in private from start to receipt."""
    leader = api.user(LEADERS[code], MEMBER_NAMES[code])
    chat = api.private_chat(leader)
    api.send(chat, leader, "/baocao")
    prompt = await bot.only_reply(chat.id)
    if period_button is not None:
        api.press(prompt, leader, prompt.button(period_button))
        prompt = await bot.only_reply(chat.id)
    api.send(chat, leader, f"{NAMES[code]} tổ chức tuyên truyền.")
    more = await bot.only_reply(chat.id)
    api.press(more, leader, more.button("Xong"))
    await bot.only_reply(chat.id)
    for answer in (households, money):
        api.send(chat, leader, answer)
        prompt = await bot.only_reply(chat.id)
        if any("Đúng" in label for label, _ in prompt.buttons()):  # a figure to confirm
            api.press(prompt, leader, prompt.button("Đúng"))
            prompt = await bot.only_reply(chat.id)
    api.send(chat, leader, proposal or "bỏ qua")
    review = await bot.only_reply(chat.id)
    if proposal is not None:  # a text answer may go on; "Xong" ends it
        api.press(review, leader, review.button("Xong"))
        review = await bot.only_reply(chat.id)
    api.press(review, leader, review.button("Gửi báo cáo"))
    return await bot.only_reply(chat.id)


async def at(bot: BotHarness, instant: datetime) -> list[str]:
    """Move the clock, run the week's tick, return what the group received."""
    bot.clock.set(instant)
    await bot.tick()
    return group_messages(bot.api)


def services_of_bot(bot: BotHarness) -> Services:
    return services_of(bot.app)


def group_messages(api: LocalBotApi) -> list[str]:
    found = [m.plain_text or "" for m in api.unread(GROUP_ID)]
    api.mark_read(GROUP_ID)
    return found


async def test_a_whole_week_of_six_organizations(week: BotHarness, api: LocalBotApi) -> None:
    bot = week
    secretary = api.user(SECRETARY_ID, "Thư")
    secretary_chat = api.private_chat(secretary)
    api.send(secretary_chat, secretary, "/start")
    await bot.only_reply(secretary_chat.id)
    group = api.group(GROUP_ID, "MTTQ tỉnh Tây Ninh")

    # Week 47: only the call is seen, and two organizations report (for next week's changes).
    bot.clock.set(local(16, 8))
    await bot.tick()
    [call_47] = group_messages(api)
    assert call_47.startswith("📣 Giao ban tuần 47 (16/11 – 22/11)")
    await report(bot, api, "doan", "100", "1 triệu")
    await report(bot, api, "ldld", "40", "2 triệu")

    # Monday of week 48: the digest of week 47, then the call for week 48.
    bot.clock.set(local(23, 8))
    await bot.tick()
    digest_47, chart_47, call_48 = group_messages(api)
    assert digest_47.startswith("📊 Tổng hợp giao ban tuần 47 (16/11 – 22/11)")
    # The chart follows the digest: one week so far, as the bot started in week 47.
    assert (
        chart_47
        == "📊 MTTQ tỉnh Tây Ninh: biểu đồ báo cáo 1 tuần gần đây, đến tuần 47 (16/11 – 22/11)."
    )
    photo = api.messages_to(GROUP_ID)[-2]
    assert photo.kind == "photo"
    assert png_size(photo.file_content) == (WIDTH_PX, HEIGHT_PX)
    assert call_48.startswith("📣 Giao ban tuần 48 (23/11 – 29/11)")
    assert "Hạn nộp: 17:00 thứ Tư, 25/11/2026" in call_48
    assert "• Tỉnh đoàn — An" in call_48
    # Leaders the bot has never seen are mentioned by role; the link still notifies them.
    assert "• Hội Nông dân — lãnh đạo" in call_48
    call_message = api.messages_to(GROUP_ID)[-1]
    assert [label for label, _ in call_message.buttons()] == ["📝 Báo cáo ngay"]
    assert f'<a href="tg://user?id={LEADERS["hnd"]}">' in (call_message.text or "")

    # Monday: three on time (one with a proposal); the secretariat excuses the veterans.
    await report(bot, api, "doan", "120", "1,5 triệu", "Thiếu kinh phí <in> & vật tư")
    await report(bot, api, "ldld", "40", "2 triệu")
    # Still owing week 47, they are asked which week; this one.
    await report(bot, api, "mttq", "10", "500k", period_button="tuần này")
    api.send(group, secretary, "/nghi")
    menu = await bot.only_reply(group.id)
    api.press(menu, secretary, menu.button("Miễn: Hội CCB"))
    excused = await bot.only_reply(group.id)
    assert excused.plain_text == "⚪ Thư đã miễn báo cáo tuần 48 (23/11 – 29/11) cho Hội CCB."
    assert await at(bot, local(23, 12)) == []  # nothing due at noon

    # Tuesday 17:00: the reminder names only those who owe a report.
    [reminder] = await at(bot, local(24, 17))
    assert reminder.startswith(
        "⏰ Nhắc báo cáo tuần 48 (23/11 – 29/11) — hạn 17:00 thứ Tư, 25/11/2026."
    )
    assert "• Hội LHPN — lãnh đạo\n• Hội Nông dân — lãnh đạo\n" in reminder
    assert "Tỉnh đoàn" not in reminder
    assert "Hội CCB" not in reminder

    # Wednesday 17:00: the deadline; the secretariat gets the overdue list in private.
    [deadline] = await at(bot, local(25, 17))
    assert deadline.startswith("⌛ Hết hạn báo cáo tuần 48 (23/11 – 29/11)\nĐã nộp: 3/5 tổ chức.")
    assert "• Hội LHPN — lãnh đạo\n• Hội Nông dân — lãnh đạo" in deadline
    private = await bot.only_reply(secretary_chat.id)
    assert private.plain_text == (
        "📋 Tuần 48 (23/11 – 29/11), nhóm MTTQ tỉnh Tây Ninh: các tổ chức quá hạn báo cáo\n"
        "• Hội LHPN (phụ trách: lãnh đạo)\n• Hội Nông dân (phụ trách: lãnh đạo)"
    )

    # Thursday 08:00: an overdue reminder; the women's union then reports, late.
    [overdue_thursday] = await at(bot, local(26, 8))
    assert overdue_thursday.startswith("🔔 Quá hạn báo cáo tuần 48 (23/11 – 29/11)")
    assert "Hội LHPN" in overdue_thursday
    assert "Hội Nông dân" in overdue_thursday
    bot.clock.set(local(26, 10))
    receipt = await report(
        bot, api, "hlhpn", "25", "3 triệu", "Xin thêm tài liệu", period_button="tuần này"
    )
    assert "nộp muộn" in (receipt.plain_text or "")
    [overdue_friday] = await at(bot, local(27, 8))
    assert "Hội Nông dân — lãnh đạo" in overdue_friday
    assert "Hội LHPN" not in overdue_friday
    assert await at(bot, local(28, 8)) == []  # Saturday is not a working day
    assert await at(bot, local(29, 20)) == []

    # Monday 30 November: the digest of week 48, then the call for week 49.
    digest, chart_48, call_49 = await at(bot, local(30, 8))
    assert chart_48.endswith("2 tuần gần đây, đến tuần 48 (23/11 – 29/11).")
    assert call_49.startswith("📣 Giao ban tuần 49 (30/11 – 06/12)")
    lines = digest.split("\n")
    assert lines[0] == "📊 Tổng hợp giao ban tuần 48 (23/11 – 29/11)"
    assert lines[1] == "Nhóm: MTTQ tỉnh Tây Ninh"
    assert lines[2] == ("Đã nộp 4/5 tổ chức (80%): 3 đúng hạn, 1 nộp muộn. 1 tổ chức được miễn.")
    assert "✅ 1. Tỉnh đoàn — đúng hạn lúc" in digest
    assert "🕓 3. Hội LHPN — nộp muộn lúc 10:00 thứ Năm, 26/11/2026" in digest
    assert "❌ 4. Hội Nông dân — quá hạn, chưa nộp" in digest
    assert "⚪ 5. Hội CCB — được miễn" in digest
    assert "   • Hộ được hỗ trợ: 120 hộ" in digest
    # Totals: 120 + 40 + 25 + 10 households (140 the week before, from two organizations):
    # the change is like with like, over the two that reported both weeks, and says so.
    assert (
        "• Hộ được hỗ trợ: 195 hộ (4 tổ chức) — tăng 20 hộ so với tuần trước"
        " (tính trên 2 tổ chức có số liệu cả hai tuần)"
    ) in digest
    assert (
        "• Kinh phí: 7.000.000 đ (4 tổ chức) — tăng 500.000 đ so với tuần trước"
        " (tính trên 2 tổ chức có số liệu cả hai tuần)"
    ) in digest
    # Lũy kế: since the year's first week, the weeks before (140 households) and this one.
    assert "Số liệu tổng hợp (lũy kế tính từ tuần 1/2026)" in digest
    assert "so với tuần trước (tính trên 2 tổ chức có số liệu cả hai tuần) · lũy kế: 335 hộ" in (
        digest
    )
    assert "Khó khăn, kiến nghị\n• Tỉnh đoàn: Thiếu kinh phí <in> & vật tư\n• Hội LHPN: Xin" in (
        digest
    )
    assert digest.endswith("Quá hạn:\n• Hội Nông dân — lãnh đạo")

    # Nothing is repeated: the same instant again, and a restart, send nothing new.
    assert await at(bot, local(30, 8)) == []
    await bot.restart()
    assert await at(bot, local(30, 8, 5)) == []
    assert api.unread(secretary_chat.id) == []

    # The farmers report for last week on Monday: a late addition to the digest.
    bot.clock.set(local(30, 10))
    await report(bot, api, "hnd", "30", "1 triệu", period_button="quá hạn")
    [addition] = await at(bot, local(30, 10, 1))
    assert addition.startswith(
        "📥 Bổ sung tuần 48 (23/11 – 29/11): Hội Nông dân nộp muộn lúc 10:00 thứ Hai, 30/11/2026."
    )
    assert "• Hộ được hỗ trợ: 30 hộ" in addition
    assert await at(bot, local(30, 11)) == []


async def test_summary_for_the_current_and_past_periods_and_refused_to_leaders(
    week: BotHarness, api: LocalBotApi
) -> None:
    bot = week
    group = api.group(GROUP_ID, "MTTQ tỉnh Tây Ninh")
    secretary = api.user(SECRETARY_ID, "Thư")
    await report(bot, api, "doan", "100", "1 triệu")
    bot.clock.set(local(24, 9))
    await report(bot, api, "doan", "150", "1 triệu")

    api.send(group, secretary, "/tonghop")
    now = await bot.only_reply(group.id)
    assert (now.plain_text or "").startswith(
        "📊 Tình hình báo cáo tuần 48 (23/11 – 29/11), đến 09:00 thứ Ba, 24/11/2026"
    )
    assert "⏳ 2. Liên đoàn Lao động — chưa nộp" in (now.plain_text or "")
    assert "tăng 50 hộ so với tuần trước" in (now.plain_text or "")
    assert "tg://user" not in (now.text or "")  # a summary pings nobody

    api.send(group, secretary, "/summary last")
    last = await bot.only_reply(group.id)
    assert (last.plain_text or "").startswith("📊 Tổng hợp giao ban tuần 47 (16/11 – 22/11)")
    api.send(group, secretary, "/tonghop 2026-W47")
    named = await bot.only_reply(group.id)
    assert named.plain_text == last.plain_text
    api.send(group, secretary, "/tonghop tuần sau")
    bad = await bot.only_reply(group.id)
    assert (bad.plain_text or "").startswith("Không hiểu kỳ “tuần sau”.")

    leader = api.user(LEADERS["hnd"], "Dũng")
    api.send(group, leader, "/tonghop")
    refused = await bot.only_reply(group.id)
    assert refused.plain_text == "Lệnh này chỉ dành cho Ban Thường trực."


async def test_a_group_may_open_summary_to_every_member(api: LocalBotApi, tmp_path: Path) -> None:
    config = make_config(
        api, tmp_path / "open.db", groups=six_organizations(summary_for_members=True)
    )
    bot = BotHarness(api, config, FakeClock(local(24, 9)))
    await bot.start()
    try:
        group = api.group(GROUP_ID, "MTTQ tỉnh Tây Ninh")
        api.send(group, api.user(LEADERS["hnd"], "Dũng"), "/tonghop")
        summary = await bot.only_reply(group.id)
        assert (summary.plain_text or "").startswith("📊 Tình hình báo cáo tuần 48 (23/11 – 29/11)")
        api.send(group, api.user(699999, "Người lạ"), "/tonghop")
        refused = await bot.only_reply(group.id)
        assert "Gõ /dangky để đăng ký" in (refused.plain_text or "")
    finally:
        await bot.stop()


def ledger(db_path: Path) -> list[tuple[str, str, str, int]]:
    with sqlite3.connect(db_path) as connection:
        rows = connection.execute(
            "SELECT p.key, s.kind, s.state, s.attempts FROM sent_messages s "
            "JOIN periods p ON p.id = s.period_id ORDER BY s.id"
        ).fetchall()
    return [(key, kind, state, attempts) for key, kind, state, attempts in rows]


async def test_a_group_may_turn_the_chart_after_the_digest_off(
    api: LocalBotApi, tmp_path: Path
) -> None:
    config = make_config(api, tmp_path / "w.db", groups=six_organizations(digest_chart=False))
    async with BotHarness(api, config, FakeClock(local(16, 7))) as bot:
        api.group(GROUP_ID, "MTTQ tỉnh Tây Ninh")
        await at(bot, local(16, 8))
        digest, call = await at(bot, local(23, 8))

    assert digest.startswith("📊 Tổng hợp giao ban tuần 47 (16/11 – 22/11)")
    assert call.startswith("📣 Giao ban tuần 48 (23/11 – 29/11)")
    assert [m.kind for m in api.messages_to(GROUP_ID)] == ["text"] * 3


async def test_restarts_before_during_and_after_an_event_neither_repeat_nor_skip_it(
    week: BotHarness, api: LocalBotApi, tmp_path: Path
) -> None:
    bot = week
    api.group(GROUP_ID, "MTTQ tỉnh Tây Ninh")
    # Before: the bot is down at 08:00 and comes back at 09:30; the call still makes sense.
    await bot.stop()
    bot.clock.set(local(16, 9, 30))
    await bot.start()
    [call] = await at(bot, local(16, 9, 30))
    assert call.startswith("📣 Giao ban tuần 47 (16/11 – 22/11)")

    # During: the reminder is claimed, then the bot stops before sending it.
    bot.clock.set(local(17, 17))
    assert await services_of_bot(bot).weekly.tick(bot.clock.now()) == 1
    await bot.restart()
    [reminder] = await at(bot, local(17, 17, 1))
    assert reminder.startswith("⏰ Nhắc báo cáo tuần 47 (16/11 – 22/11)")

    # After: restarting and ticking again sends nothing more.
    await bot.restart()
    assert await at(bot, local(17, 17, 2)) == []
    # A reminder whose deadline has passed while the bot was down is not sent late.
    await bot.stop()
    bot.clock.set(local(25, 9))  # next week, Wednesday: week 47's deadline is long past
    await bot.start()
    sent = await at(bot, local(25, 9))
    # Week 47's deadline notice (a day's worth) is not sent late; its digest is, and this
    # week's call and reminder still make sense before this week's deadline.
    assert len(sent) == 4
    assert sent[0].startswith("📊 Tổng hợp giao ban tuần 47 (16/11 – 22/11)")
    assert sent[1].startswith("📊 MTTQ tỉnh Tây Ninh: biểu đồ")
    assert sent[2].startswith("📣 Giao ban tuần 48 (23/11 – 29/11)")
    assert sent[3].startswith("⏰ Nhắc báo cáo tuần 48 (23/11 – 29/11)")
    kinds = [(key, kind) for key, kind, _, _ in ledger(tmp_path / "week.db")]
    assert kinds.count(("2026-W47", "reminder")) == 1
    assert ("2026-W47", "deadline") not in kinds


async def test_the_digest_arrives_once_through_429s_and_server_errors(
    week: BotHarness, api: LocalBotApi, tmp_path: Path
) -> None:
    bot = week
    api.group(GROUP_ID, "MTTQ tỉnh Tây Ninh")
    await at(bot, local(16, 8))
    await report(bot, api, "doan", "100", "1 triệu")

    # Telegram says "too many requests" twice: the rate limiter waits and retries.
    api.fail("sendMessage", error_code=429, retry_after=1, times=2)
    digest, _chart, _call = await at(bot, local(23, 8))
    assert digest.startswith("📊 Tổng hợp giao ban tuần 47 (16/11 – 22/11)")

    # Then the server fails for a while: the message stays pending and goes out later.
    api.fail("sendMessage", error_code=502, times=2)
    assert await at(bot, local(24, 17)) == []
    assert ledger(tmp_path / "week.db")[-1][1:] == ("reminder", "pending", 1)
    assert await at(bot, local(24, 17, 0)) == []  # not yet time to retry
    assert await at(bot, local(24, 17, 1)) == []  # the second attempt fails too
    [reminder] = await at(bot, local(24, 18))
    assert reminder.startswith("⏰ Nhắc báo cáo tuần 48 (23/11 – 29/11)")
    assert ledger(tmp_path / "week.db")[-1][1:] == ("reminder", "sent", 2)
    assert sum(1 for m in api.messages_to(GROUP_ID) if "Tổng hợp giao ban" in (m.text or "")) == 1


async def test_a_digest_with_long_answers_is_split_into_valid_messages(
    week: BotHarness, api: LocalBotApi
) -> None:
    bot = week
    api.group(GROUP_ID, "MTTQ tỉnh Tây Ninh")
    long_answer = "Tuyên truyền <b>không</b> & “dài” ở khu dân cư. " * 60  # ~2,900 characters
    await at(bot, local(16, 8))
    for code in ("doan", "ldld", "hlhpn"):
        leader = api.user(LEADERS[code], MEMBER_NAMES[code])
        chat = api.private_chat(leader)
        api.send(chat, leader, "/baocao")
        await bot.only_reply(chat.id)
        api.send(chat, leader, f"[{code}] {long_answer}")
        more = await bot.only_reply(chat.id)
        api.press(more, leader, more.button("Xong"))
        await bot.only_reply(chat.id)
        for answer in ("12", "1 triệu", "bỏ qua"):
            api.send(chat, leader, answer)
            review = await bot.only_reply(chat.id)
        api.press(review, leader, review.button("Gửi báo cáo"))
        await bot.only_reply(chat.id)

    *digest_pieces, chart, call = await at(bot, local(23, 8))

    assert len(digest_pieces) >= 3
    assert digest_pieces[0].startswith("📊 Tổng hợp giao ban tuần 47 (16/11 – 22/11)")
    text = "\n".join(digest_pieces)
    assert [text.count(f"[{code}]") for code in ("doan", "ldld", "hlhpn")] == [1, 1, 1]
    assert "• Hộ được hỗ trợ: 36 hộ (3 tổ chức)" in "\n".join(digest_pieces)
    assert all(len(piece) <= 4096 for piece in digest_pieces)
    assert chart.startswith("📊 MTTQ tỉnh Tây Ninh: biểu đồ")
    assert call.startswith("📣 Giao ban tuần 48 (23/11 – 29/11)")


async def test_the_digest_and_late_additions_go_to_the_configured_forum_topic(
    api: LocalBotApi, tmp_path: Path
) -> None:
    config = make_config(api, tmp_path / "topic.db", groups=six_organizations(digest_topic=12))
    async with BotHarness(api, config, FakeClock(local(16, 7))) as bot:
        api.group(GROUP_ID, "MTTQ tỉnh Tây Ninh", supergroup=True, forum=True)
        await at(bot, local(16, 8))
        await report(bot, api, "doan", "100", "1 triệu")
        await at(bot, local(23, 8))
        bot.clock.set(local(23, 10))
        await report(bot, api, "ldld", "40", "2 triệu", period_button="Tuần 47")
        await at(bot, local(23, 10, 1))

    sent = api.messages_to(GROUP_ID)
    expected = [
        (None, "📣 Giao ban tuần 47 (16/11 – 22/11)"),
        (12, "📊 Tổng hợp giao ban tuần 47 (16/11 – 22/11)"),
        (12, "📊 MTTQ tỉnh Tây Ninh: biểu đồ"),
        (None, "📣 Giao ban tuần 48 (23/11 – 29/11)"),
        (12, "📥 Bổ sung tuần 47 (16/11 – 22/11): Liên đoàn Lao động"),
    ]
    assert [
        (m.message_thread_id, (m.plain_text or "")[: len(start)])
        for m, (_, start) in zip(sent, expected, strict=True)
    ] == expected


async def test_a_digest_topic_that_does_not_exist_falls_back_to_the_group_itself(
    api: LocalBotApi, tmp_path: Path
) -> None:
    config = make_config(api, tmp_path / "topic.db", groups=six_organizations(digest_topic=12))
    async with BotHarness(api, config, FakeClock(local(16, 7))) as bot:
        api.group(GROUP_ID, "MTTQ tỉnh Tây Ninh")  # not a forum: Telegram refuses the topic
        await at(bot, local(16, 8))
        digest, chart, _call = await at(bot, local(23, 8))

    assert digest.startswith("📊 Tổng hợp giao ban tuần 47 (16/11 – 22/11)")
    assert chart.startswith("📊 MTTQ tỉnh Tây Ninh: biểu đồ")
    assert [m.message_thread_id for m in api.messages_to(GROUP_ID)[1:3]] == [None, None]
    refused = [c for c in api.calls if c.status == 400]
    assert [(c.method, c.params.get("message_thread_id")) for c in refused] == [
        ("sendMessage", 12),
        ("sendPhoto", 12),
    ]
