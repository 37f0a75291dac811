"""The season plan of one runner: a timeline of blocks up to race day, the block list to edit
(stage, weeks, template, deload), "Plan Backward from Race Day", the season's findings and
its exports (PDF, calendar). Thin: every change goes through ``services.seasons``."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coachdesk.checks import Finding
from coachdesk.db import Database
from coachdesk.export.season_pdf import STAGE_COLORS
from coachdesk.paths import data_dir
from coachdesk.season import (
    MAX_BLOCK_WEEKS,
    STAGE_PURPOSE,
    BlockStage,
    SeasonBlock,
    SeasonPlan,
    stage_label,
)
from coachdesk.services import season_export, seasons
from coachdesk.services import templates as template_svc
from coachdesk.services.balance import client_choices
from coachdesk.services.changes import Change
from coachdesk.ui.builder.finding_card import FindingCard
from coachdesk.ui.common.mail import hand_to_mail_program
from coachdesk.ui.common.operation import run_operation

ROLE_INDEX = Qt.ItemDataRole.UserRole + 1


class SeasonTimeline(QWidget):
    """The blocks as bars as long as their weeks, named by stage, the race marked; a click
    on a bar chooses that block."""

    block_clicked = Signal(int)
    """The index (from 0) of the block clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: SeasonPlan | None = None
        self.selected: int | None = None
        self.setMinimumHeight(76)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Season timeline")

    def set_plan(self, plan: SeasonPlan | None, selected: int | None = None) -> None:
        self.plan, self.selected = plan, selected
        self.update()

    def bar_rects(self) -> list[QRectF]:
        if self.plan is None or not self.plan.blocks:
            return []
        total = self.plan.total_weeks
        width = self.width() - 16
        rects, x = [], 8.0
        for block in self.plan.blocks:
            w = width * block.weeks / total
            rects.append(QRectF(x + 1, 26, max(w - 2, 1), 30))
            x += w
        return rects

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_color = self.palette().windowText().color()
        if self.plan is None or not self.plan.blocks:
            painter.setPen(text_color)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             "No season yet: plan one backward from the runner's race day.")
            return
        bold = QFont(self.font())
        bold.setBold(True)
        for index, (rect, block) in enumerate(zip(self.bar_rects(), self.plan.blocks,
                                                  strict=True)):
            fill = QColor(STAGE_COLORS[block.stage])
            painter.fillRect(rect, fill)
            if index == self.selected:
                painter.setPen(QPen(text_color, 2))
                painter.drawRect(rect.adjusted(-1, -1, 1, 1))
            ink = QColor("#ffffff") if fill.lightnessF() < 0.62 else QColor("#1e2523")
            painter.setPen(ink)
            painter.setFont(bold)
            name = f"{stage_label(block.stage)} · {block.weeks} wk"
            metrics = painter.fontMetrics()
            for shorter in (stage_label(block.stage), f"{block.weeks}"):
                if metrics.horizontalAdvance(name) <= rect.width() - 8:
                    break
                name = shorter
            painter.drawText(rect.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter
                             | Qt.AlignmentFlag.AlignLeft, name)
        painter.setFont(self.font())
        painter.setPen(text_color)
        start = self.plan.start
        painter.drawText(QRectF(8, 58, 200, 16), Qt.AlignmentFlag.AlignLeft,
                         start.strftime("%d %b %Y"))
        race = self.plan.race_date
        if race is not None:
            days = (self.plan.end - start).days + 1
            x = 8 + (self.width() - 16) * min(1.0, ((race - start).days + 0.5) / days)
            painter.setPen(QPen(text_color, 2))
            painter.drawLine(int(x), 20, int(x), 60)
            painter.setBrush(text_color)
            painter.drawPolygon(QPolygonF([QPointF(x - 6, 8), QPointF(x + 6, 8),
                                           QPointF(x, 18)]))
            label = f"Race {race.strftime('%d %b')}"
            painter.setFont(bold)
            painter.drawText(QRectF(x - 210, 2, 200, 18), Qt.AlignmentFlag.AlignRight
                             | Qt.AlignmentFlag.AlignVCenter, label)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        for index, rect in enumerate(self.bar_rects()):
            if rect.contains(event.position()):
                self.block_clicked.emit(index)
                return
        super().mousePressEvent(event)


BLOCK_HEADERS = ("Block", "Stage", "Weeks", "Dates", "Week (template)", "Deload")


