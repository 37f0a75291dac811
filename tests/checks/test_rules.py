"""Every check code: a week that triggers it, the nearest week that does not, and the words."""

from __future__ import annotations

from dataclasses import replace

import pytest

from coachdesk.checks import CheckSettings, ClientProfile, Week, evaluate
from coachdesk.vocab import Goal, Injury, Intensity, RaceDistance, Side, Stage, Weekday

from .factory import (
    BALANCE,
    CALF_RAISE,
    DEAD_BUG,
    GOBLET,
    HIP_THRUST,
    LIBRARY,
    NORDIC,
    PALLOF,
    POGO,
    PUSH_UP,
    RDL,
    SIDE_LYING,
    SIDE_PLANK,
    SPLIT_SQUAT,
    STEP_DOWN,
    TIB_RAISE,
    WALL_SIT,
    full_body_a,
    full_body_b,
    s,
)

RACER = ClientProfile(name="Ana", goal=Goal.RACE, race_distance=RaceDistance.MARATHON,
                      stage=Stage.STRENGTH, key_run_days=frozenset({Weekday.TUE, Weekday.SAT}))


def good_week() -> dict[str, list]:
    return {"mon": full_body_a(), "thu": full_body_b()}


def codes(days: dict, client: ClientProfile | None = RACER) -> dict[str, list]:
    report = evaluate(Week.from_mapping(days), client, LIBRARY)
    found: dict[str, list] = {}
    for finding in report.findings:
        found.setdefault(finding.code, []).append(finding)
    return found


def test_the_baseline_week_is_clear() -> None:
    assert codes(good_week()) == {}


CASES = [
    # (code, triggering week, nearest clear week, client, words in the message)
    ("EMPTY_WEEK", {}, {"mon": [s(DEAD_BUG)]}, None, ["no exercises"]),
    ("UNILATERAL_SHARE_LOW",
     {"mon": [s(GOBLET), s(RDL), s(SPLIT_SQUAT, 1), s(DEAD_BUG)]},
     {"mon": [s(GOBLET), s(RDL), s(SPLIT_SQUAT, 4), s(DEAD_BUG)]}, None,
     ["Goblet Squat (Mon)", "Romanian Deadlift (Mon)", "14%", "(1 of 7)"]),
    ("SIDES_UNEVEN",
     {"tue": [s(SPLIT_SQUAT, 3, 8, side=Side.LEFT), s(DEAD_BUG)],
      "fri": [s(SPLIT_SQUAT, 2, 8, side=Side.RIGHT), s(DEAD_BUG)]},
     {"tue": [s(SPLIT_SQUAT, 3, 8, side=Side.LEFT), s(DEAD_BUG)],
      "fri": [s(SPLIT_SQUAT, 3, 8, side=Side.RIGHT), s(DEAD_BUG)]}, None,
     ["left leg gets 24", "right 16", "ATG Split Squat (Tue)", "ATG Split Squat (Fri)"]),
    ("CORE_MISSING_DAY",
     {"mon": [s(GOBLET), s(DEAD_BUG)], "thu": [s(GOBLET)], "sat": [s(RDL)]},
     {"mon": [s(GOBLET), s(DEAD_BUG)], "thu": [s(GOBLET), s(PALLOF)],
      "sat": [s(RDL), s(SIDE_PLANK)]}, None,
     ["Thursday and Saturday have no core"]),
    ("CORE_PLANES_NARROW",
     {"mon": [s(GOBLET), s(DEAD_BUG)]},
     {"mon": [s(GOBLET), s(DEAD_BUG), s(PALLOF)]}, None, ["anti-extension"]),
    ("MUSCLE_UNCOVERED",
     {"mon": [s(GOBLET), s(DEAD_BUG)]},
     {"mon": [s(GOBLET), s(DEAD_BUG), s(NORDIC), s(CALF_RAISE), s(SIDE_LYING), s(BALANCE)]},
     None, ["hamstrings", "calves", "hip abductors", "feet and ankles"]),
    ("FREQUENCY_BELOW_GOAL",
     {"mon": full_body_a()},
     good_week(), RACER, ["1 strength session", "2–3", "race goal"]),
    ("FREQUENCY_ABOVE_GOAL",
     {**good_week(), "wed": full_body_b(), "sun": full_body_a()},
     {**good_week(), "wed": full_body_b()}, RACER, ["4 strength sessions", "2–3"]),
    ("NOT_FULL_BODY",
     {"mon": [s(GOBLET), s(DEAD_BUG)], "thu": [s(GOBLET), s(DEAD_BUG), s(PUSH_UP)]},
     {"mon": [s(GOBLET), s(DEAD_BUG), s(PUSH_UP)], "thu": [s(GOBLET), s(DEAD_BUG), s(PUSH_UP)]},
     None, ["Monday's session has no upper body"]),
    ("PLYO_BEFORE_STRENGTH",
     {"mon": [s(POGO), *full_body_a()], "thu": full_body_b()},
     good_week(), replace(RACER, stage=Stage.STABILITY),
     ["Pogo Hops (Mon)", "Ana", "stability stage"]),
    ("LOAD_BEFORE_STABILITY",
     {"mon": [s(WALL_SIT, intensity=Intensity.HEAVY), *full_body_a()], "thu": full_body_b()},
     {"mon": [s(WALL_SIT, intensity=Intensity.LIGHT), *full_body_a()], "thu": full_body_b()},
     replace(RACER, stage=Stage.STABILITY), ["Wall Sit (Mon)", "heavy"]),
    ("ECCENTRIC_HAMSTRING_MISSING",
     {"mon": [x for x in full_body_a() if x.exercise != NORDIC], "thu": full_body_b()},
     good_week(), replace(RACER, race_distance=RaceDistance.SPRINT),
     ["sprint racing", "eccentric hamstring"]),
    ("INJURY_FOCUS_MISSING",
     {"mon": [x for x in full_body_a() if x.exercise not in (SIDE_LYING, STEP_DOWN)],
      "thu": [x for x in full_body_b() if x.exercise not in (SIDE_LYING, STEP_DOWN)]},
     good_week(), replace(RACER, injuries=frozenset({Injury.ITBS})),
     ["IT band syndrome", "hip abductors"]),
    ("HEAVY_BEFORE_KEY_RUN",
     {"mon": full_body_a(), "fri": [s(HIP_THRUST, intensity=Intensity.HEAVY), *full_body_b()]},
     {"mon": full_body_a(), "thu": [s(HIP_THRUST, intensity=Intensity.HEAVY), *full_body_b()]},
     RACER, ["Heavy Hip Thrust on Friday", "Saturday's key run"]),
]


