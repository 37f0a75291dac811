"""The blog's own advice passes its own checks."""

from __future__ import annotations

from dataclasses import replace

from coachdesk.checks import ClientProfile, Week, evaluate
from coachdesk.vocab import Goal, Injury, Laterality, RaceDistance, Stage, Weekday

from .factory import LIBRARY, full_body_a, full_body_b

RACER = ClientProfile(name="Ana", goal=Goal.RACE, race_distance=RaceDistance.HALF,
                      stage=Stage.STRENGTH, injuries=frozenset({Injury.SHIN_SPLINTS}),
                      key_run_days=frozenset({Weekday.TUE, Weekday.SAT}))


def blog_week() -> Week:
    """Two full-body sessions of the blog's exercises: Nordic curls, split squats, lateral
    step-downs, single-leg toe touches, calf and tibialis work, hip abduction and core."""
    return Week.from_mapping({"mon": full_body_a(), "thu": full_body_b()},
                             {"mon": "Full body A", "thu": "Full body B"})


def test_the_blogs_two_full_body_sessions_get_no_warning_or_error() -> None:
    report = evaluate(blog_week(), RACER, LIBRARY)
    assert report.errors == () and report.warnings == (), [f.message for f in report.findings]


def test_swapping_every_unilateral_exercise_for_a_bilateral_one_is_flagged() -> None:
    week = blog_week()
    swapped = Week(tuple(
        replace(day, slots=tuple(
            replace(slot, exercise=replace(slot.exercise, laterality=Laterality.BILATERAL),
                    per_side=False)
            for slot in day.slots))
        for day in week.days))
    assert "UNILATERAL_SHARE_LOW" in evaluate(swapped, RACER, LIBRARY).codes()
