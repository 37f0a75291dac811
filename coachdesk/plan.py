"""A program's plan, typed: the frozen week, its weeks and start, the deload week and each
slot's progression rule (pure: no Qt, no database).

A program is stored in three parts (see ``models.Program``): the columns ``weeks`` and
``start_date``, the ``snapshot`` (the frozen week and its exercises' material, versioned by
:data:`SNAPSHOT_VERSION`) and the ``progression`` (``{"slots": {"mon:0": rule},
"deload_week": 4}``, merged key by key when two desks save). :meth:`ProgramPlan.from_stored`
reads those parts, :meth:`ProgramPlan.snapshot_json` and :meth:`ProgramPlan.progression_json`
write them. :meth:`ProgramPlan.to_json` / :meth:`ProgramPlan.from_json` hold the whole plan
in one document, versioned by :data:`PLAN_VERSION`.

A slot is named by its :class:`SlotKey`, printed ``"mon:0"`` (Monday's first slot); nothing
else builds or splits that text.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from coachdesk.errors import ValidationError
from coachdesk.formats.template_file import SlotEntry, TemplateFile, parse_template, to_data
from coachdesk.progression import (
    MAX_WEEKS,
    ProgressionRule,
    SlotRuleError,
    WeekPrescription,
    check_rule_for_slot,
    program_weeks,
)
from coachdesk.vocab import WEEKDAYS, Weekday, label

# Version 1 (the only one so far): {"version", "week" (a template file), "exercises"}.
SNAPSHOT_VERSION = 1
# Version 2: {"version", "snapshot" (a stored snapshot), "weeks", "start_date", "progression"}
# (version 1 was the snapshot alone, which never held weeks or dates).
PLAN_VERSION = 2
EXAMPLE_KEY = "mon:0"


def _is_whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_version(what: str, data: Mapping[str, Any], reads: int) -> None:
    """Refuse a document whose version this CoachDesk does not read, saying which it reads."""
    if "version" not in data:
        raise ValidationError("version", f"{what} has no version; this CoachDesk reads "
                              f"version {reads}")
    found = data["version"]
    if not _is_whole(found) or found != reads:
        raise ValidationError("version", f"{what} is version {found!r}; this CoachDesk reads "
                              f"version {reads} (a newer CoachDesk may have written it)")


@functools.total_ordering
@dataclass(frozen=True)
class SlotKey:
    """One slot of the week: its weekday and its place in that day (from 0)."""

    weekday: Weekday
    position: int

    def __post_init__(self) -> None:
        if self.weekday not in {d.value for d in WEEKDAYS}:
            raise ValidationError("slot", f"{self.weekday!r} is not a weekday (a slot key "
                                  f"looks like {EXAMPLE_KEY})")
        object.__setattr__(self, "weekday", Weekday(self.weekday))
        if not _is_whole(self.position) or self.position < 0:
            raise ValidationError("slot", f"a slot's place must be a whole number from 0 "
                                  f"(a slot key looks like {EXAMPLE_KEY})")

    @classmethod
    def parse(cls, text: object) -> SlotKey:
        """``"mon:0"`` → ``SlotKey(Weekday.MON, 0)``; anything else is a ValidationError."""
        parts = text.strip().lower().split(":") if isinstance(text, str) else []
        if (len(parts) != 2 or parts[0] not in {d.value for d in WEEKDAYS}
                or not (parts[1].isascii() and parts[1].isdigit())):
            raise ValidationError("slot", f"{text!r} is not a slot key: write the weekday and "
                                  f"the slot's place from 0, like {EXAMPLE_KEY}")
        return cls(Weekday(parts[0]), int(parts[1]))

    @classmethod
    def of(cls, value: SlotKey | str) -> SlotKey:
        return value if isinstance(value, SlotKey) else cls.parse(value)

    def __str__(self) -> str:
        return f"{self.weekday.value}:{self.position}"

    def _order(self) -> tuple[int, int]:
        return WEEKDAYS.index(self.weekday), self.position

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, SlotKey):
            return NotImplemented
        return self._order() < other._order()


def slot_entries(week: TemplateFile) -> Iterator[tuple[SlotKey, SlotEntry]]:
    """Every slot of the week with its key, Monday first, in each day's order."""
    for day in WEEKDAYS:
        for position, entry in enumerate(week.days.get(day, ())):
            yield SlotKey(day, position), entry


def _deload(value: object, weeks: int = MAX_WEEKS) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= weeks:
        raise ValidationError("deload_week", f"must be a week from 1 to {weeks}")
    return value


