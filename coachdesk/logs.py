"""The log file: private (0600 in a 0700 folder on POSIX) and never holding a password.

Record values stay out because every engine is created with ``hide_parameters=True``; the
formatter also masks every password this process saw in a database URL (and each part of
one), whatever message or traceback carries it. Kept free of Qt."""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from coachdesk.paths import log_dir, redact

log = logging.getLogger("coachdesk")


def log_file() -> Path:
    return log_dir() / "coachdesk.log"


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class PrivateRotatingFileHandler(RotatingFileHandler):
    """Creates the log file and each rotated one readable by its owner only."""

    def _open(self):  # type: ignore[no-untyped-def]
        if not os.path.exists(self.baseFilename):
            os.close(os.open(self.baseFilename, os.O_CREAT | os.O_WRONLY, 0o600))
        stream = super()._open()
        if os.name == "posix":
            os.chmod(self.baseFilename, 0o600)
        return stream


def setup_logging() -> Path:
    """Log to the user log folder (again to the current one when it changed, as in tests)."""
    path = log_file()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(path.parent, 0o700)
    for handler in list(log.handlers):
        if isinstance(handler, PrivateRotatingFileHandler) and handler.baseFilename != str(
                path.resolve()):
            log.removeHandler(handler)
            handler.close()
    if not any(isinstance(h, PrivateRotatingFileHandler) for h in log.handlers):
        handler = PrivateRotatingFileHandler(path, maxBytes=1_000_000, backupCount=3,
                                             encoding="utf-8")
        handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return path
