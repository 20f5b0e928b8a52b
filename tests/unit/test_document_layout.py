"""The Word report against Decree 30/2020/NĐ-CP, Appendix I, read from its XML: paper and
margins, the heading table, fonts and sizes, the short lines, the body's paragraphs, page
numbers, the signature, the document's properties, and what it must not say."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.etree import ElementTree

import pytest

from bot.config import DocumentConfig, GroupConfig, load_config
from bot.core.answers import AnswerKind
from bot.core.digest import OrganizationFacts, ReportFacts, StoredAnswer, build_digest
from bot.core.periods import PeriodKey
from bot.core.questionnaire import Question
from bot.exports.data import PeriodReport
from bot.exports.document import report_docx
from bot.exports.document_metrics import balanced_lines, text_width

EXAMPLE = Path(__file__).parents[2] / "config.example.toml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
}
TWIPS_PER_MM = 1440 / 25.4
DOCUMENT = DocumentConfig(
    issuer=("Ủy ban MTTQ Việt Nam tỉnh Tây Ninh", "Ban Thường trực"),
    number="Số:       /BC-MTTQ-BTT",
    place="Tây Ninh",
    recipients=("Thường trực Tỉnh ủy;", "Ban Dân vận Tỉnh ủy;", "Lưu: VP."),
    on_behalf="TM. BAN THƯỜNG TRỰC",
    signer_title="PHÓ CHỦ TỊCH",
    signer_name="Nguyễn Văn An",
    basis="Thực hiện Kế hoạch số 15/KH-MTTQ-BTT ngày 23/7/2021 của Ban Thường trực",
)
QUESTIONS = (
    Question("ho", "Số hộ khó khăn được hỗ trợ trong tuần", AnswerKind.COUNT, unit="hộ"),
    Question("tien", "Tổng giá trị hỗ trợ (tiền và hàng quy ra tiền)", AnswerKind.MONEY),
    Question("kien_nghi", "Khó khăn, kiến nghị", proposals=True, required=False),
)
ORGANIZATIONS = (
    "Ủy ban MTTQ Việt Nam tỉnh",
    "Tỉnh đoàn",
    "Liên đoàn Lao động tỉnh",
    "Hội Liên hiệp Phụ nữ tỉnh",
    "Hội Nông dân tỉnh",
    "Hội Cựu chiến binh tỉnh",
)
WEEK = PeriodKey(2026, 48)  # Monday 23/11 to Sunday 29/11/2026
AT = datetime(2026, 12, 1, 2, 30, tzinfo=UTC)  # Tuesday 01/12/2026, 09:30 in Tây Ninh


def a_report(
    document: DocumentConfig = DOCUMENT,
    *,
    submitted: int = 5,
    assessment: str | None = None,
    plan_ahead: str | None = None,
    reported_before: int = 0,
) -> PeriodReport:
    """Week 48 of six organizations: ``submitted`` of them reported (the first one late, on
    Friday 27/11 at 17:00 local time; the others on Wednesday 25/11 at 09:00); the last
    ``reported_before`` of them had reported 5 households the week before."""
    group: GroupConfig = replace(load_config(EXAMPLE).groups[0], document=document)
    deadline = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)  # Thursday 17:00 in Tây Ninh
    facts = []
    for index, name in enumerate(ORGANIZATIONS):
        report = None
        if index < submitted:
            late = index == 0
            at = deadline + timedelta(days=1) if late else deadline - timedelta(days=1, hours=8)
            answers = {
                "ho": StoredAnswer(str(10 + index), str(10 + index)),
                "tien": StoredAnswer("1500000000", "1500000000"),
                "kien_nghi": StoredAnswer("Cần thêm kinh phí in tờ rơi", None, skipped=index != 1),
            }
            report = ReportFacts(submitted_at=at, excused=False, answers=answers)
        previous = None
        if index >= len(ORGANIZATIONS) - reported_before:
            earlier = deadline - timedelta(days=8)
            previous = ReportFacts(earlier, False, {"ho": StoredAnswer("5", "5")})
        facts.append(OrganizationFacts(f"org{index}", name, (), QUESTIONS, report, previous))
    digest = build_digest(WEEK, deadline, facts, AT)
    return PeriodReport(
        group, digest, WEEK.first_day(), WEEK.day(7), assessment=assessment, plan_ahead=plan_ahead
    )


class Docx:
    """The parts of a .docx file as ElementTree elements."""

    def __init__(self, data: bytes) -> None:
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.document = self.part("word/document.xml")
        self.styles = self.part("word/styles.xml")
        self.settings = self.part("word/settings.xml")
        self.core = self.part("docProps/core.xml")
        body = self.document.find(f"{W}body")
        assert body is not None
        self.body = body

    def part(self, name: str) -> ElementTree.Element:
        return ElementTree.fromstring(self.zip.read(name))

    @property
    def section(self) -> ElementTree.Element:
        return one(self.body, "w:sectPr")

    @property
    def text_width(self) -> int:
        size, margins = one(self.section, "w:pgSz"), one(self.section, "w:pgMar")
        return int(val(size, "w")) - int(val(margins, "left")) - int(val(margins, "right"))

    def tables(self) -> list[ElementTree.Element]:
        return self.body.findall(f"{W}tbl")

    def heading_cells(self) -> list[list[ElementTree.Element]]:
        return [row.findall(f"{W}tc") for row in self.tables()[0].findall(f"{W}tr")]

    def texts(self) -> str:
        """Every word the reader sees, in the body and the headers."""
        parts = [
            n for n in self.zip.namelist() if re.fullmatch(r"word/(document|header\d+)\.xml", n)
        ]
        return "\n".join(
            "".join(t.text or "" for t in self.part(name).iter(f"{W}t")) for name in parts
        )

    def body_paragraphs(self) -> list[ElementTree.Element]:
        """The paragraphs of the body, between the summary's line and the signature."""
        children = list(self.body)
        tables = [i for i, child in enumerate(children) if child.tag == f"{W}tbl"]
        rules = [i for i, child in enumerate(children) if child.find(f"{W}pPr/{W}pBdr") is not None]
        return [c for c in children[rules[0] + 1 : tables[-1]] if c.tag == f"{W}p"]


