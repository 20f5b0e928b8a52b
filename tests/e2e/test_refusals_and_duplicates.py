"""Polite refusals, other people's buttons and redelivered updates: nothing changes."""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path

import pytest

from bot.local_api.server import LocalBotApi
from tests.e2e.reports import answers, private_report_until_question_2, report_row
from tests.harness import FARMERS_LEADER_ID, GROUP_ID, SECRETARY_ID, YOUTH_LEADER_ID, BotHarness

STRANGER_ID = 500099


def table_counts(db_path: Path) -> dict[str, int]:
    tables = ("reports", "answers", "answer_parts", "conversations", "join_requests", "periods")
    with sqlite3.connect(db_path) as connection:
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


@pytest.mark.parametrize("command", ["/report", "/baocao", "/status", "/tinhhinh"])
async def test_a_person_who_is_not_a_member_is_told_how_to_join(
    bot: BotHarness, api: LocalBotApi, db_path: Path, command: str
) -> None:
    group = api.group(GROUP_ID, "MTT-CTXH")
    stranger = api.user(STRANGER_ID, "Người Lạ")
    before = table_counts(db_path)

    api.send(group, stranger, command)
    reply = await bot.only_reply(group.id)

    assert reply.plain_text == (
        "Anh/chị chưa có trong danh sách lãnh đạo các tổ chức của nhóm. Gõ /dangky để "
        "đăng ký; Ban Thường trực sẽ duyệt."
    )
    assert table_counts(db_path) == before


