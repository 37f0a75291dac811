"""``coachdesk archive export|import FILE.zip``: move all data between machines and engines.

Exit 0 when done; 2 when refused (bad archive, database not empty, file exists, database
cannot be opened), with the reason on stderr. A refused import writes nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from coachdesk.errors import CoachDeskError

EXIT_OK, EXIT_REFUSED = 0, 2


def run(action: str, file: str, db_location: str | None, overwrite: bool = False,
        stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    from coachdesk.opening import open_app_database

    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    from coachdesk.services.archive import export_archive, import_archive

    prefix = f"coachdesk archive {action}"
    path = Path(file)
    try:
        if action == "import" and not path.is_file():
            raise CoachDeskError(f"{path} does not exist." if not path.exists()
                                 else f"{path} is not a file.")
        if action == "export" and path.exists() and not overwrite:
            raise CoachDeskError(f"{path} already exists; nothing was written. Use "
                                 "--overwrite to replace it.")
        db = open_app_database(db_location)
    except CoachDeskError as error:
        print(f"{prefix}: {error}", file=stderr)
        return EXIT_REFUSED
    try:
        if action == "export":
            written = export_archive(db, path)
            print(f"{written}", file=stdout)
        else:
            counts = import_archive(db, path)
            print(f"Imported {_count(counts, 'client')}, {_count(counts, 'template')}, "
                  f"{_count(counts, 'program')} and {_count(counts, 'exercise')} into "
                  f"{db.display_name}.", file=stdout)
    except CoachDeskError as error:
        print(f"{prefix}: {error}", file=stderr)
        return EXIT_REFUSED
    except OSError as error:
        print(f"{prefix}: {error.filename or path}: {error.strerror or error}", file=stderr)
        return EXIT_REFUSED
    finally:
        db.dispose()
    return EXIT_OK


def _count(counts: dict[str, int], table: str) -> str:
    n = counts.get(table, 0)
    return f"{n} {table}" if n == 1 else f"{n} {table}s"
