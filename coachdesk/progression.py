"""Progression of one slot across a program's weeks (pure: no Qt, no database).

A rule says how a slot grows from week to week:

- ``none``: the same numbers every week;
- ``add_reps``: ``step`` more reps every ``every`` weeks (a timed hold grows by
  ``SECONDS_PER_REP_STEP`` × ``step`` seconds instead);
- ``add_sets``: ``step`` more sets every ``every`` weeks;
- ``add_load``: ``step`` more load (in ``units``) every ``every`` weeks;
- ``note``: the numbers stay; only the weekly notes change.

Any rule can carry a free note per week (``{3: "raise the box 5 cm"}``). A program may have
one deload week: that week keeps its reps and load but does about 40 % fewer sets (at
least one) and says "Deload"; the weeks after it carry on as if it had not happened.

Rules are stored on the program as plain dicts keyed by slot (``"mon:0"``), e.g.
``{"kind": "add_load", "step": 2.5, "units": "kg", "notes": {"3": "…"}}``;
:meth:`ProgressionRule.from_mapping` reads and checks one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from coachdesk.errors import ValidationError

KINDS = ("none", "add_reps", "add_sets", "add_load", "note")
DELOAD_SHARE = 0.6  # a deload week keeps about 60 % of the sets
DELOAD_NOTE = "Deload"
SECONDS_PER_REP_STEP = 5  # a timed hold under "add_reps" grows 5 s per step
MAX_WEEKS = 52
MAX_NOTE = 200
MAX_UNITS = 12
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
UNIT_AFTER = re.compile(r"\s*(?:kg|lbs?|kilos?|pounds?)\b", re.IGNORECASE)


class SlotNumbers(Protocol):
    """What progression reads from a slot: a template's ``SlotEntry`` fits."""

    @property
    def sets(self) -> int: ...
    @property
    def reps(self) -> int | None: ...
    @property
    def seconds(self) -> int | None: ...
    @property
    def load(self) -> str: ...


@dataclass(frozen=True)
class SlotBase:
    """A slot's week-one numbers, for callers that have no template slot at hand."""

    sets: int
    reps: int | None = None
    seconds: int | None = None
    load: str = ""


@dataclass(frozen=True)
class WeekPrescription:
    sets: int
    reps: int | None
    seconds: int | None
    load: str
    note: str = ""

    @property
    def is_deload(self) -> bool:
        return self.note.startswith(DELOAD_NOTE)


