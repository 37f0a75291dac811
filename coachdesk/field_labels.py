"""What each field is called on screen, so a refusal reads in a coach's words.

The models and services name fields by their keys (``email``, ``rest_s``); a coach reads
"E-mail" and "Rest". :func:`describe` turns ``ValidationError(field, message)`` into one
sentence ("Name is required", "E-mail: 'x' is not a valid e-mail address"). A key that is
not a plain field name (a path in a file such as ``progression.tue:0.step``, a file path)
is shown as it is: there it is the coach's way to find the spot.
"""

from __future__ import annotations

import re

LABELS: dict[str, str] = {
    # clients
    "name": "Name",
    "email": "E-mail",
    "phone": "Phone",
    "goal": "Goal",
    "race_distance": "Main race",
    "race_date": "Race day",
    "season": "Season",
    "stage": "Stage",
    "key_run_days": "Key run days",
    "injuries": "Injuries",
    "injury_notes": "Other injuries",
    "notes": "Notes",
    # exercises
    "aliases": "Also called",
    "pattern": "Movement",
    "primary_muscles": "Prime movers",
    "secondary_muscles": "Assisting muscles",
    "impact": "Impact",
    "external_load": "External load",
    "laterality": "Sides",
    "core_plane": "Core plane",
    "phase": "Phase",
    "plyometric": "Plyometric",
    "eccentric": "Eccentric emphasis",
    "equipment": "Equipment",
    "load_type": "Load",
    "image_path": "Demo picture",
    "video_url": "Demo video",
    "builtin": "Built-in exercise",
    # templates, slots and programs
    "template": "Template",
    "program": "Program",
    "exercises": "Exercises",
    "slot": "Exercise slot",
    "slots": "Exercise slots",
    "sets": "Sets",
    "reps": "Reps",
    "seconds": "Time",
    "rest_s": "Rest",
    "tempo": "Tempo",
    "intensity": "Intensity",
    "load": "Load",
    "units": "Units",
    "side": "Side",
    "group": "Superset group",
    "position": "Position",
    "weekday": "Day",
    "weekday_index": "Day",
    "weeks": "Weeks",
    "week": "Week",
    "start_date": "Start date",
    "deload_week": "Deload week",
    "progression": "Progression",
    "kind": "Progression",
    "step": "Step",
    "overrides": "Week changes",
    "status": "Status",
    "title": "Title",
    "version": "File version",
    # brand and settings
    "brand": "Brand",
    "business_name": "Business name",
    "website": "Website",
    "logo": "Logo",
    "logo_path": "Logo",
    "primary_color": "Main colour",
    "accent_color": "Accent colour",
    "paper": "Paper",
    "footer": "Footer",
    "pdf_path": "PDF file",
    "week_start": "First day of the week",
    "default_sets": "Default sets",
    "default_rest_s": "Default rest",
    "email_subject": "E-mail subject",
    "backup_folder": "Backup folder",
    "checks": "Balance checks",
    "frequency": "Sessions a week",
    "key_muscles": "Key muscle groups",
    "unilateral_share_min": "Single-leg share",
    "core_planes_min": "Core planes",
    "micro_session_below": "Micro-session size",
    "snapshot": "Snapshot",
}

_PLAIN_KEY = re.compile(r"[a-z][a-z0-9_]*")
_CONTINUES = ("is ", "are ", "must ", "has ", "have ", "needs ", "cannot ", "can ",
              "should ", "was ", "were ", "does ", "only ")


def label_for(field: str) -> str | None:
    """The on-screen name of ``field``; None for a key that is not a plain field name."""
    if field in LABELS:
        return LABELS[field]
    if _PLAIN_KEY.fullmatch(field):
        return field.replace("_", " ").capitalize()
    return None


def describe(field: str, message: str) -> str:
    """One sentence a coach can read: "Name is required", "E-mail: 'x' is not …"."""
    if not field:
        return message
    name = label_for(field)
    if name is None:
        return f"{field}: {message}"
    if message.startswith(_CONTINUES):
        return f"{name} {message}"
    return f"{name}: {message}"
