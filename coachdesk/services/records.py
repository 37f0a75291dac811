"""Looking a record up by id, or saying it is gone: one message for every service."""

from __future__ import annotations

from typing import Any, TypeVar

from coachdesk.errors import NotFoundError

T = TypeVar("T")


def missing(what: str, record_id: object) -> NotFoundError:
    """``exercise 7 does not exist (any more)``: another desk may have deleted it."""
    return NotFoundError(f"{what} {record_id} does not exist (any more)")


def found(record: T | None, what: str, record_id: object) -> T:
    """``record`` (a query's ``one_or_none()``), or :func:`missing` raised."""
    if record is None:
        raise missing(what, record_id)
    return record


def get_or_raise(session: Any, model: type[T], record_id: int, what: str, *,
                 for_update: bool = False) -> T:
    """``session.get(model, record_id)``, row-locked when ``for_update``; NotFoundError
    when there is no such record."""
    return found(session.get(model, record_id, with_for_update=for_update or None),
                 what, record_id)