def one(element: ElementTree.Element, path: str) -> ElementTree.Element:
    found = element.find(path.replace("w:", W))
    assert found is not None, path
    return found


def val(element: ElementTree.Element, attribute: str = "val") -> str:
    value = element.get(f"{W}{attribute}")
    assert value is not None, attribute
    return value


def text_of(paragraph: ElementTree.Element) -> str:
    out = []
    for node in paragraph.iter():
        if node.tag == f"{W}t":
            out.append(node.text or "")
        elif node.tag == f"{W}br":
            out.append("\n")
    return "".join(out)


def runs(paragraph: ElementTree.Element) -> list[ElementTree.Element]:
    return [r for r in paragraph.findall(f"{W}r") if r.find(f"{W}t") is not None]


def size_pt(run: ElementTree.Element) -> float:
    return int(val(one(run, "w:rPr/w:sz"))) / 2


def is_on(run: ElementTree.Element, flag: str) -> bool:
    return run.find(f"{W}rPr/{W}{flag}") is not None


def cell_width(cell: ElementTree.Element) -> int:
    return int(val(one(cell, "w:tcPr/w:tcW"), "w"))


def rule_length(paragraph: ElementTree.Element, width: int) -> int:
    """The length of the line drawn as a paragraph's bottom border: between its indents."""
    indent = one(paragraph, "w:pPr/w:ind")
    return width - int(val(indent, "left")) - int(val(indent, "right"))


def is_rule(paragraph: ElementTree.Element) -> bool:
    return paragraph.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None


@pytest.fixture(scope="module")
def docx() -> Docx:
    return Docx(report_docx(a_report()))


# --- paper, margins, tables -----------------------------------------------------------------


def test_the_page_is_a4_portrait_with_the_decree_margins(docx: Docx) -> None:
    size, margins = one(docx.section, "w:pgSz"), one(docx.section, "w:pgMar")
    assert round(int(val(size, "w")) / TWIPS_PER_MM) == 210
    assert round(int(val(size, "h")) / TWIPS_PER_MM) == 297
    mm = {
        side: int(val(margins, side)) / TWIPS_PER_MM for side in ("top", "bottom", "left", "right")
    }
    assert 20 <= mm["top"] <= 25
    assert 20 <= mm["bottom"] <= 25
    assert 30 <= mm["left"] <= 35
    assert 15 <= mm["right"] <= 20


