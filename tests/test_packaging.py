"""Installing like a desktop app: the icon, the Linux desktop files, what the bundle carries.

The bundle itself is built and run by `make bundle` + tools/check_bundle.sh in .ci/run (a
minute of PyInstaller is too slow for the suite); these tests check what decides its
contents, and the files a desktop reads, with their validators when they are installed.
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

from PIL import Image, ImageChops

import coachdesk

ROOT = Path(coachdesk.__file__).resolve().parent.parent
DESKTOP_FILE_NAME = "io.coachdesk.CoachDesk"
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "coachdesk" / "resources" / "icons" / "app"
DESKTOP = LINUX / f"{DESKTOP_FILE_NAME}.desktop"
METAINFO = LINUX / f"{DESKTOP_FILE_NAME}.metainfo.xml"
MIME = LINUX / f"{DESKTOP_FILE_NAME}.mime.xml"
MIME_TYPE = "application/x-coachdesk-template"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def load(path: Path) -> ModuleType:
    """A script that is not part of the package (tools/, packaging/), imported by path."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- the application icon ----------------------------------------------------------------

def test_the_app_shows_its_icon_and_names_its_desktop_file(db_path: Path) -> None:
    """The real composition root, in a process of its own (it owns the QApplication)."""
    script = textwrap.dedent(f"""
        import sys
        from PySide6.QtWidgets import QApplication
        from coachdesk import app
        code = app.run({str(db_path)!r}, smoke_test=True)
        qapp = QApplication.instance()
        icon = qapp.windowIcon()
        print("exit", code)
        print("desktop", qapp.desktopFileName())
        print("null", icon.isNull())
        print("sizes", sorted(s.width() for s in icon.availableSizes()))
        print("window", all(not w.windowIcon().isNull() for w in qapp.topLevelWidgets()))
    """)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=90, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert lines["exit"] == "0", result.stdout
    assert lines["desktop"] == "io.coachdesk.CoachDesk"
    assert lines["null"] == "False"
    assert json.loads(lines["sizes"]) == list(PNG_SIZES)
    assert lines["window"] == "True"


def test_every_icon_size_is_committed_at_its_size() -> None:
    for size in PNG_SIZES:
        with Image.open(ICONS / f"coachdesk-{size}.png") as png:
            assert png.format == "PNG" and png.size == (size, size)
            assert png.mode == "RGBA"
            assert png.getpixel((0, 0))[3] == 0, "the corners are transparent"
    with Image.open(ICONS / "coachdesk.ico") as ico:
        assert ico.format == "ICO"
        assert {16, 24, 32, 48, 64, 128, 256} <= {w for w, _h in ico.info["sizes"]}
    with Image.open(ICONS / "coachdesk.icns") as icns:
        assert icns.format == "ICNS"
        assert {16, 32, 128, 256, 512} <= {w for w, _h, _scale in icns.info["sizes"]}


def test_the_committed_icons_are_renders_of_the_current_svg(qapp: object) -> None:
    """Editing the SVG without running tools/make_icons.py fails here."""
    make_icons = load(ROOT / "tools" / "make_icons.py")
    svg = (ICONS / "coachdesk.svg").read_bytes()
    for size in (16, 48, 256):
        fresh = Image.open(io.BytesIO(make_icons.render_png(svg, size))).convert("RGBA")
        with Image.open(ICONS / f"coachdesk-{size}.png") as committed:
            difference = ImageChops.difference(fresh, committed.convert("RGBA"))
        worst = max(high for _low, high in difference.getextrema())
        assert worst <= 8, f"coachdesk-{size}.png is stale: run tools/make_icons.py"