async def test_a_stranger_in_private_is_told_how_to_join(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    stranger = api.user(STRANGER_ID, "Người Lạ")
    chat = api.private_chat(stranger)

    api.send(chat, stranger, "/baocao")
    reply = await bot.only_reply(chat.id)

    assert reply.plain_text is not None
    assert "Gõ /dangky để đăng ký" in reply.plain_text
    assert table_counts(db_path)["reports"] == 0


async def test_the_secretariat_is_told_it_reports_for_no_organization(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    group = api.group(GROUP_ID, "MTT-CTXH")
    secretary = api.user(SECRETARY_ID, "Trần Thị Thư")

    api.send(group, secretary, "/baocao")
    reply = await bot.only_reply(group.id)

    assert reply.plain_text == (
        "Anh/chị thuộc Ban Thường trực, không phụ trách báo cáo của tổ chức nào."
    )
    assert table_counts(db_path)["reports"] == 0


@pytest.mark.parametrize(
    "command", ["/baocao", "/tinhhinh", "/huy", "/dangky", "/danhsach", "/xoa", "/trogiup"]
)
async def test_a_command_in_a_group_that_is_not_configured_gets_one_short_explanation(
    bot: BotHarness, api: LocalBotApi, db_path: Path, command: str
) -> None:
    other_group = api.group(-1009999999999, "Nhóm khác")
    leader = api.user(YOUTH_LEADER_ID, "Nguyễn Văn An")
    before = table_counts(db_path)

    api.send(other_group, leader, command)
    reply = await bot.only_reply(other_group.id)

    assert reply.plain_text is not None
    assert reply.plain_text.startswith("Nhóm này chưa được cấu hình để dùng Giao Ban.")
    assert table_counts(db_path) == before


async def test_ordinary_chatter_in_an_unconfigured_group_gets_no_answer(
    bot: BotHarness, api: LocalBotApi
) -> None:
    other_group = api.group(-1009999999999, "Nhóm khác")
    someone = api.user(STRANGER_ID, "Người Lạ")

    api.send(other_group, someone, "Chào cả nhà")
    await bot.settle()

    assert api.unread(other_group.id) == []


async def test_another_leaders_press_on_a_report_button_is_refused_and_changes_nothing(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    group = api.group(GROUP_ID, "MTT-CTXH")
    youth = api.user(YOUTH_LEADER_ID, "An")
    farmers = api.user(FARMERS_LEADER_ID, "Hoa")
    api.send(group, youth, "/baocao")
    prompt = await bot.only_reply(group.id)
    for answer in ("Tuyên truyền 3 buổi.", "xong", "120", "2 triệu", "bỏ qua"):
        api.send(group, youth, answer, reply_to=prompt)
        prompt = await bot.only_reply(group.id)
    review = prompt
    submit = review.button("Gửi báo cáo")

    for data in (submit, review.button("Sửa câu 2")):
        api.press(review, farmers, data)
        await bot.settle()
        assert api.callback_answers[-1]["text"] == "Nút này dành cho người khác."
    assert api.unread(group.id) == []
    assert review.buttons() != []  # the youth leader's buttons are still there
    assert report_row(db_path, "tinh_doan") is not None
    assert report_row(db_path, "tinh_doan")[0] == "draft"  # type: ignore[index]

    api.press(review, youth, submit)
    receipt = await bot.only_reply(group.id)
    assert receipt.plain_text is not None
    assert "đúng hạn" in receipt.plain_text


async def test_a_forged_or_old_button_is_answered_with_a_notice(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    leader, chat, question = await private_report_until_question_2(bot, api)

    for data in ("zz:1:2", "c:notanumber", f"c:{YOUTH_LEADER_ID}:999999", "a:1:2:3"):
        api.press(question, leader, data)
        await bot.settle()
        assert api.callback_answers[-1]["text"] == "Nút này đã cũ. Gõ /baocao để tiếp tục."
    assert api.unread(chat.id) == []
    assert report_row(db_path, "tinh_doan") == ("draft", None)


async def test_an_update_delivered_again_after_a_restart_changes_nothing_and_reasks(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    leader, chat, _ = await private_report_until_question_2(bot, api)
    api.send(chat, leader, "120")
    await bot.only_reply(chat.id)
    answered = api.last_update_id

    await bot.stop()
    api.redeliver(answered)  # Telegram never learnt that the bot had it
    await bot.start()
    # The bot may have stopped before its answer went out: it shows again what it waits for.
    again = await bot.only_reply(chat.id)
    assert "Câu 3/4" in (again.plain_text or "")
    assert "⚠️" not in (again.plain_text or "")
    assert answers(db_path, "tinh_doan")["ho_kho_khan"] == ("120", "120", 0)
    api.send(chat, leader, "2 triệu")
    question = await bot.only_reply(chat.id)
    assert question.plain_text is not None
    assert "Câu 4/4" in question.plain_text  # question 3 was not asked twice


async def test_the_same_chat_and_message_id_under_a_new_update_id_changes_nothing(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    leader, chat, _ = await private_report_until_question_2(bot, api)
    api.send(chat, leader, "120")
    await bot.only_reply(chat.id)
    original = copy.deepcopy(api.delivered_log[-1])
    before = table_counts(db_path)

    # In the same run the bot knows its reply went out: nothing is said twice.
    api.push_update({"message": original["message"]})
    await bot.settle()
    assert api.unread(chat.id) == []

    # After a restart it cannot know: where the report stands, nothing more.
    await bot.restart()
    api.push_update({"message": original["message"]})
    again = await bot.only_reply(chat.id)

    assert "Câu 3/4" in (again.plain_text or "")
    assert table_counts(db_path) == before
    # Had it been taken again, "120" would be the answer to question 3 (money).
    assert "kinh_phi" not in answers(db_path, "tinh_doan")


async def test_a_repeated_button_press_submits_once(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    leader, chat, _ = await private_report_until_question_2(bot, api)
    api.send(chat, leader, "120")
    await bot.only_reply(chat.id)
    api.send(chat, leader, "2 triệu")
    skip_prompt = await bot.only_reply(chat.id)
    api.press(skip_prompt, leader, skip_prompt.button("Bỏ qua"))
    review = await bot.only_reply(chat.id)
    api.press(review, leader, review.button("Gửi báo cáo"))
    await bot.only_reply(chat.id)
    press = copy.deepcopy(api.delivered_log[-1])
    submitted = report_row(db_path, "tinh_doan")

    api.push_update({"callback_query": press["callback_query"]})
    await bot.settle()

    assert api.unread(chat.id) == []
    assert report_row(db_path, "tinh_doan") == submitted
