"""Response plans (phương án ứng phó) in the secretariat's files: the Word report's section
"Phương án ứng phó" with its sentences and table of the tasks in force, and the spreadsheet's
sheets of the plan's tasks and of its history; written from the pure data the services hand
over."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from bot.core.plans import CarrierLine, PlanPicture, TaskLine
from bot.exports.data import History, PeriodReport, PlanRow, PlanStep, Switch
from bot.exports.document import report_docx
from bot.exports.tables import HEADER_FILL, history_csv, history_xlsx
from tests.unit.test_directions_documents import a_picture, body_texts, rows_of
from tests.unit.test_document_layout import Docx, W, a_report, cell_width, one, runs, val
from tests.unit.test_tables import a_group, a_history

HEADING = "IV. PHƯƠNG ÁN ỨNG PHÓ"
# Situation 2 since Wednesday 25/11 (switched from 1 that day): its own task 2.1, a block's
# 2.B.3, and 1.2 brought by "as in situation 1".
PICTURE = PlanPicture(
    2, "Có ca nhiễm trong tỉnh.", date(2026, 11, 25),
    (
        TaskLine("2.1", "Khử khuẩn trụ sở",
                 (CarrierLine("Hội Nông dân tỉnh", "done", "Đã khử khuẩn 3 lần"),)),
        TaskLine("2.B.3", "Tuyên truyền phòng dịch trên loa truyền thanh",
                 (CarrierLine("Tỉnh đoàn", "in_progress", "=1+1"),
                  CarrierLine("Hội Nông dân tỉnh", "not_started", None, stale=True))),
        TaskLine("1.2", "Trực cơ quan 24/24", (CarrierLine("Văn phòng", "not_started"),)),
    ),
)  # fmt: skip
SWITCHES = (Switch(date(2026, 11, 25), 1, 2),)


def with_plan(report: PeriodReport, *, switches: tuple[Switch, ...] = SWITCHES) -> PeriodReport:
    return replace(report, plan=PICTURE, switches=switches)


@pytest.fixture(scope="module")
def docx() -> Docx:
    return Docx(report_docx(with_plan(a_report())))


def after_heading(docx: Docx, heading: str = HEADING) -> list[str]:
    texts = body_texts(docx)
    return texts[texts.index(heading) + 1 :]


# --- the Word report -------------------------------------------------------------------------


def test_the_plan_section_comes_after_who_did_not_report_and_before_the_directions() -> None:
    report = replace(with_plan(a_report()), directions=a_picture())
    texts = body_texts(Docx(report_docx(report)))

    headings = [t for t in texts if re.match(r"[IVX]+\. ", t)]
    assert headings == [
        "I. KẾT QUẢ THỰC HIỆN CỦA CÁC TỔ CHỨC",
        "II. SỐ LIỆU TỔNG HỢP",
        "III. CÁC TỔ CHỨC CHƯA BÁO CÁO",
        "IV. PHƯƠNG ÁN ỨNG PHÓ",
        "V. Ý KIẾN CHỈ ĐẠO VÀ KẾT QUẢ THỰC HIỆN",
        "VI. ĐÁNH GIÁ CHUNG",
        "VII. PHƯƠNG HƯỚNG, NHIỆM VỤ TUẦN TỚI",
        "VIII. KHÓ KHĂN, KIẾN NGHỊ, ĐỀ XUẤT",
    ]


def test_one_sentence_says_the_situation_in_force_since_when_and_the_weeks_switches(
    docx: Docx,
) -> None:
    assert after_heading(docx)[0] == (
        "Tình huống đang áp dụng: tình huống 2 – Có ca nhiễm trong tỉnh (từ ngày 25/11). "
        "Ngày 25/11 chuyển từ tình huống 1 sang tình huống 2."
    )


def test_the_next_counts_every_units_task_in_force_by_state(docx: Docx) -> None:
    assert after_heading(docx)[1] == (
        "Đã xong 1; đang thực hiện 1; chưa thực hiện 2 (tính theo từng đơn vị được giao nhiệm "
        "vụ của tình huống 2, đến ngày 01/12)."
    )


def test_the_table_has_a_row_per_task_in_force_with_a_line_per_unit_and_its_progress(
    docx: Docx,
) -> None:
    _, _, table, _ = docx.tables()

    assert rows_of(table) == [
        ["STT", "Nội dung", "Đơn vị thực hiện", "Tiến độ"],
        ["2.1", "Khử khuẩn trụ sở", "Hội Nông dân tỉnh", "Đã xong – Đã khử khuẩn 3 lần"],
        ["2.B.3", "Tuyên truyền phòng dịch trên loa truyền thanh", "Tỉnh đoàn | Hội Nông dân tỉnh",
         "Tỉnh đoàn: đang thực hiện – =1+1 | "
         "Hội Nông dân tỉnh: chưa thực hiện, chưa tiến triển sau 2 kỳ"],
        ["1.2", "Trực cơ quan 24/24", "Văn phòng", "Chưa thực hiện"],
    ]  # fmt: skip


def test_a_units_note_is_in_italics_after_its_state(docx: Docx) -> None:
    _, _, table, _ = docx.tables()
    progress = table.findall(f"{W}tr")[1].findall(f"{W}tc")[3]

    state, note = runs(one(progress, "w:p"))
    assert state.find(f"{W}rPr/{W}i") is None
    assert note.find(f"{W}rPr/{W}i") is not None


def test_the_table_is_laid_out_as_the_directions_table_across_the_text_width(docx: Docx) -> None:
    _, figures, table, _ = docx.tables()

    grid = [int(val(c, "w")) for c in table.findall(f"{W}tblGrid/{W}gridCol")]
    assert val(one(table, "w:tblPr/w:tblLayout"), "type") == "fixed"
    assert int(val(one(table, "w:tblPr/w:tblW"), "w")) == sum(grid) == docx.text_width
    rows = table.findall(f"{W}tr")
    for row in rows:
        assert [cell_width(c) for c in row.findall(f"{W}tc")] == grid
        assert row.find(f"{W}trPr/{W}cantSplit") is not None  # no row broken across pages
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None  # repeated on each page
    assert all(run.find(f"{W}rPr/{W}b") is not None for run in rows[0].iter(f"{W}r"))
    assert val(one(table, "w:tblPr/w:tblStyle")) == val(one(figures, "w:tblPr/w:tblStyle"))
    assert {val(sz) for sz in table.iter(f"{W}sz")} == {"24"}  # 12 pt, as the other tables
    assert grid[0] < grid[2] < grid[3] < grid[1]  # label, units, progress, task


def test_a_group_without_a_plan_gets_no_plan_section() -> None:
    docx = Docx(report_docx(a_report()))

    texts = body_texts(docx)
    assert not [t for t in texts if "PHƯƠNG ÁN" in t]
    assert "IV. ĐÁNH GIÁ CHUNG" in texts
    assert len(docx.tables()) == 3  # the heading, the totals, the signature


def test_a_week_without_a_switch_says_only_the_situation_and_an_untitled_one_its_number() -> None:
    report = with_plan(a_report(), switches=())
    report = replace(report, plan=replace(PICTURE, title="", since=date(2025, 12, 30)))

    assert after_heading(Docx(report_docx(report)))[0] == (
        "Tình huống đang áp dụng: tình huống 2 (từ ngày 30/12/2025)."
    )


def test_a_situation_without_tasks_gets_its_sentences_and_no_table() -> None:
    report = replace(with_plan(a_report()), plan=replace(PICTURE, tasks=()))
    docx = Docx(report_docx(report))

    after = after_heading(docx)
    assert after[1].startswith("Đã xong 0; đang thực hiện 0; chưa thực hiện 0")
    assert after[2] == "V. ĐÁNH GIÁ CHUNG"
    assert len(docx.tables()) == 3


def test_the_plan_section_is_in_english_for_an_english_group() -> None:
    report = with_plan(a_report())
    report = replace(report, group=replace(report.group, language="en"))
    docx = Docx(report_docx(report))

    after = after_heading(docx, "IV. RESPONSE PLAN")
    assert after[0] == (
        "Situation in force: situation 2 – Có ca nhiễm trong tỉnh (since 25/11). On 25/11, "
        "switched from situation 1 to situation 2."
    )
    assert after[1].startswith("Done 1; in progress 1; not started 2")
    _, _, table, _ = docx.tables()
    assert rows_of(table)[0] == ["No.", "Task", "Carried out by", "Progress"]
    assert rows_of(table)[2][3] == (
        "Tỉnh đoàn: in progress – =1+1 | Hội Nông dân tỉnh: not started, no progress for 2 periods"
    )


# --- the spreadsheet -------------------------------------------------------------------------


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in Tây Ninh (UTC+7), stored in UTC."""
    return datetime(2026, 11, day, hour - 7, minute, tzinfo=UTC)


