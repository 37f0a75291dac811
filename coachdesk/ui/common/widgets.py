"""Small widgets more than one area uses."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QPushButton, QToolButton, QWidget


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
