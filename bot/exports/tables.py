"""One row per organization per period, every answer in its own column: XLSX and CSV.

Figures are written as numbers (not as "1.500.000 đ") so that Excel can add them up, the days
of a week and the time a report came in as dates, and the week as people say it ("tuần 48
(23/11 – 29/11)") beside its first and last day. The CSV starts with a UTF-8 byte order mark,
without which Excel shows Vietnamese letters garbled, and its columns are separated as the group
configured (``csv_delimiter``: ";" for Excel with Vietnamese regional settings).

What people typed is never a formula: in the XLSX every text cell is typed as text (openpyxl
would store "=HYPERLINK(...)" as a live formula); in the CSV, where a spreadsheet decides what a
cell is, a text it could read as a formula gets a leading apostrophe (see ``csv_text``).
"""

from __future__ import annotations

import csv
import io
import re
import textwrap
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from bot.core.answers import AnswerKind
from bot.core.directions import Result
from bot.core.plans import STATES
from bot.core.questionnaire import Question
from bot.core.rollup import RollUp
from bot.exports.data import History, unit_label
from bot.i18n import plain
from bot.i18n.weeks import week

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

Cell = str | int | Decimal | date | datetime | None
NUMERIC = (AnswerKind.COUNT, AnswerKind.NUMBER, AnswerKind.MONEY)
COLUMNS = ("period", "first_day", "last_day", "code", "organization", "status", "submitted")

# How the spreadsheet shows dates and times: day first, as Vietnam writes them.
DATE_FORMAT, TIME_FORMAT = "dd/mm/yyyy", "dd/mm/yyyy hh:mm"
INTEGER_FORMAT, DECIMAL_FORMAT = "#,##0", "#,##0.###"

# Column widths, in Excel's unit: the width of a digit of the default font (Calibri 11).
MIN_WIDTH = 8
MAX_WIDTH = 50  # a longer text wraps onto more lines within the column
HEADER_WIDTH = 22  # a longer heading wraps rather than widening a column of short values
PADDING = 2  # the cell's margins, and a little room for bold or wide letters
LINE_HEIGHT = 15.0  # points: one line of Calibri 11, Excel's default row height
LETTERS_PER_DIGIT = 1.15  # text per column width unit, on the safe side (see _lines)
HEADER_FILL = "DDE4EE"  # light blue-grey, which also prints as a light grey


def header(history: History) -> list[str]:
    lang = history.group.language
    fixed = [plain(f"table.{c}", lang) for c in COLUMNS]
    return fixed + [_question_header(q, lang) for q in history.group.questions]


def rows(history: History) -> list[list[Cell]]:
    """The values, typed: figures as numbers, days as dates, times as datetimes in the group's
    time zone without the zone (spreadsheets have none: a cell holds the time as the group's
    people read it, 09:00 in Tây Ninh, not the UTC 02:00 it is stored as)."""
    lang, tz = history.group.language, history.group.timezone
    found: list[list[Cell]] = []
    for report in history.reports:
        said = week(report.digest.period, lang)
        for line in report.digest.lines:
            answers = {q.key: a for q, a in line.answers}
            submitted = (line.submitted_at.astimezone(tz).replace(tzinfo=None)
                         if line.submitted_at is not None else None)  # fmt: skip
            row: list[Cell] = [
                said, report.first_day, report.last_day, line.code, line.name,
                plain(f"status.{line.status.value}", lang), submitted,
            ]  # fmt: skip
            for question in history.group.questions:
                answer = answers.get(question.key)
                row.append(None if answer is None else _value(question, answer.text,
                                                              answer.value, lang))  # fmt: skip
            found.append(row)
    return found


# --- XLSX ------------------------------------------------------------------------------------


