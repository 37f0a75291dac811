"""QR codes are ReportLab's own encoding, drawn module for module; fonts are registered
lazily and importing the export package pulls in neither Qt nor the database."""

from __future__ import annotations

import subprocess
import sys

import pytest
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.barcode.qrencoder import QRUtil

from coachdesk.export.qr import QR_BORDER, lost_points, printable_url, qr_modules, qr_path

URLS = ["https://www.youtube.com/results?search_query=Nordic+Curl+exercise",
        "https://example.com/", "https://example.com/" + "long/" * 60,
        "https://vimeo.com/123456789?h=abc&t=42s"]


@pytest.mark.parametrize("url", URLS)
def test_the_faster_mask_choice_gives_reportlabs_exact_code(url) -> None:
    qr = QrCodeWidget(url).qr
    qr.version = qr.calculate_version()
    for mask in range(8):
        qr.makeImpl(True, mask)
        assert lost_points(qr.modules) == QRUtil.getLostPoint(qr)
    reference = QrCodeWidget(url).qr
    reference.make()
    assert qr_modules(url) == tuple(tuple(bool(m) for m in row) for row in reference.modules)


@pytest.mark.parametrize("url", URLS)
def test_the_drawn_path_covers_exactly_the_dark_modules(url) -> None:
    size, operators = qr_path(url)
    drawn = [[False] * size for _ in range(size)]
    for operator in operators.splitlines():
        x, y, width, height, name = operator.split()
        assert name == "re" and height == "1"
        for column in range(int(x), int(x) + int(width)):
            drawn[size - 1 - int(y)][column] = True
    modules = qr_modules(url)
    inner = [row[QR_BORDER:size - QR_BORDER] for row in drawn[QR_BORDER:size - QR_BORDER]]
    assert inner == [list(row) for row in modules]
    assert not any(drawn[r][c] for r in range(size) for c in range(size)
                   if min(r, c) < QR_BORDER or max(r, c) >= size - QR_BORDER)


@pytest.mark.parametrize(("url", "printable"), [
    ("https://example.com/v", True), ("http://example.com/v", True),
    ("javascript:alert(1)", False), ("ftp://example.com", False), ("", False), (None, False),
    ("https://exa mple.com", False), ('https://x.com/"><b>', False),
    ("https://x.com/" + "a" * 2000, False),
])
def test_only_web_links_become_qr_codes(url, printable) -> None:
    assert (printable_url(url) is not None) is printable


def test_importing_the_export_package_registers_no_font_and_loads_no_qt_or_orm() -> None:
    script = (
        "import sys\n"
        "import coachdesk.export.pdf, coachdesk.export.email_draft\n"
        "from reportlab.pdfbase import pdfmetrics\n"
        "assert 'CoachDeskSans' not in pdfmetrics.getRegisteredFontNames()\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'sqlalchemy')))\n"
        "print(','.join(bad))\n"
        "from coachdesk.export.fonts import register_fonts\n"
        "register_fonts(); register_fonts()\n"
        "assert 'CoachDeskSans-Bold' in pdfmetrics.getRegisteredFontNames()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""


def test_a_links_code_is_kept_on_disk_and_a_tampered_file_is_made_again(
        tmp_path, monkeypatch) -> None:
    from coachdesk.export import qr

    monkeypatch.setenv("COACHDESK_DATA_DIR", str(tmp_path))
    url = "https://example.com/watch?v=nordic"
    qr.clear_cache()
    first = qr.qr_path(url)
    stored = list((tmp_path / "cache" / "qr").glob("*.txt"))
    assert len(stored) == 1
    qr.qr_path.cache_clear()
    qr.qr_modules.cache_clear()
    assert qr.qr_path(url) == first and qr.qr_modules.cache_info().currsize == 0  # from disk
    header = stored[0].read_text(encoding="ascii").split("\n", 1)[0]
    stored[0].write_text(header + "\n0 0 1 1 re\nQ q 1 0 0 RG", encoding="ascii")
    qr.qr_path.cache_clear()
    assert qr.qr_path(url) == first  # the injected operators were refused, the code re-made
    qr.clear_cache()
    assert not list((tmp_path / "cache" / "qr").glob("*.txt"))