class BlocksModel(QAbstractTableModel):
    """The blocks as a table (plain data; edits go through the panel's editor)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.plan: SeasonPlan | None = None
        self.template_names: dict[int, str] = {}

    def set_plan(self, plan: SeasonPlan | None, template_names: dict[int, str]) -> None:
        self.beginResetModel()
        self.plan, self.template_names = plan, template_names
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.plan is None else len(self.plan.blocks)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(BLOCK_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return BLOCK_HEADERS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.plan is None:
            return None
        dated = self.plan.dated()[index.row()]
        block = dated.block
        if role == Qt.ItemDataRole.ToolTipRole:
            return STAGE_PURPOSE[block.stage]
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 1:
            return QColor(STAGE_COLORS[block.stage])
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        template = ("—" if block.template_id is None else
                    self.template_names.get(block.template_id, "(deleted template)"))
        return (str(dated.number), stage_label(block.stage), str(block.weeks),
                f"{dated.start:%d %b} – {dated.end:%d %b %Y}", template,
                f"Week {block.deload_week}" if block.deload_week else "—")[index.column()]


class SeasonPanel(QWidget):
    """One runner's season, chosen in the combo box at the top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db: Database | None = None
        self.season: seasons.SeasonView | None = None
        self.blocks: list[SeasonBlock] = []
        self.today: date | None = None  # tests pin the day; None is the real today
        self.client = QComboBox()
        self.client.setAccessibleName("Runner")
        self.client.currentIndexChanged.connect(lambda _i: self.load_season())
        self.plan_button = QPushButton("Plan Backward from Race Day…")
        self.plan_button.clicked.connect(lambda: self.plan_backward())
        self.pdf_button = QPushButton("Export Season PDF…")
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.ics_button = QPushButton("Export Calendar…")
        self.ics_button.clicked.connect(lambda: self.export_calendar())
        self.email_button = QPushButton("E-mail Season…")
        self.email_button.setToolTip("The season's PDF and calendar in an e-mail draft to "
                                     "the runner")
        self.email_button.clicked.connect(lambda: self.email_season())
        top = QHBoxLayout()
        top.addWidget(QLabel("Runner"))
        top.addWidget(self.client, 1)
        top.addWidget(self.plan_button)
        top.addWidget(self.pdf_button)
        top.addWidget(self.ics_button)
        top.addWidget(self.email_button)
        self.race_label = QLabel()
        self.timeline = SeasonTimeline()
        self.timeline.block_clicked.connect(self.select_block)
        self.model = BlocksModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.show_block())
        self.stage = QComboBox()
        for stage in BlockStage:
            self.stage.addItem(stage_label(stage), stage.value)
        self.weeks = QSpinBox()
        self.weeks.setRange(1, MAX_BLOCK_WEEKS)
        self.weeks.setSuffix(" weeks")
        self.template = QComboBox()
        self.deload = QSpinBox()
        self.deload.setRange(0, MAX_BLOCK_WEEKS)
        self.deload.setSpecialValueText("No deload")
        self.deload.setPrefix("Week ")
        self.apply_button = QPushButton("Apply to Block")
        self.apply_button.clicked.connect(lambda: self.apply_block())
        self.add_button = QPushButton("Add Block")
        self.add_button.clicked.connect(lambda: self.add_block())
        self.remove_button = QPushButton("Remove Block")
        self.remove_button.clicked.connect(lambda: self.remove_block())
        self.save_button = QPushButton("Save Season")
        self.save_button.clicked.connect(lambda: self.save())
        editor = QFormLayout()
        editor.addRow("Stage", self.stage)
        editor.addRow("Length", self.weeks)
        editor.addRow("Week", self.template)
        editor.addRow("Deload", self.deload)
        buttons = QHBoxLayout()
        for button in (self.apply_button, self.add_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        self.findings_box = QVBoxLayout()
        self.findings_box.addStretch(1)
        holder = QWidget()
        holder.setLayout(self.findings_box)
        self.findings_scroll = QScrollArea()
        self.findings_scroll.setWidgetResizable(True)
        self.findings_scroll.setWidget(holder)
        self.cards: list[FindingCard] = []
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(editor)
        left_layout.addLayout(buttons)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.findings_title = QLabel("<b>Checks</b>")
        right_layout.addWidget(self.findings_title)
        right_layout.addWidget(self.findings_scroll, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.race_label)
        layout.addWidget(self.timeline)
        layout.addWidget(split, 1)
        self.update_buttons()

    # --- loading ----------------------------------------------------------------------------

    def set_database(self, db: Database, client_id: int | None = None) -> None:
        self.db = db
        self.client.blockSignals(True)
        self.client.clear()
        for choice in client_choices(db):
            self.client.addItem(choice.name, choice.id)
        if client_id is not None and self.client.findData(client_id) >= 0:
            self.client.setCurrentIndex(self.client.findData(client_id))
        self.client.blockSignals(False)
        self.load_season()

    def client_id(self) -> int | None:
        value = self.client.currentData()
        return int(value) if value is not None else None

    def load_season(self) -> None:
        assert self.db is not None
        self.template.clear()
        self.template.addItem("No week yet", None)
        self.template_names = {t.id: t.name for t in template_svc.list_templates(self.db)}
        for template_id, name in self.template_names.items():
            self.template.addItem(name, template_id)
        client_id = self.client_id()
        found = seasons.list_seasons(self.db, client_id) if client_id is not None else []
        self.season = found[0] if found else None
        self.blocks = list(self.season.plan.blocks) if self.season else []
        self.refresh(0 if self.blocks else None)

    def current_plan(self) -> SeasonPlan | None:
        if self.season is None:
            return None
        return replace(self.season.plan, blocks=tuple(self.blocks))

    def refresh(self, select: int | None = None) -> None:
        plan = self.current_plan()
        self.model.set_plan(plan, self.template_names)
        self.timeline.set_plan(plan, select)
        if plan is None:
            self.race_label.setText("No season for this runner yet.")
        else:
            race = f"race on {plan.race_date:%A %d %B %Y}" if plan.race_date else "no race day"
            self.race_label.setText(f"{plan.total_weeks} weeks from {plan.start:%d %B %Y}, "
                                    f"{race}.")
        if select is not None and plan is not None and select < len(plan.blocks):
            self.table.selectRow(select)
        self.show_findings()
        self.update_buttons()

    def selected_index(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_block(self, index: int) -> None:
        self.table.selectRow(index)

    def show_block(self) -> None:
        index = self.selected_index()
        self.timeline.set_plan(self.current_plan(), index)
        if index is not None and index < len(self.blocks):
            block = self.blocks[index]
            self.stage.setCurrentIndex(self.stage.findData(block.stage.value))
            self.weeks.setValue(block.weeks)
            self.template.setCurrentIndex(max(0, self.template.findData(block.template_id)))
            self.deload.setValue(block.deload_week or 0)
        self.update_buttons()

    def update_buttons(self) -> None:
        has_season = self.season is not None
        selected = self.selected_index() is not None
        for widget in (self.apply_button, self.remove_button, self.stage, self.weeks,
                       self.template, self.deload):
            widget.setEnabled(selected)
        for button in (self.add_button, self.save_button, self.pdf_button, self.ics_button):
            button.setEnabled(has_season)
        self.plan_button.setEnabled(self.client_id() is not None)

    # --- findings ---------------------------------------------------------------------------

    def findings(self) -> list[Finding]:
        """The season's findings, then each block's week findings (warnings and errors)
        with the block named, as the panel shows them."""
        plan = self.current_plan()
        if self.db is None or self.season is None or plan is None:
            return []
        from coachdesk.checks.season import check_season
        from coachdesk.services.balance import library_for_checks

        choice = next((c for c in client_choices(self.db) if c.id == self.season.client_id),
                      None)
        report = check_season(plan, seasons.block_weeks(self.db, plan),
                              choice.profile if choice else None, self.season.start_stage,
                              library_for_checks(self.db))
        found = list(report.findings)
        for number, block_report in sorted(report.blocks.items()):
            title = plan.dated()[number - 1].title
            found += [replace(f, message=f"{title}: {f.message}", fixes=())
                      for f in block_report.findings if f.severity != "info"]
        return found

    def show_findings(self) -> None:
        for card in self.cards:
            self.findings_box.removeWidget(card)
            card.deleteLater()
        self.cards = [FindingCard(f) for f in self.findings()]
        for position, card in enumerate(self.cards):
            self.findings_box.insertWidget(position, card)
        self.findings_title.setText(f"<b>Checks</b> · {len(self.cards)} to look at"
                                    if self.cards else "<b>Checks</b> · all clear")

    # --- editing ----------------------------------------------------------------------------

    def apply_block(self) -> None:
        index = self.selected_index()
        if index is None:
            return
        old = self.blocks[index]
        deload = self.deload.value() or None
        try:
            self.blocks[index] = SeasonBlock(BlockStage(self.stage.currentData()),
                                             self.weeks.value(), self.template.currentData(),
                                             deload, old.progression)
        except ValueError as error:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, "Season", str(error))
            return
        self.refresh(index)

    def add_block(self) -> None:
        index = self.selected_index()
        at = len(self.blocks) if index is None else index + 1
        self.blocks.insert(at, SeasonBlock(BlockStage.STRENGTH, 4))
        self.refresh(at)

    def remove_block(self) -> None:
        index = self.selected_index()
        if index is not None:
            del self.blocks[index]
            self.refresh(min(index, len(self.blocks) - 1) if self.blocks else None)

    def save(self) -> bool:
        if self.db is None or self.season is None:
            return False
        db, season, blocks = self.db, self.season, tuple(self.blocks)
        done = run_operation(self, lambda: seasons.update_season(db, season.id, blocks,
                                                                 season.version),
                             changes=[Change.CLIENTS], title="Save Season")
        if done.ok:
            index = self.selected_index()
            self.load_season()
            self.refresh(index)
        return done.ok

    def plan_backward(self) -> bool:
        """A new season from the runner's race day (or the current one planned again)."""
        client_id = self.client_id()
        if self.db is None or client_id is None:
            return False
        db, season, today = self.db, self.season, self.today
        if season is None:
            done = run_operation(self, lambda: seasons.plan_season(db, client_id, today),
                                 changes=[Change.CLIENTS], title="Plan Backward")
        else:
            done = run_operation(self, lambda: seasons.replan_season(db, season.id,
                                                                     season.version, today),
                                 changes=[Change.CLIENTS], title="Plan Backward")
        if done.ok:
            self.load_season()
        return done.ok

    # --- exports ----------------------------------------------------------------------------

    def _save_path(self, title: str, suffix: str, pattern: str) -> Path | None:
        assert self.db is not None and self.season is not None
        suggested = season_export.suggested_name(self.db, self.season.id, suffix)
        chosen, _filter = QFileDialog.getSaveFileName(self, title, suggested, pattern)
        return Path(chosen) if chosen else None

    def export_pdf(self) -> Path | None:
        if self.db is None or self.season is None or not self.save_if_changed():
            return None
        path = self._save_path("Export Season PDF", ".pdf", "PDF files (*.pdf)")
        if path is None:
            return None
        db, season_id = self.db, self.season.id
        done = run_operation(self, lambda: season_export.export_season_pdf(
            db, season_id, path, overwrite=True), title="Export Season PDF")
        return path if done.ok else None

    def export_calendar(self) -> Path | None:
        if self.db is None or self.season is None or not self.save_if_changed():
            return None
        path = self._save_path("Export Calendar", ".ics", "Calendar files (*.ics)")
        if path is None:
            return None
        db, season_id = self.db, self.season.id
        done = run_operation(self, lambda: season_export.export_season_ics(
            db, season_id, path, overwrite=True), title="Export Calendar")
        return path if done.ok else None

    def email_season(self) -> Path | None:
        """The season's PDF and calendar, attached to an .eml draft in the exports folder,
        handed to the mail program (or shown in its folder when none opens it)."""
        if self.db is None or self.season is None or not self.save_if_changed():
            return None
        db, season_id = self.db, self.season.id
        pdf = data_dir() / "exports" / season_export.suggested_name(db, season_id)

        def write() -> Path:
            season_export.export_season_pdf(db, season_id, pdf, overwrite=True)
            calendar = season_export.export_season_ics(db, season_id, pdf.with_suffix(".ics"),
                                                       pdf.name, overwrite=True)
            return season_export.email_season(db, season_id, pdf, calendar,
                                              pdf.with_suffix(".eml"), overwrite=True)

        done = run_operation(self, write, title="E-mail Season")
        if not done.ok:
            return None
        draft = done.value
        hand_to_mail_program(self, draft, "The season's PDF and calendar are attached.")
        return draft

    def save_if_changed(self) -> bool:
        """Exports print what is stored: unsaved block edits are saved first."""
        if self.season is not None and tuple(self.blocks) != self.season.plan.blocks:
            return self.save()
        return True


class SeasonDialog(QDialog):
    """The season panel in its own window, opened from the Programs area."""

    def __init__(self, db: Database, client_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Season Plan")
        self.panel = SeasonPanel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        self.panel.set_database(db, client_id)
        self.resize(1100, 680)
