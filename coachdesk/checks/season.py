"""Checks for a season: each block's week checked as that block's stage, and the season as a
whole (the order of the stages, strength kept in power blocks, a light run-in to the race,
deloads in long blocks). Pure: plain weeks and a plan in, findings out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from coachdesk.checks.report import Finding, Report, Severity
from coachdesk.checks.rules import TAPER_DAYS, and_list
from coachdesk.checks.run import evaluate
from coachdesk.checks.settings import CheckSettings
from coachdesk.checks.week import ClientProfile, ExerciseInfo, Slot, Week
from coachdesk.dates import long_date
from coachdesk.season import (
    BUILD_ORDER,
    DELOAD_AFTER,
    BlockStage,
    DatedBlock,
    SeasonPlan,
    stage_label,
)
from coachdesk.vocab import WEEKDAYS, Intensity, Season, Stage, day_name

MAX_NAMED_DATES = 6


@dataclass(frozen=True)
class SeasonReport:
    """Each block's report (by block number; a block without a week has none) and the
    findings about the season as a whole."""

    blocks: Mapping[int, Report] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()

    def codes(self) -> set[str]:
        return {f.code for f in self.findings}


def block_profile(client: ClientProfile, plan: SeasonPlan, block: DatedBlock,
                  start_stage: Stage | None) -> ClientProfile:
    """The runner as the block's week is checked: the block's stage (maintenance and taper
    keep the last build stage) and the season it stands for."""
    stage = plan.build_stage_on(block.start, start_stage) or client.stage
    if block.stage == BlockStage.TAPER:
        season = Season.TAPER
    elif block.stage == BlockStage.MAINTENANCE:
        season = Season.IN_SEASON
    else:
        season = client.season if client.season in (Season.OFF_SEASON, Season.PRE_SEASON) \
            else Season.PRE_SEASON
    return replace(client, stage=stage, season=season, race_date=plan.race_date)


def check_season(plan: SeasonPlan, weeks: Mapping[int, Week | None],
                 client: ClientProfile | None = None, start_stage: Stage | None = None,
                 library: Sequence[ExerciseInfo] = (),
                 settings: CheckSettings | None = None) -> SeasonReport:
    """Check every block's week (``weeks`` by block number) with that block's stage, then
    the season as a whole. ``start_stage`` is the runner's stage when the season began."""
    client = client or ClientProfile()
    settings = settings or CheckSettings()
    reports: dict[int, Report] = {}
    for block in plan.dated():
        week = weeks.get(block.number)
        if week is not None:
            # The taper block is checked without a "today": all of it is the run-in.
            reports[block.number] = evaluate(
                week, block_profile(client, plan, block, start_stage), library, settings,
                None if block.stage == BlockStage.TAPER else block.start)
    findings = [*stage_order(plan, start_stage), *missing_weeks(plan, weeks),
                *power_keeps_strength(plan, weeks), *race_run_in(plan, weeks),
                *deloads(plan)]
    return SeasonReport(reports, tuple(findings))


def stage_order(plan: SeasonPlan, start_stage: Stage | None) -> list[Finding]:
    """Stability, then strength, then power: a block that jumps a stage the runner has not
    done skips the base the next stage stands on."""
    reached = BUILD_ORDER.index(BlockStage(start_stage.value)) if start_stage else -1
    found = []
    for block in plan.dated():
        if not block.block.is_build:
            continue
        step = BUILD_ORDER.index(block.stage)
        if step > reached + 1:
            missing = [stage_label(s).lower() for s in BUILD_ORDER[reached + 1:step]]
            found.append(Finding(
                "SEASON_SKIPS_STAGE", Severity.ERROR,
                f"{block.title} (from {long_date(block.start)}) skips "
                f"{and_list(missing)}: the runner has not done a {missing[-1]} block yet.",
                hint=f"Put a {missing[-1]} block before it, or make this block "
                     f"{missing[0]}."))
        reached = max(reached, step)
    return found


def missing_weeks(plan: SeasonPlan, weeks: Mapping[int, Week | None]) -> list[Finding]:
    return [Finding("BLOCK_HAS_NO_WEEK", Severity.INFO,
                    f"{b.title} has no training week yet, so it cannot be checked or printed.",
                    hint="Choose a template for it in the block list.")
            for b in plan.dated() if weeks.get(b.number) is None]


def power_keeps_strength(plan: SeasonPlan, weeks: Mapping[int, Week | None]) -> list[Finding]:
    """Strength must be present to produce power: a power block keeps loaded leg work."""
    found = []
    for block in plan.dated():
        week = weeks.get(block.number)
        if block.stage != BlockStage.POWER or week is None:
            continue
        if not any(s.builds_leg_strength for d in week.days for s in d.slots):
            found.append(Finding(
                "POWER_BLOCK_WITHOUT_STRENGTH", Severity.WARNING,
                f"{block.title} keeps no loaded strength work for the legs, so the strength "
                "the jumps feed on will fade.",
                hint="Keep one loaded squat, split squat or hinge in every power week."))
    return found


def _hard(slot: Slot) -> bool:
    return slot.exercise.is_jump or slot.intensity == Intensity.HEAVY


def race_run_in(plan: SeasonPlan, weeks: Mapping[int, Week | None]) -> list[Finding]:
    """The legs should arrive fresh: nothing heavy and no jumping in the last ten days
    before the race (the dates are named, whichever block they fall in)."""
    if plan.race_date is None:
        return []
    first = plan.race_date - timedelta(days=TAPER_DAYS)
    hits: dict[date, list[str]] = {}
    for block in plan.dated():
        week = weeks.get(block.number)
        if week is None or block.end < first or block.start > plan.race_date:
            continue
        for n in range(block.weeks):
            monday = block.week_start(n + 1)
            for day in week.days:
                when = monday + timedelta(days=WEEKDAYS.index(day.weekday))
                if first <= when <= plan.race_date:
                    hard = [s.exercise.name for s in day.slots if _hard(s)]
                    if hard:
                        hits.setdefault(when, []).extend(hard)
    if not hits:
        return []
    named = [f"{and_list(names)} on {day_name(WEEKDAYS[when.weekday()])} "
             f"{long_date(when)}" for when, names in sorted(hits.items())]
    more = len(named) - MAX_NAMED_DATES
    text = "; ".join(named[:MAX_NAMED_DATES]) + (f"; and {more} more days" if more > 0 else "")
    return [Finding(
        "RACE_RUN_IN_HEAVY", Severity.WARNING,
        f"Heavy or high-impact work in the last {TAPER_DAYS} days before the race on "
        f"{long_date(plan.race_date)}: {text}.",
        hint="Make those sessions light (fewer sets, no jumps), or end the block earlier.")]


def deloads(plan: SeasonPlan) -> list[Finding]:
    return [Finding(
        "BLOCK_WITHOUT_DELOAD", Severity.WARNING,
        f"{b.title} runs {b.weeks} weeks with no deload week.",
        hint=f"Blocks longer than {DELOAD_AFTER} weeks need a lighter week to absorb the "
             f"work: set a deload week (week {DELOAD_AFTER} is usual).")
        for b in plan.dated() if b.weeks > DELOAD_AFTER and b.block.deload_week is None]
