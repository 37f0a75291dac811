"""The studio's brand profile (one row) and the settings that travel with the database."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column, validates

from coachdesk.errors import ValidationError
from coachdesk.models.base import Base, Timestamps, optional_text
from coachdesk.models.client import validate_email

COLOR_PATTERN = re.compile(r"^#[0-9a-fA-F]{6}$")
PAPER_SIZES = ("A4", "Letter")
UNITS = ("kg", "lb")


def validate_color(field: str, value: str | None) -> str:
    text = (value or "").strip()
    if not COLOR_PATTERN.match(text):
        raise ValidationError(field, f"{text!r} is not a colour like #1f6f5c")
    return text.lower()


class BrandProfile(Timestamps, Base):
    __tablename__ = "brand_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    business_name: Mapped[str] = mapped_column(String(200), default="")
    logo_path: Mapped[str | None] = mapped_column(String(500), nullable=True)
    primary_color: Mapped[str] = mapped_column(String(7), default="#1f6f5c")
    accent_color: Mapped[str] = mapped_column(String(7), default="#e07a2f")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    footer: Mapped[str] = mapped_column(Text, default="")
    paper: Mapped[str] = mapped_column(String(10), default="A4")
    units: Mapped[str] = mapped_column(String(2), default="kg")

    @validates("primary_color", "accent_color")
    def _check_color(self, key: str, value: str | None) -> str:
        return validate_color(key, value)

    @validates("email")
    def _check_email(self, _key: str, value: str | None) -> str:
        return validate_email(value)

    @validates("business_name", "phone", "website")
    def _check_line(self, key: str, value: str | None) -> str:
        text = optional_text(key, value, max_length=300)
        if "\n" in text or "\r" in text:
            raise ValidationError(key, "must be on one line")
        return text

    @validates("footer")
    def _check_footer(self, _key: str, value: str | None) -> str:
        return optional_text("footer", value, max_length=2_000)

    @validates("paper")
    def _check_paper(self, _key: str, value: str) -> str:
        if value not in PAPER_SIZES:
            raise ValidationError("paper", f"must be one of {', '.join(PAPER_SIZES)}")
        return value

    @validates("units")
    def _check_units(self, _key: str, value: str) -> str:
        if value not in UNITS:
            raise ValidationError("units", f"must be one of {', '.join(UNITS)}")
        return value


class AppSetting(Base):
    """A key/value setting stored in the database, so it travels with the data."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(default=dict)
