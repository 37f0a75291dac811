"""Weeks a coach would call good, built only from the starter library's own exercises and
tags, get no warning or error; and the misjudgements the loose tags used to cause stay
fixed (a dead bug counted as leg work, a row as core, a plank as single-leg work)."""

from __future__ import annotations

from datetime import date

from coachdesk.checks import ClientProfile, Week, evaluate
from coachdesk.vocab import (
    Goal,
    Injury,
    Intensity,
    Muscle,
    RaceDistance,
    Season,
    Stage,
    Weekday,
)

from .shipped import shipped_library, slot

HEAVY = Intensity.HEAVY


def check(days: dict, client: ClientProfile):
    return evaluate(Week.from_mapping(days), client, shipped_library(), today=date(2027, 3, 1))


def assert_clear(report) -> None:
    loud = [f"{f.code}: {f.message}" for f in (*report.errors, *report.warnings)]
    assert not loud, loud


def test_an_in_season_marathoner_lifting_twice_with_a_heavy_monday() -> None:
    """Key runs Wednesday and Sunday; heavy legs on Monday, lighter on Thursday."""
    runner = ClientProfile(name="Mara", goal=Goal.RACE, race_distance=RaceDistance.MARATHON,
                           stage=Stage.STRENGTH, season=Season.IN_SEASON,
                           key_run_days=frozenset({Weekday.WED, Weekday.SUN}),
                           race_date=date(2027, 5, 16))
    week = {
        "mon": [slot("Bulgarian Split Squat", 3, 6, intensity=HEAVY),
                slot("Romanian Deadlift", 3, 6, intensity=HEAVY),
                slot("Single-Leg Calf Raise", 3, 12), slot("Single-Leg Balance", 2, seconds=30),
                slot("Copenhagen Plank", 3, seconds=20), slot("Pallof Press", 3, 10),
                slot("Inverted Row", 3, 10)],
        "thu": [slot("Lateral Step-Down", 3, 8), slot("Single-Leg Romanian Deadlift", 3, 8),
                slot("Side-Lying Hip Abduction", 2, 15), slot("Calf Raise", 3, 15),
                slot("Dead Bug", 3, 10), slot("Side Plank", 3, seconds=30), slot("Push-Up")],
    }
    report = check(week, runner)
    assert_clear(report)
    assert report.stats.sessions_per_week == 2 and report.stats.unilateral_share >= 0.4


def test_three_body_composition_sessions_for_a_runner_with_knee_pain() -> None:
    runner = ClientProfile(name="Ben", goal=Goal.BODY_COMPOSITION, stage=Stage.STRENGTH,
                           injuries=frozenset({Injury.KNEE_PAIN}),
                           key_run_days=frozenset({Weekday.SAT}))
    week = {
        "mon": [slot("Goblet Squat"), slot("Single-Leg Romanian Deadlift"),
                slot("Banded Lateral Walk", 2, 12), slot("Calf Raise", 3, 15),
                slot("Dead Bug", 3, 10), slot("Push-Up")],
        "wed": [slot("Lateral Step-Down"), slot("Hip Thrust"),
                slot("Side-Lying Hip Abduction", 2, 15), slot("Single-Leg Balance", 2, seconds=30),
                slot("Pallof Press", 3, 10), slot("Single-Arm Dumbbell Row")],
        "fri": [slot("Forward Step-Up"), slot("Glute Bridge", 3, 12),
                slot("Single-Leg Calf Raise", 3, 12), slot("Clamshell", 2, 15),
                slot("Side Plank", 3, seconds=30), slot("Half-Kneeling Overhead Press")],
    }
    report = check(week, runner)
    assert_clear(report)
    assert report.stats.sessions_per_week == 3


def test_the_seeds_own_week_on_the_shipped_library() -> None:
    """The blog's exercises twice a week, full body, with core and a push or pull each day,
    for a half-marathoner with shin splints (key runs Wednesday and Saturday)."""
    runner = ClientProfile(name="Ana", goal=Goal.RACE, race_distance=RaceDistance.HALF,
                           stage=Stage.STRENGTH, injuries=frozenset({Injury.SHIN_SPLINTS}),
                           key_run_days=frozenset({Weekday.WED, Weekday.SAT}))
    week = {
        "mon": [slot("Nordic Curl", 3, 5), slot("ATG Split Squat"), slot("Lateral Step-Down"),
                slot("Calf Raise", 3, 15), slot("Side-Lying Hip Abduction", 2, 15),
                slot("Dead Bug", 3, 10), slot("Side Plank", 3, seconds=30), slot("Push-Up")],
        "thu": [slot("Single-Leg Toe Touch"), slot("Stationary Lunge"),
                slot("Tibialis Raise", 3, 15), slot("Single-Leg Balance", 2, seconds=30),
                slot("Calf Raise", 3, 15), slot("Pallof Press", 3, 10), slot("Inverted Row")],
    }
    report = check(week, runner)
    assert_clear(report)
    assert report.infos == () or all(f.code != "INJURY_FOCUS_MISSING" for f in report.infos)


