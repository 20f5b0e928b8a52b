"""One bad thing stays one bad thing: an update the library cannot read, a handler that fails,
a message one chat cannot take, a reply that never arrived, odd input. Each is confined to
itself, and every person still gets the answer they should have had, once."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from bot.app import services_of
from bot.local_api.server import LocalBotApi
from handlers.weekly import TelegramTransport
from tests.e2e.reports import private_report_until_the_last_question
from tests.harness import GROUP_ID, SECRETARY_ID, YOUTH_LEADER_ID, BotHarness


def count(db_path: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db_path) as connection:
        return connection.execute(sql).fetchall()


# --- updates the bot cannot read or handle ---------------------------------------------------


async def test_an_update_the_library_cannot_read_is_set_aside_and_the_bot_keeps_answering(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    group = api.group(GROUP_ID, "MTT-CTXH", supergroup=True)
    poison = api.push_unreadable(group)
    leader = api.user(YOUTH_LEADER_ID, "An")
    api.send(api.private_chat(leader), leader, "/baocao")

    prompt = await bot.api.next_message(leader.id)
    await api.wait_confirmed(poison, timeout=20)

    assert "Câu 1/4" in (prompt.plain_text or "")
    assert count(db_path, "SELECT update_id, kind, chat_id FROM set_aside_updates") == [
        (poison, "chat_boost", GROUP_ID)
    ]
    # A restart does not bring it back: Telegram was told it was dealt with.
    await bot.restart()
    api.send(api.private_chat(leader), leader, "/tinhhinh")
    assert "Tỉnh đoàn" in ((await bot.only_reply(leader.id)).plain_text or "")


async def test_a_handler_that_fails_every_time_is_tried_a_few_times_then_set_aside_with_one_apology(
    bot: BotHarness, api: LocalBotApi, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    group = api.group(GROUP_ID, "MTT-CTXH", supergroup=True)
    secretary = api.user(SECRETARY_ID, "Thư")
    attempts = []

    async def broken(*args: object) -> None:
        attempts.append(args)
        raise RuntimeError("a bug in /summary")

    monkeypatch.setattr(services_of(bot.app).weekly, "summary", broken)
    failing = api.send(group, secretary, "/tonghop")
    api.send(group, secretary, "/help")  # the chat is not held up behind it

    await api.wait_until(lambda: len(api.messages_to(GROUP_ID)) >= 2, timeout=20)
    await bot.settle()
    texts = [m.plain_text or "" for m in api.messages_to(GROUP_ID)]

    assert len(attempts) == 3
    assert sum(t.startswith("Xin lỗi, bot gặp lỗi") for t in texts) == 1
    assert any("/baocao" in t for t in texts)  # /help was answered
    assert count(db_path, "SELECT kind, chat_id FROM set_aside_updates") == [("message", GROUP_ID)]
    assert failing  # its message id; the update itself is confirmed
    await api.wait_confirmed(api.last_update_id)


# --- delivery: one chat's failure is its own -----------------------------------------------------


async def test_an_unexpected_failure_sending_to_one_group_leaves_every_other_groups_delivery_alone(
    api: LocalBotApi, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.clock import FakeClock
    from tests.e2e.test_chat_events import group_config, local
    from tests.harness import make_config

    ids = [-6000 - n for n in range(12)]
    config = make_config(
        api, db_path, groups=[group_config(c, f"Xã {n}", index=n + 1) for n, c in enumerate(ids)]
    )
    for n, chat_id in enumerate(ids):
        api.group(chat_id, f"Xã {n}")
    send = TelegramTransport.send

    async def flaky(self: TelegramTransport, chat_id: int, text: str, **kwargs: Any) -> int | None:
        if chat_id == ids[3] and broken:
            raise KeyError("something nobody expected")
        return await send(self, chat_id, text, **kwargs)

    broken = True
    monkeypatch.setattr(TelegramTransport, "send", flaky)
    bot = BotHarness(api, config, FakeClock(local(23, 8)))
    async with bot:
        await bot.tick()
        for minute in (1, 2):
            bot.clock.set(local(23, 8).replace(minute=minute))
            await bot.tick()
        delivered = {c: len(api.messages_to(c)) for c in ids}
        broken = False
        bot.clock.set(local(23, 9))  # after the retry's backoff
        await bot.tick()
        later = len(api.messages_to(ids[3]))

    assert delivered == {c: 0 if c == ids[3] else 1 for c in ids}
    assert later == 1
    assert count(db_path, "SELECT DISTINCT state FROM sent_messages") == [("sent",)]


# --- the reply the person should have had -----------------------------------------------------


async def test_a_receipt_that_failed_to_send_comes_once_when_the_press_comes_back(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    leader, chat, skip_prompt = await private_report_until_the_last_question(bot, api)
    api.press(skip_prompt, leader, skip_prompt.button("Bỏ qua"))
    review = await bot.only_reply(chat.id)

    submit = review.button("Gửi báo cáo")
    api.fail("sendMessage", error_code=502)  # the receipt does not get through
    api.press(review, leader, submit)
    receipt = await api.next_message(chat.id, timeout=20)
    await bot.settle()

    assert (receipt.plain_text or "").startswith("✅ Đã nhận báo cáo")
    assert api.unread(chat.id) == []
    # Pressing the old button again gets the receipt, not "this button is out of date".
    api.press(review, leader, submit)
    again = await bot.only_reply(chat.id)
    assert (again.plain_text or "").startswith("✅ Đã nhận báo cáo")
    assert count(db_path, "SELECT state FROM reports") == [("submitted",)]


async def test_a_press_on_a_message_the_bot_can_no_longer_edit_still_gets_its_answer(
    bot: BotHarness, api: LocalBotApi
) -> None:
    leader, chat, skip_prompt = await private_report_until_the_last_question(bot, api)
    api.fail(
        "editMessageReplyMarkup", error_code=400, description="Bad Request: message can't be edited"
    )
    api.press(skip_prompt, leader, skip_prompt.button("Bỏ qua"))

    review = await bot.only_reply(chat.id)

    assert "Gửi báo cáo" in str(review.buttons())
    edits = [c.status for c in api.calls if c.method == "editMessageReplyMarkup"]
    assert edits[-1] == 400  # the bot tried, Telegram refused, and the answer still came


# --- odd input ------------------------------------------------------------------------------------


@pytest.mark.parametrize("week", ["0001-W01", "1900-W01", "9999-W52", "2026-W40"])
async def test_a_week_outside_the_groups_life_is_refused_and_nothing_is_stored(
    bot: BotHarness, api: LocalBotApi, db_path: Path, week: str
) -> None:
    group = api.group(GROUP_ID, "MTT-CTXH", supergroup=True)
    secretary = api.user(SECRETARY_ID, "Thư")
    api.send(api.private_chat(secretary), secretary, "/start")
    await bot.only_reply(secretary.id)

    replies = []
    for command in ("/tonghop", "/xuatbaocao", "/bieudo", "/xuatbaocao xlsx 2026-W48"):
        api.send(group, secretary, f"{command} {week}")
        replies.append((await bot.only_reply(GROUP_ID)).plain_text or "")

    named = f"Nhóm không có tuần {int(week[-2:])}"  # the week as people say it
    assert all(
        r.startswith(named) and "nhóm theo dõi báo cáo từ tuần 48 (23/11 – 29/11)" in r
        for r in replies
    ), replies
    assert count(db_path, "SELECT key FROM periods") == []
    assert api.unread(secretary.id) == []


@pytest.mark.parametrize(
    "data", ["zz:garbage", "c:500011:abc", "w:500011:5:9999-W99", "s:500011", "h:500001:0001-W01",
             "v:500001:1:0001-W01", "a:" + "9" * 40, ""],
)  # fmt: skip
async def test_garbled_or_forged_button_data_gets_a_short_notice_and_changes_nothing(
    bot: BotHarness,
    api: LocalBotApi,
    db_path: Path,
    data: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    group = api.group(GROUP_ID, "MTT-CTXH", supergroup=True)
    secretary = api.user(SECRETARY_ID, "Thư")
    api.send(group, secretary, "/nghi")
    menu = await bot.only_reply(GROUP_ID)
    before = count(db_path, "SELECT count(*) FROM periods")

    with caplog.at_level(logging.INFO):
        query = api.press(menu, secretary, data)
        await bot.settle()

    [answer] = [a for a in api.callback_answers if a["callback_query_id"] == query]
    assert answer.get("text")
    assert api.unread(GROUP_ID) == []
    assert count(db_path, "SELECT count(*) FROM periods") == before
    assert not [r for r in caplog.records if r.exc_info]


async def test_a_long_argument_is_never_echoed_whole(bot: BotHarness, api: LocalBotApi) -> None:
    group = api.group(GROUP_ID, "MTT-CTXH", supergroup=True)
    secretary = api.user(SECRETARY_ID, "Thư")
    for command in ("/tonghop", "/lichsu", "/khonglenh"):
        api.send(group, secretary, f"{command} " + "x" * 4000)
        reply = await bot.only_reply(GROUP_ID)
        assert len(reply.plain_text or "") < 400, command
        assert "x" * 50 not in (reply.plain_text or "")


async def test_a_command_addressed_to_another_bot_is_left_to_it(
    bot: BotHarness, api: LocalBotApi
) -> None:
    group = api.group(GROUP_ID, "MTT-CTXH", supergroup=True)
    secretary = api.user(SECRETARY_ID, "Thư")
    api.send(group, secretary, "/tonghop@OtherBot")
    api.send(group, secretary, "/lenhla@OtherBot")
    await bot.settle()
    assert api.unread(GROUP_ID) == []
    api.send(group, secretary, "/tonghop@GiaoBanBot")
    assert (await bot.only_reply(GROUP_ID)).plain_text


async def test_an_anonymous_admin_is_asked_to_write_as_themselves(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    group = api.group(GROUP_ID, "MTT-CTXH", supergroup=True)
    api.send_anonymous(group, "/tonghop")
    told = await bot.only_reply(GROUP_ID)
    api.send_anonymous(group, "chỉ là tin nhắn thường")  # not to the bot: nothing to say
    await bot.settle()

    assert "ẩn danh" in (told.plain_text or "")
    assert api.unread(GROUP_ID) == []
    assert count(db_path, "SELECT count(*) FROM periods") == [(0,)]
