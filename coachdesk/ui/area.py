"""The areas a coach moves between, and the placeholder for areas still to come."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coachdesk.services.changes import Change

if TYPE_CHECKING:
    from coachdesk.db import Database


@dataclass(frozen=True)
class AreaSpec:
    """One entry of the left navigation; ``factory`` is ``module:Class``, imported lazily
    so that the window paints before any area's heavy imports load."""

    key: str
    title: str
    shortcut: str
    factory: str

    def create(self, parent: QWidget | None = None) -> Area:
        module_name, _, class_name = self.factory.partition(":")
        cls = getattr(importlib.import_module(module_name), class_name)
        return cls(parent)


AREAS: tuple[AreaSpec, ...] = (
    AreaSpec("clients", "Clients", "Ctrl+1", "coachdesk.ui.roster.area:ClientsArea"),
    AreaSpec("library", "Library", "Ctrl+2", "coachdesk.ui.library.area:LibraryArea"),
    AreaSpec("templates", "Templates", "Ctrl+3", "coachdesk.ui.builder.area:TemplatesArea"),
    AreaSpec("programs", "Programs", "Ctrl+4", "coachdesk.ui.programs.area:ProgramsArea"),
)


class Area(QWidget):
    """Base for an area: it is handed the open database and refreshes from it.

    Areas never call each other. They ask the window through these signals, and the window
    answers by calling the typed hooks below on the area that handles the request."""

    assign_requested = Signal(object, object)
    """(template id or None, client id or None): assign a program, e.g. from the builder."""
    program_requested = Signal(int)
    """A program id to show in the Programs area."""
    brand_requested = Signal()
    """The coach wants to set up the brand profile."""
    shows: frozenset[Change] = frozenset()
    """The kinds of record the area shows: a change notice of one of them refreshes it."""

    def set_database(self, db: Database) -> None:
        raise NotImplementedError

    def open_program(self, program_id: int) -> bool:
        """Show a program (the Programs area does); False when this area cannot."""
        return False

    def start_assign(self, client_id: int | None, template_id: int | None) -> bool:
        """Start assigning a program (the Programs area does); False when it cannot."""
        return False

    def export_current(self) -> bool:
        """Ctrl+E: export what is selected (the Programs area does); False otherwise."""
        return False

    def shortcut_actions(self) -> list[QAction]:
        """The area's own keyboard actions, listed in the shortcuts dialog."""
        return []

    def focus_search(self) -> bool:
        """Put the cursor in the area's search box (Ctrl+F); False when it has none."""
        search = getattr(getattr(self, "filters", None), "search", None) or getattr(
            getattr(self, "picker", None), "search", None)
        if search is None:
            return False
        search.setFocus()
        search.selectAll()
        return True

    def create_new(self) -> None:
        """Ctrl+N: a new record of the kind this area shows."""

    def refresh_from_elsewhere(self) -> None:
        """Reload what other windows or coaches may have changed (on window focus)."""

    def confirm_leave(self) -> bool:
        """Whether the coach may leave the area now (False keeps them, e.g. unsaved form)."""
        return True

    def edit_menu_actions(self) -> list[QAction]:
        """Actions the area puts in the Edit menu (undo, redo, …)."""
        return []


class EmptyState(QWidget):
    """A centred title and a line that says what to do next."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("emptyStateTitle")
        self.text_label = QLabel(text)
        self.text_label.setObjectName("emptyStateText")
        self.text_label.setWordWrap(True)
        for label in (self.title_label, self.text_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addStretch(2)

    def set_text(self, text: str) -> None:
        self.text_label.setText(text)
