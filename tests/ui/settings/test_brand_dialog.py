"""The brand profile dialog: validation next to the fields, logo copied, preview live."""

from __future__ import annotations

from pathlib import Path

import pytest

from coachdesk.services import brand as brand_svc
from coachdesk.services.export import load_brand
from coachdesk.ui.main_window import MainWindow


@pytest.fixture
def dialog(qtbot, db_path: Path):
    window = MainWindow(str(db_path))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.database_opened, timeout=20_000):
        window.show()
    dialog = window.brand_dialog()
    qtbot.addWidget(dialog)
    return window, dialog


def make_png(path: Path) -> Path:
    from PySide6.QtGui import QColor, QImage

    image = QImage(60, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#224466"))
    image.save(str(path))
    return path


def test_saving_the_brand_persists_and_feeds_the_pdf(dialog, tmp_path) -> None:
    window, d = dialog
    d.business_name.setText("Run Strong Studio")
    d.email.setText("coach@example.com")
    d.set_color("primary_color", "#224466")
    assert d.set_logo(make_png(tmp_path / "logo.png"))
    assert d.preview.logo is not None
    d.paper.setCurrentText("Letter")
    assert d.try_save()
    stored = brand_svc.get_brand(window.db)
    assert (stored.business_name, stored.primary_color, stored.paper) == (
        "Run Strong Studio", "#224466", "Letter")
    brand = load_brand(window.db)
    assert brand.logo_path is not None and brand.logo_path.is_file()
    assert brand.logo_path.parent == window.db.media_dir


def test_bad_values_show_next_to_the_fields_and_save_nothing(dialog) -> None:
    window, d = dialog
    d.email.setText("coach at example")
    assert not d.try_save()
    assert "not a valid e-mail" in d.errors.message("email")
    d.email.setText("coach@example.com")
    d.set_color("accent_color", "orange")
    assert not d.try_save()
    assert "not a colour" in d.errors.message("primary_color")
    assert brand_svc.get_brand(window.db) == brand_svc.BrandData()


def test_an_unreadable_logo_is_refused(dialog, tmp_path) -> None:
    _window, d = dialog
    bad = tmp_path / "logo.txt"
    bad.write_text("hello")
    assert not d.set_logo(bad)
    assert "PNG, JPEG or GIF" in d.errors.message("logo_path")
