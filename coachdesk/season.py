"""A runner's strength season, typed: blocks of weeks from a start Monday up to race day,
and planning them backward from the race (pure: no Qt, no database).

The order is the seed's: stability first, then load (strength), then power with strength
kept beside it; a taper before the race. In season, strength is maintained, not built.
A season is stored as JSON (:meth:`SeasonPlan.blocks_json`), each block checked on the way
in so a bad stored value names the block and its field.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from coachdesk.errors import ValidationError
from coachdesk.vocab import Season, Stage


class BlockStage(StrEnum):
    """What a block is for: the three build stages, then holding and sharpening."""

    STABILITY = "stability"
    STRENGTH = "strength"
    POWER = "power"
    MAINTENANCE = "maintenance"
    TAPER = "taper"


BUILD_ORDER: tuple[BlockStage, ...] = (BlockStage.STABILITY, BlockStage.STRENGTH,
                                       BlockStage.POWER)
# Weeks a build block is given when there is room, and the fewest worth planning.
IDEAL_WEEKS = {BlockStage.STABILITY: 3, BlockStage.STRENGTH: 6, BlockStage.POWER: 4}
MIN_WEEKS = {BlockStage.STABILITY: 2, BlockStage.STRENGTH: 3, BlockStage.POWER: 2}
# A long runway grows stability and power to these before adding strength blocks.
ROOMY_WEEKS = {BlockStage.STABILITY: 4, BlockStage.STRENGTH: 6, BlockStage.POWER: 6}
# Planning order for shortening: stability gives way first, then power, strength last.
SHORTEN_ORDER = (BlockStage.STABILITY, BlockStage.POWER, BlockStage.STRENGTH)
MAX_BLOCK_WEEKS = 12
PLANNED_BLOCK_CAP = 6  # a planned block is at most this long; longer runways repeat blocks
DELOAD_AFTER = 4  # a block longer than this many weeks needs a deload week
PLANNED_DELOAD_WEEK = 4
MAX_SEASON_WEEKS = 52
MAX_BLOCKS = 20
LONG_TAPER_FROM = 8  # a runway of at least this many weeks gets a two-week taper

STAGE_PURPOSE = {
    BlockStage.STABILITY: "Balance and control on one leg, so your joints are ready for load.",
    BlockStage.STRENGTH: "Heavier lifts that make every stride cheaper and your legs "
                         "more robust.",
    BlockStage.POWER: "Jumps and fast lifts that turn your strength into spring, while "
                      "the heavy work stays in.",
    BlockStage.MAINTENANCE: "Short sessions that hold on to your strength while the "
                            "running comes first.",
    BlockStage.TAPER: "Light and brief, so you reach the start line fresh.",
}
"""What each block is for, in the runner's words (the PDF and the calendar say it)."""


def stage_label(stage: BlockStage | str) -> str:
    return str(stage).capitalize()


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class SeasonBlock:
    """Some weeks with one purpose: a stage, a length, the week it repeats (a template),
    its deload week and its per-slot progression (the stored shape of a program's)."""

    stage: BlockStage
    weeks: int
    template_id: int | None = None
    deload_week: int | None = None
    progression: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "stage", BlockStage(self.stage))
        except ValueError:
            allowed = ", ".join(s.value for s in BlockStage)
            raise ValidationError("stage", f"{self.stage!r} is not a block stage; choose "
                                  f"one of {allowed}") from None
        if not _whole(self.weeks) or not 1 <= self.weeks <= MAX_BLOCK_WEEKS:
            raise ValidationError("weeks", f"a block lasts from 1 to {MAX_BLOCK_WEEKS} weeks")
        if self.template_id is not None and (not _whole(self.template_id)
                                             or self.template_id < 1):
            raise ValidationError("template", "must be a template's number, or none")
        if self.deload_week is not None and (not _whole(self.deload_week)
                                             or not 1 <= self.deload_week <= self.weeks):
            raise ValidationError("deload_week", f"must be a week of the block, from 1 to "
                                  f"{self.weeks}, or none")
        if not isinstance(self.progression, Mapping):
            raise ValidationError("progression", "must map slots to progression rules")
        object.__setattr__(self, "progression", dict(self.progression))

    @property
    def is_build(self) -> bool:
        return self.stage in BUILD_ORDER

    @classmethod
    def from_json(cls, data: object) -> SeasonBlock:
        if not isinstance(data, Mapping):
            raise ValidationError("block", "must be a JSON object with a stage and weeks")
        unknown = sorted(set(data) - {"stage", "weeks", "template_id", "deload_week",
                                      "progression"})
        if unknown:
            raise ValidationError(str(unknown[0]), "is not a block setting (a block has "
                                  "stage, weeks, template_id, deload_week, progression)")
        return cls(data.get("stage"), data.get("weeks"),  # type: ignore[arg-type]
                   data.get("template_id"), data.get("deload_week"),
                   data.get("progression") or {})

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"stage": self.stage.value, "weeks": self.weeks}
        if self.template_id is not None:
            data["template_id"] = self.template_id
        if self.deload_week is not None:
            data["deload_week"] = self.deload_week
        if self.progression:
            data["progression"] = dict(self.progression)
        return data


