"""Both looks keep the outlines a coach needs visible: unchecked boxes and radio buttons,
field borders and chips reach WCAG's 3:1 against what they sit on (non-text contrast)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from coachdesk.app import apply_style
from coachdesk.paths import RESOURCES_DIR

SURFACES = {  # what the outlines sit on: the window and the fields' base, per look
    "dark": ("#1b201f", "#151918"),
    "light": ("#efefef", "#ffffff"),
}
OUTLINED = ["QCheckBox::indicator", "QRadioButton::indicator", "QLineEdit",
            "QPlainTextEdit", "QComboBox", "QDateEdit"]


def luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def rules(scheme: str) -> dict[str, str]:
    """selector → declarations, one entry per selector of a rule."""
    text = re.sub(r"/\*.*?\*/", "", (RESOURCES_DIR / "style" / f"{scheme}.qss").read_text(),
                  flags=re.S)
    found: dict[str, str] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", text):
        for selector in selectors.split(","):
            found[selector.strip()] = found.get(selector.strip(), "") + body
    return found


def border_colour(body: str) -> str | None:
    match = re.search(r"border\s*:\s*\d+px\s+solid\s+(#[0-9a-fA-F]{6})", body)
    return match.group(1).lower() if match else None


@pytest.mark.parametrize("scheme", ["dark", "light"])
@pytest.mark.parametrize("selector", OUTLINED)
def test_outlines_reach_three_to_one(scheme: str, selector: str) -> None:
    colour = border_colour(rules(scheme).get(selector, ""))
    assert colour is not None, f"{scheme}.qss gives {selector} no solid border"
    for surface in SURFACES[scheme]:
        assert contrast(colour, surface) >= 3.0, (scheme, selector, colour, surface,
                                                  round(contrast(colour, surface), 2))


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_checked_indicators_show_a_mark_that_exists(scheme: str, qapp: QApplication) -> None:
    try:
        apply_style(qapp, scheme)
        sheet = qapp.styleSheet()
        marks = re.findall(r"image:\s*url\(([^)]+)\)", sheet)
        assert marks, "checked boxes and radio buttons need a visible mark"
        for mark in marks:
            assert (RESOURCES_DIR / "style" / mark.split("/style/")[-1]).exists(), mark
    finally:
        qapp.setStyleSheet("")
        qapp.setPalette(QPalette())


@pytest.mark.parametrize(("scheme", "window"), [("dark", "#1b201f"), ("light", "#efefef")])
def test_chip_text_reads_on_its_chip_and_on_the_window(scheme: str, window: str) -> None:
    """Chip text stays readable even where a chip's background is not drawn (4.5:1)."""
    from coachdesk.ui.library.detail import chip_colours

    for kind, (bg, fg) in chip_colours(scheme).items():
        assert contrast(fg, bg) >= 4.5, (scheme, kind)
        assert contrast(fg, window) >= 4.5, (scheme, kind, fg)
