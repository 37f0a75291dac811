"""Change fingerprints: an edit of one kind of record changes that kind's stamp only."""

from __future__ import annotations

from sqlalchemy import select

from coachdesk.db import Database
from coachdesk.models import Exercise
from coachdesk.services import clients, settings
from coachdesk.services import templates as svc
from coachdesk.services.changes import Change, change_stamps, changed_kinds


def test_each_kind_of_edit_changes_only_its_own_stamp(db: Database) -> None:
    with db.read() as session:
        nordic = session.scalars(select(Exercise.id).where(Exercise.name == "Nordic Curl")).one()
    template_id = svc.create_template(db, "Week")
    slot_id = svc.add_slot(db, template_id, "mon", nordic)
    client_id = clients.create_client(db, clients.ClientData(name="Ana"))

    def after(edit) -> frozenset[Change]:
        before = change_stamps(db)
        edit()
        return changed_kinds(before, change_stamps(db))

    fields = svc.load_week(db, template_id).slot(slot_id).fields
    # A slot edit leaves the template row itself alone: the touch hook marks it updated.
    assert after(lambda: svc.update_slot(db, slot_id, fields.__class__(
        **{**fields.as_dict(), "reps": 12}))) == {Change.TEMPLATES}
    assert after(lambda: svc.set_day_title(db, template_id, "tue", "Easy")) == \
        {Change.TEMPLATES}
    data = clients.get_client(db, client_id).data
    assert after(lambda: clients.update_client(db, client_id, data.with_changes(
        notes="Sub-4 in April"))) == {Change.CLIENTS}
    loaded = settings.load_settings(db)
    assert after(lambda: settings.save_settings(db, loaded.with_changes(default_sets=4))) \
        == {Change.SETTINGS}
    assert after(lambda: None) == frozenset()
