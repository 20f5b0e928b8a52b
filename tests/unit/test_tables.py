"""The spreadsheet and the CSV of a range of weeks: opened with the library that reads them (and
the spreadsheet printed by LibreOffice, where it is installed), as a secretariat officer would."""

from __future__ import annotations

import csv
import io
import math
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from bot.config import GroupConfig, load_config
from bot.core.answers import AnswerKind
from bot.core.digest import OrganizationFacts, ReportFacts, StoredAnswer, build_digest
from bot.core.periods import PeriodKey
from bot.core.questionnaire import Question
from bot.exports.data import History, PeriodReport
from bot.exports.tables import (
    HEADER_FILL,
    HEADER_WIDTH,
    LINE_HEIGHT,
    MAX_WIDTH,
    csv_text,
    history_csv,
    history_xlsx,
)

EXAMPLE = Path(__file__).parents[2] / "config.example.toml"
QUESTIONS = (
    Question("tuyen_truyen", "Kết quả tuyên truyền"),
    Question("ho", "Hộ được hỗ trợ", AnswerKind.COUNT, unit="hộ"),
    Question("gao", "Gạo đã trao", AnswerKind.NUMBER, unit="tấn"),
    Question(
        "kinh_phi",
        "Tổng giá trị hỗ trợ người dân gặp khó khăn (tiền và hàng quy ra tiền)",
        AnswerKind.MONEY,
    ),
    Question("kien_nghi", "Khó khăn, kiến nghị", required=False, proposals=True),
)
LONG = " ".join(["Tổ chức hội nghị tuyên truyền chuyển đổi số tại các xã biên giới;"] * 5)
TUESDAY_9_AM = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)  # 09:00 in Tây Ninh (UTC+7)


def a_group(delimiter: str = ",") -> GroupConfig:
    group = load_config(EXAMPLE).groups[0]
    document = replace(group.document, csv_delimiter=delimiter)
    return replace(group, questions=QUESTIONS, document=document)


def answers(
    propaganda: str, households: int, rice: str, money: int, proposal: str = ""
) -> dict[str, StoredAnswer]:
    found = {
        "tuyen_truyen": StoredAnswer(propaganda, None),
        "ho": StoredAnswer(str(households), str(households)),
        "gao": StoredAnswer(f"{rice} tấn", rice),
        "kinh_phi": StoredAnswer(str(money), str(money)),
    }
    if proposal:
        found["kien_nghi"] = StoredAnswer(proposal, None)
    return found


# Week 48: four organizations reported on Tuesday morning, two did not.
REPORTED = {
    "mttq": answers("Hội nghị giao ban khối dân vận.", 40, "2.5", 1_500_000_000),
    "tinh_doan": answers(LONG, 35, "1", 45_000_000, "- Xin thêm tài liệu tuyên truyền"),
    "ldld": answers("Thăm hỏi công nhân.", 60, "0.75", 120_000_000, '=HYPERLINK("x","y")'),
    "hlhpn": answers("Ra mắt mô hình.\nHai dòng.", 22, "3", 15_500_000),
}


def a_history(group: GroupConfig) -> History:
    key = PeriodKey(2026, 48)
    deadline = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)  # Thursday 17:00 in Tây Ninh
    organizations = [
        OrganizationFacts(
            org.code,
            org.name,
            (),
            group.questions_for(org.code),
            ReportFacts(TUESDAY_9_AM, False, REPORTED[org.code]) if org.code in REPORTED else None,
        )
        for org in group.organizations
    ]
    digest = build_digest(key, deadline, organizations, deadline + timedelta(days=4))
    return History(group, (PeriodReport(group, digest, key.first_day(), key.day(7)),))


def sheet_of(history: History) -> Worksheet:
    sheet = load_workbook(io.BytesIO(history_xlsx(history))).active
    assert isinstance(sheet, Worksheet)
    return sheet


def row_of(sheet: Worksheet, code: str) -> int:
    return next(int(cell.row) for cell in sheet["D"] if cell.value == code)


# --- the spreadsheet -------------------------------------------------------------------------


def test_the_week_reads_as_people_say_it_beside_its_first_and_last_day_as_date_cells() -> None:
    sheet = sheet_of(a_history(a_group()))

    assert [c.value for c in sheet[1][:3]] == ["Kỳ báo cáo", "Từ ngày", "Đến ngày"]
    period, first, last = (sheet.cell(2, column) for column in (1, 2, 3))
    assert period.value == "tuần 48 (23/11 – 29/11)"
    # Dates (numbers in a date format, which openpyxl reads back as datetimes), not text.
    assert (first.value, last.value) == (datetime(2026, 11, 23), datetime(2026, 11, 29))
    assert first.number_format == last.number_format == "dd/mm/yyyy"
    assert all("2026-W" not in str(c.value) for row in sheet.iter_rows() for c in row)


