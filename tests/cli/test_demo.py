"""``giaoban demo`` and ``make run`` without a token: a week of the Tây Ninh group played
offline with the response plan imported, then a direction and the plan's situation 2 through
the week after, printed as a transcript, with the files the bot sent written to a folder."""

from __future__ import annotations

import asyncio
import io
import re
import shutil
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from bot.exports.chart import HEIGHT_PX, WIDTH_PX
from tests.cli.test_cli import ROOT, Result, config_text, giaoban
from tests.images import png_size


def in_order(transcript: str, steps: list[str], start: int = 0) -> list[int]:
    """Where each step is, each found after the one before (the first from ``start``)."""
    positions: list[int] = []
    for step in steps:
        found = transcript.find(step, positions[-1] if positions else start)
        assert found != -1, (step, steps[: len(positions)])
        positions.append(found)
    return positions


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Result, Path]:
    """``giaoban demo``, played once for the tests that read it (some seven seconds)."""
    out = tmp_path_factory.mktemp("demo") / "demo"
    return asyncio.run(giaoban("demo", "--out", str(out))), out


def test_the_demo_plays_a_week_and_a_direction_and_writes_the_report_spreadsheet_and_charts(
    demo: tuple[Result, Path],
) -> None:
    result, out = demo
    assert result.code == 0, result.stderr
    transcript = result.stdout
    # The week, in order: the call, a number the bot could not read asked again, the
    # reminder, the deadline, the overdue reminder, the digest with its chart, /summary.
    steps = [
        "📣 Giao ban tuần 48 (23/11 – 29/11)",
        "👤 Võ Thị Lan: hơn hai chục",
        "Bot hiểu là 20 hộ. Có đúng không?",
        "👤 Võ Thị Lan: 22",
        "⏰ Nhắc báo cáo tuần 48 (23/11 – 29/11)",
        "⌛ Hết hạn báo cáo tuần 48 (23/11 – 29/11)",
        "🔔 Quá hạn báo cáo tuần 48 (23/11 – 29/11)",
        "📊 Tổng hợp giao ban tuần 48 (23/11 – 29/11)",
        "📊 MTT-CTXH tỉnh Tây Ninh: biểu đồ báo cáo 6 tuần gần đây, đến tuần 48 (23/11 – 29/11).",
        "👤 Lê Thị Thu: /tonghop truoc",
        "👤 Lê Thị Thu: /xuatbaocao truoc",
    ]
    positions = in_order(transcript, steps)
    digest = transcript[positions[7] :]
    assert "Đã nộp 5/6 tổ chức (83%)" in digest
    assert "❌ 6. Hội Cựu chiến binh tỉnh — quá hạn, chưa nộp" in digest
    assert "• Số hộ khó khăn được hỗ trợ trong tuần: 22 hộ" in digest  # the corrected answer
    assert "so với tuần trước" in digest  # the weeks before were played too
    assert (
        transcript.count("📊 Tổng hợp giao ban tuần 48 (23/11 – 29/11)") == 2
    )  # digest and /summary

    assert (out / "transcript.txt").read_text("utf-8").strip() in transcript
    document = Document(io.BytesIO((out / "bao-cao-tuan-2026-W48.docx").read_bytes()))
    texts = [p.text for p in document.paragraphs]
    assert "BÁO CÁO" in texts
    assert any("Hội Cựu chiến binh tỉnh" in t for t in texts)
    sheet = load_workbook(out / "bao-cao-2026-W48.xlsx").active
    assert sheet is not None
    assert sheet.max_row == 7  # a header and six organizations
    assert png_size((out / "bieu-do-tuan-2026-W48.png").read_bytes()) == (WIDTH_PX, HEIGHT_PX)

    # After Monday's digest, a direction: given in private, posted in the group and sent to the
    # leader, acknowledged; asked about in the next report; reminded; done; then counted.
    group, farmer = "[Nhóm] 🤖 Giao Ban:\n      ", "[Riêng · Huỳnh Văn Dũng] 🤖 Giao Ban:\n      "
    direction = in_order(
        transcript,
        [
            "👤 Lê Thị Thu: /chidao",
            "👤 Lê Thị Thu bấm nút [Cuối tuần này (04/12)]",
            "Đã giao chỉ đạo #1 cho Hội Nông dân tỉnh (hạn: 04/12/2026).",
            group + "📌 CHỈ ĐẠO #1 — MTT-CTXH tỉnh Tây Ninh",
            "Nơi nhận: Hội Nông dân tỉnh (Huỳnh Văn Dũng)",  # the leader mentioned
            "Vận động hội viên đăng ký tham gia hiến máu tình nguyện đợt tháng 12.",
            "[Nhóm] 👤 Huỳnh Văn Dũng bấm nút [Đã nhận]",
            group + "Đã ghi nhận: Hội Nông dân tỉnh đã nhận chỉ đạo #1.",
            "✔️ Hội Nông dân tỉnh đã nhận chỉ đạo #1 (Huỳnh Văn Dũng).",
            "Hội Nông dân tỉnh · báo cáo tuần 49 (30/11 – 06/12)",
            "Câu 5/9. Kết quả thực hiện chỉ đạo #1: Vận động hội viên đăng ký tham gia hiến máu",
            "👤 Huỳnh Văn Dũng: đang làm, đã có 45 hội viên đăng ký",
            "✅ Đã nhận báo cáo tuần 49 (30/11 – 06/12) của Hội Nông dân tỉnh",
            "Đang thực hiện — đã có 45 hội viên đăng ký",  # in the receipt
            farmer + "⏰ Chỉ đạo #1 đến hạn ngày mai (04/12/2026)",
            "Đã ghi kết quả chỉ đạo #1 của Hội Nông dân tỉnh: Đã xong.",
            "✅ Hội Nông dân tỉnh báo đã xong chỉ đạo #1 (Huỳnh Văn Dũng).",
            "📊 Tổng hợp giao ban tuần 49 (30/11 – 06/12)",
            "📊 MTT-CTXH tỉnh Tây Ninh: biểu đồ báo cáo 7 tuần gần đây, đến tuần 49",
        ],
        start=positions[-1],
    )
    assert "Chỉ đạo #1" not in transcript[: direction[0]]  # none before it is given
    # The copy to the leader goes out beside the group's post, in either order.
    assert (
        farmer + "📌 CHỈ ĐẠO #1 — MTT-CTXH tỉnh Tây Ninh" in transcript[direction[2] : direction[6]]
    )
    next_digest = transcript[direction[-2] : direction[-1]]
    assert "Đã nộp 6/6 tổ chức (100%)" in next_digest  # the others reported, not printed
    assert "\n      Chỉ đạo\n" in next_digest
    assert (
        "Hoàn thành đúng hạn: 1 · Hoàn thành quá hạn: 0 · Chưa hoàn thành, còn trong hạn: 0 · "
        "Chưa hoàn thành, đã quá hạn: 0" in next_digest
    )
    assert "Giao trong kỳ: #1" in next_digest
    assert png_size((out / "bieu-do-tuan-2026-W49.png").read_bytes()) == (WIDTH_PX, HEIGHT_PX)


