"""An exercise in the coach's library, built-in or coach-made."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, String, Text, event, inspect
from sqlalchemy.orm import Mapped, mapped_column, validates

from coachdesk.errors import ValidationError
from coachdesk.links import is_web_link
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
from coachdesk.vocab import (
    CorePlane,
    ExternalLoad,
    Impact,
    Laterality,
    LoadType,
    Muscle,
    Pattern,
    Phase,
)


def name_key(name: str) -> str:
    """The case- and space-insensitive form names are compared by."""
    return " ".join(name.split()).casefold()


def validate_video_url(value: str | None) -> str | None:
    """A web link (http or https, with a host), or None. Local paths and other schemes
    are refused: "Open Demo Video" hands the link to the operating system, which would
    run or open whatever a shared library file named."""
    if value is not None and not isinstance(value, str):
        raise ValidationError("video_url", "the Video link must be text: a web link that "
                              "starts with https:// or http://")
    text = (value or "").strip()
    if not text:
        return None
    if not is_web_link(text):
        raise ValidationError("video_url", f"Video link {text[:200]!r} is not a web link: only "
                              "an http(s) link, starting with https:// or http://, can be "
                              "opened")
    return text


def ordered_muscles(field: str, value: object) -> list[str]:
    """Muscle groups checked against the vocabulary, in the coach's order (main first)."""
    if value is None:
        return []
    coerce_enum_list(field, Muscle, value)
    return list(dict.fromkeys(Muscle(m).value for m in value))  # type: ignore[union-attr]


