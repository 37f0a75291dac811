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


def apply_first_fix(builder) -> None:
    card = next((c for c in builder.balance.cards if c.fix_buttons), None)
    if card is not None:
        card.fix_buttons[0].click()


def show_program(window) -> None:
    programs = window.show_area("programs")
    if programs.model.rowCount():
        programs.view.selectRow(0)


def shoot(out: Path, scheme: str, scale: str, areas: list[str]) -> None:
    from PySide6.QtWidgets import QApplication

    from coachdesk.app import apply_style
    from coachdesk.services import clients
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
    builder = window.show_area("templates")
    ben = next(c.id for c in clients.list_clients(window.db) if c.name == "Ben Okafor")
    builder.balance.choose_client(ben)
    monday = builder.document.day("mon").slots
    builder.board.superset_with_next(monday[0].id)  # a superset on the board
    scenes = {
        "builder-finding": lambda: window.show_area("templates"),
        "builder-fixed": lambda: apply_first_fix(window.show_area("templates")),
        "program": lambda: show_program(window),
        "clients": lambda: window.show_area("clients"),
        "library": lambda: window.show_area("library"),
    }
    for width, height in SIZES:
        window.resize(int(width / float(scale)), int(height / float(scale)))
        for key, scene in scenes.items():
            if areas and not any(key.startswith(a) for a in areas):
                continue
            scene()
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
        shoot(out, scheme, scale, os.environ.get("COACHDESK_SHOT_AREAS", "").split())
        return 0
    for scheme in ("light", "dark"):
        for scale in ("1", "2"):
            env = dict(os.environ, COACHDESK_SHOT=f"{scheme},{scale}", QT_SCALE_FACTOR=scale)
            subprocess.run([sys.executable, __file__, str(out)], env=env, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
