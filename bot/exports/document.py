"""The weekly report for the Party committee as a Word document, laid out as Decree
30/2020/NĐ-CP (Appendix I) lays out an administrative report.

A4 with the decree's margins, Times New Roman; the heading (issuing body, national title and
motto, number, place and date, with the short lines under them), "BÁO CÁO" with its summary,
the body (its basis, the organizations' results, the totals, who did not report, the response
plan in force and its tasks' progress, the secretariat's directions and their results, the
general assessment, the tasks for next week, the difficulties raised), then "Nơi nhận" and
the signature. Page numbers from the second page, centred at the top. Weeks and submissions
are said as people say them ("tuần 48, từ ngày 23/11 đến ngày 29/11/2026", "nộp ngày
25/11").
The layout is in document_layout, the heading and the signature in document_frame, the
directions' table in document_directions, the response plan's in document_plan.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from decimal import Decimal

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from bot.core.digest import OrganizationLine
from bot.core.directions import Picture
from bot.core.formatting import document_day_month, format_number, format_value
from bot.core.plans import PlanPicture
from bot.core.status import ReportStatus
from bot.exports.data import PeriodReport, unit_label
from bot.exports.document_communes import communes_table
from bot.exports.document_directions import counts_sentence, directions_table
from bot.exports.document_frame import closing, heading, title
from bot.exports.document_layout import (
    TEXT_WIDTH,
    compact,
    dotted_lines,
    fixed_table,
    keep_rows_whole,
    number_pages,
    set_properties,
    set_up_page,
    write,
)
from bot.exports.document_metrics import text_width
from bot.exports.document_plan import counts_sentence as plan_counts
from bot.exports.document_plan import plan_table, situation_sentence
from bot.i18n import plain
from bot.i18n.weeks import week_long

TABLE_SIZE = 12  # the totals table
CELL_PADDING = 216  # the left and right margins of a cell of the totals table, together
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
FILL_IN_LINES = 3  # dotted lines under a heading the secretariat fills in by hand


def report_docx(report: PeriodReport) -> bytes:
    lang, settings = report.group.language, report.group.document
    document = Document()
    set_up_page(document, lang)
    number_pages(document.sections[0])
    heading(document, settings, lang, date_line(report))
    week = week_long(report.digest.period, lang)
    title(document, lang, [plain("doc.subject", lang), week])
    sections = (f"{numeral}. " for numeral in ROMAN)
    _opening(document, report)
    _organizations(document, report, next(sections))
    _figures(document, report, next(sections))
    if report.rollup is not None:
        _section(
            document,
            next(sections),
            plain("doc.section.communes", lang, count=report.rollup.children),
        )
        communes_table(document, report.rollup, lang)
    _not_reported(document, report, next(sections))
    if report.plan is not None:
        _plan(document, report, report.plan, next(sections))
    if report.directions is not None and not report.directions.empty:
        _directions(document, report, report.directions, next(sections))
    _written(document, report.assessment, plain("doc.section.assessment", lang), next(sections))
    _written(document, report.plan_ahead, plain("doc.section.plan", lang), next(sections))
    _proposals(document, report, next(sections))
    closing(document, settings, lang)
    set_properties(
        document,
        title=plain("doc.title_line", lang, week=week),
        author=" ".join(reversed(settings.issuer)),  # "Ban Thường trực Ủy ban MTTQ …"
        at=report.at,
        lang=lang,
    )
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


# --- the body -------------------------------------------------------------------------------


def _paragraph(
    document: DocumentObject, text: str = "", *, bold: bool = False, italic: bool = False
) -> Paragraph:
    """A paragraph of the body, in the Normal style: justified, first-line indent, 6 pt after."""
    return write(document.add_paragraph(), text, bold=bold, italic=italic)


def _section(document: DocumentObject, number: str, heading: str) -> None:
    _paragraph(document, number + heading, bold=True).paragraph_format.keep_with_next = True


def _opening(document: DocumentObject, report: PeriodReport) -> None:
    """The basis of the report ("Thực hiện Kế hoạch …"), when configured, and what follows."""
    lang, basis = report.group.language, report.group.document.basis.strip()
    if basis.endswith(":"):  # a whole opening sentence
        _paragraph(document, basis)
    elif basis:
        _paragraph(document, plain("doc.opening", lang, basis=basis.rstrip(" .,;")))
    else:
        _paragraph(document, plain("doc.opening_plain", lang))


def _organizations(document: DocumentObject, report: PeriodReport, number: str) -> None:
    lang, digest = report.group.language, report.digest
    _section(document, number, plain("doc.section.results", lang))
    percent = round(100 * digest.submitted / digest.expected) if digest.expected else 100
    rate = plain(
        "doc.rate", lang, submitted=digest.submitted, expected=digest.expected, percent=percent
    )
    _paragraph(document, rate)
    yes_no = (plain("answer.yes", lang), plain("answer.no", lang))
    for index, line in enumerate(digest.lines, 1):
        paragraph = _paragraph(document, f"{index}. {line.name}", bold=True)
        write(paragraph, f" ({_submission(report, line)})", italic=True)
        paragraph.paragraph_format.keep_with_next = True
        if not line.answers:
            _paragraph(document, "- " + plain("doc.no_answers", lang), italic=True)
        for question, answer in line.answers:
            shown = format_value(
                question.kind, answer.text, answer.value, question.unit, lang, yes_no
            )
            paragraph = _paragraph(document, f"- {question.text}: ", italic=True)
            write(paragraph, shown)


def _submission(report: PeriodReport, line: OrganizationLine) -> str:
    """ "nộp ngày 24/11, đúng hạn"; "quá hạn, chưa nộp": the day, never the time."""
    lang = report.group.language
    if line.submitted_at is None:
        return plain(f"status.{line.status.value}", lang)
    day = line.submitted_at.astimezone(report.group.timezone).date()
    shown = f"{day:%d/%m}" if day.year == report.last_day.year else f"{day:%d/%m/%Y}"
    timing = line.status.value if line.status in (ReportStatus.ON_TIME, ReportStatus.LATE) else ""
    return plain(f"doc.submitted{'.' + timing if timing else ''}", lang, day=shown)


def _figures(document: DocumentObject, report: PeriodReport, number: str) -> None:
    lang = report.group.language
    _section(document, number, plain("doc.section.figures", lang))
    if not report.digest.totals:
        _paragraph(document, plain("doc.none", lang))
        return
    columns = ("figure", "unit", "reporting", "now", "before", "change")
    headers = [plain(f"doc.figures.{column}", lang) for column in columns]
    since = report.digest.since
    if since is not None:  # lũy kế: the figures since the start of counting
        headers.append(plain("doc.figures.cumulative", lang, week=since.week, year=since.year))
    rows = [
        [
            total.question.text,
            unit_label(total.question, lang),
            str(total.reporting),
            format_number(total.total, lang),
            "" if total.previous is None else format_number(total.previous, lang),
            "" if total.change is None else _signed(total.change, lang),
            *([] if since is None else [format_number(total.cumulative or Decimal(0), lang)]),
        ]
        for total in report.digest.totals
    ]
    table = fixed_table(
        document, figure_widths(headers, rows), rows=1 + len(rows), style="Table Grid"
    )
    keep_rows_whole(table, header=True)
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        _cell(cell, header, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for row, values in zip(table.rows[1:], rows, strict=True):
        for index, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            right = WD_ALIGN_PARAGRAPH.RIGHT if index >= 2 else WD_ALIGN_PARAGRAPH.LEFT
            _cell(cell, value, align=right)
    # Like with like: a change over fewer organizations than the totals says so.
    partial = [
        plain("doc.compared_item", lang, figure=total.question.text, count=total.compared)
        for total in report.digest.totals
        if total.change is not None and not total.compares_all
    ]
    note = _paragraph(document)
    if partial:
        note.paragraph_format.space_before = Pt(6)
        write(note, plain("doc.compared_note", lang, details="; ".join(partial)), italic=True)
    else:
        note.paragraph_format.space_after = Pt(0)  # the table's space after


def figure_widths(headers: list[str], rows: list[list[str]]) -> list[int]:
    """The totals table's columns in twips, adding up to the text width: the unit and the
    count as wide as their values and their header on at most two lines; the three figures
    (this week, last week, the change) alike, as wide as the widest of them; the figure's text
    the rest, at least a quarter of the width."""

    def header(text: str) -> int:
        words = text.split()
        return min(
            max(
                text_width(" ".join(words[:cut]), TABLE_SIZE, bold=True),
                text_width(" ".join(words[cut:]), TABLE_SIZE, bold=True),
            )
            for cut in range(len(words) + 1)
        )

    def column(index: int) -> int:
        values = (text_width(row[index], TABLE_SIZE) for row in rows)
        return max(header(headers[index]), *values) + CELL_PADDING + 60

    unit, reporting = column(1), column(2)
    figures = range(3, len(headers))  # this week, last week, the change (and lũy kế)
    figure = max(column(index) for index in figures)
    narrow = [unit, reporting, *(figure for _ in figures)]
    room = TEXT_WIDTH - TEXT_WIDTH // 4
    if sum(narrow) > room:
        narrow = [width * room // sum(narrow) for width in narrow]
    return [TEXT_WIDTH - sum(narrow), *narrow]


def _cell(cell: _Cell, text: str, *, align: WD_ALIGN_PARAGRAPH, bold: bool = False) -> None:
    paragraph = compact(cell.paragraphs[0], align)
    paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(2)
    write(paragraph, text, size=TABLE_SIZE, bold=bold)


def _signed(value: Decimal, lang: str) -> str:
    return ("+" if value > 0 else "") + format_number(value, lang)


def _not_reported(document: DocumentObject, report: PeriodReport, number: str) -> None:
    lang = report.group.language
    _section(document, number, plain("doc.section.missing", lang))
    owing = (ReportStatus.MISSING, ReportStatus.PENDING)
    missing = (line.name for line in report.digest.lines if line.status in owing)
    _bullets(document, missing, lang)


def _plan(
    document: DocumentObject, report: PeriodReport, picture: PlanPicture, number: str
) -> None:
    """The situation in force and the period's switches, the counts by state, and a row per
    task in force."""
    lang, year = report.group.language, report.last_day.year
    today = report.at.astimezone(report.group.timezone).date()
    _section(document, number, plain("doc.section.response_plan", lang))
    _paragraph(document, situation_sentence(picture, report.switches, year, lang))
    _paragraph(document, plan_counts(picture, today, year, lang))
    if picture.tasks:
        plan_table(document, picture.tasks, lang)
        _paragraph(document).paragraph_format.space_after = Pt(0)  # the table's space after


def _directions(
    document: DocumentObject, report: PeriodReport, picture: Picture, number: str
) -> None:
    """The directions' counts, and a row per direction given in the period or still open."""
    lang, year = report.group.language, report.last_day.year
    today = picture.today or report.at.astimezone(report.group.timezone).date()
    _section(document, number, plain("doc.section.directions", lang))
    _paragraph(document, counts_sentence(picture, today, year, lang))
    rows = {line.number: line for line in (*picture.given, *picture.open)}
    if rows:
        directions_table(document, [rows[n] for n in sorted(rows)], today, year, lang)
        _paragraph(document).paragraph_format.space_after = Pt(0)  # the table's space after


def _written(document: DocumentObject, text: str | None, heading: str, number: str) -> None:
    """What the secretariat wrote, a paragraph a line; nothing: dotted lines to write on."""
    _section(document, number, heading)
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    for line in lines:
        _paragraph(document, line)
    if not lines:
        dotted_lines(document, FILL_IN_LINES)


def _proposals(document: DocumentObject, report: PeriodReport, number: str) -> None:
    lang = report.group.language
    _section(document, number, plain("doc.section.proposals", lang))
    _bullets(document, (f"{p.organization}: {p.text}" for p in report.digest.proposals), lang)


def _bullets(document: DocumentObject, items: Iterable[str], lang: str) -> None:
    written = False
    for item in items:
        _paragraph(document, f"- {item}")
        written = True
    if not written:
        _paragraph(document, plain("doc.none", lang))
