"""The list of templates (a Qt list model over plain summaries)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from coachdesk.services.templates import TemplateSummary

TEMPLATE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class TemplatesModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.templates: list[TemplateSummary] = []

    def set_templates(self, templates: list[TemplateSummary]) -> None:
        self.beginResetModel()
        self.templates = list(templates)
        self.endResetModel()

    def row_of(self, template_id: int) -> int:
        return next((i for i, t in enumerate(self.templates) if t.id == template_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.templates)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.templates):
            return None
        template = self.templates[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return template.name
        if role == Qt.ItemDataRole.ToolTipRole:
            sessions = "session" if template.sessions == 1 else "sessions"
            return f"{template.name}\n{template.sessions} {sessions}, {template.slots} exercises"
        if role == TEMPLATE_ID_ROLE:
            return template.id
        return None
