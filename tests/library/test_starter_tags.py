"""The starter library's movement tags and demonstration notes, read straight from the shipped
JSON (not through the ORM): a golden table of every exercise, the consistency rules between
pattern, muscles, core plane, plyometric and impact, and the note corrections."""

from __future__ import annotations

import importlib
import json
import re
import sys
from pathlib import Path

import pytest

from coachdesk.vocab import (
    CORE_PATTERNS,
    LEG_PATTERNS,
    TRUNK_PATTERNS,
    UPPER_PATTERNS,
    CorePlane,
    ExternalLoad,
    Impact,
    Laterality,
    LoadType,
    Muscle,
    Pattern,
    Phase,
)

ROOT = Path(__file__).resolve().parents[2]
STARTER_JSON = ROOT / "coachdesk" / "resources" / "starter_library.json"
DATA = json.loads(STARTER_JSON.read_text(encoding="utf-8"))
EXERCISES = {e["name"]: e for e in DATA["exercises"]}
U, B = "unilateral", "bilateral"
HEADINGS = ("### Setup", "### Cues", "### Common faults", "### Easier / harder",
            "### Why runners do it")

# name -> (pattern, primary muscles, laterality, impact): every shipped exercise.
GOLDEN: dict[str, tuple[str, set[str], str, str]] = {
    "Nordic Curl": ("knee_flexion", {"hamstrings"}, B, "none"),
    "Banded Nordic Curl": ("knee_flexion", {"hamstrings"}, B, "none"),
    "Glute Ham Raise": ("knee_flexion", {"hamstrings", "glutes"}, B, "none"),
    "Back Extension": ("hinge", {"glutes", "hamstrings"}, B, "none"),
    "Single-Leg Toe Touch": ("hinge", {"glutes", "hamstrings"}, U, "low"),
    "Romanian Deadlift": ("hinge", {"hamstrings", "glutes"}, B, "low"),
    "Single-Leg Romanian Deadlift": ("hinge", {"hamstrings", "glutes"}, U, "low"),
    "Hamstring Slider Curl": ("knee_flexion", {"hamstrings"}, B, "none"),
    "Glute Bridge": ("hinge", {"glutes"}, B, "none"),
    "Single-Leg Glute Bridge": ("hinge", {"glutes"}, U, "none"),
    "Hip Thrust": ("hinge", {"glutes"}, B, "none"),
    "Single-Leg Hip Thrust": ("hinge", {"glutes"}, U, "none"),
    "Stability Ball Hamstring Curl": ("knee_flexion", {"hamstrings"}, B, "none"),
    "Good Morning": ("hinge", {"hamstrings", "glutes"}, B, "low"),
    "Kettlebell Swing": ("hinge", {"glutes", "hamstrings"}, B, "low"),
    "Frog Pump": ("hinge", {"glutes"}, B, "none"),
    "ATG Split Squat": ("lunge", {"quads", "glutes"}, U, "low"),
    "Stationary Lunge": ("lunge", {"quads", "glutes"}, U, "low"),
    "Lateral Step-Down": ("step", {"quads", "glutes"}, U, "low"),
    "Lateral Step-Up": ("step", {"quads", "glutes"}, U, "low"),
    "Bulgarian Split Squat": ("lunge", {"quads", "glutes"}, U, "low"),
    "Reverse Lunge": ("lunge", {"quads", "glutes"}, U, "low"),
    "Walking Lunge": ("lunge", {"quads", "glutes"}, U, "low"),
    "Forward Step-Up": ("step", {"quads", "glutes"}, U, "low"),
    "Goblet Squat": ("squat", {"quads", "glutes"}, B, "low"),
    "Wall Sit": ("squat", {"quads"}, B, "low"),
    "Spanish Squat": ("squat", {"quads"}, B, "low"),
    "Single-Leg Box Squat": ("squat", {"quads", "glutes"}, U, "low"),
    "Poliquin Step-Up": ("step", {"quads"}, U, "low"),
    "Front-Foot-Elevated Split Squat": ("lunge", {"quads", "glutes"}, U, "low"),
    "Skater Squat": ("squat", {"quads", "glutes"}, U, "low"),
    "Cossack Squat": ("squat", {"quads", "glutes", "hip_adductors"}, U, "low"),
    "Single-Leg Balance": ("single_leg_stance", {"feet_ankles"}, U, "low"),
    "Calf Raise": ("calf_ankle", {"calves"}, B, "low"),
    "Tibialis Raise": ("calf_ankle", {"tibialis"}, B, "low"),
    "Single-Leg Calf Raise": ("calf_ankle", {"calves"}, U, "low"),
    "Bent-Knee Soleus Raise": ("calf_ankle", {"calves"}, B, "none"),
    "Eccentric Calf Lower": ("calf_ankle", {"calves"}, U, "low"),
    "Short Foot": ("foot", {"feet_ankles"}, B, "low"),
    "Toe Yoga": ("foot", {"feet_ankles"}, B, "low"),
    "Heel Walk": ("calf_ankle", {"tibialis"}, B, "low"),
    "Single-Leg Balance on Foam Pad": ("single_leg_stance", {"feet_ankles"}, U, "low"),
    "Side-Lying Hip Abduction": ("hip_abduction", {"hip_abductors"}, U, "none"),
    "Banded Lateral Walk": ("hip_abduction", {"hip_abductors"}, B, "low"),
    "Clamshell": ("hip_abduction", {"hip_abductors"}, U, "none"),
    "Side Plank with Leg Lift": ("anti_lateral_flexion", {"core", "hip_abductors"}, U, "none"),
    "Copenhagen Plank": ("anti_lateral_flexion", {"hip_adductors", "core"}, U, "none"),
    "Adductor Squeeze": ("hip_adduction", {"hip_adductors"}, B, "none"),
    "Standing Banded Hip Abduction": ("hip_abduction", {"hip_abductors"}, U, "low"),
    "Banded Hip Flexor March": ("anti_extension", {"hip_flexors", "core"}, U, "none"),
    "Front Plank": ("anti_extension", {"core"}, B, "none"),
    "Dead Bug": ("anti_extension", {"core"}, B, "none"),
    "Ab Wheel Rollout": ("anti_extension", {"core"}, B, "none"),
    "Pallof Press": ("anti_rotation", {"core"}, B, "low"),
    "Bird Dog": ("anti_rotation", {"core"}, U, "none"),
    "Side Plank": ("anti_lateral_flexion", {"core"}, U, "none"),
    "Suitcase Carry": ("carry", {"core"}, U, "low"),
    "Offset Farmer Carry": ("carry", {"core"}, U, "low"),
    "Hanging Knee Raise": ("trunk_flexion", {"core"}, B, "none"),
    "Push-Up": ("upper_push", {"chest", "shoulders", "arms"}, B, "none"),
    "Inverted Row": ("upper_pull", {"back", "arms"}, B, "none"),
    "Single-Arm Dumbbell Row": ("upper_pull", {"back", "arms"}, U, "none"),
    "Half-Kneeling Overhead Press": ("upper_push", {"shoulders", "arms"}, U, "none"),
    "Chin-Up": ("upper_pull", {"back", "arms"}, B, "none"),
    "Pogo Hops": ("jump", {"calves"}, B, "high"),
    "A-Skips": ("running_drill", {"hip_flexors", "calves"}, U, "low"),
    "Bounds": ("jump", {"glutes", "quads", "calves"}, U, "high"),
    "Single-Leg Hops": ("jump", {"calves", "quads", "glutes"}, U, "high"),
    "Box Jumps": ("jump", {"quads", "glutes", "calves"}, B, "high"),
    "Lateral Bounds": ("jump", {"glutes", "hip_abductors", "quads"}, U, "high"),
    "Depth Drop": ("jump", {"quads", "glutes", "calves"}, B, "high"),
    "Split-Squat Jump": ("jump", {"quads", "glutes", "calves"}, U, "high"),
}

