"""Writing a file whole or not at all: a temp file beside the target, then a rename.

The temp file's ``.coachdesk-`` prefix lets the next start remove one a killed process
left behind (see :mod:`coachdesk.housekeeping`). Kept free of Qt."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TEMP_PREFIX = ".coachdesk-"


@contextmanager
def atomic_target(path: str | os.PathLike[str], *, suffix: str = ".tmp") -> Iterator[Path]:
    """A temp path to write in full (by a library that wants a file name); renamed over
    ``path`` when the block ends, removed when it raises. Creates ``path``'s folder."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=suffix, dir=target.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        yield temp
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_atomic(path: str | os.PathLike[str], data: bytes | str, *,
                 encoding: str = "utf-8", suffix: str = ".tmp") -> Path:
    """Write ``data`` to ``path`` atomically and durably (flushed to disk before the
    rename). Text is encoded as it is: no newline translation."""
    payload = data.encode(encoding) if isinstance(data, str) else data
    with atomic_target(path, suffix=suffix) as temp, open(temp, "wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())
    return Path(path)
