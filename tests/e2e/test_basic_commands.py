"""/start, /help, unknown commands and handler errors, through PTB's real HTTP stack."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.commands import MENU
from bot.local_api.server import LocalBotApi
from tests.harness import GROUP_ID, SECRETARY_ID, YOUTH_LEADER_ID, BotHarness


async def test_start_in_private_greets_in_vietnamese_and_records_that_start_was_pressed(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    leader = api.user(YOUTH_LEADER_ID, "Nguyễn Văn An")
    chat = api.private_chat(leader)

    api.send(chat, leader, "/start")
    reply = await bot.only_reply(chat.id)

    assert reply.plain_text is not None
    assert reply.plain_text.startswith("Xin chào Nguyễn Văn An!")
    assert "Giao Ban" in reply.plain_text
    assert reply.parse_mode == "HTML"
    await bot.settle()
    with sqlite3.connect(db_path) as connection:
        started = connection.execute(
            "SELECT full_name, private_chat_started_at FROM people WHERE user_id = ?",
            (YOUTH_LEADER_ID,),
        ).fetchone()
    assert started[0] == "Nguyễn Văn An"
    assert started[1] is not None


async def test_start_in_the_configured_group_names_the_group(
    bot: BotHarness, api: LocalBotApi
) -> None:
    group = api.group(GROUP_ID, "MTT-CTXH", supergroup=True)
    secretary = api.user(SECRETARY_ID, "Trần Thị Bình")

    message_id = api.send(group, secretary, "/start@GiaoBanBot")
    reply = await bot.only_reply(group.id)

    assert reply.plain_text is not None
    assert "MTT-CTXH thử nghiệm" in reply.plain_text
    assert reply.reply_to_message_id == message_id


async def test_help_lists_the_commands_in_vietnamese(bot: BotHarness, api: LocalBotApi) -> None:
    leader = api.user(YOUTH_LEADER_ID, "An")
    chat = api.private_chat(leader)

    api.send(chat, leader, "/help")
    reply = await bot.only_reply(chat.id)

    assert reply.plain_text is not None
    # Every command of the menu, under the Vietnamese name people are told to type.
    for command in MENU:
        assert f"/{(command.aliases or (command.name,))[0]} — " in reply.plain_text
    assert "Ban Thường trực" in reply.plain_text


async def test_commands_are_registered_with_vietnamese_and_english_descriptions(
    bot: BotHarness, api: LocalBotApi
) -> None:
    vietnamese = {c["command"]: c["description"] for c in api.commands_for()}
    english = {c["command"]: c["description"] for c in api.commands_for("en")}

    assert vietnamese == {
        "report": "Báo cáo kết quả tuần",
        "status": "Tình hình báo cáo của tổ chức",
        "history": "Các tuần gần đây của tổ chức",
        "cancel": "Tạm dừng, giữ bản nháp",
        "summary": "Tổng hợp báo cáo (Ban Thường trực)",
        "directive": "Chỉ đạo: giao, theo dõi kết quả",
        "tasks": "Nhiệm vụ theo phương án",
        "level": "Tình huống đang áp dụng",
        "plan": "Phương án ứng phó: nhập, xem",
        "chart": "Biểu đồ báo cáo các tuần gần đây",
        "export": "Xuất báo cáo Word/Excel (Ban Thường trực)",
        "join": "Đăng ký làm người báo cáo",
        "roster": "Danh sách tổ chức và người báo cáo",
        "remove": "Xoá người đã đăng ký",
        "skip": "Cho nghỉ tuần này hoặc miễn một tổ chức",
        "start": "Giới thiệu bot",
        "help": "Danh sách lệnh",
    }
    assert english["report"] == "Report this week's results"
    assert english.keys() == vietnamese.keys()


async def test_an_unknown_command_is_explained(bot: BotHarness, api: LocalBotApi) -> None:
    leader = api.user(YOUTH_LEADER_ID, "An")
    chat = api.private_chat(leader)

    api.send(chat, leader, "/baocaoo <b>")
    reply = await bot.only_reply(chat.id)

    assert reply.plain_text == "Bot chưa có lệnh /baocaoo. Gõ /help để xem các lệnh."


async def test_a_group_that_is_not_configured_gets_one_short_explanation(
    bot: BotHarness, api: LocalBotApi
) -> None:
    stranger_group = api.group(-1009999, "Nhóm lạ")
    someone = api.user(777, "Lê Văn C")

    api.send(stranger_group, someone, "/start")
    reply = await bot.only_reply(stranger_group.id)

    assert reply.plain_text is not None
    assert reply.plain_text.startswith("Nhóm này chưa được cấu hình để dùng Giao Ban.")


async def test_a_failing_handler_is_answered_with_an_apology_and_the_bot_keeps_running(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    leader = api.user(YOUTH_LEADER_ID, "An")
    chat = api.private_chat(leader)
    await bot.settle()
    # Break the database under the running bot: /start must write to the people table.
    with sqlite3.connect(db_path) as connection:
        connection.execute("ALTER TABLE people RENAME TO people_gone")

    api.send(chat, leader, "/start")
    apology = await api.next_message(chat.id)
    api.send(chat, leader, "/help")
    help_reply = await api.next_message(chat.id)

    assert apology.plain_text is not None
    assert apology.plain_text.startswith("Xin lỗi, bot gặp lỗi")
    assert help_reply.plain_text is not None
    assert "/start" in help_reply.plain_text


async def test_editing_an_old_command_does_not_run_it_again(
    bot: BotHarness, api: LocalBotApi
) -> None:
    leader = api.user(YOUTH_LEADER_ID, "An")
    chat = api.private_chat(leader)
    command_id = api.send(chat, leader, "/help")
    await api.next_message(chat.id)

    api.edit(chat, leader, command_id, "/start")
    api.send(chat, leader, "/help")
    after = await api.next_message(chat.id)

    await bot.settle()
    assert after.plain_text is not None
    assert "/start" in after.plain_text  # the /help answer, not a second greeting
    assert api.unread(chat.id) == []
    assert len(api.messages_to(chat.id)) == 2
