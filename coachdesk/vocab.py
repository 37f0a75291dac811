"""The fixed vocabularies CoachDesk speaks: one place, plain Python, no Qt, no database.

Every enum is a ``StrEnum`` so values store as readable strings in the database,
in JSON files and in the balance checks alike.
"""

from __future__ import annotations

import re
from enum import Enum, StrEnum
from typing import Any


class Goal(StrEnum):
    """Why the client runs; it sets how often they should strength train."""

    RACE = "race"
    HOBBY = "hobby"
    BODY_COMPOSITION = "body_composition"


class RaceDistance(StrEnum):
    SPRINT = "sprint"
    FIVE_K = "5k"
    TEN_K = "10k"
    HALF = "half"
    MARATHON = "marathon"
    ULTRA = "ultra"


class Stage(StrEnum):
    """Training stage, in order: stability first, then load, then power."""

    STABILITY = "stability"
    STRENGTH = "strength"
    POWER = "power"


# An exercise's phase uses the same three steps as a client's stage.
Phase = Stage


class Weekday(StrEnum):
    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"


WEEKDAYS: tuple[Weekday, ...] = tuple(Weekday)
_DAY_NAMES = dict(zip(WEEKDAYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                 "Saturday", "Sunday"), strict=True))


def day_name(weekday: Weekday | str) -> str:
    """``mon`` → ``Monday``; a value that is not a weekday raises ValueError."""
    return _DAY_NAMES[Weekday(weekday)]


def short_day_name(weekday: Weekday | str) -> str:
    """``mon`` → ``Mon``."""
    return day_name(weekday)[:3]


class Injury(StrEnum):
    KNEE_PAIN = "knee_pain"
    PATELLOFEMORAL_PAIN = "patellofemoral_pain"
    HAMSTRING_STRAIN = "hamstring_strain"
    SHIN_SPLINTS = "shin_splints"
    ITBS = "itbs"
    ANKLE_SPRAIN = "ankle_sprain"


class Muscle(StrEnum):
    GLUTES = "glutes"
    HAMSTRINGS = "hamstrings"
    QUADS = "quads"
    CALVES = "calves"
    TIBIALIS = "tibialis"
    FEET_ANKLES = "feet_ankles"
    HIP_ABDUCTORS = "hip_abductors"
    HIP_ADDUCTORS = "hip_adductors"
    HIP_FLEXORS = "hip_flexors"
    CORE = "core"
    BACK = "back"
    CHEST = "chest"
    SHOULDERS = "shoulders"
    ARMS = "arms"


LOWER_BODY_MUSCLES: frozenset[Muscle] = frozenset(
    {
        Muscle.GLUTES,
        Muscle.HAMSTRINGS,
        Muscle.QUADS,
        Muscle.CALVES,
        Muscle.TIBIALIS,
        Muscle.FEET_ANKLES,
        Muscle.HIP_ABDUCTORS,
        Muscle.HIP_ADDUCTORS,
        Muscle.HIP_FLEXORS,
    }
)
UPPER_BODY_MUSCLES: frozenset[Muscle] = frozenset(
    {Muscle.BACK, Muscle.CHEST, Muscle.SHOULDERS, Muscle.ARMS}
)


class Pattern(StrEnum):
    """What an exercise does, by movement: the balance checks read this, not loose muscle
    tags, to tell leg work from trunk work and a plank from a single-leg exercise."""

    SQUAT = "squat"
    HINGE = "hinge"
    LUNGE = "lunge"  # lunges and split squats
    STEP = "step"  # step-ups and step-downs
    SINGLE_LEG_STANCE = "single_leg_stance"  # balance on one leg
    KNEE_FLEXION = "knee_flexion"  # leg curls, Nordics
    CALF_ANKLE = "calf_ankle"
    FOOT = "foot"
    HIP_ABDUCTION = "hip_abduction"
    HIP_ADDUCTION = "hip_adduction"
    ANTI_EXTENSION = "anti_extension"
    ANTI_ROTATION = "anti_rotation"
    ANTI_LATERAL_FLEXION = "anti_lateral_flexion"
    TRUNK_FLEXION = "trunk_flexion"  # flexion and rotation of the trunk
    CARRY = "carry"
    UPPER_PUSH = "upper_push"
    UPPER_PULL = "upper_pull"
    JUMP = "jump"  # jumps, hops, bounds and landings (plyometric)
    RUNNING_DRILL = "running_drill"
    MOBILITY = "mobility"


