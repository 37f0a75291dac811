"""A runner's season: blocks of weeks up to a race, stored as JSON (read and written only
through :class:`coachdesk.season.SeasonPlan`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, validates

from coachdesk.errors import ValidationError
from coachdesk.models.base import Base, Timestamps, coerce_enum, enum_column, version_column
from coachdesk.season import SeasonPlan
from coachdesk.vocab import Stage


class SeasonRecord(Timestamps, Base):
    __tablename__ = "season"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(
        ForeignKey("client.id", ondelete="CASCADE"), index=True
    )
    start_date: Mapped[date] = mapped_column(Date)
    race_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    # The runner's stage when the season was planned: the stage order is checked from it.
    start_stage: Mapped[Stage | None] = mapped_column(enum_column(Stage, "start_stage"),
                                                      nullable=True)
    blocks: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # The first day of the block whose stage was last given to the client: each block
    # sets the stage once, so the coach's own change holds until the next block starts.
    stage_set_for: Mapped[date | None] = mapped_column(Date, nullable=True)
    version: Mapped[int] = version_column()

    __mapper_args__ = {"version_id_col": version}

    @validates("blocks")
    def _check_blocks(self, _key: str, value: object) -> list[Any]:
        return [b.to_json() for b in SeasonPlan.blocks_from_json(value)]

    @validates("start_stage")
    def _check_stage(self, _key: str, value: object) -> Stage | None:
        return coerce_enum("start_stage", Stage, value)

    @validates("start_date")
    def _check_start(self, _key: str, value: object) -> date:
        if not isinstance(value, date) or value.weekday() != 0:
            raise ValidationError("start", "a season starts on a Monday")
        return value

    def plan(self) -> SeasonPlan:
        return SeasonPlan(self.start_date, SeasonPlan.blocks_from_json(self.blocks),
                          self.race_date)
