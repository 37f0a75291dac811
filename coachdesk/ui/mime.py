"""Drag-and-drop MIME types. Payloads are JSON (never pickles)."""

from __future__ import annotations

EXERCISE_IDS_MIME = "application/x-coachdesk-exercise-ids"
"""JSON list of exercise ids, e.g. ``[12, 40]``: dragged from the library."""

SLOT_REF_MIME = "application/x-coachdesk-slot-ref"
"""JSON object ``{"template_id": 3, "slot_ids": [7]}``: slot cards dragged on the board."""
