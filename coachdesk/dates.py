"""Date helpers shared by the CLI and the UI (no Qt)."""

from __future__ import annotations

from datetime import date, timedelta


def next_monday(today: date | None = None) -> date:
    today = today or date.today()
    return today + timedelta(days=(7 - today.weekday()) % 7 or 7)
