"""Small builders for weeks in check tests: the blog's exercises and a few common others."""

from __future__ import annotations

from coachdesk.checks import ExerciseInfo, Slot, Week
from coachdesk.vocab import (
    CorePlane,
    ExternalLoad,
    Intensity,
    Laterality,
    Muscle,
    Pattern,
    Phase,
    Side,
)

M = Muscle


def ex(name: str, *muscles: Muscle, uni: bool = False, phase: Phase = Phase.STRENGTH,
       plyo: bool = False, ecc: bool = False, plane: CorePlane | None = None,
       pattern: Pattern | None = None, load: ExternalLoad = ExternalLoad.BODYWEIGHT,
       secondary: tuple[Muscle, ...] = ()) -> ExerciseInfo:
    """An exercise (muscles are its prime movers); plyometric ones are power-phase. Without a
    pattern, the pattern is guessed from the name, as for an old template file."""
    return ExerciseInfo(name, frozenset(muscles), Laterality.UNILATERAL if uni else
                        Laterality.BILATERAL, Phase.POWER if plyo else phase, plyo, ecc, plane,
                        pattern=pattern, secondary=frozenset(secondary), external_load=load)


# The blog's exercises.
NORDIC = ex("Nordic Curl", M.HAMSTRINGS, M.GLUTES, ecc=True)
SPLIT_SQUAT = ex("ATG Split Squat", M.QUADS, M.GLUTES, M.HIP_FLEXORS, uni=True)
STEP_DOWN = ex("Lateral Step-Down", M.QUADS, M.GLUTES, M.HIP_ABDUCTORS, M.FEET_ANKLES, uni=True,
               ecc=True, phase=Phase.STABILITY)
TOE_TOUCH = ex("Single-Leg Toe Touch", M.FEET_ANKLES, M.HAMSTRINGS, M.GLUTES, uni=True,
               phase=Phase.STABILITY)
CALF_RAISE = ex("Calf Raise", M.CALVES, M.FEET_ANKLES)
TIB_RAISE = ex("Tibialis Raise", M.TIBIALIS, phase=Phase.STABILITY)
SIDE_LYING = ex("Side-Lying Hip Abduction", M.HIP_ABDUCTORS, M.GLUTES, uni=True,
                phase=Phase.STABILITY)
# Core, upper body and others.
DEAD_BUG = ex("Dead Bug", M.CORE, plane=CorePlane.ANTI_EXTENSION, phase=Phase.STABILITY)
PALLOF = ex("Pallof Press", M.CORE, plane=CorePlane.ANTI_ROTATION)
SIDE_PLANK = ex("Side Plank", M.CORE, uni=True, plane=CorePlane.ANTI_LATERAL_FLEXION,
                phase=Phase.STABILITY)
FRONT_PLANK = ex("Front Plank", M.CORE, plane=CorePlane.ANTI_EXTENSION, phase=Phase.STABILITY)
CRUNCH = ex("Crunch", M.CORE, plane=CorePlane.FLEXION)
PUSH_UP = ex("Push-Up", M.CHEST, M.SHOULDERS, M.ARMS)
ROW = ex("Single-Arm Dumbbell Row", M.BACK, M.ARMS, uni=True)
INVERTED_ROW = ex("Inverted Row", M.BACK, M.ARMS)
GOBLET = ex("Goblet Squat", M.QUADS, M.GLUTES)
BACK_SQUAT = ex("Back Squat", M.QUADS, M.GLUTES)
RDL = ex("Romanian Deadlift", M.HAMSTRINGS, M.GLUTES)
HIP_THRUST = ex("Hip Thrust", M.GLUTES)
LATERAL_WALK = ex("Banded Lateral Walk", M.HIP_ABDUCTORS, M.GLUTES, phase=Phase.STABILITY)
WALL_SIT = ex("Wall Sit", M.QUADS, phase=Phase.STABILITY)
BALANCE = ex("Single-Leg Balance", M.FEET_ANKLES, uni=True, phase=Phase.STABILITY)
SL_RDL = ex("Single-Leg Romanian Deadlift", M.HAMSTRINGS, M.GLUTES, M.FEET_ANKLES, uni=True)
BULGARIAN = ex("Bulgarian Split Squat", M.QUADS, M.GLUTES, uni=True)
POGO = ex("Pogo Hops", M.CALVES, M.FEET_ANKLES, plyo=True)
BOUNDS = ex("Bounds", M.GLUTES, M.QUADS, M.CALVES, uni=True, plyo=True)
SWING = ex("Kettlebell Swing", M.GLUTES, M.HAMSTRINGS, phase=Phase.POWER,
           load=ExternalLoad.LIGHT)
