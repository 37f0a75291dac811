"""Progression of one slot across a program's weeks (pure: no Qt, no database).

A rule says how a slot grows from week to week:

- ``none``: the same numbers every week;
- ``add_reps``: ``step`` more reps every ``every`` weeks (a timed hold grows by
  ``SECONDS_PER_REP_STEP`` × ``step`` seconds instead);
- ``add_sets``: ``step`` more sets every ``every`` weeks;
- ``add_load``: ``step`` more load (in ``units``) every ``every`` weeks. The slot needs a
  starting load with a number ("20 kg", "2 × 10 kg"); the printed load always carries a
  unit: the load's own, else the rule's ``units``, which fall back to the coach's unit
  (the brand profile's kg or lb). A load in another unit than the rule's is refused, and so
  is a load step on a bodyweight exercise (:func:`check_rule_for_slot`);
- ``note``: the numbers stay; only the weekly notes change.

Any rule can carry a free note per week (``{3: "raise the box 5 cm"}``). A program may have
one deload week. A deload week never does more than the week before it: it repeats that
week's reps, hold seconds and load (week one's when the deload is week one) and does half
its sets, rounded half up, at least one (1→1, 2→1, 3→2, 4→2, 5→3); it says "Deload". The
weeks after it carry on where the progression would be, as if it had not happened.

Each kind is a :class:`ProgressionKind` with one strategy (:data:`STRATEGIES`) that plans a
week's numbers. Rules are stored on the program as plain dicts keyed by slot (``"mon:0"``,
see :class:`coachdesk.plan.SlotKey`), e.g.
``{"kind": "add_load", "step": 2.5, "units": "kg", "notes": {"3": "…"}}``;
:meth:`ProgressionRule.from_mapping` reads and checks one, :meth:`ProgressionRule.to_mapping`
writes it back.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, ClassVar, Protocol

from coachdesk.errors import ValidationError


class ProgressionKind(StrEnum):
    NONE = "none"
    ADD_REPS = "add_reps"
    ADD_SETS = "add_sets"
    ADD_LOAD = "add_load"
    NOTE = "note"


KINDS = tuple(kind.value for kind in ProgressionKind)
DELOAD_NOTE = "Deload"
SECONDS_PER_REP_STEP = 5  # a timed hold under "add_reps" grows 5 s per step
MAX_WEEKS = 52
MAX_NOTE = 200
MAX_UNITS = 12
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
UNIT_AFTER = re.compile(r"\s*(kg|lbs?|kilos?|pounds?)\b", re.IGNORECASE)
BODYWEIGHT = "bodyweight"


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
    kind: ProgressionKind = ProgressionKind.NONE
    step: float = 1
    every: int = 1
    units: str = ""
    notes: Mapping[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValidationError("kind", f"{self.kind!r} is not one of: {', '.join(KINDS)}")
        object.__setattr__(self, "kind", ProgressionKind(self.kind))
        strategy = strategy_for(self.kind)
        strategy.check_step(self.step)
        if not strategy.uses_step:
            object.__setattr__(self, "step", 1)  # meaningless for this kind: never stored
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

    def to_mapping(self) -> dict[str, Any]:
        """The stored dict: only what the rule uses (no step for kinds without one, no
        default ``every``, units or notes), so reading it back gives the same rule."""
        data: dict[str, Any] = {"kind": self.kind.value}
        if strategy_for(self.kind).uses_step:
            data["step"] = self.step
        if self.every != 1:
            data["every"] = self.every
        if self.units:
            data["units"] = self.units
        if self.notes:
            data["notes"] = {str(week): text for week, text in sorted(self.notes.items())}
        return data

    def with_units(self, units: str) -> ProgressionRule:
        """This rule with ``units`` (the coach's) when it names none of its own."""
        return self if self.units or not units else replace(self, units=units)


class SlotRuleError(ValidationError):
    """A rule its slot cannot follow; ``slot`` is the slot's key (``"mon:0"``) so a form can
    show the message beside that slot, ``field`` the setting to change."""

    def __init__(self, slot: str, field: str, message: str) -> None:
        super().__init__(field, message)
        self.slot = slot


def is_bodyweight(exercise: Mapping[str, Any] | None) -> bool:
    """Whether an exercise (its library or snapshot data) is done with the body's weight only:
    its ``external_load`` says so, or, in a snapshot older than that field, its
    ``load_type``."""
    if not exercise:
        return False
    key = "external_load" if exercise.get("external_load") else "load_type"
    return str(exercise.get(key) or "").strip().lower() == BODYWEIGHT


def check_rule_for_slot(rule: ProgressionRule, slot: SlotNumbers,
                        exercise: Mapping[str, Any] | None = None, name: str = "") -> None:
    """Refuse a rule the slot cannot follow: a load step on a bodyweight exercise, or on a
    slot with no numeric starting load (or no unit to print it in)."""
    if rule.kind != ProgressionKind.ADD_LOAD:
        return
    if is_bodyweight(exercise):
        what = name or "this exercise"
        raise ValidationError("kind", f"{what} is a bodyweight exercise, so add load cannot "
                              "progress it; choose add reps, a slower tempo (a weekly note) "
                              "or more hold time (add reps on a timed hold) instead")
    _load_step(slot.load or "", rule.units)


def validate_rule(data: Mapping[str, Any], slot: SlotNumbers | None = None, *,
                  exercise: Mapping[str, Any] | None = None, name: str = "",
                  units: str = "") -> ProgressionRule:
    """Check a stored rule dict (the progression dialog and the programs service call this
    before saving). With ``slot`` (and its ``exercise`` data), also check that the slot
    can follow the rule; ``units`` is the coach's unit, for rules that name none."""
    rule = ProgressionRule.from_mapping(data, units)
    if slot is not None:
        check_rule_for_slot(rule, slot, exercise, name)
    return rule


def _unit_family(text: str) -> str:
    text = text.strip().lower()
    if text in ("kg", "kilo", "kilos"):
        return "kg"
    if text in ("lb", "lbs", "pound", "pounds"):
        return "lb"
    return text


def _load_step(load: str, units: str) -> tuple[re.Match[str], str]:
    """The number a load step adds to and the unit to print after it, or a clear error."""
    matches = list(NUMBER.finditer(load))
    if not matches:
        shown = f" (it is {load.strip()!r})" if load.strip() else ""
        raise ValidationError("load", f"add load needs a starting load with a number{shown}: "
                              "give a starting load such as 20 kg in the slot's load, or "
                              "progress with add reps or add sets instead")
    # The number the unit belongs to ("2 × 10 kg": each dumbbell), else the last one.
    weighed = [(m, u) for m in matches if (u := UNIT_AFTER.match(load, m.end()))]
    if weighed:
        match, unit = weighed[0][0], weighed[0][1].group(1)
        if units and _unit_family(units) != _unit_family(unit):
            raise ValidationError("units", f"the starting load {load.strip()!r} is in {unit} "
                                  f"but the load step is in {units}; use one unit")
        return match, ""
    if not units:
        raise ValidationError("units", f"the starting load {load.strip()!r} has no unit: "
                              "write it with kg or lb, or set the load step's unit")
    return matches[-1], units


def _add_to_load(load: str, amount: float, units: str) -> str:
    """'20 kg' + 2.5 → '22.5 kg'; '2 × 10 kg' + 2 → '2 × 12 kg'; '20' + 5 lb → '25 lb'.
    A load with no number (a band, bodyweight) or no unit at all is a ValidationError."""
    match, unit = _load_step(load, units)
    value = round(float(match.group(0).replace(",", ".")) + amount, 3)
    text = f"{load[:match.start()]}{value:g}{load[match.end():]}"
    return f"{text.rstrip()} {unit}" if unit else text


def deload_sets(sets: int) -> int:
    """Half the sets, rounded half up, never below one: 1→1, 2→1, 3→2, 4→2, 5→3."""
    return max(1, (sets + 1) // 2)


def week_prescription(slot: SlotNumbers, rule: ProgressionRule | Mapping[str, Any] | None,
                      week_number: int, deload_week: int | None = None) -> WeekPrescription:
    """The numbers for week ``week_number`` (1-based) of ``slot`` under ``rule``."""
    if not isinstance(rule, ProgressionRule):
        rule = ProgressionRule.from_mapping(rule)
    _whole("week_number", week_number, 1, MAX_WEEKS, "a week")
    if deload_week is not None:
        _whole("deload_week", deload_week, 1, MAX_WEEKS, "a week")
    note = rule.notes.get(week_number, "")
    if deload_week == week_number:
        # Never more than the week before: repeat its numbers (week one's for a deload in
        # week one) with half the sets.
        before = _planned(slot, rule, max(1, week_number - 1))
        note = f"{DELOAD_NOTE} · {note}" if note else DELOAD_NOTE
        return WeekPrescription(deload_sets(before.sets), before.reps, before.seconds,
                                before.load, note)
    planned = _planned(slot, rule, week_number)
    return WeekPrescription(planned.sets, planned.reps, planned.seconds, planned.load, note)


def _planned(slot: SlotNumbers, rule: ProgressionRule, week_number: int) -> WeekPrescription:
    """Week ``week_number``'s numbers as the progression plans them, without any deload."""
    return strategy_for(rule.kind).planned(slot, rule, week_number)


# --- one strategy per kind -------------------------------------------------------------------


class Strategy:
    """How one kind of rule grows a slot; the base keeps week one's numbers every week."""

    uses_step: ClassVar[bool] = False

    def check_step(self, step: object) -> None:
        """Refuse a step this kind cannot use (kinds without a step ignore it)."""

    def planned(self, slot: SlotNumbers, rule: ProgressionRule,
                week_number: int) -> WeekPrescription:
        """Week ``week_number``'s numbers before any deload."""
        return self.grow(slot, rule, (week_number - 1) // rule.every)

    def grow(self, slot: SlotNumbers, rule: ProgressionRule, steps: int) -> WeekPrescription:
        return WeekPrescription(slot.sets, slot.reps, slot.seconds, slot.load or "")


class KeepNumbers(Strategy):
    """``none`` and ``note``: the same numbers every week (a note rule has weekly notes)."""


class _WholeSteps(Strategy):
    uses_step = True

    def check_step(self, step: object) -> None:
        _whole("step", step, 1, 20, "a whole number")


class AddReps(_WholeSteps):
    """``step`` more reps per step; a timed hold grows ``SECONDS_PER_REP_STEP`` s instead."""

    def grow(self, slot: SlotNumbers, rule: ProgressionRule, steps: int) -> WeekPrescription:
        reps, seconds = slot.reps, slot.seconds
        if reps is not None:
            reps += int(rule.step) * steps
        elif seconds is not None:
            seconds += SECONDS_PER_REP_STEP * int(rule.step) * steps
        return WeekPrescription(slot.sets, reps, seconds, slot.load or "")


class AddSets(_WholeSteps):
    """``step`` more sets per step."""

    def grow(self, slot: SlotNumbers, rule: ProgressionRule, steps: int) -> WeekPrescription:
        return WeekPrescription(slot.sets + int(rule.step) * steps, slot.reps, slot.seconds,
                                slot.load or "")


class AddLoad(Strategy):
    """``step`` more load per step; the printed load always carries a unit."""

    uses_step = True

    def check_step(self, step: object) -> None:
        if (isinstance(step, bool) or not isinstance(step, int | float)
                or not math.isfinite(step) or not 0 < step <= 100):
            raise ValidationError("step", "must be a load step above 0 and at most 100")

    def grow(self, slot: SlotNumbers, rule: ProgressionRule, steps: int) -> WeekPrescription:
        load = slot.load or ""
        if steps:
            load = _add_to_load(load, rule.step * steps, rule.units)
        else:
            # Refuse a load with no number or unit from week one, and print its unit there.
            _match, unit = _load_step(load, rule.units)
            load = f"{load.rstrip()} {unit}" if unit else load
        return WeekPrescription(slot.sets, slot.reps, slot.seconds, load)


STRATEGIES: Mapping[ProgressionKind, Strategy] = {
    ProgressionKind.NONE: KeepNumbers(),
    ProgressionKind.ADD_REPS: AddReps(),
    ProgressionKind.ADD_SETS: AddSets(),
    ProgressionKind.ADD_LOAD: AddLoad(),
    ProgressionKind.NOTE: KeepNumbers(),
}


def strategy_for(kind: ProgressionKind | str) -> Strategy:
    return STRATEGIES[ProgressionKind(kind)]


def program_weeks(slot: SlotNumbers, rule: ProgressionRule | Mapping[str, Any] | None,
                  weeks: int, deload_week: int | None = None) -> tuple[WeekPrescription, ...]:
    """Every week of a slot, the rule checked once."""
    if not isinstance(rule, ProgressionRule):
        rule = ProgressionRule.from_mapping(rule)
    _whole("weeks", weeks, 1, MAX_WEEKS, "a number of weeks")
    return tuple(week_prescription(slot, rule, n, deload_week) for n in range(1, weeks + 1))
