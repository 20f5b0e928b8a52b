"""The page of an administrative document (Decree 30/2020/NĐ-CP, Appendix I) in python-docx
terms: paper, margins, fonts and paragraph spacing, page numbers, the document's properties,
tables of fixed widths and the short lines the decree draws under a line of text.

Lengths are in twips (1/20 pt, 1/1440 inch), the unit Word stores, so that the widths of a
table's grid and of its cells are whole numbers that add up exactly to the text width.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime

from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Pt, Twips
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838  # A4, 210 × 297 mm
MARGIN_TOP = MARGIN_BOTTOM = 1134  # 20 mm (the decree: 20–25 mm)
MARGIN_LEFT = 1701  # 30 mm (30–35 mm)
MARGIN_RIGHT = 851  # 15 mm (15–20 mm)
HEADER_DISTANCE = 567  # 10 mm from the top edge: the page number sits in the top margin
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 9354, 165 mm
BODY_SIZE = 14  # the body text: 13–14
BODY_INDENT = 720  # first-line indent, 1.27 cm (1–1.27 cm)
BODY_SPACE_AFTER = 6  # points between paragraphs: at least 6
BODY_LINE_SPACING = 1.15  # between single and 1.5 lines
PAGE_NUMBER_SIZE = 14  # 13–14
LANGUAGE_TAGS = {"vi": "vi-VN", "en": "en-US"}
COMPATIBILITY_MODE = "15"  # Word 2013 and later: no "compatibility mode" banner
# Characters XML 1.0 cannot hold (python-docx refuses them); a tab and a newline are kept.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """``text`` in composed Unicode (NFC: "ệ" one character, as Vietnamese keyboards and Word
    write it) without the control characters a Word file cannot hold."""
    return unicodedata.normalize("NFC", _NOT_XML.sub("", text))


# --- the page and the styles ----------------------------------------------------------------


def set_up_page(document: DocumentObject, lang: str) -> None:
    """A4 portrait with the decree's margins; Times New Roman throughout; the Normal style is
    the body's paragraph (size 14, justified, first-line indent, 6 pt after), so that text
    typed into the document in Word follows the decree too; Vietnamese for spell checking."""
    section = document.sections[0]
    section.page_width, section.page_height = Twips(PAGE_WIDTH), Twips(PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = Twips(MARGIN_TOP), Twips(MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Twips(MARGIN_LEFT), Twips(MARGIN_RIGHT)
    section.header_distance = section.footer_distance = Twips(HEADER_DISTANCE)
    language = LANGUAGE_TAGS.get(lang, LANGUAGE_TAGS["vi"])
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(run_defaults)
    run_defaults.find(qn("w:lang")).set(qn("w:val"), language)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_SIZE)
    _set_fonts(normal.element.get_or_add_rPr())
    body = normal.paragraph_format
    body.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.first_line_indent = Twips(BODY_INDENT)
    body.space_before, body.space_after = Pt(0), Pt(BODY_SPACE_AFTER)
    body.line_spacing = BODY_LINE_SPACING
    settings = document.settings.element
    settings.find(qn("w:themeFontLang")).set(qn("w:val"), language)
    for setting in settings.find(qn("w:compat")).findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), COMPATIBILITY_MODE)


def _set_fonts(run_properties: BaseOxmlElement) -> None:
    """Times New Roman for every script slot (Word takes Vietnamese letters from several),
    in place of the template's theme fonts."""
    fonts = run_properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        run_properties.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)


def set_properties(
    document: DocumentObject, *, title: str, author: str, at: datetime, lang: str
) -> None:
    """File > Properties: the issuing body as author, the report's date as created and
    modified (not the template's), the language; nothing of python-docx's."""
    properties = document.core_properties
    properties.title = clean(title)[:255]  # the most a core property holds
    properties.author = properties.last_modified_by = clean(author)[:255]
    properties.comments = properties.keywords = properties.subject = properties.category = ""
    # Core properties are kept in UTC, to the second.
    moment = at.astimezone(UTC).replace(tzinfo=None, microsecond=0)
    properties.created = properties.modified = moment
    properties.revision = 1
    properties.language = LANGUAGE_TAGS.get(lang, LANGUAGE_TAGS["vi"])
    package = document.part.package
    for rid, relationship in list(package.rels.items()):
        if relationship.reltype == RT.THUMBNAIL:  # a picture of the template's blank page
            del package.rels[rid]
        elif relationship.reltype == RT.EXTENDED_PROPERTIES:
            # The template's claims to be "Microsoft Macintosh Word" 14.0 with Normal.dotm.
            relationship.target_part._blob = _APP_PROPERTIES


