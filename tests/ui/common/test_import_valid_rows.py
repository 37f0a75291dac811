"""A CSV with some bad rows: the import preview lists each bad row with its reason and
offers "Import the N valid rows"; pressing it imports those, in one go, and no bad row."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton, QWidget

from coachdesk.db import Database
from coachdesk.services import clients, library
from coachdesk.ui.library.area import LibraryArea
from coachdesk.ui.roster.area import ClientsArea

ROSTER_CSV = ("name;email;goal;stage\nAnna Berg;anna@example.com;Racing;Strength\n"
              "Ben Okafor;not-an-email;hobby;strength\nCleo Diaz;;race;turbo\n"
              "Dan Ek;dan@example.com;Hobby running;power\n")
LIBRARY_CSV = ("name,primary_muscles,laterality,phase,pattern\n"
               "Spanish Squat Hold,Quads,bilateral,stability,squat\n"
               "Bad Phase,quads,bilateral,fast,squat\n")


@pytest.fixture
def make_area(qtbot, db: Database) -> Callable[[type], QWidget]:
    def make(kind: type) -> QWidget:
        widget = kind()
        widget.resize(1400, 900)
        qtbot.addWidget(widget)
        widget.set_database(db)
        widget.show()
        return widget
    return make


def press_import(qtbot, area, path: Path, monkeypatch, act: Callable[[QMessageBox], None]
                 ) -> list[str]:
    """Press Import…, choose ``path``, then act on the preview box; returns its text."""
    seen: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            QTimer.singleShot(10, poll)
            return
        seen.append(box.text())
        act(box)
    QTimer.singleShot(0, poll)
    qtbot.mouseClick(area.import_button, Qt.MouseButton.LeftButton)
    return seen


def button(box: QMessageBox, text: str) -> QPushButton:
    found = [b for b in box.buttons() if b.text() == text]
    assert found, [b.text() for b in box.buttons()]
    return found[0]


def test_the_roster_imports_the_valid_rows_and_lists_the_bad_ones(make_area, db, qtbot,
                                                                  tmp_path, monkeypatch) -> None:
    area = make_area(ClientsArea)
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER_CSV, encoding="utf-8")
    seen = press_import(qtbot, area, path, monkeypatch, lambda box: qtbot.mouseClick(
        button(box, "Import the 2 valid rows"), Qt.MouseButton.LeftButton))
    assert "row 3" in seen[0] and "email" in seen[0]
    assert "row 4" in seen[0] and "stage" in seen[0]
    stored = {r.name: r.data for r in clients.list_clients(db)}
    assert sorted(stored) == ["Anna Berg", "Dan Ek"]
    assert (stored["Anna Berg"].goal, stored["Dan Ek"].goal) == ("race", "hobby")


def test_cancel_imports_nothing(make_area, db, qtbot, tmp_path, monkeypatch) -> None:
    area = make_area(ClientsArea)
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER_CSV, encoding="utf-8")
    seen = press_import(qtbot, area, path, monkeypatch, lambda box: qtbot.mouseClick(
        box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton))
    assert "row 3" in seen[0]
    assert clients.list_clients(db) == []


def test_the_library_imports_the_valid_rows(make_area, db, qtbot, tmp_path,
                                            monkeypatch) -> None:
    area = make_area(LibraryArea)
    path = tmp_path / "library.csv"
    path.write_text(LIBRARY_CSV, encoding="utf-8")
    seen = press_import(qtbot, area, path, monkeypatch, lambda box: qtbot.mouseClick(
        button(box, "Import the 1 valid row"), Qt.MouseButton.LeftButton))
    assert "row 3" in seen[0] and "phase" in seen[0]
    names = {r.name for r in library.list_exercises(db)}
    assert "Spanish Squat Hold" in names and "Bad Phase" not in names


def test_a_file_with_only_bad_rows_says_why_and_imports_nothing(make_area, db, qtbot,
                                                                 tmp_path, monkeypatch) -> None:
    area = make_area(ClientsArea)
    path = tmp_path / "roster.csv"
    path.write_text("name,stage\nAnna,turbo\n", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: shown.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    qtbot.mouseClick(area.import_button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1 and "row 2" in shown[0] and "stage" in shown[0]
    assert clients.list_clients(db) == []
