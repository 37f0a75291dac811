"""The library table: the shared filter table plus drag support (exercise ids as JSON)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt

from coachdesk.services.library import ExerciseRow
from coachdesk.ui.common.filter_table import Column, FilterTableModel
from coachdesk.ui.mime import EXERCISE_IDS_MIME
from coachdesk.vocab import label

Index = QModelIndex | QPersistentModelIndex


def equipment_text(row: ExerciseRow) -> str:
    return ", ".join(e.replace("_", " ") for e in row.data.equipment) or "none"


def name_text(row: ExerciseRow) -> str:
    flags = [" (archived)" if row.archived else "", " · needs review" if row.needs_review else ""]
    return row.name + "".join(flags)


def name_tooltip(row: ExerciseRow) -> str:
    lines = [f"Also called {', '.join(row.data.aliases)}"] if row.data.aliases else []
    if row.needs_review:
        lines.append("Its movement pattern was guessed when the library was upgraded: "
                     "open it to confirm the pattern and prime movers.")
    return "\n".join(lines)


COLUMNS: list[Column[ExerciseRow]] = [
    Column("Name", name_text, tooltip=name_tooltip),
    Column("Movement", lambda r: label(r.data.pattern)),
    Column("Prime movers", lambda r: ", ".join(label(m) for m in r.data.primary_muscles),
           tooltip=lambda r: (f"Assisting: {', '.join(label(m) for m in r.data.secondary_muscles)}"
                              if r.data.secondary_muscles else "")),
    Column("Sides", lambda r: "Single-leg / one side" if r.data.laterality == "unilateral"
           else "Two-sided"),
    Column("Phase", lambda r: label(r.data.phase) + (" · plyo" if r.data.plyometric else "")),
    Column("Equipment", equipment_text),
]


def search_text(row: ExerciseRow) -> str:
    d = row.data
    return " ".join([d.name, *d.aliases, *d.primary_muscles, *d.secondary_muscles,
                     label(d.pattern), d.notes, *d.equipment]).replace("_", " ")


class LibraryModel(FilterTableModel[ExerciseRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, search_text, key=lambda r: r.id, parent=parent)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [EXERCISE_IDS_MIME]

    def mimeData(self, indexes: Sequence[Index]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime = QMimeData()
        mime.setData(EXERCISE_IDS_MIME,
                     json.dumps([self.row_at(r).id for r in rows]).encode())
        return mime
