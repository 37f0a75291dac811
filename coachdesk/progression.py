"""Simple progression of a slot across a program's weeks (pure, no Qt, no database).

Rules are stored on the program as plain dicts, keyed by slot (``"mon:0"``):
``{"kind": "add_reps" | "add_sets" | "add_load" | "note" | "none", "step": 1,
"every": 1, "notes": {"3": "raise the box 5 cm"}}`` plus ``"deload_week": 4``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from coachdesk.errors import ValidationError

KINDS = ("none", "add_reps", "add_sets", "add_load", "note")
DELOAD_SHARE = 0.6  # a deload week keeps about 60 % of the sets


@dataclass(frozen=True)
class WeekPrescription:
    sets: int
    reps: int | None
    seconds: int | None
    load: str
    note: str = ""


def validate_rule(rule: dict[str, Any]) -> dict[str, Any]:
    kind = rule.get("kind", "none")
    if kind not in KINDS:
        raise ValidationError("kind", f"{kind!r} is not one of: {', '.join(KINDS)}")
    step = rule.get("step", 1)
    if kind in ("add_reps", "add_sets") and (not isinstance(step, int) or isinstance(step, bool)
                                             or not 1 <= step <= 20):
        raise ValidationError("step", "must be a whole number from 1 to 20")
    if kind == "add_load" and (not isinstance(step, int | float) or isinstance(step, bool)
                               or not 0 < step <= 100):
        raise ValidationError("step", "must be a load step above 0 and at most 100")
    every = rule.get("every", 1)
    if not isinstance(every, int) or isinstance(every, bool) or not 1 <= every <= 12:
        raise ValidationError("every", "must be a whole number of weeks from 1 to 12")
    return {**rule, "kind": kind, "step": step, "every": every}


def _add_to_load(load: str, amount: float) -> str:
    """'20 kg' + 2.5 → '22.5 kg'; a load with no number gets the step appended."""
    match = re.search(r"(\d+(?:[.,]\d+)?)", load)
    if match is None:
        return f"{load} +{amount:g}".strip()
    value = float(match.group(1).replace(",", ".")) + amount
    return f"{load[:match.start()]}{value:g}{load[match.end():]}"


def week_prescription(sets: int, reps: int | None, seconds: int | None, load: str,
                      rule: dict[str, Any] | None, week: int,
                      deload_week: int | None = None) -> WeekPrescription:
    """The numbers for week ``week`` (1-based) of a slot under ``rule``."""
    rule = validate_rule(rule or {})
    steps = (week - 1) // rule["every"]
    if deload_week is not None and week > deload_week:
        steps = max(steps - 1, 0)  # pick up after the deload where the week before it was
    kind, step = rule["kind"], rule["step"]
    if kind == "add_reps" and steps:
        if reps is not None:
            reps += step * steps
        elif seconds is not None:
            seconds += 5 * step * steps
    elif kind == "add_sets":
        sets += step * steps
    elif kind == "add_load" and steps:
        load = _add_to_load(load, step * steps)
    note = str(rule.get("notes", {}).get(str(week), ""))
    if deload_week == week:
        sets = max(1, round(sets * DELOAD_SHARE))
        note = f"deload {note}".strip()
    return WeekPrescription(sets, reps, seconds, load, note)
