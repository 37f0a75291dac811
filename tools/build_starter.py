"""Expand tools/starter_source.py into coachdesk/resources/starter_library.json."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from starter_source import E

OUT = Path(__file__).resolve().parent.parent / "coachdesk" / "resources" / "starter_library.json"


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


def build() -> dict:
    exercises = []
    richer = richer_notes()
    for entry in E:
        query = re.sub(r"[\s-]+", "+", entry["name"]) + "+exercise"
        exercises.append({
            "key": slug(entry["name"]),
            "name": entry["name"],
            "aliases": entry["aliases"],
            "muscles": entry["muscles"],
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
    return {"format": "coachdesk-library", "version": 1, "exercises": exercises}


if __name__ == "__main__":
    data = build()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(data['exercises'])} exercises → {OUT}")
