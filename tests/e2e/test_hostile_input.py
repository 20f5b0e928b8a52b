"""A corpus of hostile and odd answers: each is stored faithfully or refused clearly, and the
bot's replies stay valid Telegram HTML (the local server rejects anything else, exactly as
Telegram does, and a rejected reply would end in the apology message)."""

from __future__ import annotations

import sqlite3
import unicodedata
from pathlib import Path

import pytest

from bot.local_api.server import LocalBotApi
from bot.local_api.telegram_html import parse_html
from tests.e2e.reports import answers, private_report_until_question_2
from tests.harness import GROUP_ID, YOUTH_LEADER_ID, BotHarness

APOLOGY = "Xin lỗi, bot gặp lỗi"
LONG_TEXT = ("Tuyên truyền về Ngày hội Đại đoàn kết toàn dân tộc tại khu dân cư. " * 80)[:5000]
NFD_TEXT = unicodedata.normalize("NFD", "Tuyên truyền ở xã Tân Hòa, huyện Châu Thành")


def assert_every_reply_is_valid_html(api: LocalBotApi) -> None:
    for message in api.sent:
        shown = message.text if message.kind == "text" else message.caption  # files: captions
        assert shown is not None
        parse_html(shown)  # raises on markup Telegram would refuse
        assert APOLOGY not in (message.plain_text or "")


def parts(db_path: Path) -> list[str]:
    with sqlite3.connect(db_path) as connection:
        return [row[0] for row in connection.execute("SELECT text FROM answer_parts")]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        pytest.param(
            "<b>Đậm</b> & <script>alert('x')</script> <a href=x>y</a> 5 < 6 > 4",
            "<b>Đậm</b> & <script>alert('x')</script> <a href=x>y</a> 5 < 6 > 4",
            id="html",
        ),
        pytest.param(
            "*đậm* _nghiêng_ `mã` [liên kết](http://example.org) ~gạch~ ||ẩn|| \\*",
            "*đậm* _nghiêng_ `mã` [liên kết](http://example.org) ~gạch~ ||ẩn|| \\*",
            id="markdown",
        ),
        pytest.param(
            "Hoàn thành 100% 🎉👍🏽🇻🇳 ❤️ 👨‍👩‍👧",
            "Hoàn thành 100% 🎉👍🏽🇻🇳 ❤️ 👨‍👩‍👧",
            id="emoji",
        ),
        pytest.param(NFD_TEXT, unicodedata.normalize("NFC", NFD_TEXT), id="decomposed-nfd"),
        pytest.param(LONG_TEXT, LONG_TEXT.strip(), id="5000-characters"),
        pytest.param("  Dòng 1\r\nDòng 2\r\n  ", "Dòng 1\nDòng 2", id="line-endings"),
        pytest.param("&amp; &lt;b&gt; &#60;", "&amp; &lt;b&gt; &#60;", id="entities-kept-as-typed"),
    ],
)
async def test_a_text_answer_is_stored_exactly_as_typed_in_nfc(
    bot: BotHarness, api: LocalBotApi, db_path: Path, typed: str, stored: str
) -> None:
    leader = api.user(YOUTH_LEADER_ID, "An")
    chat = api.private_chat(leader)
    api.send(chat, leader, "/baocao")
    await bot.only_reply(chat.id)

    api.send(chat, leader, typed)
    acknowledged = await bot.only_reply(chat.id)
    api.press(acknowledged, leader, acknowledged.button("Xong"))
    await bot.only_reply(chat.id)

    assert answers(db_path, "tinh_doan")["tuyen_truyen"] == (stored, None, 0)
    assert parts(db_path) == [stored]
    assert_every_reply_is_valid_html(api)


@pytest.mark.parametrize("typed", [" ", "\n\n", "\u200b", "\ufeff\u200b "])
async def test_an_empty_looking_answer_is_refused_and_nothing_is_stored(
    bot: BotHarness, api: LocalBotApi, db_path: Path, typed: str
) -> None:
    leader = api.user(YOUTH_LEADER_ID, "An")
    chat = api.private_chat(leader)
    api.send(chat, leader, "/baocao")
    await bot.only_reply(chat.id)

    api.send(chat, leader, typed)
    again = await bot.only_reply(chat.id)

    assert again.plain_text is not None
    assert "Câu trả lời đang trống." in again.plain_text
    assert "Câu 1/4" in again.plain_text
    assert answers(db_path, "tinh_doan") == {}
    assert_every_reply_is_valid_html(api)


