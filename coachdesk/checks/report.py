"""Findings, statistics and ``evaluate``: a week (and a client) in, a report out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from coachdesk.checks.settings import CheckSettings
from coachdesk.checks.week import ClientProfile, ExerciseInfo, Slot, Week
from coachdesk.vocab import CorePlane, Muscle, Side, Weekday


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    days: tuple[Weekday, ...] = ()
    slots: tuple[tuple[Weekday, int], ...] = ()
    hint: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "days": [d.value for d in self.days],
            "slots": [{"day": d.value, "position": p} for d, p in self.slots],
            "hint": self.hint,
        }


@dataclass(frozen=True)
class Stats:
    sessions_per_week: int = 0
    working_sets: int = 0
    lower_body_sets: int = 0
    unilateral_lower_sets: int = 0
    unilateral_share: float = 0.0
    core_sets: int = 0
    core_planes: frozenset[CorePlane] = frozenset()
    sets_per_muscle: dict[Muscle, int] = field(default_factory=dict)
    left_volume: int = 0
    right_volume: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "sessions_per_week": self.sessions_per_week,
            "working_sets": self.working_sets,
            "lower_body_sets": self.lower_body_sets,
            "unilateral_lower_sets": self.unilateral_lower_sets,
            "unilateral_share": round(self.unilateral_share, 4),
            "core_sets": self.core_sets,
            "core_planes": sorted(p.value for p in self.core_planes),
            "sets_per_muscle": {m.value: n for m, n in sorted(self.sets_per_muscle.items())},
            "left_volume": self.left_volume,
            "right_volume": self.right_volume,
        }


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    stats: Stats
    settings: CheckSettings = field(default_factory=CheckSettings)

    def _of(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == severity)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return self._of(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return self._of(Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        return self._of(Severity.INFO)

    @property
    def worst(self) -> Severity | None:
        return min((f.severity for f in self.findings), key=SEVERITY_ORDER.get, default=None)

    def codes(self) -> set[str]:
        return {f.code for f in self.findings}

    def to_dict(self) -> dict[str, Any]:
        return {"findings": [f.to_dict() for f in self.findings], "stats": self.stats.to_dict()}


@dataclass(frozen=True)
class PlacedSlot:
    """A slot with where it sits: what rules point findings at."""

    weekday: Weekday
    position: int
    slot: Slot

    @property
    def exercise(self) -> ExerciseInfo:
        return self.slot.exercise

    @property
    def where(self) -> tuple[Weekday, int]:
        return (self.weekday, self.position)


@dataclass(frozen=True)
class Context:
    week: Week
    client: ClientProfile | None
    library: Sequence[ExerciseInfo]
    settings: CheckSettings
    placed: tuple[PlacedSlot, ...]
    stats: Stats


def compute_stats(placed: Sequence[PlacedSlot], sessions: int) -> Stats:
    working = lower = unilateral_lower = core = left = right = 0
    planes: set[CorePlane] = set()
    per_muscle: dict[Muscle, int] = {}
    for item in placed:
        slot, exercise = item.slot, item.slot.exercise
        working += slot.sets
        for muscle in exercise.muscles:
            per_muscle[muscle] = per_muscle.get(muscle, 0) + slot.sets
        if exercise.is_lower_body:
            lower += slot.sets
            if exercise.is_unilateral:
                unilateral_lower += slot.sets
        if exercise.is_core:
            core += slot.sets
            if exercise.core_plane is not None:
                planes.add(exercise.core_plane)
        if slot.per_side:
            left += slot.volume
            right += slot.volume
        elif slot.side == Side.LEFT:
            left += slot.volume
        elif slot.side == Side.RIGHT:
            right += slot.volume
    return Stats(
        sessions_per_week=sessions,
        working_sets=working,
        lower_body_sets=lower,
        unilateral_lower_sets=unilateral_lower,
        unilateral_share=unilateral_lower / lower if lower else 0.0,
        core_sets=core,
        core_planes=frozenset(planes),
        sets_per_muscle=per_muscle,
        left_volume=left,
        right_volume=right,
    )


def evaluate(
    week: Week,
    client: ClientProfile | None = None,
    library: Sequence[ExerciseInfo] = (),
    settings: CheckSettings | None = None,
) -> Report:
    """Run every rule over the week; findings come worst first, in rule order."""
    from coachdesk.checks.rules import RULES

    settings = settings or CheckSettings()
    placed = tuple(
        PlacedSlot(day.weekday, position, slot)
        for day in week.days
        for position, slot in enumerate(day.slots)
    )
    stats = compute_stats(placed, len(week.training_days))
    context = Context(week, client, library, settings, placed, stats)
    findings: list[Finding] = []
    for rule in RULES:
        found = list(rule(context))
        findings.extend(found)
        if found and found[0].code == "EMPTY_WEEK":
            break  # nothing else is worth saying about an empty week
    findings.sort(key=lambda f: SEVERITY_ORDER[f.severity])
    return Report(tuple(findings), stats, settings)
