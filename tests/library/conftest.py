"""Shipping a newer starter library in a test: the file's text changes, as in a release."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pytest

from coachdesk.library import starter


@pytest.fixture
def ship(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Sequence[dict[str, Any]]], None]]:
    """``ship(entries)`` makes the shipped starter file hold ``entries``."""

    def clear() -> None:
        starter.starter_entries.cache_clear()
        starter.starter_file_hash.cache_clear()

    def shipping(entries: Sequence[dict[str, Any]]) -> None:
        text = json.dumps({"format": "coachdesk-library", "version": 2,
                           "exercises": list(entries)})
        monkeypatch.setattr(starter, "starter_text", lambda: text)
        clear()

    yield shipping
    monkeypatch.undo()
    clear()
