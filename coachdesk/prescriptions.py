"""Default prescriptions: the numbers a new slot starts with, decided by the exercise's
movement (pure: no Qt, no database).

The movement fields say what the exercise is, so the rules read those and never its name:

- jumps (the ``jump`` pattern, or any high-impact exercise): few reps, moderate, longer rest;
- anti-extension and anti-lateral-flexion work (planks) and balance on one leg: timed holds;
- eccentric knee flexion (Nordics, glute-ham raises): 3 × 5 with a slow lowering tempo;
- stability-phase work: light, two sets of ten;
- everything else: the coach's default sets and rest, eight reps, moderate.

One-sided (unilateral) exercises are prescribed per side.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from coachdesk.vocab import Impact, Laterality, Pattern, Phase

HOLD_PATTERNS: frozenset[Pattern] = frozenset({
    Pattern.ANTI_EXTENSION, Pattern.ANTI_LATERAL_FLEXION, Pattern.SINGLE_LEG_STANCE,
})
SLOW_ECCENTRIC_TEMPO = "4-0-1-0"  # four seconds down


@dataclass(frozen=True)
class Movement:
    """What the defaults read from an exercise (its library row or its library entry)."""

    pattern: Pattern
    impact: Impact = Impact.LOW
    laterality: Laterality = Laterality.BILATERAL
    phase: Phase = Phase.STRENGTH
    eccentric: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "pattern", Pattern(self.pattern))
        object.__setattr__(self, "impact", Impact(self.impact or Impact.LOW))
        object.__setattr__(self, "laterality", Laterality(self.laterality or
                                                          Laterality.BILATERAL))
        object.__setattr__(self, "phase", Phase(self.phase or Phase.STRENGTH))
        object.__setattr__(self, "eccentric", bool(self.eccentric))

    @classmethod
    def of(cls, source: Mapping[str, Any] | object) -> Movement:
        """From a mapping (a starter entry after ``with_movement``) or any object with the
        same attributes (an ``Exercise`` row)."""
        if isinstance(source, Mapping):
            values = {name: source.get(name) for name in _FIELDS}
        else:
            values = {name: getattr(source, name, None) for name in _FIELDS}
        return cls(**values)

    @property
    def one_sided(self) -> bool:
        return self.laterality == Laterality.UNILATERAL


_FIELDS = ("pattern", "impact", "laterality", "phase", "eccentric")


@dataclass(frozen=True)
class Prescription:
    """A slot's starting numbers; the names are the template slot's field names."""

    sets: int
    reps: int | None = 8
    seconds: int | None = None
    per_side: bool = False
    tempo: str = ""
    rest_s: int | None = None
    intensity: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def default_prescription(movement: Movement, sets: int = 3, rest_s: int = 75) -> Prescription:
    """The starting numbers for ``movement``; ``sets`` and ``rest_s`` are the coach's
    defaults for ordinary strength work."""
    per_side = movement.one_sided
    if movement.pattern == Pattern.JUMP or movement.impact == Impact.HIGH:
        return Prescription(sets=3, reps=6, per_side=per_side, rest_s=90, intensity="moderate")
    if movement.pattern in HOLD_PATTERNS:
        return Prescription(sets=3 if movement.pattern != Pattern.SINGLE_LEG_STANCE else 2,
                            reps=None, seconds=30, per_side=per_side, rest_s=45)
    if movement.pattern == Pattern.KNEE_FLEXION and movement.eccentric:
        return Prescription(sets=3, reps=5, per_side=per_side, tempo=SLOW_ECCENTRIC_TEMPO,
                            rest_s=90)
    if movement.phase == Phase.STABILITY:
        return Prescription(sets=2, reps=10, per_side=per_side, rest_s=45, intensity="light")
    return Prescription(sets=sets, reps=8, per_side=per_side, rest_s=rest_s,
                        intensity="moderate")
