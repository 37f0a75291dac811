"""The typed program plan: slot keys, the frozen week and its progression, versioned JSON."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coachdesk.errors import ValidationError
from coachdesk.formats.template_file import SlotEntry, TemplateFile
from coachdesk.plan import (
    PLAN_VERSION,
    SNAPSHOT_VERSION,
    ProgramPlan,
    Progression,
    SlotKey,
    slot_entries,
)
from coachdesk.progression import ProgressionKind, ProgressionRule, SlotRuleError
from coachdesk.vocab import WEEKDAYS, Weekday

WEEK = TemplateFile(name="Race week", days={
    Weekday.MON: (SlotEntry("Nordic Curl", 3, 5, tempo="4-0-1-0"),
                  SlotEntry("Calf Raise", 3, 15, load="20 kg")),
    Weekday.THU: (SlotEntry("Side Plank", 3, seconds=30, per_side=True),),
}, day_titles={Weekday.MON: "Full body A"})
MATERIAL = {"Nordic Curl": {"notes": "### Setup", "load_type": "bodyweight"},
            "Calf Raise": {"notes": "", "load_type": "external"}}


def plan(**changes) -> ProgramPlan:
    fields = {"week": WEEK, "exercises": MATERIAL, "weeks": 6, "start_date": date(2026, 12, 7),
              "deload_week": 4,
              "rules": {SlotKey(Weekday.MON, 0): ProgressionRule("add_reps", 1),
                        SlotKey(Weekday.MON, 1): ProgressionRule("add_load", 2.5, 2, "kg",
                                                                 {3: "slow down"})}}
    return ProgramPlan(**{**fields, **changes})


# --- slot keys ----------------------------------------------------------------------------


@given(st.sampled_from(WEEKDAYS), st.integers(0, 500))
def test_a_slot_key_prints_and_parses_back(weekday, position) -> None:
    key = SlotKey(weekday, position)
    assert SlotKey.parse(str(key)) == key


def test_a_slot_key_reads_like_the_stored_keys() -> None:
    assert str(SlotKey(Weekday.MON, 0)) == "mon:0"
    assert SlotKey.parse("thu:12") == SlotKey(Weekday.THU, 12)
    assert SlotKey.parse(" Tue:3 ") == SlotKey(Weekday.TUE, 3)
    assert sorted([SlotKey.parse("thu:0"), SlotKey.parse("mon:2"), SlotKey.parse("mon:1")]) \
        == [SlotKey.parse("mon:1"), SlotKey.parse("mon:2"), SlotKey.parse("thu:0")]


@pytest.mark.parametrize("text", ["", "mon", "mon:", ":0", "mon:-1", "mon:x", "funday:0",
                                  "mon:0:1", "mon:1.5", "mon: 1", 5, None])
def test_a_bad_slot_key_is_refused_with_what_a_key_looks_like(text) -> None:
    with pytest.raises(ValidationError) as caught:
        SlotKey.parse(text)
    assert caught.value.field == "slot" and "mon:0" in caught.value.message


def test_a_slot_key_checks_its_parts() -> None:
    with pytest.raises(ValidationError):
        SlotKey(Weekday.MON, -1)
    with pytest.raises(ValidationError):
        SlotKey("someday", 0)  # type: ignore[arg-type]
    assert SlotKey("wed", 1).weekday is Weekday.WED  # type: ignore[arg-type]


def test_slot_entries_walk_the_week_in_order() -> None:
    assert [str(k) for k, _e in slot_entries(WEEK)] == ["mon:0", "mon:1", "thu:0"]


# --- progression ----------------------------------------------------------------------------


def test_progression_json_is_the_stored_shape_and_omits_what_is_empty() -> None:
    stored = {"slots": {"mon:0": {"kind": "add_reps", "step": 1},
                        "mon:1": {"kind": "add_load", "step": 2.5}}, "deload_week": 4}
    progression = Progression.from_json(stored)
    assert progression.rule(SlotKey(Weekday.MON, 1)).kind is ProgressionKind.ADD_LOAD
    assert progression.rule(SlotKey(Weekday.THU, 0)) == ProgressionRule()
    assert progression.to_json() == stored
    assert Progression.from_json({}).to_json() == {}
    assert Progression.from_json({"slots": {}, "deload_week": None}).to_json() == {}


def test_a_bad_rule_in_the_progression_names_its_slot() -> None:
    with pytest.raises(SlotRuleError) as caught:
        Progression.from_json({"slots": {"thu:0": {"kind": "add_reps", "step": 0}}})
    assert caught.value.slot == "thu:0" and caught.value.field == "step"
    with pytest.raises(ValidationError) as bad_key:
        Progression.from_json({"slots": {"monday-0": {"kind": "none"}}})
    assert bad_key.value.field == "slot"


@pytest.mark.parametrize("deload", [0, -1, 53, "4", True, 2.5])
def test_a_bad_deload_week_is_refused(deload) -> None:
    with pytest.raises(ValidationError) as caught:
        Progression.from_json({"deload_week": deload})
    assert caught.value.field == "deload_week"


# --- the plan ----------------------------------------------------------------------------


def test_the_plan_round_trips_through_json() -> None:
    original = plan()
    data = original.to_json()
    assert data["version"] == PLAN_VERSION
    text = json.dumps(data)  # plain JSON: no dates, enums or int keys left
    assert ProgramPlan.from_json(json.loads(text)) == original


@given(weeks=st.integers(1, 52), data=st.data())
def test_any_plan_round_trips(weeks, data) -> None:
    deload = data.draw(st.none() | st.integers(1, weeks))
    kinds = st.sampled_from(list(ProgressionKind))
    rules = {}
    for key, _entry in slot_entries(WEEK):
        kind = data.draw(kinds)
        if kind is ProgressionKind.ADD_LOAD and key != SlotKey(Weekday.MON, 1):
            continue
        step = 2.5 if kind is ProgressionKind.ADD_LOAD else data.draw(st.integers(1, 20))
        notes = data.draw(st.dictionaries(st.integers(1, 52), st.sampled_from(["easy", "box"]),
                                          max_size=3))
        rules[key] = ProgressionRule(kind, step, data.draw(st.integers(1, 12)), "kg", notes)
    original = plan(weeks=weeks, deload_week=deload, rules=rules,
                    start_date=data.draw(st.dates(date(2000, 1, 1), date(2100, 1, 1))))
    assert ProgramPlan.from_json(json.loads(json.dumps(original.to_json()))) == original


@pytest.mark.parametrize(("version", "said"), [(3, "version 3"), (0, "version 0"),
                                               ("2", "version '2'")])
def test_an_unknown_version_is_refused_naming_the_versions_read(version, said) -> None:
    data = {**plan().to_json(), "version": version}
    with pytest.raises(ValidationError) as caught:
        ProgramPlan.from_json(data)
    assert caught.value.field == "version"
    assert said in caught.value.message and f"version {PLAN_VERSION}" in caught.value.message


def test_a_missing_version_is_refused() -> None:
    data = plan().to_json()
    del data["version"]
    with pytest.raises(ValidationError) as caught:
        ProgramPlan.from_json(data)
    assert caught.value.field == "version" and "no version" in caught.value.message
    with pytest.raises(ValidationError, match="version"):
        ProgramPlan.from_json(["not", "a", "plan"])


def test_an_old_stored_snapshot_still_loads() -> None:
    """What services/programs.py wrote before the plan existed: version 1, the week in the
    template file shape (itself version 1 here) and the exercises' material."""
    old = {"version": 1,
           "week": {"format": "coachdesk-template", "version": 1, "name": "Race week",
                    "titles": {"mon": "Full body A"},
                    "days": {"mon": [{"exercise": "Nordic Curl", "sets": 3, "reps": 5}]}},
           "exercises": {"Nordic Curl": {"notes": "### Setup", "load_type": "bodyweight"}}}
    loaded = ProgramPlan.from_stored(old, {"slots": {"mon:0": {"kind": "add_reps", "step": 1}},
                                           "deload_week": 3},
                                     weeks=4, start_date=date(2026, 12, 7))
    assert loaded.week.day_titles[Weekday.MON] == "Full body A"
    assert loaded.rule(SlotKey(Weekday.MON, 0)).kind is ProgressionKind.ADD_REPS
    assert loaded.deload_week == 3 and loaded.weeks == 4
    assert loaded.exercises["Nordic Curl"]["load_type"] == "bodyweight"
    # The stored columns are written back in the same shape, at the snapshot's version.
    assert loaded.snapshot_json()["version"] == SNAPSHOT_VERSION == 1
    assert loaded.progression_json() == {"slots": {"mon:0": {"kind": "add_reps", "step": 1}},
                                         "deload_week": 3}
    assert ProgramPlan.from_json(json.loads(json.dumps(loaded.to_json()))) == loaded


