"""Composition root for the desktop app: QApplication, style, the main window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from coachdesk import __version__
from coachdesk.startup import seconds_since_process_start

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

DESKTOP_FILE_NAME = "io.coachdesk.CoachDesk"
"""The reverse-DNS id of packaging/linux/*.desktop: Wayland matches the window to it."""


def run(location: str | None, *, smoke_test: bool = False,
        open_file: str | None = None) -> int:
    """Open the window on ``location`` (showing ``open_file``, a template file, when given)
    and run until it closes."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CoachDesk")
    app.setOrganizationName("CoachDesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(app_icon())
    apply_style(app)
    if not smoke_test:
        from coachdesk.ui import errors

        errors.install()

    from coachdesk.ui.recent_databases import start_location

    location = start_location(location)  # --db, else the env var, else the last one opened
    server = None
    if not smoke_test:  # a smoke test (a build's check) never hands over to a coach's window
        from coachdesk.paths import database_url
        from coachdesk.ui.single_instance import start_or_hand_over

        server = start_or_hand_over(database_url(location), open_file, app)
        if server is None:
            return 0  # the running window took the file and came forward
        app.aboutToQuit.connect(server.close)

    from coachdesk.ui.main_window import MainWindow

    window = MainWindow(location)
    if server is not None:
        server.received.connect(
            lambda file: window.open_file(file) if file else window.bring_forward())
    from coachdesk.ui.file_open import install_file_open_filter

    install_file_open_filter(app, window.open_file)
    if smoke_test:
        _arm_smoke_test(window, QTimer.singleShot)
    window.show()
    if open_file:
        window.open_file(open_file)
    return app.exec()


def app_icon() -> QIcon:
    """The application icon (taskbar, window title, Alt+Tab) at every size it is drawn in,
    from the PNGs that tools/make_icons.py renders from the SVG."""
    from PySide6.QtGui import QIcon

    from coachdesk.paths import RESOURCES_DIR

    icon = QIcon()
    for png in sorted((RESOURCES_DIR / "icons" / "app").glob("coachdesk-*.png")):
        icon.addFile(str(png))
    return icon


def apply_style(app: object, scheme: str | None = None) -> str:
    """Light or dark, following the system unless ``scheme`` says which; returns it.

    Both use the Fusion style, so the same style sheet looks the same on every platform, and
    re-apply themselves when the system switches between light and dark."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QGuiApplication, QPalette

    from coachdesk.paths import RESOURCES_DIR

    hints = QGuiApplication.styleHints()
    if scheme is None:
        scheme = "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"
        if not getattr(app, "_coachdesk_follows_scheme", False):
            hints.colorSchemeChanged.connect(lambda _scheme: apply_style(app))
            app._coachdesk_follows_scheme = True  # type: ignore[attr-defined]
    app.setStyle("Fusion")  # type: ignore[attr-defined]
    palette = QPalette()
    if scheme == "dark":
        for role, color in {
            QPalette.ColorRole.Window: "#1b201f", QPalette.ColorRole.WindowText: "#e6ecea",
            QPalette.ColorRole.Base: "#151918", QPalette.ColorRole.AlternateBase: "#1f2524",
            QPalette.ColorRole.Text: "#e6ecea", QPalette.ColorRole.Button: "#252b2a",
            QPalette.ColorRole.ButtonText: "#e6ecea", QPalette.ColorRole.Highlight: "#2b8a73",
            QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase:
            "#252b2a", QPalette.ColorRole.ToolTipText: "#e6ecea",
            QPalette.ColorRole.PlaceholderText: "#8c9794", QPalette.ColorRole.Mid: "#3a4341",
        }.items():
            palette.setColor(role, QColor(color))
        for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText,
                     QPalette.ColorRole.Text):
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#66706e"))
    else:
        palette.setColor(QPalette.ColorRole.Highlight, QColor("#1f6f5c"))
    app.setPalette(palette)  # type: ignore[attr-defined]
    style = RESOURCES_DIR / "style" / f"{scheme}.qss"
    if style.exists():
        # Check marks are pictures beside the sheet; Qt reads url() from the working folder.
        sheet = style.read_text(encoding="utf-8").replace("@SCHEME@", scheme)
        app.setStyleSheet(sheet.replace("@STYLE@", style.parent.as_posix()))  # type: ignore[attr-defined]
    return scheme


def _arm_smoke_test(window: object, single_shot: Callable[..., None]) -> None:
    """Print first-paint and ready times, then quit: 0 when the database opened, else 1."""
    from PySide6.QtWidgets import QApplication

    marks: dict[str, float] = {}

    def painted() -> None:
        marks["paint"] = seconds_since_process_start()

    def usable() -> None:
        marks["usable"] = seconds_since_process_start()
        marks["usable_mib"] = peak_memory_mib()

    def finish(code: int, detail: str) -> None:
        ready = seconds_since_process_start()
        print(f"first paint: {marks.get('paint', ready):.3f} s after process start")
        memory = marks.get("usable_mib", peak_memory_mib())
        print(f"usable: {marks.get('usable', ready):.3f} s, peak {memory:.0f} MiB so far "
              "(data shown, the coach can click)")
        print(f"database ready: {ready:.3f} s ({detail})")
        QApplication.exit(code)

    window.first_painted.connect(painted)  # type: ignore[attr-defined]
    window.first_rows_shown.connect(usable)  # type: ignore[attr-defined]
    window.database_opened.connect(  # type: ignore[attr-defined]
        lambda name: single_shot(0, lambda: finish(0, name))
    )
    window.database_failed.connect(  # type: ignore[attr-defined]
        lambda reason: (print(f"error: {reason}", file=sys.stderr), QApplication.exit(1))
    )
    # A smoke test must never hang a build.
    single_shot(60_000, lambda: (print("error: timed out", file=sys.stderr), QApplication.exit(1)))


def peak_memory_mib() -> float:
    """This process's peak resident memory so far, in MiB (0 where the OS does not say).
    On Linux the kernel's high-water mark of this program's own memory (VmHWM): rusage
    would also count what a launcher's process held when it started this one."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes vs KiB
