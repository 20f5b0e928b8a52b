"""Directions (chỉ đạo) in /export, end to end: given and followed up in the chat, then found in
the Word report's section "Ý kiến chỉ đạo và kết quả thực hiện" and in the spreadsheet's sheets
of directions and of their histories, opened with the libraries that read them."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import pytest
from docx import Document
from docx.table import Table
from openpyxl import load_workbook

from bot.clock import FakeClock
from bot.local_api.server import BotMessage, Chat, LocalBotApi, User
from tests.e2e.test_exports import ask
from tests.e2e.test_weekly_cycle import local
from tests.harness import (
    FARMERS_LEADER_ID,
    GROUP_ID,
    SECRETARY_ID,
    YOUTH_LEADER_ID,
    BotHarness,
    make_config,
)

HEADING = "IV. Ý KIẾN CHỈ ĐẠO VÀ KẾT QUẢ THỰC HIỆN"


async def press(
    bot: BotHarness, api: LocalBotApi, message: BotMessage, user: User, label: str
) -> BotMessage:
    api.press(message, user, message.button(label))
    return await bot.only_reply(message.chat_id)


async def give(
    bot: BotHarness, api: LocalBotApi, chat: Chat, organization: str, text: str, due: str
) -> BotMessage:
    """The secretary gives a direction in private; returns its post in the group."""
    secretary = api.user(SECRETARY_ID, "Thư")
    api.send(chat, secretary, "/chidao")
    choose = await bot.only_reply(chat.id)
    chosen = await press(bot, api, choose, secretary, organization)
    await press(bot, api, chosen, secretary, "Tiếp tục")
    api.send(chat, secretary, text)
    more = await bot.only_reply(chat.id)
    when = await press(bot, api, more, secretary, "Xong")
    if due[:1].isdigit():
        api.send(chat, secretary, due)
        review = await bot.only_reply(chat.id)
    else:
        review = await press(bot, api, when, secretary, due)
    await press(bot, api, review, secretary, "Gửi chỉ đạo")
    await bot.settle()
    [post] = [m for m in api.messages_to(GROUP_ID) if text in (m.plain_text or "")]
    return post


@pytest.fixture
async def followed(api: LocalBotApi, tmp_path: Path) -> AsyncIterator[BotHarness]:
    """Week 48: direction #1 to the farmers, due Friday 27/11, reported in progress on Tuesday
    with a note a spreadsheet would take for a formula; #2 to the youth union, no due date,
    acknowledged and reported done on Tuesday with a note in HTML. Week 49: #3, given after
    the week."""
    config = make_config(api, tmp_path / "directions.db")
    bot = BotHarness(api, config, FakeClock(local(23, 9)))
    await bot.start()
    group = api.group(GROUP_ID, "MTTQ tỉnh Tây Ninh")
    secretary = api.user(SECRETARY_ID, "Thư")
    chat = api.private_chat(secretary)
    api.send(chat, secretary, "/start")
    await bot.only_reply(chat.id)
    rice = await give(bot, api, chat, "Nông dân", "Rà soát hộ nghèo các xã.", "27/11")
    youth = await give(bot, api, chat, "Tỉnh đoàn", "Tuyên truyền hiến máu.", "Không có hạn")

    bot.clock.set(local(24, 10))
    farmer, leader = api.user(FARMERS_LEADER_ID, "Dũng"), api.user(YOUTH_LEADER_ID, "An")
    api.send(group, farmer, "Đang làm: =1+1", reply_to=rice)
    await bot.settle()
    api.press(youth, leader, youth.button("Đã nhận"))
    await bot.settle()
    api.send(group, leader, "Xong, đã tổ chức 2 buổi <b>tuyên truyền</b>", reply_to=youth)
    await bot.settle()

    bot.clock.set(local(30, 9))  # Monday of week 49
    api.mark_read()  # the notices to the secretary
    await give(bot, api, chat, "Nông dân", "Chuẩn bị hội nghị.", "Không có hạn")
    api.mark_read()
    yield bot
    await bot.stop()


def cells(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


async def test_the_word_report_of_the_week_has_the_directions_counts_and_a_row_for_each(
    followed: BotHarness, api: LocalBotApi
) -> None:
    sent = await ask(followed, api, "/xuatbaocao 2026-W48")

    document = Document(io.BytesIO(sent.file_content or b""))
    body = [p.text for p in document.paragraphs]
    after = body[body.index(HEADING) + 1 :]
    assert after[0] == (
        "Tính theo từng tổ chức được giao, đến ngày 30/11: hoàn thành đúng hạn 1; hoàn thành "
        "quá hạn 0; chưa hoàn thành, còn trong hạn 0; chưa hoàn thành, đã quá hạn 1."
    )
    assert body.index("III. CÁC TỔ CHỨC CHƯA BÁO CÁO") < body.index(HEADING)
    assert "V. ĐÁNH GIÁ CHUNG" in after
    directions = document.tables[-2]  # before the signature's
    # #3, given after the week, is the next week's.
    assert cells(directions) == [
        ["STT", "Chỉ đạo", "Tổ chức thực hiện", "Hạn", "Kết quả"],
        ["1", "Số 1, ngày 23/11: Rà soát hộ nghèo các xã.", "Hội Nông dân tỉnh", "27/11",
         "Đang thực hiện, quá hạn – =1+1"],
        ["2", "Số 2, ngày 23/11: Tuyên truyền hiến máu.", "Tỉnh đoàn", "Không có hạn",
         "Đã hoàn thành ngày 24/11 – đã tổ chức 2 buổi <b>tuyên truyền</b>"],
    ]  # fmt: skip


async def test_the_word_report_of_a_week_before_any_direction_has_no_directions_section(
    api: LocalBotApi, tmp_path: Path
) -> None:
    config = make_config(api, tmp_path / "none.db")
    async with BotHarness(api, config, FakeClock(local(24, 9))) as bot:
        api.group(GROUP_ID, "MTTQ tỉnh Tây Ninh")
        secretary = api.user(SECRETARY_ID, "Thư")
        api.send(api.private_chat(secretary), secretary, "/start")
        await bot.settle()
        sent = await ask(bot, api, "/xuatbaocao")

    document = Document(io.BytesIO(sent.file_content or b""))
    assert not [p.text for p in document.paragraphs if "CHỈ ĐẠO" in p.text]
    assert "IV. ĐÁNH GIÁ CHUNG" in [p.text for p in document.paragraphs]
    assert not [t for t in document.tables if t.rows[0].cells[0].text == "STT"]


async def test_the_spreadsheet_has_the_directions_given_up_to_its_last_week_and_their_history(
    followed: BotHarness, api: LocalBotApi
) -> None:
    sent = await ask(followed, api, "/export xlsx 2026-W48")

    workbook = load_workbook(io.BytesIO(sent.file_content or b""))
    assert workbook.sheetnames == ["Báo cáo", "Chỉ đạo", "Diễn biến chỉ đạo"]
    directions = list(workbook["Chỉ đạo"].iter_rows(values_only=True))
    # #3, given in week 49, is not in a file that ends with week 48.
    assert directions == [
        ("Số", "Ngày giao", "Người giao", "Nội dung", "Hạn", "Trạng thái", "Tổ chức", "Tiến độ",
         "Ngày xong", "Ghi chú"),
        (1, datetime(2026, 11, 23), "Thư", "Rà soát hộ nghèo các xã.", datetime(2026, 11, 27),
         "đang mở", "Hội Nông dân tỉnh", "đang thực hiện", None, "=1+1"),
        (2, datetime(2026, 11, 23), "Thư", "Tuyên truyền hiến máu.", None, "đang mở",
         "Tỉnh đoàn", "đã xong", datetime(2026, 11, 24), "đã tổ chức 2 buổi <b>tuyên truyền</b>"),
    ]  # fmt: skip
    steps = list(workbook["Diễn biến chỉ đạo"].iter_rows(values_only=True))
    assert steps[0] == ("Số", "Thời điểm", "Tổ chức", "Người", "Việc", "Giá trị", "Ghi chú")
    assert [(s[0], s[2], s[3], s[4], s[5], s[6]) for s in steps[1:]] == [
        (1, None, "Thư", "giao chỉ đạo", None, None),
        (1, "Hội Nông dân tỉnh", "Dũng", "báo kết quả", "Đang thực hiện", "=1+1"),
        (2, None, "Thư", "giao chỉ đạo", None, None),
        (2, "Tỉnh đoàn", "An", "báo đã nhận", None, None),
        (2, "Tỉnh đoàn", "An", "báo kết quả", "Đã xong", "đã tổ chức 2 buổi <b>tuyên truyền</b>"),
    ]
    assert steps[1][1] == datetime(2026, 11, 23, 9, 0)  # the group's local time
    assert steps[2][1] == datetime(2026, 11, 24, 10, 0)
    formula = workbook["Diễn biến chỉ đạo"]["G3"]
    assert (formula.value, formula.data_type) == ("=1+1", "s")  # text, never a formula
    assert workbook["Chỉ đạo"]["J2"].data_type == "s"


async def test_the_csv_is_the_reports_alone_whatever_directions_were_given(
    followed: BotHarness, api: LocalBotApi
) -> None:
    sent = await ask(followed, api, "/export csv 2026-W48")

    content = (sent.file_content or b"").decode("utf-8-sig")
    assert "Rà soát hộ nghèo" not in content
    assert content.splitlines()[0].startswith("Kỳ báo cáo,Từ ngày")