ROWS = (
    PlanRow(1, "1.1", "Tuyên truyền phòng dịch", "Tỉnh đoàn", "done", "Đã phát 500 tờ rơi",
            at(24, 10)),
    PlanRow(1, "1.1", "Tuyên truyền phòng dịch", "Hội Nông dân tỉnh", "not_started"),
    PlanRow(2, "2.B.3", "Khử khuẩn trụ sở", "Hội Nông dân tỉnh", "in_progress", "=1+1",
            at(26, 15, 30)),
)  # fmt: skip
STEPS = (
    PlanStep(at(23, 9), "imported", who="Trần Thị Thư", text="phuong-an.csv"),
    PlanStep(at(24, 10), "progress", "1.1", "Tỉnh đoàn", "An", "done", "Đã phát 500 tờ rơi",
             "tasks"),
    PlanStep(at(25, 8), "level", "2", who="Trần Thị Thư", value="1>2"),
    PlanStep(at(26, 15, 30), "progress", "2.B.3", "Hội Nông dân tỉnh", "Dũng", "in_progress",
             "=1+1", "report"),
    PlanStep(at(27, 9), "progress", "2.B.3", "Hội Nông dân tỉnh", "Dũng", "in_progress",
             "@SUM(1;2)", "reply"),
)  # fmt: skip


