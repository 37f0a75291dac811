"""Refusals read in a coach's words: the field's label, not its key."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from coachdesk.errors import ValidationError
from coachdesk.field_labels import describe


@pytest.mark.parametrize(("field", "message", "shown"), [
    ("name", "is required", "Name is required"),
    ("email", "'a@b' is not a valid e-mail address",
     "E-mail: 'a@b' is not a valid e-mail address"),
    ("default_rest_s", "must be from 0 to 900 seconds",
     "Default rest must be from 0 to 900 seconds"),
    ("primary_muscles", "choose at least one prime mover",
     "Prime movers: choose at least one prime mover"),
    ("progression.tue:0.step", "must be above 0", "progression.tue:0.step: must be above 0"),
])
def test_a_refusal_names_the_field_as_the_screen_does(field, message, shown) -> None:
    assert describe(field, message) == shown
    assert str(ValidationError(field, message)) == shown


def test_the_cli_prints_the_label_not_the_key(tmp_path: Path) -> None:
    week = {"format": "coachdesk-template", "version": 1, "name": "Base block",
            "days": {"tue": [{"exercise": "Nordic Curl", "sets": 3, "reps": 5}]}}
    template = tmp_path / "week.coachdesk.json"
    template.write_text(json.dumps(week), encoding="utf-8")
    brand = tmp_path / "brand.json"
    brand.write_text(json.dumps({"paper": "A5"}), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "coachdesk", "pdf", str(template), "-o",
         str(tmp_path / "out.pdf"), "--brand", str(brand)],
        capture_output=True, text=True, timeout=60, check=False)
    err = done.stderr
    assert done.returncode == 2, err
    assert "Paper must be one of A4, Letter" in err
    assert "paper:" not in err and "Traceback" not in err
    assert not (tmp_path / "out.pdf").exists()


def test_the_client_form_says_name_is_required(qtbot, db) -> None:
    from PySide6.QtCore import Qt

    from coachdesk.ui.roster.area import ClientsArea

    area = ClientsArea()
    qtbot.addWidget(area)
    area.set_database(db)
    area.show()
    area.welcome.add_button.click()
    qtbot.keyClicks(area.form.email, "ana@example.com")
    qtbot.mouseClick(area.form.save_button, Qt.MouseButton.LeftButton)
    assert area.form.errors.message("name") == "Name is required"
