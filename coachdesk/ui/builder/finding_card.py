"""One balance finding as a card: severity icon and word, the message and hint wrapped to
the panel's width, and a button for each one-click fix."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from coachdesk.checks import Finding, Fix, Severity

SEVERITY_WORD = {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.INFO: "Note"}
SEVERITY_ICON = {Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
                 Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
                 Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation}


class FixButton(QPushButton):
    """A push button for one fix. In a narrow panel its text is shortened with an ellipsis
    (the whole text stays in the tooltip and the accessible name), never cut mid-letter
    and never widening the panel."""

    def __init__(self, fix: Fix, parent: QWidget | None = None) -> None:
        super().__init__(fix.label, parent)
        self.fix = fix
        self.setAccessibleName(fix.label)
        self.setToolTip(fix.label)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def minimumSizeHint(self) -> QSize:
        return QSize(60, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        room = max(self.width() - 20, 20)
        self.setText(self.fontMetrics().elidedText(self.fix.label, Qt.TextElideMode.ElideRight,
                                                   room))


class FindingCard(QFrame):
    activated = Signal(object)
    """The card was clicked: the ``Finding``."""
    fix_requested = Signal(object)
    """A fix button was pressed: the ``Fix``."""

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.setObjectName("findingCard")
        self.setProperty("severity", finding.severity.value)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(SEVERITY_ICON[finding.severity]).pixmap(16, 16))
        self.severity_label = QLabel(f"<b>{SEVERITY_WORD[finding.severity]}</b>")
        self.severity_label.setAccessibleName(SEVERITY_WORD[finding.severity])
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(icon)
        head.addWidget(self.severity_label)
        head.addStretch(1)
        self.message = QLabel(finding.message)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.hint = QLabel(finding.hint)
        self.hint.setObjectName("findingHint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        self.fix_buttons: list[FixButton] = []
        for fix in finding.fixes:
            button = FixButton(fix, self)
            button.clicked.connect(lambda _=False, f=fix: self.fix_requested.emit(f))
            layout.addWidget(button)
            self.fix_buttons.append(button)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.activated.emit(self.finding)
        super().mousePressEvent(event)
