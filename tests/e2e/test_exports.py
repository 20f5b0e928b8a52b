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
    await report(harness, api, "hlhpn", "12", "500 nghìn", period_button="Tuần 48")
    harness.clock.set(local(26, 10))  # after Wednesday's deadline
    await report(harness, api, "hnd", "7", "0", period_button="Tuần 48")
    harness.clock.set(local(30, 9))
    yield harness
    await harness.stop()


async def ask(
    bot: BotHarness, api: LocalBotApi, text: str, *, in_group: bool = False
) -> BotMessage:
    secretary = api.user(SECRETARY_ID, "Thư")
    chat = api.group(GROUP_ID, "MTTQ tỉnh Tây Ninh") if in_group else api.private_chat(secretary)
    api.send(chat, secretary, text)
    await skip_the_notes(bot, api, chat.id)
    [document] = [m for m in api.unread(SECRETARY_ID) if m.kind == "document"]
    api.mark_read(SECRETARY_ID)
    return document


async def skip_the_notes(bot: BotHarness, api: LocalBotApi, chat_id: int) -> None:
    """The Word report asks what to write under its two headings: skipped, both."""
    await bot.settle()
    secretary = api.user(SECRETARY_ID, "Thư")
    for _ in range(2):
        asked = [m for m in api.messages_to(chat_id) if "Bỏ qua" in str(m.buttons())]
        if not asked:
            return
        api.press(asked[-1], secretary, asked[-1].button("Bỏ qua"))
        await bot.settle()


async def test_the_word_report_is_laid_out_as_an_administrative_report(
    bot: BotHarness, api: LocalBotApi
) -> None:
    sent = await ask(bot, api, "/xuatbaocao 2026-W48")

    assert sent.file_name == "bao-cao-tuan-2026-W48.docx"
    assert sent.caption == "Báo cáo tuần 48 (23/11 – 29/11) (Word)."
    document = Document(io.BytesIO(sent.file_content or b""))
    section = document.sections[0]
    assert section.page_width is not None
    assert section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert document.styles["Normal"].font.name == "Times New Roman"
    heading, *_, closing = document.tables
    # The issuer over its number, the nation over the place and date (the empty paragraphs
    # carry the short lines under the issuing body and the motto).
    issuer, nation = ([p.text for p in cell.paragraphs] for cell in heading.rows[0].cells)
    assert issuer == ["ỦY BAN MTTQ VIỆT NAM\nTỈNH TÂY NINH", "BAN THƯỜNG TRỰC", ""]
    assert nation == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", ""]
    assert [cell.text for cell in heading.rows[1].cells] == [
        "Số:     /BC-MTTQ-BTT",
        "Tây Ninh, ngày 30 tháng 11 năm 2026",
    ]
    body = [p.text for p in document.paragraphs]
    assert "BÁO CÁO" in body
    assert (
        "Kết quả thực hiện công tác phối hợp của các tổ chức chính trị - xã hội\n"
        "tuần 48, từ ngày 23/11 đến ngày 29/11/2026"
    ) in body
    sections = [f"{n}. {NAMES[c]}" for n, c in enumerate(LEADERS, 1)]
    assert [next(p for p in body if p.startswith(s)) for s in sections] == [
        "1. Tỉnh đoàn (nộp ngày 24/11, đúng hạn)",
        "2. Liên đoàn Lao động (nộp ngày 24/11, đúng hạn)",
        "3. Hội LHPN (nộp ngày 24/11, đúng hạn)",
        "4. Hội Nông dân (nộp muộn ngày 26/11)",
        "5. Hội CCB (quá hạn, chưa nộp)",
        "6. Ban Dân vận (quá hạn, chưa nộp)",
    ]
    assert not [p for p in body if "2026-W" in p or ":00" in p]  # no codes, no times
    assert "- Kinh phí: 1.500.000.000 đ" in body
    assert "- Tỉnh đoàn: Cần thêm kinh phí in tờ rơi" in body
    assert "IV. ĐÁNH GIÁ CHUNG" in body
    assert "V. PHƯƠNG HƯỚNG, NHIỆM VỤ TUẦN TỚI" in body
    assert document.core_properties.author == "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Tây Ninh"
    assert document.core_properties.language == "vi-VN"
    missing = body[body.index("III. CÁC TỔ CHỨC CHƯA BÁO CÁO") + 1 :]
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
            "Lũy kế từ tuần 1/2026",  # the weeks before and this one
        ],
        ["Hộ được hỗ trợ", "hộ", "4", "209", "140", "+50", "349"],
        ["Kinh phí", "đồng", "4", "1.502.500.000", "3.000.000", "+1.499.000.000", "1.505.500.000"],
    ]
    assert (  # the change is like with like, and says so
        "Mức tăng (+), giảm (-) chỉ so sánh các tổ chức có số liệu cả hai tuần "
        "(Hộ được hỗ trợ: 2 tổ chức; Kinh phí: 2 tổ chức)."
    ) in body
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
    doan_48 = next(r for r in rows if r[0] == "tuần 48 (23/11 – 29/11)" and r[3] == "doan")
    assert doan_48[1:3] == (datetime(2026, 11, 23), datetime(2026, 11, 29))  # date cells
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
    missing = next(r for r in rows if r[0] == "tuần 47 (16/11 – 22/11)" and r[3] == "hnd")
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
        "tuần 48 (23/11 – 29/11)",
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
    *asked, note = api.unread(GROUP_ID)
    assert [m.plain_text.split("\n")[0] for m in asked if m.plain_text] == [
        "Thư",  # the questions name who they are for
        "Thư",
    ]
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
    assert (future.plain_text or "").startswith(
        "Nhóm không có tuần 1, từ ngày 04/01 đến ngày 10/01/2027: nhóm theo dõi"
    )
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
    assert (
        lines[0]
        == "📅 Tình hình báo cáo từ tuần 47 (16/11 – 22/11) đến tuần 49 (30/11 – 06/12) (cũ → mới)"
    )
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
        "⏳ Tuần 49 (30/11 – 06/12): chưa nộp",
        "🕓 Tuần 48 (23/11 – 29/11): nộp muộn — Hộ được hỗ trợ: 7 hộ; Kinh phí: 0 đ",
        "❌ Tuần 47 (16/11 – 22/11): quá hạn, chưa nộp",
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
        "📊 MTTQ tỉnh Tây Ninh: biểu đồ báo cáo 3 tuần gần đây, đến tuần 49 (30/11 – 06/12)."
    )
    assert png_size(chart.file_content) == (WIDTH_PX, HEIGHT_PX)

    api.send(group, secretary, "/bieudo truoc")
    earlier = await bot.only_reply(GROUP_ID)
    assert (earlier.plain_text or "").endswith("2 tuần gần đây, đến tuần 48 (23/11 – 29/11).")


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
    assert (future.plain_text or "").startswith(
        "Nhóm không có tuần 1, từ ngày 04/01 đến ngày 10/01/2027: nhóm theo dõi"
    )
    assert not [m for m in api.sent if m.kind == "photo"]


