"""Every check code: a week that triggers it, the nearest week that does not, and the words."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

import pytest

from coachdesk.checks import ClientProfile, Finding, Slot, Week, evaluate
from coachdesk.vocab import Goal, Injury, Intensity, RaceDistance, Season, Side, Stage, Weekday

from .factory import (
    A_SKIPS,
    BALANCE,
    BARBELL_RDL,
    BARBELL_SQUAT,
    CALF_RAISE,
    DEAD_BUG,
    FRONT_PLANK,
    GOBLET,
    HIP_THRUST,
    INVERTED_ROW,
    LATERAL_WALK,
    LIBRARY,
    NORDIC,
    PALLOF,
    POGO,
    PUSH_UP,
    RDL,
    ROW,
    SIDE_LYING,
    SIDE_PLANK,
    SPLIT_SQUAT,
    STEP_DOWN,
    TIB_RAISE,
    TOE_TOUCH,
    WALL_SIT,
    full_body_a,
    full_body_b,
    good_week,
    s,
)

Days = dict[str, list[Slot]]


def stability_a() -> list[Slot]:
    """Unloaded stability-stage work: step-downs, toe touches, hip abduction, two planes."""
    return [s(STEP_DOWN), s(TOE_TOUCH), s(SIDE_LYING, 2, 15), s(DEAD_BUG, 3, 10),
            s(SIDE_PLANK, 3, seconds=30), s(PUSH_UP)]


def stability_b() -> list[Slot]:
    """Balance, split squats, tibialis and band walks, two planes and a row."""
    return [s(BALANCE, 2, seconds=30), s(SPLIT_SQUAT), s(TIB_RAISE, 3, 15), s(LATERAL_WALK),
            s(PALLOF, 3, 10), s(DEAD_BUG, 3, 10), s(INVERTED_ROW)]
RACER = ClientProfile(name="Ana", goal=Goal.RACE, race_distance=RaceDistance.MARATHON,
                      stage=Stage.STRENGTH, key_run_days=frozenset({Weekday.WED, Weekday.SAT}))
STABLE = replace(RACER, stage=Stage.STABILITY)
POWERFUL = replace(RACER, stage=Stage.POWER)
TAPERING = replace(RACER, season=Season.TAPER)
HEAVY = Intensity.HEAVY


def findings(days: Days, client: ClientProfile | None = RACER,
             library: tuple = LIBRARY) -> dict[str, list[Finding]]:
    """The findings of a week, by code."""
    found: dict[str, list[Finding]] = {}
    for finding in evaluate(Week.from_mapping(days), client, library).findings:
        found.setdefault(finding.code, []).append(finding)
    return found


def without(slots: list[Slot], *gone: object) -> list[Slot]:
    return [x for x in slots if x.exercise not in gone]


@dataclass
class Case:
    code: str
    bad: Days
    good: Days
    client: ClientProfile | None = None
    days: tuple[str, ...] = ()  # every weekday the code's findings point at
    words: list[str] = field(default_factory=list)  # each must appear in the messages


CASES = [
    Case("EMPTY_WEEK", {}, {"mon": [s(DEAD_BUG)]}, words=["no exercises"]),
    Case("UNILATERAL_SHARE_LOW",
         {"mon": [s(GOBLET), s(RDL), s(SPLIT_SQUAT, 1), s(DEAD_BUG)],
          "thu": [s(HIP_THRUST), s(PALLOF)]},
         # 6 of 15 lower-body sets single-leg: exactly the 40 % threshold.
         {"mon": [s(GOBLET), s(RDL), s(SPLIT_SQUAT, 6), s(DEAD_BUG)],
          "thu": [s(HIP_THRUST), s(PALLOF)]},
         days=("mon", "thu"),
         words=["10%", "(1 of 10)", "40%", "Goblet Squat (Mon)", "Romanian Deadlift (Mon)",
                "Hip Thrust (Thu)"]),
    Case("SIDES_UNEVEN",
         {"tue": [s(SPLIT_SQUAT, 3, 8, side=Side.LEFT), s(DEAD_BUG)],
          "fri": [s(SPLIT_SQUAT, 2, 8, side=Side.RIGHT), s(DEAD_BUG)]},
         {"tue": [s(SPLIT_SQUAT, 3, 8, side=Side.LEFT), s(DEAD_BUG)],
          "fri": [s(SPLIT_SQUAT, 3, 8, side=Side.RIGHT), s(DEAD_BUG)]},
         days=("tue", "fri"),
         words=["left side 24 reps", "right side 16", "ATG Split Squat (Tue, left)",
                "ATG Split Squat (Fri, right)"]),
    Case("CORE_MISSING_DAY",
         {"mon": [s(GOBLET), s(DEAD_BUG), s(PUSH_UP)], "thu": [s(GOBLET), s(RDL), s(ROW)],
          "sat": [s(RDL), s(SPLIT_SQUAT), s(PUSH_UP)]},
         {"mon": [s(GOBLET), s(DEAD_BUG), s(PUSH_UP)],
          "thu": [s(GOBLET), s(RDL), s(ROW), s(PALLOF)],
          "sat": [s(RDL), s(SPLIT_SQUAT), s(PUSH_UP), s(SIDE_PLANK)]},
         days=("thu", "sat"),
         words=["Thursday and Saturday have no dedicated core exercise", "Dead Bug (Mon)"]),
    Case("CORE_PLANES_NARROW",
         {"mon": [s(GOBLET), s(DEAD_BUG), s(PUSH_UP)], "thu": [s(RDL), s(FRONT_PLANK), s(ROW)]},
         {"mon": [s(GOBLET), s(DEAD_BUG), s(PUSH_UP)], "thu": [s(RDL), s(PALLOF), s(ROW)]},
         days=("mon", "thu"),
         words=["Dead Bug (Mon)", "Front Plank (Thu)", "only anti-extension"]),
    Case("MUSCLE_UNCOVERED",
         {"mon": [s(GOBLET), s(DEAD_BUG)]},
         {"mon": [s(GOBLET), s(DEAD_BUG), s(NORDIC), s(CALF_RAISE), s(SIDE_LYING), s(BALANCE)]},
         words=["(Monday)", "hamstrings", "calves", "hip abductors", "feet and ankles"]),
    Case("FREQUENCY_BELOW_GOAL", {"mon": full_body_a()}, good_week(), RACER,
         days=("mon",), words=["1 strength session (Monday)", "2–3", "race goal"]),
    Case("FREQUENCY_ABOVE_GOAL",
         {**good_week(), "wed": full_body_b(), "sun": full_body_a()},
         {**good_week(), "wed": full_body_b()}, RACER,
         days=("mon", "wed", "thu", "sun"),
         words=["4 strength sessions (Monday, Wednesday, Thursday and Sunday)", "2–3"]),
    Case("NOT_FULL_BODY",
         {"mon": [s(GOBLET), s(DEAD_BUG), s(RDL)], "thu": [s(GOBLET), s(DEAD_BUG), s(PUSH_UP)]},
         {"mon": [s(GOBLET), s(DEAD_BUG), s(ROW)], "thu": [s(GOBLET), s(DEAD_BUG), s(PUSH_UP)]},
         days=("mon",),
         words=["Monday's session (Goblet Squat, Dead Bug and Romanian Deadlift) has no "
                "upper-body work"]),
    Case("PLYO_BEFORE_STRENGTH",
         {"mon": [s(POGO), *full_body_a()], "thu": full_body_b()}, good_week(), STABLE,
         days=("mon",), words=["Pogo Hops (Mon)", "Ana", "stability stage"]),
    Case("DRILL_BEFORE_STRENGTH",
         {"mon": [s(A_SKIPS), *full_body_a()], "thu": full_body_b()}, good_week(), STABLE,
         days=("mon",), words=["A-Skips (Mon) is a running drill", "stability stage"]),
    Case("LOAD_BEFORE_STABILITY",
         {"mon": [s(WALL_SIT, intensity=Intensity.HEAVY), *stability_a()], "thu": stability_b()},
         {"mon": [s(WALL_SIT, intensity=Intensity.LIGHT), *stability_a()], "thu": stability_b()},
         STABLE, days=("mon",), words=["Wall Sit (Mon)", "heavy", "Ana"]),
    Case("ECCENTRIC_HAMSTRING_MISSING",
         {"mon": without(full_body_a(), NORDIC), "thu": full_body_b()}, good_week(),
         replace(RACER, race_distance=RaceDistance.SPRINT), days=("thu",),
         words=["sprint racing", "Single-Leg Toe Touch (Thu)", "Romanian Deadlift (Thu)",
                "not eccentrically"]),
    Case("INJURY_FOCUS_MISSING",
         {"mon": without(full_body_a(), SIDE_LYING, STEP_DOWN),
          "thu": without(full_body_b(), SIDE_LYING)},
         good_week(), replace(RACER, injuries=frozenset({Injury.ITBS})),
         words=["Ana's IT band syndrome", "hip abductor work", "(Monday and Thursday)"]),
    Case("HEAVY_BEFORE_KEY_RUN",
         {"mon": full_body_a(), "fri": [s(HIP_THRUST, intensity=Intensity.HEAVY), *full_body_b()]},
         {"mon": full_body_a(), "thu": [s(HIP_THRUST, intensity=Intensity.HEAVY), *full_body_b()]},
         RACER, days=("fri",), words=["Heavy Hip Thrust on Friday", "Saturday's key run"]),
    Case("HEAVY_ON_KEY_RUN_DAY",
         {"mon": full_body_a(), "sat": [s(GOBLET, intensity=HEAVY), s(DEAD_BUG), s(PUSH_UP)]},
         {"mon": full_body_a(), "sat": [s(GOBLET), s(DEAD_BUG), s(PUSH_UP)]},
         RACER, days=("sat",), words=["Goblet Squat (Sat) on Saturday, a key run day"]),
    Case("POWER_WITHOUT_STRENGTH",
         {"mon": [s(POGO), *full_body_a()], "thu": stability_b()},
         {"mon": [s(POGO), *full_body_a()], "thu": [s(BARBELL_SQUAT), *stability_b()]},
         POWERFUL, days=("mon",), words=["jumps (Pogo Hops (Mon))", "no loaded strength work"]),
    Case("HEAVY_DAYS_BACK_TO_BACK",
         {"mon": [s(GOBLET, intensity=HEAVY), *full_body_a()],
          "tue": [s(RDL, intensity=HEAVY), *full_body_b()]},
         {"mon": [s(GOBLET, intensity=HEAVY), *full_body_a()],
          "tue": [s(RDL), *full_body_b()]},
         days=("mon", "tue"), words=["Monday and Tuesday both have heavy leg work",
                                     "Goblet Squat (Mon) and Romanian Deadlift (Tue)"]),
    Case("TAPER_LOAD",
         {"mon": [s(GOBLET, intensity=HEAVY), *full_body_a()], "thu": full_body_b()},
         good_week(), TAPERING, days=("mon",),
         words=["Goblet Squat (Mon) is heavy or high-impact", "last 10 days"]),
]


def test_the_baseline_week_is_clear() -> None:
    assert findings(good_week()) == {}


def test_every_code_has_a_case() -> None:
    from coachdesk.checks.rules import RULES

    # Two rules have two codes each: frequency (below, above) and the key-run rule (the day
    # before, the day itself).
    assert len({c.code for c in CASES}) == len(CASES) == len(RULES) + 2


@pytest.mark.parametrize("case", CASES, ids=[c.code for c in CASES])
def test_each_code_fires_on_its_week_and_not_on_the_nearest_clear_one(case: Case) -> None:
    found = findings(case.bad, case.client)
    assert case.code in found, f"{case.code} did not fire: {list(found)}"
    message = " ".join(f.message for f in found[case.code])
    for word in case.words:
        assert word in message, f"{word!r} not in {message!r}"
    assert {d.value for f in found[case.code] for d in f.days} == set(case.days)
    assert all(f.hint and f.hint.endswith(".") for f in found[case.code])
    assert case.code not in findings(case.good, case.client)


@pytest.mark.parametrize("case", CASES, ids=[c.code for c in CASES])
def test_the_slots_a_finding_points_at_are_named_in_its_message(case: Case) -> None:
    week = Week.from_mapping(case.bad)
    slots = {d.weekday: d.slots for d in week.days}
    for finding in findings(case.bad, case.client)[case.code]:
        for weekday, position in finding.slots:
            assert slots[weekday][position].exercise.name in finding.message
            assert weekday in finding.days


def test_findings_point_at_the_right_slots() -> None:
    week = {"mon": [s(DEAD_BUG), s(GOBLET)], "thu": [s(PALLOF), s(RDL)]}
    finding = findings(week, None)["UNILATERAL_SHARE_LOW"][0]
    assert finding.slots == ((Weekday.MON, 1), (Weekday.THU, 1))
    assert finding.days == (Weekday.MON, Weekday.THU)


def test_an_empty_week_says_only_that() -> None:
    report = evaluate(Week.from_mapping({}, {"mon": "Full body A"}), STABLE, LIBRARY)
    assert [f.code for f in report.findings] == ["EMPTY_WEEK"]
    assert report.worst is not None and report.worst.value == "error"


def test_findings_come_worst_first_in_rule_order() -> None:
    report = evaluate(Week.from_mapping({"mon": [s(POGO), s(GOBLET), s(PUSH_UP)]}), STABLE)
    order = [f.severity.value for f in report.findings]
    assert order == sorted(order, key=["error", "warning", "info"].index)
    assert report.findings[0].code == "PLYO_BEFORE_STRENGTH"
    assert {"info", "warning", "error"} == set(order)


# --- single rules in more detail ---------------------------------------------------------------


def test_per_side_work_counts_for_both_legs() -> None:
    week = {"tue": [s(SPLIT_SQUAT, 5, 10, per_side=True), s(SPLIT_SQUAT, 2, 8, side=Side.LEFT),
                    s(SPLIT_SQUAT, 2, 8, side=Side.RIGHT)]}
    report = evaluate(Week.from_mapping(week))
    assert (report.stats.left_volume, report.stats.right_volume) == (66, 66)
    assert "SIDES_UNEVEN" not in report.codes()


def test_timed_one_sided_work_is_compared_in_seconds() -> None:
    week = {"mon": [s(SIDE_PLANK, 3, seconds=30, side=Side.LEFT),
                    s(SIDE_PLANK, 2, seconds=30, side=Side.RIGHT)]}
    finding = findings(week, None)["SIDES_UNEVEN"][0]
    assert "left side 90 seconds" in finding.message and "right side 60" in finding.message
    assert "Give the right side 30 more seconds" in finding.hint


def test_core_listed_only_as_a_plane_still_counts_as_core() -> None:
    plane_only = replace(SIDE_PLANK, muscles=frozenset())
    found = findings({"mon": [s(GOBLET), s(plane_only), s(PALLOF)]}, None)
    assert "CORE_MISSING_DAY" not in found
    assert "core" not in found["MUSCLE_UNCOVERED"][0].message


def test_core_planes_count_only_anti_movement_planes() -> None:
    from .factory import CRUNCH

    found = findings({"mon": [s(GOBLET), s(CRUNCH), s(PUSH_UP)]}, None)
    message = found["CORE_PLANES_NARROW"][0].message
    assert "Crunch (Mon)" in message and "none of the three planes" in message


def test_core_planes_without_any_core_name_the_sessions() -> None:
    found = findings({"mon": [s(GOBLET), s(RDL), s(PUSH_UP)],
                      "fri": [s(RDL), s(SPLIT_SQUAT), s(ROW)]}, None)
    assert "This week's sessions (Monday and Friday)" in found["CORE_PLANES_NARROW"][0].message


def test_frequency_needs_a_client_with_a_goal() -> None:
    one_day = {"mon": full_body_a()}
    assert "FREQUENCY_BELOW_GOAL" not in findings(one_day, None)
    assert "FREQUENCY_BELOW_GOAL" not in findings(one_day, replace(RACER, goal=None))


def test_a_hobby_runner_wants_three_to_four_sessions() -> None:
    hobby = replace(RACER, goal=Goal.HOBBY)
    found = findings(good_week(), hobby)["FREQUENCY_BELOW_GOAL"][0]
    assert "3–4 that suit a hobby runner" in found.message
    assert "FREQUENCY_BELOW_GOAL" not in findings({**good_week(), "fri": full_body_a()}, hobby)


def test_a_missing_session_is_suggested_on_a_day_clear_of_sessions_and_key_runs() -> None:
    hint = findings({"mon": full_body_a()}, RACER)["FREQUENCY_BELOW_GOAL"][0].hint
    # Wed and Sat are key runs, so Tue and Fri (the days before) are out too; Sunday touches
    # Monday's session; Thursday is clear of both.
    assert hint.startswith("Add 1 more session, e.g. on Thursday (a rest day from")


def test_too_many_sessions_name_the_smallest_to_merge() -> None:
    small = {**good_week(), "wed": [s(GOBLET), s(DEAD_BUG), s(PUSH_UP)], "sun": full_body_a()}
    assert "Merge Wednesday's work" in findings(small, RACER)["FREQUENCY_ABOVE_GOAL"][0].hint


def test_full_body_is_only_asked_for_with_two_or_three_sessions() -> None:
    legs = [s(GOBLET), s(DEAD_BUG), s(RDL)]
    assert "NOT_FULL_BODY" not in findings({d: legs for d in ("mon", "wed", "fri", "sun")}, None)
    assert "NOT_FULL_BODY" not in findings({"mon": legs}, None)
    assert len(findings({d: legs for d in ("mon", "wed", "fri")}, None)["NOT_FULL_BODY"]) == 3


def test_stage_rules_need_a_stability_client() -> None:
    week = {"mon": [s(POGO), s(WALL_SIT, intensity=Intensity.HEAVY), *full_body_a()],
            "thu": full_body_b()}
    assert {"PLYO_BEFORE_STRENGTH", "LOAD_BEFORE_STABILITY"} <= set(findings(week, STABLE))
    for client in (RACER, replace(RACER, stage=Stage.POWER), replace(RACER, stage=None), None):
        found = findings(week, client)
        assert "PLYO_BEFORE_STRENGTH" not in found and "LOAD_BEFORE_STABILITY" not in found


def test_ballistic_power_work_is_load_too_soon_but_not_a_jump() -> None:
    from .factory import SWING

    found = findings({"mon": [s(SWING), *full_body_a()], "thu": full_body_b()}, STABLE)
    assert "PLYO_BEFORE_STRENGTH" not in found
    assert "Kettlebell Swing (Mon) is ballistic power work" in \
        found["LOAD_BEFORE_STABILITY"][0].message


def test_loaded_lifts_at_moderate_are_still_load_for_a_stability_client() -> None:
    week = {"mon": [s(BARBELL_RDL), *full_body_a()], "thu": [s(BARBELL_SQUAT), *full_body_b()]}
    finding = findings(week, STABLE)["LOAD_BEFORE_STABILITY"][0]
    assert "Barbell Romanian Deadlift (Mon) and Barbell Back Squat (Thu) are loaded strength " \
        "work" in finding.message
    assert "LOAD_BEFORE_STABILITY" not in findings(week, RACER)


def test_a_running_drill_is_a_warning_and_a_landing_an_error_at_the_stability_stage() -> None:
    from .factory import DEPTH_DROP

    week = {"mon": [s(A_SKIPS), s(DEPTH_DROP), *full_body_a()], "thu": full_body_b()}
    found = findings(week, STABLE)
    assert found["DRILL_BEFORE_STRENGTH"][0].severity.value == "warning"
    plyo = found["PLYO_BEFORE_STRENGTH"][0]
    assert plyo.severity.value == "error" and "Depth Drop (Mon)" in plyo.message
    assert "A-Skips" not in plyo.message


def test_a_hamstring_strain_without_any_hamstring_work_says_so() -> None:
    strained = replace(RACER, injuries=frozenset({Injury.HAMSTRING_STRAIN}))
    week = {"mon": [s(GOBLET), s(DEAD_BUG)], "thu": [s(SPLIT_SQUAT), s(PALLOF)]}
    finding = findings(week, strained)["ECCENTRIC_HAMSTRING_MISSING"][0]
    assert "a history of hamstring strains" in finding.message
    assert "nothing in this week's sessions (Monday and Thursday) works them" in finding.message
    assert finding.hint == "Add Nordic Curl to Monday or Thursday."


def test_a_marathoner_without_hamstring_history_is_not_asked_for_nordics() -> None:
    week = {"mon": without(full_body_a(), NORDIC), "thu": full_body_b()}
    assert "ECCENTRIC_HAMSTRING_MISSING" not in findings(week, RACER)


def test_shin_splints_ask_for_calves_and_hips_and_note_the_tibialis() -> None:
    shins = replace(RACER, injuries=frozenset({Injury.SHIN_SPLINTS}))
    week = {"mon": [s(GOBLET), s(DEAD_BUG), s(PUSH_UP)],
            "thu": [s(SPLIT_SQUAT), s(PALLOF), s(PUSH_UP)]}
    by_severity = {f.severity.value: f for f in findings(week, shins)["INJURY_FOCUS_MISSING"]}
    assert "calf work and hip abductor work" in by_severity["warning"].message
    assert "tibialis work" in by_severity["info"].message
    assert "Calf Raise" in by_severity["warning"].hint
    assert "Banded Lateral Walk" in by_severity["warning"].hint  # hip abductors
    week["thu"].append(s(CALF_RAISE))
    week["mon"].append(s(SIDE_LYING))
    assert [f.severity.value for f in findings(week, shins)["INJURY_FOCUS_MISSING"]] == ["info"]


def test_knee_pain_wants_hip_abductors_and_single_leg_quads() -> None:
    knees = replace(RACER, injuries=frozenset({Injury.PATELLOFEMORAL_PAIN}))
    week = {"mon": [s(GOBLET), s(DEAD_BUG), s(PUSH_UP), s(SIDE_LYING)],
            "thu": [s(RDL), s(PALLOF), s(PUSH_UP)]}
    finding = findings(week, knees)["INJURY_FOCUS_MISSING"][0]
    assert "single-leg quad work" in finding.message and "hip abductor" not in finding.message
    week["thu"].append(s(SPLIT_SQUAT))
    assert "INJURY_FOCUS_MISSING" not in findings(week, knees)
    knee = replace(RACER, injuries=frozenset({Injury.KNEE_PAIN}))
    assert "INJURY_FOCUS_MISSING" not in findings(week, knee)


def test_ankle_sprain_wants_single_leg_balance_for_the_feet() -> None:
    ankle = replace(RACER, injuries=frozenset({Injury.ANKLE_SPRAIN}))
    week = good_week()
    week["mon"] = without(week["mon"], STEP_DOWN)
    week["thu"] = [x for x in week["thu"] if x.exercise.name != "Single-Leg Toe Touch"]
    assert "single-leg balance" in findings(week, ankle)["INJURY_FOCUS_MISSING"][0].message
    week["thu"].append(s(BALANCE, 2, seconds=30))
    assert "INJURY_FOCUS_MISSING" not in findings(week, ankle)


def test_each_injury_gets_its_own_finding() -> None:
    both = replace(RACER, injuries=frozenset({Injury.ITBS, Injury.ANKLE_SPRAIN}))
    week = {"mon": [s(GOBLET), s(DEAD_BUG), s(PUSH_UP)], "thu": [s(RDL), s(PALLOF), s(PUSH_UP)]}
    messages = [f.message for f in findings(week, both)["INJURY_FOCUS_MISSING"]]
    assert len(messages) == 2
    assert any("IT band syndrome" in m for m in messages)
    assert any("ankle sprain" in m for m in messages)


def test_heavy_leg_work_on_the_key_run_day_itself_is_lifted_after_the_run() -> None:
    week = {"sat": [s(GOBLET, intensity=Intensity.HEAVY), s(DEAD_BUG), s(PUSH_UP)],
            "wed": [s(RDL), s(PALLOF), s(ROW)]}
    found = findings(week, RACER)
    assert "HEAVY_BEFORE_KEY_RUN" not in found
    finding = found["HEAVY_ON_KEY_RUN_DAY"][0]
    assert finding.severity.value == "info"
    assert finding.message == "Goblet Squat (Sat) on Saturday, a key run day."
    assert finding.slots == ((Weekday.SAT, 0),)
    assert "Lift after the run, the same day" in finding.hint


def test_the_day_before_a_key_run_moves_a_heavy_lift_to_a_safe_day() -> None:
    week = {"fri": [s(GOBLET, intensity=Intensity.HEAVY), s(DEAD_BUG), s(PUSH_UP)],
            "mon": [s(RDL), s(PALLOF), s(ROW)]}
    finding = findings(week, RACER)["HEAVY_BEFORE_KEY_RUN"][0]
    # Monday already has a session and is clear; Thursday and Sunday are the other safe days.
    assert finding.hint == "Move it to Monday, Thursday or Sunday, or lower it to light."


def test_nordics_and_landings_the_day_before_a_key_run_are_flagged_at_any_intensity() -> None:
    from .factory import DEPTH_DROP

    week = {"fri": [s(NORDIC, 3, 5), s(DEPTH_DROP), s(PUSH_UP)], "wed": full_body_b()}
    messages = [f.message for f in findings(week, POWERFUL)["HEAVY_BEFORE_KEY_RUN"]]
    assert "Hard eccentric Nordic Curl on Friday, the day before Saturday's key run." in messages
    assert "High-impact jumping Depth Drop on Friday, the day before Saturday's key run." \
        in messages
    light = {"fri": [s(NORDIC, 3, 5, intensity=Intensity.LIGHT), s(PUSH_UP), s(DEAD_BUG)]}
    assert "HEAVY_BEFORE_KEY_RUN" not in findings(light, POWERFUL)


def test_in_season_and_taper_racers_may_lift_once_a_week() -> None:
    once = {"mon": full_body_a()}
    assert "FREQUENCY_BELOW_GOAL" in findings(once, RACER)
    for season in (Season.IN_SEASON, Season.TAPER):
        assert "FREQUENCY_BELOW_GOAL" not in findings(once, replace(RACER, season=season))
    hobby = replace(RACER, goal=Goal.HOBBY, season=Season.IN_SEASON)
    assert "FREQUENCY_BELOW_GOAL" in findings(once, hobby)


def test_the_taper_rule_counts_the_days_to_the_race() -> None:
    week = Week.from_mapping({"mon": [s(GOBLET, intensity=HEAVY), *full_body_a()],
                              "thu": full_body_b()})
    race = replace(TAPERING, race_date=date(2027, 5, 2))
    near = evaluate(week, race, LIBRARY, today=date(2027, 4, 25))
    far = evaluate(week, race, LIBRARY, today=date(2027, 4, 1))
    assert "race on 2 May 2027" in next(f.message for f in near.findings
                                        if f.code == "TAPER_LOAD")
    assert "TAPER_LOAD" not in far.codes()


def test_heavy_days_back_to_back_wrap_from_sunday_to_monday() -> None:
    week = {"sun": [s(GOBLET, intensity=HEAVY), *full_body_a()],
            "mon": [s(RDL, intensity=HEAVY), *full_body_b()]}
    finding = findings(week, None)["HEAVY_DAYS_BACK_TO_BACK"][0]
    assert finding.message.startswith("Sunday and Monday both have heavy leg work")


def test_sunday_comes_before_monday() -> None:
    mondays = replace(RACER, key_run_days=frozenset({Weekday.MON}))
    week = {"sun": [s(RDL, intensity=Intensity.HEAVY), s(DEAD_BUG)]}
    message = findings(week, mondays)["HEAVY_BEFORE_KEY_RUN"][0].message
    assert message == "Heavy Romanian Deadlift on Sunday, the day before Monday's key run."


def test_heavy_upper_body_or_moderate_legs_before_a_key_run_are_fine() -> None:
    week = {"fri": [s(PUSH_UP, intensity=Intensity.HEAVY), s(GOBLET), s(DEAD_BUG)]}
    assert "HEAVY_BEFORE_KEY_RUN" not in findings(week, RACER)
    assert "HEAVY_BEFORE_KEY_RUN" not in findings(week, replace(RACER, key_run_days=frozenset()))


# --- hints ---------------------------------------------------------------------------------------


def test_without_a_library_hints_still_name_concrete_fixes() -> None:
    week = {"mon": [s(GOBLET), s(RDL), s(PUSH_UP)], "thu": [s(GOBLET), s(RDL), s(ROW)]}
    found = findings(week, replace(RACER, injuries=frozenset({Injury.ITBS})), library=())
    hints = {code: fs[0].hint for code, fs in found.items()}
    assert "split squat" in hints["UNILATERAL_SHARE_LOW"]
    assert "Pallof press" in hints["CORE_MISSING_DAY"]
    assert "Add work for" in hints["MUSCLE_UNCOVERED"]
    assert "hip abductor work" in hints["INJURY_FOCUS_MISSING"]


def test_hints_name_at_most_three_library_exercises() -> None:
    found = findings({"mon": [s(PUSH_UP)], "thu": [s(PUSH_UP)]}, RACER)
    library_names = {e.name for e in LIBRARY}
    for fs in found.values():
        for finding in fs:
            named = [n for n in library_names if n in finding.hint and n != "Push-Up"]
            assert len(named) <= 3, finding.hint


def test_single_leg_swaps_resemble_the_two_leg_lifts() -> None:
    hint = findings({"mon": [s(GOBLET, 4), s(DEAD_BUG)]}, None)["UNILATERAL_SHARE_LOW"][0].hint
    assert hint.startswith("Swap at least 2 sets of two-leg work for single-leg work:")
    assert "ATG Split Squat" in hint and "Bulgarian Split Squat" in hint  # quads and glutes


def test_uncovered_muscles_are_fixed_by_few_exercises() -> None:
    hint = findings({"mon": [s(GOBLET), s(DEAD_BUG)]}, None)["MUSCLE_UNCOVERED"][0].hint
    assert hint.startswith("Add ") and hint.count("(") <= 3
    for group in ("hamstrings", "calves", "hip abductors", "feet and ankles"):
        assert group in hint


def test_core_plane_hint_offers_one_exercise_per_missing_plane() -> None:
    week = {"mon": [s(GOBLET), s(DEAD_BUG), s(PUSH_UP)]}
    hint = findings(week, None)["CORE_PLANES_NARROW"][0].hint
    assert "Pallof Press" in hint and "Side Plank" in hint


def test_stability_clients_are_never_offered_jumps_or_power_work() -> None:
    power = {e.name for e in LIBRARY if e.plyometric or e.phase == "power"}
    for week in ({"mon": [s(GOBLET), s(DEAD_BUG)], "thu": [s(GOBLET), s(PALLOF)]},
                 {"mon": [s(POGO), s(PUSH_UP)], "thu": [s(GOBLET)]}):
        hints = " ".join(f.hint for fs in findings(week, STABLE).values() for f in fs)
        assert not any(name in hints for name in power), hints
        assert "Single-Leg Balance" in hints or "Lateral Step-Down" in hints


def test_only_power_stage_clients_are_offered_power_work() -> None:
    week = {"mon": [s(GOBLET), s(DEAD_BUG), s(PUSH_UP)]}
    strong = findings(week, RACER)["MUSCLE_UNCOVERED"][0].hint
    powerful = findings(week, replace(RACER, stage=Stage.POWER))["MUSCLE_UNCOVERED"][0].hint
    assert "Kettlebell Swing" not in strong and "Bounds" not in strong
    assert "Kettlebell Swing" in powerful or "Bounds" in powerful


def test_plyometrics_are_left_out_of_hints_whatever_phase_they_are_filed_under() -> None:
    hops = replace(POGO, name="Low Skips", phase=Stage.STRENGTH, muscles=POGO.muscles)
    week = {"mon": [s(GOBLET), s(DEAD_BUG), s(PUSH_UP)]}
    for client in (RACER, STABLE, None):
        hint = findings(week, client, (hops,))["MUSCLE_UNCOVERED"][0].hint
        assert "Low Skips" not in hint and "Add work for" in hint
    powerful = findings(week, replace(RACER, stage=Stage.POWER), (hops,))
    assert "Low Skips" in powerful["MUSCLE_UNCOVERED"][0].hint


def test_a_missing_core_day_is_offered_the_planes_the_week_lacks() -> None:
    week = {"mon": [s(GOBLET), s(DEAD_BUG), s(PUSH_UP)], "thu": [s(GOBLET), s(RDL), s(ROW)]}
    hint = findings(week, None)["CORE_MISSING_DAY"][0].hint
    assert hint == "Add a core exercise to Thursday, such as Pallof Press or Side Plank."


# --- the same cases on the starter library's own tags --------------------------------------

# Factory exercises the starter library has under another name.
SHIPPED_NAME = {"Back Squat": "Goblet Squat", "Barbell Back Squat": "Goblet Squat",
                "Barbell Romanian Deadlift": "Romanian Deadlift", "Crunch": "Hanging Knee Raise"}


def on_shipped_tags(days: Days) -> Days:
    """The week with every exercise replaced by the starter library's exercise of that name."""
    from .shipped import shipped

    return {day: [replace(x, exercise=shipped(SHIPPED_NAME.get(x.exercise.name,
                                                               x.exercise.name)))
                  for x in slots] for day, slots in days.items()}


@pytest.mark.parametrize("case", CASES, ids=[c.code for c in CASES])
def test_each_code_fires_the_same_way_on_the_shipped_tags(case: Case) -> None:
    from .shipped import shipped_library

    bad, good = on_shipped_tags(case.bad), on_shipped_tags(case.good)
    found = findings(bad, case.client, shipped_library())
    assert case.code in found, f"{case.code} did not fire: {list(found)}"
    message = " ".join(f.message for f in found[case.code])
    for word in case.words:
        assert word in message, f"{word!r} not in {message!r}"
    assert {d.value for f in found[case.code] for d in f.days} == set(case.days)
    assert case.code not in findings(good, case.client, shipped_library())
