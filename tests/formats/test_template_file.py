"""The .coachdesk.json format: precise errors, and export → import round-trips exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coachdesk.formats import TemplateFormatError, dumps_template, loads_template
from coachdesk.formats.template_file import read_template_file, write_template_file

EXAMPLE = {
    "format": "coachdesk-template", "version": 1,
    "name": "In-season 2x full body", "notes": "",
    "client": {"name": "Ana", "goal": "race", "race_distance": "marathon",
               "stage": "strength", "injuries": ["shin_splints"],
               "key_run_days": ["tue", "sat"]},
    "exercises": [{"name": "Wall Sit Hold", "laterality": "bilateral",
                   "muscles": ["quads"], "phase": "stability", "plyometric": False,
                   "eccentric": False, "core_plane": None}],
    "days": {"mon": [{"exercise": "Nordic Curl", "sets": 3, "reps": 5,
                      "per_side": False, "side": None, "tempo": "5-0-1-0",
                      "load": "bodyweight", "intensity": "moderate",
                      "rest_s": 90, "notes": ""}],
             "thu": []},
}


def with_change(path: list[str | int], value: object) -> str:
    data = json.loads(json.dumps(EXAMPLE))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return json.dumps(data, ensure_ascii=False)


def test_the_example_from_the_spec_reads() -> None:
    template = loads_template(json.dumps(EXAMPLE))
    assert template.name == "In-season 2x full body"
    assert template.client is not None and template.client.injuries == ("shin_splints",)
    assert template.days["mon"][0].tempo == "5-0-1-0"
    assert template.days["thu"] == ()
    assert template.exercises[0].name == "Wall Sit Hold"


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ('{"format": "coachdesk-template",\n "version": 1,\n "name": "x" "days": {}}',
         "line 3, column 14", "invalid JSON"),
        (with_change(["days", "mon", 0, "sets"], 0), "days.mon[0].sets",
         "must be a whole number ≥ 1"),
        (with_change(["days", "mon", 0, "sets"], "3"), "days.mon[0].sets", "whole number"),
        (with_change(["days", "mon", 0, "side"], "middle"), "days.mon[0].side",
         '"middle" is not one of: left, right'),
        (with_change(["days", "funday"], []), "days.funday", "unknown field"),
        (with_change(["client", "goal"], "fun"), "client.goal", "is not one of"),
        (with_change(["exercises", 0, "muscles"], []), "exercises[0].muscles",
         "at least one muscle"),
        (with_change(["format"], "something-else"), "format", "not a CoachDesk template"),
        (with_change(["version"], 7), "version", "not supported"),
        (with_change(["name"], "  "), "name", "must not be empty"),
        (with_change(["days", "mon", 0, "reps"], None), "days.mon[0].reps",
         "give reps or seconds"),
    ],
)
def test_a_bad_file_gets_a_precise_message(text: str, where: str, words: str) -> None:
    with pytest.raises(TemplateFormatError) as caught:
        loads_template(text, "week.coachdesk.json")
    assert caught.value.where == where
    assert words in caught.value.message
    assert str(caught.value).startswith("week.coachdesk.json: ")


def test_export_then_import_round_trips_exactly(tmp_path: Path) -> None:
    template = loads_template(json.dumps(EXAMPLE))
    path = write_template_file(template, tmp_path / "week.coachdesk.json")
    again = read_template_file(path)
    assert again == template
    assert dumps_template(again) == path.read_text(encoding="utf-8")


def test_unicode_names_survive(tmp_path: Path) -> None:
    text = with_change(["name"], "Семана 1 — 跑步 💪 أسبوع")
    path = write_template_file(loads_template(text), tmp_path / "w.coachdesk.json")
    assert read_template_file(path).name == "Семана 1 — 跑步 💪 أسبوع"


def test_a_file_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin1.coachdesk.json"
    path.write_bytes(with_change(["name"], "Semana ñ").encode("latin-1"))
    with pytest.raises(TemplateFormatError, match="not UTF-8"):
        read_template_file(path)


EXAMPLE_V2 = {
    **json.loads(json.dumps(EXAMPLE)),
    "version": 2,
    "exercises": [{"name": "Wall Sit Hold", "laterality": "bilateral", "muscles": ["quads"],
                   "secondary_muscles": ["glutes"], "pattern": "squat", "impact": "low",
                   "external_load": "bodyweight", "phase": "stability", "plyometric": False,
                   "eccentric": False, "core_plane": None}],
    "micro": ["thu"],
}


def test_version_2_carries_movement_fields_and_micro_sessions(tmp_path: Path) -> None:
    template = loads_template(json.dumps(EXAMPLE_V2))
    wall_sit = template.exercises[0]
    assert (wall_sit.pattern, wall_sit.impact, wall_sit.external_load) == \
        ("squat", "low", "bodyweight")
    assert wall_sit.secondary_muscles == ("glutes",)
    assert template.micro_days == ("thu",)
    path = write_template_file(template, tmp_path / "week.coachdesk.json")
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["version"] == 4 and written["micro"] == ["thu"]
    assert read_template_file(path) == template


def test_a_version_1_file_still_reads_and_is_written_as_version_2(tmp_path: Path) -> None:
    template = loads_template(json.dumps(EXAMPLE))
    assert template.exercises[0].pattern is None  # guessed where it is used
    path = write_template_file(template, tmp_path / "old.coachdesk.json")
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 4


@pytest.mark.parametrize(
    ("data", "where", "words"),
    [
        ({**EXAMPLE_V2, "version": 5}, "version", "reads versions 1 to 4"),
        ({**EXAMPLE, "micro": ["thu"]}, "micro", "version 2 field"),
        ({**EXAMPLE_V2, "micro": ["someday"]}, "micro[0]", "not one of"),
        ({**EXAMPLE_V2, "exercises": [{**EXAMPLE_V2["exercises"][0], "pattern": "twirl"}]},
         "exercises[0].pattern", '"twirl" is not one of: squat'),
        ({**EXAMPLE_V2, "exercises": [{k: v for k, v in EXAMPLE_V2["exercises"][0].items()
                                       if k != "pattern"}]},
         "exercises[0].pattern", "is required"),
        ({**EXAMPLE, "exercises": [{**EXAMPLE["exercises"][0], "pattern": "squat"}]},
         "exercises[0].pattern", "unknown field"),
    ],
)
def test_version_2_fields_get_precise_messages(data: dict, where: str, words: str) -> None:
    with pytest.raises(TemplateFormatError) as caught:
        loads_template(json.dumps(data), "week.coachdesk.json")
    assert caught.value.where == where
    assert words in caught.value.message


def test_version_3_groups_slots_and_older_files_may_not() -> None:
    v3 = {**json.loads(json.dumps(EXAMPLE_V2)), "version": 3}
    v3["days"]["mon"][0]["group"] = 2
    assert loads_template(json.dumps(v3)).days["mon"][0].group == 2
    v2 = json.loads(json.dumps(EXAMPLE_V2))
    v2["days"]["mon"][0]["group"] = 2
    with pytest.raises(TemplateFormatError) as caught:
        loads_template(json.dumps(v2))
    assert caught.value.where == "days.mon[0].group"
    v3["days"]["mon"][0]["group"] = 0
    with pytest.raises(TemplateFormatError, match="whole number"):
        loads_template(json.dumps(v3))
