"""Response plans as the core reads them, and their files as tables: situations, blocks, "as
in situation 1", who carries each task, every problem by row and column; formulas, sizes and
encodings refused before anything is read."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from bot.core.plans import Plan, Problem, Units, is_stale, read_plan, units_of
from bot.exports.plan_file import HEADINGS, read_table, template_xlsx

PLANS = Path(__file__).parents[2] / "docs" / "plans"
UNITS = units_of(
    [
        ("mttq", "Ủy ban MTTQ Việt Nam tỉnh", (), True),
        ("tinh_doan", "Tỉnh đoàn", (), False),
        ("hnd", "Hội Nông dân tỉnh", ("Nông dân",), False),
    ],
    [
        ("mttq", "van_phong", "Văn phòng", ()),
        ("mttq", "ban_pttg", "Ban Phong trào – Tuyên giáo", ()),
        ("mttq", "ban_dttg", "Ban Dân tộc – Tôn giáo", ()),
        ("mttq", "ban_dcpl", "Ban Dân chủ – Pháp luật", ()),
    ],
)
HEAD = ["STT", "Nội dung", "Cơ quan thực hiện", "Phòng ban phụ trách", "Cán bộ chỉ đạo"]


def plan(*rows: list[str], units: Units = UNITS) -> Plan:
    found = read_plan([HEAD, *rows], units)
    assert isinstance(found, Plan), found
    return found


def problems(*rows: list[str]) -> list[tuple[int, str, str]]:
    found = read_plan([HEAD, *rows], UNITS)
    assert not isinstance(found, Plan)
    return [(p.row, p.column, p.key) for p in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ủy ban MTTQ các cấp trong tỉnh, các Tổ chức thành viên Mặt trận",
         ["mttq", "tinh_doan", "hnd"]),
        ("Ủy ban MTTQ Việt Nam cấp huyện, cấp xã", ["mttq"]),
        ("Ủy ban MTTQ Việt Nam các cấp phối hợp với cơ quan Y tế", ["mttq"]),
        ("các đoàn thể chính trị - xã hội", ["tinh_doan", "hnd"]),
        ("Nông dân; Tỉnh đoàn", ["hnd", "tinh_doan"]),
    ],
)  # fmt: skip
def test_organizations_are_named_as_plans_name_them(text: str, expected: list[str]) -> None:
    found, unknown = UNITS.match(text, departments=False)
    assert [u.key for u in found] == expected
    assert unknown == ()


def test_departments_are_named_with_or_without_ban_and_all_of_them_at_once() -> None:
    found, unknown = UNITS.match(
        "Ban Dân tộc -Tôn giáo và Phong trào – Tuyên giáo (phối hợp khi có yêu cầu)",
        departments=True,
    )
    assert [u.key for u in found] == ["mttq/ban_dttg", "mttq/ban_pttg"]
    assert unknown == ()
    every, _ = UNITS.match("Văn phòng và các ban chuyên môn", departments=True)
    assert len(every) == 4


def test_the_fronts_departments_carry_its_share_and_member_organizations_their_own() -> None:
    units = "Ủy ban MTTQ các cấp, các tổ chức thành viên"
    found = plan(["I", "Tình huống 1: x"], ["1", "Việc", units, "Văn phòng"])
    assert found.tasks[0].carriers == ("mttq/van_phong", "tinh_doan", "hnd")


def test_a_block_as_in_situation_1_brings_its_tasks_into_situation_2() -> None:
    found = plan(
        ["I", "Tình huống 1: Bình thường"],
        ["1", "Tuyên truyền", "Tỉnh đoàn"],
        ["II", "Tình huống 2: Có ca nhiễm"],
        ["A", "Đơn vị chưa có ca nhiễm"],
        ["", "Nội dung và phương án thực hiện như tình huống 1"],
        ["B", "Đơn vị có ca nhiễm"],
        ["1", "Khử khuẩn", "Hội Nông dân tỉnh"],
    )
    assert found.levels == (1, 2)
    assert found.title(2) == "Có ca nhiễm"
    assert [t.label for t in found.in_force(2)] == ["2.B.1", "1.1"]
    assert [t.label for t in found.in_force(1)] == ["1.1"]


def test_a_table_without_situations_is_one_situation() -> None:
    found = plan(["1", "Việc một", "Tỉnh đoàn"], ["2", "Việc hai", "Hội Nông dân tỉnh"])
    assert found.levels == (1,)
    assert len(found.in_force(1)) == 2


def test_every_problem_is_said_by_row_and_column_and_nothing_is_read() -> None:
    assert problems(
        ["I", "Tình huống 1: x"],
        ["1", "Việc", "Hội Phụ lão"],
        ["1", "", "Tỉnh đoàn", "Ban Tuyên huấn"],
        ["x", "Việc", "Tỉnh đoàn"],
        ["3", "Việc", ""],
    ) == [
        (3, "Cơ quan thực hiện", "plan.unknown_unit"),
        (4, "STT", "plan.number_twice"),
        (4, "Nội dung", "plan.empty_content"),
        (4, "Phòng ban phụ trách", "plan.unknown_department"),
        (5, "STT", "plan.bad_number"),
        (6, "Cơ quan thực hiện", "plan.no_units"),
    ]


def test_a_table_without_its_heading_row_is_refused() -> None:
    found = read_plan([["Số", "Việc"], ["1", "x"]], UNITS)
    assert isinstance(found, tuple)
    assert found[0].key == "plan.no_heading"


def test_the_shipped_plans_read_whole_for_the_example_configurations_group() -> None:
    from bot.config import load_config
    from bot.services.plan_data import units_for

    group = load_config(PLANS.parents[1] / "config.example.toml").groups[0]
    for name in ("soc-trang-covid-19.csv", "tay-ninh-phoi-hop-covid-19.csv"):
        rows = read_table((PLANS / name).read_bytes(), name)
        assert isinstance(rows, list)
        assert isinstance(read_plan(rows, units_for(group)), Plan), name


def test_the_soc_trang_plan_has_three_situations_and_its_tasks() -> None:
    rows = read_table((PLANS / "soc-trang-covid-19.csv").read_bytes(), "x.csv")
    assert isinstance(rows, list)
    found = read_plan(rows, UNITS)
    assert isinstance(found, Plan)
    assert found.levels == (1, 2, 3)
    assert [len(found.in_force(n)) for n in found.levels] == [17, 28, 12]


def test_the_shipped_template_has_the_headings_to_fill_in() -> None:
    rows = read_table((PLANS / "mau-phuong-an.xlsx").read_bytes(), "mau-phuong-an.xlsx")
    assert isinstance(rows, list)
    assert tuple(rows[0]) == HEADINGS
    fresh = read_table(template_xlsx(), "x.xlsx")
    assert fresh == rows


def xlsx(*rows: list[object]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_spreadsheet_cell_with_a_formula_is_refused_with_its_place() -> None:
    found = read_table(xlsx(["STT", "Nội dung"], ["1", "=SUM(A1:A3)"]), "a.xlsx")
    assert found == Problem(2, "B", "plan.formula")


def test_a_csv_cell_a_spreadsheet_would_compute_is_refused() -> None:
    found = read_table("STT;Nội dung\n1;=cmd|' /C calc'!A0\n".encode(), "a.csv")
    assert found == Problem(2, "B", "plan.formula")


def test_a_csv_is_read_with_its_delimiter_and_byte_order_mark() -> None:
    found = read_table("STT;Nội dung;Cơ quan\n1;Việc, một;Tỉnh đoàn\n".encode("utf-8-sig"), "a.csv")
    assert found == [["STT", "Nội dung", "Cơ quan"], ["1", "Việc, một", "Tỉnh đoàn"]]


def test_files_that_are_not_plans_are_refused_before_they_are_read() -> None:
    assert isinstance(read_table(b"x" * (3 * 1024 * 1024), "a.csv"), Problem)
    assert read_table("Nội".encode("utf-16"), "a.csv") == Problem(0, "", "plan.encoding")
    assert read_table(b"PK\x03\x04 not a zip", "a.xlsx") == Problem(0, "", "plan.unreadable")
    assert read_table(b"", "a.xls") == Problem(0, "", "plan.unsupported", {"name": "a.xls"})


def test_a_spreadsheet_that_would_unpack_to_too_much_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "0" * (40 * 1024 * 1024))
    found = read_table(out.getvalue(), "bomb.xlsx")
    assert isinstance(found, Problem)
    assert found.key == "plan.file_too_big"


def test_a_task_is_flagged_after_two_periods_without_progress() -> None:
    assert not is_stale("in_progress", date(2026, 11, 20), date(2026, 12, 3))
    assert is_stale("in_progress", date(2026, 11, 19), date(2026, 12, 3))
    assert not is_stale("done", date(2026, 1, 1), date(2026, 12, 3))


def test_a_department_is_one_of_the_rows_organizations_and_a_name_with_va_is_one_name() -> None:
    units = units_of(
        [("mttq", "Ủy ban MTTQ tỉnh", (), True), ("doan", "Tỉnh đoàn", (), False)],
        [("mttq", "vp", "Văn phòng", ()), ("mttq", "dt", "Ban Dân tộc và Tôn giáo", ())],
    )
    found = read_plan(
        [HEAD, ["1", "Việc", "Tỉnh đoàn", "Văn phòng"], ["2", "Việc", "Ủy ban MTTQ tỉnh",
                                                         "Ban Dân tộc và Tôn giáo"]],
        units,
    )  # fmt: skip
    assert isinstance(found, tuple)
    assert [(p.row, p.key) for p in found] == [(2, "plan.unknown_department")]


def test_a_situation_brought_twice_is_asked_once() -> None:
    found = plan(
        ["I", "Tình huống 1: a"],
        ["1", "Việc", "Tỉnh đoàn"],
        ["II", "Tình huống 2: b"],
        ["A", "x"],
        ["", "Như tình huống 1"],
        ["B", "y"],
        ["", "Như tình huống 1"],
    )
    assert [t.label for t in found.in_force(2)] == ["1.1"]


def test_a_situation_column_takes_only_a_digit() -> None:
    head = ["Tình huống", *HEAD]
    found = read_plan([head, ["²", "1", "Việc", "Tỉnh đoàn"]], UNITS)
    assert isinstance(found, tuple)
    assert found[0].key == "plan.bad_level"


def test_rows_only_formatted_are_not_counted_and_a_hidden_sheet_is_not_the_plan() -> None:
    book = Workbook()
    hidden = book.active
    assert hidden is not None
    hidden.title = "Danh mục"
    hidden.append(["Mã", "Tên"])
    hidden.sheet_state = "hidden"
    sheet = book.create_sheet("Phương án")
    sheet.append(["STT", "Nội dung", "Cơ quan thực hiện"])
    sheet.append(["1", "Việc", "Tỉnh đoàn"])
    for row in range(3, 800):
        sheet.cell(row=row, column=1).number_format = "@"  # formatted down the column, empty
    sheet.cell(row=799, column=1).value = None
    out = io.BytesIO()
    book.save(out)
    found = read_table(out.getvalue(), "a.xlsx")
    assert found == [["STT", "Nội dung", "Cơ quan thực hiện"], ["1", "Việc", "Tỉnh đoàn"]]


def test_a_csv_field_longer_than_the_reader_takes_is_refused_not_a_crash() -> None:
    found = read_table(b'STT,"' + b"x" * 200_000 + b'"\n', "a.csv")
    assert isinstance(found, Problem)
