"""The blog's own advice passes its own checks, and loses once the single-leg work goes."""

from __future__ import annotations

from dataclasses import replace

from coachdesk.checks import ClientProfile, ExerciseInfo, Week, evaluate
from coachdesk.vocab import (
    Goal,
    Injury,
    Phase,
    RaceDistance,
    Stage,
    Weekday,
)

from .factory import BILATERAL_STAND_IN, LIBRARY, full_body_a, full_body_b

RACER = ClientProfile(name="Ana", goal=Goal.RACE, race_distance=RaceDistance.HALF,
                      stage=Stage.STRENGTH, injuries=frozenset({Injury.SHIN_SPLINTS}),
                      key_run_days=frozenset({Weekday.WED, Weekday.SAT}))
BLOG_EXERCISES = {"Nordic Curl", "ATG Split Squat", "Lateral Step-Down", "Single-Leg Toe Touch",
                  "Calf Raise", "Tibialis Raise", "Side-Lying Hip Abduction"}


def blog_week() -> Week:
    """Two full-body sessions, Monday and Thursday, of the blog's exercises plus core in two
    planes and an upper-body push or pull each day, all at moderate intensity."""
    return Week.from_mapping({"mon": full_body_a(), "thu": full_body_b()},
                             {"mon": "Full body A", "thu": "Full body B"})


def all_bilateral(week: Week) -> Week:
    """The same week with every unilateral exercise swapped for a two-sided stand-in."""
    return Week(tuple(
        replace(day, slots=tuple(
            replace(slot, exercise=BILATERAL_STAND_IN[slot.exercise], per_side=False)
            if slot.exercise.is_unilateral else slot
            for slot in day.slots))
        for day in week.days))


def test_the_blog_week_is_what_the_blog_describes() -> None:
    week = blog_week()
    names = {slot.exercise.name for day in week.days for slot in day.slots}
    assert names >= BLOG_EXERCISES
    for day in week.training_days:
        planes = {x.exercise.core_plane for x in day.slots} - {None}
        assert len(planes) >= 2
        assert any(x.exercise.is_upper_body for x in day.slots)


def test_the_blogs_two_full_body_sessions_get_no_warning_or_error() -> None:
    report = evaluate(blog_week(), RACER, LIBRARY)
    assert report.errors == () and report.warnings == (), [f.message for f in report.findings]
    assert report.stats.sessions_per_week == 2
    assert report.stats.unilateral_share >= 0.4


def test_swapping_every_unilateral_exercise_for_a_bilateral_one_is_flagged() -> None:
    swapped = all_bilateral(blog_week())
    assert not any(x.exercise.is_unilateral for d in swapped.days for x in d.slots)
    report = evaluate(swapped, RACER, LIBRARY)
    assert [f.code for f in report.warnings] == ["UNILATERAL_SHARE_LOW"]
    assert "Only 0% of the lower-body sets are single-leg work" in report.warnings[0].message
    assert report.stats.unilateral_share == 0.0


def starter_library() -> tuple[ExerciseInfo, ...]:
    from .shipped import shipped_library

    return shipped_library()


def test_hints_from_the_shipped_library_never_offer_jumps_before_strength() -> None:
    library = starter_library()
    power = [e.name for e in library if e.is_jump or e.phase == Phase.POWER]
    assert power  # the starter library has plyometrics to leave out
    stable = replace(RACER, stage=Stage.STABILITY,
                     injuries=frozenset({Injury.ANKLE_SPRAIN, Injury.ITBS}))
    report = evaluate(all_bilateral(blog_week()), stable, library)
    hints = " ".join(f.hint for f in report.findings)
    assert "UNILATERAL_SHARE_LOW" in report.codes()
    assert not [name for name in power if name in hints], hints
