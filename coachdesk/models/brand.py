"""The studio's brand profile (one row) and the settings that travel with the database."""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column, validates

from coachdesk import validation
from coachdesk.models.base import Base, Timestamps


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
        return validation.color(key, value)

    @validates("email")
    def _check_email(self, _key: str, value: str | None) -> str:
        return validation.email(value)

    @validates("business_name", "phone", "website")
    def _check_line(self, key: str, value: str | None) -> str:
        return validation.one_line(key, value)

    @validates("footer")
    def _check_footer(self, _key: str, value: str | None) -> str:
        return validation.footer(value)

    @validates("paper")
    def _check_paper(self, _key: str, value: str) -> str:
        return validation.choice("paper", value, validation.PAPER_SIZES)

    @validates("units")
    def _check_units(self, _key: str, value: str) -> str:
        return validation.choice("units", value, validation.UNITS)


class AppSetting(Base):
    """A key/value setting stored in the database, so it travels with the data."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(default=dict)
