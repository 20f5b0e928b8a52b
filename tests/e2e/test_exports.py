"""/export: the Word report of a week and the spreadsheet or CSV of a range, opened and checked
with the libraries that read them; /history of the weeks so far."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from bot.clock import FakeClock
from bot.exports.chart import HEIGHT_PX, WIDTH_PX
from bot.local_api.server import BotMessage, LocalBotApi
from tests.e2e.test_weekly_cycle import LEADERS, NAMES, local, report, six_organizations
from tests.harness import GROUP_ID, SECRETARY_ID, BotHarness, make_config
from tests.images import png_size

DOCUMENT = {
    "issuer": ["Ủy ban MTTQ Việt Nam tỉnh Tây Ninh", "Ban Thường trực"],
    "number": "Số:     /BC-MTTQ-BTT",
    "place": "Tây Ninh",
    "recipients": ["Thường trực Tỉnh ủy;", "Các tổ chức CT-XH tỉnh;", "Lưu: VP."],
    "on_behalf": "TM. BAN THƯỜNG TRỰC",
    "signer_title": "PHÓ CHỦ TỊCH",
    "signer_name": "Nguyễn Văn A",
}


@pytest.fixture
async def bot(api: LocalBotApi, tmp_path: Path) -> AsyncIterator[BotHarness]:
    config = make_config(api, tmp_path / "exports.db", groups=six_organizations(document=DOCUMENT))
    harness = BotHarness(api, config, FakeClock(local(16, 9)))
    await harness.start()
    api.group(GROUP_ID, "MTTQ tỉnh Tây Ninh")
    # Week 47: two organizations; week 48: four, one late, large sums of money.
    await report(harness, api, "doan", "100", "1 triệu")
    await report(harness, api, "ldld", "40", "2 triệu")
    harness.clock.set(local(24, 9))
    await report(harness, api, "doan", "150", "1.500.000.000", "Cần thêm kinh phí in tờ rơi")
    await report(harness, api, "ldld", "40", "2 triệu")
    await report(harness, api, "hlhpn", "12", "500 nghìn", period_button="2026-W48")
    harness.clock.set(local(26, 10))  # after Wednesday's deadline
    await report(harness, api, "hnd", "7", "0", period_button="2026-W48")
    harness.clock.set(local(30, 9))
    yield harness
    await harness.stop()


async def ask(
    bot: BotHarness, api: LocalBotApi, text: str, *, in_group: bool = False
) -> BotMessage:
    secretary = api.user(SECRETARY_ID, "Thư")
    chat = api.group(GROUP_ID, "MTTQ tỉnh Tây Ninh") if in_group else api.private_chat(secretary)
    api.send(chat, secretary, text)
    await bot.settle()
    [document] = [m for m in api.unread(SECRETARY_ID) if m.kind == "document"]
    api.mark_read(SECRETARY_ID)
    return document


async def test_the_word_report_is_laid_out_as_an_administrative_report(
    bot: BotHarness, api: LocalBotApi
) -> None:
    sent = await ask(bot, api, "/xuatbaocao 2026-W48")

    assert sent.file_name == "bao-cao-tuan-2026-W48.docx"
    assert sent.caption == "Báo cáo tuần 2026-W48 (Word)."
    document = Document(io.BytesIO(sent.file_content or b""))
    section = document.sections[0]
    assert section.page_width is not None
    assert section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert document.styles["Normal"].font.name == "Times New Roman"
    heading, *_, closing = document.tables
    issuer = [p.text for p in heading.rows[0].cells[0].paragraphs]
    assert issuer == [
        "ỦY BAN MTTQ VIỆT NAM TỈNH TÂY NINH",
        "BAN THƯỜNG TRỰC",
        "Số:     /BC-MTTQ-BTT",
    ]
    motto = [p.text for p in heading.rows[0].cells[1].paragraphs]
    assert motto == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Tây Ninh, ngày 30 tháng 11 năm 2026",
    ]
    body = [p.text for p in document.paragraphs]
    assert "BÁO CÁO" in body
    assert "Tuần 2026-W48 (từ ngày 23/11/2026 đến ngày 29/11/2026)" in body
    sections = [f"{n}. {NAMES[c]}" for n, c in enumerate(LEADERS, 1)]
    assert [next(p for p in body if p.startswith(s)) for s in sections] == [
        "1. Tỉnh đoàn (đúng hạn lúc 09:00 24/11/2026)",
        "2. Liên đoàn Lao động (đúng hạn lúc 09:00 24/11/2026)",
        "3. Hội LHPN (đúng hạn lúc 09:00 24/11/2026)",
        "4. Hội Nông dân (nộp muộn lúc 10:00 26/11/2026)",
        "5. Hội CCB (quá hạn, chưa nộp)",
        "6. Ban Dân vận (quá hạn, chưa nộp)",
    ]
    assert "- Kinh phí: 1.500.000.000 đ" in body
    assert "- Tỉnh đoàn: Cần thêm kinh phí in tờ rơi" in body
    missing = body[body.index("IV. CÁC TỔ CHỨC CHƯA BÁO CÁO") + 1 :]
    assert missing[:2] == ["- Hội CCB", "- Ban Dân vận"]
    figures = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert figures == [
        [
            "Nội dung",
            "Đơn vị tính",
            "Số tổ chức báo cáo",
            "Tuần này",
            "Tuần trước",
            "Tăng (+), giảm (-)",
        ],
        ["Hộ được hỗ trợ", "hộ", "4", "209", "140", "+69"],
        ["Kinh phí", "đồng", "4", "1.502.500.000", "3.000.000", "+1.499.500.000"],
    ]
    recipients = [p.text for p in closing.rows[0].cells[0].paragraphs]
    assert recipients == [
        "Nơi nhận:",
        "- Thường trực Tỉnh ủy;",
        "- Các tổ chức CT-XH tỉnh;",
        "- Lưu: VP.",
    ]
    signature = [p.text for p in closing.rows[0].cells[1].paragraphs if p.text]
    assert signature == ["TM. BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"]


async def test_the_spreadsheet_has_a_row_per_organization_per_week_with_typed_values(
    bot: BotHarness, api: LocalBotApi
) -> None:
    sent = await ask(bot, api, "/export xlsx 2026-W47 2026-W48")

    assert sent.file_name == "bao-cao-2026-W47-2026-W48.xlsx"
    sheet = load_workbook(io.BytesIO(sent.file_content or b"")).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Kỳ báo cáo",
        "Từ ngày",
        "Đến ngày",
        "Mã tổ chức",
        "Tổ chức",
        "Tình trạng",
        "Thời điểm nộp",
        "Kết quả tuyên truyền",
        "Hộ được hỗ trợ (hộ)",
        "Kinh phí (đồng)",
        "Khó khăn, kiến nghị",
    )
    assert len(rows) == 1 + 2 * 6
    doan_48 = next(r for r in rows if r[0] == "2026-W48" and r[3] == "doan")
    assert doan_48[4:] == (
        "Tỉnh đoàn",
        "đúng hạn",
        doan_48[6],
        "Tỉnh đoàn tổ chức tuyên truyền.",
        150,
        1_500_000_000,
        "Cần thêm kinh phí in tờ rơi",
    )
    assert doan_48[6] == datetime(2026, 11, 24, 9, 0)  # local time, as Excel shows it
    missing = next(r for r in rows if r[0] == "2026-W47" and r[3] == "hnd")
    assert missing[5:] == ("quá hạn, chưa nộp", None, None, None, None, None)


async def test_the_csv_has_a_byte_order_mark_and_the_same_values(
    bot: BotHarness, api: LocalBotApi
) -> None:
    sent = await ask(bot, api, "/export csv 2026-W48")

    content = sent.file_content or b""
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Kỳ báo cáo", "Từ ngày"]
    doan = next(r for r in rows if r[3] == "doan")
    assert doan == [
        "2026-W48",
        "2026-11-23",
        "2026-11-29",
        "doan",
        "Tỉnh đoàn",
        "đúng hạn",
        "2026-11-24 09:00",
        "Tỉnh đoàn tổ chức tuyên truyền.",
        "150",
        "1500000000",
        "Cần thêm kinh phí in tờ rơi",
    ]


async def test_export_in_the_group_sends_the_file_in_private_and_says_so(
    bot: BotHarness, api: LocalBotApi
) -> None:
    secretary = api.user(SECRETARY_ID, "Thư")
    api.send(api.private_chat(secretary), secretary, "/start")
    await bot.settle()
    api.mark_read()

    sent = await ask(bot, api, "/xuatbaocao", in_group=True)

    assert sent.file_name == "bao-cao-tuan-2026-W49.docx"
    [note] = api.unread(GROUP_ID)
    assert note.plain_text == "📎 Đã gửi tệp báo cáo vào tin nhắn riêng cho Thư."


async def test_export_is_refused_to_leaders_strangers_and_future_periods(
    bot: BotHarness, api: LocalBotApi
) -> None:
    leader = api.user(LEADERS["hnd"], "Dũng")
    api.send(api.private_chat(leader), leader, "/export")
    refused = await bot.only_reply(leader.id)
    assert refused.plain_text == "Lệnh này chỉ dành cho Ban Thường trực."

    stranger = api.user(999001, "Lạ")
    api.send(api.private_chat(stranger), stranger, "/export")
    assert (await bot.only_reply(stranger.id)).kind == "text"

    secretary = api.user(SECRETARY_ID, "Thư")
    api.send(api.private_chat(secretary), secretary, "/export 2027-W01")
    future = await bot.only_reply(secretary.id)
    assert (future.plain_text or "").startswith("Nhóm không có tuần 2027-W01: nhóm theo dõi")
    assert not [m for m in api.sent if m.kind == "document"]


async def test_a_secretary_without_a_private_chat_is_asked_to_open_one(
    api: LocalBotApi, tmp_path: Path
) -> None:
    config = make_config(api, tmp_path / "e.db", groups=six_organizations())
    async with BotHarness(api, config, FakeClock(local(24, 9))) as bot:
        group = api.group(GROUP_ID, "MTTQ tỉnh Tây Ninh")
        api.send(group, api.user(SECRETARY_ID, "Thư"), "/xuatbaocao")
        answer = await bot.only_reply(GROUP_ID)
    assert (answer.plain_text or "").startswith("Tệp báo cáo được gửi qua tin nhắn riêng.")


async def test_history_gives_the_secretariat_every_organization_week_by_week(
    bot: BotHarness, api: LocalBotApi
) -> None:
    secretary = api.user(SECRETARY_ID, "Thư")
    api.send(api.private_chat(secretary), secretary, "/lichsu")
    overview = (await bot.only_reply(SECRETARY_ID)).plain_text or ""

    lines = overview.splitlines()
    assert lines[0] == "📅 Tình hình báo cáo các tuần 2026-W47 – 2026-W49 (cũ → mới)"
    assert lines[1:7] == [
        "✅✅⏳ Tỉnh đoàn (doan)",
        "✅✅⏳ Liên đoàn Lao động (ldld)",
        "❌✅⏳ Hội LHPN (hlhpn)",
        "❌🕓⏳ Hội Nông dân (hnd)",
        "❌❌⏳ Hội CCB (hccb)",
        "❌❌⏳ Ban Dân vận (mttq)",
    ]


async def test_history_shows_a_leader_the_figures_of_their_own_organization_only(
    bot: BotHarness, api: LocalBotApi
) -> None:
    leader = api.user(LEADERS["hnd"], "Dũng")
    chat = api.private_chat(leader)
    api.send(chat, leader, "/lichsu")
    detail = (await bot.only_reply(chat.id)).plain_text or ""

    assert detail.splitlines() == [
        "📅 Hội Nông dân — các tuần gần đây (mới → cũ)",
        "⏳ 2026-W49: chưa nộp",
        "🕓 2026-W48: nộp muộn — Hộ được hỗ trợ: 7 hộ; Kinh phí: 0 đ",
        "❌ 2026-W47: quá hạn, chưa nộp",
    ]
    api.send(chat, leader, "/lichsu doan")
    other = await bot.only_reply(chat.id)
    assert other.plain_text == "Anh/chị chỉ xem được lịch sử báo cáo của tổ chức mình."


async def test_history_is_refused_to_strangers_and_names_the_codes_when_unknown(
    bot: BotHarness, api: LocalBotApi
) -> None:
    stranger = api.user(999001, "Lạ")
    api.send(api.private_chat(stranger), stranger, "/lichsu")
    refused = await bot.only_reply(stranger.id)
    assert "/dangky" in (refused.plain_text or "")

    secretary = api.user(SECRETARY_ID, "Thư")
    api.send(api.private_chat(secretary), secretary, "/lichsu hội phụ nữ")
    unknown = (await bot.only_reply(SECRETARY_ID)).plain_text or ""
    assert unknown.startswith("Không có tổ chức “hội phụ nữ”. Chọn một mã: doan (Tỉnh đoàn),")
    api.send(api.private_chat(secretary), secretary, "/lichsu Hội LHPN")
    named = (await bot.only_reply(SECRETARY_ID)).plain_text or ""
    assert named.startswith("📅 Hội LHPN — các tuần gần đây")


async def test_chart_answers_in_the_chat_asked_with_a_png_of_the_weeks_so_far(
    bot: BotHarness, api: LocalBotApi
) -> None:
    group = api.group(GROUP_ID, "MTTQ tỉnh Tây Ninh")
    secretary = api.user(SECRETARY_ID, "Thư")
    api.send(group, secretary, "/bieudo")
    chart = await bot.only_reply(GROUP_ID)

    assert chart.kind == "photo"
    assert chart.reply_to_message_id is not None
    assert chart.plain_text == (
        "📊 MTTQ tỉnh Tây Ninh: biểu đồ báo cáo 3 tuần gần đây, đến tuần 2026-W49."
    )
    assert png_size(chart.file_content) == (WIDTH_PX, HEIGHT_PX)

    api.send(group, secretary, "/bieudo truoc")
    earlier = await bot.only_reply(GROUP_ID)
    assert (earlier.plain_text or "").endswith("2 tuần gần đây, đến tuần 2026-W48.")


async def test_chart_is_refused_to_leaders_strangers_and_future_periods(
    bot: BotHarness, api: LocalBotApi
) -> None:
    leader = api.user(LEADERS["hnd"], "Dũng")
    api.send(api.private_chat(leader), leader, "/chart")
    refused = await bot.only_reply(leader.id)
    assert refused.plain_text == "Lệnh này chỉ dành cho Ban Thường trực."

    stranger = api.user(999001, "Lạ")
    api.send(api.private_chat(stranger), stranger, "/chart")
    assert "/dangky" in ((await bot.only_reply(stranger.id)).plain_text or "")

    secretary = api.user(SECRETARY_ID, "Thư")
    api.send(api.private_chat(secretary), secretary, "/chart 2027-W01")
    future = await bot.only_reply(secretary.id)
    assert (future.plain_text or "").startswith("Nhóm không có tuần 2027-W01: nhóm theo dõi")
    assert not [m for m in api.sent if m.kind == "photo"]
