"""Response plans (phương án ứng phó) in /export, end to end: a plan imported, its tasks
reported on with /nhiemvu and in the weekly report, the situation switched, then found in the
Word report's section "Phương án ứng phó" and in the spreadsheet's sheets of the plan's tasks
and of its history, opened with the libraries that read them."""

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
from bot.local_api.server import BotMessage, LocalBotApi, User
from tests.e2e.test_directions import started
from tests.e2e.test_exports import ask
from tests.e2e.test_plans import OFFICE_ID, SMALL, imported, plan_config
from tests.e2e.test_weekly_cycle import local
from tests.harness import FARMERS_LEADER_ID, GROUP_ID, SECRETARY_ID, BotHarness

HEADING = "IV. PHƯƠNG ÁN ỨNG PHÓ"


async def press(
    bot: BotHarness, api: LocalBotApi, message: BotMessage, user: User, label: str
) -> BotMessage:
    api.press(message, user, message.button(label))
    return await bot.only_reply(message.chat_id)


@pytest.fixture
async def followed(api: LocalBotApi, tmp_path: Path) -> AsyncIterator[BotHarness]:
    """Week 48: the small plan imported on Monday 23/11 (situation 1 in force); on Tuesday the
    Front's Văn phòng reports task 1.2 done with /nhiemvu, with a note a spreadsheet would take
    for a formula, and the farmers' union reports task 1.1 in progress in its weekly report; on
    Wednesday 25/11 the secretary switches to situation 2. The files are asked for on Monday
    30/11, in week 49."""
    bot = BotHarness(api, plan_config(api, tmp_path / "plan.db"), FakeClock(local(23, 9)))
    await bot.start()
    secretary, chat, _ = await imported(bot, api, SMALL.encode())

    bot.clock.set(local(24, 10))
    office, office_chat = await started(bot, api, OFFICE_ID, "Hoa")
    api.send(office_chat, office, "/nhiemvu")
    listed = await bot.only_reply(office_chat.id)
    card = await press(bot, api, listed, office, "1.2")
    await press(bot, api, card, office, "Đã xong")
    api.send(office_chat, office, "=1+1")
    await bot.only_reply(office_chat.id)

    bot.clock.set(local(24, 11))
    farmer, farmer_chat = await started(bot, api, FARMERS_LEADER_ID, "Dũng")
    api.send(farmer_chat, farmer, "/baocao")
    await bot.only_reply(farmer_chat.id)
    api.send(farmer_chat, farmer, "Tuyên truyền 3 buổi")
    more = await bot.only_reply(farmer_chat.id)
    await press(bot, api, more, farmer, "Xong")
    api.send(farmer_chat, farmer, "đang làm, đã in 200 tờ rơi")
    review = await bot.only_reply(farmer_chat.id)
    await press(bot, api, review, farmer, "Gửi báo cáo")

    bot.clock.set(local(25, 9))
    api.send(chat, secretary, "/tinhhuong")
    shown = await bot.only_reply(chat.id)
    confirm = await press(bot, api, shown, secretary, "Chuyển sang tình huống 2")
    await press(bot, api, confirm, secretary, "Xác nhận chuyển")
    await bot.settle()

    bot.clock.set(local(30, 9))
    api.mark_read()
    yield bot
    await bot.stop()