def history_xlsx(history: History, communes: Sequence[RollUp] = ()) -> bytes:
    """The weeks of ``history``, a row per organization and week; a province's file also has
    a sheet of its communes (``communes``: the roll-up of each week), a row per commune; a
    group that has given directions, a sheet of them, a row per organization of each, and a
    sheet of their histories, a row per step."""
    # openpyxl costs about 20 MiB to import, for a file now and then: loaded when needed.
    from openpyxl import Workbook

    lang = history.group.language
    workbook = Workbook()
    workbook.properties.creator = history.group.name
    workbook.properties.title = plain("table.sheet", lang)
    workbook.properties.language = "vi-VN" if lang == "vi" else "en-GB"
    sheet = workbook.active
    assert sheet is not None
    sheet.title = plain("table.sheet", lang)
    _fill(sheet, header(history), rows(history), lang)
    if any(rollup.rows for rollup in communes):
        titles, values = communes_sheet(communes, lang)
        _fill(workbook.create_sheet(plain("table.communes_sheet", lang)), titles, values, lang)
    if history.directions:
        titles, values = directions_sheet(history)
        _fill(workbook.create_sheet(plain("table.directions_sheet", lang)), titles, values, lang)
        titles, values = steps_sheet(history)
        _fill(workbook.create_sheet(plain("table.steps_sheet", lang)), titles, values, lang)
    if history.plan_rows or history.plan_steps:
        titles, values = plan_sheet(history)
        _fill(workbook.create_sheet(plain("table.plan_sheet", lang)), titles, values, lang)
        titles, values = plan_steps_sheet(history)
        _fill(workbook.create_sheet(plain("table.plan_steps_sheet", lang)), titles, values, lang)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def communes_sheet(communes: Sequence[RollUp], lang: str) -> tuple[list[str], list[list[Cell]]]:
    """A row per commune and week: its reports in, overdue, and each figure added up."""
    keys: dict[str, Question] = {}
    for rollup in communes:
        for figure in rollup.figures:
            keys.setdefault(figure.question.key, figure.question)
    titles = [
        plain("table.period", lang),
        plain("table.first_day", lang),
        plain("table.last_day", lang),
        plain("doc.communes.name", lang),
        plain("doc.communes.reported", lang),
        plain("table.communes.expected", lang),
        plain("doc.communes.overdue", lang),
        *(_question_header(q, lang) for q in keys.values()),
    ]
    values: list[list[Cell]] = [
        [
            week(rollup.period, lang),
            rollup.period.first_day(),
            rollup.period.day(7),
            child.name,
            child.submitted,
            child.expected,
            child.overdue,
            *(child.figures.get(key) for key in keys),
        ]
        for rollup in communes
        for child in rollup.rows
    ]
    return titles, values


DIRECTION_TITLES = (
    "table.direction.number", "table.direction.given_on", "table.direction.given_by",
    "table.direction.text", "table.direction.due", "table.direction.state", "table.organization",
    "table.direction.progress", "table.direction.done_on", "table.direction.note",
)  # fmt: skip
STEP_TITLES = (
    "table.direction.number", "table.step.at", "table.organization", "table.step.who",
    "table.step.kind", "table.step.value", "table.direction.note",
)  # fmt: skip
# The steps of a direction's history (DirectionEvent.kind) the catalogue words; another is
# shown as stored.
STEP_KINDS = frozenset(
    {"given", "acknowledged", "result", "result:report", "note", "due", "closed", "withdrawn"}
)
RESULTS = frozenset(result.value for result in Result)


def directions_sheet(history: History) -> tuple[list[str], list[list[Cell]]]:
    """A row per direction and organization, as they stand: the direction (its number, when
    and by whom it was given, its text, due date and state), then the organization's
    progress, the day it was done and its latest note."""
    lang = history.group.language
    values: list[list[Cell]] = []
    for line in history.directions:
        state = plain(f"direction.detail.state.{line.state.value}", lang)
        given: list[Cell] = [line.number, line.given_on, line.given_by, line.text, line.due, state]
        for target in line.targets:
            progress = plain(f"direction.progress.{target.progress.value}", lang)
            values.append([*given, target.organization, progress, target.done_on, target.note])
        if not line.targets:
            values.append([*given, None, None, None, None])
    return [plain(key, lang) for key in DIRECTION_TITLES], values


