"""``coachdesk check FILE``: a readable table or JSON; exit 0, 1 or 2."""

from __future__ import annotations

import io
import json
from pathlib import Path

from coachdesk.commands.check import run

WEEK = {
    "format": "coachdesk-template", "version": 1, "name": "Shin care",
    "client": {"name": "Ana", "goal": "race", "race_distance": "marathon",
               "stage": "stability", "injuries": ["shin_splints"], "key_run_days": ["sat"]},
    "exercises": [{"name": "Box Pogo", "laterality": "bilateral", "muscles": ["calves"],
                   "phase": "power", "plyometric": True}],
    "days": {"mon": [{"exercise": "nordic curl", "sets": 3, "reps": 5},
                     {"exercise": "Box Pogo", "sets": 3, "reps": 10},
                     {"exercise": "Goblet Squat", "sets": 3, "reps": 8}]},
}


def write(tmp_path: Path, data: object) -> str:
    path = tmp_path / "week.coachdesk.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_an_error_finding_exits_1_and_prints_a_table(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run(write(tmp_path, WEEK), False, None, out, err) == 1
    text = out.getvalue()
    assert "PLYO_BEFORE_STRENGTH" in text and "Box Pogo (Mon)" in text
    assert "CORE_MISSING_DAY" in text


def test_a_two_exercise_day_is_a_micro_session_that_needs_no_core(tmp_path: Path) -> None:
    week = {**WEEK, "days": {"mon": WEEK["days"]["mon"][:2]}}
    out = io.StringIO()
    run(write(tmp_path, week), False, None, out, io.StringIO())
    text = out.getvalue()
    assert "CORE_MISSING_DAY" not in text and "1 micro-session" in text


def test_json_output_has_findings_and_stats(tmp_path: Path) -> None:
    out = io.StringIO()
    run(write(tmp_path, WEEK), True, None, out, io.StringIO())
    report = json.loads(out.getvalue())
    assert {"findings", "stats"} == set(report)
    assert report["stats"]["working_sets"] == 9
    assert report["findings"][0]["severity"] == "error"


def test_no_error_exits_0(tmp_path: Path) -> None:
    calm = dict(WEEK, client=dict(WEEK["client"], stage="power"))
    assert run(write(tmp_path, calm), False, None, io.StringIO(), io.StringIO()) == 0


def test_an_unknown_exercise_exits_2_naming_the_closest(tmp_path: Path) -> None:
    bad = dict(WEEK, days={"mon": [{"exercise": "Nordik Curl", "sets": 3, "reps": 5}]})
    err = io.StringIO()
    assert run(write(tmp_path, bad), False, None, io.StringIO(), err) == 2
    assert "days.mon[0].exercise" in err.getvalue()
    assert "Nordic Curl" in err.getvalue()


def test_a_broken_file_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "broken.coachdesk.json"
    path.write_text("{not json", encoding="utf-8")
    err = io.StringIO()
    assert run(str(path), False, None, io.StringIO(), err) == 2
    assert "line 1, column 2" in err.getvalue()
