"""Where CoachDesk keeps things, and how a database location becomes a URL.

Kept free of SQLAlchemy and Qt so the start-up path can call it before anything heavy loads.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote

from platformdirs import PlatformDirs

APP_NAME = "CoachDesk"
ENV_DATABASE_URL = "COACHDESK_DATABASE_URL"
ENV_DATA_DIR = "COACHDESK_DATA_DIR"
PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"

_dirs = PlatformDirs(APP_NAME, appauthor=False)


def data_dir() -> Path:
    """The user data folder (overridable with ``COACHDESK_DATA_DIR``, which tests use)."""
    override = os.environ.get(ENV_DATA_DIR)
    return Path(override) if override else Path(_dirs.user_data_dir)


def log_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    return Path(override) / "logs" if override else Path(_dirs.user_log_dir)


def cache_dir() -> Path:
    """Files CoachDesk can always make again (QR codes): safe to delete at any time."""
    override = os.environ.get(ENV_DATA_DIR)
    return Path(override) / "cache" if override else Path(_dirs.user_cache_dir)


def default_database_path() -> Path:
    return data_dir() / "coachdesk.sqlite3"


def media_dir_for(database_path: Path | None) -> Path:
    """Demo media live beside a SQLite file so the pair can be moved together."""
    if database_path is None:
        return data_dir() / "media"
    return database_path.parent / f"{database_path.stem}-media"


def is_url(location: str) -> bool:
    return "://" in location


def database_url(location: str | os.PathLike[str] | None = None) -> str:
    """Resolve ``--db`` / ``COACHDESK_DATABASE_URL`` / the default into a SQLAlchemy URL.

    A plain path means a SQLite file; anything with ``://`` is taken as a URL as it is.
    """
    chosen = location if location is not None else os.environ.get(ENV_DATABASE_URL)
    if chosen is None or str(chosen) == "":
        return sqlite_url(default_database_path())
    text = os.fspath(chosen)
    if is_url(text):
        return normalize_url(text)
    return sqlite_url(Path(text).expanduser())


_SECRETS: set[str] = set()
"""Passwords of the URLs this process opened; :func:`redact` masks them (and their parts)."""


def normalize_url(url: str) -> str:
    """The URL with an ``@`` inside its password percent-encoded (the last ``@`` before the
    host separates the two), so the driver never takes the password's tail for the host;
    the password is remembered for :func:`redact`."""
    scheme, _, rest = url.partition("://")
    netloc, slash, tail = rest.partition("/")
    if "@" not in netloc:
        return url
    userinfo, _, host = netloc.rpartition("@")
    user, colon, password = userinfo.partition(":")
    if colon and password:
        _remember_secret(unquote(password))
        _remember_secret(password)
        password = password.replace("@", "%40")
        _remember_secret(password)
    return f"{scheme}://{user}{colon}{password}@{host}{slash}{tail}"


def _remember_secret(password: str) -> None:
    _SECRETS.add(password)
    for part in password.replace("%40", "@").split("@"):  # the tail a parser may split off
        if len(part) >= 3:
            _SECRETS.add(part)


def redact(text: str) -> str:
    """``text`` with every known password, and every part of one, replaced by ``***``."""
    for secret in sorted(_SECRETS, key=len, reverse=True):
        text = text.replace(secret, "***")
    return text


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for another engine or an in-memory database."""
    if not url.startswith("sqlite"):
        return None
    _, _, rest = url.partition(":///")
    if not rest or rest == ":memory:":
        return None
    return Path(rest.split("?", 1)[0])


def display_name(url: str) -> str:
    """A short, password-free description of a database for the status bar."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    scheme, _, rest = url.partition("://")
    host = rest.rsplit("@", 1)[-1]
    return f"{scheme.split('+')[0]}://{host}"
