"""The checks are plain Python: importing them pulls in no Qt, no database, no PDF library."""

from __future__ import annotations

import subprocess
import sys

HEAVY_PACKAGES = ("PySide6", "shiboken6", "sqlalchemy", "alembic", "reportlab")


def test_importing_the_checks_imports_no_qt_or_database_module() -> None:
    script = (
        "import sys\n"
        "import coachdesk.checks, coachdesk.checks.rules\n"
        f"heavy = sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY_PACKAGES!r})\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True, timeout=60)
    assert result.stdout.strip() == ""


def test_the_probe_would_see_qt_if_it_were_imported() -> None:
    script = "import sys, PySide6\nprint('PySide6' in sys.modules)\n"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60)
    if result.returncode != 0:  # Qt not installed here: nothing to compare against
        return
    assert result.stdout.strip() == "True"