def _whole_week(week: object) -> int:
    if not _is_whole(week) or not 1 <= week <= MAX_WEEKS:  # type: ignore[operator]
        raise ValidationError("week", f"must be a week from 1 to {MAX_WEEKS}")
    return week  # type: ignore[return-value]


def _overrides(data: object) -> dict[SlotKey, dict[int, WeekOverride]]:
    """``{"mon:0": {"4": {"sets": 2}}}`` read and checked, the slot named in any error."""
    if not isinstance(data, Mapping):
        raise ValidationError("overrides", "must map slots to weeks and their numbers")
    result: dict[SlotKey, dict[int, WeekOverride]] = {}
    for text, weeks in data.items():
        key = SlotKey.parse(text)
        if not isinstance(weeks, Mapping):
            raise SlotRuleError(str(key), "overrides", "must map week numbers to numbers")
        try:
            result[key] = {_whole_week(int(w) if isinstance(w, str) and w.isdigit() else w):
                           WeekOverride.from_json(o) for w, o in weeks.items()}
        except ValidationError as error:
            raise SlotRuleError(str(key), error.field, error.message) from None
    return result


def _rules(rules: Mapping[Any, ProgressionRule]) -> dict[SlotKey, ProgressionRule]:
    typed = {SlotKey.of(key): rule for key, rule in rules.items()}
    for key, rule in typed.items():
        if not isinstance(rule, ProgressionRule):
            raise SlotRuleError(str(key), "progression", "a rule must be a ProgressionRule")
    return dict(sorted(typed.items()))


OVERRIDE_LIMITS = {"sets": 20, "reps": 100, "seconds": 900}
MAX_LOAD_TEXT = 60


@dataclass(frozen=True)
class WeekOverride:
    """The coach's own numbers for one slot in one week; what is None follows the rule."""

    sets: int | None = None
    reps: int | None = None
    seconds: int | None = None
    load: str | None = None

    def __post_init__(self) -> None:
        for name, high in OVERRIDE_LIMITS.items():
            value = getattr(self, name)
            if value is not None and (not _is_whole(value) or not 1 <= value <= high):
                raise ValidationError(name, f"must be a whole number from 1 to {high}")
        if self.load is not None:
            if not isinstance(self.load, str) or len(self.load) > MAX_LOAD_TEXT \
                    or "\n" in self.load:
                raise ValidationError("load", f"must be one line of at most {MAX_LOAD_TEXT} "
                                      "characters")
            object.__setattr__(self, "load", " ".join(self.load.split()))
        if self.reps is not None and self.seconds is not None:
            raise ValidationError("seconds", "give reps or seconds, not both")

    @classmethod
    def from_json(cls, data: object) -> WeekOverride:
        if not isinstance(data, Mapping):
            raise ValidationError("overrides", "a week's numbers must be a mapping")
        unknown = sorted(set(data) - {"sets", "reps", "seconds", "load"})
        if unknown:
            raise ValidationError(str(unknown[0]), "is not a number a week can override")
        return cls(**{k: data[k] for k in ("sets", "reps", "seconds", "load") if k in data})

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in (("sets", self.sets), ("reps", self.reps),
                                  ("seconds", self.seconds), ("load", self.load))
                if v is not None}

    def apply(self, week: WeekPrescription) -> WeekPrescription:
        """The week's numbers with the coach's own in place of the rule's."""
        reps, seconds = week.reps, week.seconds
        if self.reps is not None:
            reps, seconds = self.reps, None
        elif self.seconds is not None:
            reps, seconds = None, self.seconds
        return replace(week, sets=self.sets if self.sets is not None else week.sets,
                       reps=reps, seconds=seconds,
                       load=self.load if self.load is not None else week.load)


