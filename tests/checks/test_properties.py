"""Random weeks never break the engine, and the numbers add up."""

from __future__ import annotations

import json
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from coachdesk.checks import CheckSettings, ClientProfile, ExerciseInfo, Slot, Week, evaluate
from coachdesk.vocab import (
    WEEKDAYS,
    CorePlane,
    ExternalLoad,
    Goal,
    Injury,
    Intensity,
    Laterality,
    Muscle,
    Pattern,
    Phase,
    RaceDistance,
    Side,
    Stage,
)

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}

exercises = st.builds(
    ExerciseInfo,
    name=st.text(min_size=1, max_size=20),
    muscles=st.frozensets(st.sampled_from(list(Muscle)), max_size=4),
    laterality=st.sampled_from(list(Laterality)),
    phase=st.sampled_from(list(Phase)),
    plyometric=st.booleans(),
    eccentric=st.booleans(),
    core_plane=st.none() | st.sampled_from(list(CorePlane)),
    pattern=st.none() | st.sampled_from(list(Pattern)),
    secondary=st.frozensets(st.sampled_from(list(Muscle)), max_size=3),
    external_load=st.sampled_from(list(ExternalLoad)),
)


@st.composite
def slots(draw: st.DrawFn) -> Slot:
    timed = draw(st.booleans())
    return Slot(
        exercise=draw(exercises),
        sets=draw(st.integers(0, 10)),
        reps=None if timed else draw(st.none() | st.integers(1, 30)),
        seconds=draw(st.integers(5, 120)) if timed else None,
        per_side=draw(st.booleans()),
        side=draw(st.none() | st.sampled_from(list(Side))),
        intensity=draw(st.none() | st.sampled_from(list(Intensity))),
    )


weeks = st.dictionaries(st.sampled_from([d.value for d in WEEKDAYS]),
                        st.lists(slots(), max_size=6), max_size=7).map(Week.from_mapping)
clients = st.none() | st.builds(
    ClientProfile,
    goal=st.none() | st.sampled_from(list(Goal)),
    race_distance=st.none() | st.sampled_from(list(RaceDistance)),
    stage=st.none() | st.sampled_from(list(Stage)),
    injuries=st.frozensets(st.sampled_from(list(Injury))),
    key_run_days=st.frozensets(st.sampled_from(list(WEEKDAYS))),
    name=st.text(max_size=10),
)
check_settings = st.builds(
    CheckSettings,
    unilateral_share_min=st.floats(0, 1),
    core_planes_min=st.integers(0, 3),
    key_muscles=st.frozensets(st.sampled_from(list(Muscle))),
    micro_session_below=st.integers(0, 4),
)


@settings(max_examples=300, deadline=None)
@given(weeks, clients, st.lists(exercises, max_size=12), check_settings)
def test_random_weeks_never_crash_and_stats_add_up(
    week: Week, client: ClientProfile | None, library: list[ExerciseInfo],
    thresholds: CheckSettings,
) -> None:
    report = evaluate(week, client, library, thresholds)
    stats = report.stats
    placed = [slot for day in week.days for slot in day.slots]
    assert 0.0 <= stats.unilateral_share <= 1.0
    assert stats.working_sets == sum(x.sets for x in placed)
    assert sum(stats.sets_per_muscle.values()) == sum(x.sets * len(x.exercise.muscles)
                                                      for x in placed)
    assert stats.unilateral_lower_sets <= stats.lower_body_sets <= stats.working_sets
    sessions = [d for d in week.training_days
                if not d.micro and len(d.slots) >= thresholds.micro_session_below]
    assert stats.sessions_per_week == len(sessions)
    assert stats.sessions_per_week + stats.micro_sessions == len(week.training_days)
    json.dumps(report.to_dict())  # JSON-ready whatever the week


@settings(max_examples=300, deadline=None)
@given(weeks, clients, st.lists(exercises, max_size=12))
def test_findings_are_sorted_worded_and_point_inside_the_week(
    week: Week, client: ClientProfile | None, library: list[ExerciseInfo]
) -> None:
    report = evaluate(week, client, library)
    ranks = [SEVERITY_RANK[f.severity] for f in report.findings]
    assert ranks == sorted(ranks)
    training = {d.weekday for d in week.training_days}
    slot_counts = {d.weekday: len(d.slots) for d in week.days}
    for finding in report.findings:
        assert finding.message and finding.hint
        assert set(finding.days) <= training
        for weekday, position in finding.slots:
            assert 0 <= position < slot_counts[weekday]
    if not training:
        assert [f.code for f in report.findings] == ["EMPTY_WEEK"]


def mirrored(week: Week) -> Week:
    flip = {Side.LEFT: Side.RIGHT, Side.RIGHT: Side.LEFT, None: None}
    return Week(tuple(replace(day, slots=tuple(replace(x, side=flip[x.side]) for x in day.slots))
                      for day in week.days))


@settings(max_examples=300, deadline=None)
@given(weeks)
def test_mirroring_left_and_right_never_changes_sides_uneven(week: Week) -> None:
    before = evaluate(week)
    after = evaluate(mirrored(week))
    assert ("SIDES_UNEVEN" in before.codes()) == ("SIDES_UNEVEN" in after.codes())
    assert (before.stats.left_volume, before.stats.right_volume) == (
        after.stats.right_volume, after.stats.left_volume)


# --- movement, on the starter library's own tags -------------------------------------------

TRUNK_AND_FOOT = ("Dead Bug", "Hanging Knee Raise", "Side Plank", "Side Plank with Leg Lift",
                  "Copenhagen Plank", "Front Plank", "Pallof Press", "Bird Dog", "Short Foot",
                  "Toe Yoga")
UPPER_BODY = ("Push-Up", "Inverted Row", "Single-Arm Dumbbell Row",
              "Half-Kneeling Overhead Press", "Chin-Up")


def _shipped_slot(name: str, sets: int) -> Slot:
    from .shipped import slot

    return slot(name, sets)


def _with(week: Week, weekday: str, extra: Slot) -> Week:
    return Week(tuple(replace(d, slots=(*d.slots, extra)) if d.weekday == weekday else d
                      for d in week.days))


@settings(max_examples=200, deadline=None)
@given(weeks, st.sampled_from(TRUNK_AND_FOOT), st.sampled_from([d.value for d in WEEKDAYS]),
       st.integers(1, 6))
def test_adding_trunk_or_foot_work_never_changes_the_leg_numbers(
        week: Week, name: str, weekday: str, sets: int) -> None:
    before = evaluate(week).stats
    after = evaluate(_with(week, weekday, _shipped_slot(name, sets))).stats
    assert after.lower_body_sets == before.lower_body_sets
    assert after.unilateral_lower_sets == before.unilateral_lower_sets
    assert after.unilateral_share == before.unilateral_share


@settings(max_examples=200, deadline=None)
@given(weeks, st.sampled_from(UPPER_BODY), st.sampled_from([d.value for d in WEEKDAYS]))
def test_a_row_or_a_push_up_never_makes_a_day_a_core_day(
        week: Week, name: str, weekday: str) -> None:
    before = evaluate(week)
    after = evaluate(_with(week, weekday, _shipped_slot(name, 3)))
    assert (after.stats.core_sets, after.stats.core_planes) == \
        (before.stats.core_sets, before.stats.core_planes)
    missing_before = {d for f in before.findings if f.code == "CORE_MISSING_DAY" for d in f.days}
    missing_after = {d for f in after.findings if f.code == "CORE_MISSING_DAY" for d in f.days}
    assert missing_before <= missing_after
