"""Size limits for every file CoachDesk reads into memory, checked before reading.

One helper for template files, library JSON/CSV, roster CSV and brand JSON; the archive
(services.archive) applies its own limits to data.json and the media, with the same
wording.
"""

from __future__ import annotations

import os
from pathlib import Path

from coachdesk.errors import CoachDeskError

KB = 1024
MB = 1024 * KB
GB = 1024 * MB
MAX_TEXT_FILE_BYTES = 20 * MB
"""A template, library or roster file larger than this is refused before it is read (a
library of thousands of exercises or a roster of thousands of clients is well under 5 MB)."""


class FileTooLargeError(CoachDeskError):
    """A file over its size limit; ``message`` says its size and the limit."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def human_size(n: int) -> str:
    """Bytes in the units a coach reads: "20 MB", "1.5 GB", "100 bytes"."""
    for unit, scale in (("GB", GB), ("MB", MB), ("KB", KB)):
        if n >= scale:
            value = n / scale
            return (f"{value:.0f} {unit}" if value >= 10 or value == int(value)
                    else f"{value:.1f} {unit}")
    return f"{n} bytes"


def too_large(size: int | None, limit: int) -> str:
    shown = f"is {human_size(size)}, " if size is not None else "is "
    return f"{shown}larger than {human_size(limit)}, the most CoachDesk reads from such a file"


def read_bytes_limited(path: Path, limit: int | None = None) -> bytes:
    """The file's bytes, refused with ``FileTooLargeError`` from its size before a byte is
    read, and never reading more than the limit even if the file grows meanwhile. OSError
    propagates."""
    limit = MAX_TEXT_FILE_BYTES if limit is None else limit
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limit:
            raise FileTooLargeError(Path(path), too_large(size, limit))
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileTooLargeError(Path(path), too_large(None, limit))
    return data


def read_text_limited(path: Path, limit: int | None = None) -> str:
    """The file's UTF-8 text (newlines as text mode reads them), limited as
    :func:`read_bytes_limited`. OSError and UnicodeDecodeError propagate."""
    data = read_bytes_limited(path, limit)
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
