"""Planning a season backward from race day: sensible blocks near and far, stages the runner
has passed skipped, the stage on any day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coachdesk.errors import ValidationError
from coachdesk.season import (
    BlockStage,
    SeasonBlock,
    SeasonPlan,
    plan_backward,
)
from coachdesk.vocab import Season, Stage

B = BlockStage
TODAY = date(2027, 1, 6)  # a Wednesday: the season starts Monday 11 January
START = date(2027, 1, 11)


def race_in(weeks: int, weekday: int = 5) -> date:
    """A race in the ``weeks``-th week of the season (Saturday by default)."""
    return START + timedelta(weeks=weeks - 1, days=weekday)


def shape(plan: SeasonPlan) -> list[tuple[str, int]]:
    return [(b.stage.value, b.weeks) for b in plan.blocks]


def test_a_race_ten_weeks_away_gets_every_stage_shortened_and_a_two_week_taper() -> None:
    plan = plan_backward(race_in(10), TODAY, Stage.STABILITY, Season.OFF_SEASON)
    assert shape(plan) == [("stability", 2), ("strength", 4), ("power", 2), ("taper", 2)]
    assert plan.start == START and plan.total_weeks == 10
    assert plan.end == race_in(10, weekday=6)  # the runway ends with the race week


def test_a_race_thirty_weeks_away_repeats_strength_blocks_of_at_most_six_weeks() -> None:
    plan = plan_backward(race_in(30), TODAY, Stage.STABILITY, Season.PRE_SEASON)
    assert shape(plan) == [("stability", 4), ("strength", 6), ("strength", 6),
                           ("strength", 6), ("power", 6), ("taper", 2)]
    assert plan.total_weeks == 30
    assert all(b.deload_week == 4 for b in plan.blocks if b.weeks > 4)
    assert all(b.deload_week is None for b in plan.blocks if b.weeks <= 4)


def test_with_room_the_plan_is_three_stability_six_strength_four_power_two_taper() -> None:
    plan = plan_backward(race_in(15), TODAY, Stage.STABILITY)
    assert shape(plan) == [("stability", 3), ("strength", 6), ("power", 4), ("taper", 2)]


def test_stages_the_runner_has_passed_are_skipped() -> None:
    plan = plan_backward(race_in(12), TODAY, Stage.STRENGTH)
    assert shape(plan) == [("strength", 6), ("power", 4), ("taper", 2)]
    assert shape(plan_backward(race_in(6), TODAY, Stage.POWER)) == [("power", 5), ("taper", 1)]


def test_a_near_race_drops_power_before_strength_and_never_plans_power_alone() -> None:
    assert shape(plan_backward(race_in(7), TODAY, Stage.STABILITY)) == [
        ("stability", 2), ("strength", 4), ("taper", 1)]
    assert shape(plan_backward(race_in(4), TODAY, Stage.STRENGTH)) == [
        ("strength", 3), ("taper", 1)]
    assert shape(plan_backward(race_in(5), TODAY, Stage.STABILITY)) == [
        ("stability", 4), ("taper", 1)]  # no room for a strength base: no load rushed in


def test_a_race_this_coming_week_is_a_one_week_taper() -> None:
    assert shape(plan_backward(race_in(1), TODAY, Stage.STRENGTH)) == [("taper", 1)]


def test_an_in_season_runner_maintains_then_tapers() -> None:
    plan = plan_backward(race_in(9), TODAY, Stage.POWER, Season.IN_SEASON)
    assert shape(plan) == [("maintenance", 4), ("maintenance", 3), ("taper", 2)]


@pytest.mark.parametrize("race", [TODAY, date(2026, 12, 1), START - timedelta(days=1)])
def test_a_race_before_the_coming_monday_is_refused_naming_the_race_date(race: date) -> None:
    with pytest.raises(ValidationError) as refused:
        plan_backward(race, TODAY, Stage.STABILITY)
    assert refused.value.field == "race_date"


def test_a_race_more_than_a_year_away_is_refused() -> None:
    with pytest.raises(ValidationError, match="at most 52 weeks"):
        plan_backward(race_in(60), TODAY, Stage.STABILITY)


def test_every_runway_from_one_to_fifty_two_weeks_fills_exactly_and_keeps_the_order() -> None:
    order = [B.STABILITY, B.STRENGTH, B.POWER, B.TAPER]
    for weeks in range(1, 53):
        for stage in Stage:
            plan = plan_backward(race_in(weeks), TODAY, stage)
            assert plan.total_weeks == weeks
            stages = [b.stage for b in plan.blocks]
            assert stages == sorted(stages, key=order.index)
            assert all(b.weeks <= 6 for b in plan.blocks)
            if B.POWER in stages and stage != Stage.POWER:
                assert B.STRENGTH in stages


def test_the_stage_on_a_day_follows_the_blocks() -> None:
    plan = plan_backward(race_in(10), TODAY, Stage.STABILITY)
    strength_starts = START + timedelta(weeks=2)
    assert plan.stage_on(strength_starts - timedelta(days=1)) == B.STABILITY
    assert plan.stage_on(strength_starts) == B.STRENGTH
    assert plan.stage_on(START - timedelta(days=1)) is None
    taper = START + timedelta(weeks=8)
    assert plan.stage_on(taper) == B.TAPER
    assert plan.build_stage_on(taper, Stage.STABILITY) == Stage.POWER  # taper keeps power


def test_blocks_round_trip_through_json_and_bad_ones_name_the_block() -> None:
    plan = plan_backward(race_in(30), TODAY, Stage.STABILITY)
    assert SeasonPlan.blocks_from_json(plan.blocks_json()) == plan.blocks
    with pytest.raises(ValidationError) as refused:
        SeasonPlan.blocks_from_json([{"stage": "strength", "weeks": 4},
                                     {"stage": "strength", "weeks": 5, "deload_week": 6}])
    assert refused.value.field == "block 2 deload_week"
    with pytest.raises(ValidationError, match="stability, strength, power"):
        SeasonBlock("speed", 3)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="Monday"):
        SeasonPlan(TODAY, ())
