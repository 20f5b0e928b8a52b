"""Cells of the Word report's smaller tables (directions, the plan): 12 pt text, lines held
together, columns as wide as two lines of their words."""

from __future__ import annotations

from datetime import date

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from bot.exports.document_layout import compact, write
from bot.exports.document_metrics import text_width

SIZE = 12  # as the totals table


def two_lines(text: str, *, bold: bool = False) -> int:
    """The width ``text`` takes on at most two lines, broken between words."""
    words = text.split()
    return min(
        max(
            text_width(" ".join(words[:cut]), SIZE, bold=bold),
            text_width(" ".join(words[cut:]), SIZE, bold=bold),
        )
        for cut in range(len(words) + 1)
    )


def tighten(cell: _Cell) -> None:
    """The lines of a cell together, with the cell's space above the first and below the
    last."""
    paragraphs = cell.paragraphs
    for index, paragraph in enumerate(paragraphs):
        layout = paragraph.paragraph_format
        layout.space_before = Pt(2 if index == 0 else 0)
        layout.space_after = Pt(2 if index == len(paragraphs) - 1 else 0)


def write_cell(
    paragraph: Paragraph, text: str, align: WD_ALIGN_PARAGRAPH, *, bold: bool = False
) -> Paragraph:
    shaped = compact(paragraph, align)
    shaped.paragraph_format.space_before = shaped.paragraph_format.space_after = Pt(2)
    return write(shaped, text, size=SIZE, bold=bold)


def day_said(day: date, year: int) -> str:
    """ "24/11", with the year only when it is not the report's ("24/12/2025")."""
    return f"{day:%d/%m}" if day.year == year else f"{day:%d/%m/%Y}"
