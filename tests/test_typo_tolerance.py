"""Typos a coach makes: the library and roster searches forgive them, and an unknown
exercise name in a file is answered with "did you mean"."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coachdesk.db import Database
from coachdesk.services import clients as svc
from coachdesk.services.library import ExerciseData, ExerciseRow
from coachdesk.ui.library.area import LibraryArea
from coachdesk.ui.library.model import SPEC as LIBRARY_SPEC
from coachdesk.ui.roster.area import ClientsArea

WEEK = {"format": "coachdesk-template", "version": 1, "name": "Base block",
        "days": {"tue": [{"exercise": "Nordc Curl", "sets": 3, "reps": 5}]}}


def test_check_answers_an_unknown_exercise_with_did_you_mean(tmp_path: Path) -> None:
    path = tmp_path / "week.coachdesk.json"
    path.write_text(json.dumps(WEEK), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "coachdesk", "check", str(path)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert "unknown exercise 'Nordc Curl' — did you mean 'Nordic Curl'?" in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_a_name_like_nothing_gets_no_guess(tmp_path: Path) -> None:
    from coachdesk.formats.resolve import unknown_exercise_message
    from coachdesk.formats.template_file import parse_template
    from coachdesk.library.infos import starter_exercise_infos

    template = parse_template(dict(WEEK))
    message = unknown_exercise_message("Qwxzzy", starter_exercise_infos(), template)
    assert message == "unknown exercise 'Qwxzzy' (no exercise in the library is close)"


@pytest.fixture
def library(qtbot, db: Database) -> LibraryArea:
    area = LibraryArea()
    qtbot.addWidget(area)
    area.set_database(db)
    area.show()
    return area


def test_the_library_search_forgives_a_typo(library, qtbot) -> None:
    qtbot.keyClicks(library.filters.search, "nordc")
    names = [r.name for r in library.model.visible_rows()]
    assert "Nordic Curl" in names
    library.filters.search.clear()
    qtbot.keyClicks(library.filters.search, "nordic")  # an exact word: no guesses mixed in
    assert all("nordic" in library.model._index[k] for k in library.model._visible)
    library.filters.search.clear()
    qtbot.keyClicks(library.filters.search, "qwxzzy")
    assert library.model.visible_count == 0


def test_the_roster_search_forgives_a_typo(qtbot, db) -> None:
    svc.create_client(db, svc.ClientData(name="Ana Río"))
    svc.create_client(db, svc.ClientData(name="Benedikt Okafor"))
    area = ClientsArea()
    qtbot.addWidget(area)
    area.set_database(db)
    area.show()
    qtbot.keyClicks(area.filters.search, "okafro")
    assert [r.name for r in area.model.visible_rows()] == ["Benedikt Okafor"]


def test_a_typo_filters_ten_thousand_exercises_fast(qtbot) -> None:
    from coachdesk.ui.common.filter_table import FilterTableModel

    rows = [ExerciseRow(i, ExerciseData(name=f"Drill {i} Nordic Curl Variation {i % 97}",
                                        primary_muscles=("hamstrings",),
                                        notes=f"slow lowering number {i}"),
                        None, False, 0) for i in range(10_000)]
    model = FilterTableModel(LIBRARY_SPEC.columns, LIBRARY_SPEC.search_text, lambda r: r.id)
    model.set_rows(rows)
    model.set_filter("nordc")  # builds the word list once
    timings = []
    for query in ("nordc", "nordc cur", "variaton", "hamstrng"):
        started = time.perf_counter()
        model.set_filter(query)
        timings.append(time.perf_counter() - started)
        assert model.visible_count == 10_000, query
    assert max(timings) < 0.25, timings
