"""Coach settings, stored in the database so they travel with it.

Every setting is declared once here with its type and default (and validated on save);
window geometry and other UI state live apart, in the UI state file.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from coachdesk.checks import CheckSettings
from coachdesk.dates import DEFAULT_LANGUAGE, PDF_LANGUAGES
from coachdesk.db import Database
from coachdesk.errors import ValidationError
from coachdesk.export.email_draft import DEFAULT_BODY, DEFAULT_SUBJECT, template_problem
from coachdesk.merge import merge_edit
from coachdesk.models import AppSetting
from coachdesk.vocab import WEEKDAYS

KEY = "coach_settings"


@dataclass(frozen=True)
class CoachSettings:
    week_start: str = "mon"
    default_sets: int = 3
    default_rest_s: int = 75
    email_subject: str = DEFAULT_SUBJECT
    email_body: str = DEFAULT_BODY
    pdf_language: str = DEFAULT_LANGUAGE  # the dates' language in the PDF and the e-mail
    backup_folder: str = ""
    checks: dict[str, Any] = field(default_factory=lambda: CheckSettings().to_dict())

    def check_settings(self) -> CheckSettings:
        return CheckSettings.from_dict(self.checks)

    def with_changes(self, **changes: Any) -> CoachSettings:
        return replace(self, **changes)

    def validated(self) -> CoachSettings:
        if self.week_start not in {d.value for d in WEEKDAYS}:
            raise ValidationError("week_start", "must be a weekday")
        if not 1 <= self.default_sets <= 20:
            raise ValidationError("default_sets", "must be from 1 to 20")
        if not 0 <= self.default_rest_s <= 900:
            raise ValidationError("default_rest_s", "must be from 0 to 900 seconds")
        if "\n" in self.email_subject or not self.email_subject.strip():
            raise ValidationError("email_subject", "must be one line of text")
        for name, what in (("email_subject", "The e-mail subject"),
                           ("email_body", "The e-mail text")):
            problem = template_problem(getattr(self, name), what)
            if problem:
                raise ValidationError(name, problem)
        if self.pdf_language not in PDF_LANGUAGES:
            raise ValidationError("pdf_language", f"PDF language {self.pdf_language!r} is not "
                                  f"one CoachDesk has; choose one of "
                                  f"{', '.join(PDF_LANGUAGES)}")
        if self.backup_folder and not Path(self.backup_folder).expanduser().is_dir():
            raise ValidationError("backup_folder", "is not a folder on this computer")
        CheckSettings.from_dict(self.checks)  # raises with the field's name
        return self


def load_settings(db: Database) -> CoachSettings:
    with db.read() as session:
        return settings_in(session)


def settings_in(session: Session) -> CoachSettings:
    """The settings as seen by a transaction already open (no second one)."""
    row = session.get(AppSetting, KEY)
    return _settings_from(dict(row.value) if row is not None else {})


def _settings_from(stored: dict[str, Any]) -> CoachSettings:
    known = {f.name for f in fields(CoachSettings)}
    try:
        return CoachSettings(**{k: v for k, v in stored.items() if k in known})
    except TypeError:
        return CoachSettings()


def save_settings(db: Database, settings: CoachSettings,
                  expected: CoachSettings | None = None, keep_mine: bool = False) -> None:
    """Save the settings. With ``expected`` (what this desk loaded) only this desk's
    changes are written on top of another desk's later save; a setting both changed raises
    :class:`StaleEditError` and nothing is written."""
    value = asdict(settings.validated())
    with db.write() as session:
        row = session.get(AppSetting, KEY, with_for_update=True)
        if expected is not None:
            current = asdict(_settings_from(dict(row.value) if row is not None else {}))
            value = merge_edit(asdict(expected), value, current, "A setting", keep_mine)
            value = asdict(CoachSettings(**value).validated())
        if row is None:
            session.add(AppSetting(key=KEY, value=value))
        else:
            row.value = value


def backup_folder(db: Database) -> Path | None:
    folder = load_settings(db).backup_folder
    return Path(folder).expanduser() if folder else None
