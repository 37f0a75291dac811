"""Fixtures for export tests: a program document and a small logo, without a display."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from coachdesk.export.document import Brand, build_document
from coachdesk.formats.template_file import loads_template
from coachdesk.library.starter import starter_entries

WEEK = """{"format": "coachdesk-template", "version": 1, "name": "In-season 2x",
 "titles": {"mon": "Full body A", "thu": "Full body B"},
 "days": {"mon": [{"exercise": "Nordic Curl", "sets": 3, "reps": 5, "tempo": "4-0-1-0",
                   "rest_s": 90},
                  {"exercise": "ATG Split Squat", "sets": 3, "reps": 8, "per_side": true,
                   "load": "10 kg"}],
          "thu": [{"exercise": "Side Plank", "sets": 3, "seconds": 30, "per_side": true},
                  {"exercise": "Calf Raise", "sets": 2, "reps": 15}]}}"""


def material() -> dict:
    return {e["name"]: {"notes": e["notes"], "video_url": e["video_url"], "image_path": None,
                        "muscles": e["muscles"], "laterality": e["laterality"]}
            for e in starter_entries()}


def make_document(week_text: str = WEEK, client: str = "Zoë Ångström", weeks: int = 8,
                  progression: dict | None = None, program: str | None = None):
    template = loads_template(week_text)
    return build_document(
        template, program_name=program or template.name, client_name=client,
        start_date=date(2026, 12, 7), weeks=weeks, material=material(),
        progression=progression or {"slots": {"mon:0": {"kind": "add_reps", "step": 1}},
                                    "deload_week": 4})


@pytest.fixture
def logo(tmp_path: Path) -> Path:
    """A real PNG written with the standard library only."""
    import struct
    import zlib

    width, height = 40, 20
    raw = b"".join(b"\x00" + b"\x1f\x6f\x5c" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    png = (b"\x89PNG\r\n\x1a\n"
           + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    path = tmp_path / "logo.png"
    path.write_bytes(png)
    return path


@pytest.fixture
def brand(logo: Path) -> Brand:
    return Brand(business_name="Run Strong Studio", logo_path=logo, email="coach@example.com",
                 website="runstrong.example", footer="Train smart.")
