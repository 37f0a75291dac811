"""Program PDFs read back with pypdf: names, every week's numbers, brand, page numbers,
the logo, pictures and QR codes; bad pictures; paper; nothing half-written."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from coachdesk.export.document import Brand
from coachdesk.export.pdf import build_program_pdf
from coachdesk.export.qr import qr_modules

from .conftest import make_document, page_texts, pdf_text, png_bytes
from .samples import bench_document, make_logo, runner_document, studio_brand


def links(path: Path) -> list[str]:
    return [annotation.get_object()["/A"]["/URI"]
            for page in PdfReader(path).pages for annotation in page.get("/Annots", [])]


def test_the_pdf_holds_client_exercises_every_weeks_numbers_and_the_brand(tmp_path,
                                                                           brand) -> None:
    result = build_program_pdf(make_document(), brand, tmp_path / "program.pdf")
    text = pdf_text(result.path)
    assert "Zoë Ångström" in text and "Run Strong Studio" in text and "In-season 2x" in text
    for name in ("Nordic Curl", "ATG Split Squat", "Side Plank", "Calf Raise"):
        assert name in text
    # Nordic Curl adds a rep a week; week 4 is the deload (2 sets, week 3's reps again),
    # then the progression carries on where it would have been.
    for cell in ("3 × 5", "3 × 6", "3 × 7", "2 × 7 Deload", "3 × 9", "3 × 10", "3 × 11",
                 "3 × 12"):
        assert cell in text, cell
    assert "2 × 8 Deload" not in text
    assert "3 × 30 s /side" in text and "3 × 8 /side 10 kg" in text and "2 × 15" in text
    assert "7 December 2026 – 31 January 2027" in text
    assert "coach@example.com" in text and "runstrong.example" in text
    assert result.warnings == ()
    assert 4 <= result.pages <= 12 and len(PdfReader(result.path).pages) == result.pages


def test_every_page_after_the_cover_says_page_x_of_y(tmp_path, brand) -> None:
    result = build_program_pdf(runner_document(tmp_path), brand, tmp_path / "p.pdf")
    texts = page_texts(result.path)
    assert "Page" not in texts[0]
    for number, text in enumerate(texts[1:], start=2):
        assert f"Page {number} of {result.pages}" in text


def test_up_to_six_weeks_fit_one_table_and_longer_programs_split_into_blocks(tmp_path) -> None:
    six = build_program_pdf(make_document(weeks=6), Brand(), tmp_path / "six.pdf")
    assert "Week 6" in pdf_text(six.path) and "Weeks 1–" not in pdf_text(six.path)
    twelve = build_program_pdf(make_document(weeks=12), Brand(), tmp_path / "twelve.pdf")
    text = pdf_text(twelve.path)
    assert "Weeks 1–6" in text and "Monday · weeks 7–12" in text and "Week 12" in text
    assert "3 × 16" in text  # week 12 of the Nordic Curl


def test_the_logo_demo_picture_and_qr_codes_are_there(tmp_path, brand) -> None:
    result = build_program_pdf(runner_document(tmp_path), brand, tmp_path / "program.pdf")
    reader = PdfReader(result.path)
    assert len(reader.pages[0].images) == 1  # the logo, on the cover
    assert sum(len(page.images) for page in reader.pages[1:]) == 2  # two demo pictures
    urls = links(result.path)
    document = runner_document(tmp_path)
    videos = {e.video_url for e in document.exercises if e.video_url}
    assert set(urls) == videos and len(urls) == 2 * len(videos)  # QR square and caption
    # The QR code is drawn: one filled rectangle per run of dark modules.
    page = next(p for p in reader.pages if "Scan for the video" in (p.extract_text() or ""))
    assert page.get_contents().get_data().count(b" re") > 200
    assert len(qr_modules(next(iter(videos)))) >= 21


@pytest.mark.parametrize("logo_state", ["missing", "corrupt", "truncated", "svg", "empty"])
def test_a_bad_logo_gives_a_pdf_without_it_and_a_warning(tmp_path, logo_state) -> None:
    logo = tmp_path / ("logo.svg" if logo_state == "svg" else "logo.png")
    if logo_state == "corrupt":
        logo.write_bytes(b"\x89PNG\r\n\x1a\nnot really a png")
    elif logo_state == "truncated":  # a valid header, broken pixels: fails only when decoded
        logo.write_bytes(png_bytes(400, 200)[:300])
    elif logo_state == "svg":
        logo.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    elif logo_state == "empty":
        logo.write_bytes(b"")
    result = build_program_pdf(make_document(), Brand(logo_path=logo), tmp_path / "p.pdf")
    assert len(result.warnings) == 1 and logo.name in result.warnings[0]
    assert len(PdfReader(result.path).pages[0].images) == 0
    assert "Zoë Ångström" in pdf_text(result.path)


def test_a_missing_demo_picture_is_a_warning_not_a_failure(tmp_path) -> None:
    document = runner_document(tmp_path)
    (tmp_path / "atg.jpg").unlink()
    result = build_program_pdf(document, Brand(), tmp_path / "p.pdf")
    assert [w for w in result.warnings if "atg.jpg" in w]
    assert "ATG Split Squat" in pdf_text(result.path)


def test_a_huge_picture_is_scaled_down_before_it_is_embedded(tmp_path) -> None:
    big = tmp_path / "big.png"
    Image.effect_noise((3000, 3000), 80).convert("RGB").save(big)
    result = build_program_pdf(make_document(), Brand(logo_path=big), tmp_path / "p.pdf")
    image = PdfReader(result.path).pages[0].images[0].image
    assert max(image.size) <= 400
    assert result.path.stat().st_size < big.stat().st_size / 4


def test_long_demonstration_notes_beside_a_qr_code_flow_over_pages(tmp_path) -> None:
    document = make_document()
    notes = "### Setup\n" + "- Keep the knee over the toes and breathe out. \n" * 200
    exercises = tuple(dataclasses.replace(e, notes_markdown=notes) for e in document.exercises)
    result = build_program_pdf(dataclasses.replace(document, exercises=exercises), Brand(),
                               tmp_path / "p.pdf")
    assert pdf_text(result.path).count("Keep the knee over the toes") == 800
    assert result.pages >= 10


def test_letter_paper(tmp_path) -> None:
    result = build_program_pdf(make_document(), Brand(paper="Letter"), tmp_path / "l.pdf")
    box = PdfReader(result.path).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_a_failed_build_leaves_no_file_and_no_temp_file(tmp_path, brand, monkeypatch) -> None:
    import coachdesk.export.pdf as pdf_module

    target = tmp_path / "program.pdf"
    target.write_bytes(b"the previous export")

    def broken_story(_ctx):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(pdf_module, "_story", broken_story)
    with pytest.raises(RuntimeError):
        build_program_pdf(make_document(), brand, target)
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".coachdesk")] == []


def test_the_benchmark_program_is_a_sane_number_of_pages(tmp_path) -> None:
    result = build_program_pdf(bench_document(), Brand(), tmp_path / "bench.pdf")
    assert 10 <= result.pages <= 40
    text = pdf_text(result.path)
    assert all(e.name in text for e in bench_document().exercises)


def test_a_studio_brand_on_a_realistic_program(tmp_path) -> None:
    brand = studio_brand(make_logo(tmp_path / "logo.png"))
    result = build_program_pdf(runner_document(tmp_path), brand, tmp_path / "p.pdf")
    text = pdf_text(result.path)
    assert "Zoë Ångström-Nakamura 中村" in text and "Stride Strength Studio" in text
    assert "raise the box 5 cm" in text and "52.5 kg" in text and "Marathon race" in text
    assert result.warnings == ()