def cells(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


async def test_the_word_report_says_the_situation_its_switch_the_counts_and_each_task_in_force(
    followed: BotHarness, api: LocalBotApi
) -> None:
    sent = await ask(followed, api, "/xuatbaocao 2026-W48")

    document = Document(io.BytesIO(sent.file_content or b""))
    body = [p.text for p in document.paragraphs]
    after = body[body.index(HEADING) + 1 :]
    assert body.index("III. CÁC TỔ CHỨC CHƯA BÁO CÁO") < body.index(HEADING)
    assert after[0] == (
        "Tình huống đang áp dụng: tình huống 2 – Có ca nhiễm (từ ngày 25/11). "
        "Ngày 25/11 chuyển từ tình huống 1 sang tình huống 2."
    )
    # At situation 2: its own 2.1, and 1.1 and 1.2 "as in situation 1".
    assert after[1] == (
        "Đã xong 1; đang thực hiện 1; chưa thực hiện 2 (tính theo từng đơn vị được giao nhiệm "
        "vụ của tình huống 2, đến ngày 30/11)."
    )
    assert "V. ĐÁNH GIÁ CHUNG" in after
    plan = document.tables[-2]  # before the signature's
    assert cells(plan) == [
        ["STT", "Nội dung", "Đơn vị thực hiện", "Tiến độ"],
        ["2.1", "Khử khuẩn trụ sở", "Hội Nông dân tỉnh", "Chưa thực hiện"],
        ["1.1", "Tuyên truyền phòng dịch", "Tỉnh đoàn\nHội Nông dân tỉnh",
         "Tỉnh đoàn: chưa thực hiện\nHội Nông dân tỉnh: đang thực hiện – đã in 200 tờ rơi"],
        ["1.2", "Trực cơ quan", "Văn phòng", "Đã xong – =1+1"],
    ]  # fmt: skip


async def test_the_word_report_of_a_group_without_a_plan_has_no_plan_section(
    api: LocalBotApi, tmp_path: Path
) -> None:
    config = plan_config(api, tmp_path / "none.db")
    async with BotHarness(api, config, FakeClock(local(24, 9))) as bot:
        api.group(GROUP_ID, "MTT-CTXH")
        await started(bot, api, SECRETARY_ID, "Thư")
        sent = await ask(bot, api, "/xuatbaocao")

    document = Document(io.BytesIO(sent.file_content or b""))
    assert not [p.text for p in document.paragraphs if "PHƯƠNG ÁN" in p.text]
    assert "IV. ĐÁNH GIÁ CHUNG" in [p.text for p in document.paragraphs]


async def test_the_spreadsheet_has_every_units_task_as_it_stands_and_the_plans_history(
    followed: BotHarness, api: LocalBotApi
) -> None:
    sent = await ask(followed, api, "/export xlsx 2026-W48")

    workbook = load_workbook(io.BytesIO(sent.file_content or b""))
    assert workbook.sheetnames == ["Báo cáo", "Nhiệm vụ phương án", "Diễn biến phương án"]
    tasks = list(workbook["Nhiệm vụ phương án"].iter_rows(values_only=True))
    # Every situation's tasks, not only those in force; when each unit last reported, local.
    assert tasks == [
        ("Tình huống", "Số", "Nội dung", "Đơn vị", "Tiến độ", "Ghi chú", "Cập nhật lúc"),
        (1, "1.1", "Tuyên truyền phòng dịch", "Tỉnh đoàn", "chưa thực hiện", None, None),
        (1, "1.1", "Tuyên truyền phòng dịch", "Hội Nông dân tỉnh", "đang thực hiện",
         "đã in 200 tờ rơi", datetime(2026, 11, 24, 11)),
        (1, "1.2", "Trực cơ quan", "Văn phòng", "đã xong", "=1+1", datetime(2026, 11, 24, 10)),
        (2, "2.1", "Khử khuẩn trụ sở", "Hội Nông dân tỉnh", "chưa thực hiện", None, None),
    ]  # fmt: skip
    steps = list(workbook["Diễn biến phương án"].iter_rows(values_only=True))
    assert steps[0] == (
        "Thời điểm", "Việc", "Tình huống, nhiệm vụ", "Đơn vị", "Người", "Giá trị", "Ghi chú",
        "Nguồn",
    )  # fmt: skip
    # The state pressed, then the note typed after it: two steps of /nhiemvu.
    assert [s[:4] + s[5:] for s in steps[1:]] == [
        (datetime(2026, 11, 23, 9), "nhập phương án", None, None, None, "phuong-an.csv", None),
        (datetime(2026, 11, 24, 10), "báo tiến độ", "1.2", "Văn phòng", "đã xong", None,
         "/nhiemvu"),
        (datetime(2026, 11, 24, 10), "báo tiến độ", "1.2", "Văn phòng", "đã xong", "=1+1",
         "/nhiemvu"),
        (datetime(2026, 11, 24, 11), "báo tiến độ", "1.1", "Hội Nông dân tỉnh",
         "đang thực hiện", "đã in 200 tờ rơi", "báo cáo tuần"),
        (datetime(2026, 11, 25, 9), "chuyển tình huống", "2", None, "1 → 2", None, None),
    ]  # fmt: skip
    # Each person by the name Telegram gives them now (the secretary asked as "Thư").
    assert [s[4] for s in steps[1:]] == ["Thư", "Hoa", "Hoa", "Dũng", "Thư"]
    for sheet, cell in (("Nhiệm vụ phương án", "F4"), ("Diễn biến phương án", "G4")):
        note = workbook[sheet][cell]
        assert (note.value, note.data_type) == ("=1+1", "s")  # text, never a formula


async def test_the_csv_is_the_reports_alone_whatever_the_plan(
    followed: BotHarness, api: LocalBotApi
) -> None:
    sent = await ask(followed, api, "/export csv 2026-W48")

    content = (sent.file_content or b"").decode("utf-8-sig")
    assert "Trực cơ quan" not in content
    assert "=1+1" not in content
