"""The first screen: the roster shows (read with plain sqlite3) before the database layer
has loaded; the coach can search and select at once; the database then opens as usual and
the selected runner's profile appears. Anything unusual takes the normal path."""

from __future__ import annotations

from pathlib import Path

import pytest

from coachdesk.opening import open_app_database
from coachdesk.services import clients
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.settings_store import ui_state

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def roster_file(db_path: Path) -> Path:
    db = open_app_database(str(db_path))
    for name in ("Ana Río", "Ben Okafor", "Chloé Martin"):
        clients.create_client(db, clients.ClientData(name=name, goal="race"))
    db.dispose()
    return db_path


def test_the_roster_is_usable_before_the_database_opens(qtbot, roster_file) -> None:
    window = MainWindow(str(roster_file))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_rows_shown, timeout=20_000):
        window.show()
    area = window.areas["clients"]
    assert window.db is None and window.stack.currentWidget() is area
    assert area.model.total_count == 3 and not area.toolbar_widget.isEnabled()
    qtbot.keyClicks(area.filters.search, "chlo")  # search works before the database opens
    assert area.model.visible_count == 1
    with qtbot.waitSignal(window.database_opened, timeout=20_000):
        pass
    assert window.db is not None and area.toolbar_widget.isEnabled()
    assert area.model.visible_count == 1
    qtbot.waitUntil(lambda: area.form.name.text() == "Chloé Martin")


def test_another_area_first_takes_the_normal_path(qtbot, roster_file) -> None:
    ui_state().setValue("main/area", 2)  # the coach left CoachDesk on Templates
    window = MainWindow(str(roster_file))
    qtbot.addWidget(window)
    shown: list[bool] = []
    window.first_rows_shown.connect(lambda: shown.append(True))
    with qtbot.waitSignal(window.database_opened, timeout=20_000):
        window.show()
    assert shown == [] and window.stack.currentWidget() is window.areas["templates"]


def test_an_older_schema_takes_the_normal_path_and_is_upgraded(qtbot, tmp_path) -> None:
    from alembic import command

    from coachdesk import paths
    from coachdesk.db import alembic_config, connect, current_revision
    from coachdesk.schema_version import SCHEMA_HEAD

    older = tmp_path / "older.sqlite3"
    db = connect(paths.sqlite_url(older))
    command.upgrade(alembic_config(db), "0003")
    db.dispose()
    window = MainWindow(str(older))
    qtbot.addWidget(window)
    shown: list[bool] = []
    window.first_rows_shown.connect(lambda: shown.append(True))
    with qtbot.waitSignal(window.database_opened, timeout=20_000):
        window.show()
    assert shown == [] and current_revision(window.db) == SCHEMA_HEAD


def test_the_smoke_test_reports_usable_before_ready(roster_file, tmp_path) -> None:
    import os
    import subprocess
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COACHDESK_DATA_DIR=str(tmp_path))
    done = subprocess.run([sys.executable, "-m", "coachdesk", "--smoke-test", "--db",
                           str(roster_file)], capture_output=True, text=True, env=env,
                          timeout=120, check=True)
    marks = {}
    for line in done.stdout.splitlines():  # "usable: 0.280 s (…)", "database ready: 0.74 s …"
        name, _, rest = line.partition(": ")
        marks[name] = float(rest.split()[0])
    assert marks["usable"] < marks["database ready"], done.stdout