@dataclass(frozen=True)
class DatedBlock:
    """A block placed on the calendar: its place (from 1), first Monday and last Sunday."""

    number: int
    block: SeasonBlock
    start: date
    end: date

    @property
    def stage(self) -> BlockStage:
        return self.block.stage

    @property
    def weeks(self) -> int:
        return self.block.weeks

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def week_start(self, week: int) -> date:
        """The Monday of the block's week ``week`` (from 1)."""
        return self.start + timedelta(weeks=week - 1)

    @property
    def title(self) -> str:
        return f"Block {self.number} · {stage_label(self.stage)}"


def block_error(number: int, error: ValidationError) -> ValidationError:
    """A block's problem, named as the coach counts blocks: ``block 2 weeks: …``."""
    return ValidationError(f"block {number} {error.field}", error.message)


@dataclass(frozen=True)
class SeasonPlan:
    """The blocks from ``start`` (a Monday) in order, and the race they lead to."""

    start: date
    blocks: tuple[SeasonBlock, ...]
    race_date: date | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.start, date):
            raise ValidationError("start", "must be a date")
        if self.start.weekday() != 0:
            raise ValidationError("start", "a season starts on a Monday")
        if self.race_date is not None and not isinstance(self.race_date, date):
            raise ValidationError("race_date", "must be a date")
        object.__setattr__(self, "blocks", tuple(self.blocks))
        if len(self.blocks) > MAX_BLOCKS:
            raise ValidationError("blocks", f"a season has at most {MAX_BLOCKS} blocks")
        if self.total_weeks > MAX_SEASON_WEEKS:
            raise ValidationError("blocks", f"the blocks add up to {self.total_weeks} weeks; "
                                  f"a season is at most {MAX_SEASON_WEEKS} weeks")

    @property
    def total_weeks(self) -> int:
        return sum(b.weeks for b in self.blocks)

    @property
    def end(self) -> date:
        """The last Sunday of the last block."""
        return self.start + timedelta(weeks=self.total_weeks, days=-1)

    def dated(self) -> tuple[DatedBlock, ...]:
        placed, start = [], self.start
        for number, block in enumerate(self.blocks, start=1):
            end = start + timedelta(weeks=block.weeks, days=-1)
            placed.append(DatedBlock(number, block, start, end))
            start = end + timedelta(days=1)
        return tuple(placed)

    def block_on(self, day: date) -> DatedBlock | None:
        return next((b for b in self.dated() if b.contains(day)), None)

    def stage_on(self, day: date) -> BlockStage | None:
        """The stage of the block ``day`` falls in (None outside the season)."""
        block = self.block_on(day)
        return block.stage if block else None

    def build_stage_on(self, day: date, before: Stage | None = None) -> Stage | None:
        """The client's training stage on ``day``: the block's own stage in a build block,
        the last build stage before it in maintenance or taper (``before``: the stage the
        runner had when the season began)."""
        latest = before
        for block in self.dated():
            if block.start > day:
                break
            if block.block.is_build:
                latest = Stage(block.stage.value)
            if block.contains(day):
                return latest
        return None

    def blocks_json(self) -> list[dict[str, Any]]:
        return [b.to_json() for b in self.blocks]

    @staticmethod
    def blocks_from_json(data: object) -> tuple[SeasonBlock, ...]:
        """The stored blocks, each problem named by its block (``block 2 weeks: …``)."""
        if not isinstance(data, Sequence) or isinstance(data, str | bytes):
            raise ValidationError("blocks", "must be a list of blocks")
        blocks = []
        for number, item in enumerate(data, start=1):
            try:
                blocks.append(SeasonBlock.from_json(item))
            except ValidationError as error:
                raise block_error(number, error) from None
        return tuple(blocks)


