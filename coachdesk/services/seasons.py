"""Seasons: a runner's blocks up to race day. One function per use case; plain data out.

A season's blocks name templates (the weeks they repeat) by id; a template deleted later
leaves its blocks without a week, which the checks point out. Saves carry the version the
desk loaded: a save over another desk's newer one is refused (:class:`StaleEditError`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from coachdesk.checks import Week
from coachdesk.checks.season import SeasonReport, check_season
from coachdesk.db import Database
from coachdesk.errors import NotFoundError, StaleEditError, ValidationError
from coachdesk.models import Client, SeasonRecord, Template
from coachdesk.season import SeasonBlock, SeasonPlan, plan_backward
from coachdesk.services.records import get_or_raise
from coachdesk.vocab import Season, Stage


@dataclass(frozen=True)
class SeasonView:
    id: int
    client_id: int
    client_name: str
    plan: SeasonPlan
    start_stage: Stage | None
    version: int
    key_run_days: tuple[str, ...] = ()


def _view(record: SeasonRecord, client: Client) -> SeasonView:
    return SeasonView(record.id, record.client_id, client.name, record.plan(),
                      Stage(record.start_stage) if record.start_stage else None,
                      record.version, tuple(str(d) for d in client.key_run_days))


def _check_templates(session: object, blocks: Sequence[SeasonBlock]) -> None:
    for number, block in enumerate(blocks, start=1):
        if block.template_id is not None and \
                session.get(Template, block.template_id) is None:  # type: ignore[attr-defined]
            raise ValidationError(f"block {number} template", "that template no longer "
                                  "exists; choose another")


def list_seasons(db: Database, client_id: int | None = None) -> list[SeasonView]:
    with db.read() as session:
        query = (select(SeasonRecord, Client).join(Client, Client.id == SeasonRecord.client_id)
                 .order_by(Client.name, SeasonRecord.start_date.desc(), SeasonRecord.id))
        if client_id is not None:
            query = query.where(SeasonRecord.client_id == client_id)
        return [_view(record, client) for record, client in session.execute(query)]


def get_season(db: Database, season_id: int) -> SeasonView:
    with db.read() as session:
        record = get_or_raise(session, SeasonRecord, season_id, "season")
        client = get_or_raise(session, Client, record.client_id, "client")
        return _view(record, client)


def create_season(db: Database, client_id: int, start: date, blocks: Sequence[SeasonBlock],
                  race_date: date | None = None, start_stage: Stage | None = None) -> int:
    plan = SeasonPlan(start, tuple(blocks), race_date)  # checked before anything is written
    with db.write() as session:
        client = get_or_raise(session, Client, client_id, "client")
        _check_templates(session, plan.blocks)
        record = SeasonRecord(client_id=client_id, start_date=plan.start,
                              race_date=plan.race_date,
                              start_stage=start_stage or Stage(client.stage),
                              blocks=plan.blocks_json())
        session.add(record)
        session.flush()
        return record.id


def propose(db: Database, client_id: int, today: date | None = None) -> SeasonPlan:
    """Blocks planned backward from the client's race day, from their stage and season."""
    with db.read() as session:
        client = get_or_raise(session, Client, client_id, "client")
        if client.race_date is None:
            raise ValidationError("race_date", f"{client.name} has no race day on the roster "
                                  "yet: add it in Clients, then plan backward from it")
        race, stage, season = client.race_date, Stage(client.stage), Season(client.season)
    return plan_backward(race, today or date.today(), stage, season)


def plan_season(db: Database, client_id: int, today: date | None = None) -> int:
    """A new season for the client, planned backward from their race day."""
    plan = propose(db, client_id, today)
    return create_season(db, client_id, plan.start, plan.blocks, plan.race_date)


def update_season(db: Database, season_id: int, blocks: Sequence[SeasonBlock], expected: int,
                  start: date | None = None, race_date: date | bool | None = False) -> int:
    """Save the season's blocks (and its start and race day when given); returns the new
    version. ``expected`` is the version this desk loaded: another desk's newer save is
    never overwritten."""
    with db.write() as session:
        record = get_or_raise(session, SeasonRecord, season_id, "season", for_update=True)
        if record.version != expected:
            raise StaleEditError("This season was changed on another desk after you opened "
                                 "it; nothing was overwritten. Reload it to see theirs.")
        plan = SeasonPlan(start or record.start_date, tuple(blocks),
                          record.race_date if race_date is False else race_date or None)
        _check_templates(session, plan.blocks)
        record.blocks = plan.blocks_json()
        record.start_date = plan.start
        record.race_date = plan.race_date
        session.flush()
        return record.version


