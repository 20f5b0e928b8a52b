"""One row per organization per period, every answer in its own column: XLSX and CSV.

Figures are written as numbers (not as "1.500.000 đ") so that Excel can add them up; the CSV
starts with a UTF-8 byte order mark, without which Excel shows Vietnamese letters garbled.

What people typed is never a formula: in the XLSX every text cell is typed as text (openpyxl
would store "=HYPERLINK(...)" as a live formula), and in the CSV a text that Excel would
evaluate (it begins with = + - @, a tab or a carriage return) gets a leading apostrophe, the
usual defence against CSV injection.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from decimal import Decimal

from bot.core.answers import AnswerKind
from bot.core.questionnaire import Question
from bot.exports.data import History, unit_label
from bot.i18n import plain

Cell = str | int | Decimal | datetime | None
NUMERIC = (AnswerKind.COUNT, AnswerKind.NUMBER, AnswerKind.MONEY)


def header(history: History) -> list[str]:
    lang = history.group.language
    columns = ("period", "first_day", "last_day", "code", "organization", "status", "submitted")
    fixed = [plain(f"table.{c}", lang) for c in columns]
    return fixed + [_question_header(q, lang) for q in history.group.questions]


def rows(history: History) -> list[list[Cell]]:
    """The values, typed: figures as numbers, times as local datetimes without a zone."""
    lang, tz = history.group.language, history.group.timezone
    found: list[list[Cell]] = []
    for report in history.reports:
        for line in report.digest.lines:
            answers = {q.key: a for q, a in line.answers}
            submitted = (line.submitted_at.astimezone(tz).replace(tzinfo=None)
                         if line.submitted_at is not None else None)  # fmt: skip
            row: list[Cell] = [
                str(report.digest.period), report.first_day.isoformat(),
                report.last_day.isoformat(), line.code, line.name,
                plain(f"status.{line.status.value}", lang), submitted,
            ]  # fmt: skip
            for question in history.group.questions:
                answer = answers.get(question.key)
                row.append(None if answer is None else _value(question, answer.text,
                                                              answer.value, lang))  # fmt: skip
            found.append(row)
    return found


def history_xlsx(history: History) -> bytes:
    # openpyxl costs about 20 MiB to import, for a file now and then: loaded when needed.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = plain("table.sheet", history.group.language)
    sheet.append(header(history))
    for row in rows(history):
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    for index, title in enumerate(header(history), 1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(len(title), 10), 40)
    for column in sheet.iter_cols():
        for cell in column:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, even when it starts with "="
            elif isinstance(cell.value, datetime):
                cell.number_format = "dd/mm/yyyy hh:mm"
            elif isinstance(cell.value, int | Decimal):
                cell.number_format = "#,##0.###" if isinstance(cell.value, Decimal) else "#,##0"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def history_csv(history: History) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header(history))
    for row in rows(history):
        writer.writerow([_csv_cell(v) for v in row])
    return out.getvalue().encode("utf-8-sig")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value  # shown as text by Excel, not evaluated
    return str(value)


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