PLANE_OF_PATTERN = {
    Pattern.ANTI_EXTENSION: CorePlane.ANTI_EXTENSION,
    Pattern.ANTI_ROTATION: CorePlane.ANTI_ROTATION,
    Pattern.ANTI_LATERAL_FLEXION: CorePlane.ANTI_LATERAL_FLEXION,
    Pattern.TRUNK_FLEXION: CorePlane.FLEXION,
    Pattern.CARRY: CorePlane.ANTI_LATERAL_FLEXION,
}


def entry(name: str) -> dict:
    return EXERCISES[name]


def primary(name: str) -> set[str]:
    return set(entry(name)["primary_muscles"])


def secondary(name: str) -> set[str]:
    return set(entry(name)["secondary_muscles"])


def option(name: str, which: str) -> str:
    """The text of the **Easier:** or **Harder:** line of an exercise's notes."""
    found = re.search(rf"\*\*{which}:\*\* (.+)", entry(name)["notes"])
    assert found, (name, which)
    return found.group(1)


# --- the file and the golden table ---------------------------------------------------------


def test_the_file_is_version_2_with_the_movement_fields_instead_of_muscles() -> None:
    assert DATA["format"] == "coachdesk-library"
    assert DATA["version"] == 2
    keep = {"key", "name", "aliases", "laterality", "core_plane", "phase", "plyometric",
            "eccentric", "equipment", "load_type", "notes", "video_url", "image"}
    new = {"primary_muscles", "secondary_muscles", "pattern", "impact", "external_load"}
    for e in DATA["exercises"]:
        assert set(e) == keep | new, e["name"]
        assert "muscles" not in e


