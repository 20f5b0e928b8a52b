"""Directions (chỉ đạo) in the secretariat's files: the Word report's section "Ý kiến chỉ đạo
và kết quả thực hiện" with its counts and table, and the spreadsheet's sheets of directions and
of their histories; written from the pure data the services hand over."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import UTC, date, datetime
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from bot.core.directions import DirectionLine, DirectionState, Picture, Progress, TargetLine
from bot.core.directions import picture as picture_of
from bot.exports.data import DirectionStep, History
from bot.exports.document import report_docx
from bot.exports.tables import HEADER_FILL, history_csv, history_xlsx
from tests.unit.test_document_layout import WEEK, Docx, W, a_report, cell_width, one, text_of, val
from tests.unit.test_tables import a_group, a_history

TODAY = date(2026, 12, 1)  # the report's day
# Given before the week and still open; given in the week, one organization done on time and
# one late in coming; given in the week and withdrawn; done before the week (in no row).
EARLIER = DirectionLine(
    2, "Rà soát hộ nghèo.", date(2026, 11, 10), "Trần Thị Thư", None, DirectionState.OPEN,
    (TargetLine("Hội Liên hiệp Phụ nữ tỉnh", "org3", Progress.ACKNOWLEDGED),),
)  # fmt: skip
BLOOD = DirectionLine(
    3, "Vận động hội viên tham gia hiến máu tình nguyện.", date(2026, 11, 24), "Trần Thị Thư",
    date(2026, 11, 27), DirectionState.OPEN,
    (
        TargetLine("Tỉnh đoàn", "org1", Progress.DONE, date(2026, 11, 26), "Đã vận động 120 người"),
        TargetLine("Hội Nông dân tỉnh", "org4", Progress.IN_PROGRESS, None, "=1+1"),
    ),
)  # fmt: skip
WITHDRAWN = DirectionLine(
    4, "Tổ chức hội nghị.", date(2026, 11, 25), "Trần Thị Thư", None, DirectionState.WITHDRAWN,
    (TargetLine("Tỉnh đoàn", "org1", Progress.NEW),), date(2026, 11, 26), "Trùng kế hoạch",
)  # fmt: skip
DONE_BEFORE = DirectionLine(
    1, "Treo cờ.", date(2026, 11, 2), "Trần Thị Thư", None, DirectionState.OPEN,
    (TargetLine("Tỉnh đoàn", "org1", Progress.DONE, date(2026, 11, 5)),),
)  # fmt: skip
LINES = (DONE_BEFORE, EARLIER, BLOOD, WITHDRAWN)


def a_picture(lines: tuple[DirectionLine, ...] = LINES) -> Picture:
    return picture_of(lines, WEEK.first_day(), WEEK.day(7), TODAY)


def body_texts(docx: Docx) -> list[str]:
    return [text_of(p) for p in docx.body_paragraphs()]


def rows_of(table: ElementTree.Element) -> list[list[str]]:
    """Each row's cells, a cell's paragraphs joined by " | "."""
    return [
        [" | ".join(text_of(p) for p in cell.findall(f"{W}p")) for cell in row.findall(f"{W}tc")]
        for row in table.findall(f"{W}tr")
    ]


@pytest.fixture(scope="module")
def docx() -> Docx:
    return Docx(report_docx(replace(a_report(), directions=a_picture())))


# --- the Word report -------------------------------------------------------------------------


def test_the_directions_section_comes_after_who_did_not_report_and_before_the_assessment(
    docx: Docx,
) -> None:
    texts = body_texts(docx)

    headings = [t for t in texts if re.match(r"[IVX]+\. ", t)]
    assert headings == [
        "I. KẾT QUẢ THỰC HIỆN CỦA CÁC TỔ CHỨC",
        "II. SỐ LIỆU TỔNG HỢP",
        "III. CÁC TỔ CHỨC CHƯA BÁO CÁO",
        "IV. Ý KIẾN CHỈ ĐẠO VÀ KẾT QUẢ THỰC HIỆN",
        "V. ĐÁNH GIÁ CHUNG",
        "VI. PHƯƠNG HƯỚNG, NHIỆM VỤ TUẦN TỚI",
        "VII. KHÓ KHĂN, KIẾN NGHỊ, ĐỀ XUẤT",
    ]


def test_one_sentence_gives_the_four_counts_of_each_organizations_direction(docx: Docx) -> None:
    texts = body_texts(docx)

    after = texts[texts.index("IV. Ý KIẾN CHỈ ĐẠO VÀ KẾT QUẢ THỰC HIỆN") + 1]
    # Done on time: Tỉnh đoàn (#3); not done, within time: Hội LHPN (#2, no due date);
    # not done, overdue: Hội Nông dân (#3, due 27/11). #1 was done before the week; #4 is
    # withdrawn: neither counts.
    assert after == (
        "Tính theo từng tổ chức được giao, đến ngày 01/12: hoàn thành đúng hạn 1; hoàn thành "
        "quá hạn 0; chưa hoàn thành, còn trong hạn 1; chưa hoàn thành, đã quá hạn 1."
    )


def test_the_table_has_a_row_per_direction_given_in_the_week_or_still_open_with_each_result(
    docx: Docx,
) -> None:
    _, _, table, _ = docx.tables()

    assert rows_of(table) == [
        ["STT", "Chỉ đạo", "Tổ chức thực hiện", "Hạn", "Kết quả"],
        [
            "1",
            "Số 2, ngày 10/11: Rà soát hộ nghèo.",
            "Hội Liên hiệp Phụ nữ tỉnh",
            "Không có hạn",
            "Đã nhận, chưa thực hiện",
        ],
        [
            "2",
            "Số 3, ngày 24/11: Vận động hội viên tham gia hiến máu tình nguyện.",
            "Tỉnh đoàn | Hội Nông dân tỉnh",
            "27/11",
            "Tỉnh đoàn: đã hoàn thành ngày 26/11 – Đã vận động 120 người | "
            "Hội Nông dân tỉnh: đang thực hiện, quá hạn – =1+1",
        ],
        ["3", "Số 4, ngày 25/11: Tổ chức hội nghị.", "Tỉnh đoàn", "Không có hạn",
         "Đã thu hồi ngày 26/11 – Trùng kế hoạch"],
    ]  # fmt: skip


def test_a_late_result_and_a_closed_direction_say_so_with_the_reason() -> None:
    late = replace(
        BLOOD,
        targets=(TargetLine("Tỉnh đoàn", "org1", Progress.DONE, date(2026, 11, 28), "Muộn"),),
        state=DirectionState.CLOSED,
        closed_on=date(2026, 11, 30),
        reason="Đã đủ",
    )
    docx = Docx(report_docx(replace(a_report(), directions=a_picture((late,)))))

    _, _, table, _ = docx.tables()
    assert rows_of(table)[1][4] == (
        "Hoàn thành quá hạn, ngày 28/11 – Muộn | Đã đóng ngày 30/11 – Đã đủ"
    )


def test_the_table_is_laid_out_as_the_totals_table_across_the_text_width(docx: Docx) -> None:
    _, figures, table, _ = docx.tables()

    grid = [int(val(c, "w")) for c in table.findall(f"{W}tblGrid/{W}gridCol")]
    assert val(one(table, "w:tblPr/w:tblLayout"), "type") == "fixed"
    assert int(val(one(table, "w:tblPr/w:tblW"), "w")) == sum(grid) == docx.text_width
    rows = table.findall(f"{W}tr")
    for row in rows:
        assert [cell_width(c) for c in row.findall(f"{W}tc")] == grid
        assert row.find(f"{W}trPr/{W}cantSplit") is not None  # no row broken across pages
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None  # repeated on each page
    assert val(one(table, "w:tblPr/w:tblStyle")) == val(one(figures, "w:tblPr/w:tblStyle"))
    sizes = {val(sz) for sz in table.iter(f"{W}sz")}
    assert sizes == {"24"}  # 12 pt, as the totals table
    assert grid[0] < grid[3] < grid[2] < grid[4]  # number, due, organizations, results


def test_a_group_without_directions_gets_no_directions_section() -> None:
    for directions in (None, Picture((), (), {}, TODAY)):
        docx = Docx(report_docx(replace(a_report(), directions=directions)))

        texts = body_texts(docx)
        assert not [t for t in texts if "CHỈ ĐẠO" in t]
        assert "IV. ĐÁNH GIÁ CHUNG" in texts
        assert len(docx.tables()) == 3  # the heading, the totals, the signature


def test_counts_without_a_direction_to_list_give_the_sentence_and_no_table() -> None:
    done_in_the_week = replace(
        DONE_BEFORE, targets=(TargetLine("Tỉnh đoàn", "org1", Progress.DONE, date(2026, 11, 25)),)
    )
    docx = Docx(report_docx(replace(a_report(), directions=a_picture((done_in_the_week,)))))

    texts = body_texts(docx)
    heading = texts.index("IV. Ý KIẾN CHỈ ĐẠO VÀ KẾT QUẢ THỰC HIỆN")
    assert "hoàn thành đúng hạn 1;" in texts[heading + 1]
    assert texts[heading + 2] == "V. ĐÁNH GIÁ CHUNG"
    assert len(docx.tables()) == 3


def test_the_directions_section_is_in_english_for_an_english_group() -> None:
    report = replace(a_report(), directions=a_picture())
    report = replace(report, group=replace(report.group, language="en"))
    docx = Docx(report_docx(report))

    texts = body_texts(docx)
    assert "IV. DIRECTIONS AND THEIR RESULTS" in texts
    _, _, table, _ = docx.tables()
    assert rows_of(table)[0] == ["No.", "Direction", "Organizations", "Due", "Result"]
    assert rows_of(table)[2][4].startswith("Tỉnh đoàn: done on 26/11")


# --- the spreadsheet -------------------------------------------------------------------------


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in Tây Ninh (UTC+7), stored in UTC."""
    return datetime(2026, 11, day, hour - 7, minute, tzinfo=UTC)