def steps_sheet(history: History) -> tuple[list[str], list[list[Cell]]]:
    """A row per step of each direction's history: when (the group's local time), which
    organization, who, what was done, its value (a result, a new due date) and its words."""
    lang, tz = history.group.language, history.group.timezone
    values: list[list[Cell]] = [
        [
            step.number,
            step.at.astimezone(tz).replace(tzinfo=None),
            step.organization or None,
            step.who or None,
            _step_kind(step.kind, lang),
            _step_value(step.kind, step.value, lang),
            step.text,
        ]
        for step in history.direction_steps
    ]
    return [plain(key, lang) for key in STEP_TITLES], values


def _step_kind(kind: str, lang: str) -> str:
    return plain("table.step." + kind.replace(":", "_"), lang) if kind in STEP_KINDS else kind


def _step_value(kind: str, value: str | None, lang: str) -> Cell:
    """A result in words; a new due date as a date ("no due date" when it was taken away)."""
    if kind.partition(":")[0] == "result" and value in RESULTS:
        return plain(f"direction.result.{value}", lang)
    if kind == "due":
        return date.fromisoformat(value) if value else plain("direction.no_due", lang)
    return value


PLAN_TITLES = (
    "table.plan.level", "table.plan.number", "table.plan.task", "table.plan.unit",
    "table.direction.progress", "table.direction.note", "table.plan.updated",
)  # fmt: skip
PLAN_STEP_TITLES = (
    "table.step.at", "table.step.kind", "table.plan.subject", "table.plan.unit", "table.step.who",
    "table.step.value", "table.direction.note", "table.plan.source",
)  # fmt: skip
# The steps of a plan's history (PlanEvent.kind) and where a progress came from
# (PlanEvent.source), as the catalogue words them; another is shown as stored.
PLAN_STEP_KINDS = {
    "imported": "table.plan.imported",
    "level": "table.plan.level_switched",
    "progress": "table.plan.progress",
}
PLAN_SOURCES = {"report": "table.plan.from_report", "tasks": "table.plan.from_tasks"}


def plan_sheet(history: History) -> tuple[list[str], list[list[Cell]]]:
    """A row per task of every situation and unit carrying it, as it stands: the situation,
    the task's label and content, the unit, its progress, its latest note and when it last
    reported on the task (the group's local time)."""
    lang, tz = history.group.language, history.group.timezone
    values: list[list[Cell]] = [
        [
            row.level,
            row.label,
            row.content,
            row.unit,
            _plan_state(row.state, lang),
            row.note,
            row.reported_at.astimezone(tz).replace(tzinfo=None) if row.reported_at else None,
        ]
        for row in history.plan_rows
    ]
    return [plain(key, lang) for key in PLAN_TITLES], values


def plan_steps_sheet(history: History) -> tuple[list[str], list[list[Cell]]]:
    """A row per step of the plan's history: when (the group's local time), what was done
    (imported, situation switched, progress), the situation switched to or the task, the unit,
    who, the value ("1 → 2", or the state in words), the words (a note, the file's name) and
    where a progress was reported (the weekly report, /nhiemvu)."""
    lang, tz = history.group.language, history.group.timezone
    values: list[list[Cell]] = [
        [
            step.at.astimezone(tz).replace(tzinfo=None),
            _worded(PLAN_STEP_KINDS, step.kind, lang),
            step.subject or None,
            step.unit or None,
            step.who or None,
            _plan_value(step.kind, step.value, lang),
            step.text,
            _worded(PLAN_SOURCES, step.source, lang),
        ]
        for step in history.plan_steps
    ]
    return [plain(key, lang) for key in PLAN_STEP_TITLES], values


def _worded(keys: dict[str, str], value: str, lang: str) -> str | None:
    """``value`` in the catalogue's words (``keys``: the entry of each), or as stored."""
    return plain(keys[value], lang) if value in keys else value or None


def _plan_state(state: str | None, lang: str) -> str | None:
    return plain(f"plan.state.{state}", lang) if state in STATES else state


def _plan_value(kind: str, value: str | None, lang: str) -> Cell:
    """A progress's state in words; a switch as "1 → 2"."""
    if kind == "progress":
        return _plan_state(value, lang)
    old, arrow, new = (value or "").partition(">")
    if kind == "level" and arrow:
        return plain("table.plan.switch", lang, old=old, new=new)
    return value


