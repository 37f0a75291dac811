"""One lookup for every service: the record, or NotFoundError in one wording."""

from __future__ import annotations

import pytest

from coachdesk.db import Database
from coachdesk.errors import NotFoundError
from coachdesk.models import Exercise, Template
from coachdesk.services.records import found, get_or_raise


def test_get_or_raise_returns_the_record_or_says_it_is_gone(db: Database) -> None:
    with db.write() as session:
        first = session.query(Exercise).order_by(Exercise.id).first()
        assert first is not None
        assert get_or_raise(session, Exercise, first.id, "exercise") is first
        assert get_or_raise(session, Exercise, first.id, "exercise", for_update=True) is first
        with pytest.raises(NotFoundError, match=r"^template 987654 does not exist \(any more\)$"):
            get_or_raise(session, Template, 987_654, "template")
    with pytest.raises(NotFoundError, match="slot 3 does not exist"):
        found(None, "slot", 3)
    assert found(0, "slot", 3) == 0  # only None is missing
