"""``coachdesk pdf`` as a whole process pays only for what its document needs: no database
layer, no Qt, no Alembic, and a fallback font is read only for text that needs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROBE = """
import json, sys
from reportlab.pdfbase import pdfmetrics
from coachdesk.cli import main
code = main(["pdf", sys.argv[1], "-o", sys.argv[2], "--weeks", "2"])
heavy = [m for m in ("sqlalchemy", "PySide6", "alembic", "email_validator", "rapidfuzz",
                       "icalendar") if m in sys.modules]
fonts = sorted(n for n in pdfmetrics.getRegisteredFontNames() if "Fallback" in n)
obliques = sorted(n for n in pdfmetrics.getRegisteredFontNames() if "Oblique" in n)
print(json.dumps({"code": code, "heavy": heavy, "fallbacks": fonts, "obliques": obliques}))
"""


def run_pdf(tmp_path: Path, client: str, notes: str | None = None) -> dict[str, object]:
    week = {"format": "coachdesk-template", "version": 4, "name": "Base block",
            "client": {"name": client, "goal": "race"},
            "days": {"tue": [{"exercise": "Doorway Wall Hold", "sets": 3, "reps": 5}]}}
    if notes is not None:
        week["exercises"] = [{"name": "Doorway Wall Hold", "muscles": ["quads"],
                              "laterality": "bilateral", "phase": "stability", "pattern": "squat",
                              "notes": notes}]
    template = tmp_path / "week.coachdesk.json"
    template.write_text(json.dumps(week), encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", PROBE, str(template),
                             str(tmp_path / "out.pdf")],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_latin_program_loads_no_database_layer_and_no_fallback_font(tmp_path) -> None:
    found = run_pdf(tmp_path, "Ana Río", notes="Back flat on the wall, knees over ankles.")
    assert found == {"code": 0, "heavy": [], "fallbacks": [], "obliques": []}


def test_an_italic_note_reads_the_oblique_faces_and_prints(tmp_path) -> None:
    found = run_pdf(tmp_path, "Ana Río", notes="Hold it _still_, then **_breathe_**.")
    assert found["code"] == 0
    assert found["obliques"] == ["CoachDeskSans-BoldOblique", "CoachDeskSans-Oblique"]


def test_a_korean_name_reads_only_the_hangul_font(tmp_path) -> None:
    found = run_pdf(tmp_path, "김민지", notes="Back on the wall.")
    assert found["code"] == 0
    assert found["fallbacks"] == ["CoachDeskFallbackHangul"]
