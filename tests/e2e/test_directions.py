"""Directions (chỉ đạo), end to end: the secretariat gives one, it reaches the group and each
leader, the organization acknowledges it and reports on it (buttons, replies, the weekly
report), reminders go out once, and the secretariat manages it."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

from bot.clock import FakeClock
from bot.local_api.server import BotMessage, Chat, LocalBotApi, User
from tests.harness import (
    FARMERS_LEADER_ID,
    GROUP_ID,
    SECRETARY_ID,
    YOUTH_LEADER_ID,
    BotHarness,
)


def targets(db_path: Path) -> list[tuple[int, str, str, str | None]]:
    """(number, organization code, progress, note) of every direction given."""
    with sqlite3.connect(db_path) as connection:
        rows = connection.execute(
            "SELECT d.number, o.code, t.progress, t.note FROM direction_targets t "
            "JOIN directions d ON d.id = t.direction_id "
            "JOIN organizations o ON o.id = t.organization_id "
            "WHERE d.number IS NOT NULL ORDER BY d.number, o.id"
        ).fetchall()
    return [(n, code, progress, note) for n, code, progress, note in rows]


def directions(db_path: Path) -> list[tuple[int | None, str, str, str | None]]:
    with sqlite3.connect(db_path) as connection:
        rows = connection.execute(
            "SELECT number, state, text, due_on FROM directions ORDER BY id"
        ).fetchall()
    return [(n, state, text, due) for n, state, text, due in rows]


def history(db_path: Path, number: int) -> list[tuple[str, str | None, str | None]]:
    with sqlite3.connect(db_path) as connection:
        rows = connection.execute(
            "SELECT e.kind, e.value, e.text FROM direction_events e "
            "JOIN directions d ON d.id = e.direction_id WHERE d.number = ? ORDER BY e.id",
            (number,),
        ).fetchall()
    return [(kind, value, text) for kind, value, text in rows]


async def started(bot: BotHarness, api: LocalBotApi, user_id: int, name: str) -> tuple[User, Chat]:
    """Someone who pressed Start in private, so the bot may write to them there."""
    person = api.user(user_id, name)
    chat = api.private_chat(person)
    api.send(chat, person, "/start")
    await bot.only_reply(chat.id)
    return person, chat


async def press(
    bot: BotHarness, api: LocalBotApi, message: BotMessage, user: User, label: str
) -> BotMessage:
    api.press(message, user, message.button(label))
    return await bot.only_reply(message.chat_id)


async def give(
    bot: BotHarness,
    api: LocalBotApi,
    secretary: User,
    chat: Chat,
    organization: str,
    text: str,
    due: str = "Không có hạn",
) -> BotMessage:
    """The secretary gives a direction in private, step by step; returns the confirmation."""
    if api.chats.get(GROUP_ID) is None:  # the group it is posted in
        api.group(GROUP_ID, "MTT-CTXH")
    api.send(chat, secretary, "/chidao")
    choose = await bot.only_reply(chat.id)
    chosen = await press(bot, api, choose, secretary, organization)
    asked = await press(bot, api, chosen, secretary, "Tiếp tục")
    assert asked.plain_text is not None
    assert "Nhập nội dung chỉ đạo" in asked.plain_text
    api.send(chat, secretary, text)
    more = await bot.only_reply(chat.id)
    when = await press(bot, api, more, secretary, "Xong")
    if due[:1].isdigit():  # a day typed as dd/mm
        api.send(chat, secretary, due)
        review = await bot.only_reply(chat.id)
    else:
        review = await press(bot, api, when, secretary, due)
    assert review.plain_text is not None
    assert "Xem lại chỉ đạo" in review.plain_text
    given = await press(bot, api, review, secretary, "Gửi chỉ đạo")
    await bot.settle()  # delivered
    return given


async def test_a_direction_given_in_private_is_posted_in_the_group_and_sent_to_each_leader(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    secretary, secretary_chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")
    _, farmer_chat = await started(bot, api, FARMERS_LEADER_ID, "Dũng")
    group = api.group(GROUP_ID, "MTT-CTXH")

    given = await give(
        bot, api, secretary, secretary_chat, "Nông dân", "Vận động hội viên tham gia hiến máu."
    )

    assert given.plain_text is not None
    assert "Đã giao chỉ đạo #1 cho Hội Nông dân tỉnh" in given.plain_text
    post = await api.next_message(group.id)
    assert post.plain_text is not None
    assert post.plain_text.startswith("📌 CHỈ ĐẠO #1 — MTT-CTXH thử nghiệm")
    assert "Vận động hội viên tham gia hiến máu." in post.plain_text
    assert f'tg://user?id={FARMERS_LEADER_ID}"' in (post.text or "")
    assert [label for label, _ in post.buttons()] == ["Đã nhận", "Báo cáo kết quả"]
    copy = await api.next_message(farmer_chat.id)
    assert copy.plain_text is not None
    assert copy.plain_text.startswith("📌 CHỈ ĐẠO #1")
    assert targets(db_path) == [(1, "hnd", "new", None)]
    assert history(db_path, 1) == [("given", None, None)]


async def test_the_organization_acknowledges_with_the_button_and_the_giver_is_told(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    secretary, secretary_chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")
    group = api.group(GROUP_ID, "MTT-CTXH")
    await give(bot, api, secretary, secretary_chat, "Nông dân", "Rà soát hộ nghèo.")
    post = await api.next_message(group.id)
    farmer = api.user(FARMERS_LEADER_ID, "Dũng")

    acknowledged = await press(bot, api, post, farmer, "Đã nhận")

    assert acknowledged.plain_text == "Đã ghi nhận: Hội Nông dân tỉnh đã nhận chỉ đạo #1."
    notice = await api.next_message(secretary_chat.id)
    assert notice.plain_text == "✔️ Hội Nông dân tỉnh đã nhận chỉ đạo #1 (Dũng)."
    assert targets(db_path) == [(1, "hnd", "acknowledged", None)]
    # Pressed again: said once, changed nothing, nobody told twice.
    again = await press(bot, api, post, farmer, "Đã nhận")
    assert again.plain_text is not None
    assert "đã báo nhận chỉ đạo #1 trước đó" in again.plain_text
    await bot.settle()
    assert api.unread(secretary_chat.id) == []


async def test_only_the_addressed_organizations_leaders_may_acknowledge(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    secretary, secretary_chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")
    group = api.group(GROUP_ID, "MTT-CTXH")
    await give(bot, api, secretary, secretary_chat, "Nông dân", "Rà soát hộ nghèo.")
    post = await api.next_message(group.id)
    youth = api.user(YOUTH_LEADER_ID, "An")

    api.press(post, youth, post.button("Đã nhận"))
    await bot.settle()

    refusal = "Chỉ đạo #1 không giao cho tổ chức do anh/chị phụ trách."
    assert api.callback_answers[-1]["text"] == refusal
    assert targets(db_path) == [(1, "hnd", "new", None)]


async def test_a_reply_with_a_result_is_recorded_with_its_note_and_the_giver_told_when_done(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    secretary, secretary_chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")
    group = api.group(GROUP_ID, "MTT-CTXH")
    await give(bot, api, secretary, secretary_chat, "Nông dân", "Rà soát hộ nghèo.")
    post = await api.next_message(group.id)
    farmer = api.user(FARMERS_LEADER_ID, "Dũng")

    api.send(group, farmer, "Xong rồi, đã rà soát 3 thôn.", reply_to=post)
    recorded = await bot.only_reply(group.id)

    assert recorded.plain_text == (
        "Đã ghi kết quả chỉ đạo #1 của Hội Nông dân tỉnh: Đã xong.\nGhi chú: đã rà soát 3 thôn."
    )
    assert targets(db_path) == [(1, "hnd", "done", "đã rà soát 3 thôn.")]
    notice = await api.next_message(secretary_chat.id)
    assert notice.plain_text is not None
    assert notice.plain_text.startswith("✅ Hội Nông dân tỉnh báo đã xong chỉ đạo #1 (Dũng).")


async def test_a_reply_that_says_neither_received_nor_a_result_is_asked_back_not_guessed(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    secretary, secretary_chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")
    group = api.group(GROUP_ID, "MTT-CTXH")
    await give(bot, api, secretary, secretary_chat, "Nông dân", "Rà soát hộ nghèo.")
    post = await api.next_message(group.id)
    farmer = api.user(FARMERS_LEADER_ID, "Dũng")

    api.send(group, farmer, "chưa xong", reply_to=post)
    asked = await bot.only_reply(group.id)

    assert asked.plain_text is not None
    assert "Chưa rõ anh/chị báo gì về chỉ đạo #1" in asked.plain_text
    assert targets(db_path) == [(1, "hnd", "new", None)]
    api.send(group, farmer, "đã nhận ạ", reply_to=post)
    acknowledged = await bot.only_reply(group.id)
    assert acknowledged.plain_text == "Đã ghi nhận: Hội Nông dân tỉnh đã nhận chỉ đạo #1."


async def test_the_result_button_records_at_once_and_takes_an_optional_note(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    secretary, secretary_chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")
    farmer, farmer_chat = await started(bot, api, FARMERS_LEADER_ID, "Dũng")
    await give(bot, api, secretary, secretary_chat, "Nông dân", "Rà soát hộ nghèo.")
    copy = await api.next_message(farmer_chat.id)

    choose = await press(bot, api, copy, farmer, "Báo cáo kết quả")
    asked = await press(bot, api, choose, farmer, "Đang thực hiện")

    assert targets(db_path) == [(1, "hnd", "in_progress", None)]
    assert asked.plain_text is not None
    assert "Có ghi chú về kết quả thì gõ vào đây" in asked.plain_text
    api.send(farmer_chat, farmer, "Đã xong 2/5 thôn")
    noted = await bot.only_reply(farmer_chat.id)
    assert noted.plain_text is not None
    assert "Ghi chú: Đã xong 2/5 thôn" in noted.plain_text
    assert targets(db_path) == [(1, "hnd", "in_progress", "Đã xong 2/5 thôn")]
    # The note is not taken for anything else afterwards: the next message is a report's.
    assert [kind for kind, _, _ in history(db_path, 1)] == ["given", "result", "note"]


async def test_an_open_direction_is_asked_about_in_the_weekly_report_and_updated_on_submission(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    secretary, secretary_chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")
    youth, youth_chat = await started(bot, api, YOUTH_LEADER_ID, "An")
    await give(bot, api, secretary, secretary_chat, "Tỉnh đoàn", "Ra quân tình nguyện.")
    await api.next_message(youth_chat.id)  # the direction's copy

    api.send(youth_chat, youth, "/baocao")
    await bot.only_reply(youth_chat.id)
    api.send(youth_chat, youth, "Tuyên truyền 3 buổi.")
    more = await bot.only_reply(youth_chat.id)
    api.press(more, youth, more.button("Xong"))
    await bot.only_reply(youth_chat.id)
    for answer in ("12", "2 triệu", "bỏ qua"):
        api.send(youth_chat, youth, answer)
        asked = await bot.only_reply(youth_chat.id)
    assert asked.plain_text is not None
    assert "Kết quả thực hiện chỉ đạo #1: Ra quân tình nguyện." in asked.plain_text
    assert [label for label, _ in asked.buttons()] == [
        "Đã xong",
        "Đang thực hiện",
        "Chưa thực hiện",
    ]
    api.send(youth_chat, youth, "đang làm, đã ra quân ở 2 xã")
    review = await bot.only_reply(youth_chat.id)
    assert review.plain_text is not None
    assert "Đang thực hiện — đã ra quân ở 2 xã" in review.plain_text
    assert targets(db_path) == [(1, "tinh_doan", "new", None)]  # a draft changes nothing

    await press(bot, api, review, youth, "Gửi báo cáo")

    assert targets(db_path) == [(1, "tinh_doan", "in_progress", "đã ra quân ở 2 xã")]
    assert history(db_path, 1)[-1] == ("result:report", "in_progress", "đã ra quân ở 2 xã")


async def test_a_leader_may_not_give_a_direction(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    youth, youth_chat = await started(bot, api, YOUTH_LEADER_ID, "An")

    api.send(youth_chat, youth, "/chidao Họp ngay")
    refused = await bot.only_reply(youth_chat.id)

    assert refused.plain_text is not None
    assert "Ban Thường trực" in refused.plain_text
    assert directions(db_path) == []


async def test_unacknowledged_after_a_working_day_the_leaders_are_reminded_once(
    bot: BotHarness, api: LocalBotApi, clock: FakeClock, db_path: Path
) -> None:
    secretary, secretary_chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")
    _, farmer_chat = await started(bot, api, FARMERS_LEADER_ID, "Dũng")
    await give(bot, api, secretary, secretary_chat, "Nông dân", "Rà soát hộ nghèo.")
    await api.next_message(farmer_chat.id)
    api.mark_read()

    clock.advance(timedelta(hours=23))
    await bot.tick()
    assert api.unread(farmer_chat.id) == []
    clock.advance(timedelta(hours=2))
    await bot.tick()
    reminder = await api.next_message(farmer_chat.id)
    await bot.tick()
    clock.advance(timedelta(hours=3))
    await bot.tick()

    assert reminder.plain_text is not None
    assert reminder.plain_text.startswith("⏰ Hội Nông dân tỉnh chưa xác nhận đã nhận chỉ đạo #1")
    assert [label for label, _ in reminder.buttons()] == ["Đã nhận", "Báo cáo kết quả"]
    assert [m for m in api.unread(farmer_chat.id) if "⏰" in (m.plain_text or "")] == []


async def test_an_overdue_direction_is_reminded_once_and_named_at_the_report_deadline(
    bot: BotHarness, api: LocalBotApi, clock: FakeClock, db_path: Path
) -> None:
    secretary, secretary_chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")
    farmer, farmer_chat = await started(bot, api, FARMERS_LEADER_ID, "Dũng")
    # Monday 23/11: due by the end of this week (Friday 27/11).
    await give(bot, api, secretary, secretary_chat, "Nông dân", "Rà soát.", "Cuối tuần này")
    copy = await api.next_message(farmer_chat.id)
    await press(bot, api, copy, farmer, "Đã nhận")
    assert directions(db_path)[0][3] == "2026-11-27"
    api.mark_read()

    clock.advance(timedelta(days=3))  # Thursday morning: due tomorrow
    await bot.tick()
    due = [m.plain_text or "" for m in api.unread(farmer_chat.id)]
    assert any("đến hạn ngày mai (27/11/2026)" in text for text in due), due
    api.mark_read()
    clock.advance(timedelta(days=2))  # Saturday 09:00: overdue
    await bot.tick()
    overdue = [m.plain_text or "" for m in api.unread(farmer_chat.id)]
    assert any("đã quá hạn (27/11/2026)" in text for text in overdue), overdue
    api.mark_read()
    clock.advance(timedelta(days=1))
    await bot.tick()
    assert not any("quá hạn" in (m.plain_text or "") for m in api.unread(farmer_chat.id))


async def test_the_report_deadline_names_the_directions_overdue(
    bot: BotHarness, api: LocalBotApi, clock: FakeClock, db_path: Path
) -> None:
    secretary, secretary_chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")
    group = api.group(GROUP_ID, "MTT-CTXH")
    await give(bot, api, secretary, secretary_chat, "Nông dân", "Rà soát.", "24/11")
    api.mark_read()

    clock.advance(timedelta(days=4, hours=8))  # Friday 17:00, the report deadline
    await bot.tick()

    deadline = [m.plain_text or "" for m in api.unread(group.id)]
    assert any("Chỉ đạo quá hạn chưa xong: #1 Hội Nông dân tỉnh (hạn 24/11)" in text
               for text in deadline), deadline  # fmt: skip
    private = [m.plain_text or "" for m in api.unread(secretary_chat.id)]
    assert any("#1 Hội Nông dân tỉnh (hạn 24/11)" in text for text in private), private


async def test_the_digest_counts_directions_in_the_four_categories(
    bot: BotHarness, api: LocalBotApi, clock: FakeClock
) -> None:
    secretary, secretary_chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")
    group = api.group(GROUP_ID, "MTT-CTXH")
    await give(bot, api, secretary, secretary_chat, "Nông dân", "Rà soát hộ nghèo.")
    post = await api.next_message(group.id)
    farmer = api.user(FARMERS_LEADER_ID, "Dũng")
    api.send(group, farmer, "xong", reply_to=post)
    await bot.only_reply(group.id)
    api.mark_read()  # the giver's notice that it is done
    await give(bot, api, secretary, secretary_chat, "Tỉnh đoàn", "Ra quân.")

    api.send(secretary_chat, secretary, "/tonghop")
    summary = await api.next_message(secretary_chat.id)

    assert summary.plain_text is not None
    assert "Chỉ đạo" in summary.plain_text
    assert (
        "Hoàn thành đúng hạn: 1 · Hoàn thành quá hạn: 0 · Chưa hoàn thành, còn trong hạn: 1 · "
        "Chưa hoàn thành, đã quá hạn: 0" in summary.plain_text
    )
    assert "Giao trong kỳ: #1, #2" in summary.plain_text
    assert "#2 Ra quân. — hạn: không · 0/1 đã xong" in summary.plain_text


async def test_the_secretariat_changes_the_due_date_and_the_organization_is_told(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    secretary, secretary_chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")
    _, farmer_chat = await started(bot, api, FARMERS_LEADER_ID, "Dũng")
    await give(bot, api, secretary, secretary_chat, "Nông dân", "Rà soát hộ nghèo.")
    await api.next_message(farmer_chat.id)

    api.send(secretary_chat, secretary, "/chidao 1")
    detail = await bot.only_reply(secretary_chat.id)
    asked = await press(bot, api, detail, secretary, "Đổi hạn")
    api.send(secretary_chat, secretary, "31/02")
    refused = await bot.only_reply(secretary_chat.id)
    api.send(secretary_chat, secretary, "10/12")
    changed = await bot.only_reply(secretary_chat.id)

    assert asked.plain_text is not None
    assert "Hạn mới của chỉ đạo #1?" in asked.plain_text
    assert refused.plain_text is not None
    assert "Không có ngày này trong lịch" in refused.plain_text
    assert changed.plain_text == "Đã đổi hạn chỉ đạo #1 thành 10/12/2026; đã báo Hội Nông dân tỉnh."
    told = await api.next_message(farmer_chat.id)
    assert told.plain_text == "🗓 Chỉ đạo #1: hạn mới là 10/12/2026 (Trần Thị Thư)."
    assert directions(db_path)[0][3] == "2026-12-10"


async def test_a_withdrawn_direction_is_no_longer_asked_about_and_cannot_be_acknowledged(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    secretary, secretary_chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")
    farmer, farmer_chat = await started(bot, api, FARMERS_LEADER_ID, "Dũng")
    await give(bot, api, secretary, secretary_chat, "Nông dân", "Rà soát hộ nghèo.")
    copy = await api.next_message(farmer_chat.id)

    api.send(secretary_chat, secretary, "/chidao 1")
    detail = await bot.only_reply(secretary_chat.id)
    asked = await press(bot, api, detail, secretary, "Thu hồi")
    api.send(secretary_chat, secretary, "Trùng với kế hoạch của huyện")
    withdrawn = await bot.only_reply(secretary_chat.id)

    assert asked.plain_text is not None
    assert withdrawn.plain_text == "Đã thu hồi chỉ đạo #1; đã báo Hội Nông dân tỉnh."
    told = await api.next_message(farmer_chat.id)
    assert told.plain_text is not None
    assert "Lý do: Trùng với kế hoạch của huyện" in told.plain_text
    assert directions(db_path)[0][1] == "withdrawn"
    api.press(copy, farmer, copy.button("Đã nhận"))
    refused = await bot.only_reply(farmer_chat.id)
    assert refused.plain_text == "Chỉ đạo #1 đã thu hồi."


async def test_replying_chidao_to_an_organizations_receipt_chooses_that_organization(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    group = api.group(GROUP_ID, "MTT-CTXH")
    secretary = api.user(SECRETARY_ID, "Trần Thị Thư")
    # The bot's receipt of the organization's report, in the group.
    sent = await bot.app.bot.send_message(group.id, "✅ Hội Nông dân tỉnh đã gửi báo cáo tuần 48.")
    receipt = sent.message_id
    api.mark_read()

    api.send(group, secretary, "/chidao Báo cáo bổ sung số liệu hộ nghèo", reply_to=receipt)
    due = await bot.only_reply(group.id)

    assert due.plain_text is not None
    assert "Hạn thực hiện?" in due.plain_text
    review = await press(bot, api, due, secretary, "Không có hạn")
    assert review.plain_text is not None
    assert "Nơi nhận: Hội Nông dân tỉnh" in review.plain_text
    assert "Báo cáo bổ sung số liệu hộ nghèo" in review.plain_text


async def test_a_draft_survives_a_restart_and_send_pressed_twice_gives_it_once(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    secretary, secretary_chat = await started(bot, api, SECRETARY_ID, "Trần Thị Thư")
    group = api.group(GROUP_ID, "MTT-CTXH")
    api.send(secretary_chat, secretary, "/chidao")
    choose = await bot.only_reply(secretary_chat.id)
    chosen = await press(bot, api, choose, secretary, "Nông dân")
    await press(bot, api, chosen, secretary, "Tiếp tục")

    await bot.restart()
    api.send(secretary_chat, secretary, "Kiểm tra <b>kho</b> & =SUM(A1)")
    more = await bot.only_reply(secretary_chat.id)
    when = await press(bot, api, more, secretary, "Xong")
    review = await press(bot, api, when, secretary, "Không có hạn")
    send = review.button("Gửi chỉ đạo")
    api.press(review, secretary, send)
    api.press(review, secretary, send)
    await bot.settle()

    assert directions(db_path) == [(1, "open", "Kiểm tra <b>kho</b> & =SUM(A1)", None)]
    post = await api.next_message(group.id)
    assert post.plain_text is not None
    assert "Kiểm tra <b>kho</b> & =SUM(A1)" in post.plain_text
    await bot.settle()
    assert [m for m in api.unread(group.id) if "CHỈ ĐẠO" in (m.plain_text or "")] == []