def planned(history: History) -> History:
    return replace(history, plan_rows=ROWS, plan_steps=STEPS)


def sheets(history: History) -> dict[str, Worksheet]:
    workbook = load_workbook(io.BytesIO(history_xlsx(history)))
    return {sheet.title: sheet for sheet in workbook.worksheets if isinstance(sheet, Worksheet)}


def values(sheet: Worksheet) -> list[tuple[object, ...]]:
    return list(sheet.iter_rows(values_only=True))


def test_the_spreadsheet_lists_each_units_task_of_every_situation_as_it_stands() -> None:
    sheet = sheets(planned(a_history(a_group())))["Nhiệm vụ phương án"]

    assert values(sheet) == [
        ("Tình huống", "Số", "Nội dung", "Đơn vị", "Tiến độ", "Ghi chú", "Cập nhật lúc"),
        (1, "1.1", "Tuyên truyền phòng dịch", "Tỉnh đoàn", "đã xong", "Đã phát 500 tờ rơi",
         datetime(2026, 11, 24, 10)),
        (1, "1.1", "Tuyên truyền phòng dịch", "Hội Nông dân tỉnh", "chưa thực hiện", None, None),
        (2, "2.B.3", "Khử khuẩn trụ sở", "Hội Nông dân tỉnh", "đang thực hiện", "=1+1",
         datetime(2026, 11, 26, 15, 30)),
    ]  # fmt: skip
    assert sheet["G2"].number_format == "dd/mm/yyyy hh:mm"