@pytest.mark.parametrize(
    ("typed", "value", "problem"),
    [
        ("8.617", "8617", None),
        ("8617", "8617", None),
        ("8 617 hộ", "8617", None),
        ("8\u00a0617", "8617", None),
        ("1.234.567", "1234567", None),
        ("120 hộ.", "120", None),
        ("１２０", "120", None),
        ("8,617", "8617", None),  # for a count, the English thousands comma
        ("12,5", None, "Số lượng phải là số nguyên."),
        ("-5", None, "Số không được âm."),
        ("<b>5</b>", None, "Con số chưa rõ ràng"),
        ("120 hộ, 30 người", None, "Con số chưa rõ ràng"),
        ("nhiều lắm 😅", None, "Chưa đọc được con số trong câu trả lời."),
    ],
)
async def test_counts_with_dots_commas_spaces_and_units_are_read_or_asked_again(
    bot: BotHarness,
    api: LocalBotApi,
    db_path: Path,
    typed: str,
    value: str | None,
    problem: str | None,
) -> None:
    leader, chat, _ = await private_report_until_question_2(bot, api)

    api.send(chat, leader, typed)
    reply = await bot.only_reply(chat.id)

    assert reply.plain_text is not None
    if problem is None:
        assert "Câu 3/4" in reply.plain_text
        assert answers(db_path, "tinh_doan")["ho_kho_khan"] == (typed, value, 0)
    else:
        assert problem in reply.plain_text
        assert "Ví dụ: 120 hoặc 8.617" in reply.plain_text
        assert "ho_kho_khan" not in answers(db_path, "tinh_doan")
    assert_every_reply_is_valid_html(api)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1.500.000 đồng", "1500000"),
        ("2tr5", "2500000"),
        ("500k", "500000"),
        ("500 nghìn", "500000"),
        ("1,5 tr", "1500000"),
        ("2.000.000đ", "2000000"),
        ("5 tấn", None),
        ("hai triệu", "2000000"),
    ],
)
async def test_money_answers_are_read_or_asked_again(
    bot: BotHarness, api: LocalBotApi, db_path: Path, typed: str, value: str | None
) -> None:
    leader, chat, _ = await private_report_until_question_2(bot, api)
    api.send(chat, leader, "120")
    await bot.only_reply(chat.id)

    api.send(chat, leader, typed)
    reply = await bot.only_reply(chat.id)

    assert reply.plain_text is not None
    if value is not None:
        assert answers(db_path, "tinh_doan")["kinh_phi"] == (typed, value, 0)
    else:
        assert "Ví dụ: 2 triệu, 1,5 tr, 500k hoặc 1.500.000 đồng" in reply.plain_text
        assert "kinh_phi" not in answers(db_path, "tinh_doan")
    assert_every_reply_is_valid_html(api)


async def test_a_sticker_is_refused_and_the_question_asked_again(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    leader, chat, _ = await private_report_until_question_2(bot, api)

    api.send_sticker(chat, leader)
    again = await bot.only_reply(chat.id)

    assert again.plain_text is not None
    assert "Bot chưa đọc được loại tin nhắn này." in again.plain_text
    assert "Câu 2/4" in again.plain_text
    assert "ho_kho_khan" not in answers(db_path, "tinh_doan")


async def test_a_5000_character_answer_goes_through_review_and_receipt_as_valid_messages(
    bot: BotHarness, api: LocalBotApi, db_path: Path
) -> None:
    leader = api.user(YOUTH_LEADER_ID, "An")
    chat = api.private_chat(leader)
    api.send(chat, leader, "/baocao")
    await bot.only_reply(chat.id)
    api.send(chat, leader, LONG_TEXT)
    more = await bot.only_reply(chat.id)
    api.send(chat, leader, "<i>Phần hai</i> & hết.")
    await bot.settle()
    api.press(more, leader, more.button("Xong"))
    await bot.only_reply(chat.id)
    api.send(chat, leader, "120")
    await bot.only_reply(chat.id)
    api.send(chat, leader, "2 triệu")
    skip = await bot.only_reply(chat.id)
    api.press(skip, leader, skip.button("Bỏ qua"))
    review = await bot.only_reply(chat.id)
    api.press(review, leader, review.button("Gửi báo cáo"))
    await bot.only_reply(chat.id)

    stored = answers(db_path, "tinh_doan")["tuyen_truyen"][0]
    assert stored == LONG_TEXT.strip() + "\n<i>Phần hai</i> & hết."
    assert review.plain_text is not None
    assert "…" in review.plain_text  # the review shows a preview; the report keeps it all
    assert_every_reply_is_valid_html(api)


async def test_a_name_full_of_markup_is_mentioned_safely_in_the_group(
    bot: BotHarness, api: LocalBotApi
) -> None:
    group = api.group(GROUP_ID, "MTT-CTXH")
    leader = api.user(YOUTH_LEADER_ID, "<b>An</b> & </a>", last_name="*Nguyễn*")

    api.send(group, leader, "/baocao")
    prompt = await bot.only_reply(group.id)

    assert prompt.plain_text is not None
    assert prompt.plain_text.startswith("<b>An</b> & </a> *Nguyễn*\n")
    assert prompt.text is not None
    assert "&lt;b&gt;An&lt;/b&gt; &amp; &lt;/a&gt;" in prompt.text
    assert_every_reply_is_valid_html(api)
