"""Default prescriptions follow the movement (pattern, impact, laterality, phase), checked on
the shipped starter library."""

from __future__ import annotations

import pytest

from coachdesk.library.starter import starter_entries, with_movement
from coachdesk.prescriptions import Movement, Prescription, default_prescription
from coachdesk.vocab import Impact, Laterality, Pattern, Phase

STARTER = {e["name"]: with_movement(e) for e in starter_entries()}


def defaults(name: str, sets: int = 4, rest_s: int = 100) -> Prescription:
    return default_prescription(Movement.of(STARTER[name]), sets=sets, rest_s=rest_s)


@pytest.mark.parametrize("name", ["Front Plank", "Copenhagen Plank", "Side Plank"])
def test_planks_are_timed_holds(name) -> None:
    hold = defaults(name)
    assert hold.reps is None and hold.seconds == 30 and hold.rest_s == 45
    assert hold.per_side == (STARTER[name]["laterality"] == "unilateral")


def test_side_plank_is_held_per_side() -> None:
    assert defaults("Side Plank").per_side and not defaults("Front Plank").per_side


@pytest.mark.parametrize("name", ["Nordic Curl", "Banded Nordic Curl", "Glute Ham Raise"])
def test_eccentric_knee_flexion_is_three_slow_fives(name) -> None:
    assert defaults(name) == Prescription(sets=3, reps=5, tempo="4-0-1-0", rest_s=90)


@pytest.mark.parametrize("name", ["Pogo Hops", "Box Jumps", "Depth Drop", "Bounds"])
def test_jumps_get_few_reps_moderate_and_longer_rest(name) -> None:
    jump = defaults(name)
    assert (jump.sets, jump.reps, jump.seconds) == (3, 6, None)
    assert jump.intensity == "moderate" and jump.rest_s == 90 and not jump.tempo
    assert jump.per_side == (name == "Bounds")


def test_stability_work_is_light() -> None:
    assert defaults("Glute Bridge") == Prescription(sets=2, reps=10, rest_s=45,
                                                    intensity="light")
    assert defaults("Clamshell").per_side and defaults("Clamshell").intensity == "light"


def test_balance_on_one_leg_is_a_timed_hold_per_side() -> None:
    balance = defaults("Single-Leg Balance")
    assert (balance.reps, balance.seconds, balance.per_side) == (None, 30, True)


@pytest.mark.parametrize("name", ["Goblet Squat", "Romanian Deadlift", "Chin-Up"])
def test_strength_work_takes_the_coachs_sets_and_rest(name) -> None:
    assert defaults(name, sets=4, rest_s=100) == Prescription(sets=4, reps=8, rest_s=100,
                                                              intensity="moderate")
    assert defaults(name, sets=3, rest_s=75).sets == 3


def test_one_sided_strength_work_is_per_side() -> None:
    assert defaults("Bulgarian Split Squat").per_side
    assert not defaults("Goblet Squat").per_side


def test_high_impact_counts_as_a_jump_whatever_the_pattern() -> None:
    landing = Movement(Pattern.SQUAT, impact=Impact.HIGH)
    assert default_prescription(landing).reps == 6


def test_eccentric_work_that_is_not_knee_flexion_follows_its_phase() -> None:
    step_down = Movement(Pattern.STEP, Impact.LOW, Laterality.UNILATERAL, Phase.STABILITY,
                         eccentric=True)
    assert default_prescription(step_down).intensity == "light"


def test_every_starter_exercise_gets_reps_or_seconds() -> None:
    for name in STARTER:
        found = defaults(name)
        assert (found.reps is None) != (found.seconds is None), name
        assert found.sets >= 1 and found.rest_s and found.rest_s > 0


def test_a_movement_reads_a_model_like_object_too() -> None:
    class Row:
        pattern = "anti_extension"
        impact = "none"
        laterality = "bilateral"
        phase = "stability"
        eccentric = False

    assert Movement.of(Row()) == Movement(Pattern.ANTI_EXTENSION, Impact.NONE,
                                          Laterality.BILATERAL, Phase.STABILITY)


def test_a_prescription_is_slot_fields() -> None:
    assert defaults("Nordic Curl").as_dict() == {
        "sets": 3, "reps": 5, "seconds": None, "per_side": False, "tempo": "4-0-1-0",
        "rest_s": 90, "intensity": None}