def test_the_plan_history_sheet_has_a_row_per_step_at_the_groups_local_time_in_words() -> None:
    sheet = sheets(planned(a_history(a_group())))["Diễn biến phương án"]

    assert values(sheet) == [
        ("Thời điểm", "Việc", "Tình huống, nhiệm vụ", "Đơn vị", "Người", "Giá trị", "Ghi chú",
         "Nguồn"),
        (datetime(2026, 11, 23, 9), "nhập phương án", None, None, "Trần Thị Thư", None,
         "phuong-an.csv", None),
        (datetime(2026, 11, 24, 10), "báo tiến độ", "1.1", "Tỉnh đoàn", "An", "đã xong",
         "Đã phát 500 tờ rơi", "/nhiemvu"),
        (datetime(2026, 11, 25, 8), "chuyển tình huống", "2", None, "Trần Thị Thư", "1 → 2",
         None, None),
        (datetime(2026, 11, 26, 15, 30), "báo tiến độ", "2.B.3", "Hội Nông dân tỉnh", "Dũng",
         "đang thực hiện", "=1+1", "báo cáo tuần"),
        (datetime(2026, 11, 27, 9), "báo tiến độ", "2.B.3", "Hội Nông dân tỉnh", "Dũng",
         "đang thực hiện", "@SUM(1;2)", "reply"),
    ]  # fmt: skip
    assert sheet["A2"].number_format == "dd/mm/yyyy hh:mm"


def test_what_people_wrote_about_a_task_is_text_in_the_spreadsheet_never_a_formula() -> None:
    found = sheets(planned(a_history(a_group())))

    for sheet in (found["Nhiệm vụ phương án"], found["Diễn biến phương án"]):
        hostile = [c for row in sheet.iter_rows(min_row=2) for c in row if c.value == "=1+1"]
        assert hostile
        assert all(cell.data_type == "s" for cell in hostile)
    assert found["Diễn biến phương án"]["G6"].data_type == "s"  # "@SUM(1;2)"


def test_the_plan_sheets_look_like_the_others_heading_frozen_filtered_and_fitted() -> None:
    found = sheets(planned(a_history(a_group())))

    for sheet in (found["Nhiệm vụ phương án"], found["Diễn biến phương án"]):
        assert all(cell.font.b and cell.fill.fgColor.rgb.endswith(HEADER_FILL) for cell in sheet[1])
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == sheet.dimensions
    tasks = found["Nhiệm vụ phương án"]
    assert tasks["C2"].alignment.wrap_text
    assert tasks.column_dimensions["C"].width >= len("Tuyên truyền phòng dịch") + 1
    assert found["Diễn biến phương án"].column_dimensions["A"].width >= len("dd/mm/yyyy hh:mm")


def test_a_group_without_a_plan_gets_no_plan_sheets_and_the_csv_never_has_them() -> None:
    history = a_history(a_group())

    assert list(sheets(history)) == ["Báo cáo"]
    assert history_csv(planned(history)) == history_csv(history)
    assert list(sheets(planned(history))) == [
        "Báo cáo",
        "Nhiệm vụ phương án",
        "Diễn biến phương án",
    ]


def test_the_plan_sheets_are_in_english_for_an_english_group() -> None:
    history = planned(a_history(a_group()))
    found = sheets(replace(history, group=replace(history.group, language="en")))

    assert values(found["Plan tasks"])[1][4] == "done"
    steps = values(found["Plan history"])
    assert steps[0][:3] == ("At", "Step", "Situation, task")
    assert [(s[1], s[5], s[7]) for s in steps[2:5]] == [
        ("progress reported", "done", "/tasks"),
        ("situation switched", "1 → 2", None),
        ("progress reported", "in progress", "weekly report"),
    ]