@dataclass(frozen=True)
class Progression:
    """Per-slot rules, the deload week and the coach's overrides of single weeks: the
    stored ``progression`` of a program."""

    rules: Mapping[SlotKey, ProgressionRule] = field(default_factory=dict)
    deload_week: int | None = None
    overrides: Mapping[SlotKey, Mapping[int, WeekOverride]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "rules", _rules(self.rules))
        _deload(self.deload_week)
        typed = {SlotKey.of(key): dict(sorted(weeks.items()))
                 for key, weeks in self.overrides.items() if weeks}
        object.__setattr__(self, "overrides", dict(sorted(typed.items())))

    def weeks_for(self, key: SlotKey, entry: SlotEntry, weeks: int, units: str = ""
                  ) -> tuple[WeekPrescription, ...]:
        """Every week of a slot: its rule, the deload, then the coach's overrides."""
        numbers = program_weeks(entry, self.rule(key).with_units(units), weeks,
                                self.deload_week)
        changed = self.overrides.get(key, {})
        return tuple(changed[n].apply(w) if n in changed else w
                     for n, w in enumerate(numbers, start=1))

    def with_override(self, key: SlotKey, week: int, override: WeekOverride | None
                      ) -> Progression:
        """A copy with one week of one slot set to the coach's numbers (None: the rule's)."""
        _whole_week(week)
        overrides = {k: dict(v) for k, v in self.overrides.items()}
        slot = overrides.setdefault(key, {})
        if override is None or not override.to_json():
            slot.pop(week, None)
        else:
            slot[week] = override
        return replace(self, overrides=overrides)

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Progression:
        """Read the stored dict; a bad rule is a :class:`SlotRuleError` naming its slot."""
        if data is None:
            return cls()
        if not isinstance(data, Mapping):
            raise ValidationError("progression", "must map slots to rules and say the "
                                  "deload week")
        unknown = sorted(set(data) - {"slots", "deload_week", "overrides"})
        if unknown:
            raise ValidationError(str(unknown[0]), "is not a progression setting")
        slots = data.get("slots") or {}
        if not isinstance(slots, Mapping):
            raise ValidationError("slots", "must map slots to progression rules")
        rules: dict[SlotKey, ProgressionRule] = {}
        for text, stored in slots.items():
            key = SlotKey.parse(text)
            try:
                rules[key] = ProgressionRule.from_mapping(stored)
            except ValidationError as error:
                raise SlotRuleError(str(key), error.field, error.message) from None
        return cls(rules, _deload(data.get("deload_week")),
                   _overrides(data.get("overrides") or {}))

    def to_json(self) -> dict[str, Any]:
        """The stored dict, leaving out what is empty (so a program with none is ``{}``)."""
        data: dict[str, Any] = {}
        if self.rules:
            data["slots"] = {str(key): rule.to_mapping() for key, rule in self.rules.items()}
        if self.deload_week is not None:
            data["deload_week"] = self.deload_week
        if self.overrides:
            data["overrides"] = {str(key): {str(week): o.to_json() for week, o in weeks.items()}
                                 for key, weeks in self.overrides.items()}
        return data

    def rule(self, key: SlotKey) -> ProgressionRule:
        """The slot's rule; a slot without one keeps its numbers."""
        return self.rules.get(key) or ProgressionRule()


