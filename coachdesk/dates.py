"""Date helpers shared by the CLI and the UI (no Qt).

Dates meant for the runner (in the PDF and the e-mail) are written by Babel with an
explicit language, never with ``strftime``: Qt switches the process to the desktop's
locale, so ``strftime("%B")`` says "März" on a German desktop inside an English PDF.
"""

from __future__ import annotations

from datetime import date, timedelta

from babel.dates import format_date, format_skeleton

# The PDF languages a coach can choose, in their own names. Only the dates follow the
# choice; the PDF's other words stay English.
PDF_LANGUAGES: dict[str, str] = {
    "en": "English", "de": "Deutsch", "fr": "Français", "es": "Español", "it": "Italiano",
    "nl": "Nederlands", "sv": "Svenska", "da": "Dansk", "nb": "Norsk bokmål",
    "fi": "Suomi", "pt": "Português",
}
DEFAULT_LANGUAGE = "en"


def next_monday(today: date | None = None) -> date:
    today = today or date.today()
    return today + timedelta(days=(7 - today.weekday()) % 7 or 7)


def _language(language: str) -> str:
    return language if language in PDF_LANGUAGES else DEFAULT_LANGUAGE


def long_date(value: date, language: str = DEFAULT_LANGUAGE) -> str:
    """"1 March 2027" in English (as CoachDesk has always printed it), the language's own
    long form otherwise ("1. März 2027", "1 de marzo de 2027")."""
    language = _language(language)
    if language == DEFAULT_LANGUAGE:
        return format_date(value, "d MMMM y", locale="en")
    return format_date(value, "long", locale=language)


def short_date(value: date, language: str = DEFAULT_LANGUAGE) -> str:
    """Day and short month: "8 Mar", "8. März"."""
    language = _language(language)
    if language == DEFAULT_LANGUAGE:
        return format_date(value, "d MMM", locale="en")
    return format_skeleton("dMMM", value, locale=language)


def full_date(value: date, language: str = DEFAULT_LANGUAGE) -> str:
    """With the weekday, for the e-mail: "Monday 1 March 2027", "Montag, 1. März 2027"."""
    language = _language(language)
    if language == DEFAULT_LANGUAGE:
        return format_date(value, "EEEE d MMMM y", locale="en")
    return format_date(value, "full", locale=language)


def start_date_warning(start_date: date, today: date | None = None) -> str | None:
    """A word for the coach when a program starts in the past (allowed: a program entered
    after the fact), else None."""
    today = today or date.today()
    if start_date >= today:
        return None
    days = (today - start_date).days
    return (f"This program starts {days} day{'s' if days != 1 else ''} ago "
            f"({start_date.isoformat()}), in the past: its first weeks are already over.")
