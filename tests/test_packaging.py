"""Installing like a desktop app: the icon, the Linux desktop files, what the bundle carries.

The bundle itself is built and run by `make bundle` + tools/check_bundle.sh in .ci/run (a
minute of PyInstaller is too slow for the suite); these tests check what decides its
contents, and the files a desktop reads, with their validators when they are installed.
"""

from __future__ import annotations

import configparser
import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
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


# -- the Linux desktop files --------------------------------------------------------------

def run_validator(*command: str) -> subprocess.CompletedProcess[str] | None:
    """The validator's result, or None when it is not installed (the parse checks still run)."""
    if shutil.which(command[0]) is None:
        return None
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def test_the_desktop_file_launches_coachdesk_with_the_file_double_clicked() -> None:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "CoachDesk"
    assert entry["Exec"] == "coachdesk %f"
    assert entry["Icon"] == DESKTOP_FILE_NAME
    assert entry["Terminal"] == "false"
    assert entry["MimeType"].split(";") == [MIME_TYPE, ""]
    assert entry["Categories"].endswith(";") and "Office" in entry["Categories"].split(";")
    assert entry["Comment"]
    result = run_validator("desktop-file-validate", str(DESKTOP))
    if result is not None:
        report = result.stdout + result.stderr
        assert result.returncode == 0, report
        assert "error:" not in report and "warning:" not in report, report


def test_the_metainfo_describes_the_app_for_software_centres() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.tag == "component" and component.get("type") == "desktop-application"
    assert component.findtext("id") == DESKTOP_FILE_NAME
    for tag in ("name", "summary", "metadata_license", "project_license"):
        assert (component.findtext(tag) or "").strip(), tag
    assert len(component.findall("description/p")) >= 1
    launchable = component.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    image = component.find("screenshots/screenshot/image")
    assert image is not None and (image.text or "").startswith("https://")
    rating = component.find("content_rating")
    assert rating is not None and rating.get("type", "").startswith("oars-")
    release = component.find("releases/release")
    assert release is not None and release.get("version") == coachdesk.__version__
    assert component.findtext("provides/mediatype") == MIME_TYPE
    result = run_validator("appstreamcli", "validate", "--no-net", str(METAINFO))
    if result is not None:
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_mime_type_claims_only_the_coachdesk_extension(tmp_path: Path) -> None:
    namespace = "{http://www.freedesktop.org/standards/shared-mime-info}"
    root = ET.parse(MIME).getroot()
    assert root.tag == f"{namespace}mime-info"
    types = root.findall(f"{namespace}mime-type")
    assert [t.get("type") for t in types] == [MIME_TYPE]
    globs = [g.get("pattern") for g in types[0].findall(f"{namespace}glob")]
    assert globs == ["*.coachdesk"], "one extension of our own, never *.json"
    assert (types[0].findtext(f"{namespace}comment") or "").strip()
    if shutil.which("update-mime-database"):
        (tmp_path / "packages").mkdir()
        shutil.copy(MIME, tmp_path / "packages" / MIME.name)
        result = subprocess.run(["update-mime-database", str(tmp_path)], capture_output=True,
                                text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        globs2 = (tmp_path / "globs2").read_text(encoding="utf-8")
        assert f"{MIME_TYPE}:*.coachdesk" in globs2
        assert f"{MIME_TYPE}:*.json" not in globs2


# -- what the bundle carries ---------------------------------------------------------------

@pytest.fixture(scope="module")
def contents() -> ModuleType:
    return load(ROOT / "packaging" / "bundle_contents.py")


def test_the_bundle_carries_every_resource_and_migration(contents: ModuleType) -> None:
    carried = {Path(source).relative_to(ROOT).as_posix(): folder
               for source, folder in contents.data_files()}
    package = ROOT / "coachdesk"
    for folder in ("resources", "migrations"):
        for path in (package / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                name = path.relative_to(ROOT).as_posix()
                assert carried.get(name) == path.parent.relative_to(ROOT).as_posix(), name
    for needed in ("coachdesk/migrations/env.py", "coachdesk/migrations/script.py.mako",
                   "coachdesk/resources/icons/app/coachdesk-256.png",
                   "coachdesk/resources/starter_library.json"):
        assert needed in carried


def test_what_is_imported_by_name_is_in_the_bundle(contents: ModuleType) -> None:
    from coachdesk.ui.area import AREAS

    hidden = set(contents.hidden_imports())
    for area in AREAS:
        assert area.factory.partition(":")[0] in hidden, area.key
    for command in ("check", "pdf", "archive", "backup"):
        assert f"coachdesk.commands.{command}" in hidden
    assert {"reportlab.graphics.barcode.qr", "reportlab.graphics.barcode.code128"} <= hidden
    assert {"alembic.op", "sqlalchemy.dialects.sqlite.pysqlite"} <= hidden
    assert "coachdesk.__main__" not in hidden, "importing it would start the app"


def test_no_app_module_needs_a_package_the_bundle_leaves_out(contents: ModuleType) -> None:
    excluded = set(contents.EXCLUDES)
    assert {"pytest", "hypothesis", "ruff", "pypdf"} <= excluded
    for path in (ROOT / "coachdesk").rglob("*.py"):
        needs = contents.imported_top_level_names(path) & excluded
        assert not needs, f"{path.relative_to(ROOT)} imports {needs}, left out of the bundle"


# --- package metadata: `pip install` says nothing alarming -----------------------------------

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"



def test_the_license_is_an_spdx_string_that_setuptools_reads_quietly() -> None:
    data = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    license_ = data["project"]["license"]
    # A table ({ text = … }) makes setuptools print a deprecation warning four times.
    assert isinstance(license_, str) and license_.startswith("LicenseRef-")
    setuptools = next(r for r in data["build-system"]["requires"] if r.startswith("setuptools"))
    minimum = re.search(r">=\s*(\d+)", setuptools)
    assert minimum is not None and int(minimum.group(1)) >= 77  # SPDX strings need 77
