"""The one gate every picture passes (a logo, a demo picture), whether it is attached in
the app or printed by ``coachdesk pdf``. No Qt.

* Only a regular file is opened, and opened without blocking, so a named pipe or a device
  fails at once instead of hanging.
* Pillow may only detect PNG, JPEG, GIF or WebP (``Image.open(..., formats=...)``): the
  file's content decides, not its name, so EPS text named ``logo.png`` never reaches
  Ghostscript.
* The pixel count is read from the header and refused above ``MAX_PIXELS`` before anything
  is decoded.
* A phone's EXIF orientation is applied (``ImageOps.exif_transpose``) so portrait photos
  stay portrait.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from PIL import Image, ImageOps, UnidentifiedImageError

from coachdesk.errors import CoachDeskError
from coachdesk.export.filenames import safe_filename

ALLOWED_FORMATS = ("PNG", "JPEG", "GIF", "WEBP")
ALLOWED_WORDS = "a PNG, JPEG or GIF picture (WebP works too)"
SUFFIXES = {"PNG": ".png", "JPEG": ".jpg", "GIF": ".gif", "WEBP": ".webp"}
MAX_PIXELS = 40_000_000  # a 40 MP picture decodes to 160 MB in RGBA; phones take 12-50 MP
ORIENTATION = 0x0112  # the EXIF tag phones use for "this photo was taken sideways"


class PictureRefused(CoachDeskError):
    """The file cannot be used as a picture. ``reason`` is a phrase that follows the
    file's name ("logo.png is an SVG drawing …")."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _looks_like_svg(path: Path, head: bytes) -> bool:
    if path.suffix.lower() in (".svg", ".svgz"):
        return True
    head = head.lstrip()
    return head.startswith(b"<") and b"<svg" in head.lower()


@contextmanager
def open_picture(path: Path) -> Iterator[Image.Image]:
    """The picture at ``path`` opened (header only, nothing decoded yet), or
    :class:`PictureRefused` saying why not. ``FileNotFoundError`` passes through."""
    with _opened(path) as (_handle, picture):
        yield picture


@contextmanager
def _opened(path: Path) -> Iterator[tuple[BinaryIO, Image.Image]]:
    """The open file and the picture read from it (see :func:`open_picture`)."""
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)  # no block: a pipe with no writer opens at once
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise PictureRefused("is not a picture file (it is a folder, a device or a pipe)")
        if _looks_like_svg(path, handle.read(512)):
            raise PictureRefused(f"is an SVG drawing; choose {ALLOWED_WORDS}")
        handle.seek(0)
        try:
            with warnings.catch_warnings():
                # Our own limit below is far lower than Pillow's warning threshold.
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                picture = Image.open(handle, formats=ALLOWED_FORMATS)
        except (UnidentifiedImageError, Image.DecompressionBombError):
            raise PictureRefused(f"is not a picture CoachDesk can use; choose "
                                 f"{ALLOWED_WORDS}") from None
        except (OSError, ValueError, SyntaxError, EOFError) as error:
            reason = str(error).strip() or type(error).__name__
            raise PictureRefused(f"cannot be read ({reason})") from None
        with picture:
            width, height = picture.size
            if width * height > MAX_PIXELS:
                raise PictureRefused(
                    f"has {width * height / 1e6:.0f} megapixels ({width} × {height}) and "
                    f"at most {MAX_PIXELS // 1_000_000} are allowed; save a smaller copy "
                    "(2,000 pixels across is plenty for print)")
            yield handle, picture


def orientation(picture: Image.Image) -> int:
    """The EXIF orientation (1 = upright as stored)."""
    try:
        return int(picture.getexif().get(ORIENTATION, 1) or 1)
    except (ValueError, TypeError, SyntaxError, OSError):
        return 1


def upright(picture: Image.Image) -> Image.Image:
    """The decoded picture turned as the camera meant it (itself when already upright)."""
    if orientation(picture) == 1:
        return picture
    return ImageOps.exif_transpose(picture)


STORED_NAME = re.compile(r"^[0-9a-f]{12}-(?P<original>.+)$")


def store_upright(source: Path, media: Path) -> str:
    """Copy the picture at ``source`` into the ``media`` folder, turned upright once here
    (so the library, the preview and the PDF all show it the way it was taken, and Qt
    needs no EXIF support), and return the stored file's name: a random prefix, then the
    coach's own file name, so the dialogs can still show "studio-logo.png".

    The file written is the one that was checked: the bytes come from the open handle,
    not from a second open of ``source``. Raises :class:`PictureRefused`, nothing written."""
    source = Path(source)
    with _opened(source) as (handle, picture):
        kind = picture.format or "PNG"
        stem = safe_filename(source.stem, fallback="picture", max_length=60)
        media.mkdir(mode=0o700, parents=True, exist_ok=True)
        target = media / f"{uuid.uuid4().hex[:12]}-{stem}{SUFFIXES[kind]}"
        temp = target.with_suffix(target.suffix + ".tmp")  # a leftover goes on next start
        try:
            if kind != "GIF" and orientation(picture) != 1:
                picture.load()
                turned = upright(picture)
                options = {"quality": 95} if kind in ("JPEG", "WEBP") else {}
                turned.save(temp, kind, exif=turned.getexif(), **options)
            else:
                handle.seek(0)
                with temp.open("wb") as out:
                    shutil.copyfileobj(handle, out)
            if os.name == "posix":
                os.chmod(temp, 0o600)
            temp.replace(target)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
    return target.name


def original_name(stored: str | None) -> str:
    """The name the coach's file had, from a stored picture's name ("" for none)."""
    if not stored:
        return ""
    name = Path(stored).name
    match = STORED_NAME.match(name)
    return match.group("original") if match else name
