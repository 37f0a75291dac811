"""Each progression kind is an enum member with one strategy; the rule reads and writes its
stored dict."""

from __future__ import annotations

import pytest

from coachdesk.errors import ValidationError
from coachdesk.progression import (
    STRATEGIES,
    AddLoad,
    AddReps,
    AddSets,
    KeepNumbers,
    ProgressionKind,
    ProgressionRule,
    SlotBase,
    WeekPrescription,
    strategy_for,
)

SQUAT = SlotBase(sets=3, reps=8, load="20 kg")
PLANK = SlotBase(sets=3, seconds=30)


def test_every_kind_has_one_strategy() -> None:
    assert set(STRATEGIES) == set(ProgressionKind)
    assert [k.value for k in ProgressionKind] == ["none", "add_reps", "add_sets", "add_load",
                                                  "note"]


@pytest.mark.parametrize(("kind", "strategy"), [
    (ProgressionKind.NONE, KeepNumbers), (ProgressionKind.NOTE, KeepNumbers),
    (ProgressionKind.ADD_REPS, AddReps), (ProgressionKind.ADD_SETS, AddSets),
    (ProgressionKind.ADD_LOAD, AddLoad),
])
def test_each_kind_maps_to_its_strategy(kind, strategy) -> None:
    assert isinstance(strategy_for(kind), strategy)
    assert isinstance(strategy_for(kind.value), strategy)


def test_keep_numbers_never_changes_anything() -> None:
    for kind in (ProgressionKind.NONE, ProgressionKind.NOTE):
        rule = ProgressionRule(kind)
        assert strategy_for(kind).planned(SQUAT, rule, 7) == WeekPrescription(3, 8, None,
                                                                              "20 kg")


def test_add_reps_grows_reps_or_hold_seconds() -> None:
    rule = ProgressionRule(ProgressionKind.ADD_REPS, 2, every=2)
    assert AddReps().planned(SQUAT, rule, 5).reps == 12
    assert AddReps().planned(PLANK, rule, 5).seconds == 50
    assert AddReps().planned(SlotBase(sets=2), rule, 5) == WeekPrescription(2, None, None, "")


def test_add_sets_grows_sets() -> None:
    rule = ProgressionRule(ProgressionKind.ADD_SETS, 1)
    assert AddSets().planned(SQUAT, rule, 4).sets == 6


def test_add_load_grows_the_load_and_prints_its_unit_from_week_one() -> None:
    rule = ProgressionRule(ProgressionKind.ADD_LOAD, 5, units="lb")
    assert AddLoad().planned(SlotBase(3, 8, load="20"), rule, 1).load == "20 lb"
    assert AddLoad().planned(SlotBase(3, 8, load="20"), rule, 3).load == "30 lb"
    with pytest.raises(ValidationError) as caught:
        AddLoad().planned(SlotBase(3, 8, load="red band"), rule, 1)
    assert caught.value.field == "load"


def test_the_kind_is_an_enum_and_still_equals_its_stored_text() -> None:
    rule = ProgressionRule.from_mapping({"kind": "add_sets", "step": 1})
    assert rule.kind is ProgressionKind.ADD_SETS and rule.kind == "add_sets"
    with pytest.raises(ValidationError, match="none, add_reps, add_sets, add_load, note"):
        ProgressionRule("add_weight")  # type: ignore[arg-type]


@pytest.mark.parametrize("stored", [
    {"kind": "none"},
    {"kind": "note", "notes": {"3": "raise the box"}},
    {"kind": "add_reps", "step": 1},
    {"kind": "add_sets", "step": 2, "every": 3},
    {"kind": "add_load", "step": 2.5, "units": "kg", "notes": {"2": "slow"}},
])
def test_a_rule_writes_the_dict_it_was_read_from(stored) -> None:
    assert ProgressionRule.from_mapping(stored).to_mapping() == stored


def test_a_rule_writes_no_step_for_kinds_that_ignore_it_nor_a_borrowed_unit() -> None:
    assert ProgressionRule.from_mapping({"kind": "note", "step": 1}).to_mapping() == \
        {"kind": "note"}
    rule = ProgressionRule.from_mapping({"kind": "add_load", "step": 5})
    assert rule.with_units("lb").units == "lb" and rule.with_units("lb").to_mapping()["units"]
    assert rule.to_mapping() == {"kind": "add_load", "step": 5}
    assert ProgressionRule("add_load", 5, units="kg").with_units("lb").units == "kg"