_APP_PROPERTIES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties"><Application>Giao Ban</Application><DocSecurity>0</DocSecurity>'
    b"</Properties>"
)


def number_pages(section: Section) -> None:
    """The page number centred in the top margin, in Arabic numerals, size 14, from the
    second page on: the first page's header is left empty (w:titlePg)."""
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    compact(paragraph, WD_ALIGN_PARAGRAPH.CENTER)
    for kind, text in (
        ("begin", ""),
        ("instr", " PAGE "),
        ("separate", ""),
        ("", "2"),
        ("end", ""),
    ):
        run = paragraph.add_run()
        run.font.size = Pt(PAGE_NUMBER_SIZE)
        if kind == "instr":
            instruction = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
            instruction.text = text
            run._r.append(instruction)
        elif kind:
            run._r.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): kind}))
        else:
            run.text = text  # what a reader that does not compute fields shows


# --- paragraphs -----------------------------------------------------------------------------


def compact(paragraph: Paragraph, align: WD_ALIGN_PARAGRAPH | None = None) -> Paragraph:
    """A paragraph outside the body's flow (heading, tables, signature): no indent, no space
    around it, single line spacing."""
    layout = paragraph.paragraph_format
    layout.first_line_indent = Twips(0)
    layout.space_before = layout.space_after = Pt(0)
    layout.line_spacing_rule = WD_LINE_SPACING.SINGLE
    paragraph.alignment = align if align is not None else WD_ALIGN_PARAGRAPH.LEFT
    return paragraph


def write(
    paragraph: Paragraph,
    text: str,
    *,
    size: float | None = None,
    bold: bool = False,
    italic: bool = False,
) -> Paragraph:
    """``text`` appended in one run; a newline in it is a line break."""
    if text:
        run = paragraph.add_run(clean(text))
        run.bold, run.italic = bold or None, italic or None
        if size is not None:
            run.font.size = Pt(size)
    return paragraph


def rule(container: DocumentObject | _Cell, length: int, width: int, *, after: float = 0) -> None:
    """The decree's short solid line, ``length`` twips long, centred in ``width``: the bottom
    border of an empty paragraph whose indents leave that length (Word and LibreOffice both
    draw a paragraph's border between its indents)."""
    paragraph = compact(container.add_paragraph(), WD_ALIGN_PARAGRAPH.CENTER)
    side = max(0, (width - length) // 2)
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = Twips(side)
    paragraph.paragraph_format.space_before = Pt(2)  # clear of the letters above
    paragraph.paragraph_format.space_after = Pt(after)
    properties = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement(
        "w:bottom",
        {qn("w:val"): "single", qn("w:sz"): "6", qn("w:space"): "1", qn("w:color"): "auto"},
    )
    border.append(bottom)
    # w:pBdr comes before w:spacing and w:ind in a paragraph's properties.
    properties.insert_element_before(border, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc")
    mark = OxmlElement("w:rPr")
    mark.append(OxmlElement("w:sz", {qn("w:val"): "4"}))  # the empty line is 2 pt high
    properties.append(mark)


def dotted_lines(document: DocumentObject, count: int) -> None:
    """Lines of dots across the text width, to be filled in by hand."""
    for _ in range(count):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.first_line_indent = Twips(0)
        paragraph.paragraph_format.tab_stops.add_tab_stop(
            Twips(TEXT_WIDTH), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )
        paragraph.add_run().add_tab()


# --- tables ---------------------------------------------------------------------------------


def fixed_table(
    container: DocumentObject,
    widths: Sequence[int],
    *,
    rows: int = 1,
    style: str | None = None,
    padding: int | None = None,
) -> Table:
    """A table whose grid (w:tblGrid) and cells (w:tcW) have the same ``widths`` in twips,
    with a fixed layout and the table's own width their sum, so that Word and LibreOffice
    lay it out alike; ``padding`` (twips) replaces the cells' left and right margins."""
    table: Table = container.add_table(rows=rows, cols=len(widths))
    if style is not None:
        table.style = style
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False  # w:tblLayout w:type="fixed"
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Twips(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Twips(width)
    properties = table._tbl.tblPr
    total = properties.find(qn("w:tblW"))
    total.set(qn("w:type"), "dxa")
    total.set(qn("w:w"), str(sum(widths)))
    if padding is not None:
        margins = OxmlElement("w:tblCellMar")
        for side in ("w:left", "w:right"):
            margins.append(OxmlElement(side, {qn("w:w"): str(padding), qn("w:type"): "dxa"}))
        properties.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")
    return table


def keep_rows_whole(table: Table, *, header: bool = False) -> None:
    """No row broken across pages; with ``header``, the first row repeated on each page."""
    for index, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if header and index == 0:
            properties.append(OxmlElement("w:tblHeader"))
