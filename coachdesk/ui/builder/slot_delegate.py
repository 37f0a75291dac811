"""Paints a slot as a card: the exercise, its prescription, and small U / C markers."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from coachdesk.services.templates import SlotView
from coachdesk.ui.builder.day_model import HIGHLIGHT_ROLE, SLOT_ROLE
from coachdesk.ui.builder.slot_text import prescription_text

ACCENT = QColor("#1f6f5c")
HIGHLIGHT = QColor("#e07a2f")
MARKER_COLORS = {"U": QColor("#3a6ea5"), "C": QColor("#8a5a9e"), "P": QColor("#b5523b")}
CARD_HEIGHT = 66
PADDING = 8


_ELIDED: dict[tuple[str, str, int, int], str] = {}


def elided_name(name: str, metrics: QFontMetrics, rect: QRect, font_key: str = "") -> str:
    """:func:`fit_name`, remembered: a board repaints 100 cards at a time."""
    key = (name, font_key, rect.width(), rect.height())
    found = _ELIDED.get(key)
    if found is None:
        if len(_ELIDED) > 4096:
            _ELIDED.clear()
        found = _ELIDED[key] = fit_name(name, metrics, rect)
    return found


def fit_name(name: str, metrics: QFontMetrics, rect: QRect) -> str:
    """The name as it fits in ``rect`` wrapped on word boundaries, with an ellipsis on its
    last line when it does not fit whole (never a word cut mid-way without one)."""
    flags = int(Qt.TextFlag.TextWordWrap)

    def fits(text: str) -> bool:
        box = metrics.boundingRect(rect, flags, text)
        return box.height() <= rect.height() and box.width() <= rect.width()

    if fits(name):
        return name
    words = name.split()
    while words:
        words.pop()
        shorter = " ".join(words) + "…"
        if words and fits(shorter):
            return shorter
    return metrics.elidedText(name, Qt.TextElideMode.ElideRight, rect.width())


class SlotCardDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(max(option.rect.width(), 150), CARD_HEIGHT + 6)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        slot: SlotView | None = index.data(SLOT_ROLE)
        if slot is None:
            return
        palette = option.palette  # type: ignore[attr-defined]
        rect: QRect = option.rect.adjusted(2, 3, -2, -3)  # type: ignore[attr-defined]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        highlighted = bool(index.data(HIGHLIGHT_ROLE))

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        background = palette.color(QPalette.ColorRole.Base)
        if selected:
            # A tint of the accent over the card colour: pale on light, deep on dark.
            tint = palette.color(QPalette.ColorRole.Highlight)
            background = QColor(
                (background.red() * 4 + tint.red()) // 5,
                (background.green() * 4 + tint.green()) // 5,
                (background.blue() * 4 + tint.blue()) // 5,
            )
        border = HIGHLIGHT if highlighted else (ACCENT if selected else palette.color(
            QPalette.ColorRole.Mid))
        painter.setPen(QPen(border, 2 if (highlighted or selected) else 1))
        painter.setBrush(background)
        painter.drawRoundedRect(QRectF(rect), 6, 6)
        if slot.block:  # a superset member: an accent bar down the left edge ties the block
            painter.fillRect(QRectF(rect.left() + 1, rect.top() + 4, 3, rect.height() - 8),
                             ACCENT)

        markers = self._markers(slot)
        marker_width = 18 * len(markers)
        # The name gets the card's whole width (badges sit on the bottom line, beside the
        # prescription), so "Copenhagen Plank" is never cut by its badges.
        text_rect = rect.adjusted(PADDING, 5, -PADDING, -5)
        name_font = QFont(option.font)  # type: ignore[attr-defined]
        name_font.setBold(True)
        painter.setFont(name_font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        # The name may wrap onto a second line; the prescription keeps the bottom line.
        name_rect = text_rect.adjusted(0, 0, 0, -QFontMetrics(option.font).height())  # type: ignore[attr-defined]
        painter.drawText(
            name_rect,
            Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
            elided_name(f"{slot.block} · {slot.exercise_name}" if slot.block
                        else slot.exercise_name, QFontMetrics(name_font), name_rect,
                        name_font.key()),
        )

        detail_font = QFont(option.font)  # type: ignore[attr-defined]
        detail_font.setPointSizeF(max(detail_font.pointSizeF() - 1, 7))
        painter.setFont(detail_font)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        detail = QFontMetrics(detail_font).elidedText(
            prescription_text(slot.fields), Qt.TextElideMode.ElideRight,
            rect.width() - 2 * PADDING - marker_width
        )
        detail_rect = rect.adjusted(PADDING, 5, -PADDING, -5)
        painter.drawText(detail_rect, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft,
                         detail)

        for n, marker in enumerate(markers):
            box = QRectF(rect.right() - PADDING - 16 - 18 * (len(markers) - 1 - n) + 4,
                         rect.bottom() - 5 - 16, 16, 16)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(MARKER_COLORS[marker])
            painter.drawRoundedRect(box, 4, 4)
            small = QFont(option.font)  # type: ignore[attr-defined]
            small.setPointSizeF(7.5)
            small.setBold(True)
            painter.setFont(small)
            painter.setPen(QColor("white"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, marker)
        painter.restore()

    @staticmethod
    def _markers(slot: SlotView) -> list[str]:
        """U: one leg or arm at a time; C: core work; P: plyometric."""
        markers = []
        if slot.is_unilateral:
            markers.append("U")
        if slot.is_core:
            markers.append("C")
        if slot.plyometric:
            markers.append("P")
        return markers
