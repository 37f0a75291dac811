"""The thresholds behind the checks: coach settings with the blog's defaults."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from coachdesk.errors import ValidationError
from coachdesk.vocab import Goal, Muscle

DEFAULT_KEY_MUSCLES = frozenset({
    Muscle.GLUTES, Muscle.HAMSTRINGS, Muscle.QUADS, Muscle.CALVES, Muscle.HIP_ABDUCTORS,
    Muscle.FEET_ANKLES, Muscle.CORE,
})
# Sessions a week by goal: racers twice (up to three), hobby and body-composition runners
# three to four times.
DEFAULT_FREQUENCY = {Goal.RACE: (2, 3), Goal.HOBBY: (3, 4), Goal.BODY_COMPOSITION: (3, 4)}


@dataclass(frozen=True)
class CheckSettings:
    unilateral_share_min: float = 0.40
    core_planes_min: int = 2
    key_muscles: frozenset[Muscle] = DEFAULT_KEY_MUSCLES
    frequency: dict[Goal, tuple[int, int]] = field(
        default_factory=lambda: dict(DEFAULT_FREQUENCY)
    )

    def __hash__(self) -> int:
        return hash((self.unilateral_share_min, self.core_planes_min, self.key_muscles,
                     tuple(sorted(self.frequency.items()))))

    def to_dict(self) -> dict[str, Any]:
        return {
            "unilateral_share_min": self.unilateral_share_min,
            "core_planes_min": self.core_planes_min,
            "key_muscles": sorted(m.value for m in self.key_muscles),
            "frequency": {g.value: list(r) for g, r in self.frequency.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CheckSettings:
        defaults = cls()
        share = data.get("unilateral_share_min", defaults.unilateral_share_min)
        if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 1:
            raise ValidationError("unilateral_share_min", "must be a share from 0 to 1")
        planes = data.get("core_planes_min", defaults.core_planes_min)
        if isinstance(planes, bool) or not isinstance(planes, int) or not 0 <= planes <= 3:
            raise ValidationError("core_planes_min", "must be a whole number from 0 to 3")
        try:
            muscles = frozenset(Muscle(m) for m in data.get(
                "key_muscles", [m.value for m in defaults.key_muscles]))
        except ValueError as error:
            raise ValidationError("key_muscles", str(error)) from None
        frequency = dict(defaults.frequency)
        for goal, bounds in data.get("frequency", {}).items():
            try:
                low, high = (int(b) for b in bounds)
                frequency[Goal(goal)] = (low, high)
            except (ValueError, TypeError):
                raise ValidationError("frequency", f"{goal}: give two whole numbers") from None
            if not 1 <= low <= high <= 7:
                raise ValidationError("frequency", f"{goal}: needs 1 ≤ low ≤ high ≤ 7")
        return cls(float(share), planes, muscles, frequency)
