"""The brand profile dialog, with a live preview of the PDF cover's look."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImageReader, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import CoachDeskError, StaleEditError, ValidationError
from coachdesk.pictures import original_name
from coachdesk.services.brand import BrandData
from coachdesk.ui.common.form_errors import FieldErrors
from coachdesk.ui.common.stale import keep_mine


class CoverPreview(QWidget):
    """A small sketch of the first pages: cover with logo and name, a header band."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = BrandData()
        self.logo: QPixmap | None = None
        self.setMinimumSize(300, 220)

    def show_brand(self, data: BrandData, logo: Path | None) -> None:
        self.data = data
        pixmap = QPixmap()
        if logo is not None:
            reader = QImageReader(str(logo))
            reader.setAutoTransform(True)  # a logo stored sideways by an older CoachDesk
            pixmap = QPixmap.fromImage(reader.read())
        self.logo = None if pixmap.isNull() else pixmap
        self.update()

    def pages(self) -> tuple[QRectF, QRectF]:
        """The two pages side by side, as large as fit both the height and the width (a
        narrow preview must not cut the second page off)."""
        margin, gap = 5.0, 12.0
        page_w = min((self.height() - 2 * margin) / 1.414,
                     (self.width() - 2 * margin - gap) / 2)
        page_w = max(page_w, 1.0)
        page_h = page_w * 1.414
        return (QRectF(margin, margin, page_w, page_h),
                QRectF(margin + page_w + gap, margin, page_w, page_h))

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        primary, accent = QColor(self.data.primary_color), QColor(self.data.accent_color)
        for index, page in enumerate(self.pages()):
            page_h = page.height()
            painter.setPen(QPen(QColor("#c9cfcd")))
            painter.setBrush(QColor("white"))
            painter.drawRect(page)
            if index == 0:
                self._cover(painter, page, primary)
            else:
                painter.fillRect(QRectF(page.left(), page.top(), page.width(), page_h * 0.07),
                                 primary)
                painter.setPen(QPen(accent, 2))
                y = page.bottom() - page_h * 0.06
                painter.drawLine(int(page.left() + 8), int(y), int(page.right() - 8), int(y))
                painter.fillRect(QRectF(page.left() + 10, page.top() + page_h * 0.14,
                                        page.width() - 20, page_h * 0.05), primary)
        painter.end()

    def _cover(self, painter: QPainter, page: QRectF, primary: QColor) -> None:
        y = page.top() + page.height() * 0.12
        if self.logo is not None:
            logo = self.logo.scaled(int(page.width() * 0.5), int(page.height() * 0.18),
                                    Qt.AspectRatioMode.KeepAspectRatio,
                                    Qt.TransformationMode.SmoothTransformation)
            painter.drawPixmap(int(page.left() + 12), int(y), logo)
            y += logo.height() + 8
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(11)
        painter.setFont(font)
        painter.setPen(primary)
        painter.drawText(QRectF(page.left() + 12, y, page.width() - 24, 40),
                         Qt.TextFlag.TextWordWrap, self.data.business_name or "Your studio")
        font.setBold(False)
        font.setPointSizeF(7)
        painter.setFont(font)
        painter.setPen(QColor("#26302d"))
        painter.drawText(QRectF(page.left() + 12, y + 52, page.width() - 24, 60),
                         Qt.TextFlag.TextWordWrap, "Strength program for\nAna Río")


