"""Two desks on one season (SQLite and, with COACHDESK_TEST_DATABASE_URL, PostgreSQL): a
stale save or delete is refused and the other desk's blocks kept; both desks opening on a
block's first day set the runner's stage once, without an error on either."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta

import pytest

from coachdesk.db import Database, connect
from coachdesk.errors import StaleEditError
from coachdesk.season import BlockStage, SeasonBlock
from coachdesk.services import clients
from coachdesk.services import seasons as svc
from tests.season.helpers import TODAY, add_runner


@pytest.fixture
def other(db: Database) -> Iterator[Database]:
    desk = connect(db.url)
    yield desk
    desk.dispose()


@pytest.fixture
def season(db: Database) -> svc.SeasonView:
    return svc.get_season(db, svc.plan_season(db, add_runner(db), TODAY))


def test_a_stale_block_edit_is_refused_and_the_other_desks_blocks_kept(db, other, season
                                                                        ) -> None:
    seen_by_b = svc.get_season(other, season.id)
    theirs = (SeasonBlock(BlockStage.STRENGTH, 8, deload_week=4), SeasonBlock(
        BlockStage.TAPER, 2))
    svc.update_season(other, season.id, theirs, seen_by_b.version)
    with pytest.raises(StaleEditError) as refused:
        svc.update_season(db, season.id, season.plan.blocks[:2], season.version)
    assert "another desk" in str(refused.value)
    assert svc.get_season(db, season.id).plan.blocks == theirs


def test_deleting_a_season_another_desk_just_edited_is_refused(db, other, season) -> None:
    svc.update_season(other, season.id, season.plan.blocks[1:], season.version)
    with pytest.raises(StaleEditError):
        svc.delete_season(db, season.id, expected=season.version)
    assert svc.get_season(db, season.id).plan.blocks == season.plan.blocks[1:]


def test_two_desks_opening_on_a_blocks_first_day_set_the_stage_once(db, other, season
                                                                    ) -> None:
    strength_day = season.plan.start + timedelta(weeks=2)
    results: dict[str, object] = {}

    def open_desk(name: str, desk: Database) -> None:
        try:
            results[name] = svc.follow_seasons(desk, strength_day)
        except Exception as error:
            results[name] = error

    threads = [threading.Thread(target=open_desk, args=(n, d))
               for n, d in (("a", db), ("b", other))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert all(isinstance(r, list) for r in results.values()), results
    assert sum(len(r) for r in results.values()) == 1  # type: ignore[arg-type]
    assert clients.get_client(db, season.client_id).data.stage == "strength"
