"""The Word report's response plan (phương án ứng phó): the situation in force and since when,
with the period's switches, in a sentence; the counts by state of every unit's task at that
situation in another; then a row per task in force: its label ("2.B.3"), its content, the units
carrying it (one a line) and each unit's progress with its latest note (one a line), flagged
where it has not moved for two periods.

The table is laid out as the directions' table is (Decree 30/2020/NĐ-CP, Appendix I): a fixed
grid filling the text width, size 12, the heading row repeated on each page, no row broken.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from bot.core.plans import STALE_PERIODS, STATES, CarrierLine, PlanPicture, TaskLine
from bot.exports.data import Switch
from bot.exports.document_cells import SIZE, day_said, tighten, two_lines, write_cell
from bot.exports.document_layout import TEXT_WIDTH, fixed_table, keep_rows_whole, write
from bot.exports.document_metrics import text_width
from bot.i18n import plain

CELL_PADDING = 216  # a cell's left and right margins together (Word's default, 0.19 cm each)
SLACK = 60  # room for a letter wider than measured
# What is left beside the label, shared: the task, the units, their progress.
SHARES = (38, 26, 36)
CENTER, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT


def situation_sentence(
    picture: PlanPicture, switches: Sequence[Switch], year: int, lang: str
) -> str:
    """ "Tình huống đang áp dụng: tình huống 2 – Có ca nhiễm (từ ngày 25/11). Ngày 25/11
    chuyển từ tình huống 1 sang tình huống 2." """
    title = picture.title.strip().rstrip(" .;:")
    since = day_said(picture.since, year)
    if title:
        said = [plain("doc.plan.in_force", lang, level=picture.level, title=title, since=since)]
    else:
        said = [plain("doc.plan.in_force_untitled", lang, level=picture.level, since=since)]
    said += [
        plain("doc.plan.switched", lang, day=day_said(s.day, year), old=s.old, new=s.new)
        for s in switches
    ]
    return " ".join(said)


def counts_sentence(picture: PlanPicture, today: date, year: int, lang: str) -> str:
    """ "Đã xong 1; đang thực hiện 2; chưa thực hiện 3 (tính theo từng đơn vị …)"."""
    counts = picture.counts
    return plain(
        "doc.plan.counts",
        lang,
        level=picture.level,
        day=day_said(today, year),
        **{state: counts.get(state, 0) for state in STATES},
    )


def plan_table(document: DocumentObject, tasks: Sequence[TaskLine], lang: str) -> None:
    """STT (the task's label), the task, the units carrying it, their progress: a row each."""
    headers = [
        plain(f"doc.plan.{column}", lang) for column in ("index", "task", "units", "progress")
    ]
    widths = column_widths(headers, [task.label for task in tasks])
    table = fixed_table(document, widths, rows=1 + len(tasks), style="Table Grid")
    keep_rows_whole(table, header=True)
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        write_cell(cell.paragraphs[0], header, CENTER, bold=True)
    for row, task in zip(table.rows[1:], tasks, strict=True):
        number, content, units, progress = row.cells
        write_cell(number.paragraphs[0], task.label, CENTER)
        write_cell(content.paragraphs[0], task.content, LEFT)
        several = len(task.carriers) > 1
        for index, carrier in enumerate(task.carriers):
            write_cell(_line(units, index), carrier.unit, LEFT)
            paragraph = write_cell(_line(progress, index), _progress(carrier, several, lang), LEFT)
            if carrier.note:
                write(paragraph, f" – {carrier.note}", size=SIZE, italic=True)
        for cell in (units, progress):
            tighten(cell)


def column_widths(headers: list[str], labels: list[str]) -> list[int]:
    """In twips, adding up to the text width: the label as wide as the widest one (on one
    line) or its heading (on at most two), the rest shared out (``SHARES``)."""
    widest = max((text_width(label, SIZE) for label in labels), default=0)
    number = max(widest, two_lines(headers[0], bold=True)) + CELL_PADDING + SLACK
    rest = TEXT_WIDTH - number
    task, units = (rest * share // sum(SHARES) for share in SHARES[:2])
    return [number, task, units, rest - task - units]


def _progress(carrier: CarrierLine, several: bool, lang: str) -> str:
    """ "Đang thực hiện"; "Chưa thực hiện, chưa tiến triển sau 2 kỳ"; with the unit's name
    first when the task has several ("Văn phòng: đã xong")."""
    state = plain(f"plan.state.{carrier.state}", lang) if carrier.state in STATES else carrier.state
    if carrier.stale:
        state = plain("doc.plan.stale", lang, state=state, periods=STALE_PERIODS)
    if several:
        state = plain("doc.plan.of", lang, unit=carrier.unit, state=state)
    return state[:1].upper() + state[1:]


def _line(cell: _Cell, index: int) -> Paragraph:
    """A cell's ``index``-th line: its first paragraph, or one added."""
    paragraph: Paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
    return paragraph
