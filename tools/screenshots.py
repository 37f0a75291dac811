"""Screenshots of the builder for a person to look at: ``python tools/screenshots.py OUT``.

Run under a real X server (Xvfb) for honest clipping: ``xvfb-run -s '-screen 0 2560x1440x24'
python tools/screenshots.py screenshots``. Opens a fresh database with the demo studio,
shows the Templates area with the first template at each window size, light and dark, at
100 % and 200 % (QT_SCALE_FACTOR), and saves PNGs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

SIZES = [(1280, 720), (1366, 768), (1920, 1080)]


def shoot(out: Path, scheme: str, scale: str, areas: list[str]) -> None:
    from PySide6.QtWidgets import QApplication

    from coachdesk.app import apply_style
    from coachdesk.services.demo import load_demo_studio
    from coachdesk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    apply_style(app, scheme)
    folder = Path(tempfile.mkdtemp())
    window = MainWindow(str(folder / "shots.sqlite3"))
    window.show()
    deadline = 200
    while window.db is None and deadline:
        app.processEvents()
        deadline -= 1
        QApplication.instance().thread().msleep(50)
    load_demo_studio(window.db)
    window.set_database(window.db)
    for width, height in SIZES:
        window.resize(int(width / float(scale)), int(height / float(scale)))
        for key in areas:
            area = window.show_area(key)
            if key == "templates" and area.templates_view.model().rowCount():
                area.templates_view.setCurrentIndex(area.templates_view.model().index(0, 0))
            for _ in range(20):
                app.processEvents()
            name = f"{key}-{width}x{height}-{scheme}-{scale}x.png"
            window.grab().save(str(out / name))
            print(out / name)
    window.close()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    if os.environ.get("COACHDESK_SHOT"):
        scheme, scale = os.environ["COACHDESK_SHOT"].split(",")
        shoot(out, scheme, scale, os.environ.get("COACHDESK_SHOT_AREAS", "templates").split())
        return 0
    for scheme in ("light", "dark"):
        for scale in ("1", "2"):
            env = dict(os.environ, COACHDESK_SHOT=f"{scheme},{scale}", QT_SCALE_FACTOR=scale)
            subprocess.run([sys.executable, __file__, str(out)], env=env, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
