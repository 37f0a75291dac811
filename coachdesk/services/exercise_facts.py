"""What the board and the checks read of an exercise, cached per database by the
exercise's row identity: (id, version, updated_at).

The board reloads its week after every edit; decoding the same exercises' muscle lists and
tags each time was a third of that reload. An exercise's ``version`` goes up with every
save (it is the optimistic-locking column) and ``updated_at`` is stamped on every insert
and update, so an edit on any desk gives the next load a new key, and so does an exercise
deleted and made again under the same id (SQLite reuses the highest id, and a new row
starts again at version 1).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, String, cast, select, tuple_
from sqlalchemy.orm import Session

from coachdesk.db import Database
from coachdesk.models import Exercise
from coachdesk.vocab import plain

CACHE_LIMIT = 20_000
"""Entries kept per database; past it the cache starts afresh (a library of thousands of
exercises still fits)."""


@dataclass(frozen=True, slots=True)
class ExerciseFacts:
    name: str
    muscles: tuple[str, ...]
    secondary_muscles: tuple[str, ...]
    laterality: str
    core_plane: str | None
    phase: str
    plyometric: bool
    eccentric: bool
    pattern: str
    impact: str
    external_load: str


Key = tuple[int, int, str]
"""(id, version, updated_at as the database prints it)."""

_caches: weakref.WeakKeyDictionary[Engine, dict[Key, ExerciseFacts]] = (
    weakref.WeakKeyDictionary())
"""One cache per open database (its engine), gone with it."""


def stamp_column() -> object:
    """The column to select beside ``Exercise.id`` and ``Exercise.version`` for a key."""
    return cast(Exercise.updated_at, String)


def exercise_facts(db: Database, session: Session,
                   keys: Iterable[Key]) -> dict[Key, ExerciseFacts]:
    """Facts for each key; only the ones not seen before are read."""
    cache = _caches.setdefault(db.engine, {})
    wanted = set(keys)
    missing = [key for key in wanted if key not in cache]
    if missing:
        if len(cache) + len(missing) > CACHE_LIMIT:
            cache.clear()
        rows = session.execute(
            select(Exercise.id, Exercise.version, stamp_column(), Exercise.name,
                   Exercise.primary_muscles,
                   Exercise.secondary_muscles, Exercise.laterality, Exercise.core_plane,
                   Exercise.phase, Exercise.plyometric, Exercise.eccentric, Exercise.pattern,
                   Exercise.impact, Exercise.external_load)
            .where(tuple_(Exercise.id, Exercise.version).in_([k[:2] for k in missing]))
        )
        for (exercise_id, version, stamp, name, muscles, secondary, laterality, plane, phase,
             plyometric, eccentric, pattern, impact, external_load) in rows:
            cache[(exercise_id, version, stamp)] = ExerciseFacts(
                name=name, muscles=tuple(muscles), secondary_muscles=tuple(secondary),
                laterality=plain(laterality), core_plane=plain(plane) if plane else None,
                phase=plain(phase), plyometric=bool(plyometric), eccentric=bool(eccentric),
                pattern=plain(pattern), impact=plain(impact),
                external_load=plain(external_load),
            )
    return {key: cache[key] for key in wanted if key in cache}


def forget_exercise_facts(db: Database) -> None:
    """Drop the cache: a restore replaced the rows under the same ids and versions."""
    _caches.pop(db.engine, None)
