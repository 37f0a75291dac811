"""Program PDFs read back with pypdf: names, numbers, brand, pages, QR code and logo."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from coachdesk.export.document import Brand
from coachdesk.export.pdf import build_program_pdf

from .conftest import make_document


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u200b", ""))


def test_the_pdf_holds_client_exercises_weeks_brand_and_page_numbers(tmp_path, brand) -> None:
    result = build_program_pdf(make_document(), brand, tmp_path / "program.pdf")
    text = flat(text_of(result.path))
    assert "Zoë Ångström" in text and "Run Strong Studio" in text
    for name in ("Nordic Curl", "ATG Split Squat", "Side Plank", "Calf Raise"):
        assert name in text
    # Nordic Curl adds a rep each week; week 4 is a deload (2 sets), then it picks up again.
    for cell in ("3 × 5", "3 × 6", "3 × 7", "2 × 8", "3 × 8", "3 × 9", "3 × 10"):
        assert cell in text, cell
    assert "3 × 30 s /side" in text and "10 kg" in text
    assert f"Page 2 of {result.pages}" in text and f"Page {result.pages} of {result.pages}" in text
    assert 4 <= result.pages <= 12
    assert len(PdfReader(result.path).pages) == result.pages
    assert result.warnings == []


def test_the_logo_and_the_qr_codes_are_there(tmp_path, brand) -> None:
    result = build_program_pdf(make_document(), brand, tmp_path / "program.pdf")
    reader = PdfReader(result.path)
    assert len(reader.pages[0].images) == 1
    links = [annotation.get_object()["/A"]["/URI"]
             for page in reader.pages for annotation in page.get("/Annots", [])]
    assert any("Nordic+Curl" in link for link in links)
    assert len(links) == 4  # one QR code per exercise with a video


@pytest.mark.parametrize("logo_state", ["missing", "corrupt", "svg"])
def test_a_bad_logo_gives_a_pdf_without_it_and_a_warning(tmp_path, logo_state) -> None:
    logo = tmp_path / ("logo.svg" if logo_state == "svg" else "logo.png")
    if logo_state == "corrupt":
        logo.write_bytes(b"\x89PNG\r\n\x1a\nnot really a png")
    elif logo_state == "svg":
        logo.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    result = build_program_pdf(make_document(), Brand(logo_path=logo), tmp_path / "p.pdf")
    assert result.warnings and logo.name in result.warnings[0]
    assert len(PdfReader(result.path).pages[0].images) == 0


def test_letter_paper_and_no_half_written_file_on_failure(tmp_path, brand, monkeypatch) -> None:
    result = build_program_pdf(make_document(), Brand(paper="Letter"), tmp_path / "l.pdf")
    box = PdfReader(result.path).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    import coachdesk.export.pdf as pdf_module

    def broken_story(self):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(pdf_module._Builder, "story", broken_story)
    target = tmp_path / "never.pdf"
    with pytest.raises(RuntimeError):
        build_program_pdf(make_document(), brand, target)
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".coachdesk")] == []
