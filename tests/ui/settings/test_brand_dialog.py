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


def test_the_logo_button_shows_the_coachs_own_file_name(dialog, tmp_path) -> None:
    window, d = dialog
    assert d.set_logo(make_png(tmp_path / "Run Strong logo.png"))
    assert d.logo_button.text() == "Run Strong logo.png"
    assert d.try_save()
    again = window.brand_dialog()
    assert again.logo_button.text() == "Run Strong logo.png"
    again.deleteLater()


def _white_runs(image, y: int) -> list[tuple[int, int]]:
    """The (first, last) x of each run of white (a page's inside) along row ``y``."""
    runs: list[tuple[int, int]] = []
    for x in range(image.width()):
        if image.pixelColor(x, y).name() == "#ffffff":
            if runs and runs[-1][1] == x - 1:
                runs[-1] = (runs[-1][0], x)
            else:
                runs.append((x, x))
    return runs


@pytest.mark.parametrize("size", [(300, 220), (320, 400), (500, 260)])
def test_both_preview_pages_fit_the_preview(qtbot, size) -> None:
    from coachdesk.ui.settings.brand_dialog import CoverPreview

    preview = CoverPreview()
    qtbot.addWidget(preview)
    preview.resize(*size)
    preview.show()
    image = preview.grab().toImage()
    width = image.width()
    # The first page's left strip is blank: its last white row is near the page's foot.
    bottom = max(y for y in range(image.height()) if image.pixelColor(8, y).name() == "#ffffff")
    runs = _white_runs(image, int(bottom * 0.85))  # below the text, above the rule
    assert len(runs) == 2, f"pages at {runs} in a {size} preview"
    assert runs[1][1] < width - 2, f"the second page runs off the edge: {runs}, {size}"
    first, second = (last - start for start, last in runs)
    assert abs(first - second) <= 2, f"the second page is cut: {runs}, {size}"


def test_a_logo_stored_sideways_shows_upright_in_the_preview(qtbot, tmp_path) -> None:
    from PIL import Image

    from coachdesk.ui.settings.brand_dialog import CoverPreview

    exif = Image.Exif()
    exif[0x0112] = 6
    logo = tmp_path / "logo.jpg"
    Image.new("RGB", (120, 60), "#224466").save(logo, "JPEG", exif=exif)
    preview = CoverPreview()
    qtbot.addWidget(preview)
    preview.show_brand(brand_svc.BrandData(), logo)
    assert preview.logo is not None and preview.logo.height() > preview.logo.width()
