"""Areas not built yet: each says what it will hold and what is there already."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from coachdesk.db import Database
from coachdesk.services.overview import count_records
from coachdesk.ui.area import Area, EmptyState


class _Placeholder(Area):
    title = ""
    text = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_state = EmptyState(self.title, self.text, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_state)

    def set_database(self, db: Database) -> None:
        self.empty_state.set_text(self.describe(db))

    def describe(self, db: Database) -> str:
        return self.text


class ClientsPlaceholder(_Placeholder):
    title = "Clients"
    text = "Your runners' profiles will live here."

    def describe(self, db: Database) -> str:
        return f"{count_records(db).clients} clients on the roster. {self.text}"


class LibraryPlaceholder(_Placeholder):
    title = "Exercise library"
    text = "Browse and curate exercises here."

    def describe(self, db: Database) -> str:
        return f"{count_records(db).exercises} exercises in the library. {self.text}"