def test_the_demo_imports_the_plan_switches_to_situation_two_and_shows_the_effect(
    demo: tuple[Result, Path],
) -> None:
    result, _ = demo
    assert result.code == 0, result.stderr
    transcript = result.stdout
    group = "[Nhóm] 🤖 Giao Ban:\n      "
    office = "[Riêng · Đỗ Thị Hoa] 🤖 Giao Ban:\n      "
    # Imported at the start of week 48 (the secretary sends the file after /kehoach), then
    # each member's report asks about its tasks; on Tuesday 1 December the office switches to
    # situation 2 and the group is told; the farmers' report asks about their tasks at it;
    # Văn phòng reports a new task with /nhiemvu; the next digest shows the plan at situation 2.
    steps = in_order(
        transcript,
        [
            "📣 Giao ban tuần 48 (23/11 – 29/11)",
            "👤 Lê Thị Thu: /kehoach",
            "👤 Lê Thị Thu: 📎 Tệp soc-trang-covid-19.csv (18 KB)",
            "Đã nhập phương án từ tệp soc-trang-covid-19.csv.",
            "Tình huống đang áp dụng: 1.",
            "• Tình huống 2: Có phát sinh trường hợp cán bộ Mặt trận các cấp có ca nhiễm… — 28 "
            "nhiệm vụ",
            "Câu 5/8. 1.1. Cử cán bộ tham gia Ban Chỉ đạo tỉnh, thành lập Tổ Phòng chống Covid-19",
            "📊 Tổng hợp giao ban tuần 48 (23/11 – 29/11)",
            "Phương án: tình huống 1 — Chưa phát sinh trường hợp cán bộ Mặt trận",
            "👤 Lê Thị Thu: /tinhhuong",
            "👤 Lê Thị Thu bấm nút [Chuyển sang tình huống 2]",
            "👤 Lê Thị Thu bấm nút [Xác nhận chuyển]",
            group + "⚠️ CHUYỂN TÌNH HUỐNG: từ tình huống 1 sang tình huống 2 — Có phát sinh "
            "trường hợp cán bộ Mặt trận các cấp",
            "• Hội Nông dân tỉnh: 1.1, 1.2, 1.3, 1.11",
            "• Văn phòng: 2.B.1, 2.B.2, 2.B.3,",
            "Hội Nông dân tỉnh · báo cáo tuần 49 (30/11 – 06/12)",
            "Câu 6/9. 1.1. Cử cán bộ tham gia Ban Chỉ đạo tỉnh, thành lập Tổ Phòng chống Covid-19",
            "👤 Huỳnh Văn Dũng bấm nút [Không đổi: đã xong]",
            "Câu 7/9. 1.2. Đẩy mạnh công tác tuyên truyền",
            "✅ Đã nhận báo cáo tuần 49 (30/11 – 06/12) của Hội Nông dân tỉnh",
            "Đã xong — đã phát 2.000 tờ rơi về phòng dịch ở 12 xã",
            "👤 Đỗ Thị Hoa: /nhiemvu",
            office + "Nhiệm vụ — tình huống 2",
            "2.B.1 Ngay sau khi phát hiện có ca nhiễm Covid - 19, thông báo kh… — Văn phòng: chưa "
            "thực hiện",
            "👤 Đỗ Thị Hoa bấm nút [2.B.1 Ngay sau khi phát hiện có ca nhiễ…]",
            "👤 Đỗ Thị Hoa bấm nút [Đã xong]",
            "Đã ghi nhiệm vụ 2.B.1 (Văn phòng): đã xong.",
            "👤 Đỗ Thị Hoa: Đã báo khẩn Thường trực và Ban Chỉ đạo tỉnh lúc 14 giờ 30 ngày 01/12.",
            "Ghi chú: Đã báo khẩn Thường trực và Ban Chỉ đạo tỉnh lúc 14 giờ 30 ngày 01/12.",
            "📊 Tổng hợp giao ban tuần 49 (30/11 – 06/12)",
            "Phương án: tình huống 2 — Có phát sinh trường hợp cán bộ Mặt trận",
            "📊 MTT-CTXH tỉnh Tây Ninh: biểu đồ báo cáo 7 tuần gần đây, đến tuần 49",
        ],
    )
    assert "CHUYỂN TÌNH HUỐNG" not in transcript[: steps[9]]  # not before /tinhhuong
    plan = transcript[steps[-2] : steps[-1]]
    assert "(từ 01/12/2026)" in plan.splitlines()[0]
    # Of the 28 tasks in force: the members' answers of weeks 48 and 49, the office's one.
    assert re.search(r"Đã xong: 7 · \W*Đang thực hiện: 13 · \W*Chưa thực hiện: 45", plan)
    first = next(line for line in plan.splitlines() if "2.B.1 Ngay sau khi phát hiện" in line)
    assert "Văn phòng" in first
    assert "Đã báo khẩn" in first  # done, with the office's note
    assert "… và 18 nhiệm vụ khác" in plan  # ten listed


async def test_make_run_without_a_token_plays_the_demo_instead_and_names_its_folder(
    tmp_path: Path,
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        config_text("http://127.0.0.1:1/bot", f"sqlite+aiosqlite:///{tmp_path}/g.db"), "utf-8"
    )
    result = await giaoban("run", "--config", str(config), "--demo-without-token", token=None)

    assert result.code == 0, result.stderr
    assert result.stderr.startswith("Chưa có token của bot (biến môi trường TELEGRAM_BOT_TOKEN)")
    assert "📊 Tổng hợp giao ban tuần 48 (23/11 – 29/11)" in result.stdout
    folder = re.search(r"ghi vào thư mục (\S+):", result.stdout)
    assert folder is not None
    written = Path(folder[1])
    assert (written / "bao-cao-tuan-2026-W48.docx").is_file()
    shutil.rmtree(written)
    assert "--demo-without-token" in (ROOT / "Makefile").read_text("utf-8")