def test_the_time_a_report_came_in_is_a_date_cell_at_the_groups_local_time() -> None:
    sheet = sheet_of(a_history(a_group()))

    submitted = sheet.cell(row_of(sheet, "mttq"), 7)
    assert sheet.cell(1, 7).value == "Thời điểm nộp"
    # 02:00 UTC is 09:00 in Tây Ninh: the cell holds the local time, without a zone.
    assert submitted.value == datetime(2026, 11, 24, 9, 0)
    assert submitted.is_date
    assert submitted.number_format == "dd/mm/yyyy hh:mm"
    assert sheet.cell(row_of(sheet, "hnd"), 7).value is None  # did not report


def test_every_column_is_wide_enough_for_what_its_cells_show_so_none_shows_hash_marks() -> None:
    sheet = sheet_of(a_history(a_group()))

    def width(column: str) -> float:
        return sheet.column_dimensions[column].width

    # As the cells show: "24/11/2026 09:00", "1,500,000,000", the longest name, a heading word.
    assert width("B") >= len("23/11/2026") + 1
    assert width("G") >= len("24/11/2026 09:00") + 1
    assert width("A") >= len("tuần 48 (23/11 – 29/11)") + 1
    assert width("E") >= len("Ủy ban MTTQ Việt Nam tỉnh") + 1
    assert width("F") >= len("quá hạn, chưa nộp") + 1
    assert width("K") >= len("1,500,000,000") + 1
    assert width("K") >= len("(tiền") + 1
    # ...and no wider than they need: a column of short figures under a long heading.
    assert width("K") <= HEADER_WIDTH + 2
    assert width("D") < width("E") < width("H")


def test_a_long_answer_wraps_in_a_column_of_capped_width_and_its_row_grows_to_show_it() -> None:
    sheet = sheet_of(a_history(a_group()))

    column = sheet.column_dimensions["H"].width
    assert column == MAX_WIDTH + 2
    row = row_of(sheet, "tinh_doan")
    answer = sheet.cell(row, 8)
    assert answer.value == LONG
    assert answer.alignment.wrap_text
    assert answer.alignment.vertical == "top"
    # A line holds at most about 1.3 letters per unit of width (Calibri's letters and spaces
    # are narrower than its digits, the unit).
    lines_at_least = math.ceil(len(LONG) / (column * 1.3))
    assert sheet.row_dimensions[row].height >= LINE_HEIGHT * lines_at_least
    # An answer of two lines is two lines high; the heading wraps and is as high as it needs.
    assert sheet.row_dimensions[row_of(sheet, "hlhpn")].height == LINE_HEIGHT * 2
    assert sheet.row_dimensions[1].height > LINE_HEIGHT * 2


def test_figures_are_numbers_with_grouped_digits() -> None:
    sheet = sheet_of(a_history(a_group()))

    row = row_of(sheet, "mttq")
    households, rice, money = (sheet.cell(row, c) for c in (9, 10, 11))
    assert (households.value, rice.value, money.value) == (40, 2.5, 1_500_000_000)
    assert households.number_format == money.number_format == "#,##0"
    assert rice.number_format == "#,##0.###"


def test_the_heading_is_bold_filled_frozen_and_filtered() -> None:
    sheet = sheet_of(a_history(a_group()))

    for cell in sheet[1]:
        assert cell.font.b
        assert cell.font.name == "Calibri"
        assert cell.fill.fgColor.rgb.endswith(HEADER_FILL)
        assert cell.alignment.wrap_text
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:L7"


def test_the_sheet_prints_on_a4_landscape_one_page_wide_with_the_heading_on_every_page() -> None:
    sheet = sheet_of(a_history(a_group()))

    setup = sheet.page_setup
    assert setup.paperSize == 9  # A4
    assert setup.orientation == "landscape"
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    fit, footer = sheet.sheet_properties.pageSetUpPr, sheet.oddFooter
    assert fit is not None
    assert fit.fitToPage
    assert sheet.print_title_rows == "$1:$1"
    assert footer is not None
    assert footer.center.text == "Trang &P/&N"


def test_what_people_typed_is_text_in_the_spreadsheet_never_a_formula() -> None:
    sheet = sheet_of(a_history(a_group()))

    proposal = sheet.cell(row_of(sheet, "ldld"), 12)
    assert proposal.value == '=HYPERLINK("x","y")'
    assert proposal.data_type == "s"


