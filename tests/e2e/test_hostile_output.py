"""What people typed, however hostile, reaches digests, summaries and files as typed and as
text: never markup in the bot's messages, never a formula in a spreadsheet; and the bot's token
is in none of them."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from bot.clock import FakeClock
from bot.local_api.server import BotMessage, LocalBotApi
from tests.e2e.test_hostile_input import assert_every_reply_is_valid_html
from tests.e2e.test_weekly_cycle import at, local, report, six_organizations
from tests.harness import GROUP_ID, SECRETARY_ID, TOKEN, BotHarness, make_config

# One organization's difficulties and proposals each.
HOSTILE = {
    "doan": "<b>Đậm</b> & <script>alert('x')</script> <a href=x>y</a> 5 < 6 > 4",
    "ldld": '=HYPERLINK("http://evil.example","Bấm vào đây")',
    "hlhpn": "- Xin thêm tài liệu; +84 912 345 678; @mọi người",
    "hnd": "*đậm* _nghiêng_ `mã` [liên kết](http://example.org) ||ẩn||",
    "hccb": "&amp; &lt;b&gt; &#60; {name} {0} %s",
    "mttq": "Dòng 1\nDòng 2 \u202eđảo chiều 🎉👍🏽🇻🇳",
}


@pytest.fixture
async def week(api: LocalBotApi, tmp_path: Path) -> AsyncIterator[BotHarness]:
    config = make_config(api, tmp_path / "hostile.db", groups=six_organizations())
    async with BotHarness(api, config, FakeClock(local(16, 7))) as bot:
        api.group(GROUP_ID, "MTTQ tỉnh Tây Ninh")
        secretary = api.user(SECRETARY_ID, "Thư")
        api.send(api.private_chat(secretary), secretary, "/start")
        await at(bot, local(16, 8))
        for code, text in HOSTILE.items():
            await report(bot, api, code, "10", "1 triệu", text)
        yield bot


async def secretary_asks(bot: BotHarness, api: LocalBotApi, text: str) -> BotMessage:
    secretary = api.user(SECRETARY_ID, "Thư")
    api.send(api.private_chat(secretary), secretary, text)
    await bot.settle()
    return api.messages_to(SECRETARY_ID)[-1]


async def test_hostile_text_reaches_the_digest_and_summary_as_typed_and_as_text(
    week: BotHarness, api: LocalBotApi
) -> None:
    digest, _chart, _call = await at(week, local(23, 8))
    summary = await secretary_asks(week, api, "/tonghop truoc")

    for shown in (digest, summary.plain_text or ""):
        for code, text in HOSTILE.items():
            assert text in shown, code
    assert_every_reply_is_valid_html(api)


async def test_hostile_text_is_text_in_the_word_spreadsheet_and_csv_files(
    week: BotHarness, api: LocalBotApi
) -> None:
    week.clock.set(local(23, 9))
    await secretary_asks(week, api, "/xuatbaocao 2026-W47")  # asks for the assessment
    plan = await secretary_asks(week, api, " ".join(HOSTILE.values()))  # typed as the assessment
    api.press(plan, api.user(SECRETARY_ID, "Thư"), plan.button("Bỏ qua"))
    await week.settle()
    word = api.messages_to(SECRETARY_ID)[-1]
    sheet_file = await secretary_asks(week, api, "/xuatbaocao xlsx 2026-W47")
    csv_file = await secretary_asks(week, api, "/xuatbaocao csv 2026-W47")

    document = Document(io.BytesIO(word.file_content or b""))
    texts = [p.text for p in document.paragraphs] + [
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    ]
    for code, text in HOSTILE.items():
        assert any(text in t for t in texts), code

    sheet = load_workbook(io.BytesIO(sheet_file.file_content or b"")).active
    assert sheet is not None
    proposals = {row[3].value: row[-1] for row in sheet.iter_rows(min_row=2)}
    for code, text in HOSTILE.items():
        assert proposals[code].value == text
        assert proposals[code].data_type == "s"  # text, never a formula

    rows = list(csv.reader(io.StringIO((csv_file.file_content or b"").decode("utf-8-sig"))))
    in_csv = {row[3]: row[-1] for row in rows[1:]}
    assert in_csv["ldld"] == "'" + HOSTILE["ldld"]  # Excel would evaluate it: a leading '
    # "- ..." is a list item to a reader and a formula to Excel: its dash becomes an en dash.
    assert in_csv["hlhpn"] == "–" + HOSTILE["hlhpn"][1:]
    assert in_csv["doan"] == HOSTILE["doan"]
    assert in_csv["mttq"] == HOSTILE["mttq"]


async def test_the_token_is_in_no_message_and_no_file(week: BotHarness, api: LocalBotApi) -> None:
    await at(week, local(23, 8))
    week.clock.set(local(23, 9))
    for command in ("/xuatbaocao 2026-W47", "/xuatbaocao xlsx 2026-W47", "/xuatbaocao csv"):
        await secretary_asks(week, api, command)

    secret, token_id = TOKEN.encode(), TOKEN.split(":")[1].encode()
    for message in api.sent:
        assert TOKEN not in (message.text or "") + (message.caption or "")
        content = message.file_content or b""
        unpacked = [content]
        if content.startswith(b"PK"):  # DOCX and XLSX are zip archives
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                unpacked += [archive.read(name) for name in archive.namelist()]
        assert not any(secret in part or token_id in part for part in unpacked)