@pytest.mark.parametrize(("code", "bad", "good", "client", "words"), CASES,
                         ids=[c[0] for c in CASES])
def test_each_code_fires_on_its_week_and_not_on_the_nearest_clear_one(
    code: str, bad: dict, good: dict, client: ClientProfile | None, words: list[str]
) -> None:
    found = codes(bad, client)
    assert code in found, f"{code} did not fire: {list(found)}"
    message = " ".join(f.message for f in found[code])
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"
    assert all(f.hint for f in found[code])
    assert code not in codes(good, client)


def test_findings_point_at_the_right_slots() -> None:
    week = {"mon": [s(DEAD_BUG), s(GOBLET)], "thu": [s(PALLOF), s(RDL)]}
    finding = codes(week, None)["UNILATERAL_SHARE_LOW"][0]
    assert finding.slots == ((Weekday.MON, 1), (Weekday.THU, 1))
    assert finding.days == (Weekday.MON, Weekday.THU)


def test_shin_splints_name_calves_hip_abductors_and_tibialis_as_a_note() -> None:
    shins = replace(RACER, injuries=frozenset({Injury.SHIN_SPLINTS}))
    week = {"mon": [s(GOBLET), s(DEAD_BUG), s(PUSH_UP)],
            "thu": [s(SPLIT_SQUAT), s(PALLOF), s(PUSH_UP)]}
    findings = codes(week, shins)["INJURY_FOCUS_MISSING"]
    by_severity = {f.severity.value: f for f in findings}
    assert "calves and hip abductors" in by_severity["warning"].message
    assert "tibialis" in by_severity["info"].message
    assert "Calf Raise" in by_severity["warning"].hint
    week["thu"].append(s(TIB_RAISE))
    assert {f.severity.value for f in codes(week, shins)["INJURY_FOCUS_MISSING"]} == {"warning"}


def test_knee_pain_wants_hip_abductors_and_single_leg_quads() -> None:
    knees = replace(RACER, injuries=frozenset({Injury.PATELLOFEMORAL_PAIN}))
    week = {"mon": [s(GOBLET), s(DEAD_BUG), s(PUSH_UP), s(SIDE_LYING)],
            "thu": [s(RDL), s(PALLOF), s(PUSH_UP)]}
    message = codes(week, knees)["INJURY_FOCUS_MISSING"][0].message
    assert "single-leg quad work" in message and "hip abductors" not in message


def test_ankle_sprain_wants_single_leg_balance() -> None:
    ankle = replace(RACER, injuries=frozenset({Injury.ANKLE_SPRAIN}))
    week = good_week()
    week["mon"] = [x for x in week["mon"]]
    week["thu"] = [x for x in week["thu"] if x.exercise.name != "Single-Leg Toe Touch"]
    assert "single-leg balance" in codes(week, ankle)["INJURY_FOCUS_MISSING"][0].message
    week["thu"].append(s(BALANCE, 2, seconds=30))
    assert "INJURY_FOCUS_MISSING" not in codes(week, ankle)


def test_a_stability_client_is_never_offered_jumps() -> None:
    stable = replace(RACER, stage=Stage.STABILITY)
    week = {"mon": [s(GOBLET), s(DEAD_BUG)], "thu": [s(GOBLET), s(PALLOF)]}
    hints = " ".join(f.hint for fs in codes(week, stable).values() for f in fs)
    assert "Pogo Hops" not in hints
    assert "Single-Leg Balance" in hints or "Lateral Step-Down" in hints


def test_thresholds_are_settings() -> None:
    week = Week.from_mapping({"mon": [s(GOBLET, 3), s(SPLIT_SQUAT, 1), s(DEAD_BUG)]})
    strict = evaluate(week, None, (), CheckSettings())
    lenient = evaluate(week, None, (), CheckSettings(unilateral_share_min=0.2))
    assert "UNILATERAL_SHARE_LOW" in strict.codes()
    assert "UNILATERAL_SHARE_LOW" not in lenient.codes()
    assert CheckSettings.from_dict(CheckSettings().to_dict()) == CheckSettings()


def test_findings_come_worst_first() -> None:
    report = evaluate(Week.from_mapping({"mon": [s(POGO), s(GOBLET)]}),
                      replace(RACER, stage=Stage.STABILITY))
    order = [f.severity.value for f in report.findings]
    assert order == sorted(order, key=["error", "warning", "info"].index)
    assert report.worst.value == "error"
