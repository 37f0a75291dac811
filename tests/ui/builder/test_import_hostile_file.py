"""The Templates area's Import… button on hostile files: a clear message, no template."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from coachdesk.services import templates as svc
from coachdesk.ui.builder.area import TemplatesArea

GOOD = ('{"format": "coachdesk-template", "version": 3, "name": "NAME", '
        '"days": {"mon": [{"exercise": "Nordic Curl", "sets": 3, "reps": 5}]}}')
FILES = {
    "nested 100,000 deep": b"[" * 100_000 + b"]" * 100_000,
    "5,000-digit integer": GOOD.replace('"sets": 3', '"sets": ' + "9" * 5000).encode(),
    "lone surrogate in the name": GOOD.replace("NAME", "Shin\\ud800care").encode(),
    "NUL in an exercise": GOOD.replace("Nordic Curl", "Nordic\\u0000Curl").encode(),
    "version 99": GOOD.replace('"version": 3', '"version": 99').encode(),
}
WORDS = {"nested 100,000 deep": "nested", "5,000-digit integer": "5000 digits",
         "lone surrogate in the name": "broken character", "NUL in an exercise": "NUL",
         "version 99": "newer CoachDesk"}


@pytest.fixture
def area(qtbot, db) -> TemplatesArea:
    widget = TemplatesArea()
    qtbot.addWidget(widget)
    widget.set_database(db)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def press_import(qtbot, area: TemplatesArea, path: Path,
                 monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *_a, **_k: (str(path), "CoachDesk template (*.json)"))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: shown.append(text))
    qtbot.mouseClick(area.import_button, Qt.MouseButton.LeftButton)
    return shown


@pytest.mark.parametrize("kind", list(FILES))
def test_a_hostile_template_file_is_refused_with_a_message(kind: str, area, db, qtbot,
                                                           tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "week.coachdesk.json"
    path.write_bytes(FILES[kind])
    before = svc.list_templates(db)
    shown = press_import(qtbot, area, path, monkeypatch)
    assert len(shown) == 1 and WORDS[kind] in shown[0] and str(path) in shown[0]
    assert svc.list_templates(db) == before


def test_a_template_file_with_a_bom_imports(area, db, qtbot, tmp_path: Path,
                                            monkeypatch) -> None:
    path = tmp_path / "week.coachdesk.json"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.replace("NAME", "Shin care").encode())
    assert press_import(qtbot, area, path, monkeypatch) == []
    assert "Shin care" in [t.name for t in svc.list_templates(db)]