# Loaded lifts, a running drill and a landing.
BARBELL_SQUAT = ex("Barbell Back Squat", M.QUADS, M.GLUTES, load=ExternalLoad.LOADED)
BARBELL_RDL = ex("Barbell Romanian Deadlift", M.HAMSTRINGS, M.GLUTES, load=ExternalLoad.LOADED)
A_SKIPS = ex("A-Skips", M.HIP_FLEXORS, M.CALVES, uni=True)
DEPTH_DROP = ex("Depth Drop", M.QUADS, M.GLUTES, plyo=True, ecc=True)

LIBRARY = (NORDIC, SPLIT_SQUAT, STEP_DOWN, TOE_TOUCH, CALF_RAISE, TIB_RAISE, SIDE_LYING,
           DEAD_BUG, PALLOF, SIDE_PLANK, FRONT_PLANK, CRUNCH, PUSH_UP, ROW, INVERTED_ROW, GOBLET,
           BACK_SQUAT, RDL, HIP_THRUST, LATERAL_WALK, WALL_SIT, BALANCE, SL_RDL, BULGARIAN, POGO,
           BOUNDS, SWING)

# Each unilateral exercise of the blog week and a two-leg (or two-arm) stand-in for it.
BILATERAL_STAND_IN = {
    SPLIT_SQUAT: GOBLET,
    STEP_DOWN: BACK_SQUAT,
    TOE_TOUCH: RDL,
    SIDE_LYING: LATERAL_WALK,
    SIDE_PLANK: FRONT_PLANK,
    ROW: INVERTED_ROW,
}


def s(exercise: ExerciseInfo, sets: int = 3, reps: int | None = 8, *, per_side: bool | None = None,
      side: Side | None = None, intensity: Intensity | None = Intensity.MODERATE,
      seconds: int | None = None) -> Slot:
    """A slot: unilateral exercises default to per side unless a side is given."""
    if per_side is None:
        per_side = exercise.is_unilateral and side is None
    return Slot(exercise, sets, reps if seconds is None else None, seconds, per_side, side,
                intensity)


def full_body_a() -> list[Slot]:
    """Monday in the blog week: Nordic curls, split squats, step-downs, calves, hips, two core
    planes and a push."""
    return [s(NORDIC, 3, 5), s(SPLIT_SQUAT), s(STEP_DOWN), s(CALF_RAISE, 3, 15),
            s(SIDE_LYING, 2, 15), s(DEAD_BUG, 3, 10), s(SIDE_PLANK, 3, seconds=30),
            s(PUSH_UP)]


def full_body_b() -> list[Slot]:
    """Thursday in the blog week: toe touches, split squats, tibialis and calves, hips, two
    core planes and a pull."""
    return [s(TOE_TOUCH, 3, 8), s(SPLIT_SQUAT), s(TIB_RAISE, 3, 15), s(CALF_RAISE, 3, 15),
            s(SIDE_LYING, 2, 15), s(PALLOF, 3, 10), s(DEAD_BUG, 3, 10), s(ROW), s(RDL)]


def good_week() -> dict[str, list[Slot]]:
    return {"mon": full_body_a(), "thu": full_body_b()}


def week(days: dict[str, list[Slot]]) -> Week:
    return Week.from_mapping(days)
