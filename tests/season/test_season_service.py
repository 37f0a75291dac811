"""Seasons in the database: planned backward from the runner's race day, edited with the
version the desk loaded, checked block by block, and the client's stage following them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from coachdesk.errors import StaleEditError, ValidationError
from coachdesk.season import BlockStage, SeasonBlock
from coachdesk.services import clients
from coachdesk.services import seasons as svc
from coachdesk.vocab import Stage
from tests.season.helpers import RACE, TODAY, add_runner, jump_week

START = TODAY + timedelta(days=5)


def stage_of(db, client_id: int) -> str:
    return clients.get_client(db, client_id).data.stage


def test_planning_backward_stores_the_blocks_up_to_the_race_week(db) -> None:
    ana = add_runner(db)
    season = svc.get_season(db, svc.plan_season(db, ana, TODAY))
    assert [(b.stage.value, b.weeks) for b in season.plan.blocks] == [
        ("stability", 2), ("strength", 4), ("power", 2), ("taper", 2)]
    assert season.plan.start == START and season.plan.race_date == RACE
    assert season.start_stage == Stage.STABILITY and season.client_name == "Ana Runner"
    assert [s.id for s in svc.list_seasons(db, ana)] == [season.id]


def test_a_runner_without_a_race_day_is_told_to_add_one(db) -> None:
    ben = add_runner(db, "Ben", race=None)
    with pytest.raises(ValidationError) as refused:
        svc.plan_season(db, ben, TODAY)
    assert refused.value.field == "race_date" and "Ben has no race day" in str(refused.value)
    assert svc.list_seasons(db, ben) == []


def test_a_stale_edit_of_the_blocks_is_refused_and_nothing_is_written(db) -> None:
    season = svc.get_season(db, svc.plan_season(db, add_runner(db), TODAY))
    mine = (SeasonBlock(BlockStage.STRENGTH, 6, deload_week=4), *season.plan.blocks[2:])
    newer = svc.update_season(db, season.id, mine, season.version)
    with pytest.raises(StaleEditError):
        svc.update_season(db, season.id, season.plan.blocks[:1], season.version)
    assert svc.get_season(db, season.id).plan.blocks == mine
    assert svc.get_season(db, season.id).version == newer


def test_a_block_naming_a_missing_template_is_refused_naming_the_block(db) -> None:
    season = svc.get_season(db, svc.plan_season(db, add_runner(db), TODAY))
    with pytest.raises(ValidationError) as refused:
        svc.update_season(db, season.id, (SeasonBlock(BlockStage.STRENGTH, 3, 999),),
                          season.version)
    assert refused.value.field == "block 1 template"
    assert svc.get_season(db, season.id).plan == season.plan


def test_the_stage_changes_on_the_first_day_of_a_block_and_the_coachs_override_holds(db
                                                                                     ) -> None:
    ana = add_runner(db)
    season = svc.get_season(db, svc.plan_season(db, ana, TODAY))
    strength_day = START + timedelta(weeks=2)
    assert svc.follow_seasons(db, strength_day - timedelta(days=1)) == []
    assert stage_of(db, ana) == "stability"
    [change] = svc.follow_seasons(db, strength_day)
    assert (change.client_name, change.stage) == ("Ana Runner", Stage.STRENGTH)
    assert stage_of(db, ana) == "strength"
    row = clients.get_client(db, ana)  # the coach sets stability back by hand
    clients.update_client(db, ana, row.data.with_changes(stage="stability"), row.version)
    assert svc.follow_seasons(db, strength_day + timedelta(days=3)) == []
    assert stage_of(db, ana) == "stability"  # held until the next block
    power_day = START + timedelta(weeks=6)
    svc.follow_seasons(db, power_day)
    assert stage_of(db, ana) == "power"
    svc.follow_seasons(db, power_day + timedelta(weeks=2))  # the taper keeps power
    assert stage_of(db, ana) == "power"
    assert season.plan.stage_on(power_day + timedelta(weeks=2)) == BlockStage.TAPER


def test_each_blocks_week_is_checked_with_that_blocks_stage(db) -> None:
    ana = add_runner(db)
    season = svc.get_season(db, svc.plan_season(db, ana, TODAY))
    spring = jump_week(db)
    blocks = tuple(SeasonBlock(b.stage, b.weeks, spring, b.deload_week)
                   for b in season.plan.blocks)
    svc.update_season(db, season.id, blocks, season.version)
    report = svc.season_report(db, season.id)
    assert "PLYO_BEFORE_STRENGTH" in report.blocks[1].codes()  # stability: no jumps yet
    assert "PLYO_BEFORE_STRENGTH" not in report.blocks[3].codes()  # power: jumps belong
    assert "RACE_RUN_IN_HEAVY" in report.codes()
    assert "TAPER_LOAD" in report.blocks[4].codes()


def test_deleting_the_client_deletes_their_seasons(db) -> None:
    ana = add_runner(db)
    svc.plan_season(db, ana, TODAY)
    clients.delete_client(db, ana)
    assert svc.list_seasons(db) == []


def test_a_roster_load_with_no_block_beginning_takes_no_write_lock(db, monkeypatch) -> None:
    """The roster loads after every save: following the seasons must not open a write
    transaction per season when no block has begun."""
    from coachdesk.db import Database

    for name in ("Ana", "Ben", "Cara"):
        svc.plan_season(db, add_runner(db, name), TODAY)
    svc.follow_seasons(db, START)  # each first block sets its stage once
    writes: list[object] = []
    real_write = Database.write
    monkeypatch.setattr(Database, "write",
                        lambda self, *a, **k: writes.append(1) or real_write(self, *a, **k))
    assert svc.follow_seasons(db, START + timedelta(days=3)) == []
    assert writes == []
    assert len(svc.follow_seasons(db, START + timedelta(weeks=2))) == 3  # a block began
    assert len(writes) == 3
