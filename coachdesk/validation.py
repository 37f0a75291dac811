"""Field rules shared by the ORM models and the plain data that never touches the ORM
(a brand read from BRAND.json for the PDF command): one wording, one limit, one place.

Each check returns the cleaned value or raises :class:`ValidationError` naming the field."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from coachdesk.errors import ValidationError

if TYPE_CHECKING:
    from email_validator import ValidatedEmail

EMAIL_LIMIT = 254
COLOR_PATTERN = re.compile(r"^#[0-9a-fA-F]{6}$")
PAPER_SIZES = ("A4", "Letter")
UNITS = ("kg", "lb")
ONE_LINE_LIMIT = 300
FOOTER_LIMIT = 2_000
TEXT_LIMIT = 20_000


def optional_text(field: str, value: str | None, *, max_length: int = TEXT_LIMIT) -> str:
    """Trimmed text, empty when missing, at most ``max_length`` characters."""
    text = (value or "").strip()
    if len(text) > max_length:
        raise ValidationError(field, f"must be at most {max_length} characters")
    return text


def one_line(field: str, value: str | None, *, max_length: int = ONE_LINE_LIMIT) -> str:
    """Trimmed text with no line break."""
    text = optional_text(field, value, max_length=max_length)
    if "\n" in text or "\r" in text:
        raise ValidationError(field, "must be on one line")
    return text


def email(value: str | None, field: str = "email") -> str:
    """An e-mail address, or empty. Checked by email-validator without the network (the
    syntax mail servers accept, international domains included), stored as typed."""
    text = (value or "").strip()
    if len(text) > EMAIL_LIMIT:
        raise ValidationError(field, f"must be at most {EMAIL_LIMIT} characters")
    if text:
        checked_email(text, field)
    return text


def checked_email(text: str, field: str = "email",
                  wording: str = "is not a valid e-mail address") -> ValidatedEmail:
    """email-validator's reading of one address (``ascii_email`` has the domain in
    punycode), or a ``ValidationError`` naming ``field`` and saying what is wrong."""
    from email_validator import EmailNotValidError, validate_email  # 30 ms: when needed

    try:
        return validate_email(text, check_deliverability=False)
    except EmailNotValidError as error:
        raise ValidationError(field, f"{text!r} {wording} ({error}); use the form "
                              "name@example.com") from None


def color(field: str, value: str | None) -> str:
    """``#RRGGBB``, lower-cased."""
    text = (value or "").strip()
    if not COLOR_PATTERN.match(text):
        raise ValidationError(field, f"{text!r} is not a colour like #1f6f5c")
    return text.lower()


def choice(field: str, value: str, allowed: Sequence[str]) -> str:
    if value not in allowed:
        raise ValidationError(field, f"must be one of {', '.join(allowed)}")
    return value


def footer(value: str | None) -> str:
    return optional_text("footer", value, max_length=FOOTER_LIMIT)
