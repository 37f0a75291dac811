"""What the board and the checks read of an exercise, cached per database by the
exercise's row version.

The board reloads its week after every edit; decoding the same exercises' muscle lists and
tags each time was a third of that reload. An exercise's ``version`` goes up with every
save (it is the optimistic-locking column), so a cached entry for (id, version) can never
be stale: an edit on any desk gives the next load a new key.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, select, tuple_
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


_caches: weakref.WeakKeyDictionary[Engine, dict[tuple[int, int], ExerciseFacts]] = (
    weakref.WeakKeyDictionary())
"""One cache per open database (its engine), gone with it."""


def exercise_facts(db: Database, session: Session,
                   keys: Iterable[tuple[int, int]]) -> dict[tuple[int, int], ExerciseFacts]:
    """Facts for each (exercise id, version); only the ones not seen before are read."""
    cache = _caches.setdefault(db.engine, {})
    wanted = set(keys)
    missing = [key for key in wanted if key not in cache]
    if missing:
        if len(cache) + len(missing) > CACHE_LIMIT:
            cache.clear()
        rows = session.execute(
            select(Exercise.id, Exercise.version, Exercise.name, Exercise.primary_muscles,
                   Exercise.secondary_muscles, Exercise.laterality, Exercise.core_plane,
                   Exercise.phase, Exercise.plyometric, Exercise.eccentric, Exercise.pattern,
                   Exercise.impact, Exercise.external_load)
            .where(tuple_(Exercise.id, Exercise.version).in_(missing))
        )
        for (exercise_id, version, name, muscles, secondary, laterality, plane, phase,
             plyometric, eccentric, pattern, impact, external_load) in rows:
            cache[(exercise_id, version)] = ExerciseFacts(
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