@dataclass(frozen=True)
class ProgramPlan:
    """Everything a program's weeks are built from."""

    week: TemplateFile
    exercises: Mapping[str, Mapping[str, Any]]
    weeks: int
    start_date: date
    deload_week: int | None = None
    rules: Mapping[SlotKey, ProgressionRule] = field(default_factory=dict)
    overrides: Mapping[SlotKey, Mapping[int, WeekOverride]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not _is_whole(self.weeks) or not 1 <= self.weeks <= MAX_WEEKS:
            raise ValidationError("weeks", f"must be a number of weeks from 1 to {MAX_WEEKS}")
        if not isinstance(self.start_date, date):
            raise ValidationError("start_date", "must be a date")
        _deload(self.deload_week, self.weeks)
        rules = _rules(self.rules)
        keys = {key for key, _entry in slot_entries(self.week)}
        stray = [str(key) for key in rules if key not in keys]
        if stray:
            raise ValidationError("slots", f"{', '.join(stray)} is not a slot of this week "
                                  "(its rule cannot be kept)")
        object.__setattr__(self, "rules", rules)
        object.__setattr__(self, "exercises",
                           {str(name): dict(info) for name, info in self.exercises.items()})

    # --- reading and writing ---------------------------------------------------------------

    @classmethod
    def from_stored(cls, snapshot: Mapping[str, Any], progression: Mapping[str, Any] | None,
                    weeks: int, start_date: date, source: str = "program") -> ProgramPlan:
        """The plan from a program's stored parts (any snapshot version it reads)."""
        if not isinstance(snapshot, Mapping):
            raise ValidationError("snapshot", "must hold the program's week")
        _check_version(f"the snapshot of {source}", snapshot, SNAPSHOT_VERSION)
        exercises = snapshot.get("exercises") or {}
        if not isinstance(exercises, Mapping) or not all(
                isinstance(info, Mapping) for info in exercises.values()):
            raise ValidationError("exercises", "must map exercise names to their material")
        rules = Progression.from_json(progression)
        return cls(parse_template(snapshot.get("week"), source), exercises, weeks, start_date,
                   _deload(rules.deload_week, weeks), rules.rules, rules.overrides)

    def snapshot_json(self) -> dict[str, Any]:
        """The stored ``snapshot``: the week as a template file and its exercises."""
        return {"version": SNAPSHOT_VERSION, "week": to_data(self.week),
                "exercises": {name: dict(info) for name, info in self.exercises.items()}}

    def progression_json(self) -> dict[str, Any]:
        """The stored ``progression`` (see :meth:`Progression.to_json`)."""
        return self.progression.to_json()

    @classmethod
    def from_json(cls, data: object) -> ProgramPlan:
        """Read :meth:`to_json`'s document; another or no version is refused."""
        if not isinstance(data, Mapping):
            raise ValidationError("version", "a program plan must be a JSON object with a "
                                  "version")
        _check_version("the program plan", data, PLAN_VERSION)
        start = data.get("start_date")
        try:
            start_date = date.fromisoformat(start) if isinstance(start, str) else None
        except ValueError:
            start_date = None
        if start_date is None:
            raise ValidationError("start_date", f"{start!r} is not a date like 2027-01-04")
        weeks = data.get("weeks")
        if not _is_whole(weeks):
            raise ValidationError("weeks", f"must be a number of weeks from 1 to {MAX_WEEKS}")
        return cls.from_stored(data.get("snapshot") or {}, data.get("progression"), weeks,
                               start_date, "the program plan")

    def to_json(self) -> dict[str, Any]:
        """The whole plan as plain JSON, versioned."""
        return {"version": PLAN_VERSION, "snapshot": self.snapshot_json(), "weeks": self.weeks,
                "start_date": self.start_date.isoformat(),
                "progression": self.progression_json()}

    # --- using it --------------------------------------------------------------------------

    @property
    def progression(self) -> Progression:
        return Progression(self.rules, self.deload_week, self.overrides)

    def with_progression(self, progression: Progression) -> ProgramPlan:
        """This plan with other rules, deload week and overrides (checked against it)."""
        return replace(self, rules=progression.rules, deload_week=progression.deload_week,
                       overrides=progression.overrides)

    def with_progression_json(self, data: Mapping[str, Any] | None,
                              units: str = "") -> ProgramPlan:
        """This plan with the stored-shape progression ``data``, every rule checked against
        its slot (see :meth:`check_rules`); a bad rule's :class:`SlotRuleError` names the
        day and exercise."""
        if isinstance(data, Mapping):
            _deload(data.get("deload_week"), self.weeks)
        try:
            progression = Progression.from_json(data)
        except SlotRuleError as error:
            entry = dict(slot_entries(self.week)).get(SlotKey.parse(error.slot))
            if entry is None:
                raise
            raise self._slot_error(SlotKey.parse(error.slot), entry, error) from None
        plan = self.with_progression(progression)
        plan.check_rules(units)
        return plan

    @staticmethod
    def _slot_error(key: SlotKey, entry: SlotEntry, error: ValidationError) -> SlotRuleError:
        return SlotRuleError(str(key), error.field, f"{label(key.weekday)} · "
                             f"{entry.exercise}: {error.message}")

    def rule(self, key: SlotKey) -> ProgressionRule:
        return self.progression.rule(key)

    def slots(self) -> Iterator[tuple[SlotKey, SlotEntry, ProgressionRule]]:
        """Every slot of the week with its key and rule, Monday first."""
        for key, entry in slot_entries(self.week):
            yield key, entry, self.rule(key)

    def check_rules(self, units: str = "") -> None:
        """Check every slot's rule against its slot and exercise (``units`` is the coach's,
        for rules that name none); the first problem is a :class:`SlotRuleError` naming the
        slot, the field and what to do."""
        for key, entry, rule in self.slots():
            if key not in self.rules:
                continue
            try:
                check_rule_for_slot(rule.with_units(units), entry,
                                    self.exercises.get(entry.exercise), entry.exercise)
            except ValidationError as error:
                raise self._slot_error(key, entry, error) from None
        known = {key for key, _entry, _rule in self.slots()}
        for key, weeks in self.progression.overrides.items():
            if key not in known:
                raise SlotRuleError(str(key), "overrides", "this week has no such slot")
            late = [week for week in weeks if week > self.weeks]
            if late:
                raise SlotRuleError(str(key), "overrides", f"week {late[0]} is after the "
                                    f"program's last week ({self.weeks})")
