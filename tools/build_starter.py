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


def build() -> dict:
    exercises = []
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
            "notes": notes(entry),
        })
    return {"format": "coachdesk-library", "version": 1, "exercises": exercises}


if __name__ == "__main__":
    data = build()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(data['exercises'])} exercises → {OUT}")