def _fill(sheet: Worksheet, titles: list[str], values: list[list[Cell]], lang: str) -> None:
    """A sheet that opens ready to read and print (see the module's notes)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    # Control characters (a vertical tab pasted from Word) cannot be written to a sheet.
    values = [
        [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in found]
        for found in values
    ]
    sheet.append(titles)
    for found in values:
        sheet.append(found)

    widths = column_widths(titles, values)
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width

    heading = Alignment(horizontal="center", vertical="center", wrap_text=True)
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    underline = Border(bottom=Side(style="thin", color="808080"))
    # The default font, bold (a Font without a name falls back to whatever the reader has).
    bold = Font(name="Calibri", size=11, bold=True)
    for cell in sheet[1]:
        cell.font = bold
        cell.alignment = heading
        cell.fill = fill
        cell.border = underline
    sheet.row_dimensions[1].height = LINE_HEIGHT * _lines(titles, widths, header=True) + 4

    text = Alignment(vertical="top", wrap_text=True)
    when = Alignment(horizontal="center", vertical="top")  # clear of the columns beside
    other = Alignment(vertical="top")
    for number, cells in enumerate(sheet.iter_rows(min_row=2), 2):
        for cell in cells:
            value = cell.value
            if isinstance(value, str):
                cell.data_type = "s"  # text, even when it starts with "="
                cell.alignment = text
                continue
            cell.alignment = when if isinstance(value, date) else other
            if isinstance(value, datetime):  # before date: a datetime is a date too
                cell.number_format = TIME_FORMAT
            elif isinstance(value, date):
                cell.number_format = DATE_FORMAT
            elif isinstance(value, Decimal):
                cell.number_format = DECIMAL_FORMAT
            elif isinstance(value, int):
                cell.number_format = INTEGER_FORMAT
        lines = _lines(values[number - 2], widths)
        if lines > 1:  # one line keeps the default height
            sheet.row_dimensions[number].height = LINE_HEIGHT * lines

    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    _print_setup(sheet, lang)


def column_widths(titles: Sequence[str], values: Sequence[Sequence[Cell]]) -> list[float]:
    """Each column as wide as its longest cell as shown (its longest line, for a text of
    several), and its heading's longest word; at most ``MAX_WIDTH``, beyond which text wraps."""
    widths: list[float] = []
    for index, title in enumerate(titles):
        longest_word = max((len(word) for word in title.split()), default=0)
        need = max(min(len(title), HEADER_WIDTH), longest_word)
        for row in values:
            need = max(need, _shown_length(row[index]))
        widths.append(float(min(max(need, MIN_WIDTH), MAX_WIDTH) + PADDING))
    return widths


def _shown_length(value: Cell) -> int:
    """How many characters the cell shows on its longest line, in the formats above."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return len(TIME_FORMAT)
    if isinstance(value, date):
        return len(DATE_FORMAT)
    if isinstance(value, int | Decimal):
        return len(f"{value:,}")  # "1,500,000,000": the grouping the formats add
    return max(len(line) for line in value.splitlines() or [""])


def _lines(row: Sequence[Cell], widths: Sequence[float], *, header: bool = False) -> int:
    """How many lines the tallest cell of ``row`` wraps onto at these widths, word by word as a
    spreadsheet wraps. A column's width counts digits; a line of Vietnamese text in Calibri
    holds about 1.3 times as many letters and spaces (1.25 measured in LibreOffice with its
    Calibri twin, Carlito), counted here as 1.15, leaving a little room rather than cutting a
    line off; bold headings as 1."""
    most = 1
    for value, width in zip(row, widths, strict=True):
        if not isinstance(value, str):
            continue
        room = max(int((width - PADDING) * (1.0 if header else LETTERS_PER_DIGIT)), 1)
        count = sum(max(len(textwrap.wrap(line, room)), 1) for line in value.splitlines())
        most = max(most, count)
    return most


def _print_setup(sheet: Worksheet, lang: str) -> None:
    """A4 landscape, every column on one page's width (as many pages down as it takes), the
    heading repeated at the top of each page, numbered pages."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # 0: as many pages down as the rows need
    assert sheet.sheet_properties.pageSetUpPr is not None
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.print_options.gridLines = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4  # inches
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    footer = sheet.oddFooter
    assert footer is not None
    footer.center.text = plain("table.page", lang)


