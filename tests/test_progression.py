"""A slot's numbers week by week: each kind of progression, the deload week, and the
clear errors a bad rule gives."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
    ("12,5 kg", "", "22.5 kg"),
    ("bodyweight + 10 kg", "kg", "bodyweight + 20 kg"),
    ("20 lbs", "lb", "30 lbs"),
])
def test_add_load_with_loads_written_in_different_ways(load, units, week3) -> None:
    rule = ProgressionRule(kind="add_load", step=5, units=units)
    assert week_prescription(SlotBase(3, 8, load=load), rule, 3).load == week3


@pytest.mark.parametrize("load", ["", "   ", "red band", "bodyweight"])
def test_add_load_without_a_numeric_starting_load_is_refused(load) -> None:
    """Never "+2.5" with no unit: a load step needs a load to grow from."""
    rule = ProgressionRule(kind="add_load", step=2.5, units="kg")
    for week in (1, 3):
        with pytest.raises(ValidationError) as caught:
            week_prescription(SlotBase(3, 8, load=load), rule, week)
        assert caught.value.field == "load"
        assert "give a starting load such as 20 kg" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        validate_rule({"kind": "add_load", "step": 2.5}, slot=SlotBase(3, 8, load=load),
                      units="kg")
    assert caught.value.field == "load"


def test_a_load_without_a_unit_takes_the_coachs_unit() -> None:
    # The rule names no unit: the coach's unit (passed as the fallback) is printed.
    rule = ProgressionRule.from_mapping({"kind": "add_load", "step": 5}, units="lb")
    loads = [w.load for w in program_weeks(SlotBase(3, 8, load="20"), rule, 3)]
    assert loads == ["20 lb", "25 lb", "30 lb"]


def test_a_load_step_with_no_unit_anywhere_is_refused() -> None:
    rule = ProgressionRule(kind="add_load", step=5)
    with pytest.raises(ValidationError) as caught:
        week_prescription(SlotBase(3, 8, load="20"), rule, 2)
    assert caught.value.field == "units" and "kg or lb" in caught.value.message


def test_a_load_in_another_unit_than_the_step_is_refused() -> None:
    rule = ProgressionRule(kind="add_load", step=5, units="kg")
    with pytest.raises(ValidationError) as caught:
        week_prescription(SlotBase(3, 8, load="45 lb"), rule, 2)
    assert caught.value.field == "units"


@pytest.mark.parametrize("exercise", [{"load_type": "bodyweight"},
                                      {"external_load": "bodyweight"},
                                      {"load_type": "external", "external_load": "bodyweight"}])
def test_add_load_on_a_bodyweight_exercise_is_refused_with_what_to_do_instead(
        exercise) -> None:
    slot = SlotBase(3, 8, load="10 kg")
    with pytest.raises(ValidationError) as caught:
        validate_rule({"kind": "add_load", "step": 2.5, "units": "kg"}, slot=slot,
                      exercise=exercise, name="Nordic Curl")
    assert caught.value.field == "kind"
    message = caught.value.message
    assert "Nordic Curl" in message and "bodyweight" in message
    assert all(word in message for word in ("add reps", "tempo", "hold time"))


def test_add_load_is_fine_on_a_loaded_exercise_and_other_kinds_on_bodyweight() -> None:
    slot = SlotBase(3, 8, load="20 kg")
    assert validate_rule({"kind": "add_load", "step": 2.5}, slot=slot,
                         exercise={"load_type": "external"}, units="kg").units == "kg"
    for kind in ("add_reps", "add_sets", "note", "none"):
        validate_rule({"kind": kind}, slot=SlotBase(3, 8), exercise={"load_type": "bodyweight"})


def test_note_kind_prints_a_note_in_the_chosen_weeks_only() -> None:
    rule = {"kind": "note", "notes": {"3": "raise the box 5 cm", 5: "hold a 4 kg plate"}}
    notes = [w[4] for w in numbers(SQUAT, rule)]
    assert notes == ["", "", "raise the box 5 cm", "", "hold a 4 kg plate", ""]
    assert {w[:4] for w in numbers(SQUAT, rule)} == {(3, 8, None, "20 kg")}


def test_the_deload_week_halves_the_sets_and_repeats_the_week_befores_reps() -> None:
    weeks = numbers(SQUAT, {"kind": "add_reps", "step": 1}, 6, deload=4)
    assert weeks[3] == (2, 10, None, "20 kg", "Deload")
    assert weeks[2] == (3, 10, None, "20 kg", "")
    assert weeks[4][:2] == (3, 12) and weeks[5][:2] == (3, 13)  # carries on as planned


def test_the_deload_week_repeats_the_week_befores_load() -> None:
    weeks = numbers(SQUAT, {"kind": "add_load", "step": 2.5, "units": "kg"}, 6, deload=4)
    assert [w[3] for w in weeks] == ["20 kg", "22.5 kg", "25 kg", "25 kg", "30 kg", "32.5 kg"]
    assert weeks[3] == (2, 8, None, "25 kg", "Deload")


def test_the_deload_week_repeats_the_week_befores_hold() -> None:
    weeks = numbers(PLANK, {"kind": "add_reps", "step": 1}, 5, deload=3)
    assert [(w[0], w[2]) for w in weeks] == [(3, 30), (3, 35), (2, 35), (3, 45), (3, 50)]


def test_a_deload_in_week_one_halves_week_ones_sets() -> None:
    weeks = numbers(SlotBase(5, 6, load="40 kg"), {"kind": "add_load", "step": 5,
                                                   "units": "kg"}, 3, deload=1)
    assert weeks[0] == (3, 6, None, "40 kg", "Deload")
    assert [w[3] for w in weeks[1:]] == ["45 kg", "50 kg"]


@pytest.mark.parametrize(("sets", "deload"), [(1, 1), (2, 1), (3, 2), (4, 2), (5, 3),
                                              (6, 3), (7, 4), (10, 5)])
def test_deload_sets_are_half_rounded_up_and_never_zero(sets, deload) -> None:
    assert deload_sets(sets) == deload


def test_a_deload_week_keeps_that_weeks_note() -> None:
    rule = {"kind": "add_sets", "step": 1, "notes": {"4": "easy pace"}}
    week = week_prescription(SQUAT, rule, 4, deload_week=4)
    # Week 3 has 5 sets; the deload halves those (not week 4's planned 6).
    assert week.sets == 3 and week.note == "Deload · easy pace" and week.is_deload


def _load_number(load: str) -> float:
    return float(re.findall(r"\d+(?:[.,]\d+)?", load)[0].replace(",", "."))


@st.composite
def slots_and_rules(draw):
    sets = draw(st.integers(1, 12))
    timed = draw(st.booleans())
    reps = None if timed else draw(st.integers(1, 30))
    seconds = draw(st.integers(5, 120)) if timed else None
    kind = draw(st.sampled_from(["none", "add_reps", "add_sets", "add_load", "note"]))
    load = draw(st.sampled_from(["", "red band"])) if kind != "add_load" else ""
    if kind == "add_load" or draw(st.booleans()):
        number = f"{draw(st.integers(0, 2000)) / 10:g}"
        load = draw(st.sampled_from([f"{number} kg", f"2 × {number} kg", number]))
    step = (draw(st.floats(0.5, 100).map(lambda x: round(x, 1))) if kind == "add_load"
            else draw(st.integers(1, 20)))
    rule = ProgressionRule(kind=kind, step=step, every=draw(st.integers(1, 12)),
                           units=draw(st.sampled_from(["kg", ""])) if "kg" in load else "kg")
    return SlotBase(sets, reps, seconds, load), rule


@given(slots_and_rules(), st.integers(2, 52), st.data())
def test_a_deload_week_never_does_more_than_the_week_before(slot_rule, deload, data) -> None:
    slot, rule = slot_rule
    weeks = program_weeks(slot, rule, data.draw(st.integers(deload, 52)), deload)
    before, week = weeks[deload - 2], weeks[deload - 1]
    assert week.is_deload and not before.is_deload
    assert week.sets < before.sets or week.sets == before.sets == 1
    if before.reps is not None:
        assert week.reps is not None and week.reps <= before.reps
    if before.seconds is not None:
        assert week.seconds is not None and week.seconds <= before.seconds
    if re.search(r"\d", before.load):
        assert _load_number(week.load) <= _load_number(before.load)


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