def test_the_golden_table_names_exactly_the_72_shipped_exercises() -> None:
    assert len(DATA["exercises"]) == 72
    assert len(EXERCISES) == 72
    assert set(GOLDEN) == set(EXERCISES)


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_each_exercise_is_tagged_as_the_golden_table_says(name: str) -> None:
    pattern, prime, laterality, impact = GOLDEN[name]
    e = entry(name)
    assert (e["pattern"], frozenset(e["primary_muscles"]), e["laterality"], e["impact"]) == (
        pattern, frozenset(prime), laterality, impact)


def test_every_value_comes_from_the_vocabulary() -> None:
    muscles = {m.value for m in Muscle}
    for name, e in EXERCISES.items():
        Pattern(e["pattern"])
        Impact(e["impact"])
        ExternalLoad(e["external_load"])
        Laterality(e["laterality"])
        Phase(e["phase"])
        LoadType(e["load_type"])
        assert e["primary_muscles"], name
        assert set(e["primary_muscles"]) <= muscles, name
        assert set(e["secondary_muscles"]) <= muscles, name


def test_primary_and_secondary_muscles_never_overlap_or_repeat() -> None:
    for name, e in EXERCISES.items():
        p, s = e["primary_muscles"], e["secondary_muscles"]
        assert len(set(p)) == len(p), name
        assert len(set(s)) == len(s), name
        assert not set(p) & set(s), name


# --- consistency rules --------------------------------------------------------------------


def test_a_core_plane_is_set_exactly_for_trunk_patterns_and_carries() -> None:
    for name, e in EXERCISES.items():
        expected = PLANE_OF_PATTERN.get(Pattern(e["pattern"]))
        assert e["core_plane"] == (expected.value if expected else None), name


def test_a_core_plane_means_core_is_a_prime_mover() -> None:
    for name, e in EXERCISES.items():
        if e["core_plane"] is not None:
            assert Muscle.CORE in e["primary_muscles"], name


def test_plyometric_exactly_for_jumps_which_are_power_phase_and_high_impact() -> None:
    for name, e in EXERCISES.items():
        is_jump = e["pattern"] == Pattern.JUMP
        assert e["plyometric"] == is_jump, name
        assert (e["impact"] == Impact.HIGH) == is_jump, name
        if e["plyometric"]:
            assert e["phase"] == Phase.POWER, name


def test_a_skips_are_a_running_drill_not_a_plyometric() -> None:
    skips = entry("A-Skips")
    assert skips["pattern"] == Pattern.RUNNING_DRILL
    assert skips["plyometric"] is False
    assert skips["impact"] == Impact.LOW
    assert skips["phase"] == Phase.STRENGTH


@pytest.mark.parametrize("name", ["Front Plank", "Side Plank", "Side Plank with Leg Lift",
                                  "Copenhagen Plank"])
def test_planks_are_trunk_work_never_leg_work(name: str) -> None:
    pattern = Pattern(entry(name)["pattern"])
    assert pattern in TRUNK_PATTERNS
    assert pattern not in LEG_PATTERNS
    assert Muscle.CORE in primary(name)


