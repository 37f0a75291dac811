"""What kinds of record changed: the notices areas refresh by.

A use case run from the UI says which kinds it changed (``Change``); for changes made on
another desk, :func:`change_stamps` reads a cheap fingerprint of each kind (count, latest
update, sum of versions) that the window compares when it regains focus, so only the
areas showing a changed kind reload.
"""

from __future__ import annotations

import hashlib
import json
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the window imports Change before SQLAlchemy has loaded
    from coachdesk.db import Database


class Change(StrEnum):
    CLIENTS = "clients"
    EXERCISES = "exercises"
    TEMPLATES = "templates"
    PROGRAMS = "programs"
    SETTINGS = "settings"  # coach settings and the brand profile


Stamps = dict[Change, tuple[Any, ...]]


def change_stamps(db: Database) -> Stamps:
    """One fingerprint per kind, in one read transaction (a handful of aggregate queries)."""
    from sqlalchemy import func, select

    from coachdesk.models import AppSetting, BrandProfile, Client, Exercise, Program, Template

    versioned = {Change.CLIENTS: Client, Change.EXERCISES: Exercise,
                 Change.TEMPLATES: Template, Change.PROGRAMS: Program}
    stamps: Stamps = {}
    with db.read() as session:
        for kind, model in versioned.items():
            row = session.execute(select(func.count(model.id), func.max(model.updated_at),
                                         func.sum(model.version))).one()
            stamps[kind] = tuple(str(v) for v in row)
        settings = session.execute(select(AppSetting.key, AppSetting.value)
                                   .order_by(AppSetting.key)).all()
        brand = session.execute(select(func.max(BrandProfile.updated_at))).scalar()
    digest = hashlib.sha256(json.dumps([list(r) for r in settings], sort_keys=True,
                                       default=str).encode()).hexdigest()
    stamps[Change.SETTINGS] = (digest, str(brand))
    return stamps


def changed_kinds(before: Stamps, after: Stamps) -> frozenset[Change]:
    return frozenset(kind for kind in Change if before.get(kind) != after.get(kind))