class Exercise(Timestamps, Base):
    __tablename__ = "exercise"
    __table_args__ = (
        CheckConstraint(
            "NOT plyometric OR phase = 'power'", name="plyometric_is_power"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stable identity of a shipped exercise (starter library key); None for coach-made.
    builtin_key: Mapped[str | None] = mapped_column(String(80), unique=True, nullable=True)
    name: Mapped[str] = mapped_column(String(120))
    name_key: Mapped[str] = mapped_column(String(120), unique=True)
    aliases: Mapped[list[str]] = mapped_column(default=list)
    # Prime movers, main mover first; the balance checks count coverage by these only.
    primary_muscles: Mapped[list[str]] = mapped_column(default=list)
    # Groups that assist or stabilise; shown in the stats at half weight.
    secondary_muscles: Mapped[list[str]] = mapped_column(default=list)
    pattern: Mapped[Pattern] = mapped_column(enum_column(Pattern, "pattern"))
    impact: Mapped[Impact] = mapped_column(enum_column(Impact, "impact"), default=Impact.LOW)
    external_load: Mapped[ExternalLoad] = mapped_column(
        enum_column(ExternalLoad, "external_load"), default=ExternalLoad.BODYWEIGHT
    )
    # Set when the movement fields were guessed (an upgrade or an old file): the library
    # asks the coach to confirm them; saving the exercise clears it.
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    # For a built-in exercise the coach has not edited: the content hash of the shipped
    # version it holds, so a newer CoachDesk can refresh it. None once the coach edits it.
    shipped_revision: Mapped[str | None] = mapped_column(String(64), nullable=True)
    laterality: Mapped[Laterality] = mapped_column(enum_column(Laterality, "laterality"))
    core_plane: Mapped[CorePlane | None] = mapped_column(
        enum_column(CorePlane, "core_plane"), nullable=True
    )
    phase: Mapped[Phase] = mapped_column(enum_column(Phase, "phase"))
    plyometric: Mapped[bool] = mapped_column(Boolean, default=False)
    eccentric: Mapped[bool] = mapped_column(Boolean, default=False)
    equipment: Mapped[list[str]] = mapped_column(default=list)
    load_type: Mapped[LoadType] = mapped_column(
        enum_column(LoadType, "load_type"), default=LoadType.BODYWEIGHT
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    image_path: Mapped[str | None] = mapped_column(String(500), nullable=True)
    video_url: Mapped[str | None] = mapped_column(String(1000), nullable=True)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = version_column()

    __mapper_args__ = {"version_id_col": version}

    @property
    def builtin(self) -> bool:
        return self.builtin_key is not None

    @validates("name")
    def _check_name(self, _key: str, value: str) -> str:
        text = " ".join(require_text("name", value, max_length=120).split())
        self.name_key = name_key(text)
        return text

    @validates("aliases")
    def _check_aliases(self, _key: str, value: object) -> list[str]:
        if value is None:
            return []
        if isinstance(value, str):
            raise ValidationError("aliases", "must be a list")
        cleaned: list[str] = []
        for alias in value:  # type: ignore[union-attr]
            text = " ".join(str(alias).split())
            if text and name_key(text) not in {name_key(a) for a in cleaned}:
                cleaned.append(require_text("aliases", text, max_length=120))
        return cleaned

    @validates("primary_muscles")
    def _check_primary(self, _key: str, value: object) -> list[str]:
        muscles = ordered_muscles("primary_muscles", value)
        if not muscles:
            raise ValidationError("primary_muscles", "choose at least one prime mover")
        return muscles

    @validates("secondary_muscles")
    def _check_secondary(self, _key: str, value: object) -> list[str]:
        return ordered_muscles("secondary_muscles", value)

    @validates("pattern")
    def _check_pattern(self, _key: str, value: object) -> Pattern:
        if value is None:
            raise ValidationError("pattern", "is required")
        return coerce_enum("pattern", Pattern, value)

    @validates("impact")
    def _check_impact(self, _key: str, value: object) -> Impact:
        return coerce_enum("impact", Impact, value or Impact.LOW)

    @validates("external_load")
    def _check_external_load(self, _key: str, value: object) -> ExternalLoad:
        return coerce_enum("external_load", ExternalLoad, value or ExternalLoad.BODYWEIGHT)

    @validates("laterality")
    def _check_laterality(self, _key: str, value: object) -> Laterality:
        if value is None:
            raise ValidationError("laterality", "is required")
        return coerce_enum("laterality", Laterality, value)

    @validates("core_plane")
    def _check_plane(self, _key: str, value: object) -> CorePlane | None:
        return coerce_enum("core_plane", CorePlane, value)

    @validates("phase")
    def _check_phase(self, _key: str, value: object) -> Phase:
        if value is None:
            raise ValidationError("phase", "is required")
        return coerce_enum("phase", Phase, value)

    @validates("load_type")
    def _check_load_type(self, _key: str, value: object) -> LoadType:
        return coerce_enum("load_type", LoadType, value or LoadType.BODYWEIGHT)

    @validates("equipment")
    def _check_equipment(self, _key: str, value: object) -> list[str]:
        if value is None:
            return []
        if isinstance(value, str):
            raise ValidationError("equipment", "must be a list")
        items = [" ".join(str(v).split()).lower() for v in value]  # type: ignore[union-attr]
        return list(dict.fromkeys(i for i in items if i))

    @validates("video_url")
    def _check_video(self, _key: str, value: str | None) -> str | None:
        return validate_video_url(value)

    @validates("notes")
    def _check_notes(self, _key: str, value: str | None) -> str:
        return optional_text("notes", value, max_length=50_000)

    def consistency_problems(self) -> list[ValidationError]:
        """Every cross-field rule this exercise breaks (a form marks them all at once)."""
        problems = []
        if self.plyometric and self.phase != Phase.POWER:
            problems.append(ValidationError(
                "phase", "a plyometric exercise belongs to the power phase"))
        if self.core_plane is not None and Muscle.CORE.value not in (self.primary_muscles
                                                                     or ()):
            problems.append(ValidationError(
                "primary_muscles", "core work must list the core among its prime movers"))
        return problems

    def check_consistency(self) -> None:
        """Cross-field rules, run by the services before a save."""
        for problem in self.consistency_problems():
            raise problem
        self.secondary_muscles = [m for m in self.secondary_muscles
                                  if m not in self.primary_muscles]

    def __repr__(self) -> str:
        return f"Exercise(id={self.id!r}, name={self.name!r})"


# The fields a shipped exercise brings; a change to any of them makes the row the coach's own.
SHIPPED_FIELDS = ("name", "aliases", "primary_muscles", "secondary_muscles", "pattern", "impact",
                  "external_load", "laterality", "core_plane", "phase", "plyometric",
                  "eccentric", "equipment", "load_type", "notes", "video_url", "image_path")


@event.listens_for(Exercise, "before_update")
def _edited_rows_leave_the_shipped_version(_mapper: object, _connection: object,
                                           exercise: Exercise) -> None:
    """However an exercise is edited, a newer starter library must never overwrite it."""
    state = inspect(exercise)
    if state.attrs.shipped_revision.history.has_changes():
        return  # seeding is bringing the row up to a newer shipped version
    if any(state.attrs[name].history.has_changes() for name in SHIPPED_FIELDS):
        exercise.shipped_revision = None
