"""A province's group above its communes' groups on one install: the communes ask the same
template's questions, and the province sees them added up (/tonghop xa and its digest)."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook

from bot.clock import FakeClock
from bot.local_api.server import LocalBotApi
from tests.e2e.test_weekly_cycle import local
from tests.harness import BotHarness, make_config

PROVINCE, COMMUNE_A, COMMUNE_B = -1001500, -1001501, -1001502
PROVINCE_SECRETARY = 700001
LEADERS = {COMMUNE_A: (700011, 700012), COMMUNE_B: (700021, 700022)}
TEMPLATE = {
    "name": "xa",
    "questions": [{"key": "ho", "text": "Hộ được hỗ trợ", "kind": "count", "unit": "hộ"}],
}


def commune(chat_id: int, name: str) -> dict[str, Any]:
    youth, farmers = LEADERS[chat_id]
    return {
        "chat_id": chat_id, "name": name, "secretariat": [chat_id * -1 % 1000 + 700900],
        "template": "xa", "parent": PROVINCE, "digest_chart": False,
        "schedule": {"reminder": "thursday 17:00", "deadline": "friday 17:00"},
        "organizations": [{"code": "doan", "name": "Đoàn xã", "leaders": [youth]},
                          {"code": "hnd", "name": "Hội Nông dân xã", "leaders": [farmers]}],
    }  # fmt: skip


@pytest.fixture
async def province(api: LocalBotApi, tmp_path: Path) -> AsyncIterator[BotHarness]:
    groups = [
        {"chat_id": PROVINCE, "name": "MTTQ tỉnh", "secretariat": [PROVINCE_SECRETARY],
         "digest_chart": False,
         "schedule": {"reminder": "thursday 17:00", "deadline": "friday 17:00"},
         "organizations": [{"code": "mttq", "name": "Ủy ban MTTQ tỉnh", "leaders": [700002]}],
         "questions": [{"key": "kq", "text": "Kết quả?"}]},
        commune(COMMUNE_A, "Xã An Hòa"),
        commune(COMMUNE_B, "Xã Bình Minh"),
    ]  # fmt: skip
    config = make_config(api, tmp_path / "p.db", templates=[TEMPLATE], groups=groups)
    async with BotHarness(api, config, FakeClock(local(23, 9))) as bot:
        yield bot


async def answer(bot: BotHarness, api: LocalBotApi, leader_id: int, households: str) -> None:
    leader = api.user(leader_id, f"Lãnh đạo {leader_id}")
    chat = api.private_chat(leader)
    api.send(chat, leader, "/baocao")
    await bot.only_reply(chat.id)
    api.send(chat, leader, households)
    review = await bot.only_reply(chat.id)
    api.press(review, leader, review.button("Gửi"))
    await bot.settle()


async def test_the_province_sees_its_communes_reports_added_up(
    province: BotHarness, api: LocalBotApi
) -> None:
    await answer(province, api, LEADERS[COMMUNE_A][0], "40")
    await answer(province, api, LEADERS[COMMUNE_A][1], "25")
    await answer(province, api, LEADERS[COMMUNE_B][0], "10")
    group = api.group(PROVINCE, "MTTQ tỉnh", supergroup=True)
    secretary = api.user(PROVINCE_SECRETARY, "Thư tỉnh")

    api.send(group, secretary, "/tonghop xa")
    picture = (await province.only_reply(PROVINCE)).plain_text or ""

    assert picture.startswith("🏘 Các xã (2), tuần 48 (23/11 – 29/11)")
    assert "Đủ báo cáo: 1 xã · chưa đủ: 1 xã · chưa có báo cáo: 0 xã" in picture
    assert "• Hộ được hỗ trợ: 75 hộ (2 xã) · lũy kế: 75 hộ" in picture  # the first week


async def test_the_provinces_monday_digest_carries_the_communes(
    province: BotHarness, api: LocalBotApi
) -> None:
    api.group(PROVINCE, "MTTQ tỉnh", supergroup=True)
    await answer(province, api, LEADERS[COMMUNE_B][1], "12")
    province.clock.set(local(30, 8))
    await province.tick()

    [digest] = [
        m.plain_text or "" for m in api.messages_to(PROVINCE) if "Tổng hợp" in (m.plain_text or "")
    ]
    assert "🏘 Các xã (2), tuần 48 (23/11 – 29/11)" in digest
    assert "Chưa có báo cáo: Xã An Hòa" in digest
    assert (
        "Có tổ chức quá hạn: Xã An Hòa (Đoàn xã, Hội Nông dân xã); Xã Bình Minh (Đoàn xã)" in digest
    )
    assert "• Hộ được hỗ trợ: 12 hộ (1 xã)" in digest


async def test_summary_communes_in_a_group_without_children_says_so(
    province: BotHarness, api: LocalBotApi
) -> None:
    group = api.group(COMMUNE_A, "Xã An Hòa", supergroup=True)
    secretary = api.user(commune(COMMUNE_A, "")["secretariat"][0], "Thư xã")

    api.send(group, secretary, "/tonghop xa")

    assert "Chưa có nhóm cấp dưới" in ((await province.only_reply(COMMUNE_A)).plain_text or "")


async def test_the_provinces_word_report_and_spreadsheet_have_a_row_per_commune(
    province: BotHarness, api: LocalBotApi
) -> None:
    await answer(province, api, LEADERS[COMMUNE_A][0], "40")
    await answer(province, api, LEADERS[COMMUNE_B][0], "10")
    secretary = api.user(PROVINCE_SECRETARY, "Thư tỉnh")
    chat = api.private_chat(secretary)
    api.send(chat, secretary, "/start")
    await province.settle()
    api.send(chat, secretary, "/xuatbaocao")
    for _ in range(2):  # the Word report asks for its assessment and plan: both skipped
        await province.settle()
        asked = api.messages_to(chat.id)[-1]
        api.press(asked, secretary, asked.button("Bỏ qua"))
    await province.settle()
    api.send(chat, secretary, "/xuatbaocao xlsx")
    await province.settle()
    word, sheet = [m for m in api.messages_to(chat.id) if m.kind == "document"]

    document = Document(io.BytesIO(word.file_content or b""))
    texts = [p.text for p in document.paragraphs]
    assert "III. TÌNH HÌNH BÁO CÁO CỦA CÁC XÃ (2 XÃ)" in texts
    [communes] = [t for t in document.tables if t.rows[0].cells[0].text == "Xã"]
    assert [[c.text for c in row.cells] for row in communes.rows] == [
        ["Xã", "Đã báo cáo", "Quá hạn", "Hộ được hỗ trợ"],
        ["Xã An Hòa", "1/2", "", "40"],
        ["Xã Bình Minh", "1/2", "", "10"],
    ]
    workbook = load_workbook(io.BytesIO(sheet.file_content or b""))
    rows = list(workbook["Các xã"].iter_rows(values_only=True))
    assert rows[0][3:] == (
        "Xã",
        "Đã báo cáo",
        "Số tổ chức phải báo cáo",
        "Quá hạn",
        "Hộ được hỗ trợ (hộ)",
    )
    assert [row[3:] for row in rows[1:]] == [
        ("Xã An Hòa", 1, 2, 0, 40),
        ("Xã Bình Minh", 1, 2, 0, 10),
    ]
