"""Composition root for the desktop app: QApplication, style, the main window."""

from __future__ import annotations

import sys
from collections.abc import Callable

from coachdesk import __version__
from coachdesk.startup import seconds_since_process_start


def run(location: str | None, *, smoke_test: bool = False) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CoachDesk")
    app.setOrganizationName("CoachDesk")
    app.setApplicationVersion(__version__)
    apply_style(app)
    if not smoke_test:
        from coachdesk.ui import errors

        errors.install()

    from coachdesk.ui.main_window import MainWindow

    window = MainWindow(location)
    if smoke_test:
        _arm_smoke_test(window, QTimer.singleShot)
    window.show()
    return app.exec()


def apply_style(app: object) -> None:
    from coachdesk.paths import RESOURCES_DIR

    style = RESOURCES_DIR / "style" / "light.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))  # type: ignore[attr-defined]


def _arm_smoke_test(window: object, single_shot: Callable[..., None]) -> None:
    """Print first-paint and ready times, then quit: 0 when the database opened, else 1."""
    from PySide6.QtWidgets import QApplication

    marks: dict[str, float] = {}

    def painted() -> None:
        marks["paint"] = seconds_since_process_start()

    def finish(code: int, detail: str) -> None:
        ready = seconds_since_process_start()
        print(f"first paint: {marks.get('paint', ready):.3f} s after process start")
        print(f"database ready: {ready:.3f} s ({detail})")
        QApplication.exit(code)

    window.first_painted.connect(painted)  # type: ignore[attr-defined]
    window.database_opened.connect(  # type: ignore[attr-defined]
        lambda name: single_shot(0, lambda: finish(0, name))
    )
    window.database_failed.connect(  # type: ignore[attr-defined]
        lambda reason: (print(f"error: {reason}", file=sys.stderr), QApplication.exit(1))
    )
    # A smoke test must never hang a build.
    single_shot(60_000, lambda: (print("error: timed out", file=sys.stderr), QApplication.exit(1)))