RACER = ClientProfile(name="Ana", goal=Goal.RACE, race_distance=RaceDistance.HALF,
                      stage=Stage.STRENGTH, key_run_days=frozenset({Weekday.WED, Weekday.SAT}))


def test_a_dead_bug_and_a_knee_raise_are_not_two_leg_sets() -> None:
    week = {"mon": [slot("Bulgarian Split Squat"), slot("Dead Bug"),
                    slot("Hanging Knee Raise"), slot("Push-Up")]}
    stats = check(week, RACER).stats
    assert (stats.lower_body_sets, stats.unilateral_lower_sets) == (3, 3)
    assert "UNILATERAL_SHARE_LOW" not in check(week, RACER).codes()


def test_planks_never_hide_a_shortage_of_single_leg_work() -> None:
    week = {"mon": [slot("Goblet Squat"), slot("Romanian Deadlift"), slot("Side Plank", 3,
                    seconds=30), slot("Side Plank with Leg Lift"), slot("Copenhagen Plank", 3,
                    seconds=20), slot("Push-Up")]}
    report = check(week, RACER)
    assert report.stats.unilateral_lower_sets == 0
    assert "UNILATERAL_SHARE_LOW" in report.codes()


def test_a_row_and_a_goblet_squat_do_not_make_a_core_day() -> None:
    week = {"mon": [slot("Goblet Squat"), slot("Inverted Row"), slot("Push-Up"),
                    slot("Glute Bridge")],
            "thu": [slot("Lateral Step-Down"), slot("Pallof Press"), slot("Chin-Up")]}
    report = check(week, RACER)
    missing = next(f for f in report.findings if f.code == "CORE_MISSING_DAY")
    assert missing.days == (Weekday.MON,)
    assert "Pallof Press (Thu)" in missing.message  # the week's only dedicated core work
    planes = next(f for f in report.findings if f.code == "CORE_PLANES_NARROW")
    assert "Push-Up" not in planes.message


def test_a_plank_is_not_upper_body_and_a_dead_bug_is_not_lower_body() -> None:
    """An upper/lower split is not full body, whatever the planks and dead bugs touch."""
    week = {"mon": [slot("Goblet Squat"), slot("Romanian Deadlift"), slot("Front Plank", 3,
                    seconds=30)],
            "thu": [slot("Push-Up"), slot("Inverted Row"), slot("Dead Bug")]}
    messages = [f.message for f in check(week, RACER).findings if f.code == "NOT_FULL_BODY"]
    assert any(m.startswith("Monday's session") and "upper-body" in m for m in messages)
    assert any(m.startswith("Thursday's session") and "lower-body" in m for m in messages)


def test_a_shin_splints_runner_needs_a_real_calf_exercise() -> None:
    shins = ClientProfile(name="Ana", goal=Goal.RACE, stage=Stage.STRENGTH,
                          injuries=frozenset({Injury.SHIN_SPLINTS}))
    week = {"mon": [slot("Glute Ham Raise", 3, 6), slot("Banded Lateral Walk"),
                    slot("Dead Bug"), slot("Push-Up")]}
    finding = next(f for f in check(week, shins).findings if f.code == "INJURY_FOCUS_MISSING"
                   and f.severity.value == "warning")
    assert "calf work" in finding.message


def test_lunges_do_not_cover_the_hamstrings() -> None:
    week = {"mon": [slot("Walking Lunge"), slot("Reverse Lunge"), slot("Pallof Press"),
                    slot("Push-Up")]}
    report = check(week, RACER)
    assert Muscle.HAMSTRINGS not in report.stats.sets_per_muscle
    assert report.stats.weighted_sets_per_muscle[Muscle.HAMSTRINGS] == 3.0  # half weight
    uncovered = next(f for f in report.findings if f.code == "MUSCLE_UNCOVERED")
    assert "hamstrings" in uncovered.message


