"""Writing a file whole or not at all: a temp file beside the target, then a rename.

The temp file's ``.coachdesk-`` prefix lets the next start remove one a killed process
left behind (see :mod:`coachdesk.housekeeping`). Kept free of Qt."""

from __future__ import annotations

import errno
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


def output_problem(path: str | os.PathLike[str]) -> str | None:
    """Why CoachDesk cannot write a new file at ``path``, in a coach's words; None when it
    can. Nothing is left behind: the folder is tried with a temp file that is removed."""
    target = Path(path)
    if target.is_symlink():
        return (f"{target} is a link to another file; CoachDesk does not replace links. "
                "Give the real file's path or a new file name.")
    if target.is_dir():
        return f"{target} is a folder; give a file name inside it, e.g. {target / 'program.pdf'}."
    if target.exists() and not target.is_file():
        return f"{target} is not an ordinary file; choose a file name in one of your folders."
    folder = target.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        return f"{folder} is a file, not a folder; choose a folder to save into."
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder {folder} is read-only; choose a folder you can save into."
    try:
        fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".probe", dir=folder)
    except OSError as error:
        return write_error_text(error, folder)
    os.close(fd)
    os.unlink(temp_name)
    return None


def write_error_text(error: OSError, where: str | os.PathLike[str]) -> str:
    """What went wrong writing at ``where``, in a coach's words (no errno, no trace)."""
    if error.errno == errno.ENOSPC or error.errno == errno.EDQUOT:
        return f"the disk holding {where} is full; nothing was written. Free some space."
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (f"{where} is read-only (or you may not save there); choose a folder you "
                "can save into.")
    if error.errno == errno.ENOTDIR:
        return f"part of {where} is a file, not a folder; choose a folder to save into."
    if error.errno == errno.EISDIR:
        return f"{where} is a folder; give a file name inside it."
    return (f"CoachDesk cannot save in {where} ({error.strerror or 'unknown reason'}); "
            "choose a file name in one of your folders.")
