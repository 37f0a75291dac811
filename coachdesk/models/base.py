"""Declarative base, naming convention and column helpers shared by every model."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, DateTime, Enum, Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from coachdesk.errors import ValidationError
from coachdesk.validation import optional_text as optional_text  # for the models

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON}


def utcnow() -> datetime:
    return datetime.now(UTC)


def enum_column(enum_cls: type[StrEnum], name: str) -> Enum:
    """A string column with a CHECK constraint holding the enum's values (not its names)."""
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(m.value) for m in enum_cls),
        values_callable=lambda cls: [member.value for member in cls],
        validate_strings=True,
    )


class Timestamps:
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )


def version_column() -> Mapped[int]:
    """Optimistic locking column; models pass it as ``version_id_col`` so a stale UPDATE
    raises ``StaleDataError`` instead of silently overwriting another coach's save."""
    return mapped_column(Integer, nullable=False)


# --- validation helpers used by the models' @validates hooks ---------------------------


def require_text(field: str, value: str | None, *, max_length: int = 200) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(field, "is required")
    if len(text) > max_length:
        raise ValidationError(field, f"must be at most {max_length} characters")
    return text


def coerce_enum(field: str, enum_cls: type[StrEnum], value: object) -> Any:
    if value is None:
        return None
    try:
        return enum_cls(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum_cls)
        raise ValidationError(field, f"{value!r} is not one of: {allowed}") from None


def coerce_enum_list(field: str, enum_cls: type[StrEnum], values: object) -> list[str]:
    """A list of distinct enum values, kept in the enum's own order."""
    if values is None:
        return []
    if isinstance(values, str) or not isinstance(values, list | tuple | set | frozenset):
        raise ValidationError(field, "must be a list")
    members = {coerce_enum(field, enum_cls, v) for v in values}  # type: ignore[union-attr]
    return [m.value for m in enum_cls if m in members]


def positive_int(
    field: str, value: object, *, optional: bool = False, maximum: int = 10_000
) -> Any:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "must be a whole number")
    if value < 1:
        raise ValidationError(field, "must be at least 1")
    if value > maximum:
        raise ValidationError(field, f"must be at most {maximum}")
    return value
