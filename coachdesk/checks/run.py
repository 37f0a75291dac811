"""``evaluate``: a week (and a client) in, a report out. Above both the report's types
and the rules, which import those types."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from coachdesk.checks.report import (
    SEVERITY_ORDER,
    Context,
    Finding,
    Report,
    compute_stats,
    is_micro,
    place,
)
from coachdesk.checks.rules import RULES
from coachdesk.checks.settings import CheckSettings
from coachdesk.checks.week import ClientProfile, ExerciseInfo, Week


def evaluate(
    week: Week,
    client: ClientProfile | None = None,
    library: Sequence[ExerciseInfo] = (),
    settings: CheckSettings | None = None,
    today: date | None = None,
) -> Report:
    """Run every rule over the week; findings come worst first, in rule order.

    An empty week gets ``EMPTY_WEEK`` alone: every other finding would be noise. ``today``
    dates the week for the rules that count days to the client's race.
    """
    settings = settings or CheckSettings()
    placed = place(week)
    active = [d for d in week.days if d.slots]
    micro = tuple(d.weekday for d in active if is_micro(d, settings))
    training = tuple(d.weekday for d in active if d.weekday not in micro)
    by_day = {d.weekday: tuple(p for p in placed if p.weekday == d.weekday) for d in active}
    stats = compute_stats(placed, len(training), len(micro))
    context = Context(week, client, library, settings, placed, stats, training, by_day,
                      micro, today)
    findings: list[Finding] = []
    for rule in RULES:
        found = list(rule(context))
        findings.extend(found)
        if found and found[0].code == "EMPTY_WEEK":
            break
    findings.sort(key=lambda f: SEVERITY_ORDER[f.severity])
    return Report(tuple(findings), stats, settings)