def test_every_table_has_a_fixed_grid_whose_cells_agree_and_fill_the_text_width(
    docx: Docx,
) -> None:
    heading, figures, closing = docx.tables()
    for table in (heading, figures, closing):
        grid = [int(val(c, "w")) for c in table.findall(f"{W}tblGrid/{W}gridCol")]
        assert val(one(table, "w:tblPr/w:tblLayout"), "type") == "fixed"
        assert val(one(table, "w:tblPr/w:tblW"), "type") == "dxa"
        assert int(val(one(table, "w:tblPr/w:tblW"), "w")) == sum(grid) == docx.text_width
        for row in table.findall(f"{W}tr"):
            assert [cell_width(c) for c in row.findall(f"{W}tc")] == grid


# --- the heading ----------------------------------------------------------------------------


def test_the_heading_names_the_issuer_in_capitals_above_its_number_and_the_nation_above_the_date(
    docx: Docx,
) -> None:
    (issuer, nation), (number, date) = docx.heading_cells()
    parent, body, rule = issuer.findall(f"{W}p")
    assert text_of(parent) == "ỦY BAN MTTQ VIỆT NAM\nTỈNH TÂY NINH"  # broken before "TỈNH"
    assert text_of(body) == "BAN THƯỜNG TRỰC"
    assert is_rule(rule)
    title, motto, line = nation.findall(f"{W}p")
    assert text_of(title) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert text_of(motto) == "Độc lập - Tự do - Hạnh phúc"
    assert is_rule(line)
    assert [text_of(p) for p in number.findall(f"{W}p")] == ["Số:       /BC-MTTQ-BTT"]
    assert [text_of(p) for p in date.findall(f"{W}p")] == ["Tây Ninh, ngày 01 tháng 12 năm 2026"]


def test_the_heading_parts_have_the_decree_sizes_and_weights(docx: Docx) -> None:
    (issuer, nation), (number, date) = docx.heading_cells()
    parent, body, _ = issuer.findall(f"{W}p")
    title, motto, _ = nation.findall(f"{W}p")
    expected = [  # (paragraph, sizes allowed, bold, italic)
        (parent, (12, 13), False, False),
        (body, (12, 13), True, False),
        (title, (12, 13), True, False),
        (motto, (13, 14), True, False),
        (one(number, "w:p"), (13, 13), False, False),
        (one(date, "w:p"), (13, 14), False, True),
    ]
    for paragraph, (low, high), bold, italic in expected:
        assert val(one(paragraph, "w:pPr/w:jc")) == "center"
        for run in runs(paragraph):
            assert low <= size_pt(run) <= high, text_of(paragraph)
            assert (is_on(run, "b"), is_on(run, "i")) == (bold, italic), text_of(paragraph)


@pytest.mark.parametrize("place", ["Tây Ninh", "Thành phố Hồ Chí Minh"])
def test_the_national_title_the_number_and_the_date_each_fit_their_column_on_one_line(
    place: str,
) -> None:
    docx = Docx(report_docx(a_report(replace(DOCUMENT, place=place))))
    (issuer, nation), (number, date) = docx.heading_cells()
    for cell, paragraph, bold, italic in (
        (nation, nation.findall(f"{W}p")[0], True, False),
        (nation, nation.findall(f"{W}p")[1], True, False),
        (number, one(number, "w:p"), False, False),
        (date, one(date, "w:p"), False, True),
    ):
        text = text_of(paragraph)
        width = text_width(text, size_pt(runs(paragraph)[0]), bold=bold, italic=italic)
        assert width <= cell_width(cell), text
    assert cell_width(issuer) + cell_width(nation) == docx.text_width


def test_short_lines_run_under_the_issuing_body_the_motto_and_the_summary(docx: Docx) -> None:
    (issuer, nation), _ = docx.heading_cells()
    _, body, under_body = issuer.findall(f"{W}p")
    body_width = text_width(text_of(body), size_pt(runs(body)[0]), bold=True)
    assert body_width / 3 <= rule_length(under_body, cell_width(issuer)) <= body_width / 2
    _, motto, under_motto = nation.findall(f"{W}p")
    motto_width = text_width(text_of(motto), size_pt(runs(motto)[0]), bold=True)
    assert rule_length(under_motto, cell_width(nation)) == pytest.approx(motto_width, rel=0.02)
    summary, under_summary = [
        p for p in docx.body.findall(f"{W}p") if is_rule(p) or "tuần 48" in text_of(p)
    ][:2]
    longest = max(text_width(line, 14, bold=True) for line in text_of(summary).split("\n"))
    assert longest / 3 <= rule_length(under_summary, docx.text_width) <= longest / 2
    for rule in (under_body, under_motto, under_summary):
        border = one(rule, "w:pPr/w:pBdr/w:bottom")
        assert val(border) == "single"  # a solid line
        assert text_of(rule) == ""