# --- planning backward from race day ---------------------------------------------------------


def first_monday(today: date) -> date:
    """The season starts this Monday if today is one, else next Monday."""
    return today if today.weekday() == 0 else monday_of(today) + timedelta(weeks=1)


def runway_weeks(race_date: date, today: date) -> int:
    """Weeks from the first Monday up to and including the race week."""
    return (monday_of(race_date) - first_monday(today)).days // 7 + 1


def stages_from(current: Stage | None) -> list[BlockStage]:
    """The build stages still ahead of a runner at ``current`` (passed ones skipped)."""
    start = BUILD_ORDER.index(BlockStage(current.value)) if current else 0
    return list(BUILD_ORDER[start:])


def _fit(stages: list[BlockStage], weeks: int) -> dict[BlockStage, int]:
    """Weeks per build stage for ``weeks`` of building: the ideal when it fits, shortened
    to the minimums (stability first, then power, strength last), power dropped before
    strength when even those do not fit, one stage alone when only one fits; a long runway
    lengthens power and stability, then gives the rest to strength."""
    while len(stages) > 1 and sum(MIN_WEEKS[s] for s in stages) > weeks:
        stages = stages[:-1]  # power goes first, never power without strength before it
    if len(stages) == 1:
        return {stages[0]: weeks}
    lengths = {s: IDEAL_WEEKS[s] for s in stages}
    for stage in SHORTEN_ORDER:
        while stage in lengths and sum(lengths.values()) > weeks \
                and lengths[stage] > MIN_WEEKS[stage]:
            lengths[stage] -= 1
    for stage in (BlockStage.POWER, BlockStage.STABILITY):
        while stage in lengths and sum(lengths.values()) < weeks \
                and lengths[stage] < ROOMY_WEEKS[stage]:
            lengths[stage] += 1
    grow = BlockStage.STRENGTH if BlockStage.STRENGTH in lengths else stages[-1]
    lengths[grow] += weeks - sum(lengths.values())
    return lengths


def chunks(weeks: int, cap: int = PLANNED_BLOCK_CAP) -> list[int]:
    """``weeks`` split into the fewest near-equal blocks of at most ``cap``: 14 → 5, 5, 4."""
    count = max(1, math.ceil(weeks / cap))
    base, extra = divmod(weeks, count)
    return [base + (1 if i < extra else 0) for i in range(count)]


def _blocks(stage: BlockStage, weeks: int) -> list[SeasonBlock]:
    return [SeasonBlock(stage, n, deload_week=PLANNED_DELOAD_WEEK if n > DELOAD_AFTER else None)
            for n in chunks(weeks) if n]


def plan_backward(race_date: date, today: date, current_stage: Stage | None = None,
                  season: Season = Season.OFF_SEASON) -> SeasonPlan:
    """Blocks from the coming Monday to the race week: the stages ahead of the runner
    (stability 3, strength 6, power 4 weeks when there is room), then a taper (two weeks,
    one when the race is under eight weeks away). In season or in the taper: maintenance,
    then the taper."""
    if not isinstance(race_date, date):
        raise ValidationError("race_date", "the runner needs a race day to plan backward from")
    weeks = runway_weeks(race_date, today)
    if race_date < first_monday(today) or weeks < 1:
        raise ValidationError("race_date", f"{race_date.isoformat()} is too close: planning "
                              "backward needs the race on or after the coming Monday")
    if weeks > MAX_SEASON_WEEKS:
        raise ValidationError("race_date", f"is {weeks} weeks away; plan a season of at "
                              f"most {MAX_SEASON_WEEKS} weeks (set a nearer race first)")
    taper = 2 if weeks >= LONG_TAPER_FROM else 1
    build = weeks - taper
    blocks: list[SeasonBlock] = []
    if build > 0 and season in (Season.IN_SEASON, Season.TAPER):
        blocks += _blocks(BlockStage.MAINTENANCE, build)
    elif build > 0:
        for stage, length in _fit(stages_from(current_stage), build).items():
            blocks += _blocks(stage, length)
    blocks.append(SeasonBlock(BlockStage.TAPER, taper))
    return SeasonPlan(first_monday(today), tuple(blocks), race_date)
