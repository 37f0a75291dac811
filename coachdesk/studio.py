"""A studio's shared PostgreSQL server: the connection a coach fills in, checked field by
field, and its password kept in the system keyring (or, where there is none, in this
process only). A password is never written to the settings, the log or a message: every
URL built here registers it with :func:`coachdesk.paths.redact`. Kept free of Qt."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from coachdesk.paths import normalize_url, redact

log = logging.getLogger("coachdesk")

KEYRING_SERVICE = "CoachDesk studio server"
DEFAULT_PORT = 5432
_HOST = re.compile(r"^[A-Za-z0-9._\-\[\]:]+$")
_DATABASE = re.compile(r"^[A-Za-z0-9_\-]+$")

_session_passwords: dict[str, str] = {}
"""Passwords the coach chose to keep for this session only (no keyring on this machine)."""


@dataclass(frozen=True)
class ServerFields:
    host: str
    port: str
    database: str
    user: str
    password: str = ""

    def errors(self) -> dict[str, str]:
        """Every field that is wrong, by field name, with what is allowed ({} when none)."""
        found: dict[str, str] = {}
        host = self.host.strip()
        if not host or not _HOST.match(host):
            found["host"] = ("Host: give the server's name or address, such as studio.local "
                             "or 192.168.1.20 (no spaces, slashes or @).")
        port = self.port.strip()
        if not port.isdigit() or not 1 <= int(port) <= 65535:
            found["port"] = ("Port: give a whole number from 1 to 65535 (PostgreSQL "
                             f"usually listens on {DEFAULT_PORT}).")
        if not _DATABASE.match(self.database.strip()):
            found["database"] = ("Database: give the database's name on the server "
                                 "(letters, digits, _ and -).")
        user = self.user.strip()
        if not user or any(c in user for c in " :@/"):
            found["user"] = ("User: give the user name the studio gave you (no spaces, "
                             ": or @).")
        return found

    @property
    def key(self) -> str:
        """Whose password this is, for the keyring: ``user@host:port/database``."""
        return f"{self.user.strip()}@{self.host.strip()}:{self.port.strip()}/" \
               f"{self.database.strip()}"

    def url(self, password: str | None = None) -> str:
        """The SQLAlchemy URL (psycopg driver); the password is registered for redaction."""
        secret = self.password if password is None else password
        userinfo = quote(self.user.strip(), safe="")
        if secret:
            userinfo += ":" + quote(secret, safe="")
        return normalize_url(f"postgresql+psycopg://{userinfo}@{self.host.strip()}:"
                             f"{self.port.strip()}/{self.database.strip()}")


def fields_from_url(url: str) -> ServerFields | None:
    """A server URL (with or without its password) read back into fields; None for SQLite."""
    if not url.startswith("postgresql"):
        return None
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:  # a malformed address: opening it explains what is wrong
        return None
    return ServerFields(host=parts.hostname or "", port=str(port or DEFAULT_PORT),
                        database=parts.path.lstrip("/"), user=unquote(parts.username or ""),
                        password=unquote(parts.password or ""))


# --- the password's home ---------------------------------------------------------------

def keyring_available() -> bool:
    """False where the system has no keyring CoachDesk can use (e.g. a headless machine)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    try:
        backend = keyring.get_keyring()
    except Exception:
        return False
    return not isinstance(backend, fail.Keyring) and backend.priority > 0


def store_password(fields: ServerFields, *, session_only: bool = False) -> str:
    """Keep the password: in the keyring when there is one, else in this process when the
    coach agreed. Returns where: "keyring", "session" or "nowhere"."""
    if not fields.password:
        return "nowhere"
    if not session_only and keyring_available():
        import keyring

        try:
            keyring.set_password(KEYRING_SERVICE, fields.key, fields.password)
            return "keyring"
        except Exception as error:  # a locked or refusing keyring: say where it went
            log.warning("The system keyring refused the password: %s",
                        redact(type(error).__name__))
    if session_only:
        _session_passwords[fields.key] = fields.password
        return "session"
    return "nowhere"


def saved_password(fields: ServerFields) -> str | None:
    if fields.key in _session_passwords:
        return _session_passwords[fields.key]
    if not keyring_available():
        return None
    import keyring

    try:
        return keyring.get_password(KEYRING_SERVICE, fields.key)
    except Exception:
        return None


def with_saved_password(location: str) -> str:
    """A remembered server URL (kept without its password) with the saved password put
    back; any other location as it is."""
    fields = fields_from_url(location)
    if fields is None or fields.password:
        return location
    password = saved_password(fields)
    return fields.url(password) if password else location


# --- trying the connection -------------------------------------------------------------

def try_connection(fields: ServerFields, timeout_s: int = 5) -> str | None:
    """Connect once and ask the server a trivial question: None when it answered, else the
    reason in words (password-free). Slow on an unreachable host: call it off the UI
    thread."""
    url = fields.url()
    try:
        from sqlalchemy import create_engine, text
        from sqlalchemy.pool import NullPool
    except ImportError:  # pragma: no cover - SQLAlchemy is a dependency
        return "CoachDesk's database layer is missing from this installation."
    try:
        engine = create_engine(url, poolclass=NullPool, hide_parameters=True,
                               connect_args={"connect_timeout": timeout_s})
    except Exception as error:  # e.g. the PostgreSQL driver is not installed
        reason = ("this CoachDesk cannot reach PostgreSQL servers (its driver, psycopg, "
                  "is not installed)") if "psycopg" in str(error) else str(error)
        return _failed(fields, reason)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:
        detail = getattr(error, "orig", None) or error
        return _failed(fields, str(detail).strip().splitlines()[0] if str(detail).strip()
                       else type(detail).__name__)
    finally:
        engine.dispose()
    return None


def _failed(fields: ServerFields, reason: str) -> str:
    message = redact(f"Could not connect to {fields.database.strip()} on "
                     f"{fields.host.strip()}:{fields.port.strip()}: {reason}")
    log.warning("%s", message)
    return message