def test_the_type_and_summary_are_centred_in_bold_and_say_the_week_as_people_do(
    docx: Docx,
) -> None:
    paragraphs = docx.body.findall(f"{W}p")
    kind = next(p for p in paragraphs if text_of(p) == "BÁO CÁO")
    summary = paragraphs[paragraphs.index(kind) + 1]
    assert text_of(summary) == (
        "Kết quả thực hiện công tác phối hợp của các tổ chức chính trị - xã hội\n"
        "tuần 48, từ ngày 23/11 đến ngày 29/11/2026"
    )
    for paragraph in (kind, summary):
        assert val(one(paragraph, "w:pPr/w:jc")) == "center"
        assert all(13 <= size_pt(r) <= 14 and is_on(r, "b") for r in runs(paragraph))


# --- the body -------------------------------------------------------------------------------


def test_the_body_is_size_14_justified_with_a_first_line_indent_and_decree_spacing(
    docx: Docx,
) -> None:
    normal = next(s for s in docx.styles.findall(f"{W}style") if s.get(f"{W}styleId") == "Normal")
    assert val(one(normal, "w:pPr/w:jc")) == "both"
    assert 567 <= int(val(one(normal, "w:pPr/w:ind"), "firstLine")) <= 720  # 1–1.27 cm
    spacing = one(normal, "w:pPr/w:spacing")
    assert int(val(spacing, "after")) >= 120  # at least 6 pt between paragraphs
    assert val(spacing, "lineRule") == "auto"
    assert 240 <= int(val(spacing, "line")) <= 360  # single to 1.5 lines
    assert 13 <= int(val(one(normal, "w:rPr/w:sz"))) / 2 <= 14
    assert val(one(normal, "w:rPr/w:rFonts"), "ascii") == "Times New Roman"
    paragraphs = docx.body_paragraphs()
    assert len(paragraphs) > 20
    for paragraph in paragraphs:  # the body's text keeps the Normal style's layout
        properties = paragraph.find(f"{W}pPr")
        if properties is None or not text_of(paragraph):
            continue
        assert properties.find(f"{W}jc") is None
        assert properties.find(f"{W}ind") is None
        assert properties.find(f"{W}spacing") is None
        for run in runs(paragraph):
            assert run.find(f"{W}rPr/{W}sz") is None  # the style's size


def test_no_text_is_in_another_font_than_times_new_roman(docx: Docx) -> None:
    defaults = one(docx.styles, "w:docDefaults/w:rPrDefault/w:rPr/w:rFonts")
    assert {defaults.get(f"{W}{slot}") for slot in ("ascii", "hAnsi", "eastAsia", "cs")} == {
        "Times New Roman"
    }
    assert not [k for k in defaults.attrib if k.endswith("Theme") or k.endswith("theme")]
    for fonts in docx.document.iter(f"{W}rFonts"):
        assert set(fonts.attrib.values()) <= {"Times New Roman"}


def test_pages_are_numbered_at_the_top_centre_from_the_second_page(docx: Docx) -> None:
    assert docx.section.find(f"{W}titlePg") is not None  # a different first page
    rels = docx.part("word/_rels/document.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    headers = {
        val(h, "type"): docx.part(f"word/{targets[h.get(f'{R}id')]}")
        for h in docx.section.findall(f"{W}headerReference")
    }
    assert set(headers) == {"default", "first"}
    first = "".join(t.text or "" for t in headers["first"].iter(f"{W}instrText"))
    assert first == ""
    [paragraph] = headers["default"].findall(f"{W}p")
    instructions = "".join(t.text or "" for t in paragraph.iter(f"{W}instrText"))
    assert instructions.strip() == "PAGE"  # Arabic numerals
    assert val(one(paragraph, "w:pPr/w:jc")) == "center"
    assert all(13 <= size_pt(r) <= 14 for r in paragraph.findall(f"{W}r"))
    top = int(val(one(docx.section, "w:pgMar"), "top"))
    assert int(val(one(docx.section, "w:pgMar"), "header")) < top  # in the top margin


def test_the_opening_line_gives_the_configured_basis(docx: Docx) -> None:
    first = text_of(docx.body_paragraphs()[0])
    assert first == (
        "Thực hiện Kế hoạch số 15/KH-MTTQ-BTT ngày 23/7/2021 của Ban Thường trực, "
        "Ban Thường trực báo cáo kết quả thực hiện công tác phối hợp trong tuần như sau:"
    )
    plain = Docx(report_docx(a_report(replace(DOCUMENT, basis=""))))
    assert text_of(plain.body_paragraphs()[0]).startswith("Ban Thường trực báo cáo kết quả")


