"""A response plan's file as a table of text: an XLSX's first sheet or a CSV, read without
evaluating anything, within limits a plan never reaches; and the empty template to fill in.

A cell with a formula is refused, never computed (openpyxl only reads what is written; a
CSV cell beginning with "=" is refused too, as a spreadsheet would compute it). A file too
large, or an XLSX whose parts would unpack to too much (a zip bomb), is refused before it is
read.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime
from decimal import Decimal

from bot.core.plans import MAX_CELL, MAX_ROWS, Problem

MAX_FILE = 2 * 1024 * 1024  # bytes: a plan of three situations is some 40 KB
MAX_UNPACKED = 30 * 1024 * 1024  # bytes of an XLSX's parts once unzipped
MAX_COLUMNS = 20
HEADINGS = (
    "STT",
    "Nội dung, biện pháp thực hiện",
    "Cơ quan, đơn vị tổ chức thực hiện",
    "Phòng, ban phụ trách",
    "Cán bộ chỉ đạo, điều hành",
    "Ghi chú",
)
Rows = list[list[str]]


def read_table(content: bytes, file_name: str) -> Rows | Problem:
    """The cells of the plan's table as text, or the one problem that stops reading it."""
    if len(content) > MAX_FILE:
        return Problem(0, "", "plan.file_too_big", {"limit": MAX_FILE // 1024 // 1024})
    name = file_name.lower()
    if name.endswith(".xlsx"):
        return _xlsx(content)
    if name.endswith(".csv"):
        return _csv(content)
    return Problem(0, "", "plan.unsupported", {"name": file_name})


def _column(index: int) -> str:
    """A spreadsheet's column letter: 0 → A."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _formula(row: int, column: int) -> Problem:
    return Problem(row, _column(column), "plan.formula")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def _xlsx(content: bytes) -> Rows | Problem:
    from openpyxl import load_workbook  # only a plan's import needs it here

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(part.file_size for part in archive.infolist())
    except zipfile.BadZipFile:
        return Problem(0, "", "plan.unreadable")
    if unpacked > MAX_UNPACKED:
        return Problem(0, "", "plan.file_too_big", {"limit": MAX_FILE // 1024 // 1024})
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds for a damaged or foreign file
        return Problem(0, "", "plan.unreadable")
    try:
        # The first sheet people see: a hidden one (a lookup list) is not the plan.
        shown = [w for w in book.worksheets if getattr(w, "sheet_state", "visible") == "visible"]
        sheet = (shown or book.worksheets)[0]
        rows: Rows = []
        filled = 0
        for number, row in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), start=1):
            cells = []
            for index, cell in enumerate(row):
                value = getattr(cell, "value", None)
                if getattr(cell, "data_type", None) == "f" or (
                    isinstance(value, str) and value.startswith("=")
                ):
                    return _formula(number, index)
                cells.append(_text(value)[: MAX_CELL + 1])
            while cells and not cells[-1]:  # a sheet's width is its widest row's
                cells.pop()
            rows.append(cells)
            filled += bool(cells)  # rows only formatted, down to row 700, are not rows
            if filled > MAX_ROWS:
                break
        while rows and not rows[-1]:
            rows.pop()
        return rows
    except Exception:  # a damaged part found while reading (malformed XML)
        return Problem(0, "", "plan.unreadable")
    finally:
        book.close()


def _csv(content: bytes) -> Rows | Problem:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Problem(0, "", "plan.encoding")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    rows: Rows = []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        for number, row in enumerate(reader, start=1):
            if number > MAX_ROWS + 1:
                break
            for index, value in enumerate(row):
                if value.lstrip().startswith("="):
                    return _formula(number, index)
            rows.append([value[: MAX_CELL + 1] for value in row[:MAX_COLUMNS]])
    except csv.Error:  # a field longer than the csv module takes, a stray NUL
        return Problem(0, "", "plan.unreadable")
    return rows


def template_xlsx() -> bytes:
    """The empty plan to fill in: the heading row, a situation and a task as examples."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Phương án"
    sheet.append(list(HEADINGS))
    sheet.append(["I", "Tình huống 1: (mô tả tình huống)", "", "", "", ""])
    sheet.append(["1", "(nội dung, biện pháp)", "(tổ chức thực hiện)", "(phòng, ban)", "", ""])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDEF", (6, 60, 30, 25, 25, 20), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
