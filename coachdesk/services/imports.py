"""Writing a previewed import (library or roster): the new records and the changed ones in
one transaction, with progress, and cancellable until the commit."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from coachdesk.db import Database
from coachdesk.errors import Cancelled, CoachDeskError

D = TypeVar("D")
"""A record's editable data (``ExerciseData``, ``ClientData``): it has a ``name``."""

Progress = Callable[[int, int], None]


def write_previewed(
    db: Database, model: type, new: Sequence[D], changed: Sequence[tuple[int, D, D]], *,
    create: Callable[[D], Any], update: Callable[[Any, D], None],
    progress: Progress = lambda _done, _total: None,
    should_stop: Callable[[], bool] = lambda: False,
) -> tuple[int, int]:
    """Add ``create(data)`` for each new entry and ``update(record, after)`` each changed
    one; returns (added, updated). A record deleted since the preview, or ``should_stop``
    turning true, raises and the whole transaction rolls back."""
    total = len(new) + len(changed)
    with db.write() as session:
        for index, data in enumerate(new):
            if should_stop():
                raise Cancelled("The import was cancelled; nothing was changed.")
            if index % 50 == 0:
                progress(index, total)
            session.add(create(data))
        for record_id, _before, after in changed:
            record = session.get(model, record_id)
            if record is None:
                raise CoachDeskError(f"{after.name} was deleted meanwhile; preview again")
            update(record, after)
    return len(new), len(changed)