def replan_season(db: Database, season_id: int, expected: int,
                  today: date | None = None) -> int:
    """Plan the season backward again from the client's race day (the coach's blocks are
    replaced); refused like :func:`update_season` when another desk saved meanwhile."""
    season = get_season(db, season_id)
    plan = propose(db, season.client_id, today)
    return update_season(db, season_id, plan.blocks, expected, plan.start, plan.race_date)


def delete_season(db: Database, season_id: int, expected: int | None = None) -> None:
    with db.write() as session:
        record = session.get(SeasonRecord, season_id)
        if record is None:
            return
        if expected is not None and record.version != expected:
            raise StaleEditError("This season was changed on another desk after you opened "
                                 "it; it was not deleted. Look at their changes first.")
        session.delete(record)


# --- the client's stage follows the season ------------------------------------------------


@dataclass(frozen=True)
class StageChange:
    client_id: int
    client_name: str
    stage: Stage


def follow_seasons(db: Database, today: date | None = None) -> list[StageChange]:
    """On a block's first day (or the first time CoachDesk opens after it) the client's
    stage becomes the block's; maintenance and taper keep the last build stage. Each block
    sets the stage once, so a coach's own change holds until the next block starts. Each
    season is its own transaction: one another desk just updated is left to that desk."""
    today = today or date.today()
    if db.read_only:
        return []
    with db.read() as session:  # the usual case (no block began): one read, no write lock
        records = session.scalars(
            select(SeasonRecord).join(Client, Client.id == SeasonRecord.client_id)
            .where(Client.archived.is_(False)))
        due = [record.id for record in records if _block_began(record, today)]
    changes = []
    for season_id in due:
        try:
            change = _follow(db, season_id, today)
        except (StaleEditError, NotFoundError):
            continue
        if change is not None:
            changes.append(change)
    return changes


def _block_began(record: SeasonRecord, today: date) -> bool:
    """Whether a block this season has not yet set the stage for is under way today."""
    block = record.plan().block_on(today)
    return block is not None and (record.stage_set_for is None
                                  or record.stage_set_for < block.start)


def _follow(db: Database, season_id: int, today: date) -> StageChange | None:
    with db.write() as session:  # looked at again under the lock: another desk may be first
        record = get_or_raise(session, SeasonRecord, season_id, "season", for_update=True)
        if not _block_began(record, today):
            return None
        plan = record.plan()
        block = plan.block_on(today)
        assert block is not None
        record.stage_set_for = block.start
        stage = plan.build_stage_on(today, record.start_stage)
        client = get_or_raise(session, Client, record.client_id, "client", for_update=True)
        if stage is None or client.stage == stage:
            return None
        client.stage = stage
        return StageChange(client.id, client.name, stage)


# --- checks -----------------------------------------------------------------------------------


def block_weeks(db: Database, plan: SeasonPlan) -> dict[int, Week | None]:
    """Each block's week as the checks read it (None: no template, or one since deleted)."""
    from coachdesk.services.balance import week_for_checks
    from coachdesk.services.templates import load_week

    weeks: dict[int, Week | None] = {}
    cache: dict[int, Week | None] = {}
    for block in plan.dated():
        template_id = block.block.template_id
        if template_id is not None and template_id not in cache:
            try:
                cache[template_id] = week_for_checks(load_week(db, template_id))
            except NotFoundError:
                cache[template_id] = None
        weeks[block.number] = cache.get(template_id) if template_id is not None else None
    return weeks


def season_report(db: Database, season_id: int) -> SeasonReport:
    """Every block's week checked with that block's stage, and the season as a whole."""
    from coachdesk.services.balance import client_profile, library_for_checks
    from coachdesk.services.settings import load_settings

    season = get_season(db, season_id)
    with db.read() as session:
        profile = client_profile(get_or_raise(session, Client, season.client_id, "client"))
    return check_season(season.plan, block_weeks(db, season.plan), profile,
                        season.start_stage, library_for_checks(db),
                        load_settings(db).check_settings())


def roster_rows(db: Database) -> list:
    """The roster as it loads: first every runner's stage brought in line with the block
    they are in today (see :func:`follow_seasons`), then the rows."""
    from coachdesk.services.clients import list_clients

    follow_seasons(db)
    return list_clients(db)
