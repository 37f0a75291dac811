"""Precise exceptions the core raises; the CLI maps them to exit codes, the UI to messages."""

from __future__ import annotations

from coachdesk.field_labels import describe


class CoachDeskError(Exception):
    """Base for every error CoachDesk expects and can explain to a coach."""


class ValidationError(CoachDeskError, ValueError):
    """A value a coach entered is not acceptable; ``field`` says which one."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(describe(field, message))
        self.field = field
        self.message = message


class NotFoundError(CoachDeskError, LookupError):
    """A record the caller asked for does not exist (any more)."""


class InUseError(CoachDeskError):
    """A record cannot be removed because other records depend on it."""


class DatabaseOpenError(CoachDeskError):
    """The database cannot be opened; the message says why in a coach's words."""


class DatabaseAddressError(DatabaseOpenError):
    """A database address (``--db``, ``COACHDESK_DATABASE_URL``) is malformed; ``source``
    names where it came from, once known."""

    def __init__(self, message: str, source: str = "") -> None:
        super().__init__(f"{source}: {message}" if source else message)
        self.source = source
        self.message = message


class StorageError(CoachDeskError):
    """The database could not save a change (a broken rule, a full disk); nothing was saved."""


class DatabaseBusyError(StorageError):
    """Another desk held the database's write lock for too long; nothing was changed."""


class StaleEditError(CoachDeskError):
    """Someone else saved this record after it was loaded here; nothing was overwritten.
    ``fields`` names what both desks changed, when that is known."""

    def __init__(self, message: str, fields: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.fields = fields


class Cancelled(CoachDeskError):
    """The coach cancelled long work; it rolled back, so nothing was half-written."""
