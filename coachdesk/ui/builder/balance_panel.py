"""The live balance panel: a traffic-light summary, the findings with their hints, and the
week's numbers. It reads only ``checks.evaluate`` output."""

from __future__ import annotations

from PySide6.QtCore import (
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coachdesk.checks import Finding, Report, Severity
from coachdesk.db import Database
from coachdesk.services import balance as balance_svc
from coachdesk.services.templates import WeekView
from coachdesk.ui.builder.finding_card import FindingCard
from coachdesk.ui.settings_store import ui_state
from coachdesk.vocab import Muscle, label

SEVERITY_COLORS = {"error": QColor("#c0392b"), "warning": QColor("#d68910"),
                   "info": QColor("#2e86c1"), "ok": QColor("#1e8449")}
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


def dot_icon(color: QColor, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class MuscleBars(QWidget):
    """Sets per muscle group as small horizontal bars; key groups with no sets show red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sets: dict[str, int] = {}
        self.key_groups: frozenset[str] = frozenset()
        self.setMinimumHeight(14 * 13)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_data(self, sets: dict[str, float], key_groups: frozenset[str]) -> None:
        """Sets per muscle (prime movers in full, assisting muscles at half weight);
        ``key_groups`` are the key groups no prime mover works, drawn as missing."""
        self.sets = {str(k): v for k, v in sets.items()}
        self.key_groups = frozenset(str(k) for k in key_groups)
        self.update()

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        muscles = [m.value for m in Muscle]
        row_height = self.height() / len(muscles)
        label_width = 112
        top = max(self.sets.values(), default=0) or 1
        text_color = self.palette().color(self.foregroundRole())
        for i, muscle in enumerate(muscles):
            y = i * row_height
            value = self.sets.get(muscle, 0)
            painter.setPen(text_color)
            painter.drawText(QRectF(0, y, label_width - 6, row_height),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             label(muscle))
            width = (self.width() - label_width - 30) * value / top
            # A key group is missing when no prime mover works it, whatever assists it.
            missing = muscle in self.key_groups
            color = SEVERITY_COLORS["warning"] if missing else QColor("#1f6f5c")
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color if value else QColor(0, 0, 0, 0))
            painter.drawRoundedRect(QRectF(label_width, y + 3, width, row_height - 6), 2, 2)
            painter.setPen(color if missing else text_color)
            painter.drawText(QRectF(label_width + width + 4, y, 30, row_height),
                             Qt.AlignmentFlag.AlignVCenter,
                             f"{value:g}" if value else "–")
        painter.end()


class BalancePanel(QWidget):
    finding_activated = Signal(list, list)
    """(days, slots) of the finding the coach clicked: slots are (weekday, position)."""
    fix_requested = Signal(object)
    """A finding's one-click fix was pressed: the ``Fix``."""
    report_changed = Signal(object)
    client_changed = Signal(object)
    """The ``ClientProfile`` the week is checked against, or None."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("balancePanel")
        self.db: Database | None = None
        self.week: WeekView | None = None
        self.report: Report | None = None
        self.library: tuple = ()
        self.clients: list[balance_svc.ClientChoice] = []

        heading = QLabel("Balance")
        heading.setObjectName("panelHeading")
        self.client_combo = QComboBox()
        self.client_combo.setAccessibleName("Check the week for client")
        # Long names must not widen the panel past the window: the combo elides instead.
        self.client_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.client_combo.setMinimumContentsLength(12)
        self.client_combo.currentIndexChanged.connect(self._recheck)
        self.client_combo.activated.connect(self._remember_client)
        self.summary = QLabel()
        self.summary.setObjectName("balanceSummary")
        self.summary.setWordWrap(True)
        self.findings: list[Finding] = []
        self.cards: list[FindingCard] = []
        self._announced_profile: object = object()  # nothing announced yet
        self.findings_box = QVBoxLayout()
        self.findings_box.setSpacing(6)
        self.hint = QLabel()
        self.hint.setObjectName("findingHint")
        self.hint.setWordWrap(True)

        self.sessions_label = QLabel()
        self.sessions_label.setWordWrap(True)
        self.unilateral_label = QLabel()
        self.unilateral_label.setWordWrap(True)
        self.core_label = QLabel()
        self.core_label.setWordWrap(True)
        self.sides_label = QLabel()
        self.sides_label.setWordWrap(True)
        stats = QFormLayout()
        stats.addRow("Sessions", self.sessions_label)
        stats.addRow("Single-leg share", self.unilateral_label)
        stats.addRow("Core", self.core_label)
        stats.addRow("Left / right", self.sides_label)
        self.bars = MuscleBars()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(heading)
        layout.addWidget(self.client_combo)
        layout.addWidget(self.summary)
        layout.addLayout(self.findings_box)
        layout.addWidget(self.hint)
        layout.addLayout(stats)
        sets_heading = QLabel("Sets per muscle group")
        sets_heading.setObjectName("subHeading")
        layout.addWidget(sets_heading)
        layout.addWidget(self.bars)

    def set_database(self, db: Database) -> None:
        from coachdesk.services.settings import load_settings

        self.db = db
        self.library = balance_svc.library_for_checks(db)
        self.settings = load_settings(db).check_settings()
        self.reload_clients()

    def _state_key(self) -> str:
        import hashlib

        assert self.db is not None
        return "builder/balanceClient-" + hashlib.sha256(self.db.url.encode()).hexdigest()[:12]

    def _remember_client(self) -> None:
        """The runner the coach checks against is kept for the next start (per database)."""
        if self.db is not None:
            ui_state().setValue(self._state_key(), self.client_combo.currentData() or 0)

    def reload_clients(self) -> None:
        assert self.db is not None
        chosen = self.client_combo.currentData()
        if chosen is None and self.client_combo.count() == 0:  # first load: last session's
            chosen = int(ui_state().value(self._state_key(), 0) or 0) or None
        self.clients = balance_svc.client_choices(self.db)
        self.client_combo.blockSignals(True)
        self.client_combo.clear()
        self.client_combo.addItem("No client (general checks)", None)
        for client in self.clients:
            self.client_combo.addItem(client.name, client.id)
        index = self.client_combo.findData(chosen)
        self.client_combo.setCurrentIndex(max(index, 0))
        self.client_combo.blockSignals(False)
        self._recheck()

    def choose_client(self, client_id: int | None) -> None:
        self.client_combo.setCurrentIndex(max(self.client_combo.findData(client_id), 0))
        self._remember_client()

    def show_week(self, week: WeekView | None) -> None:
        self.week = week
        self._recheck()

    def _recheck(self) -> None:
        if self.week is None:
            self.report = None
            self._show_findings([])
            self.summary.setText("Open a template to see its balance.")
            self.hint.clear()
            return
        client_id = self.client_combo.currentData()
        profile = next((c.profile for c in self.clients if c.id == client_id), None)
        if profile != self._announced_profile:  # an edit of the week: the same runner
            self._announced_profile = profile
            self.client_changed.emit(profile)
        self.report = balance_svc.check_week(self.week, profile, self.library,
                                             getattr(self, "settings", None))
        self._show_report(self.report)
        self.report_changed.emit(self.report)

    def _show_report(self, report: Report) -> None:
        self._show_findings(list(report.findings))
        counts = {s: sum(1 for f in report.findings if f.severity == s) for s in Severity}
        parts = []
        for severity, word in ((Severity.ERROR, "error"), (Severity.WARNING, "warning"),
                               (Severity.INFO, "note")):
            if counts[severity]:
                parts.append(f"{counts[severity]} {word}{'s' if counts[severity] > 1 else ''}")
        worst = ("error" if counts[Severity.ERROR] else "warning" if counts[Severity.WARNING]
                 else "info" if counts[Severity.INFO] else "ok")
        color = SEVERITY_COLORS[worst].name()
        text = " · ".join(parts) if parts else "All clear — a balanced week"
        self.summary.setText(f'<span style="color:{color}; font-size:16px">●</span> {text}')
        self.summary.setProperty("severity", worst)
        self.hint.setText("Click a finding to see its days on the board; a button under it "
                          "makes the change (Undo takes it back)." if report.findings else "")
        stats = report.stats
        self.sessions_label.setText(
            f"{stats.sessions_per_week} a week · {stats.working_sets} working sets"
        )
        self.unilateral_label.setText(
            f"{stats.unilateral_share:.0%} of {stats.lower_body_sets} lower-body sets"
        )
        planes = ", ".join(sorted(label(p) for p in stats.core_planes)) or "no planes"
        self.core_label.setText(f"{stats.core_sets} sets · {planes}")
        self.sides_label.setText(f"{stats.left_volume} / {stats.right_volume}")
        key_groups = frozenset()
        settings = getattr(report, "settings", None)
        if settings is not None:
            key_groups = frozenset(settings.key_muscles)
        else:
            from coachdesk.checks import CheckSettings

            key_groups = frozenset(CheckSettings().key_muscles)
        uncovered = frozenset(g for g in key_groups if not stats.sets_per_muscle.get(Muscle(g))
                              and not (g == Muscle.CORE and stats.core_sets))
        self.bars.set_data(dict(stats.weighted_sets_per_muscle), uncovered)

    def _show_findings(self, findings: list[Finding]) -> None:
        """One card per finding. A card whose finding did not change is kept as it is, and
        one whose check still fires with new days or numbers is updated in place, so an
        edit redraws only what it changed."""
        if findings == self.findings:
            return
        self.findings = findings
        kept = {card.finding: card for card in self.cards}
        by_code = {}
        for card in self.cards:
            by_code.setdefault(card.finding.code, []).append(card)
        unchanged = [kept.get(f) for f in findings]
        for card in unchanged:
            if card is not None:
                by_code[card.finding.code].remove(card)
        cards: list[FindingCard | None] = []
        for finding, card in zip(findings, unchanged, strict=True):
            if card is None and by_code.get(finding.code):
                card = by_code[finding.code].pop(0)
                card.set_finding(finding)
            cards.append(card)
        structural = None in cards or len(cards) != len(self.cards) or any(
            a is not b for a, b in zip(cards, self.cards, strict=False))
        if not structural:
            return
        self.setUpdatesEnabled(False)  # one repaint for the whole change, not one per card
        try:
            self._replace_cards(findings, cards)
        finally:
            self.setUpdatesEnabled(True)

    def _replace_cards(self, findings: list[Finding], reused: list[FindingCard | None]) -> None:
        cards = []
        for finding, card in zip(findings, reused, strict=True):
            if card is None:
                card = FindingCard(finding, self)
                card.activated.connect(self._finding_clicked)
                card.fix_requested.connect(self.fix_requested)
            cards.append(card)
        for card in set(self.cards) - set(cards):
            self.findings_box.removeWidget(card)
            card.hide()  # gone at once, not when the event loop next deletes it
            card.deleteLater()
        for index, card in enumerate(cards):
            if self.findings_box.indexOf(card) != index:
                self.findings_box.insertWidget(index, card)
        self.layout().activate()  # size new cards now, so their buttons work at once
        self.cards = cards

    def card_for(self, code: str) -> FindingCard | None:
        return next((c for c in self.cards if c.finding.code == code), None)

    def _finding_clicked(self, finding: Finding) -> None:
        self.finding_activated.emit(
            [str(d) for d in finding.days], [(str(d), int(p)) for d, p in finding.slots]
        )
