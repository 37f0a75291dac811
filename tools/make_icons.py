"""Render the application icon's SVG into the PNG sizes, a Windows .ico and a macOS .icns.

Run after editing ``coachdesk/resources/icons/app/coachdesk.svg``, and commit what it writes:

    .venv/bin/python tools/make_icons.py

Every size is drawn from the SVG by QtSvg (no display needed: the offscreen platform), so
small sizes are rendered crisply rather than shrunk from the largest one. Pillow only packs
those renders into the .ico and .icns containers.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ICON_DIR = Path(__file__).resolve().parent.parent / "coachdesk" / "resources" / "icons" / "app"
SVG = ICON_DIR / "coachdesk.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # .ico stops at 256
ICNS_SIZES = (16, 32, 64, 128, 256, 512)


def png_path(size: int) -> Path:
    return ICON_DIR / f"coachdesk-{size}.png"


def render_png(svg: bytes, size: int) -> bytes:
    """The SVG drawn on a transparent ``size``×``size`` square, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {SVG} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = SVG.read_bytes()
    renders: dict[int, Image.Image] = {}
    for size in PNG_SIZES:
        data = render_png(svg, size)
        png_path(size).write_bytes(data)
        renders[size] = Image.open(io.BytesIO(data)).convert("RGBA")

    largest = renders[max(ICO_SIZES)]
    largest.save(ICON_DIR / "coachdesk.ico", format="ICO",
                 sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[renders[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    renders[max(ICNS_SIZES)].save(ICON_DIR / "coachdesk.icns", format="ICNS",
                                  append_images=[renders[s] for s in ICNS_SIZES[:-1]])
    for path in sorted(ICON_DIR.iterdir()):
        print(f"{path.stat().st_size:>8}  {path.relative_to(ICON_DIR.parent.parent.parent.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
