"""Random weeks never break the engine, and the numbers add up."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from coachdesk.checks import ClientProfile, ExerciseInfo, Slot, Week, evaluate
from coachdesk.vocab import (
    WEEKDAYS,
    CorePlane,
    Goal,
    Injury,
    Intensity,
    Laterality,
    Muscle,
    Phase,
    RaceDistance,
    Side,
    Stage,
)

exercises = st.builds(
    ExerciseInfo,
    name=st.text(min_size=1, max_size=20),
    muscles=st.frozensets(st.sampled_from(list(Muscle)), min_size=1, max_size=4),
    laterality=st.sampled_from(list(Laterality)),
    phase=st.sampled_from(list(Phase)),
    plyometric=st.booleans(),
    eccentric=st.booleans(),
    core_plane=st.none() | st.sampled_from(list(CorePlane)),
)


@st.composite
def slots(draw: st.DrawFn) -> Slot:
    timed = draw(st.booleans())
    side = draw(st.none() | st.sampled_from(list(Side)))
    return Slot(
        exercise=draw(exercises),
        sets=draw(st.integers(1, 10)),
        reps=None if timed else draw(st.integers(1, 30)),
        seconds=draw(st.integers(5, 120)) if timed else None,
        per_side=False if side else draw(st.booleans()),
        side=side,
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


@settings(max_examples=300, deadline=None)
@given(weeks, clients)
def test_random_weeks_never_crash_and_stats_add_up(week: Week, client) -> None:
    report = evaluate(week, client)
    stats = report.stats
    assert 0.0 <= stats.unilateral_share <= 1.0
    placed = [slot for day in week.days for slot in day.slots]
    assert stats.working_sets == sum(x.sets for x in placed)
    assert sum(stats.sets_per_muscle.values()) == sum(x.sets * len(x.exercise.muscles)
                                                      for x in placed)
    assert stats.lower_body_sets <= stats.working_sets
    assert stats.unilateral_lower_sets <= stats.lower_body_sets
    assert stats.sessions_per_week == len(week.training_days)
    assert all(f.message and f.hint for f in report.findings)
    for finding in report.findings:
        for weekday, position in finding.slots:
            assert 0 <= position < len(next(d for d in week.days if d.weekday == weekday).slots)


def mirrored(week: Week) -> Week:
    flip = {Side.LEFT: Side.RIGHT, Side.RIGHT: Side.LEFT, None: None}
    return Week(tuple(replace(day, slots=tuple(replace(x, side=flip[x.side]) for x in day.slots))
                      for day in week.days))


@settings(max_examples=300, deadline=None)
@given(weeks)
def test_mirroring_left_and_right_never_changes_sides_uneven(week: Week) -> None:
    before = "SIDES_UNEVEN" in evaluate(week).codes()
    after = "SIDES_UNEVEN" in evaluate(mirrored(week)).codes()
    assert before == after
