"""A separate process that edits a database in a loop, printing each committed edit.

``python edit_worker.py DB NAME SECONDS`` creates clients named ``NAME-<n>`` and edits each
one once, printing ``n`` after every commit, and counting "database is locked" errors.
"""

from __future__ import annotations

import sys
import time

from sqlalchemy.exc import OperationalError

from coachdesk.db import open_database
from coachdesk.services import clients


def main() -> int:
    location, name, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    db = open_database(location)
    locked = 0
    n = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            client_id = clients.create_client(db, clients.ClientData(name=f"{name}-{n}"))
            clients.update_client(db, client_id, clients.ClientData(
                name=f"{name}-{n}", notes=f"edited {n}"))
        except OperationalError as error:
            if "locked" in str(error):
                locked += 1
                continue
            raise
        print(n, flush=True)
        n += 1
    print(f"done {n} locked {locked}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