STEPS = (
    DirectionStep(2, at(10, 9), "given", who="Trần Thị Thư"),
    DirectionStep(2, at(11, 8), "acknowledged", "Hội Liên hiệp Phụ nữ tỉnh", "Lan"),
    DirectionStep(3, at(24, 8, 30), "given", who="Trần Thị Thư"),
    DirectionStep(3, at(26, 16), "result", "Tỉnh đoàn", "An", "done", "Đã vận động 120 người"),
    DirectionStep(3, at(27, 9), "result:report", "Hội Nông dân tỉnh", "Dũng", "in_progress",
                  "=1+1"),
    DirectionStep(3, at(27, 10), "note", "Hội Nông dân tỉnh", "Dũng", None, "<b>"),
    DirectionStep(3, at(27, 11), "due", who="Trần Thị Thư", value="2026-12-04"),
    DirectionStep(4, at(26, 10), "withdrawn", who="Trần Thị Thư", text="@SUM(1;2)"),
)  # fmt: skip


def with_directions(history: History) -> History:
    hostile = replace(
        BLOOD,
        targets=(BLOOD.targets[0], replace(BLOOD.targets[1], note="<b>")),
    )
    return replace(history, directions=(EARLIER, hostile, WITHDRAWN), direction_steps=STEPS)


