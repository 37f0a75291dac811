"""The plain data a PDF prints: the brand file, the client, every week's numbers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from coachdesk.errors import ValidationError
from coachdesk.export.document import (
    Brand,
    ClientInfo,
    DaySheet,
    ProgramDocument,
    SlotSheet,
    build_document,
)
from coachdesk.progression import WeekPrescription
from coachdesk.vocab import Weekday

from .samples import runner_document, runner_week


def test_a_full_brand_file_is_read_and_a_relative_logo_found_next_to_it(tmp_path) -> None:
    brand = Brand.from_mapping({
        "business_name": " Stride Strength ", "logo": "logo.png", "primary_color": "#23395D",
        "accent_color": "#f25f5c", "email": "coach@stride.example", "phone": "+44 20 7946",
        "website": "stride.example", "footer": "Line one\nline two", "paper": "Letter",
        "units": "lb"}, base_dir=tmp_path)
    assert brand == Brand("Stride Strength", tmp_path / "logo.png", "#23395d", "#f25f5c",
                          "coach@stride.example", "+44 20 7946", "stride.example",
                          "Line one\nline two", "Letter", "lb")


def test_every_brand_key_is_optional() -> None:
    assert Brand.from_mapping({}) == Brand()
    assert Brand.from_mapping({"business_name": "", "logo": None, "email": ""}) == Brand()


@pytest.mark.parametrize(("data", "field"), [
    ({"primary_color": "green"}, "primary_color"), ({"accent_color": "#abc"}, "accent_color"),
    ({"paper": "a4"}, "paper"), ({"units": "KG"}, "units"), ({"phone": "1\r\n2"}, "phone"),
    ({"website": "x" * 301}, "website"), ({"footer": "x" * 2001}, "footer"),
    ({"email": "coach@"}, "email"), ({"logo": ["a.png"]}, "logo"),
    ({"logo": "a.png\nb.png"}, "logo"), ({"primary_colour": "#ffffff"}, "primary_colour"),
])
def test_a_bad_brand_value_names_its_key(data, field) -> None:
    with pytest.raises(ValidationError) as caught:
        Brand.from_mapping(data)
    assert caught.value.field == field


@pytest.mark.parametrize("data", [None, [], "brand", 5])
def test_a_brand_file_must_be_an_object(data) -> None:
    with pytest.raises(ValidationError, match="JSON object"):
        Brand.from_mapping(data)


def test_a_brand_made_in_code_is_checked_too() -> None:
    with pytest.raises(ValidationError) as caught:
        Brand(primary_color="teal")
    assert caught.value.field == "primary_color"
    assert Brand(logo_path="logo.png").logo_path == Path("logo.png")  # type: ignore[arg-type]


def test_the_document_expands_every_slot_into_every_week(tmp_path) -> None:
    document = runner_document(tmp_path, weeks=8)
    assert document.client.first_name == "Zoë" and document.client_name.startswith("Zoë")
    assert document.end_date == date(2027, 4, 25)
    assert [d.weekday for d in document.training_days] == [Weekday.MON, Weekday.WED,
                                                           Weekday.SAT]
    assert len(document.days) == 7
    deadlift = document.training_days[1].slots[0]
    assert deadlift.exercise_name == "Romanian Deadlift" and len(deadlift.weeks) == 8
    # Week 4 is the deload: half of week 3's four sets, and week 3's load again.
    assert [w.load for w in deadlift.weeks[:5]] == ["40 kg", "42.5 kg", "45 kg", "45 kg",
                                                    "50 kg"]
    assert deadlift.weeks[3].sets == 2 and deadlift.weeks[3].note == "Deload"
    names = [e.name for e in document.exercises]
    assert len(names) == len(set(names)) == 13 and names[0] == "Nordic Curl"
    nordic = document.exercises[0]
    assert nordic.image_path == tmp_path / "nordic.jpg" and nordic.video_url
    assert nordic.notes_markdown.startswith("### Setup") and "hamstrings" in nordic.muscles


def test_a_bad_rule_names_the_slot_it_belongs_to() -> None:
    with pytest.raises(ValidationError) as caught:
        build_document(runner_week(), program_name="x", client_name="Ana",
                       start_date=date(2027, 1, 4), weeks=4,
                       progression={"slots": {"wed:1": {"kind": "add_reps", "step": 0}}})
    assert caught.value.field == "progression.wed:1.step"


def test_documents_are_frozen_and_their_lists_become_tuples() -> None:
    week = WeekPrescription(3, 8, None, "", "")
    slot = SlotSheet(1, "Squat", False, None, "", 60, "", None, [week, week])
    day = DaySheet(Weekday.MON, "Legs", [slot])
    document = ProgramDocument("Block", ClientInfo("Ana"), date(2027, 1, 4), 2, [day], [])
    assert isinstance(document.days, tuple) and isinstance(day.slots, tuple)
    assert isinstance(slot.weeks, tuple)
    with pytest.raises(AttributeError):
        document.weeks = 3  # type: ignore[misc]


@pytest.mark.parametrize("weeks", [0, 53, True])
def test_a_program_has_from_one_to_52_weeks(weeks) -> None:
    with pytest.raises(ValidationError) as caught:
        ProgramDocument("Block", ClientInfo("Ana"), date(2027, 1, 4), weeks, ())
    assert caught.value.field == "weeks"


def test_every_slot_has_numbers_for_every_week() -> None:
    slot = SlotSheet(1, "Squat", False, None, "", 60, "", None,
                     (WeekPrescription(3, 8, None, "", ""),))
    with pytest.raises(ValidationError, match="Squat on Monday has 1 weeks"):
        ProgramDocument("Block", ClientInfo("Ana"), date(2027, 1, 4), 2,
                        (DaySheet(Weekday.MON, "", (slot,)),))


@pytest.mark.parametrize(("key", "rule", "field"), [
    ("mon:2", {"kind": "add_load", "step": 2, "units": "kg"}, "load"),  # no starting load
    ("wed:4", {"kind": "add_load", "step": 2, "units": "kg"}, "load"),  # "red band"
    ("wed:0", {"kind": "add_load", "step": 5, "units": "lb"}, "units"),  # "40 kg"
])
def test_a_load_step_the_slot_cannot_follow_names_the_slot(key, rule, field) -> None:
    with pytest.raises(ValidationError) as caught:
        build_document(runner_week(), program_name="x", client_name="Ana",
                       start_date=date(2027, 1, 4), weeks=4, progression={"slots": {key: rule}})
    assert caught.value.field == f"progression.{key}.{field}"


def test_the_document_takes_a_typed_progression_too() -> None:
    from coachdesk.plan import Progression

    stored = {"slots": {"mon:0": {"kind": "add_reps", "step": 1}}, "deload_week": 3}
    typed = build_document(runner_week(), program_name="x", client_name="Ana",
                           start_date=date(2027, 1, 4), weeks=4,
                           progression=Progression.from_json(stored))
    plain = build_document(runner_week(), program_name="x", client_name="Ana",
                           start_date=date(2027, 1, 4), weeks=4, progression=stored)
    assert typed == plain and typed.deload_week == 3
