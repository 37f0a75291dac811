"""Pictures for the PDF (the brand logo, demonstration images), loaded so a bad file
can never stop a PDF: it is left out and the reason returned as a warning."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image as PILImage
from reportlab.platypus import Image

from coachdesk.pictures import PictureRefused, open_picture, upright

PRINT_DPI = 200  # pictures larger than this at their printed size are scaled down
EMBED_AS_IS = {"PNG", "JPEG"}


def load_picture(path: Path | None, max_width: float, max_height: float,
                 what: str) -> tuple[Image | None, str | None]:
    """A flowable of the picture at ``path`` scaled to fit the box (in points), or
    ``None`` and a sentence saying why it was left out. ``what`` names it ("The logo").

    The picture passes :func:`coachdesk.pictures.open_picture` (formats, pixel limit, no
    pipes) and is decoded whole here, so a truncated file fails now instead of halfway
    through writing the PDF. A sideways phone photo is turned upright first (older
    pictures were stored before the app did that, and ``coachdesk pdf`` reads any file)."""
    if path is None:
        return None, None
    path = Path(path)
    try:
        with open_picture(path) as picture:
            picture.load()
            turned = upright(picture)
            width, height = turned.size
            scale = min(max_width / width, max_height / height)
            limit = (max(1, round(max_width / 72 * PRINT_DPI)),
                     max(1, round(max_height / 72 * PRINT_DPI)))
            if (turned is picture and picture.format in EMBED_AS_IS
                    and width <= limit[0] and height <= limit[1]):
                source: str | io.BytesIO = str(path)
            else:
                source = _re_encoded(turned, limit)
    except FileNotFoundError:
        return None, f"{what} {path.name} was not found; the PDF was made without it."
    except PictureRefused as refused:
        return None, f"{what} {path.name} {refused.reason}; the PDF was made without it."
    except (OSError, ValueError, SyntaxError, EOFError, ZeroDivisionError) as error:
        reason = str(error).strip() or type(error).__name__
        return None, (f"{what} {path.name} cannot be read ({reason}); "
                      "the PDF was made without it.")
    return Image(source, width * scale, height * scale), None


def _re_encoded(picture: PILImage.Image, limit: tuple[int, int]) -> io.BytesIO:
    """A copy small enough for its printed size, as PNG (keeps transparency)."""
    copy = picture.copy() if picture.mode in ("RGB", "RGBA", "L", "LA") \
        else picture.convert("RGBA")
    copy.thumbnail(limit)
    buffer = io.BytesIO()
    copy.save(buffer, "PNG")
    buffer.seek(0)
    return buffer
