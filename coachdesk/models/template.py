"""A named training week: seven days, each an ordered list of slots."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
    select,
    update,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, validates
from sqlalchemy.orm.util import identity_key

from coachdesk import validation
from coachdesk.errors import ValidationError
from coachdesk.models.base import (
    Base,
    Timestamps,
    coerce_enum,
    enum_column,
    optional_text,
    positive_int,
    require_text,
    utcnow,
    version_column,
)
from coachdesk.models.exercise import Exercise
from coachdesk.vocab import WEEKDAYS, Intensity, Side, Weekday


class Template(Timestamps, Base):
    __tablename__ = "template"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = version_column()

    days: Mapped[list[TemplateDay]] = relationship(
        back_populates="template",
        cascade="all, delete-orphan",
        order_by="TemplateDay.weekday_index",
        lazy="raise",
    )

    __mapper_args__ = {"version_id_col": version}

    @classmethod
    def with_week(cls, name: str, notes: str = "") -> Template:
        """A new template holding seven empty (rest) days."""
        template = cls(name=name, notes=notes)
        template.days = [TemplateDay(weekday=day) for day in WEEKDAYS]
        return template

    @validates("name")
    def _check_name(self, _key: str, value: str) -> str:
        return require_text("name", value)

    @validates("notes")
    def _check_notes(self, _key: str, value: str | None) -> str:
        return optional_text("notes", value)

    def __repr__(self) -> str:
        return f"Template(id={self.id!r}, name={self.name!r})"


class TemplateDay(Base):
    __tablename__ = "template_day"
    __table_args__ = (
        UniqueConstraint("template_id", "weekday_index", name="uq_template_day_weekday"),
        CheckConstraint("weekday_index BETWEEN 0 AND 6", name="weekday_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("template.id", ondelete="CASCADE"), index=True
    )
    weekday_index: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(120), default="")
    # A short extra session (a foot or mobility routine) that the coach marked as such:
    # it does not count toward the week's frequency and needs no core work.
    micro: Mapped[bool] = mapped_column(Boolean, default=False)

    template: Mapped[Template] = relationship(back_populates="days", lazy="raise")
    slots: Mapped[list[Slot]] = relationship(
        back_populates="day",
        cascade="all, delete-orphan",
        order_by="Slot.position",
        lazy="raise",
    )

    def __init__(self, weekday: Weekday | str, title: str = "") -> None:
        super().__init__()
        self.weekday_index = WEEKDAYS.index(coerce_enum("weekday", Weekday, weekday))
        self.title = title
        self.micro = False

    @property
    def weekday(self) -> Weekday:
        return WEEKDAYS[self.weekday_index]

    @validates("weekday_index")
    def _check_weekday_index(self, _key: str, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 6:
            raise ValidationError("weekday_index", "must be a day from 0 (Monday) to 6 (Sunday)")
        return value

    @validates("title")
    def _check_title(self, _key: str, value: str | None) -> str:
        return validation.one_line("title", value, max_length=120)


class Slot(Base):
    """One exercise on one day, with its prescription."""

    __tablename__ = "slot"
    __table_args__ = (
        CheckConstraint("sets > 0", name="sets_positive"),
        CheckConstraint("reps IS NULL OR reps > 0", name="reps_positive"),
        CheckConstraint("seconds IS NULL OR seconds > 0", name="seconds_positive"),
        CheckConstraint("reps IS NOT NULL OR seconds IS NOT NULL", name="reps_or_seconds"),
        CheckConstraint("rest_s IS NULL OR rest_s >= 0", name="rest_not_negative"),
        CheckConstraint("position >= 0", name="position_not_negative"),
        CheckConstraint("NOT (per_side AND side IS NOT NULL)", name="per_side_or_side"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    day_id: Mapped[int] = mapped_column(
        ForeignKey("template_day.id", ondelete="CASCADE"), index=True
    )
    exercise_id: Mapped[int] = mapped_column(
        ForeignKey("exercise.id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    sets: Mapped[int] = mapped_column(Integer, default=3)
    reps: Mapped[int | None] = mapped_column(Integer, nullable=True)
    seconds: Mapped[int | None] = mapped_column(Integer, nullable=True)
    per_side: Mapped[bool] = mapped_column(Boolean, default=False)
    side: Mapped[Side | None] = mapped_column(enum_column(Side, "side"), nullable=True)
    tempo: Mapped[str] = mapped_column(String(20), default="")
    load: Mapped[str] = mapped_column(String(60), default="")
    intensity: Mapped[Intensity | None] = mapped_column(
        enum_column(Intensity, "intensity"), nullable=True
    )
    rest_s: Mapped[int | None] = mapped_column(Integer, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Adjacent slots of a day with the same group form a superset or circuit (A1, A2…),
    # done back to back with one rest after the block. None: a slot on its own.
    group: Mapped[int | None] = mapped_column(Integer, nullable=True)

    day: Mapped[TemplateDay] = relationship(back_populates="slots", lazy="raise")
    exercise: Mapped[Exercise] = relationship(lazy="raise")

    @validates("position")
    def _check_position(self, _key: str, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError("position", "must be a whole number, 0 or more")
        return value

    @validates("sets")
    def _check_sets(self, _key: str, value: object) -> int:
        return positive_int("sets", value, maximum=50)

    @validates("reps")
    def _check_reps(self, _key: str, value: object) -> int | None:
        return positive_int("reps", value, optional=True, maximum=1000)

    @validates("seconds")
    def _check_seconds(self, _key: str, value: object) -> int | None:
        return positive_int("seconds", value, optional=True, maximum=3600)

    @validates("rest_s")
    def _check_rest(self, _key: str, value: object) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError("rest_s", "must be a whole number of seconds, 0 or more")
        return value

    @validates("side")
    def _check_side(self, _key: str, value: object) -> Side | None:
        return coerce_enum("side", Side, value)

    @validates("intensity")
    def _check_intensity(self, _key: str, value: object) -> Intensity | None:
        return coerce_enum("intensity", Intensity, value)

    @validates("tempo")
    def _check_tempo(self, _key: str, value: str | None) -> str:
        return optional_text("tempo", value, max_length=20)

    @validates("load")
    def _check_load(self, _key: str, value: str | None) -> str:
        return optional_text("load", value, max_length=60)

    @validates("notes")
    def _check_slot_notes(self, _key: str, value: str | None) -> str:
        return optional_text("notes", value)

    @validates("group")
    def _check_group(self, _key: str, value: object) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 10_000:
            raise ValidationError("group", "must be a whole number from 1 to 10000")
        return value

    def check_consistency(self) -> None:
        if self.reps is None and self.seconds is None:
            raise ValidationError("reps", "give reps or a time in seconds")
        if self.per_side and self.side is not None:
            raise ValidationError("side", "a slot is either per side or for one side")


@event.listens_for(Session, "before_flush")
def _touch_edited_templates(session: Session, _context: object, _instances: object) -> None:
    """An edit of a day or a slot marks its template updated, so another desk can tell the
    template changed from one cheap look at the template table."""
    day_ids: set[int] = set()
    template_ids: set[int] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Slot) and obj.day_id is not None:
            day_ids.add(obj.day_id)
        elif isinstance(obj, TemplateDay) and obj.template_id is not None:
            template_ids.add(obj.template_id)
    unknown = set()
    for day_id in day_ids:  # the day is usually loaded already: no query then
        day = session.identity_map.get(identity_key(TemplateDay, day_id))
        if isinstance(day, TemplateDay) and day.template_id is not None:
            template_ids.add(day.template_id)
        else:
            unknown.add(day_id)
    if unknown:
        template_ids |= set(session.scalars(
            select(TemplateDay.template_id).where(TemplateDay.id.in_(unknown))))
    if template_ids:
        session.execute(update(Template).where(Template.id.in_(template_ids))
                        .values(updated_at=utcnow()))
