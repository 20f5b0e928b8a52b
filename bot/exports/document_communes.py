"""The province's Word report: its communes for the same week, a row each."""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from bot.core.formatting import format_number
from bot.core.rollup import RollUp
from bot.exports.document_layout import TEXT_WIDTH, compact, fixed_table, keep_rows_whole, write
from bot.i18n import plain

SIZE = 11  # a row per commune, several figures: smaller than the totals table
NAME_SHARE = 4  # the commune's name takes a quarter of the width; the columns share the rest


def communes_table(document: DocumentObject, rollup: RollUp, lang: str) -> None:
    """Commune, reports in (of how many), overdue, then each figure added up: the figures the
    province's digest adds up, in its order."""
    figures = [figure.question for figure in rollup.figures]
    headers = [
        plain("doc.communes.name", lang),
        plain("doc.communes.reported", lang),
        plain("doc.communes.overdue", lang),
        *(question.text for question in figures),
    ]
    name_width = TEXT_WIDTH // NAME_SHARE
    other = (TEXT_WIDTH - name_width) // (len(headers) - 1)
    widths = [TEXT_WIDTH - other * (len(headers) - 1), *([other] * (len(headers) - 1))]
    table = fixed_table(document, widths, rows=1 + len(rollup.rows), style="Table Grid")
    keep_rows_whole(table, header=True)
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _write(cell.paragraphs[0], text, WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    for row, child in zip(table.rows[1:], rollup.rows, strict=True):
        values = [
            child.name,
            f"{child.submitted}/{child.expected}",
            str(child.overdue) if child.overdue else "",
            *(
                format_number(child.figures[q.key], lang) if q.key in child.figures else ""
                for q in figures
            ),
        ]
        for index, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            align = WD_ALIGN_PARAGRAPH.LEFT if index == 0 else WD_ALIGN_PARAGRAPH.RIGHT
            _write(cell.paragraphs[0], text, align)


def _write(
    paragraph: Paragraph, text: str, align: WD_ALIGN_PARAGRAPH, *, bold: bool = False
) -> None:
    shaped = compact(paragraph, align)
    shaped.paragraph_format.space_before = shaped.paragraph_format.space_after = Pt(2)
    write(shaped, text, size=SIZE, bold=bold)
