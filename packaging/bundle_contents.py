"""What the PyInstaller bundle carries beyond what PyInstaller's import analysis finds.

Kept apart from coachdesk.spec, and free of PyInstaller, so that tests/test_packaging.py can
check it without building: a trial build failed three ways before it ran, each time for
something loaded by name or from a file ("no such table" without the migrations, an area
missing, ReportLab's barcode modules missing).
"""

from __future__ import annotations

import ast
import importlib.util
import pkgutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = ROOT / "coachdesk"

DATA_FOLDERS = ("resources", "migrations")
"""Read from disk at run time: icons, fonts, style sheets and the starter library; Alembic's
env.py, script.py.mako and the version scripts (Alembic loads them as files, so they must
stay .py sources, not compiled into the archive)."""

EXCLUDES = ("pytest", "_pytest", "pytestqt", "pytest_timeout", "pytest_benchmark",
            "hypothesis", "ruff", "pypdf", "PyInstaller", "tkinter", "IPython")
"""Developer-only packages: only the tests use them (pypdf reads PDFs back in tests; the app
draws previews with pypdfium2). tests/test_packaging.py checks no app module imports one."""

DYNAMIC_PACKAGES = ("reportlab.graphics.barcode",)
"""ReportLab imports its barcode modules by name (the QR codes for video links need them)."""

MIGRATION_IMPORTS = ("alembic.op", "alembic.context", "sqlalchemy", "json")
"""What env.py and the version scripts import: they are data to PyInstaller, so it never
sees their imports."""

DATABASE_DRIVERS = ("sqlalchemy.dialects.sqlite.pysqlite", "sqlalchemy.dialects.postgresql.psycopg",
                    "psycopg", "psycopg_binary")
"""SQLAlchemy loads the driver named in the database URL; PostgreSQL comes only when the
`postgres` extra is installed where the bundle is built."""


def data_files() -> list[tuple[str, str]]:
    """(file, folder inside the bundle) for every resource and migration file."""
    found = []
    for folder in DATA_FOLDERS:
        for path in sorted((PACKAGE_DIR / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                found.append((str(path), path.parent.relative_to(ROOT).as_posix()))
    return found


def app_modules() -> list[str]:
    """Every module of the coachdesk package, so that nothing imported by name (the areas of
    the window, the CLI's commands) can be left out; the migrations are data, not modules."""
    names = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if "migrations" in parts or parts[-1] == "__main__":
            continue
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def submodules(package: str) -> list[str]:
    """``package`` and every module under it, found on disk without importing them."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.submodule_search_locations is None:
        raise SystemExit(f"bundle: {package} is not installed")
    names = [package]
    for info in pkgutil.walk_packages(spec.submodule_search_locations, prefix=f"{package}."):
        names.append(info.name)
    return names


def installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def hidden_imports() -> list[str]:
    names = [*app_modules(), *MIGRATION_IMPORTS]
    for package in DYNAMIC_PACKAGES:
        names += submodules(package)
    names += [driver for driver in DATABASE_DRIVERS if installed(driver)]
    return names


def imported_top_level_names(path: Path) -> set[str]:
    """The top-level packages a source file imports (for the developer-only check)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names