def sheets(history: History) -> dict[str, Worksheet]:
    workbook = load_workbook(io.BytesIO(history_xlsx(history)))
    return {sheet.title: sheet for sheet in workbook.worksheets if isinstance(sheet, Worksheet)}


def values(sheet: Worksheet) -> list[tuple[object, ...]]:
    return list(sheet.iter_rows(values_only=True))


def test_the_spreadsheet_lists_each_organizations_direction_as_it_stands() -> None:
    sheet = sheets(with_directions(a_history(a_group())))["Chỉ đạo"]

    assert values(sheet) == [
        ("Số", "Ngày giao", "Người giao", "Nội dung", "Hạn", "Trạng thái", "Tổ chức", "Tiến độ",
         "Ngày xong", "Ghi chú"),
        (2, datetime(2026, 11, 10), "Trần Thị Thư", "Rà soát hộ nghèo.", None, "đang mở",
         "Hội Liên hiệp Phụ nữ tỉnh", "đã nhận", None, None),
        (3, datetime(2026, 11, 24), "Trần Thị Thư",
         "Vận động hội viên tham gia hiến máu tình nguyện.", datetime(2026, 11, 27), "đang mở",
         "Tỉnh đoàn", "đã xong", datetime(2026, 11, 26), "Đã vận động 120 người"),
        (3, datetime(2026, 11, 24), "Trần Thị Thư",
         "Vận động hội viên tham gia hiến máu tình nguyện.", datetime(2026, 11, 27), "đang mở",
         "Hội Nông dân tỉnh", "đang thực hiện", None, "<b>"),
        (4, datetime(2026, 11, 25), "Trần Thị Thư", "Tổ chức hội nghị.", None, "đã thu hồi",
         "Tỉnh đoàn", "chưa xác nhận đã nhận", None, None),
    ]  # fmt: skip
    assert sheet["B2"].number_format == sheet["E3"].number_format == "dd/mm/yyyy"


