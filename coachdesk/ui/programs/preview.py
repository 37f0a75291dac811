"""The program's PDF, shown in the window page by page before it is sent.

Pages are drawn by PDFium (pypdfium2): exactly what the runner will see, without leaving
CoachDesk or needing a PDF viewer. Qt's own PDF module is not in PySide6-Essentials."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

PAGE_WIDTH = 760  # px on screen at 100 %


def render_pages(pdf: Path, width: int = PAGE_WIDTH) -> list[QImage]:
    """Every page of ``pdf`` as an image ``width`` pixels wide (for the screen's scale)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    images = []
    try:
        for index in range(len(document)):
            page = document[index]
            scale = width / page.get_width()
            bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB byte order
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888).copy()  # own the pixels
            images.append(image)
            page.close()
    finally:
        document.close()
    return images


class PdfPreviewDialog(QDialog):
    def __init__(self, pdf: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Preview: {title}")
        ratio = self.devicePixelRatioF()
        self.pages = render_pages(pdf, int(PAGE_WIDTH * ratio))
        column = QWidget()
        column_layout = QVBoxLayout(column)
        column_layout.setSpacing(12)
        self.page_labels: list[QLabel] = []
        for number, image in enumerate(self.pages, start=1):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label = QLabel()
            label.setPixmap(pixmap)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setAccessibleName(f"Page {number} of {len(self.pages)}")
            column_layout.addWidget(label)
            self.page_labels.append(label)
        scroll = QScrollArea()
        scroll.setWidget(column)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{len(self.pages)} pages, as the runner will see them."))
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(PAGE_WIDTH + 60, 800)
