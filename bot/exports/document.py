"""The weekly report as a Word document, laid out as a Vietnamese administrative report.

As the seed documents and Decree 30/2020/NĐ-CP have it: A4, Times New Roman, the issuing body
top left and the national motto top right, the place and date line in italics, the title,
the body in numbered sections, then "Nơi nhận" bottom left and the signature bottom right.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from decimal import Decimal

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from bot.core.formatting import document_day_month, format_number, format_value
from bot.core.status import ReportStatus
from bot.exports.data import PeriodReport, unit_label
from bot.i18n import plain

FONT = "Times New Roman"
BODY = Pt(13)


def report_docx(report: PeriodReport) -> bytes:
    lang = report.group.language
    document = Document()
    _page_and_font(document)
    _heading(document, report)
    _title(document, report)
    _organizations(document, report)
    _figures(document, report)
    _proposals(document, report)
    _not_reported(document, report)
    _closing(document, report)
    document.core_properties.title = plain("doc.title_line", lang, period=report.digest.period)
    document.core_properties.language = lang
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def date_line(report: PeriodReport) -> str:
    """'Tây Ninh, ngày 30 tháng 11 năm 2026' (the place may be left out)."""
    lang = report.group.language
    day = report.at.astimezone(report.group.timezone).date()
    dd, mm = document_day_month(day)
    text = plain("doc.date", lang, day=dd, month=mm, year=day.year)
    place = report.group.document.place
    return f"{place}, {text}" if place else text[:1].upper() + text[1:]


# --- layout ---------------------------------------------------------------------------------


def _page_and_font(document: DocumentObject) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = BODY
    # Word takes the font for Vietnamese letters from the East Asian and complex slots too.
    fonts = normal.element.rPr.rFonts
    for slot in ("w:eastAsia", "w:cs", "w:hAnsi"):
        fonts.set(qn(slot), FONT)
    paragraph = normal.paragraph_format
    paragraph.space_after = Pt(3)
    paragraph.line_spacing = 1.15


def _line(
    container: DocumentObject | _Cell,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    size: Pt | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    indent: bool = False,
) -> Paragraph:
    paragraph = container.add_paragraph()
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic
        if size is not None:
            run.font.size = size
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Mm(10)
    return paragraph


def _heading(document: DocumentObject, report: PeriodReport) -> None:
    lang, settings = report.group.language, report.group.document
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.width, right.width = Mm(70), Mm(95)
    left.paragraphs[0].text = ""
    center = WD_ALIGN_PARAGRAPH.CENTER
    for index, line in enumerate(settings.issuer):
        last = index == len(settings.issuer) - 1
        paragraph = left.paragraphs[0] if index == 0 else left.add_paragraph()
        run = paragraph.add_run(line.upper())
        run.bold, run.font.size = last, Pt(12)
        paragraph.alignment = center
    _line(left, settings.number, size=Pt(13), align=center)
    motto = right.paragraphs[0]
    run = motto.add_run(plain("doc.nation", lang))
    run.bold, run.font.size = True, Pt(12)
    motto.alignment = center
    _line(right, plain("doc.motto", lang), bold=True, size=Pt(13), align=center)
    _line(right, date_line(report), italic=True, size=Pt(13), align=center)


def _title(document: DocumentObject, report: PeriodReport) -> None:
    lang, center = report.group.language, WD_ALIGN_PARAGRAPH.CENTER
    _line(document)
    _line(document, plain("doc.title", lang), bold=True, size=Pt(14), align=center)
    _line(document, plain("doc.subject", lang), bold=True, align=center)
    dates = plain("doc.period", lang, period=report.digest.period,
                  first=report.first_day.strftime("%d/%m/%Y"),
                  last=report.last_day.strftime("%d/%m/%Y"))  # fmt: skip
    _line(document, dates, bold=True, align=center)
    digest = report.digest
    percent = round(100 * digest.submitted / digest.expected) if digest.expected else 100
    _line(document, plain("doc.rate", lang, submitted=digest.submitted,
                          expected=digest.expected, percent=percent), indent=True)  # fmt: skip


def _organizations(document: DocumentObject, report: PeriodReport) -> None:
    lang, tz = report.group.language, report.group.timezone
    _line(document, plain("doc.section.results", lang), bold=True)
    yes_no = (plain("answer.yes", lang), plain("answer.no", lang))
    for number, line in enumerate(report.digest.lines, 1):
        status = plain(f"status.{line.status.value}", lang)
        if line.submitted_at is not None:
            local = line.submitted_at.astimezone(tz)
            status += " " + plain("doc.submitted_at", lang, when=local.strftime("%H:%M %d/%m/%Y"))
        heading = _line(document, f"{number}. {line.name}", bold=True)
        heading.add_run(f" ({status})").italic = True
        if not line.answers:
            _line(document, plain("doc.no_answers", lang), italic=True, indent=True)
        for question, answer in line.answers:
            shown = format_value(question.kind, answer.text, answer.value, question.unit, lang,
                                 yes_no)  # fmt: skip
            paragraph = _line(document, indent=True)
            paragraph.add_run(f"- {question.text}: ").italic = True
            paragraph.add_run(shown)


def _figures(document: DocumentObject, report: PeriodReport) -> None:
    lang = report.group.language
    _line(document, plain("doc.section.figures", lang), bold=True)
    if not report.digest.totals:
        _line(document, plain("doc.none", lang), indent=True)
        return
    headers = [plain(f"doc.figures.{c}", lang)
               for c in ("figure", "unit", "reporting", "now", "before", "change")]  # fmt: skip
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        _cell(cell, header, bold=True)
    for total in report.digest.totals:
        unit = unit_label(total.question, lang)
        values = [
            total.question.text,
            unit,
            str(total.reporting),
            format_number(total.total, lang),
            "" if total.previous is None else format_number(total.previous, lang),
            "" if total.change is None else _signed(total.change, lang),
        ]
        cells = table.add_row().cells
        for index, (cell, value) in enumerate(zip(cells, values, strict=True)):
            _cell(cell, value, right=index >= 2)


def _cell(cell: _Cell, text: str, *, bold: bool = False, right: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold, run.font.size = bold, Pt(12)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if right else None
    if bold:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _signed(value: Decimal, lang: str) -> str:
    return ("+" if value > 0 else "") + format_number(value, lang)


def _proposals(document: DocumentObject, report: PeriodReport) -> None:
    lang = report.group.language
    _line(document, plain("doc.section.proposals", lang), bold=True)
    _bullets(document, (f"{p.organization}: {p.text}" for p in report.digest.proposals), lang)


def _not_reported(document: DocumentObject, report: PeriodReport) -> None:
    lang = report.group.language
    _line(document, plain("doc.section.missing", lang), bold=True)
    missing = (line.name for line in report.digest.lines
               if line.status in (ReportStatus.MISSING, ReportStatus.PENDING))  # fmt: skip
    _bullets(document, missing, lang)


def _bullets(document: DocumentObject, items: Iterable[str], lang: str) -> None:
    written = 0
    for item in items:
        _line(document, f"- {item}", indent=True)
        written += 1
    if not written:
        _line(document, plain("doc.none", lang), indent=True)


def _closing(document: DocumentObject, report: PeriodReport) -> None:
    lang, settings = report.group.language, report.group.document
    _line(document)
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(80), Mm(85)
    heading = left.paragraphs[0].add_run(plain("doc.recipients", lang))
    heading.bold, heading.italic, heading.font.size = True, True, Pt(12)
    for recipient in settings.recipients:
        _line(left, f"- {recipient}", size=Pt(11))
    center = WD_ALIGN_PARAGRAPH.CENTER
    on_behalf = right.paragraphs[0]
    run = on_behalf.add_run(settings.on_behalf)
    run.bold, run.font.size = True, Pt(13)
    on_behalf.alignment = center
    if settings.signer_title:
        _line(right, settings.signer_title, bold=True, align=center)
    for _ in range(3):  # room for the signature and the seal
        _line(right)
    if settings.signer_name:
        _line(right, settings.signer_name, bold=True, align=center)
