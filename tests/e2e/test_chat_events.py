"""What real Telegram does to chats, played by the local server as the Bot API documents it:
a group upgraded to a supergroup (service messages, or only the error a send gets), the bot
removed from a group and added back, a person blocking the bot."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.clock import FakeClock
from bot.local_api.server import Chat, LocalBotApi, User
from tests.harness import FRIDAY_DEADLINE, BotHarness, make_config

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
OLD_ID = -4001  # a basic group's id
NEW_ID = -1004001000001  # the supergroup Telegram makes of it
SECRETARY = 700001
LEADERS = {"doan": 700011, "hnd": 700021}


def local(day: int, hour: int) -> datetime:
    """A day of November 2026 (23 = Monday of week 48), local time, as UTC."""
    month, day = (11, day) if day <= 30 else (12, day - 30)
    return datetime(2026, month, day, hour, tzinfo=TZ).astimezone(UTC)


def group_config(chat_id: int, name: str = "MTTQ xã Hòa Thành", index: int = 0) -> dict[str, Any]:
    return {
        "chat_id": chat_id,
        "name": name,
        "secretariat": [SECRETARY + index * 100],
        "organizations": [
            {"code": code, "name": code.upper(), "leaders": [user_id + index * 100]}
            for code, user_id in LEADERS.items()
        ],
        "questions": [
            {"key": "ket_qua", "text": "Kết quả tuyên truyền"},
            {"key": "ho", "text": "Hộ được hỗ trợ", "kind": "count", "unit": "hộ"},
        ],
        "digest_chart": False,
        "schedule": FRIDAY_DEADLINE,
    }


@pytest.fixture
async def commune(api: LocalBotApi, db_path: Path) -> AsyncIterator[BotHarness]:
    """One basic group, the bot started early on the Monday of week 48."""
    bot = BotHarness(
        api, make_config(api, db_path, groups=[group_config(OLD_ID)]), FakeClock(local(23, 7))
    )
    await bot.start()
    yield bot
    await bot.stop()


def people(api: LocalBotApi) -> tuple[User, User, User]:
    secretary = api.user(SECRETARY, "Thư")
    return secretary, api.user(LEADERS["doan"], "An"), api.user(LEADERS["hnd"], "Dũng")


async def start_privately(bot: BotHarness, api: LocalBotApi, user: User) -> None:
    api.send(api.private_chat(user), user, "/start")
    await bot.only_reply(user.id)


def rows(db_path: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db_path) as connection:
        return connection.execute(sql).fetchall()


def calls_to(api: LocalBotApi, chat_id: int) -> list[int]:
    """The status of every call the bot made about a chat (sends, edits, reactions)."""
    return [c.status for c in api.calls if int(c.params.get("chat_id") or 0) == chat_id]


def texts(api: LocalBotApi, chat_id: int) -> list[str]:
    found = [m.plain_text or "" for m in api.unread(chat_id)]
    api.mark_read(chat_id)
    return found


async def answer_in_group(
    bot: BotHarness, api: LocalBotApi, chat: Chat, user: User, text: str
) -> None:
    """Reply to the bot's last message in the group, as a leader answering a question."""
    api.send(chat, user, text, reply_to=api.messages_to(chat.id)[-1])
    await bot.settle()


# --- a group upgraded to a supergroup ----------------------------------------------------------


async def summary_after_a_move(
    api: LocalBotApi, db_path: Path, *, announced: bool, configured: int
) -> str:
    """A week starts and An opens a report; the group is upgraded (the bot running and told
    by service messages, or stopped and never told); the bot starts again with the config
    naming the group by ``configured``; the secretary asks for /tonghop in the supergroup."""
    bot = BotHarness(
        api, make_config(api, db_path, groups=[group_config(OLD_ID)]), FakeClock(local(23, 8))
    )
    group = api.group(OLD_ID, "MTTQ xã Hòa Thành")
    secretary, an, _ = people(api)
    async with bot:
        await bot.tick()
        api.send(api.private_chat(an), an, "/baocao")
        await bot.settle()
        if announced:
            api.migrate(group, NEW_ID, by=secretary)
            await bot.settle()
    if not announced:
        api.migrate(group, NEW_ID, by=secretary, announce=False)
    bot.config = make_config(api, db_path, groups=[group_config(configured)])
    async with bot:
        api.send(api.chats[NEW_ID], secretary, "/tonghop")
        await bot.settle()
        [summary] = texts(api, NEW_ID)
    return summary