def test_a_stored_snapshot_of_an_unknown_version_is_refused() -> None:
    snapshot = {**plan().snapshot_json(), "version": 9}
    with pytest.raises(ValidationError) as caught:
        ProgramPlan.from_stored(snapshot, {}, weeks=4, start_date=date(2026, 12, 7))
    assert "version 9" in caught.value.message and "version 1" in caught.value.message
    with pytest.raises(ValidationError, match="no version"):
        ProgramPlan.from_stored({"week": snapshot["week"]}, {}, weeks=4,
                                start_date=date(2026, 12, 7))


def test_the_plan_checks_its_weeks_deload_and_slots() -> None:
    with pytest.raises(ValidationError, match="week from 1 to 6") as caught:
        plan(deload_week=9)
    assert caught.value.field == "deload_week"
    with pytest.raises(ValidationError) as caught:
        plan(weeks=0)
    assert caught.value.field == "weeks"
    with pytest.raises(ValidationError, match="tue:0") as caught:
        plan(rules={SlotKey(Weekday.TUE, 0): ProgressionRule("add_reps", 1)})
    assert caught.value.field == "slots"


def test_the_plan_checks_each_rule_against_its_slot_and_exercise() -> None:
    bodyweight = plan(rules={SlotKey(Weekday.MON, 0): ProgressionRule("add_load", 2.5,
                                                                      units="kg")})
    with pytest.raises(SlotRuleError) as caught:
        bodyweight.check_rules()
    assert caught.value.slot == "mon:0" and caught.value.field == "kind"
    assert caught.value.message.startswith("Mon · Nordic Curl: ")
    unitless = plan(rules={SlotKey(Weekday.MON, 1): ProgressionRule("add_load", 2.5)},
                    week=TemplateFile(name="w", days={Weekday.MON: (
                        SlotEntry("Nordic Curl", 3, 5), SlotEntry("Calf Raise", 3, 15,
                                                                  load="20"))}))
    with pytest.raises(SlotRuleError) as caught:
        unitless.check_rules()
    assert caught.value.field == "units"
    unitless.check_rules(units="kg")  # the coach's unit fills in


