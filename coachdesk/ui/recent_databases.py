"""The databases a coach opened lately (File → Open Recent) and the last one, opened again
at the next start when neither ``--db`` nor ``COACHDESK_DATABASE_URL`` says otherwise.

Kept in the UI state file; a server's address is kept without its password (that lives in
the system keyring, see :mod:`coachdesk.ui.studio_server`)."""

from __future__ import annotations

import os

from coachdesk.paths import ENV_DATABASE_URL, is_url, sqlite_path
from coachdesk.ui.settings_store import ui_state

MAX_RECENT = 8
RECENT_KEY = "databases/recent"


def without_password(url: str) -> str:
    """``postgresql+psycopg://coach:secret@host/db`` → ``postgresql+psycopg://coach@host/db``."""
    if not is_url(url):
        return url
    scheme, _, rest = url.partition("://")
    netloc, slash, tail = rest.partition("/")
    if "@" not in netloc:
        return url
    userinfo, _, host = netloc.rpartition("@")
    user = userinfo.partition(":")[0]
    return f"{scheme}://{user}@{host}{slash}{tail}"


def remembered_form(url: str) -> str:
    """How a database is remembered: a SQLite file by its path, a server by its URL
    without the password."""
    path = sqlite_path(url)
    return str(path) if path is not None else without_password(url)


def recent() -> list[str]:
    """The last databases opened, newest first (at most :data:`MAX_RECENT`)."""
    value = ui_state().value(RECENT_KEY, [])
    if isinstance(value, str):  # an INI list of one comes back as the string itself
        value = [value]
    return [str(v) for v in value or [] if str(v)][:MAX_RECENT]


def remember(url: str) -> None:
    """Put this database first in the recent list (it is also the last one opened)."""
    entry = remembered_form(url)
    entries = [entry] + [e for e in recent() if e != entry]
    settings = ui_state()
    settings.setValue(RECENT_KEY, entries[:MAX_RECENT])
    settings.sync()


def available(entry: str) -> bool:
    """A SQLite file that still exists, or a server (which only trying can tell)."""
    return is_url(entry) or os.path.isfile(entry)


def prune_missing() -> list[str]:
    """Forget the SQLite files that are gone; returns what is left."""
    kept = [e for e in recent() if available(e)]
    settings = ui_state()
    settings.setValue(RECENT_KEY, kept)
    settings.sync()
    return kept


def start_location(location: str | None) -> str | None:
    """What to open at start-up: ``--db`` when given; else the environment variable (None
    lets :func:`coachdesk.paths.database_url` read it); else the last database opened, when
    it is still there; else None, the default file."""
    if location:
        return location
    if os.environ.get(ENV_DATABASE_URL):
        return None
    last = next(iter(recent()), None)
    return last if last is not None and available(last) else None
