"""The detail pane: demonstration notes, the demo picture or GIF, chips and the video."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImageReader, QMovie, QPalette, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from coachdesk.links import is_web_link
from coachdesk.notes_markdown import to_html
from coachdesk.services.library import ExerciseRow
from coachdesk.vocab import label

CHIP = ('<span style="background:{bg}; color:{fg}; border-radius:8px;">'
        '&nbsp;{text}&nbsp;</span>')


CHIP_COLOURS = {  # kind → (background, text), per look; text reaches 4.5:1 on both
    "light": {"review": ("#fbe3c4", "#7a4300"), "pattern": ("#cfe0f5", "#173f6b"),
              "prime": ("#dcebe6", "#1a5e4e"), "assist": ("#eef5f2", "#3f6d62"),
              "tag": ("#ececec", "#3b4744")},
    "dark": {"review": ("#5a3b12", "#ffd9a8"), "pattern": ("#1e3550", "#cfe0f5"),
             "prime": ("#1d4a3f", "#c8efe3"), "assist": ("#243a34", "#b6d8cd"),
             "tag": ("#2e3534", "#dfe5e3")},
}


def chip_colours(scheme: str) -> dict[str, tuple[str, str]]:
    return CHIP_COLOURS[scheme]


def _scheme() -> str:
    """Dark when the application's window is dark (the dark look is applied)."""
    app = QApplication.instance()
    window = app.palette().color(QPalette.ColorRole.Window) if app is not None else None
    return "dark" if window is not None and window.lightness() < 128 else "light"


def chips_html(row: ExerciseRow, scheme: str | None = None) -> str:
    colours = chip_colours(scheme or _scheme())

    def chip(kind: str, text: str) -> str:
        bg, fg = colours[kind]
        return CHIP.format(bg=bg, fg=fg, text=text)

    d = row.data
    parts = []
    if row.needs_review:
        parts.append(chip("review", "Needs review: pattern guessed"))
    parts.append(chip("pattern", escape(label(d.pattern))))
    parts += [chip("prime", escape(label(m))) for m in d.primary_muscles]
    parts += [chip("assist", escape(label(m)) + " (assists)") for m in d.secondary_muscles]
    tags = ["Single-leg / one side" if d.laterality == "unilateral" else "Two-sided",
            label(d.phase) + " phase", f"{label(d.impact)} impact", label(d.external_load)]
    if d.core_plane:
        tags.append(label(d.core_plane))
    if d.plyometric:
        tags.append("Plyometric")
    if d.eccentric:
        tags.append("Eccentric")
    tags.append("Built-in" if row.builtin else "Coach-made")
    parts += [chip("tag", escape(t)) for t in tags]
    return " ".join(parts)


class ExerciseDetail(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row: ExerciseRow | None = None
        self.video_target: str | None = None
        self.title = QLabel()
        self.title.setObjectName("panelHeading")
        self.title.setWordWrap(True)
        self.chips = QLabel()
        self.chips.setWordWrap(True)
        self.chips.setTextFormat(Qt.TextFormat.RichText)
        self.usage = QLabel()
        self.usage.setObjectName("hintText")
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMaximumHeight(220)
        self.movie: QMovie | None = None
        self.video_button = QPushButton("Open Demo Video")
        self.video_button.clicked.connect(self.open_video)
        self.notes = QTextBrowser()
        self.notes.setOpenExternalLinks(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        for widget in (self.title, self.chips, self.usage, self.image, self.video_button):
            layout.addWidget(widget)
        layout.addWidget(self.notes, 1)
        self.show_row(None, None)

    def show_row(self, row: ExerciseRow | None, image: Path | None) -> None:
        self.row = row
        if self.movie is not None:
            self.movie.stop()
            self.movie = None
        self.image.clear()
        self.image.setVisible(image is not None)
        if row is None:
            self.title.setText("Select an exercise to see how it is done.")
            self.chips.clear()
            self.usage.clear()
            self.notes.clear()
            self.video_button.hide()
            return
        self.title.setText(escape(row.name))
        self.chips.setText(chips_html(row))
        count = row.used_in_templates
        self.usage.setText(f"Used in {count} template{'s' if count != 1 else ''}"
                           + (f" · also called {', '.join(row.data.aliases)}"
                              if row.data.aliases else ""))
        # The PDF's parser (markdown-it, HTML off), so the screen shows what prints.
        self.notes.setHtml(to_html(row.data.notes or "_No demonstration notes yet._"))
        self.video_target = row.data.video_url or None
        self.video_button.setVisible(self.video_target is not None)
        if image is not None:
            self._show_image(image)

    def _show_image(self, path: Path) -> None:
        if path.suffix.lower() == ".gif":
            self.movie = QMovie(str(path))
            self.movie.setScaledSize(self._fit(self.movie.frameRect().size()))
            self.image.setMovie(self.movie)
            self.movie.start()
            return
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)  # a phone photo stored sideways shows upright
        pixmap = QPixmap.fromImage(reader.read())
        if pixmap.isNull():
            self.image.setText("The demo picture cannot be read.")
            return
        self.image.setPixmap(pixmap.scaled(self._fit(pixmap.size()),
                                           Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))

    def _fit(self, size: QSize) -> QSize:
        bound = QSize(max(self.width() - 24, 200), 220)
        return size.scaled(bound, Qt.AspectRatioMode.KeepAspectRatio) if size.isValid() else bound

    def open_video(self) -> bool:
        """Open the video link in the browser: only an http or https link is handed to the
        operating system; a local path or file:// link (from an older database or an
        imported library) is refused with a message."""
        target = self.video_target
        if target is None:
            return False
        url = QUrl(target.strip(), QUrl.ParsingMode.StrictMode)
        if not is_web_link(target) or not url.isValid() or url.scheme().lower() not in (
                "http", "https"):
            QMessageBox.warning(self, "Cannot open the video",
                                f"The Video link {target[:200]!r} is not a web link, so "
                                "CoachDesk will not open it. Edit the exercise and give a "
                                "link that starts with https:// or http://.")
            return False
        return QDesktopServices.openUrl(url)
