"""The studio's brand profile: one row, edited in the brand dialog."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from sqlalchemy import select

from coachdesk.db import Database
from coachdesk.merge import merge_edit
from coachdesk.models import BrandProfile


@dataclass(frozen=True)
class BrandData:
    business_name: str = ""
    logo_path: str | None = None
    primary_color: str = "#1f6f5c"
    accent_color: str = "#e07a2f"
    email: str = ""
    phone: str = ""
    website: str = ""
    footer: str = ""
    paper: str = "A4"
    units: str = "kg"

    def with_changes(self, **changes: Any) -> BrandData:
        return replace(self, **changes)


FIELDS = tuple(f.name for f in fields(BrandData))


def get_brand(db: Database) -> BrandData:
    with db.read() as session:
        profile = session.scalars(select(BrandProfile).limit(1)).first()
        if profile is None:
            return BrandData()
        return BrandData(**{name: getattr(profile, name) for name in FIELDS})


def save_brand(db: Database, data: BrandData, expected: BrandData | None = None,
               keep_mine: bool = False) -> None:
    """Validate with the model's rules and save in one transaction. With ``expected`` (the
    brand as this desk loaded it) only this desk's changes are written over another desk's
    later save; a field both changed raises :class:`StaleEditError`, nothing written."""
    with db.write() as session:
        profile = session.scalars(select(BrandProfile).limit(1).with_for_update()).first()
        if expected is not None:
            current = (BrandData(**{n: getattr(profile, n) for n in FIELDS})
                       if profile is not None else BrandData())
            data = BrandData(**merge_edit(asdict(expected), asdict(data), asdict(current),
                                          "The brand", keep_mine))
        if profile is None:
            profile = BrandProfile()
            session.add(profile)
        for name in FIELDS:
            setattr(profile, name, getattr(data, name))