def test_the_history_sheet_has_a_row_per_step_at_the_groups_local_time_in_words() -> None:
    sheet = sheets(with_directions(a_history(a_group())))["Diễn biến chỉ đạo"]

    assert values(sheet) == [
        ("Số", "Thời điểm", "Tổ chức", "Người", "Việc", "Giá trị", "Ghi chú"),
        (2, datetime(2026, 11, 10, 9), None, "Trần Thị Thư", "giao chỉ đạo", None, None),
        (2, datetime(2026, 11, 11, 8), "Hội Liên hiệp Phụ nữ tỉnh", "Lan", "báo đã nhận", None,
         None),
        (3, datetime(2026, 11, 24, 8, 30), None, "Trần Thị Thư", "giao chỉ đạo", None, None),
        (3, datetime(2026, 11, 26, 16), "Tỉnh đoàn", "An", "báo kết quả", "Đã xong",
         "Đã vận động 120 người"),
        (3, datetime(2026, 11, 27, 9), "Hội Nông dân tỉnh", "Dũng",
         "báo kết quả (trong báo cáo tuần)", "Đang thực hiện", "=1+1"),
        (3, datetime(2026, 11, 27, 10), "Hội Nông dân tỉnh", "Dũng", "thêm ghi chú", None, "<b>"),
        (3, datetime(2026, 11, 27, 11), None, "Trần Thị Thư", "đổi hạn", datetime(2026, 12, 4),
         None),
        (4, datetime(2026, 11, 26, 10), None, "Trần Thị Thư", "thu hồi chỉ đạo", None,
         "@SUM(1;2)"),
    ]  # fmt: skip
    assert sheet["B2"].number_format == "dd/mm/yyyy hh:mm"
    assert sheet["F8"].number_format == "dd/mm/yyyy"


def test_what_people_wrote_about_a_direction_is_text_in_the_spreadsheet_never_a_formula() -> None:
    found = sheets(with_directions(a_history(a_group())))

    for sheet in (found["Chỉ đạo"], found["Diễn biến chỉ đạo"]):
        hostile = [
            c for row in sheet.iter_rows(min_row=2) for c in row if c.value in ("=1+1", "<b>")
        ]
        assert hostile
        assert all(cell.data_type == "s" for cell in hostile)
    assert found["Diễn biến chỉ đạo"]["G9"].data_type == "s"  # "@SUM(1;2)"


def test_the_direction_sheets_look_like_the_others_heading_frozen_filtered_and_fitted() -> None:
    found = sheets(with_directions(a_history(a_group())))

    for sheet in (found["Chỉ đạo"], found["Diễn biến chỉ đạo"]):
        assert all(cell.font.b and cell.fill.fgColor.rgb.endswith(HEADER_FILL) for cell in sheet[1])
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == sheet.dimensions
        assert sheet.column_dimensions["B"].width >= len("dd/mm/yyyy") + 1
    text = found["Chỉ đạo"]["D3"]
    assert text.alignment.wrap_text
    assert found["Chỉ đạo"].column_dimensions["D"].width >= len(BLOOD.text) + 1
    assert found["Diễn biến chỉ đạo"].column_dimensions["B"].width >= len("dd/mm/yyyy hh:mm")


def test_a_group_without_directions_gets_no_direction_sheets_and_the_csv_never_has_them() -> None:
    history = a_history(a_group())

    assert list(sheets(history)) == ["Báo cáo"]
    assert history_csv(with_directions(history)) == history_csv(history)
    assert list(sheets(with_directions(history))) == ["Báo cáo", "Chỉ đạo", "Diễn biến chỉ đạo"]


def test_a_control_character_pasted_from_word_does_not_break_the_spreadsheet() -> None:
    pasted = replace(EARLIER, text="Rà soát\x0bhộ nghèo.")
    history = replace(with_directions(a_history(a_group())), directions=(pasted,))

    assert sheets(history)["Chỉ đạo"]["D2"].value == "Rà soáthộ nghèo."