def test_the_copenhagen_plank_is_anti_lateral_flexion_for_the_adductors() -> None:
    assert entry("Copenhagen Plank")["pattern"] == Pattern.ANTI_LATERAL_FLEXION
    assert {Muscle.HIP_ADDUCTORS, Muscle.CORE} <= primary("Copenhagen Plank")


@pytest.mark.parametrize("name", ["Dead Bug", "Hanging Knee Raise", "Bird Dog", "Pallof Press",
                                  "Ab Wheel Rollout"])
def test_trunk_exercises_keep_the_hip_flexors_secondary_at_most(name: str) -> None:
    assert Pattern(entry(name)["pattern"]) in TRUNK_PATTERNS
    assert Muscle.HIP_FLEXORS not in primary(name)
    assert primary(name) == {Muscle.CORE}


@pytest.mark.parametrize("name", ["Push-Up", "Inverted Row", "Single-Arm Dumbbell Row",
                                  "Half-Kneeling Overhead Press", "Chin-Up"])
def test_upper_body_exercises_keep_core_secondary_at_most(name: str) -> None:
    assert Pattern(entry(name)["pattern"]) in UPPER_PATTERNS
    assert Muscle.CORE not in primary(name)


def test_upper_pushes_and_pulls() -> None:
    pushes = {n for n, e in EXERCISES.items() if e["pattern"] == Pattern.UPPER_PUSH}
    pulls = {n for n, e in EXERCISES.items() if e["pattern"] == Pattern.UPPER_PULL}
    assert pushes == {"Push-Up", "Half-Kneeling Overhead Press"}
    assert pulls == {"Inverted Row", "Single-Arm Dumbbell Row", "Chin-Up"}


@pytest.mark.parametrize("name, pattern", [("Goblet Squat", Pattern.SQUAT),
                                           ("Kettlebell Swing", Pattern.HINGE),
                                           ("Glute Bridge", Pattern.HINGE),
                                           ("Single-Leg Glute Bridge", Pattern.HINGE)])
def test_leg_lifts_keep_core_secondary_at_most(name: str, pattern: Pattern) -> None:
    assert entry(name)["pattern"] == pattern
    assert Muscle.CORE not in primary(name)


def test_only_trunk_patterns_and_carries_have_core_as_a_prime_mover() -> None:
    for name, e in EXERCISES.items():
        if Muscle.CORE in e["primary_muscles"]:
            assert Pattern(e["pattern"]) in CORE_PATTERNS, name


def test_foot_and_shin_exercises() -> None:
    for name in ("Short Foot", "Toe Yoga"):
        assert entry(name)["pattern"] == Pattern.FOOT
        assert primary(name) == {Muscle.FEET_ANKLES}
    for name in ("Heel Walk", "Tibialis Raise"):
        assert entry(name)["pattern"] == Pattern.CALF_ANKLE
        assert entry(name)["primary_muscles"][0] == Muscle.TIBIALIS


def test_the_glute_ham_raise_is_led_by_the_hamstrings_not_the_calves() -> None:
    assert entry("Glute Ham Raise")["pattern"] in (Pattern.KNEE_FLEXION, Pattern.HINGE)
    assert entry("Glute Ham Raise")["primary_muscles"][0] == Muscle.HAMSTRINGS
    assert Muscle.CALVES not in primary("Glute Ham Raise")


def test_lunges_and_split_squats_are_quads_and_glutes() -> None:
    lunges = {n for n, e in EXERCISES.items() if e["pattern"] == Pattern.LUNGE}
    named = {n for n in EXERCISES
             if ("Lunge" in n or "Split Squat" in n) and "Jump" not in n}
    assert named <= lunges
    for name in lunges:
        assert primary(name) == {Muscle.QUADS, Muscle.GLUTES}, name
        assert entry(name)["laterality"] == Laterality.UNILATERAL, name


def test_the_frog_pump_is_a_glute_hinge_not_adductor_work() -> None:
    assert entry("Frog Pump")["pattern"] == Pattern.HINGE
    assert entry("Frog Pump")["primary_muscles"][0] == Muscle.GLUTES
    assert Muscle.HIP_ADDUCTORS not in primary("Frog Pump")
    assert "adductor" not in entry("Frog Pump")["notes"].lower()


@pytest.mark.parametrize("name", ["Nordic Curl", "Banded Nordic Curl", "Hamstring Slider Curl",
                                  "Stability Ball Hamstring Curl"])