# Patterns that load the legs: only these count as lower-body and single-leg sets.
LEG_PATTERNS: frozenset[Pattern] = frozenset({
    Pattern.SQUAT, Pattern.HINGE, Pattern.LUNGE, Pattern.STEP, Pattern.SINGLE_LEG_STANCE,
    Pattern.KNEE_FLEXION, Pattern.CALF_ANKLE, Pattern.HIP_ABDUCTION, Pattern.HIP_ADDUCTION,
    Pattern.JUMP,
})
TRUNK_PATTERNS: frozenset[Pattern] = frozenset({
    Pattern.ANTI_EXTENSION, Pattern.ANTI_ROTATION, Pattern.ANTI_LATERAL_FLEXION,
    Pattern.TRUNK_FLEXION,
})
# A dedicated trunk exercise: what makes a session a "core day".
CORE_PATTERNS: frozenset[Pattern] = TRUNK_PATTERNS | {Pattern.CARRY}
UPPER_PATTERNS: frozenset[Pattern] = frozenset({Pattern.UPPER_PUSH, Pattern.UPPER_PULL})


class Impact(StrEnum):
    """Ground contacts: none (lying, seated), low (standing, stepping), high (jumps)."""

    NONE = "none"
    LOW = "low"
    HIGH = "high"


class ExternalLoad(StrEnum):
    """What the exercise is usually loaded with."""

    BODYWEIGHT = "bodyweight"
    LIGHT = "light_implement"  # a band, a light dumbbell or kettlebell, a ball
    LOADED = "loaded"  # a barbell, heavy dumbbells or kettlebells, a machine stack


class Season(StrEnum):
    """Where the runner is in the racing year."""

    OFF_SEASON = "off_season"
    PRE_SEASON = "pre_season"
    IN_SEASON = "in_season"
    TAPER = "taper"


class Laterality(StrEnum):
    UNILATERAL = "unilateral"
    BILATERAL = "bilateral"


class CorePlane(StrEnum):
    ANTI_EXTENSION = "anti_extension"
    ANTI_ROTATION = "anti_rotation"
    ANTI_LATERAL_FLEXION = "anti_lateral_flexion"
    FLEXION = "flexion"
    OTHER = "other"


class LoadType(StrEnum):
    """How an exercise is loaded, which decides what the 'load' field of a slot means."""

    BODYWEIGHT = "bodyweight"
    EXTERNAL = "external"  # dumbbell, kettlebell, barbell, plate, machine stack
    BAND = "band"
    ASSISTED = "assisted"


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"


class Intensity(StrEnum):
    LIGHT = "light"
    MODERATE = "moderate"
    HEAVY = "heavy"


class ProgramStatus(StrEnum):
    DRAFT = "draft"
    EXPORTED = "exported"
    EMAILED = "emailed"


def plain(value: Any) -> Any:
    """An enum member as its plain value (what JSON, views and equality want); anything
    else as it is."""
    return value.value if isinstance(value, Enum) else value


def label(value: StrEnum | str) -> str:
    """A human label for a vocabulary value: ``hip_abductors`` → ``Hip abductors``."""
    text = str(value).replace("_", " ")
    special = {
        "5k": "5 km",
        "10k": "10 km",
        "itbs": "IT band syndrome",
        "half": "Half marathon",
        "feet_ankles": "Feet and ankles",
        "anti_extension": "Anti-extension",
        "anti_rotation": "Anti-rotation",
        "anti_lateral_flexion": "Anti-lateral-flexion",
        "patellofemoral_pain": "Patellofemoral pain",
        "lunge": "Lunge / split squat",
        "step": "Step-up / step-down",
        "single_leg_stance": "Single-leg stance / balance",
        "knee_flexion": "Knee flexion (curls, Nordics)",
        "calf_ankle": "Calf / ankle",
        "trunk_flexion": "Trunk flexion / rotation",
        "upper_push": "Upper-body push",
        "upper_pull": "Upper-body pull",
        "jump": "Jump / landing",
        "light_implement": "Light implement",
        "off_season": "Off-season",
        "pre_season": "Pre-season",
        "in_season": "In-season",
    }
    return special.get(str(value), text[:1].upper() + text[1:])


GOAL_LABELS = {Goal.RACE: "Racing", Goal.HOBBY: "Hobby running",
               Goal.BODY_COMPOSITION: "Body composition"}
"""How the client form names each goal."""


def _label_key(text: str) -> str:
    return re.sub(r"[\s_\-/]+", " ", text).strip().casefold()


def from_label(enum_cls: type[StrEnum], text: str) -> str:
    """The value a label stands for (``Racing`` → ``race``, ``Half marathon`` → ``half``,
    ``Monday`` → ``mon``), ignoring case and spacing; text that names no member comes back
    as it is, for the caller's validation to refuse with the allowed values."""
    wanted = _label_key(text)
    for member in enum_cls:
        names = {member.value, label(member), GOAL_LABELS.get(member, "")}  # type: ignore[call-overload]
        if enum_cls is Weekday:
            names.add(day_name(member))
        if wanted in {_label_key(n) for n in names if n}:
            return member.value
    return text


def phrase(value: StrEnum | str) -> str:
    """The label as it reads mid-sentence: ``shin splints``, but ``IT band syndrome``."""
    text = label(value)
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]
