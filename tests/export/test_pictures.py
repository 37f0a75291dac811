"""Pictures a coach attaches (logo, demo pictures) or prints: only PNG, JPEG, GIF and WebP
as Pillow detects them, at most 40 megapixels, never a pipe or device, always upright."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from PIL import EpsImagePlugin, Image
from pypdf import PdfReader

from coachdesk.errors import ValidationError
from coachdesk.export.images import load_picture
from coachdesk.services.library import attach_image

EPS_TEXT = (b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 100 100\n"
            b"newpath 0 0 moveto 100 100 lineto stroke\nshowpage\n%%EOF\n")
WEEK = {"format": "coachdesk-template", "version": 1, "name": "Base block",
        "client": {"name": "Ana Río", "goal": "race"},
        "days": {"tue": [{"exercise": "Nordic Curl", "sets": 3, "reps": 5}]}}


def phone_photo(path: Path, width: int = 120, height: int = 60) -> Path:
    """A JPEG stored sideways (landscape pixels) with EXIF orientation 6, as phones write a
    portrait photo: it should be shown and printed portrait (height > width)."""
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.new("RGB", (width, height), "#224466").save(path, "JPEG", exif=exif)
    return path


def huge_png(path: Path, side: int = 13_300) -> Path:
    """A valid grey PNG of side × side pixels (177 MP for 13,300), written row by row so the
    test itself never holds it in memory."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    packer = zlib.compressobj(9)
    row = b"\x00" * (side + 1)
    data = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    path.write_bytes(b"\x89PNG\r\n\x1a\n"
                     + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", data) + chunk(b"IEND", b""))
    return path


def run_pdf_command(tmp_path: Path, logo: Path, timeout: float = 60
                    ) -> subprocess.CompletedProcess[str]:
    template = tmp_path / "week.coachdesk.json"
    template.write_text(json.dumps(WEEK), encoding="utf-8")
    brand = tmp_path / "brand.json"
    brand.write_text(json.dumps({"business_name": "Run Strong", "logo": str(logo)}),
                     encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "coachdesk", "pdf", str(template), "-o",
         str(tmp_path / "out.pdf"), "--brand", str(brand), "--start", "2027-03-01"],
        capture_output=True, text=True, timeout=timeout, env=dict(os.environ))


@pytest.fixture
def ghostscript_calls(monkeypatch) -> list[object]:
    calls: list[object] = []

    def record(*args: object, **kwargs: object) -> None:
        calls.append(args)
        raise OSError("Ghostscript must never be started for a coach's picture")

    monkeypatch.setattr(EpsImagePlugin, "Ghostscript", record)
    return calls


def test_eps_text_named_logo_png_never_reaches_ghostscript(tmp_path, ghostscript_calls) -> None:
    fake = tmp_path / "logo.png"
    fake.write_bytes(EPS_TEXT)
    picture, warning = load_picture(fake, 100, 100, "The logo")
    assert picture is None
    assert warning is not None and "logo.png" in warning and "PNG, JPEG or GIF" in warning
    assert ghostscript_calls == []


def test_eps_text_named_logo_png_is_refused_when_attached(db, tmp_path,
                                                         ghostscript_calls) -> None:
    fake = tmp_path / "logo.png"
    fake.write_bytes(EPS_TEXT)
    with pytest.raises(ValidationError) as refused:
        attach_image(db, fake)
    assert refused.value.field == "image_path"
    assert "PNG, JPEG or GIF" in refused.value.message
    assert ghostscript_calls == []
    assert not db.media_dir.exists() or list(db.media_dir.iterdir()) == []


def test_an_svg_is_refused_with_a_message_when_attached(db, tmp_path) -> None:
    drawing = tmp_path / "logo.png"
    drawing.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    with pytest.raises(ValidationError) as refused:
        attach_image(db, drawing)
    assert "SVG" in refused.value.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_fifo_as_a_logo_is_refused_at_once_by_coachdesk_pdf(tmp_path) -> None:
    fifo = tmp_path / "logo.png"
    os.mkfifo(fifo)
    result = run_pdf_command(tmp_path, fifo, timeout=60)  # a hang fails on the timeout
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "logo.png" in result.stderr and "not a picture file" in result.stderr
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_fifo_is_refused_at_once_when_attached(db, tmp_path) -> None:
    fifo = tmp_path / "demo.jpg"
    os.mkfifo(fifo)
    with pytest.raises(ValidationError) as refused:
        attach_image(db, fifo)
    assert "not a picture file" in refused.value.message


def test_a_177_megapixel_png_is_refused_from_its_header(db, tmp_path) -> None:
    big = huge_png(tmp_path / "poster.png")
    started = time.perf_counter()
    picture, warning = load_picture(big, 100, 100, "The logo")
    elapsed = time.perf_counter() - started
    assert picture is None and warning is not None
    assert "177 megapixels" in warning and "40" in warning
    assert elapsed < 0.5, f"took {elapsed:.2f} s: the picture was decoded"
    with pytest.raises(ValidationError) as refused:
        attach_image(db, big)
    assert "177 megapixels" in refused.value.message


def test_a_portrait_phone_photo_is_stored_upright(db, tmp_path) -> None:
    stored = attach_image(db, phone_photo(tmp_path / "IMG_0042.jpg"))
    with Image.open(db.media_dir / stored) as picture:
        assert picture.size == (60, 120)
        assert picture.getexif().get(0x0112, 1) == 1


def test_a_portrait_phone_photo_prints_upright_in_the_pdf(tmp_path) -> None:
    result = run_pdf_command(tmp_path, phone_photo(tmp_path / "logo.jpg"))
    assert result.returncode == 0, result.stderr
    images = [image.image for page in PdfReader(tmp_path / "out.pdf").pages
              for image in page.images]
    assert images, "the logo is in the PDF"
    width, height = images[0].size
    assert height > width
