"""The fixed vocabularies CoachDesk speaks: one place, plain Python, no Qt, no database.

Every enum is a ``StrEnum`` so values store as readable strings in the database,
in JSON files and in the balance checks alike.
"""

from __future__ import annotations

from enum import StrEnum


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
    }
    return special.get(str(value), text[:1].upper() + text[1:])


def phrase(value: StrEnum | str) -> str:
    """The label as it reads mid-sentence: ``shin splints``, but ``IT band syndrome``."""
    text = label(value)
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]