def test_the_assessment_and_the_tasks_ahead_are_written_under_their_headings() -> None:
    docx = Docx(
        report_docx(
            a_report(
                assessment="Các tổ chức phối hợp tốt.\nCòn hai tổ chức báo cáo chậm.",
                plan_ahead="Tổ chức hội nghị sơ kết năm.",
            )
        )
    )
    texts = [text_of(p) for p in docx.body_paragraphs()]
    assessment = texts.index("IV. ĐÁNH GIÁ CHUNG")
    assert texts[assessment + 1 : assessment + 4] == [
        "Các tổ chức phối hợp tốt.",
        "Còn hai tổ chức báo cáo chậm.",
        "V. PHƯƠNG HƯỚNG, NHIỆM VỤ TUẦN TỚI",
    ]
    assert texts[assessment + 4] == "Tổ chức hội nghị sơ kết năm."


def test_headings_left_unwritten_get_dotted_lines_to_fill_in_by_hand(docx: Docx) -> None:
    paragraphs = docx.body_paragraphs()
    texts = [text_of(p) for p in paragraphs]
    for heading in ("IV. ĐÁNH GIÁ CHUNG", "V. PHƯƠNG HƯỚNG, NHIỆM VỤ TUẦN TỚI"):
        start = texts.index(heading)
        lines = paragraphs[start + 1 : start + 4]
        for line in lines:
            tab = one(line, "w:pPr/w:tabs/w:tab")
            assert (val(tab), val(tab, "leader")) == ("right", "dot")
            assert int(val(tab, "pos")) == docx.text_width
            assert line.find(f".//{W}r/{W}tab") is not None


def test_each_organization_says_the_day_it_reported_and_whether_on_time(docx: Docx) -> None:
    texts = [text_of(p) for p in docx.body_paragraphs()]
    assert "1. Ủy ban MTTQ Việt Nam tỉnh (nộp muộn ngày 27/11)" in texts
    assert "2. Tỉnh đoàn (nộp ngày 25/11, đúng hạn)" in texts
    assert "6. Hội Cựu chiến binh tỉnh (quá hạn, chưa nộp)" in texts
    assert "- Tỉnh đoàn: Cần thêm kinh phí in tờ rơi" in texts


def test_the_report_shows_no_week_code_and_no_time_of_day(docx: Docx) -> None:
    seen = docx.texts() + "".join(docx.core.itertext())
    assert "2026-W" not in seen
    assert not re.search(r"\b\d{1,2}:\d{2}\b", seen)
    assert not re.search(r"\borg\d\b", seen)  # nor the organizations' codes


def test_the_totals_table_keeps_every_figure_on_one_line(docx: Docx) -> None:
    _, figures, _ = docx.tables()
    rows = figures.findall(f"{W}tr")
    assert one(rows[0], "w:trPr/w:tblHeader") is not None  # repeated on each page
    for row in rows[1:]:
        for cell in row.findall(f"{W}tc")[2:]:
            text = text_of(one(cell, "w:p"))
            assert text_width(text, 12) + 216 <= cell_width(cell), text


def test_a_change_over_fewer_organizations_than_the_totals_says_what_it_compares() -> None:
    # Organizations 4 and 5 reported last week; 4 (of the five this week) reported both.
    docx = Docx(report_docx(a_report(reported_before=2)))
    _, figures, _ = docx.tables()
    households = [text_of(one(c, "w:p")) for c in figures.findall(f"{W}tr")[1].findall(f"{W}tc")]
    assert households == ["Số hộ khó khăn được hỗ trợ trong tuần", "hộ", "5", "60", "10", "+9"]
    assert (
        "Mức tăng (+), giảm (-) chỉ so sánh các tổ chức có số liệu cả hai tuần "
        "(Số hộ khó khăn được hỗ trợ trong tuần: 1 tổ chức)."
    ) in [text_of(p) for p in docx.body_paragraphs()]


def test_a_change_over_the_same_organizations_needs_no_note(docx: Docx) -> None:
    assert not [p for p in docx.body_paragraphs() if "so sánh" in text_of(p)]


# --- the end --------------------------------------------------------------------------------


