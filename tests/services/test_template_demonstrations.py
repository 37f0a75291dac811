"""A template file carries its coach-made exercises whole: demonstration notes
(Markdown) and a video link travel with the week and print in the other coach's PDF."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from coachdesk.opening import open_app_database
from coachdesk.services import clients, programs
from coachdesk.services import library as svc
from coachdesk.services import templates as tpl
from coachdesk.services.export import export_program_pdf
from coachdesk.services.template_files import export_template, import_template
from tests.export.conftest import pdf_text

NOTES = "### Setup\nStand tall on _one_ leg.\n\n- Hinge **slowly**\n- Rotate open"
VIDEO = "https://video.example/airplane?t=3"


def link_targets(path) -> list[str]:
    return [str(a.get_object()["/A"]["/URI"]) for page in PdfReader(path).pages
            for a in page.get("/Annots") or [] if "/URI" in a.get_object().get("/A", {})]


@pytest.fixture
def shared_file(db, tmp_path):
    exercise = svc.create_exercise(db, svc.ExerciseData(
        name="Banded Hip Airplane", primary_muscles=("glutes",), laterality="unilateral",
        pattern="single_leg_stance", notes=NOTES, video_url=VIDEO))
    template = tpl.create_template(db, "Shared week")
    tpl.add_slot(db, template, "mon", exercise)
    return export_template(db, template, tmp_path / "week.coachdesk.json")


def test_the_file_holds_the_exercises_notes_and_video(shared_file) -> None:
    text = shared_file.read_text(encoding="utf-8")
    assert '"version": 4' in text and '"video_url": "https://video.example/airplane?t=3"' in text
    assert "Stand tall on _one_ leg." in text


def test_an_imported_week_prints_the_demonstrations_in_the_other_coachs_pdf(
        shared_file, tmp_path) -> None:
    other = open_app_database(str(tmp_path / "other-desk.sqlite3"))
    try:
        assert "Banded Hip Airplane" not in {r.name for r in svc.list_exercises(other)}
        template = import_template(other, shared_file)
        client = clients.create_client(other, clients.ClientData(name="Ana Ruiz"))
        program = programs.assign_program(other, template, client, date(2027, 1, 4), 4)
        result = export_program_pdf(other, program, tmp_path / "ana.pdf")
    finally:
        other.dispose()
    text = pdf_text(result.path)
    assert "Stand tall on one leg." in text and "Hinge slowly" in text
    assert "Scan for the video" in text and VIDEO in link_targets(result.path)