def test_every_slot_comes_with_its_rule() -> None:
    rows = [(str(k), e.exercise, r.kind) for k, e, r in plan().slots()]
    assert rows == [("mon:0", "Nordic Curl", "add_reps"), ("mon:1", "Calf Raise", "add_load"),
                    ("thu:0", "Side Plank", "none")]


def test_a_plan_with_new_progression_keeps_the_rest() -> None:
    changed = plan().with_progression(Progression(deload_week=None))
    assert changed.rules == {} and changed.deload_week is None
    assert changed.week == WEEK and changed.weeks == 6


def test_progression_from_its_stored_dict_is_checked_and_named_by_day_and_exercise() -> None:
    checked = plan(rules={}).with_progression_json(
        {"slots": {"mon:1": {"kind": "add_load", "step": 2.5}}, "deload_week": 2}, units="kg")
    assert checked.rule(SlotKey(Weekday.MON, 1)).units == ""  # the coach's unit is not stored
    assert checked.progression_json() == {"slots": {"mon:1": {"kind": "add_load",
                                                              "step": 2.5}},
                                          "deload_week": 2}
    with pytest.raises(SlotRuleError) as caught:
        plan().with_progression_json({"slots": {"thu:0": {"kind": "add_reps", "step": 0}}})
    assert caught.value.slot == "thu:0" and caught.value.field == "step"
    assert caught.value.message.startswith("Thu · Side Plank: ")
    with pytest.raises(ValidationError, match="week from 1 to 6"):
        plan().with_progression_json({"deload_week": 9})
