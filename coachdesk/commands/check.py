"""``coachdesk check FILE``: the balance report of a template file, as a table or JSON."""

from __future__ import annotations

import json
import os
import shutil
import sys
import textwrap
from pathlib import Path
from typing import TextIO

from coachdesk.checks import ExerciseInfo, Report, Severity, evaluate
from coachdesk.errors import CoachDeskError
from coachdesk.formats.resolve import client_profile, resolve_week
from coachdesk.formats.template_file import TemplateFormatError, read_template_file
from coachdesk.paths import ENV_DATABASE_URL

EXIT_OK, EXIT_ERROR_FINDING, EXIT_INVALID = 0, 1, 2


def library_infos(db_location: str | None) -> tuple[ExerciseInfo, ...]:
    """The exercises to match names against: the database's when one is named (by ``--db``
    or the environment), else the shipped starter library, so no database is created."""
    if db_location is None and not os.environ.get(ENV_DATABASE_URL):
        from coachdesk.library.infos import starter_exercise_infos

        return starter_exercise_infos()
    from coachdesk.opening import open_existing_database
    from coachdesk.services.balance import library_for_checks

    db = open_existing_database(db_location)
    try:
        return library_for_checks(db)
    finally:
        db.dispose()


def run(path: str, as_json: bool, db_location: str | None,
        out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        template = read_template_file(Path(path))
        library = library_infos(db_location)
        week = resolve_week(template, library, source=path)
    except TemplateFormatError as error:
        print(f"coachdesk check: {error}", file=err)
        return EXIT_INVALID
    except CoachDeskError as error:
        print(f"coachdesk check: {error}", file=err)
        return EXIT_INVALID
    report = evaluate(week, client_profile(template), library)
    if as_json:
        json.dump(report.to_dict(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(format_report(report, template.name))
    return EXIT_ERROR_FINDING if report.errors else EXIT_OK


def format_report(report: Report, name: str) -> str:
    width = max(shutil.get_terminal_size((100, 20)).columns, 60)
    lines = [f"Balance check: {name}"]
    stats = report.stats
    lines.append(
        f"{stats.sessions_per_week} sessions"
        f"{f' + {stats.micro_sessions} micro-session' if stats.micro_sessions else ''}"
        f"{'s' if stats.micro_sessions > 1 else ''} · {stats.working_sets} working sets · "
        f"{stats.unilateral_share:.0%} single-leg · {stats.core_sets} core sets"
    )
    lines.append("")
    if not report.findings:
        lines.append("No findings: a balanced week.")
        return "\n".join(lines) + "\n"
    severity_width = max(len(str(f.severity)) for f in report.findings)
    code_width = max(len(f.code) for f in report.findings)
    indent = severity_width + code_width + 4
    for finding in report.findings:
        head = f"{str(finding.severity).upper():<{severity_width}}  {finding.code:<{code_width}}  "
        wrapped = textwrap.wrap(finding.message, width - indent) or [""]
        lines.append(head + wrapped[0])
        lines += [" " * indent + more for more in wrapped[1:]]
        for hint_line in textwrap.wrap(f"→ {finding.hint}", width - indent):
            lines.append(" " * indent + hint_line)
    counts = {s: sum(1 for f in report.findings if f.severity == s) for s in Severity}
    lines.append("")
    lines.append(f"{counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, "
                 f"{counts[Severity.INFO]} notes")
    return "\n".join(lines) + "\n"
