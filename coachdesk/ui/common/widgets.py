"""Small widgets more than one area uses."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QMenu, QPushButton, QToolButton, QWidget


def transfer_menu(parent: QWidget, *buttons: QPushButton) -> QToolButton:
    """Import and export share one menu button, so a toolbar fits a small window. The
    buttons stay the single place their actions live (tests and shortcuts click them)."""
    tool = QToolButton(parent)
    tool.setText("Import / Export")
    tool.setToolTip("Import from or export to a file")
    tool.setMinimumWidth(tool.sizeHint().width())
    tool.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(tool)
    for button in buttons:
        menu.addAction(button.text(), button.click)
    tool.setMenu(menu)
    return tool


def limit_length(line: QLineEdit, limit: int, hint: QLabel | None = None) -> None:
    """Stop typing at ``limit`` characters (as Save would refuse more) and say so: the
    tooltip always, ``hint`` with a count once the text nears the limit."""
    line.setMaxLength(limit)
    line.setToolTip(f"At most {limit} characters")
    if hint is None:
        return

    def count(text: str) -> None:
        near = len(text) >= limit * 0.8
        hint.setText(f"{len(text)} of {limit} characters" if near else "")
        hint.setVisible(near)

    hint.setObjectName("hintText")
    hint.hide()
    line.textChanged.connect(count)
