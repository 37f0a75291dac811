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
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.set_fix(fix)

    def set_fix(self, fix: Fix) -> None:
        self.fix = fix
        self.setAccessibleName(fix.label)
        self.setToolTip(fix.label)
        self.setText(fix.label)
        if self.isVisible():  # sized already: no resize event will come to shorten it
            self._elide()

    def minimumSizeHint(self) -> QSize:
        return QSize(60, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
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
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.icon = QLabel()
        self.severity_label = QLabel()
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.icon)
        head.addWidget(self.severity_label)
        head.addStretch(1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.hint = QLabel()
        self.hint.setObjectName("findingHint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(8, 6, 8, 6)
        self.body.setSpacing(4)
        self.body.addLayout(head)
        self.body.addWidget(self.message)
        self.body.addWidget(self.hint)
        self.fix_buttons: list[FixButton] = []
        self.severity: Severity | None = None
        self.set_finding(finding)

    def set_finding(self, finding: Finding) -> None:
        """Show another finding in this card (the same check, changed days or numbers):
        an edit then updates a card in place instead of building a new one."""
        self.finding = finding
        if finding.severity != self.severity:
            self.severity = finding.severity
            word = SEVERITY_WORD[finding.severity]
            self.setProperty("severity", finding.severity.value)
            self.icon.setPixmap(
                self.style().standardIcon(SEVERITY_ICON[finding.severity]).pixmap(16, 16))
            self.severity_label.setText(f"<b>{word}</b>")
            self.severity_label.setAccessibleName(word)
            self.style().polish(self)
        self.message.setText(finding.message)
        self.hint.setText(finding.hint)
        if [b.fix for b in self.fix_buttons] == list(finding.fixes):
            return
        for button, fix in zip(self.fix_buttons, finding.fixes, strict=False):
            button.set_fix(fix)
        for button in self.fix_buttons[len(finding.fixes):]:
            self.body.removeWidget(button)
            button.hide()
            button.deleteLater()
        del self.fix_buttons[len(finding.fixes):]
        for fix in finding.fixes[len(self.fix_buttons):]:
            button = FixButton(fix, self)
            button.clicked.connect(lambda _=False, b=button: self.fix_requested.emit(b.fix))
            self.body.addWidget(button)
            self.fix_buttons.append(button)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.activated.emit(self.finding)
        super().mousePressEvent(event)