def test_recipients_bottom_left_and_the_signature_with_the_signers_name_bottom_right(
    docx: Docx,
) -> None:
    recipients, signature = docx.tables()[-1].findall(f"{W}tr/{W}tc")
    heading, *listed = recipients.findall(f"{W}p")
    assert text_of(heading) == "Nơi nhận:"
    assert all(size_pt(r) == 12 and is_on(r, "b") and is_on(r, "i") for r in runs(heading))
    assert [text_of(p) for p in listed] == [
        "- Thường trực Tỉnh ủy;",
        "- Ban Dân vận Tỉnh ủy;",
        "- Lưu: VP.",
    ]
    assert all(size_pt(r) == 11 and not is_on(r, "b") for p in listed for r in runs(p))
    lines = signature.findall(f"{W}p")
    written = [text_of(p) for p in lines if text_of(p)]
    assert written == ["TM. BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]
    assert sum(1 for p in lines if not text_of(p)) >= 3  # room to sign and seal
    for paragraph in lines:
        for run in runs(paragraph):
            assert is_on(run, "b")
            assert 13 <= size_pt(run) <= 14
    assert docx.tables()[-1].find(f"{W}tr/{W}trPr/{W}cantSplit") is not None


# --- the file -------------------------------------------------------------------------------


def test_the_properties_name_the_issuer_the_report_date_and_vietnamese(docx: Docx) -> None:
    def core(tag: str) -> str:
        return docx.core.findtext(tag, namespaces=NS) or ""

    assert core("dc:creator") == "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Tây Ninh"
    assert core("cp:lastModifiedBy") == core("dc:creator")
    assert core("dcterms:created") == core("dcterms:modified") == "2026-12-01T02:30:00Z"
    assert core("dc:language") == "vi-VN"
    assert core("dc:title") == "Báo cáo tuần 48, từ ngày 23/11 đến ngày 29/11/2026"
    assert "python-docx" not in ElementTree.tostring(docx.core, encoding="unicode")
    language = one(docx.styles, "w:docDefaults/w:rPrDefault/w:rPr/w:lang")
    assert val(language) == "vi-VN"  # Word checks the spelling as Vietnamese
    assert "docProps/thumbnail.jpeg" not in docx.zip.namelist()
    assert b"Macintosh" not in docx.zip.read("docProps/app.xml")


def test_word_opens_it_without_compatibility_mode(docx: Docx) -> None:
    modes = [
        val(s)
        for s in docx.settings.iter(f"{W}compatSetting")
        if s.get(f"{W}name") == "compatibilityMode"
    ]
    assert modes == ["15"]


def test_every_text_is_composed_unicode_and_free_of_control_characters() -> None:
    decomposed = unicodedata.normalize("NFD", "Ban Thường trực")
    document = replace(DOCUMENT, issuer=("Ủy ban MTTQ Việt Nam", decomposed))
    docx = Docx(report_docx(a_report(document, assessment="Tốt\x00 lắm\x0b.")))
    seen = docx.texts()
    assert unicodedata.is_normalized("NFC", seen)
    assert "BAN THƯỜNG TRỰC" in seen
    assert "Tốt lắm." in seen


def test_an_english_group_gets_the_same_layout_in_english() -> None:
    group = a_report().group
    report = replace(a_report(), group=replace(group, language="en"))
    docx = Docx(report_docx(report))
    seen = docx.texts()
    assert "SOCIALIST REPUBLIC OF VIET NAM" in seen
    assert "week 48, from 23/11 to 29/11/2026" in seen
    assert docx.core.findtext("dc:language", namespaces=NS) == "en-US"


# --- measuring text -------------------------------------------------------------------------


def test_a_long_name_breaks_before_its_level_of_government() -> None:
    levels = ("TỈNH", "THÀNH PHỐ")
    assert balanced_lines("ỦY BAN MTTQ VIỆT NAM TỈNH TÂY NINH", 3969, 13, break_before=levels) == [
        "ỦY BAN MTTQ VIỆT NAM",
        "TỈNH TÂY NINH",
    ]
    assert balanced_lines("BAN THƯỜNG TRỰC", 3969, 13, bold=True) == ["BAN THƯỜNG TRỰC"]


def test_text_is_measured_with_times_new_roman_widths() -> None:
    # "BÁO CÁO" in Times New Roman Bold 14: B 667, A 722, O 778, space 250, C 722 (1/1000 em).
    assert text_width("BÁO CÁO", 14, bold=True) == round(
        (667 + 722 * 3 + 778 * 2 + 250) * 14 * 20 / 1000
    )
    assert text_width("ư", 12) > text_width("u", 12)  # the horn widens the letter
