"""Fixtures for export tests: program documents, logos and a reader for the PDF's text."""

from __future__ import annotations

import re
import struct
import zlib
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from coachdesk.export.document import Brand, ProgramDocument, build_document
from coachdesk.formats.template_file import loads_template

from .samples import starter_material

WEEK = """{"format": "coachdesk-template", "version": 1, "name": "In-season 2x",
 "titles": {"mon": "Full body A", "thu": "Full body B"},
 "days": {"mon": [{"exercise": "Nordic Curl", "sets": 3, "reps": 5, "tempo": "4-0-1-0",
                   "rest_s": 90},
                  {"exercise": "ATG Split Squat", "sets": 3, "reps": 8, "per_side": true,
                   "load": "10 kg"}],
          "thu": [{"exercise": "Side Plank", "sets": 3, "seconds": 30, "per_side": true},
                  {"exercise": "Calf Raise", "sets": 2, "reps": 15}]}}"""


def make_document(week_text: str = WEEK, client: str = "Zoë Ångström", weeks: int = 8,
                  progression: dict | None = None, program: str | None = None,
                  material: dict | None = None) -> ProgramDocument:
    template = loads_template(week_text)
    return build_document(
        template, program_name=program or template.name, client_name=client,
        start_date=date(2026, 12, 7), weeks=weeks, material=material or starter_material(),
        progression=progression or {"slots": {"mon:0": {"kind": "add_reps", "step": 1}},
                                    "deload_week": 4})


def png_bytes(width: int = 40, height: int = 20, rgb: bytes = b"\x1f\x6f\x5c") -> bytes:
    """A real PNG written with the standard library only."""
    raw = b"".join(b"\x00" + rgb * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def pdf_text(path: Path) -> str:
    """All the PDF's text on one line (whitespace runs collapsed)."""
    raw = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return re.sub(r"\s+", " ", raw)


def page_texts(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(path).pages]


@pytest.fixture
def logo(tmp_path: Path) -> Path:
    path = tmp_path / "logo.png"
    path.write_bytes(png_bytes())
    return path


@pytest.fixture
def brand(logo: Path) -> Brand:
    return Brand(business_name="Run Strong Studio", logo_path=logo, email="coach@example.com",
                 website="runstrong.example", footer="Train smart.")
