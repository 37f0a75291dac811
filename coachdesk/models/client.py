"""A runner on the coach's roster."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from coachdesk import validation
from coachdesk.errors import ValidationError
from coachdesk.models.base import (
    Base,
    Timestamps,
    coerce_enum,
    coerce_enum_list,
    enum_column,
    optional_text,
    require_text,
    version_column,
)
from coachdesk.vocab import Goal, Injury, RaceDistance, Season, Stage, Weekday

if TYPE_CHECKING:
    from coachdesk.models.program import Program


class Client(Timestamps, Base):
    __tablename__ = "client"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    goal: Mapped[Goal] = mapped_column(enum_column(Goal, "goal"), default=Goal.RACE)
    race_distance: Mapped[RaceDistance | None] = mapped_column(
        enum_column(RaceDistance, "race_distance"), nullable=True
    )
    stage: Mapped[Stage] = mapped_column(enum_column(Stage, "stage"), default=Stage.STABILITY)
    season: Mapped[Season] = mapped_column(
        enum_column(Season, "season"), default=Season.OFF_SEASON
    )
    race_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    key_run_days: Mapped[list[str]] = mapped_column(default=list)
    injuries: Mapped[list[str]] = mapped_column(default=list)
    injury_notes: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = version_column()

    programs: Mapped[list[Program]] = relationship(
        back_populates="client", cascade="all, delete-orphan", lazy="raise"
    )

    __mapper_args__ = {"version_id_col": version}

    @validates("name")
    def _check_name(self, _key: str, value: str) -> str:
        return require_text("name", value)

    @validates("email")
    def _check_email(self, _key: str, value: str | None) -> str:
        return validation.email(value)

    @validates("phone")
    def _check_phone(self, _key: str, value: str | None) -> str:
        return validation.one_line("phone", value, max_length=60)

    @validates("goal")
    def _check_goal(self, _key: str, value: object) -> Goal:
        if value is None:
            raise ValidationError("goal", "is required")
        return coerce_enum("goal", Goal, value)

    @validates("race_distance")
    def _check_distance(self, _key: str, value: object) -> RaceDistance | None:
        return coerce_enum("race_distance", RaceDistance, value)

    @validates("stage")
    def _check_stage(self, _key: str, value: object) -> Stage:
        if value is None:
            raise ValidationError("stage", "is required")
        return coerce_enum("stage", Stage, value)

    @validates("season")
    def _check_season(self, _key: str, value: object) -> Season:
        return coerce_enum("season", Season, value or Season.OFF_SEASON)

    @validates("race_date")
    def _check_race_date(self, _key: str, value: object) -> date | None:
        if value is None or value == "":
            return None
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                raise ValidationError("race_date", f"{value!r} is not a date (YYYY-MM-DD)"
                                      ) from None
        if not isinstance(value, date):
            raise ValidationError("race_date", "must be a date")
        return value

    @validates("key_run_days")
    def _check_days(self, _key: str, value: object) -> list[str]:
        return coerce_enum_list("key_run_days", Weekday, value)

    @validates("injuries")
    def _check_injuries(self, _key: str, value: object) -> list[str]:
        return coerce_enum_list("injuries", Injury, value)

    @validates("notes", "injury_notes")
    def _check_notes(self, key: str, value: str | None) -> str:
        return optional_text(key, value)

    def __repr__(self) -> str:
        return f"Client(id={self.id!r}, name={self.name!r})"
