"""A season's checks: each block's week is checked as that block's stage, and the season as a
whole (stage order, strength in power blocks, the last ten days, deloads)."""

from __future__ import annotations

from datetime import date, timedelta

from coachdesk.checks import ClientProfile, Week
from coachdesk.checks.season import check_season
from coachdesk.season import BlockStage, SeasonBlock, SeasonPlan, plan_backward
from coachdesk.vocab import Goal, Intensity, Season, Stage
from tests.checks.factory import (
    BARBELL_SQUAT,
    BOUNDS,
    DEAD_BUG,
    POGO,
    SIDE_PLANK,
    SPLIT_SQUAT,
    full_body_a,
    full_body_b,
    s,
    week,
)

START = date(2027, 1, 11)
RUNNER = ClientProfile(goal=Goal.RACE, stage=Stage.STABILITY, name="Ana")


def jumps_week() -> Week:
    """The blog week with pogo hops on Monday and a loaded squat on Thursday."""
    return week({"mon": [*full_body_a(), s(POGO, 3, 10)],
                 "thu": [*full_body_b(), s(BARBELL_SQUAT, 3, 5)]})


def plan(*blocks: SeasonBlock, race: date | None = None) -> SeasonPlan:
    return SeasonPlan(START, blocks, race)


def test_jumps_are_refused_in_the_stability_block_and_fine_in_the_power_block() -> None:
    season = plan(SeasonBlock(BlockStage.STABILITY, 3), SeasonBlock(BlockStage.STRENGTH, 4),
                  SeasonBlock(BlockStage.POWER, 3))
    report = check_season(season, {1: jumps_week(), 2: jumps_week(), 3: jumps_week()},
                          RUNNER, Stage.STABILITY)
    assert "PLYO_BEFORE_STRENGTH" in report.blocks[1].codes()
    assert "LOAD_BEFORE_STABILITY" in report.blocks[1].codes()
    assert "PLYO_BEFORE_STRENGTH" not in report.blocks[3].codes()
    assert "LOAD_BEFORE_STABILITY" not in report.blocks[3].codes()
    assert not report.codes() & {"SEASON_SKIPS_STAGE", "POWER_BLOCK_WITHOUT_STRENGTH"}


def test_a_power_block_straight_after_stability_skips_strength() -> None:
    season = plan(SeasonBlock(BlockStage.STABILITY, 3), SeasonBlock(BlockStage.POWER, 3))
    report = check_season(season, {}, RUNNER, Stage.STABILITY)
    [skip] = [f for f in report.findings if f.code == "SEASON_SKIPS_STAGE"]
    assert skip.message == ("Block 2 · Power (from 1 February 2027) skips strength: the "
                            "runner has not done a strength block yet.")
    assert "strength block before it" in skip.hint
    started_strong = check_season(plan(SeasonBlock(BlockStage.POWER, 3)), {}, RUNNER,
                                  Stage.STRENGTH)
    assert "SEASON_SKIPS_STAGE" not in started_strong.codes()


def test_a_power_block_with_no_loaded_leg_work_is_flagged() -> None:
    bodyweight_jumps = week({"mon": [s(POGO, 3, 10), s(BOUNDS, 3, 6), s(SPLIT_SQUAT),
                                     s(DEAD_BUG)],
                             "thu": [s(SPLIT_SQUAT), s(SIDE_PLANK, 3, seconds=30)]})
    season = plan(SeasonBlock(BlockStage.STRENGTH, 4), SeasonBlock(BlockStage.POWER, 3))
    report = check_season(season, {2: bodyweight_jumps}, RUNNER, Stage.STRENGTH)
    assert "POWER_BLOCK_WITHOUT_STRENGTH" in report.codes()
    assert "POWER_WITHOUT_STRENGTH" in report.blocks[2].codes()  # the week's own check
    kept = check_season(season, {2: jumps_week()}, RUNNER, Stage.STRENGTH)
    assert "POWER_BLOCK_WITHOUT_STRENGTH" not in kept.codes()