async def test_the_secretariat_writes_the_assessment_and_the_plan_into_the_word_report(
    bot: BotHarness, api: LocalBotApi
) -> None:
    secretary = api.user(SECRETARY_ID, "Thư")
    chat = api.private_chat(secretary)
    api.send(chat, secretary, "/start")
    await bot.settle()
    api.mark_read()

    api.send(chat, secretary, "/xuatbaocao 48")
    assessment = await bot.only_reply(chat.id)
    api.send(chat, secretary, "Các tổ chức thực hiện nghiêm túc.\nCòn 1 đơn vị nộp muộn.")
    plan = await bot.only_reply(chat.id)
    api.send(chat, secretary, "Tiếp tục tuyên truyền phòng chống dịch.")
    await bot.settle()
    [document] = [m for m in api.unread(chat.id) if m.kind == "document"]

    assert (assessment.plain_text or "").startswith("📝 Báo cáo tuần 48 (23/11 – 29/11)")
    assert "Đánh giá chung" in (assessment.plain_text or "")
    assert "Phương hướng, nhiệm vụ tuần tới" in (plan.plain_text or "")
    text = "\n".join(p.text for p in Document(io.BytesIO(document.file_content or b"")).paragraphs)
    assert "Các tổ chức thực hiện nghiêm túc." in text
    assert "Còn 1 đơn vị nộp muộn." in text
    assert "Tiếp tục tuyên truyền phòng chống dịch." in text


async def test_the_assessment_question_survives_a_restart_and_its_answer_is_no_report_answer(
    api: LocalBotApi, tmp_path: Path
) -> None:
    config = make_config(api, tmp_path / "n.db", groups=six_organizations())
    secretary = api.user(SECRETARY_ID, "Thư")
    chat = api.private_chat(secretary)
    async with BotHarness(api, config, FakeClock(local(30, 9))) as bot:
        api.send(chat, secretary, "/start")
        await bot.settle()
        api.send(chat, secretary, "/xuatbaocao")
        await bot.settle()
    assert "Đánh giá chung" in (api.messages_to(chat.id)[-1].plain_text or "")
    api.mark_read()

    async with BotHarness(api, config, FakeClock(local(30, 10))) as again:
        api.send(chat, secretary, "Tốt")
        plan = await again.only_reply(chat.id)
        api.press(plan, secretary, plan.button("Bỏ qua"))
        await again.settle()

    [document] = [m for m in api.unread(chat.id) if m.kind == "document"]
    text = "\n".join(p.text for p in Document(io.BytesIO(document.file_content or b"")).paragraphs)
    assert "Tốt" in text


async def test_an_assessment_delivered_twice_is_not_taken_for_the_plan_too(
    bot: BotHarness, api: LocalBotApi
) -> None:
    secretary = api.user(SECRETARY_ID, "Thư")
    chat = api.private_chat(secretary)
    api.send(chat, secretary, "/start")
    await bot.settle()
    api.send(chat, secretary, "/xuatbaocao 48")
    await bot.settle()
    api.send(chat, secretary, "Đánh giá một lần.")
    await bot.settle()

    api.redeliver(api.last_update_id)  # Telegram sends the same message again
    await bot.settle()
    api.send(chat, secretary, "Kế hoạch tuần tới.")
    await bot.settle()

    [document] = [m for m in api.messages_to(chat.id) if m.kind == "document"]
    text = "\n".join(p.text for p in Document(io.BytesIO(document.file_content or b"")).paragraphs)
    assert text.count("Đánh giá một lần.") == 1
    assert "Kế hoạch tuần tới." in text
