"""The local Bot API server behaves like Telegram for python-telegram-bot's real HTTP stack."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from telegram import (
    Bot,
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    ReplyParameters,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Conflict, Forbidden, InvalidToken, NetworkError, RetryAfter

from bot.local_api.server import LocalBotApi
from tests.harness import TOKEN


@pytest.fixture
async def client(api: LocalBotApi) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=api.base_url) as bot:
        yield bot


async def test_get_me_describes_a_bot_in_privacy_mode(client: Bot) -> None:
    me = await client.get_me()
    assert me.is_bot
    assert me.username == "GiaoBanBot"
    assert me.can_read_all_group_messages is False


async def test_a_wrong_token_is_unauthorized(api: LocalBotApi) -> None:
    with pytest.raises(InvalidToken):
        async with Bot("1:WRONG", base_url=api.base_url):
            pass


async def test_updates_are_delivered_until_confirmed_by_offset(
    api: LocalBotApi, client: Bot
) -> None:
    user = api.user(1, "An")
    chat = api.private_chat(user)
    first = api.send(chat, user, "một")
    api.send(chat, user, "hai")
    api.send(chat, user, "ba")

    limited = await client.get_updates(limit=2)
    again = await client.get_updates()
    after_confirming = await client.get_updates(offset=first + 1)
    nothing_left = await client.get_updates(offset=first + 3)

    assert [u.message.text for u in limited if u.message] == ["một", "hai"]
    assert len(again) == 3
    assert [u.message.text for u in after_confirming if u.message] == ["hai", "ba"]
    assert nothing_left == ()


async def test_a_long_poll_returns_as_soon_as_an_update_arrives(
    api: LocalBotApi, client: Bot
) -> None:
    user = api.user(1, "An")
    chat = api.private_chat(user)
    poll = asyncio.ensure_future(client.get_updates(timeout=30))
    await asyncio.wait_for(api.wait_polling(), timeout=5)

    api.send(chat, user, "/start")
    updates = await asyncio.wait_for(poll, timeout=5)

    assert updates[0].message is not None
    assert updates[0].message.text == "/start"
    assert updates[0].message.entities[0].type == "bot_command"


async def test_a_newer_long_poll_ends_the_older_one_with_a_conflict(
    api: LocalBotApi, client: Bot
) -> None:
    older = asyncio.ensure_future(client.get_updates(timeout=30))
    await asyncio.wait_for(api.wait_polling(), timeout=5)
    async with Bot(TOKEN, base_url=api.base_url) as other:
        newer = asyncio.ensure_future(other.get_updates(timeout=0))
        with pytest.raises(Conflict, match=r"(?i)terminated by other getUpdates"):
            await asyncio.wait_for(older, timeout=5)
        assert await newer == ()


async def test_groups_replies_edits_and_button_presses_arrive_as_telegram_sends_them(
    api: LocalBotApi, client: Bot
) -> None:
    group = api.group(-100500, "Nhóm", supergroup=True)
    leader = api.user(2, "Bình")
    api.send(group, leader, "/baocao@GiaoBanBot")
    question = await client.send_message(
        group.id, "Câu 1?", reply_markup=ForceReply(selective=True)
    )
    asked = await api.next_message(group.id)
    reply_id = api.send(group, leader, "120", reply_to=asked)
    api.edit(group, leader, reply_id, "130")
    keyboard = await client.send_message(
        group.id,
        "Xác nhận?",
        reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("Gửi", callback_data="ok")]]),
    )
    api.press(await api.next_message(group.id), leader, "ok")

    updates = await client.get_updates()

    command, reply, edit, press = updates
    assert command.message is not None
    assert command.message.chat.type == "supergroup"
    assert reply.message is not None
    assert reply.message.reply_to_message is not None
    assert reply.message.reply_to_message.message_id == question.message_id
    assert asked.force_reply
    assert asked.selective
    assert edit.edited_message is not None
    assert edit.edited_message.text == "130"
    assert edit.edited_message.message_id == reply_id
    assert press.callback_query is not None
    assert press.callback_query.data == "ok"
    assert press.callback_query.message is not None
    assert press.callback_query.message.message_id == keyboard.message_id
    assert await client.answer_callback_query(press.callback_query.id, "Đã nhận")
    assert api.callback_answers[-1]["text"] == "Đã nhận"


async def test_stickers_photos_and_documents_can_be_injected(api: LocalBotApi, client: Bot) -> None:
    user = api.user(3, "Cúc")
    chat = api.private_chat(user)
    api.send_sticker(chat, user)
    api.send_photo(chat, user, caption="Ảnh phát quà")
    api.send_document(chat, user, "bao-cao.pdf")

    sticker, photo, document = await client.get_updates()

    assert sticker.message is not None
    assert sticker.message.sticker is not None
    assert photo.message is not None
    assert photo.message.caption == "Ảnh phát quà"
    assert document.message is not None
    assert document.message.document is not None
    assert document.message.document.file_name == "bao-cao.pdf"


async def test_text_over_4096_characters_is_refused_like_telegram(
    api: LocalBotApi, client: Bot
) -> None:
    user = api.user(1, "An")
    chat = api.private_chat(user, started=True)
    await client.send_message(chat.id, "ư" * 4096)
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await client.send_message(chat.id, "ư" * 4097)
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await client.send_message(chat.id, "😀" * 2049)  # two UTF-16 units each
    # Markup does not count, only what is shown.
    await client.send_message(chat.id, "<b>" + "a" * 4096 + "</b>", parse_mode=ParseMode.HTML)


async def test_html_that_does_not_parse_is_refused_like_telegram(
    api: LocalBotApi, client: Bot
) -> None:
    user = api.user(1, "An")
    chat = api.private_chat(user, started=True)
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities: unsupported start tag"):
        await client.send_message(chat.id, "Tuần <48>", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await client.send_message(chat.id, "A & B", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await client.send_message(chat.id, "<b></b>", parse_mode=ParseMode.HTML)
    await client.send_message(chat.id, "Tuần &lt;48&gt; &amp; <i>ok</i>", parse_mode="HTML")
    assert api.sent[-1].plain_text == "Tuần <48> & ok"


async def test_the_error_shape_is_telegrams(api: LocalBotApi, client: Bot) -> None:
    user = api.user(1, "An")
    api.private_chat(user, started=True)
    await client.send_message(user.id, "x")
    api.fail("sendMessage", error_code=400, description="Bad Request: test")
    with pytest.raises(BadRequest):
        await client.send_message(user.id, "y")
    failed = api.calls[-1]
    assert (failed.method, failed.status) == ("sendMessage", 400)


async def test_the_server_can_be_told_to_answer_429_with_retry_after(
    api: LocalBotApi, client: Bot
) -> None:
    user = api.user(1, "An")
    chat = api.private_chat(user, started=True)
    api.fail("sendMessage", error_code=429, retry_after=7)
    with pytest.raises(RetryAfter) as caught:
        await client.send_message(chat.id, "x")
    assert caught.value.retry_after == timedelta(seconds=7)
    await client.send_message(chat.id, "x")  # the fault was for one call only


async def test_the_server_can_be_told_to_fail(api: LocalBotApi, client: Bot) -> None:
    user = api.user(1, "An")
    chat = api.private_chat(user, started=True)
    api.fail(error_code=502, times=2)
    for _ in range(2):
        with pytest.raises(NetworkError):
            await client.send_message(chat.id, "x")
    await client.send_message(chat.id, "x")


async def test_a_user_who_never_pressed_start_cannot_be_messaged_in_private(
    api: LocalBotApi, client: Bot
) -> None:
    user = api.user(4, "Dũng")
    api.private_chat(user)
    with pytest.raises(Forbidden, match=r"(?i)can't initiate conversation"):
        await client.send_message(user.id, "Xin chào")
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await client.send_message(424242, "Xin chào")


async def test_callback_data_over_64_bytes_is_refused(api: LocalBotApi, client: Bot) -> None:
    user = api.user(1, "An")
    chat = api.private_chat(user, started=True)
    too_long = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="đ" * 33)]])
    with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
        await client.send_message(chat.id, "x", reply_markup=too_long)


async def test_messages_can_be_edited_but_not_to_the_same_content(
    api: LocalBotApi, client: Bot
) -> None:
    user = api.user(1, "An")
    chat = api.private_chat(user, started=True)
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Gửi", callback_data="ok")]])
    sent = await client.send_message(chat.id, "Bản nháp", reply_markup=keyboard)
    await client.edit_message_text("Đã gửi", chat_id=chat.id, message_id=sent.message_id)
    await client.edit_message_reply_markup(
        chat_id=chat.id, message_id=sent.message_id, reply_markup=keyboard
    )
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await client.edit_message_reply_markup(
            chat_id=chat.id, message_id=sent.message_id, reply_markup=keyboard
        )
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await client.edit_message_text("x", chat_id=chat.id, message_id=999)
    (recorded,) = api.messages_to(chat.id)
    assert recorded.text == "Đã gửi"
    assert recorded.edits == ["Bản nháp"]


async def test_documents_and_photos_are_uploaded_with_their_content(
    api: LocalBotApi, client: Bot
) -> None:
    user = api.user(1, "An")
    chat = api.private_chat(user, started=True)
    await client.send_document(
        chat.id, b"PK\x03\x04 docx", filename="bao-cao-tuan.docx", caption="Báo cáo"
    )
    await client.send_photo(chat.id, b"\x89PNG fake", caption="Biểu đồ")
    document, photo = api.messages_to(chat.id)
    assert (document.kind, document.file_name, document.file_size) == (
        "document",
        "bao-cao-tuan.docx",
        9,
    )
    assert document.caption == "Báo cáo"
    assert (photo.kind, photo.file_content) == ("photo", b"\x89PNG fake")


async def test_replies_quote_the_message_they_answer(api: LocalBotApi, client: Bot) -> None:
    group = api.group(-100600, "Nhóm")
    user = api.user(5, "Hà")
    asked = api.send(group, user, "/help")
    answer = await client.send_message(
        group.id, "Trợ giúp", reply_parameters=ReplyParameters(asked)
    )
    assert answer.reply_to_message is not None
    assert answer.reply_to_message.text == "/help"
    with pytest.raises(BadRequest, match=r"(?i)message to be replied not found"):
        await client.send_message(group.id, "x", reply_parameters=ReplyParameters(9999))


async def test_get_chat_set_my_commands_and_delete_webhook(api: LocalBotApi, client: Bot) -> None:
    api.group(-100700, "Nhóm MTT", supergroup=True, forum=True)
    chat = await client.get_chat(-100700)
    assert (chat.title, chat.type, chat.is_forum) == ("Nhóm MTT", "supergroup", True)
    assert await client.delete_webhook()
    with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
        await client.set_my_commands([("Bao-Cao", "x")])