def test_barbell_lifts_at_moderate_are_load_for_a_stability_runner() -> None:
    stable = ClientProfile(name="Ana", goal=Goal.RACE, stage=Stage.STABILITY)
    week = {"mon": [slot("Romanian Deadlift"), slot("Good Morning"), slot("Hip Thrust"),
                    slot("Bulgarian Split Squat"), slot("Dead Bug"), slot("Push-Up")]}
    finding = next(f for f in check(week, stable).findings
                   if f.code == "LOAD_BEFORE_STABILITY")
    for name in ("Romanian Deadlift", "Good Morning", "Hip Thrust", "Bulgarian Split Squat"):
        assert name in finding.message


def test_a_one_exercise_foot_routine_is_a_micro_session() -> None:
    week = {"mon": [slot("Bulgarian Split Squat"), slot("Dead Bug"), slot("Push-Up")],
            "thu": [slot("Lateral Step-Down"), slot("Pallof Press"), slot("Inverted Row")],
            "sat": [slot("Short Foot", 2, 10)]}
    report = check(week, RACER)
    assert (report.stats.sessions_per_week, report.stats.micro_sessions) == (2, 1)
    assert "FREQUENCY_ABOVE_GOAL" not in report.codes()
    assert all(Weekday.SAT not in f.days for f in report.findings
               if f.code in ("CORE_MISSING_DAY", "NOT_FULL_BODY"))


def test_a_skips_warn_and_depth_drops_are_an_error_for_a_stability_runner() -> None:
    stable = ClientProfile(name="Ana", goal=Goal.RACE, stage=Stage.STABILITY)
    week = {"mon": [slot("A-Skips", 2, 10), slot("Depth Drop", 2, 5), slot("Lateral Step-Down"),
                    slot("Dead Bug"), slot("Push-Up")]}
    report = check(week, stable)
    by_code = {f.code: f for f in report.findings}
    assert by_code["DRILL_BEFORE_STRENGTH"].severity.value == "warning"
    assert by_code["PLYO_BEFORE_STRENGTH"].severity.value == "error"
    assert "A-Skips" not in by_code["PLYO_BEFORE_STRENGTH"].message


def test_nordics_and_bounds_the_day_before_a_key_run() -> None:
    powerful = ClientProfile(name="Ana", goal=Goal.RACE, stage=Stage.POWER,
                             key_run_days=frozenset({Weekday.SAT}))
    week = {"fri": [slot("Nordic Curl", 3, 5), slot("Bounds", 3, 6), slot("Depth Drop", 2, 5),
                    slot("Pallof Press"), slot("Push-Up")]}
    flagged = {f.slots[0][1] for f in check(week, powerful).findings
               if f.code == "HEAVY_BEFORE_KEY_RUN"}
    assert flagged == {0, 1, 2}


def test_one_click_fixes_keep_the_movement_and_the_stage() -> None:
    """Swaps for two-leg lifts are single-leg exercises of the same pattern; a stability
    runner's jumps are swapped for unloaded stability work; nothing already in the week."""
    week = {"mon": [slot("Goblet Squat", 4), slot("Romanian Deadlift", 4), slot("Dead Bug"),
                    slot("Push-Up")],
            "thu": [slot("Hip Thrust", 4), slot("Pallof Press"), slot("Inverted Row")]}
    report = check(week, RACER)
    low = next(f for f in report.findings if f.code == "UNILATERAL_SHARE_LOW")
    library = {e.name: e for e in shipped_library()}
    assert low.fixes
    for fix in low.fixes:
        old = week[fix.slot[0].value][fix.slot[1]].exercise
        new = library[fix.exercise]
        assert fix.kind.value == "swap" and new.pattern == old.pattern
        assert new.is_unilateral and new.name not in {s.exercise.name for d in week.values()
                                                      for s in d}
    stable = ClientProfile(name="Ana", goal=Goal.RACE, stage=Stage.STABILITY)
    jumps = {"mon": [slot("Box Jumps", 3, 5), slot("Lateral Step-Down"), slot("Dead Bug"),
                     slot("Push-Up")]}
    plyo = next(f for f in check(jumps, stable).findings if f.code == "PLYO_BEFORE_STRENGTH")
    swapped_in = library[plyo.fixes[0].exercise]
    assert swapped_in.phase == "stability" and not swapped_in.is_jump
    assert not swapped_in.is_loaded
