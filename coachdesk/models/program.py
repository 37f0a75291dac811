"""A template assigned to a client for a number of weeks, with a frozen copy of the week."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from coachdesk.models.base import (
    Base,
    Timestamps,
    coerce_enum,
    enum_column,
    optional_text,
    positive_int,
    require_text,
    version_column,
)
from coachdesk.vocab import ProgramStatus

if TYPE_CHECKING:
    from coachdesk.models.client import Client


class Program(Timestamps, Base):
    __tablename__ = "program"
    __table_args__ = (CheckConstraint("weeks BETWEEN 1 AND 52", name="weeks_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(
        ForeignKey("client.id", ondelete="CASCADE"), index=True
    )
    # The template it came from; kept only as a reference (the snapshot is what counts).
    template_id: Mapped[int | None] = mapped_column(
        ForeignKey("template.id", ondelete="SET NULL"), nullable=True
    )
    name: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date] = mapped_column(Date)
    weeks: Mapped[int] = mapped_column(default=4)
    # The week as it was when assigned: days, slots and the exercises' details.
    snapshot: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Per-slot progression rules and the deload week, see services.programs.
    progression: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[ProgramStatus] = mapped_column(
        enum_column(ProgramStatus, "program_status"), default=ProgramStatus.DRAFT
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    exported_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    emailed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    version: Mapped[int] = version_column()

    client: Mapped[Client] = relationship(back_populates="programs", lazy="raise")

    __mapper_args__ = {"version_id_col": version}

    @validates("name")
    def _check_name(self, _key: str, value: str) -> str:
        return require_text("name", value)

    @validates("weeks")
    def _check_weeks(self, _key: str, value: object) -> int:
        return positive_int("weeks", value, maximum=52)

    @validates("status")
    def _check_status(self, _key: str, value: object) -> ProgramStatus:
        return coerce_enum("status", ProgramStatus, value or ProgramStatus.DRAFT)

    @validates("notes")
    def _check_notes(self, _key: str, value: str | None) -> str:
        return optional_text("notes", value)
