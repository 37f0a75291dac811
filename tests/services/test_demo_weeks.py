"""The demo studio shows what a good week looks like: each demo week, checked against the
runner it was written for, has no warning or error."""

from __future__ import annotations

import pytest

from coachdesk.db import Database
from coachdesk.services import balance, templates
from coachdesk.services.demo import load_demo_studio


@pytest.mark.parametrize(("template", "runner"), [
    ("In-season 2× full body", "Ana Río"),
    ("Stability base 3×", "Ben Okafor"),
])
def test_each_demo_week_is_clear_for_its_runner(db: Database, template: str,
                                                runner: str) -> None:
    load_demo_studio(db)
    template_id = next(t.id for t in templates.list_templates(db) if t.name == template)
    profile = next(c.profile for c in balance.client_choices(db) if c.name == runner)
    report = balance.check_week(templates.load_week(db, template_id), profile,
                                balance.library_for_checks(db))
    loud = [f"{f.code}: {f.message}" for f in (*report.errors, *report.warnings)]
    assert not loud, loud
