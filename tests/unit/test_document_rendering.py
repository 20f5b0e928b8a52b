"""The Word report as LibreOffice prints it: rendered to PDF and read back with pdftotext.

Skipped where LibreOffice (soffice) or poppler's pdftotext is not installed — which includes
CI, where only what the repository installs is present. To run it locally on Debian/Ubuntu:
``apt-get install --no-install-recommends libreoffice-writer-nogui poppler-utils
fonts-liberation2`` (Liberation Serif 2 has Times New Roman's metrics and every Vietnamese
letter; the older fonts-liberation lacks ơ and ư, and a fallback font would change the widths).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from bot.exports.document import report_docx
from tests.unit.test_document_layout import a_report

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and pdftotext are not installed",
)


def rendered_pages(data: bytes, folder: Path) -> list[list[str]]:
    """The pages of ``data`` printed to PDF by LibreOffice, as lines of text laid out as on
    the page (pdftotext -layout), without blank lines."""
    source = folder / "bao-cao.docx"
    source.write_bytes(data)
    profile = (folder / "profile").as_uri()  # not the user's LibreOffice profile
    convert = ["--headless", "--convert-to", "pdf", "--outdir", str(folder), str(source)]
    soffice = ["soffice", f"-env:UserInstallation={profile}", *convert]
    subprocess.run(soffice, check=True, capture_output=True, timeout=180)
    pdftotext = ["pdftotext", "-layout", str(folder / "bao-cao.pdf"), "-"]
    text = subprocess.run(pdftotext, check=True, capture_output=True, text=True, timeout=60).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in pages]


def test_libreoffice_prints_the_heading_on_its_lines_and_numbers_the_pages_after_the_first(
    tmp_path: Path,
) -> None:
    pages = rendered_pages(report_docx(a_report()), tmp_path)

    assert len(pages) >= 2  # six organizations take more than a page
    first = pages[0]
    # The national title on one line beside the issuer's first line, the motto beside the
    # second; "Số:" and the date on one line: nothing in the heading wraps.
    assert first[0].startswith("ỦY BAN MTTQ VIỆT NAM")
    assert first[0].endswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert first[1].startswith("TỈNH TÂY NINH")
    assert first[1].endswith("Độc lập - Tự do - Hạnh phúc")
    assert first[2] == "BAN THƯỜNG TRỰC"
    assert first[3].startswith("Số:")
    assert "/BC-MTTQ-BTT" in first[3]
    assert first[3].endswith("Tây Ninh, ngày 01 tháng 12 năm 2026")
    assert first[4:7] == [
        "BÁO CÁO",
        "Kết quả thực hiện công tác phối hợp của các tổ chức chính trị - xã hội",
        "tuần 48, từ ngày 23/11 đến ngày 29/11/2026",
    ]
    # The first page has no number; each page after it begins with its number.
    assert not first[0].isdigit()
    assert [page[0] for page in pages[1:]] == [str(n) for n in range(2, len(pages) + 1)]
    last = pages[-1]
    assert any(
        line.startswith("Nơi nhận:") and line.endswith("TM. BAN THƯỜNG TRỰC") for line in last
    )
    assert last[-1].endswith("Nguyễn Văn An")
