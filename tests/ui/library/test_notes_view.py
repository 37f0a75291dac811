"""The library's detail pane shows a note's Markdown as formatting, with the same parser
as the PDF: raw HTML shows as typed, and only web and e-mail links are links."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from coachdesk.db import Database
from coachdesk.services import library as svc
from coachdesk.ui.library.area import LibraryArea

NOTES = ("Keep _soft_ knees and **drive** up.\n\n- one\n- two\n\n"
         "<font color=red>red</font> [video](https://example.com/v) "
         "[click](javascript:alert(1))")


@pytest.fixture
def area(qtbot, db: Database) -> LibraryArea:
    nordic = next(r for r in svc.list_exercises(db) if r.name == "Nordic Curl")
    svc.update_exercise(db, nordic.id, nordic.data.with_changes(notes=NOTES))
    widget = LibraryArea()
    widget.resize(1400, 900)
    qtbot.addWidget(widget)
    widget.set_database(db)
    widget.show()
    widget.filters.search.setFocus()
    qtbot.keyClicks(widget.filters.search, "Nordic Curl")
    row = [r.name for r in widget.model.visible_rows()].index("Nordic Curl")
    rect = widget.view.visualRect(widget.model.index(row, 0))
    qtbot.mouseClick(widget.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert widget.detail.title.text() == "Nordic Curl"
    return widget


def test_emphasis_bold_and_lists_show_as_formatting(area) -> None:
    document = area.detail.notes.document()
    text = area.detail.notes.toPlainText()
    assert "Keep soft knees and drive up." in text and "_soft_" not in text
    assert "**" not in text and document.blockCount() >= 4
    html = area.detail.notes.toHtml()
    assert "font-style:italic" in html and "font-weight:700" in html


def test_html_in_a_note_shows_as_typed_and_only_web_links_are_links(area) -> None:
    text = area.detail.notes.toPlainText()
    assert "<font color=red>red</font>" in text
    assert "[click](javascript:alert(1))" in text
    html = area.detail.notes.toHtml()
    assert 'href="https://example.com/v"' in html and "javascript:" not in html.split(
        "[click]")[0]
    assert 'href="javascript' not in html