async def test_a_group_upgraded_to_a_supergroup_carries_on_under_its_new_id_with_all_it_had(
    commune: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    bot = commune
    group = api.group(OLD_ID, "MTTQ xã Hòa Thành")
    secretary, an, dung = people(api)
    await start_privately(bot, api, secretary)
    bot.clock.set(local(23, 8))
    await bot.tick()
    assert texts(api, OLD_ID)[0].startswith("📣 Giao ban tuần 48 (23/11 – 29/11)")
    # An reports in private; Dũng starts in the group and answers the first question there.
    api.send(api.private_chat(an), an, "/baocao")
    await bot.settle()
    api.send(api.private_chat(an), an, "Họp dân 2 buổi")
    await bot.settle()
    api.send(group, dung, "/baocao")
    await bot.settle()
    await answer_in_group(bot, api, group, dung, "Phát tờ rơi")

    supergroup = api.migrate(group, NEW_ID, by=secretary)
    await bot.settle()
    bot.clock.set(local(23, 9))
    await bot.tick()

    # The secretariat is told once, in private, with the new id.
    [notice] = [m for m in texts(api, SECRETARY) if m.startswith("🔁")]
    assert str(NEW_ID) in notice
    assert "/baocao" in notice
    # One group, now at the new id; the move is kept.
    assert rows(db_path, "SELECT chat_id FROM groups") == [(NEW_ID,)]
    assert rows(db_path, "SELECT from_chat_id, to_chat_id FROM chat_moves") == [(OLD_ID, NEW_ID)]
    # In the supergroup Dũng goes on with the draft he had: question 2 of 2, then the review.
    api.send(supergroup, dung, "/baocao")
    await bot.settle()
    [prompt] = texts(api, NEW_ID)
    assert "Câu 2/2" in prompt
    api.send(supergroup, dung, "12", reply_to=api.messages_to(NEW_ID)[-1])
    await bot.settle()
    review = api.messages_to(NEW_ID)[-1]
    api.press(review, dung, review.button("Gửi báo cáo"))
    await bot.settle()
    assert any("Đã nhận báo cáo" in t for t in texts(api, NEW_ID))
    # The summary in the new chat knows the group and its week.
    api.send(supergroup, secretary, "/tonghop")
    await bot.settle()
    [summary] = texts(api, NEW_ID)
    assert summary.startswith("📊 Tình hình báo cáo tuần 48 (23/11 – 29/11)")
    assert "HND" in summary
    # The rest of the week goes to the new id, and nothing more to the old one.
    before_old = len(api.messages_to(OLD_ID))
    bot.clock.set(local(26, 17))
    await bot.tick()
    assert any(t.startswith("⏰ Nhắc báo cáo tuần 48 (23/11 – 29/11)") for t in texts(api, NEW_ID))
    assert len(api.messages_to(OLD_ID)) == before_old
    assert 400 not in calls_to(api, OLD_ID)
    assert rows(db_path, "SELECT count(*) FROM sent_messages WHERE kind = 'chat_moved'") == [(1,)]


@pytest.mark.parametrize("configured", [OLD_ID, NEW_ID], ids=["old id", "new id"])
async def test_the_config_may_name_a_moved_group_by_its_old_or_new_id_and_means_the_same_group(
    api: LocalBotApi, db_path: Path, configured: int
) -> None:
    summary = await summary_after_a_move(api, db_path, announced=True, configured=configured)

    assert summary.startswith("📊 Tình hình báo cáo tuần 48 (23/11 – 29/11)")
    assert rows(db_path, "SELECT count(*), chat_id FROM groups") == [(1, NEW_ID)]
    assert rows(db_path, "SELECT count(*) FROM periods") == [(1,)]
    assert rows(db_path, "SELECT count(*) FROM reports") == [(1,)]  # An's draft is still there


async def test_a_send_refused_as_migrated_moves_the_group_and_every_other_group_gets_its_once(
    api: LocalBotApi, db_path: Path
) -> None:
    """No service message reached the bot: the Monday call to the old id gets Telegram's 400
    with parameters.migrate_to_chat_id. Forty groups, one of them moved."""
    ids = [-5000 - n for n in range(40)]
    config = make_config(
        api,
        db_path,
        groups=[group_config(chat_id, f"Xã {n}", index=n + 1) for n, chat_id in enumerate(ids)],
    )
    chats = {chat_id: api.group(chat_id, f"Xã {n}") for n, chat_id in enumerate(ids)}
    api.migrate(chats[ids[7]], NEW_ID, by=api.user(1, "Quản trị"), announce=False)
    bot = BotHarness(api, config, FakeClock(local(23, 8)))
    async with bot:
        await bot.tick()
        for minute in range(1, 4):  # the ticks after it have nothing more to send
            bot.clock.set(local(23, 8).replace(minute=minute))
            await bot.tick()
        calls = {chat_id: [m for m in api.messages_to(chat_id) if m.text] for chat_id in ids}
        moved = [m for m in api.messages_to(NEW_ID) if (m.plain_text or "").startswith("📣")]

    assert len(moved) == 1
    assert calls[ids[7]] == []
    assert all(len(found) == 1 for chat_id, found in calls.items() if chat_id != ids[7])
    assert rows(db_path, f"SELECT count(*) FROM groups WHERE chat_id = {NEW_ID}") == [(1,)]
    assert rows(db_path, "SELECT DISTINCT state FROM sent_messages") == [("sent",)]


# --- the bot removed, added back; a person blocking it --------------------------------------


async def test_the_bot_removed_from_a_group_stops_its_schedule_tells_the_secretariat_once_and_resumes(  # noqa: E501
    commune: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    bot = commune
    group = api.group(OLD_ID, "MTTQ xã Hòa Thành")
    secretary, _, _ = people(api)
    await start_privately(bot, api, secretary)
    api.remove_bot(group, by=secretary)
    await bot.settle()

    for instant in (local(23, 8), local(23, 9), local(24, 8)):  # Monday's call, and after
        bot.clock.set(instant)
        await bot.tick()
    [notice] = texts(api, SECRETARY)
    assert notice.startswith("⚠️ Bot không còn gửi được tin vào nhóm")
    assert calls_to(api, OLD_ID) == []  # not even tried

    api.add_bot(group, by=secretary)
    await bot.settle()
    bot.clock.set(local(24, 9))  # Tuesday: the call still makes sense until Friday's deadline
    await bot.tick()
    [back] = texts(api, SECRETARY)
    assert back.startswith("✅ Bot đã trở lại nhóm")
    [call] = texts(api, OLD_ID)
    assert call.startswith("📣 Giao ban tuần 48 (23/11 – 29/11)")


async def test_messages_waiting_for_a_group_the_bot_left_are_dropped_once_they_no_longer_make_sense(
    commune: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    """Removed without the bot hearing of it: the call gets 403, is kept, and is never tried
    again; when the bot is back a week later it is dropped and this week's call goes out."""
    bot = commune
    group = api.group(OLD_ID, "MTTQ xã Hòa Thành")
    secretary, _, _ = people(api)
    await start_privately(bot, api, secretary)
    api.remove_bot(group, by=secretary, announce=False)
    bot.clock.set(local(23, 8))
    await bot.tick()
    for day in (24, 25, 26):
        bot.clock.set(local(day, 8))
        await bot.tick()
    assert calls_to(api, OLD_ID) == [403]
    assert len([t for t in texts(api, SECRETARY) if t.startswith("⚠️")]) == 1

    api.add_bot(group, by=secretary)
    bot.clock.set(local(30, 9))  # the next Monday
    await bot.settle()
    await bot.tick()
    digest, call = texts(api, OLD_ID)
    assert digest.startswith("📊 Tổng hợp giao ban tuần 48 (23/11 – 29/11)")
    assert call.startswith("📣 Giao ban tuần 49 (30/11 – 06/12)")
    assert rows(
        db_path,
        "SELECT p.key, s.kind, s.state FROM sent_messages s JOIN periods p "
        f"ON p.id = s.period_id WHERE s.chat_id = {OLD_ID} ORDER BY s.id",
    ) == [
        ("2026-W48", "call", "failed"),  # expired while the bot was out
        ("2026-W48", "digest", "sent"),
        ("2026-W49", "call", "sent"),
    ]


async def test_a_secretary_who_blocked_the_bot_is_shown_so_and_mentioned_in_the_group_instead(
    commune: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    bot = commune
    api.group(OLD_ID, "MTTQ xã Hòa Thành")
    secretary, _, _ = people(api)
    await start_privately(bot, api, secretary)
    api.block(secretary)
    await bot.settle()

    api.send(api.group(OLD_ID, "MTTQ xã Hòa Thành"), secretary, "/danhsach")
    roster = await bot.only_reply(OLD_ID)
    assert "Thư ⛔" in (roster.plain_text or "")
    assert "đã chặn bot" in (roster.plain_text or "")
    bot.clock.set(local(27, 17))  # Friday's deadline: two organizations overdue
    await bot.tick()
    deadline = [m for m in api.messages_to(OLD_ID) if (m.plain_text or "").startswith("⌛")]
    assert len(deadline) == 1
    assert f"tg://user?id={SECRETARY}" in (deadline[0].text or "")
    assert set(calls_to(api, SECRETARY)) == {200}  # only /start's answer, before the block

    api.unblock(secretary)
    api.send(api.private_chat(secretary), secretary, "/start")
    await bot.settle()
    assert rows(db_path, "SELECT count(*) FROM unreachable_chats") == [(0,)]


async def test_a_reply_refused_because_the_person_blocked_the_bot_is_noted_without_a_traceback(
    commune: BotHarness, api: LocalBotApi, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    bot = commune
    _, an, _ = people(api)
    chat = api.private_chat(an)
    api.fail("sendMessage", error_code=403, description="Forbidden: bot was blocked by the user")
    with caplog.at_level(logging.INFO):
        api.send(chat, an, "/baocao")
        await bot.settle()

    assert not [r for r in caplog.records if r.exc_info]
    assert rows(db_path, "SELECT chat_id FROM unreachable_chats") == [(LEADERS["doan"],)]
    assert [c.method for c in api.calls if c.method == "sendMessage"] == ["sendMessage"]


async def test_a_config_given_the_new_id_before_the_bot_heard_of_the_move_still_means_the_group(
    api: LocalBotApi, db_path: Path
) -> None:
    """The group was upgraded while nothing was sent to it, and the operator wrote the new id
    into the config: at start-up the bot asks Telegram about the id it no longer finds in the
    config, learns the move, and carries the group over instead of starting an empty one."""
    summary = await summary_after_a_move(api, db_path, announced=False, configured=NEW_ID)

    assert summary.startswith("📊 Tình hình báo cáo tuần 48 (23/11 – 29/11)")
    assert rows(db_path, "SELECT count(*), chat_id FROM groups") == [(1, NEW_ID)]
    assert rows(db_path, "SELECT count(*) FROM reports") == [(1,)]
    assert rows(db_path, "SELECT from_chat_id, to_chat_id FROM chat_moves") == [(OLD_ID, NEW_ID)]