def test_libreoffice_prints_the_sheet_on_a4_landscape_without_hash_marks_or_iso_weeks(
    tmp_path: Path,
) -> None:
    soffice, pdftotext, pdfinfo = (shutil.which(t) for t in ("soffice", "pdftotext", "pdfinfo"))
    if soffice is None or pdftotext is None or pdfinfo is None:
        pytest.skip("printing needs LibreOffice (soffice) and poppler (pdftotext, pdfinfo)")
    source = tmp_path / "bao-cao.xlsx"
    source.write_bytes(history_xlsx(a_history(a_group())))
    profile = (tmp_path / "profile").as_uri()
    converted = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    pdf = tmp_path / "bao-cao.pdf"
    if not pdf.exists() and "could not be loaded" in converted.stderr:
        pytest.skip("LibreOffice Calc is not installed (only its Writer)")
    assert pdf.exists(), converted.stderr

    def run(*command: str) -> str:
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    assert "Page size:       841.89 x 595.3" in run(pdfinfo, str(pdf))  # A4 landscape
    text = run(pdftotext, "-layout", str(pdf), "-")
    assert text.count("\f") == 1  # one page: every column on its width
    assert "#" not in text
    assert "24/11/2026 09:00" in text
    assert "Ủy ban MTTQ Việt Nam tỉnh" in text
    assert "tuần 48 (23/11 – 29/11)" in text
    assert "Trang 1/1" in text


# --- the CSV ---------------------------------------------------------------------------------


def csv_rows(content: bytes, delimiter: str) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte order mark, for Excel
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=delimiter))


@pytest.mark.parametrize("delimiter", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
def test_the_csv_separates_its_columns_as_the_group_configured(delimiter: str) -> None:
    content = history_csv(a_history(a_group(delimiter)))

    rows = csv_rows(content, delimiter)
    assert rows[0][:3] == ["Kỳ báo cáo", "Từ ngày", "Đến ngày"]
    assert all(len(row) == 12 for row in rows)
    mttq = next(row for row in rows if row[3] == "mttq")
    decimal = "2,5" if delimiter == ";" else "2.5"
    assert mttq == [
        "tuần 48 (23/11 – 29/11)", "2026-11-23", "2026-11-29", "mttq",
        "Ủy ban MTTQ Việt Nam tỉnh", "đúng hạn", "2026-11-24 09:00",
        "Hội nghị giao ban khối dân vận.", "40", decimal, "1500000000", "",
    ]  # fmt: skip


def test_the_caller_may_choose_the_delimiter_over_the_groups() -> None:
    content = history_csv(a_history(a_group(";")), delimiter="\t")

    assert csv_rows(content, "\t")[0][:2] == ["Kỳ báo cáo", "Từ ngày"]


def test_the_csv_guards_what_people_typed_against_formulas() -> None:
    rows = csv_rows(history_csv(a_history(a_group())), ",")

    proposals = {row[3]: row[-1] for row in rows[1:]}
    assert proposals["ldld"] == "'" + '=HYPERLINK("x","y")'
    assert proposals["tinh_doan"] == "– Xin thêm tài liệu tuyên truyền"  # a list dash, no '
    lines = {row[3]: row[7] for row in rows[1:]}
    assert lines["hlhpn"] == "Ra mắt mô hình.\nHai dòng."  # quoted, on two lines


@pytest.mark.parametrize(
    "typed",
    [
        "=1+1",
        '=HYPERLINK("http://evil.example","Bấm vào đây")',
        "+84 912 345 678",
        "@SUM(1;2)",
        "\t=1+1",
        "\r=1+1",
        "-2+3+cmd|' /C calc'!A0",
        "-abc",
        "\uff1d1+1",
    ],
)
def test_a_text_a_spreadsheet_would_read_as_a_formula_gets_a_leading_apostrophe(
    typed: str,
) -> None:
    assert csv_text(typed) == "'" + typed


@pytest.mark.parametrize(
    "typed",
    ["Hội nghị giao ban", "Tỉnh đoàn - Hội LHPN", "5 - 3", "-5", "-1,5", "-1.500.000", "-12%", ""],
)
def test_ordinary_text_and_negative_numbers_are_left_as_typed(typed: str) -> None:
    assert csv_text(typed) == typed


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("- Xin thêm tài liệu; +84 912 345 678; @mọi người",
         "– Xin thêm tài liệu; +84 912 345 678; @mọi người"),
        ("- 1+2", "– 1+2"),
    ],
)  # fmt: skip
def test_a_dash_list_item_keeps_its_look_with_an_en_dash_excel_cannot_take_for_minus(
    typed: str, written: str
) -> None:
    # Excel reads a field beginning with "-" as a formula, space or not ("#NAME?" at best).
    assert csv_text(typed) == written
