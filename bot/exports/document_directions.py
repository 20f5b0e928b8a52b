"""The Word report's directions (chỉ đạo): the four counts of the period in a sentence, then a
row per direction given in the period or still open: its number, day and text, the
organizations it is for, its due date, and each organization's result with its latest note.

The table is laid out as the totals table is (Decree 30/2020/NĐ-CP, Appendix I): a fixed grid
filling the text width, size 12, the heading row repeated on each page, no row broken.
"""

from __future__ import annotations

from datetime import date

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.table import _Cell

from bot.core.directions import (
    Category,
    DirectionLine,
    DirectionState,
    Picture,
    Progress,
    TargetLine,
)
from bot.exports.document_cells import SIZE, day_said, tighten, two_lines, write_cell
from bot.exports.document_layout import TEXT_WIDTH, fixed_table, keep_rows_whole, write
from bot.i18n import plain

CELL_PADDING = 216  # a cell's left and right margins together (Word's default, 0.19 cm each)
SLACK = 60  # room for a letter wider than measured
# What is left beside the number and the due date, shared: the direction, the organizations,
# the results.
SHARES = (40, 22, 38)
CENTER, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT


def counts_sentence(picture: Picture, today: date, year: int, lang: str) -> str:
    """ "Tính theo từng tổ chức được giao, đến ngày 01/12: hoàn thành đúng hạn 2; …"."""
    counts = {category.value: picture.counts.get(category, 0) for category in Category}
    return plain("doc.directions.counts", lang, day=day_said(today, year), **counts)


def directions_table(
    document: DocumentObject, rows: list[DirectionLine], today: date, year: int, lang: str
) -> None:
    """STT, the direction, the organizations, the due date, the results: a row each."""
    headers = [
        plain(f"doc.directions.{column}", lang)
        for column in ("index", "direction", "organizations", "due", "result")
    ]
    dues = [_due(line, year, lang) for line in rows]
    table = fixed_table(
        document, column_widths(headers, len(rows), dues), rows=1 + len(rows), style="Table Grid"
    )
    keep_rows_whole(table, header=True)
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        write_cell(cell.paragraphs[0], header, CENTER, bold=True)
    for index, (row, line, due) in enumerate(zip(table.rows[1:], rows, dues, strict=True), 1):
        number, direction, organizations, until, results = row.cells
        write_cell(number.paragraphs[0], str(index), CENTER)
        label = plain(
            "doc.directions.label", lang, number=line.number, day=day_said(line.given_on, year)
        )
        paragraph = write_cell(direction.paragraphs[0], label, LEFT, bold=True)
        write(paragraph, f": {line.text}", size=SIZE)
        _lines(organizations, [target.organization for target in line.targets])
        write_cell(until.paragraphs[0], due, CENTER)
        _results(results, line, today, year, lang)
        for cell in (organizations, results):
            tighten(cell)


def column_widths(headers: list[str], count: int, dues: list[str]) -> list[int]:
    """In twips, adding up to the text width: the number and the due date as wide as their
    widest value or heading on at most two lines, the rest shared out (``SHARES``)."""

    def fit(texts: list[str], *, bold: bool = False) -> int:
        return max(two_lines(text, bold=bold) for text in texts) + CELL_PADDING + SLACK

    number = max(fit([str(count)]), fit([headers[0]], bold=True))
    due = max(fit(dues), fit([headers[3]], bold=True))
    rest = TEXT_WIDTH - number - due
    direction, organizations = (rest * share // sum(SHARES) for share in SHARES[:2])
    return [number, direction, organizations, due, rest - direction - organizations]


def _due(line: DirectionLine, year: int, lang: str) -> str:
    if line.due is None:
        return plain("doc.directions.no_due", lang)
    return day_said(line.due, year)


def _results(cell: _Cell, line: DirectionLine, today: date, year: int, lang: str) -> None:
    """Each organization's state and latest note (its name first when there are several);
    a direction closed or withdrawn says so, and why."""
    written: list[tuple[str, str | None]] = []
    if line.state is not DirectionState.WITHDRAWN:
        several = len(line.targets) > 1
        for target in line.targets:
            state = _state(target, line, today, year, lang)
            if several:
                state = plain(
                    "doc.directions.of", lang, organization=target.organization, state=state
                )
            written.append((_capitalized(state), target.note))
    if line.state in (DirectionState.CLOSED, DirectionState.WITHDRAWN):
        ended = line.closed_on or today
        said = plain(f"doc.directions.{line.state.value}", lang, day=day_said(ended, year))
        written.append((said, line.reason))
    for index, (state, note) in enumerate(written):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        write_cell(paragraph, state, LEFT)
        if note:
            write(paragraph, f" – {note}", size=SIZE, italic=True)


def _state(target: TargetLine, line: DirectionLine, today: date, year: int, lang: str) -> str:
    """ "đã hoàn thành ngày 27/11", "đang thực hiện, quá hạn"…"""
    category = target.category(line.due, today)
    if target.progress is Progress.DONE:
        if target.done_on is None:
            return plain("doc.directions.progress.done", lang)
        return plain(f"doc.directions.{category.value}", lang, day=day_said(target.done_on, year))
    state = plain(f"doc.directions.progress.{target.progress.value}", lang)
    if line.state is DirectionState.OPEN and category is Category.OPEN_OVERDUE:
        return plain("doc.directions.overdue", lang, state=state)
    return state


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lines(cell: _Cell, texts: list[str]) -> None:
    for index, text in enumerate(texts):
        write_cell(cell.paragraphs[0] if index == 0 else cell.add_paragraph(), text, LEFT)
