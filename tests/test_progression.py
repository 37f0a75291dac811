"""A slot's numbers week by week: each kind of progression, the deload week, and the
clear errors a bad rule gives."""

from __future__ import annotations

import pytest

from coachdesk.errors import ValidationError
from coachdesk.progression import (
    ProgressionRule,
    SlotBase,
    WeekPrescription,
    deload_sets,
    program_weeks,
    validate_rule,
    week_prescription,
)

SQUAT = SlotBase(sets=3, reps=8, load="20 kg")
PLANK = SlotBase(sets=3, seconds=30)


def numbers(slot: SlotBase, rule: dict | None, weeks: int = 6,
            deload: int | None = None) -> list[tuple]:
    return [(w.sets, w.reps, w.seconds, w.load, w.note)
            for w in program_weeks(slot, rule, weeks, deload)]


def test_no_rule_repeats_week_one() -> None:
    assert week_prescription(SQUAT, None, 5) == WeekPrescription(3, 8, None, "20 kg", "")
    assert week_prescription(SQUAT, {"kind": "none"}, 5) == week_prescription(SQUAT, None, 1)


def test_add_reps_adds_a_step_every_week_or_every_few_weeks() -> None:
    assert [w[1] for w in numbers(SQUAT, {"kind": "add_reps", "step": 2})] == \
        [8, 10, 12, 14, 16, 18]
    assert [w[1] for w in numbers(SQUAT, {"kind": "add_reps", "step": 1, "every": 2})] == \
        [8, 8, 9, 9, 10, 10]


def test_add_reps_on_a_timed_hold_adds_seconds() -> None:
    assert [w[2] for w in numbers(PLANK, {"kind": "add_reps", "step": 1}, 4)] == \
        [30, 35, 40, 45]


def test_add_sets() -> None:
    assert [w[0] for w in numbers(SQUAT, {"kind": "add_sets", "step": 1, "every": 2})] == \
        [3, 3, 4, 4, 5, 5]


def test_add_load_keeps_the_loads_own_units() -> None:
    loads = [w[3] for w in numbers(SQUAT, {"kind": "add_load", "step": 2.5, "units": "kg"}, 4)]
    assert loads == ["20 kg", "22.5 kg", "25 kg", "27.5 kg"]


@pytest.mark.parametrize(("load", "units", "week3"), [
    ("20", "lb", "30 lb"),
    ("2 × 10 kg", "kg", "2 × 20 kg"),  # the first number is the one that grows
    ("", "kg", "+10 kg"),
    ("red band", "kg", "red band +10 kg"),
    ("12,5 kg", "", "22.5 kg"),
])
def test_add_load_with_loads_written_in_different_ways(load, units, week3) -> None:
    rule = ProgressionRule(kind="add_load", step=5, units=units)
    assert week_prescription(SlotBase(3, 8, load=load), rule, 3).load == week3


def test_note_kind_prints_a_note_in_the_chosen_weeks_only() -> None:
    rule = {"kind": "note", "notes": {"3": "raise the box 5 cm", 5: "hold a 4 kg plate"}}
    notes = [w[4] for w in numbers(SQUAT, rule)]
    assert notes == ["", "", "raise the box 5 cm", "", "hold a 4 kg plate", ""]
    assert {w[:4] for w in numbers(SQUAT, rule)} == {(3, 8, None, "20 kg")}


def test_the_deload_week_has_about_forty_percent_fewer_sets_and_the_same_reps() -> None:
    weeks = numbers(SQUAT, {"kind": "add_reps", "step": 1}, 6, deload=4)
    assert weeks[3] == (2, 11, None, "20 kg", "Deload")
    assert weeks[2][:2] == (3, 10) and weeks[4][:2] == (3, 12)


@pytest.mark.parametrize(("sets", "deload"), [(1, 1), (2, 1), (3, 2), (4, 2), (5, 3),
                                              (6, 4), (10, 6)])
def test_deload_sets_are_rounded_and_never_zero(sets, deload) -> None:
    assert deload_sets(sets) == deload


def test_a_deload_week_keeps_that_weeks_note() -> None:
    rule = {"kind": "add_sets", "step": 1, "notes": {"4": "easy pace"}}
    week = week_prescription(SQUAT, rule, 4, deload_week=4)
    assert week.sets == 4 and week.note == "Deload · easy pace" and week.is_deload


def test_rules_read_from_stored_dicts_equal_the_dataclass() -> None:
    stored = {"kind": "add_load", "step": 2.5, "units": "kg", "notes": {"2": "  slow\n down "}}
    assert validate_rule(stored) == ProgressionRule("add_load", 2.5, 1, "kg", {2: "slow down"})


@pytest.mark.parametrize(("rule", "field"), [
    ({"kind": "add_weight"}, "kind"),
    ({"kind": "add_reps", "step": 0}, "step"),
    ({"kind": "add_reps", "step": 1.5}, "step"),
    ({"kind": "add_sets", "step": True}, "step"),
    ({"kind": "add_load", "step": -2}, "step"),
    ({"kind": "add_load", "step": float("nan")}, "step"),
    ({"kind": "add_load", "step": "2.5"}, "step"),
    ({"kind": "add_reps", "every": 0}, "every"),
    ({"kind": "add_load", "step": 2, "units": "kg\nBcc"}, "units"),
    ({"kind": "note", "notes": {"week three": "x"}}, "notes"),
    ({"kind": "note", "notes": {"60": "x"}}, "notes"),
    ({"kind": "note", "notes": {"3": 42}}, "notes"),
    ({"kind": "note", "notes": {"3": "x" * 201}}, "notes"),
    ({"kind": "note", "notes": ["x"]}, "notes"),
    ({"kind": "note", "colour": "red"}, "colour"),
])
def test_a_bad_rule_is_a_validation_error_naming_the_field(rule, field) -> None:
    with pytest.raises(ValidationError) as caught:
        week_prescription(SQUAT, rule, 1)
    assert caught.value.field == field


@pytest.mark.parametrize(("week", "deload", "field"), [(0, None, "week_number"),
                                                       (53, None, "week_number"),
                                                       (2, 0, "deload_week"),
                                                       (True, None, "week_number")])
def test_week_numbers_are_checked(week, deload, field) -> None:
    with pytest.raises(ValidationError) as caught:
        week_prescription(SQUAT, None, week, deload)
    assert caught.value.field == field


def test_prescriptions_are_frozen() -> None:
    week = week_prescription(SQUAT, None, 1)
    with pytest.raises(AttributeError):
        week.sets = 5  # type: ignore[misc]
