"""Balance checks: pure rules over a plain week (no Qt, no database)."""

from coachdesk.checks.report import Finding, Fix, FixKind, Report, Severity, Stats
from coachdesk.checks.run import evaluate
from coachdesk.checks.settings import CheckSettings
from coachdesk.checks.week import ClientProfile, Day, ExerciseInfo, Slot, Week

__all__ = [
    "CheckSettings",
    "ClientProfile",
    "Day",
    "ExerciseInfo",
    "Finding",
    "Fix",
    "FixKind",
    "Report",
    "Severity",
    "Slot",
    "Stats",
    "Week",
    "evaluate",
]