def test_heavy_work_in_the_last_ten_days_names_the_dates() -> None:
    heavy = week({"tue": [s(BARBELL_SQUAT, 3, 5, intensity=Intensity.HEAVY), s(DEAD_BUG)],
                  "fri": [s(SPLIT_SQUAT), s(DEAD_BUG)]})
    race = START + timedelta(weeks=3, days=5)  # Saturday 6 February
    season = plan(SeasonBlock(BlockStage.STRENGTH, 3), SeasonBlock(BlockStage.TAPER, 1),
                  race=race)
    report = check_season(season, {1: heavy, 2: heavy}, RUNNER, Stage.STRENGTH)
    [late] = [f for f in report.findings if f.code == "RACE_RUN_IN_HEAVY"]
    assert late.message == (
        "Heavy or high-impact work in the last 10 days before the race on 6 February 2027: "
        "Barbell Back Squat on Tuesday 2 February 2027.")  # 26 January is 11 days out
    assert "TAPER_LOAD" in report.blocks[2].codes()  # the taper block's own check
    light = week({"tue": [s(BARBELL_SQUAT, 2, 5, intensity=Intensity.LIGHT), s(DEAD_BUG)]})
    calm = check_season(season, {1: heavy, 2: light}, RUNNER, Stage.STRENGTH)
    assert "RACE_RUN_IN_HEAVY" not in calm.codes()
    jumping = week({"wed": [s(POGO, 3, 10), s(DEAD_BUG)]})
    hops = check_season(season, {1: light, 2: jumping}, RUNNER, Stage.STRENGTH)
    assert "Pogo Hops on Wednesday 3 February 2027" in hops.findings[0].message


def test_a_block_longer_than_four_weeks_needs_a_deload() -> None:
    season = plan(SeasonBlock(BlockStage.STRENGTH, 5), SeasonBlock(BlockStage.STRENGTH, 5, None,
                                                                    deload_week=4))
    report = check_season(season, {}, RUNNER, Stage.STRENGTH)
    assert [f.message for f in report.findings if f.code == "BLOCK_WITHOUT_DELOAD"] == [
        "Block 1 · Strength runs 5 weeks with no deload week."]


def test_a_planned_season_passes_its_own_season_checks() -> None:
    for weeks in (3, 10, 30):
        race = START + timedelta(weeks=weeks - 1, days=5)
        season = plan_backward(race, START - timedelta(days=2), Stage.STABILITY,
                               Season.OFF_SEASON)
        report = check_season(season, {}, RUNNER, Stage.STABILITY)
        assert report.codes() <= {"BLOCK_HAS_NO_WEEK"}, weeks


def test_the_power_block_checks_judge_the_shipped_library() -> None:
    """The same season check on the starter library's own tags: jumps, a bodyweight lunge
    and trunk work keep no loaded strength; a shipped goblet squat or split squat does."""
    from tests.checks.shipped import slot as shipped_slot

    bodyweight = {"mon": [shipped_slot("Pogo Hops", 3, 10), shipped_slot("Bounds", 3, 6),
                          shipped_slot("Stationary Lunge"), shipped_slot("Dead Bug", 3, 8)],
                  "thu": [shipped_slot("Single-Leg Balance", 3, seconds=30),
                          shipped_slot("Side Plank", 3, seconds=30)]}
    season = plan(SeasonBlock(BlockStage.STRENGTH, 4), SeasonBlock(BlockStage.POWER, 3))
    report = check_season(season, {2: week(bodyweight)}, RUNNER, Stage.STRENGTH)
    assert "POWER_BLOCK_WITHOUT_STRENGTH" in report.codes()
    assert "POWER_WITHOUT_STRENGTH" in report.blocks[2].codes()  # the week's check agrees
    for kept in ("Goblet Squat", "Bulgarian Split Squat", "Romanian Deadlift"):
        days = {**bodyweight, "thu": [*bodyweight["thu"], shipped_slot(kept, 3, 6)]}
        report = check_season(season, {2: week(days)}, RUNNER, Stage.STRENGTH)
        assert "POWER_BLOCK_WITHOUT_STRENGTH" not in report.codes(), kept
        assert "POWER_WITHOUT_STRENGTH" not in report.blocks[2].codes(), kept
