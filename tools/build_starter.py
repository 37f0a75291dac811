"""Expand tools/starter_source.py into coachdesk/resources/starter_library.json."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# This checkout's coachdesk, not an installed one.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from starter_source import E

from coachdesk.vocab import (
    CORE_PATTERNS,
    CorePlane,
    ExternalLoad,
    Impact,
    Laterality,
    Muscle,
    Pattern,
    Phase,
)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "coachdesk" / "resources" / "starter_library.json"
VERSION = 2
# The core plane a trunk pattern or a carry implies; every other pattern has none.
PATTERN_PLANE = {
    Pattern.ANTI_EXTENSION: CorePlane.ANTI_EXTENSION,
    Pattern.ANTI_ROTATION: CorePlane.ANTI_ROTATION,
    Pattern.ANTI_LATERAL_FLEXION: CorePlane.ANTI_LATERAL_FLEXION,
    Pattern.TRUNK_FLEXION: CorePlane.FLEXION,
    Pattern.CARRY: CorePlane.ANTI_LATERAL_FLEXION,
}


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def notes(entry: dict) -> str:
    lines = ["### Setup", entry["setup"], "", "### Cues"]
    lines += [f"- {c}" for c in entry["cues"]]
    lines += ["", "### Common faults"] + [f"- {f}" for f in entry["faults"]]
    lines += ["", "### Easier / harder", f"- **Easier:** {entry['easier']}",
              f"- **Harder:** {entry['harder']}", "", "### Why runners do it", entry["why"]]
    return "\n".join(lines)


NOTES_DIR = Path(__file__).resolve().parent / "starter_notes"
HEADINGS = ("### Setup", "### Cues", "### Common faults", "### Easier / harder",
            "### Why runners do it")


def richer_notes() -> dict[str, str]:
    """Longer demonstration notes written for some exercises (tools/starter_notes/*.json),
    used in place of the compact ones when they have every heading."""
    found: dict[str, str] = {}
    for path in sorted(NOTES_DIR.glob("*.json")):
        for entry in json.loads(path.read_text(encoding="utf-8")):
            notes = entry.get("notes", "")
            if all(h in notes for h in HEADINGS):
                found[entry["name"]] = notes
    return found


def problems(entry: dict) -> list[str]:
    """What is inconsistent in one source entry (empty when it is fine)."""
    found = []
    primary, secondary = entry["primary_muscles"], entry["secondary_muscles"]
    muscles = {m.value for m in Muscle}
    if not primary:
        found.append("no primary muscles")
    if not set(primary) | set(secondary) <= muscles:
        found.append(f"unknown muscles {sorted(set(primary) | set(secondary) - muscles)}")
    if set(primary) & set(secondary) or len(set(primary)) != len(primary) \
            or len(set(secondary)) != len(secondary):
        found.append("a muscle listed twice")
    try:
        pattern = Pattern(entry["pattern"])
        Impact(entry["impact"])
        ExternalLoad(entry["external_load"])
        Laterality(entry["laterality"])
        Phase(entry["phase"])
    except ValueError as error:
        return [*found, str(error)]
    plane = PATTERN_PLANE.get(pattern)
    if entry["core_plane"] != (plane.value if plane else None):
        found.append(f"core plane {entry['core_plane']} for pattern {pattern}")
    if entry["core_plane"] and Muscle.CORE not in primary:
        found.append("a core plane but core is not a primary muscle")
    if pattern in CORE_PATTERNS and Muscle.CORE not in primary and pattern != Pattern.CARRY:
        found.append("a trunk pattern without core as a primary muscle")
    if entry["plyometric"] != (pattern == Pattern.JUMP):
        found.append("plyometric must be set exactly for the jump pattern")
    if entry["plyometric"] and entry["phase"] != Phase.POWER:
        found.append("a plyometric exercise outside the power phase")
    if (pattern == Pattern.JUMP) != (entry["impact"] == Impact.HIGH):
        found.append("high impact must go with the jump pattern")
    return found


def build() -> dict:
    exercises = []
    richer = richer_notes()
    wrong = {e["name"]: p for e in E if (p := problems(e))}
    if wrong:
        raise SystemExit("\n".join(f"{name}: {'; '.join(p)}" for name, p in wrong.items()))
    for entry in E:
        query = re.sub(r"[\s-]+", "+", entry["name"]) + "+exercise"
        exercises.append({
            "key": slug(entry["name"]),
            "name": entry["name"],
            "aliases": entry["aliases"],
            "primary_muscles": entry["primary_muscles"],
            "secondary_muscles": entry["secondary_muscles"],
            "pattern": entry["pattern"],
            "impact": entry["impact"],
            "external_load": entry["external_load"],
            "laterality": entry["laterality"],
            "core_plane": entry["core_plane"],
            "phase": entry["phase"],
            "plyometric": entry["plyometric"],
            "eccentric": entry["eccentric"],
            "equipment": entry["equipment"],
            "load_type": entry["load_type"],
            "video_url": f"https://www.youtube.com/results?search_query={query}",
            "image": None,
            "notes": richer.get(entry["name"]) or notes(entry),
        })
    return {"format": "coachdesk-library", "version": VERSION, "exercises": exercises}


if __name__ == "__main__":
    data = build()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(data['exercises'])} exercises → {OUT}")
