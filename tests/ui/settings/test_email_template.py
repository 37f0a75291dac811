"""The e-mail template's placeholders are checked when the coach saves the settings: an
unknown ``{client}`` or a stray brace is refused next to the field, listing the ones
that work, and nothing is saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from coachdesk.errors import ValidationError
from coachdesk.services import settings as settings_svc
from coachdesk.ui.main_window import MainWindow

ALLOWED = ("{client_first_name}", "{client_name}", "{program_name}", "{start_date}",
           "{weeks}", "{business_name}")


@pytest.fixture
def dialog(qtbot, db_path: Path):
    window = MainWindow(str(db_path))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.database_opened, timeout=20_000):
        window.show()
    dialog = window.settings_dialog()
    qtbot.addWidget(dialog)
    return window, dialog


def press_save(qtbot, dialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_an_unknown_placeholder_in_the_subject_is_refused_listing_the_allowed_ones(
        dialog, qtbot) -> None:
    window, d = dialog
    d.subject.clear()
    qtbot.keyClicks(d.subject, "Your program, {client}")
    press_save(qtbot, d)
    message = d.errors.message("email_subject")
    assert "{client}" in message and "subject" in message.lower()
    assert all(name in message for name in ALLOWED)
    assert settings_svc.load_settings(window.db).email_subject == settings_svc.CoachSettings(
        ).email_subject


def test_a_stray_brace_in_the_text_is_refused_next_to_the_text(dialog, qtbot) -> None:
    window, d = dialog
    d.body.clear()
    qtbot.keyClicks(d.body, "Hi {client_first_name, your plan starts {start_date}.")
    press_save(qtbot, d)
    message = d.errors.message("email_body")
    assert "{" in message and "text" in message.lower()
    assert d.errors.labels["email_body"].isVisibleTo(d)  # its tab came to the front
    assert all(name in message for name in ALLOWED)
    assert settings_svc.load_settings(window.db).email_body == settings_svc.CoachSettings(
        ).email_body


def test_known_placeholders_are_saved(dialog, qtbot) -> None:
    window, d = dialog
    d.subject.clear()
    qtbot.keyClicks(d.subject, "{program_name} for {client_first_name}")
    press_save(qtbot, d)
    assert settings_svc.load_settings(window.db).email_subject == (
        "{program_name} for {client_first_name}")


@pytest.mark.parametrize(("field", "text", "words"), [
    ("email_subject", "Plan for {client}", "{client}"),
    ("email_body", "Hi }", "}"),
    ("email_body", "Hi {", "{"),
    ("email_body", "Hi {{client_name}}", "{"),
])
def test_the_service_refuses_the_same_templates(field, text, words) -> None:
    with pytest.raises(ValidationError) as refused:
        settings_svc.CoachSettings().with_changes(**{field: text}).validated()
    assert refused.value.field == field and words in refused.value.message


def test_the_pdf_language_is_chosen_beside_the_paper_and_saved(dialog, qtbot) -> None:
    window, d = dialog
    combo = d.pdf_language
    assert combo.currentData() == "en"
    assert {"en", "de", "fr", "es", "nl", "sv"} <= {combo.itemData(i)
                                                   for i in range(combo.count())}
    tip = combo.toolTip()
    assert "dates" in tip and "English" in tip
    combo.setCurrentIndex(combo.findData("de"))
    press_save(qtbot, d)
    assert settings_svc.load_settings(window.db).pdf_language == "de"
