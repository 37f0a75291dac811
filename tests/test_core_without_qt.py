"""The core works from a script or a test without a display: it never imports Qt."""

from __future__ import annotations

import subprocess
import sys

CORE_MODULES = [
    "coachdesk.vocab",
    "coachdesk.models",
    "coachdesk.db",
    "coachdesk.paths",
    "coachdesk.library.starter",
    "coachdesk.services.overview",
    "coachdesk.services.backup",
    "coachdesk.cli",
]
OPTIONAL_CORE_PACKAGES = ["coachdesk.checks", "coachdesk.formats", "coachdesk.export"]


def test_importing_the_core_pulls_in_no_qt_module() -> None:
    script = (
        "import importlib, importlib.util, sys\n"
        f"for name in {CORE_MODULES!r}: importlib.import_module(name)\n"
        f"for name in {OPTIONAL_CORE_PACKAGES!r}:\n"
        "    if importlib.util.find_spec(name) is not None: importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
