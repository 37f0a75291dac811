"""The thresholds behind the checks: coach settings with the blog's defaults."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from coachdesk.errors import ValidationError
from coachdesk.vocab import Goal, Muscle

DEFAULT_KEY_MUSCLES = frozenset({
    Muscle.GLUTES, Muscle.HAMSTRINGS, Muscle.QUADS, Muscle.CALVES, Muscle.HIP_ABDUCTORS,
    Muscle.FEET_ANKLES, Muscle.CORE,
})
# Sessions a week by goal: racers twice (up to three), hobby and body-composition runners
# three to four times (blog, "How often should runners incorporate strength training?").
DEFAULT_FREQUENCY: Mapping[Goal, tuple[int, int]] = {
    Goal.RACE: (2, 3), Goal.HOBBY: (3, 4), Goal.BODY_COMPOSITION: (3, 4),
}


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_range(bounds: Any) -> bool:
    return (isinstance(bounds, list | tuple) and len(bounds) == 2 and all(map(_whole, bounds))
            and 1 <= bounds[0] <= bounds[1] <= 7)


@dataclass(frozen=True)
class CheckSettings:
    """Coach-adjustable thresholds; invalid values raise :class:`ValidationError`."""

    unilateral_share_min: float = 0.40
    core_planes_min: int = 2
    key_muscles: frozenset[Muscle] = DEFAULT_KEY_MUSCLES
    frequency: dict[Goal, tuple[int, int]] = field(
        default_factory=lambda: dict(DEFAULT_FREQUENCY)
    )
    # A day with fewer exercises than this is a micro-session (a short foot or mobility
    # routine): it does not count toward frequency and needs no core. 0 turns it off.
    micro_session_below: int = 3

    def __post_init__(self) -> None:
        share = self.unilateral_share_min
        if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 1:
            raise ValidationError("unilateral_share_min", "must be a share from 0 to 1")
        if not _whole(self.core_planes_min) or not 0 <= self.core_planes_min <= 3:
            raise ValidationError("core_planes_min", "must be a whole number from 0 to 3")
        if not _whole(self.micro_session_below) or not 0 <= self.micro_session_below <= 10:
            raise ValidationError("micro_session_below", "must be a whole number from 0 to 10")
        for goal, bounds in self.frequency.items():
            if not _is_range(bounds):
                raise ValidationError("frequency", f"{goal}: needs 1 ≤ low ≤ high ≤ 7")

    def __hash__(self) -> int:
        return hash((self.unilateral_share_min, self.core_planes_min, self.key_muscles,
                     tuple(sorted(self.frequency.items())), self.micro_session_below))

    def sessions_for(self, goal: Goal) -> tuple[int, int]:
        """The (low, high) sessions a week for a goal; the default if the goal is unset."""
        return self.frequency.get(goal, DEFAULT_FREQUENCY[goal])

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values, as stored in the coach settings."""
        return {
            "unilateral_share_min": self.unilateral_share_min,
            "core_planes_min": self.core_planes_min,
            "key_muscles": sorted(m.value for m in self.key_muscles),
            "frequency": {g.value: list(r) for g, r in self.frequency.items()},
            "micro_session_below": self.micro_session_below,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CheckSettings:
        """Read stored settings; missing keys take the defaults, bad values raise."""
        if not isinstance(data, Mapping):
            raise ValidationError("checks", "must be a mapping of setting names to values")
        defaults = cls()
        share = data.get("unilateral_share_min", defaults.unilateral_share_min)
        planes = data.get("core_planes_min", defaults.core_planes_min)
        muscles = _muscles(data.get("key_muscles", sorted(defaults.key_muscles)))
        frequency = dict(defaults.frequency)
        frequency.update(_frequency(data.get("frequency", {})))
        micro = data.get("micro_session_below", defaults.micro_session_below)
        if _whole(share):
            share = float(share)
        return cls(share, planes, muscles, frequency, micro)


def _muscles(values: Any) -> frozenset[Muscle]:
    if isinstance(values, str) or not isinstance(values, list | tuple | set | frozenset):
        raise ValidationError("key_muscles", "must be a list of muscle groups")
    try:
        return frozenset(Muscle(m) for m in values)
    except ValueError as error:
        raise ValidationError("key_muscles", str(error)) from None


def _frequency(data: Any) -> dict[Goal, tuple[int, int]]:
    if not isinstance(data, Mapping):
        raise ValidationError("frequency", "must map each goal to [low, high]")
    result: dict[Goal, tuple[int, int]] = {}
    for goal, bounds in data.items():
        try:
            key = Goal(goal)
        except ValueError:
            raise ValidationError("frequency", f"{goal!r} is not a goal") from None
        if isinstance(bounds, str) or not isinstance(bounds, list | tuple) or len(bounds) != 2 \
                or not all(_whole(b) for b in bounds):
            raise ValidationError("frequency", f"{goal}: give two whole numbers")
        result[key] = (bounds[0], bounds[1])  # the range itself is checked on construction
    return result