def test_curls_are_knee_flexion_led_by_the_hamstrings(name: str) -> None:
    assert entry(name)["pattern"] == Pattern.KNEE_FLEXION
    assert entry(name)["primary_muscles"][0] == Muscle.HAMSTRINGS


def test_balance_and_toe_touch() -> None:
    for name in ("Single-Leg Balance", "Single-Leg Balance on Foam Pad"):
        assert entry(name)["pattern"] == Pattern.SINGLE_LEG_STANCE
        assert entry(name)["laterality"] == Laterality.UNILATERAL
    assert entry("Single-Leg Toe Touch")["pattern"] == Pattern.HINGE
    assert entry("Single-Leg Toe Touch")["laterality"] == Laterality.UNILATERAL


def test_external_load_matches_the_load_type() -> None:
    for name, e in EXERCISES.items():
        load, external = e["load_type"], e["external_load"]
        if load in (LoadType.BAND, LoadType.ASSISTED):
            assert external == ExternalLoad.LIGHT, name
        elif load == LoadType.EXTERNAL:
            assert external in (ExternalLoad.LIGHT, ExternalLoad.LOADED), name
        else:
            assert external in (ExternalLoad.BODYWEIGHT, ExternalLoad.LIGHT), name


def test_lying_kneeling_seated_and_hanging_exercises_have_no_impact() -> None:
    for name in ("Glute Bridge", "Dead Bug", "Front Plank", "Nordic Curl", "Chin-Up",
                 "Hanging Knee Raise", "Bent-Knee Soleus Raise", "Clamshell"):
        assert entry(name)["impact"] == Impact.NONE, name


def test_the_shipped_file_is_what_the_build_script_makes() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        build_starter = importlib.import_module("build_starter")
    finally:
        sys.path.remove(str(ROOT / "tools"))
    assert build_starter.build() == DATA


# --- demonstration notes ------------------------------------------------------------------


def test_every_note_has_the_five_headings_in_order() -> None:
    for name, e in EXERCISES.items():
        positions = [e["notes"].find(h) for h in HEADINGS]
        assert -1 not in positions, name
        assert positions == sorted(positions), name
        assert option(name, "Easier") and option(name, "Harder")


def test_banded_nordic_curl_setup_and_progression_are_the_right_way_round() -> None:
    notes = entry("Banded Nordic Curl")["notes"]
    assert "thicker band" in option("Banded Nordic Curl", "Easier")
    assert "thinner band" in option("Banded Nordic Curl", "Harder")
    assert "thicker" not in option("Banded Nordic Curl", "Harder")
    setup = notes.split("### Cues")[0]
    assert "in front of you" in setup and "chest" in setup and "Kneel" in setup
    assert "facing away" not in notes


def test_nordic_curl_gives_a_starting_dose_and_warns_of_soreness() -> None:
    notes = entry("Nordic Curl")["notes"]
    assert "3–5" in notes and "once or twice a week" in notes
    assert "soreness" in notes and "day before a key run" in notes


def test_pogo_hops_easier_option_is_not_pogo_hopping() -> None:
    easier = option("Pogo Hops", "Easier").lower()
    assert "calf raise" in easier
    assert "hops in place" not in easier


def test_wall_sit_uses_a_shallow_pain_free_angle_for_sore_knees() -> None:
    notes = entry("Wall Sit")["notes"]
    assert "useful when knees are sore" not in notes
    assert "pain-free" in notes and "shallower" in notes


def test_spanish_squat_loads_the_tendon_on_purpose() -> None:
    notes = entry("Spanish Squat")["notes"]
    assert "little knee stress" not in notes
    assert "patellar tendon" in notes


def test_poliquin_step_up_makes_no_inner_quad_claim() -> None:
    notes = entry("Poliquin Step-Up")["notes"].lower()
    assert "inner quad" not in notes and "vmo" not in notes
    assert "past the toes" in notes


@pytest.mark.parametrize("name", ["Single-Leg Toe Touch", "Single-Leg Balance"])
def test_balance_drills_do_not_cue_gripping_with_the_toes(name: str) -> None:
    notes = entry(name)["notes"].lower()
    assert "grip" not in notes
    assert "spread" in notes and "big-toe ball" in notes
