"""What frames an administrative report (Decree 30/2020/NĐ-CP, Appendix I): the heading, the
type of document with its summary, and at the end "Nơi nhận" beside the signature.

The heading is a borderless table of two columns and two rows: the issuing body over its
number on the left, the national title and motto over the place and date on the right, so
that "Số:" and the date stand on one line whatever the names above them take.
"""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from bot.config import DocumentConfig
from bot.exports.document_layout import (
    TEXT_WIDTH,
    clean,
    compact,
    fixed_table,
    keep_rows_whole,
    rule,
    write,
)
from bot.exports.document_metrics import balanced_lines, text_width
from bot.i18n import plain

CENTER = WD_ALIGN_PARAGRAPH.CENTER
ISSUER_SIZE = 13  # the issuing body and its parent: 12–13
NATION_SIZE = 12  # the national title: 12–13, on one line
MOTTO_SIZE = 13  # 13–14
NUMBER_SIZE = 13
DATE_SIZE = 13  # 13–14
TITLE_SIZE = 14  # the type of document and its summary: 13–14
SIGNATURE_SIZE = 14  # the signer's authority, title and name: 13–14
RECIPIENTS_HEADING_SIZE = 12
RECIPIENTS_SIZE = 11
SHORT_RULE = 0.4  # the line under the issuing body and the summary: 1/3 to 1/2 of the line
RIGHT_MIN = 5386  # 95 mm: the national title's column
LEFT_MIN = 3118  # 55 mm: room for "Số: …" on one line
SLACK = 170  # 3 mm either side of the widest line in the right column
CLOSING = (4536, TEXT_WIDTH - 4536)  # "Nơi nhận" 80 mm, the signature the rest
# Where a long name breaks: before the level of government ("… VIỆT NAM" / "TỈNH TÂY NINH").
LEVELS = ("TỈNH", "THÀNH PHỐ", "HUYỆN", "QUẬN", "THỊ XÃ", "XÃ", "PHƯỜNG", "THỊ TRẤN")


def heading_widths(lang: str, date_line: str) -> tuple[int, int]:
    """The two columns of the heading in twips: the right one wide enough for the national
    title, the motto and the date line on one line each, the left one the rest."""
    widest = max(
        text_width(plain("doc.nation", lang), NATION_SIZE, bold=True),
        text_width(plain("doc.motto", lang), MOTTO_SIZE, bold=True),
        text_width(date_line, DATE_SIZE, italic=True),
    )
    right = min(max(RIGHT_MIN, widest + 2 * SLACK), TEXT_WIDTH - LEFT_MIN)
    return TEXT_WIDTH - right, right


def heading(document: DocumentObject, settings: DocumentConfig, lang: str, date_line: str) -> None:
    left_width, right_width = heading_widths(lang, date_line)
    table = fixed_table(document, (left_width, right_width), rows=2, padding=0)
    (left, right), (number, date) = (row.cells for row in table.rows)
    *parents, body = settings.issuer or ("",)
    for index, name in enumerate((*parents, body)):
        bold = index == len(parents)
        lines = balanced_lines(
            clean(name).upper(), left_width, ISSUER_SIZE, bold=bold, break_before=LEVELS
        )
        paragraph = left.paragraphs[0] if index == 0 else left.add_paragraph()
        write(compact(paragraph, CENTER), "\n".join(lines), size=ISSUER_SIZE, bold=bold)
        if bold and lines:
            widest = max(text_width(line, ISSUER_SIZE, bold=True) for line in lines)
            rule(left, round(SHORT_RULE * widest), left_width)
    nation = compact(right.paragraphs[0], CENTER)
    write(nation, plain("doc.nation", lang), size=NATION_SIZE, bold=True)
    motto = plain("doc.motto", lang)
    write(compact(right.add_paragraph(), CENTER), motto, size=MOTTO_SIZE, bold=True)
    rule(right, min(text_width(motto, MOTTO_SIZE, bold=True), right_width), right_width)
    for cell in (number, date):
        compact(cell.paragraphs[0], CENTER).paragraph_format.space_before = Pt(6)
    write(number.paragraphs[0], settings.number, size=NUMBER_SIZE)
    write(date.paragraphs[0], date_line, size=DATE_SIZE, italic=True)


def title(document: DocumentObject, lang: str, summary: list[str]) -> None:
    """ "BÁO CÁO" and the summary under it, one line each of ``summary``, then the short line."""
    kind = compact(document.add_paragraph(), CENTER)
    kind.paragraph_format.space_before = Pt(18)
    kind.paragraph_format.keep_with_next = True
    write(kind, plain("doc.title", lang), size=TITLE_SIZE, bold=True)
    about = compact(document.add_paragraph(), CENTER)
    about.paragraph_format.keep_with_next = True
    write(about, "\n".join(summary), size=TITLE_SIZE, bold=True)
    widest = min(max(text_width(line, TITLE_SIZE, bold=True) for line in summary), TEXT_WIDTH)
    rule(document, round(SHORT_RULE * widest), TEXT_WIDTH, after=12)


def closing(document: DocumentObject, settings: DocumentConfig, lang: str) -> None:
    """ "Nơi nhận" and its list bottom left; bottom right the signer's authority and title, room
    to sign and seal, and the signer's name. The row is not broken across pages."""
    if document.paragraphs:  # the body's last paragraph goes to the signature's page
        document.paragraphs[-1].paragraph_format.keep_with_next = True
    spacer = compact(document.add_paragraph())
    spacer.paragraph_format.space_before = Pt(6)
    spacer.paragraph_format.keep_with_next = True
    table = fixed_table(document, CLOSING, padding=0)
    keep_rows_whole(table)
    left, right = table.rows[0].cells
    recipients = compact(left.paragraphs[0])
    heading = plain("doc.recipients", lang)
    write(recipients, heading, size=RECIPIENTS_HEADING_SIZE, bold=True, italic=True)
    for recipient in settings.recipients:
        write(compact(left.add_paragraph()), f"- {recipient}", size=RECIPIENTS_SIZE)
    lines = [settings.on_behalf.upper(), settings.signer_title.upper()]
    first = True
    for line in (line for line in lines if line):
        paragraph = compact(right.paragraphs[0] if first else right.add_paragraph(), CENTER)
        write(paragraph, line, size=SIGNATURE_SIZE, bold=True)
        first = False
    for _ in range(4):  # room for the signature and the seal
        compact(right.add_paragraph(), CENTER)
    if settings.signer_name:
        name = compact(right.add_paragraph(), CENTER)
        write(name, settings.signer_name, size=SIGNATURE_SIZE, bold=True)