def _whole(field_name: str, value: object, low: int, high: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(field_name, f"must be {what} from {low} to {high}")
    return value


def _notes(value: object) -> dict[int, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValidationError("notes", "must map week numbers to notes")
    notes: dict[int, str] = {}
    for key, text in value.items():
        week = key
        if isinstance(key, str) and key.strip().isdigit():
            week = int(key.strip())
        _whole("notes", week, 1, MAX_WEEKS, f"keyed by week numbers (got {key!r}),")
        if not isinstance(text, str):
            raise ValidationError("notes", f"the note for week {week} must be text")
        text = " ".join(text.split())
        if len(text) > MAX_NOTE:
            raise ValidationError("notes", f"the note for week {week} is longer than "
                                  f"{MAX_NOTE} characters")
        if text:
            notes[int(week)] = text
    return notes


@dataclass(frozen=True)
class ProgressionRule:
    kind: str = "none"
    step: float = 1
    every: int = 1
    units: str = ""
    notes: Mapping[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValidationError("kind", f"{self.kind!r} is not one of: {', '.join(KINDS)}")
        if self.kind in ("add_reps", "add_sets"):
            _whole("step", self.step, 1, 20, "a whole number")
        elif self.kind == "add_load" and (
                isinstance(self.step, bool) or not isinstance(self.step, int | float)
                or not math.isfinite(self.step) or not 0 < self.step <= 100):
            raise ValidationError("step", "must be a load step above 0 and at most 100")
        _whole("every", self.every, 1, 12, "a whole number of weeks")
        if not isinstance(self.units, str) or len(self.units) > MAX_UNITS or any(
                not (c.isalnum() or c in " .") for c in self.units):
            raise ValidationError("units", f"must be a short unit like kg or lb "
                                  f"(at most {MAX_UNITS} letters)")
        object.__setattr__(self, "units", self.units.strip())
        object.__setattr__(self, "notes", _notes(self.notes))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None, units: str = "") -> ProgressionRule:
        """A rule from its stored dict; ``units`` is used when the rule names none."""
        if data is None:
            return cls()
        if not isinstance(data, Mapping):
            raise ValidationError("progression", "a rule must be a mapping")
        unknown = sorted(set(data) - {"kind", "step", "every", "units", "notes"})
        if unknown:
            raise ValidationError(str(unknown[0]), "is not a progression setting")
        return cls(kind=data.get("kind", "none"), step=data.get("step", 1),
                   every=data.get("every", 1), units=data.get("units") or units,
                   notes=data.get("notes") or {})


def validate_rule(data: Mapping[str, Any]) -> ProgressionRule:
    """Check a stored rule dict (the progression dialog calls this before saving)."""
    return ProgressionRule.from_mapping(data)


def _add_to_load(load: str, amount: float, units: str) -> str:
    """'20 kg' + 2.5 → '22.5 kg'; '2 × 10 kg' + 2 → '2 × 12 kg'; '20' + 5 lb → '25 lb';
    a load with no number (a band, bodyweight) gets the increase written after it:
    'red band +2.5 kg'."""
    matches = list(NUMBER.finditer(load))
    # The number the unit belongs to ("2 × 10 kg": each dumbbell), else the last one.
    weighed = [m for m in matches if UNIT_AFTER.match(load, m.end())]
    if not matches:
        return " ".join(p for p in (load.strip(), f"+{amount:g}", units) if p)
    match = weighed[0] if weighed else matches[-1]
    value = round(float(match.group(0).replace(",", ".")) + amount, 3)
    text = f"{load[:match.start()]}{value:g}{load[match.end():]}"
    if units and not any(c.isalpha() for c in load[match.end():]):
        text = f"{text.rstrip()} {units}"
    return text


def deload_sets(sets: int) -> int:
    """About 40 % fewer sets, rounded half up, never below one."""
    return max(1, math.floor(sets * DELOAD_SHARE + 0.5))


def week_prescription(slot: SlotNumbers, rule: ProgressionRule | Mapping[str, Any] | None,
                      week_number: int, deload_week: int | None = None) -> WeekPrescription:
    """The numbers for week ``week_number`` (1-based) of ``slot`` under ``rule``."""
    if not isinstance(rule, ProgressionRule):
        rule = ProgressionRule.from_mapping(rule)
    _whole("week_number", week_number, 1, MAX_WEEKS, "a week")
    if deload_week is not None:
        _whole("deload_week", deload_week, 1, MAX_WEEKS, "a week")
    sets, reps, seconds, load = slot.sets, slot.reps, slot.seconds, slot.load or ""
    steps = (week_number - 1) // rule.every
    if rule.kind == "add_reps" and steps:
        if reps is not None:
            reps += int(rule.step) * steps
        elif seconds is not None:
            seconds += SECONDS_PER_REP_STEP * int(rule.step) * steps
    elif rule.kind == "add_sets":
        sets += int(rule.step) * steps
    elif rule.kind == "add_load" and steps:
        load = _add_to_load(load, rule.step * steps, rule.units)
    note = rule.notes.get(week_number, "")
    if deload_week == week_number:
        sets = deload_sets(sets)
        note = f"{DELOAD_NOTE} · {note}" if note else DELOAD_NOTE
    return WeekPrescription(sets, reps, seconds, load, note)


def program_weeks(slot: SlotNumbers, rule: ProgressionRule | Mapping[str, Any] | None,
                  weeks: int, deload_week: int | None = None) -> tuple[WeekPrescription, ...]:
    """Every week of a slot, the rule checked once."""
    if not isinstance(rule, ProgressionRule):
        rule = ProgressionRule.from_mapping(rule)
    _whole("weeks", weeks, 1, MAX_WEEKS, "a number of weeks")
    return tuple(week_prescription(slot, rule, n, deload_week) for n in range(1, weeks + 1))
