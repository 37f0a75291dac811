"""Small builders for weeks in check tests."""

from __future__ import annotations

from coachdesk.checks import ExerciseInfo, Slot
from coachdesk.vocab import CorePlane, Intensity, Laterality, Muscle, Phase, Side

M = Muscle


def ex(name: str, *muscles: Muscle, uni: bool = False, phase: Phase = Phase.STRENGTH,
       plyo: bool = False, ecc: bool = False, plane: CorePlane | None = None) -> ExerciseInfo:
    return ExerciseInfo(name, frozenset(muscles), Laterality.UNILATERAL if uni else
                        Laterality.BILATERAL, Phase.POWER if plyo else phase, plyo, ecc, plane)


NORDIC = ex("Nordic Curl", M.HAMSTRINGS, ecc=True)
SPLIT_SQUAT = ex("ATG Split Squat", M.QUADS, M.GLUTES, uni=True)
STEP_DOWN = ex("Lateral Step-Down", M.QUADS, M.GLUTES, M.HIP_ABDUCTORS, uni=True, ecc=True,
               phase=Phase.STABILITY)
TOE_TOUCH = ex("Single-Leg Toe Touch", M.FEET_ANKLES, M.HAMSTRINGS, M.GLUTES, uni=True,
               phase=Phase.STABILITY)
CALF_RAISE = ex("Calf Raise", M.CALVES)
TIB_RAISE = ex("Tibialis Raise", M.TIBIALIS)
SIDE_LYING = ex("Side-Lying Hip Abduction", M.HIP_ABDUCTORS, uni=True, phase=Phase.STABILITY)
DEAD_BUG = ex("Dead Bug", M.CORE, plane=CorePlane.ANTI_EXTENSION, phase=Phase.STABILITY)
PALLOF = ex("Pallof Press", M.CORE, plane=CorePlane.ANTI_ROTATION)
SIDE_PLANK = ex("Side Plank", M.CORE, uni=True, plane=CorePlane.ANTI_LATERAL_FLEXION,
                phase=Phase.STABILITY)
PUSH_UP = ex("Push-Up", M.CHEST, M.SHOULDERS, M.ARMS)
ROW = ex("Single-Arm Dumbbell Row", M.BACK, M.ARMS, uni=True)
GOBLET = ex("Goblet Squat", M.QUADS, M.GLUTES)
RDL = ex("Romanian Deadlift", M.HAMSTRINGS, M.GLUTES)
HIP_THRUST = ex("Hip Thrust", M.GLUTES)
POGO = ex("Pogo Hops", M.CALVES, M.FEET_ANKLES, plyo=True)
BALANCE = ex("Single-Leg Balance", M.FEET_ANKLES, uni=True, phase=Phase.STABILITY)
WALL_SIT = ex("Wall Sit", M.QUADS, phase=Phase.STABILITY)

LIBRARY = (NORDIC, SPLIT_SQUAT, STEP_DOWN, TOE_TOUCH, CALF_RAISE, TIB_RAISE, SIDE_LYING,
           DEAD_BUG, PALLOF, SIDE_PLANK, PUSH_UP, ROW, GOBLET, RDL, HIP_THRUST, POGO, BALANCE,
           WALL_SIT)


def s(exercise: ExerciseInfo, sets: int = 3, reps: int | None = 8, *, per_side: bool | None = None,
      side: Side | None = None, intensity: Intensity | None = Intensity.MODERATE,
      seconds: int | None = None) -> Slot:
    if per_side is None:
        per_side = exercise.is_unilateral and side is None
    return Slot(exercise, sets, reps if seconds is None else None, seconds, per_side, side,
                intensity)


def full_body_a() -> list[Slot]:
    return [s(NORDIC, 3, 5), s(SPLIT_SQUAT), s(STEP_DOWN), s(CALF_RAISE, 3, 15),
            s(SIDE_LYING, 2, 15), s(DEAD_BUG, 3, 10), s(SIDE_PLANK, 3, seconds=30),
            s(PUSH_UP)]


def full_body_b() -> list[Slot]:
    return [s(TOE_TOUCH, 3, 8), s(SPLIT_SQUAT), s(TIB_RAISE, 3, 15), s(CALF_RAISE, 3, 15),
            s(SIDE_LYING, 2, 15), s(PALLOF, 3, 10), s(ROW), s(RDL)]
