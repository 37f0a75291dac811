"""Guess an exercise's movement pattern, impact and external load from older data.

Used where an exercise arrives without the movement fields: the database upgrade of a
library made before patterns existed, and library or template files of format version 1.
A guess from a clear word in the name ("split squat", "Nordic", "plank") is trusted; a
guess from muscle tags alone is marked for the coach to review. Pure Python: no database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from coachdesk.vocab import CorePlane, ExternalLoad, Impact, Pattern

# Name words, most specific first: the first match wins.
_NAME_RULES: tuple[tuple[str, Pattern], ...] = (
    (r"\bcopenhagen\b|\bside plank\b", Pattern.ANTI_LATERAL_FLEXION),
    (r"\bcarry\b|\bfarmer", Pattern.CARRY),
    (r"\bpallof\b|\bbird ?dog\b|anti-?rotation", Pattern.ANTI_ROTATION),
    (r"\bplank\b|\bdead ?bug\b|\brollout\b|\bab wheel\b|\bhollow\b", Pattern.ANTI_EXTENSION),
    (r"\bcrunch\b|\bsit-?up\b|\bknee raise\b|\bleg raise\b|\brussian twist\b|\bwoodchop",
     Pattern.TRUNK_FLEXION),
    (r"\bskip\b|\bskips\b|\bbutt kick|\bhigh knees\b|\bstrides?\b|\bdrill\b",
     Pattern.RUNNING_DRILL),
    (r"\bjump|\bhops?\b|\bbound|\bdepth drop\b|\bdrop landing\b|\bplyo|\bpogo",
     Pattern.JUMP),
    (r"\bnordic\b|\bham(string)? curl\b|\bleg curl\b|\bslider curl\b|\bglute ham raise\b",
     Pattern.KNEE_FLEXION),
    (r"\bsplit squat\b|\blunge\b|\bsplit\b", Pattern.LUNGE),
    (r"\bstep-?(up|down)\b", Pattern.STEP),
    (r"\bsquat\b|\bwall sit\b|\bleg press\b|\bpistol\b", Pattern.SQUAT),
    (r"\bdeadlift\b|\brdl\b|\bgood morning\b|\bswing\b|\bthrust\b|\bbridge\b|\bhinge\b"
     r"|\bback extension\b|\bhyperextension\b|\bpull-?through\b|\btoe touch\b|\bfrog pump\b",
     Pattern.HINGE),
    (r"\bcalf\b|\bsoleus\b|\btibialis\b|\btib raise\b|\bheel (walk|drop|raise)\b",
     Pattern.CALF_ANKLE),
    (r"\bshort foot\b|\btoe yoga\b|\bfoot\b|\btoe\b", Pattern.FOOT),
    (r"\bbalance\b|\bstance\b", Pattern.SINGLE_LEG_STANCE),
    (r"\babduct|\bclam|\blateral walk\b|\bmonster walk\b|\bband walk\b|\bfire hydrant\b",
     Pattern.HIP_ABDUCTION),
    (r"\badduct|\bsqueeze\b", Pattern.HIP_ADDUCTION),
    (r"\brow\b|\bpull-?up\b|\bchin-?up\b|\bpulldown\b|\bface pull\b", Pattern.UPPER_PULL),
    (r"\bpush-?up\b|\bpress-?up\b|\bpress\b|\bdip\b|\bbench\b", Pattern.UPPER_PUSH),
    (r"\bstretch\b|\bmobility\b|\bcat-?cow\b|\bopener\b|\brotation\b", Pattern.MOBILITY),
)
_COMPILED = tuple((re.compile(words, re.IGNORECASE), pattern) for words, pattern in _NAME_RULES)

_PLANE_PATTERN = {
    CorePlane.ANTI_EXTENSION: Pattern.ANTI_EXTENSION,
    CorePlane.ANTI_ROTATION: Pattern.ANTI_ROTATION,
    CorePlane.ANTI_LATERAL_FLEXION: Pattern.ANTI_LATERAL_FLEXION,
    CorePlane.FLEXION: Pattern.TRUNK_FLEXION,
}
# A muscle-only guess: the first listed (main) muscle decides.
_MUSCLE_PATTERN = {
    "quads": Pattern.SQUAT, "glutes": Pattern.HINGE, "hamstrings": Pattern.HINGE,
    "calves": Pattern.CALF_ANKLE, "tibialis": Pattern.CALF_ANKLE, "feet_ankles": Pattern.FOOT,
    "hip_abductors": Pattern.HIP_ABDUCTION, "hip_adductors": Pattern.HIP_ADDUCTION,
    "hip_flexors": Pattern.TRUNK_FLEXION, "core": Pattern.ANTI_EXTENSION,
    "back": Pattern.UPPER_PULL, "chest": Pattern.UPPER_PUSH, "shoulders": Pattern.UPPER_PUSH,
    "arms": Pattern.UPPER_PULL,
}
_HEAVY_EQUIPMENT = {"barbell", "trap_bar", "machine", "plate", "sled", "smith_machine",
                    "leg_press", "cable"}
_STANDING = {Pattern.SQUAT, Pattern.HINGE, Pattern.LUNGE, Pattern.STEP,
             Pattern.SINGLE_LEG_STANCE, Pattern.CALF_ANKLE, Pattern.CARRY,
             Pattern.RUNNING_DRILL, Pattern.HIP_ABDUCTION}
_LYING_WORDS = re.compile(r"\bbridge\b|\bthrust\b|\bpump\b|\bside-lying\b|\bclam|\bcurl\b"
                          r"|\bseated\b|\bkneeling\b|\bsqueeze\b|\bnordic\b|\bglute ham\b",
                          re.IGNORECASE)


@dataclass(frozen=True)
class Guess:
    """A guessed pattern, and whether a coach should confirm it."""

    pattern: Pattern
    needs_review: bool


def infer_pattern(name: str, muscles: Iterable[str], core_plane: str | None = None,
                  plyometric: bool = False) -> Guess:
    """The pattern a name, muscle list, core plane and plyometric flag point to."""
    for regex, pattern in _COMPILED:
        if regex.search(name):
            return Guess(pattern, needs_review=False)
    if plyometric:
        return Guess(Pattern.JUMP, needs_review=False)
    if core_plane and core_plane in _PLANE_PATTERN:
        return Guess(_PLANE_PATTERN[CorePlane(core_plane)], needs_review=False)
    first = next(iter(muscles), None)
    return Guess(_MUSCLE_PATTERN.get(str(first), Pattern.MOBILITY), needs_review=True)


def infer_impact(pattern: Pattern, name: str = "") -> Impact:
    """High for jumps and landings, none for lying, kneeling and seated work, else low."""
    if pattern == Pattern.JUMP:
        return Impact.HIGH
    if pattern in _STANDING and not _LYING_WORDS.search(name):
        return Impact.LOW
    return Impact.NONE


def infer_external_load(load_type: str, equipment: Iterable[str]) -> ExternalLoad:
    """Loaded for barbells and machines, a light implement for bands, dumbbells and
    kettlebells, bodyweight otherwise."""
    kit = {str(e) for e in equipment}
    if load_type == "external":
        return ExternalLoad.LOADED if kit & _HEAVY_EQUIPMENT else ExternalLoad.LIGHT
    if load_type == "band":
        return ExternalLoad.LIGHT
    return ExternalLoad.BODYWEIGHT


def plane_for(pattern: Pattern) -> CorePlane | None:
    """The core plane a trunk pattern trains (a carry resists side-bending)."""
    if pattern == Pattern.CARRY:
        return CorePlane.ANTI_LATERAL_FLEXION
    return next((plane for plane, p in _PLANE_PATTERN.items() if p == pattern), None)