# --- CSV -------------------------------------------------------------------------------------


def history_csv(history: History, delimiter: str | None = None) -> bytes:
    """The same rows as text. ``delimiter``: the group's ``document.csv_delimiter`` unless
    given. With ";" (Excel with Vietnamese regional settings, where the comma is the decimal
    separator) decimals are written with a comma too, "2,5", which such an Excel reads as a
    number; with "," or a tab, "2.5". Days are written 2026-11-23 and times 2026-11-24 09:00,
    which every spreadsheet reads as dates whatever its regional settings."""
    separator = delimiter or history.group.document.csv_delimiter
    comma_decimals = separator == ";"
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator)
    writer.writerow([csv_text(title) for title in header(history)])
    for row in rows(history):
        writer.writerow([_csv_cell(value, comma_decimals) for value in row])
    return out.getvalue().encode("utf-8-sig")


# A spreadsheet opening a CSV reads each field as if it were typed into a cell. What it reads as
# a formula (LibreOffice Calc 7.4 checked here, converting a CSV headless; Excel as OWASP's "CSV
# Injection" page and reports of its behaviour describe it):
# - "=" starts a formula in Excel, and in LibreOffice when "Evaluate formulas" is ticked in its
#   text import dialog (unticked, nothing is a formula to it);
# - "+", "-" and "@" start one in Excel; LibreOffice keeps them as text, "-1+2" included.
#   Excel takes a leading "-" for a formula whatever follows, a space included: typing
#   "- 5 euro" into a cell is refused as a malformed formula, and a CSV field that begins with
#   a dash shows "#NAME?" (JasperReports issue 329). Its formulas allow spaces after an
#   operator, so "- 1+2" reads as =-1+2, and "-2+3+cmd|' /C calc'!A0" is the classic command
#   payload. An answer written as a dash list item, "- Xin thêm tài liệu", would be #NAME? in
#   Excel, or worse: its list dash is written as an en dash instead ("– Xin thêm tài liệu"),
#   which no spreadsheet takes for an operator and a reader takes for the same dash (the
#   database and the XLSX keep the answer exactly as typed);
# - OWASP lists a leading tab and carriage return too; the full-width forms of = + - @ are
#   guarded as well, at no cost to Vietnamese text.
# The guard is a leading apostrophe, which both show as typed when they open a CSV ("'- Xin
# thêm tài liệu": visible, the price of never running a formula). A field that is a plain
# number, "-5" or "-1,5", is a number to them, not a formula, and is left as it is.
ALWAYS_FORMULA = ("=", "+", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff20")
MINUS = ("-", "\uff0d")
LIST_DASH = re.compile(r"[-\uff0d]\s")  # "- " opening a list item
PLAIN_NUMBER = re.compile(r"[-\uff0d]\d+(?:[.,\s]\d+)*%?")


def csv_text(text: str) -> str:
    """``text`` as a CSV field that no spreadsheet reads as a formula (see above)."""
    if text.startswith(ALWAYS_FORMULA):
        return "'" + text
    if LIST_DASH.match(text):
        return "\u2013" + text[1:]
    if text.startswith(MINUS) and PLAIN_NUMBER.fullmatch(text) is None:
        return "'" + text
    return text


def _csv_cell(value: Cell, comma_decimals: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        written = format(value, "f")  # "2.5", never "2.5E+3"
        return written.replace(".", ",") if comma_decimals else written
    if isinstance(value, int):
        return str(value)
    return csv_text(value)


def _question_header(question: Question, lang: str) -> str:
    unit = unit_label(question, lang)
    return f"{question.text} ({unit})" if unit else question.text


def _value(question: Question, text: str, value: str | None, lang: str) -> Cell:
    if question.kind in NUMERIC and value is not None:
        number = Decimal(value)
        return int(number) if number == number.to_integral_value() else number
    if question.kind is AnswerKind.YESNO and value is not None:
        return plain("answer.yes" if value == "yes" else "answer.no", lang)
    return text