class BrandDialog(QDialog):
    def __init__(self, data: BrandData, save: Callable[[BrandData], None],
                 attach: Callable[[Path], str], resolve: Callable[[str | None], Path | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Brand profile")
        self.save = save
        self.attach = attach
        self.resolve = resolve
        self.errors = FieldErrors()
        self.logo_path = data.logo_path
        self.business_name = QLineEdit(data.business_name)
        self.email = QLineEdit(data.email)
        self.phone = QLineEdit(data.phone)
        self.website = QLineEdit(data.website)
        self.footer = QPlainTextEdit(data.footer)
        self.footer.setMaximumHeight(60)
        self.primary = QPushButton()
        self.accent = QPushButton()
        self.colors = {"primary_color": data.primary_color, "accent_color": data.accent_color}
        self.primary.clicked.connect(lambda: self.pick_color("primary_color"))
        self.accent.clicked.connect(lambda: self.pick_color("accent_color"))
        self.logo_button = QPushButton()
        self.logo_button.clicked.connect(self.choose_logo)
        self.paper = QComboBox()
        self.paper.addItems(["A4", "Letter"])
        self.paper.setCurrentText(data.paper)
        self.units = QComboBox()
        self.units.addItems(["kg", "lb"])
        self.units.setCurrentText(data.units)
        self.preview = CoverPreview()
        form = QFormLayout()
        form.addRow("Business name", self.business_name)
        form.addRow("Logo", self.logo_button)
        form.addRow("", self.errors.label_for("logo_path", self))
        colors = QHBoxLayout()
        colors.addWidget(self.primary)
        colors.addWidget(self.accent)
        form.addRow("Colours", colors)
        form.addRow("", self.errors.label_for("primary_color", self))
        form.addRow("E-mail", self.email)
        form.addRow("", self.errors.label_for("email", self))
        form.addRow("Phone", self.phone)
        form.addRow("Website", self.website)
        form.addRow("", self.errors.label_for("website", self))
        form.addRow("Footer text", self.footer)
        form.addRow("Paper", self.paper)
        form.addRow("Units", self.units)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addLayout(form, 3)
        body.addWidget(self.preview, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(buttons)
        for line in (self.business_name, self.email, self.phone, self.website):
            line.textChanged.connect(self.refresh)
        self.refresh()

    def pick_color(self, key: str) -> None:
        color = QColorDialog.getColor(QColor(self.colors[key]), self, "Choose a colour")
        if color.isValid():
            self.set_color(key, color.name())

    def set_color(self, key: str, value: str) -> None:
        self.colors[key] = value
        self.refresh()

    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Logo", str(Path.home()),
                                              "Pictures (*.png *.jpg *.jpeg *.gif *.webp "
                                              "*.svg)")
        if path:
            self.set_logo(Path(path))

    def set_logo(self, path: Path) -> bool:
        if path.suffix.lower() == ".svg":
            if not path.is_file():  # a pipe or a device would make Qt wait for ever
                self.errors.show("logo_path", f"{path.name} is not a picture file.")
                return False
            pixmap = QPixmap(str(path))
            if pixmap.isNull():
                self.errors.show("logo_path", "This SVG cannot be read.")
                return False
            # Drawn once through Qt's SVG support into a PNG (in a private temp folder,
            # never beside the coach's file), which then passes the same checks.
            with tempfile.TemporaryDirectory(prefix="coachdesk-logo-") as folder:
                png = Path(folder) / f"{path.stem}.png"
                pixmap.scaledToHeight(400, Qt.TransformationMode.SmoothTransformation
                                      ).save(str(png))
                return self._attach(png)
        return self._attach(path)

    def _attach(self, path: Path) -> bool:
        try:
            self.logo_path = self.attach(path)
        except (CoachDeskError, OSError) as error:
            self.errors.show("logo_path", getattr(error, "message", str(error)))
            return False
        self.refresh()
        return True

    def data(self) -> BrandData:
        return BrandData(
            business_name=self.business_name.text().strip(), logo_path=self.logo_path,
            primary_color=self.colors["primary_color"], accent_color=self.colors["accent_color"],
            email=self.email.text().strip(), phone=self.phone.text().strip(),
            website=self.website.text().strip(), footer=self.footer.toPlainText().strip(),
            paper=self.paper.currentText(), units=self.units.currentText())

    def refresh(self) -> None:
        for button, key in ((self.primary, "primary_color"), (self.accent, "accent_color")):
            button.setText(f"{'Primary' if key == 'primary_color' else 'Accent'} "
                           f"{self.colors[key]}")
            button.setStyleSheet(f"background: {self.colors[key]}; color: white;")
        self.logo_button.setText(original_name(self.logo_path) if self.logo_path
                                 else "Choose a logo (PNG, JPEG or SVG)…")
        self.preview.show_brand(self.data(), self.resolve(self.logo_path))

    def try_save(self) -> bool:
        self.errors.clear()
        try:
            try:
                self.save(self.data())
            except StaleEditError as error:
                if not keep_mine(self, error):
                    self.reject()
                    return False
                self.save(self.data(), force=True)
        except ValidationError as error:
            field = "primary_color" if error.field == "accent_color" else error.field
            if not self.errors.show(field, error.message):
                self.errors.show("website", str(error))
            return False
        self.accept()
        return True
