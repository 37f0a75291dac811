"""Crash safety and two writers on one SQLite file: nothing committed is ever lost."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from coachdesk.opening import open_app_database

pytestmark = pytest.mark.sqlite_only
WORKER = Path(__file__).with_name("edit_worker.py")
KILL_TRIALS = int(os.environ.get("COACHDESK_KILL_TRIALS", "12"))
SOAK_KILL_TRIALS = 1_000
SOAK_SECONDS = float(os.environ.get("COACHDESK_SOAK_SECONDS", "60"))


def start_worker(path: Path, name: str, seconds: float) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    return subprocess.Popen([sys.executable, str(WORKER), str(path), name, str(seconds)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def stored_clients(path: Path) -> dict[str, str]:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return dict(connection.execute("SELECT name, notes FROM client"))
    finally:
        connection.close()


def test_a_process_killed_mid_burst_leaves_every_committed_edit(db_path: Path) -> None:
    assert kill_trials(db_path, KILL_TRIALS, seed=11) == (KILL_TRIALS, 0)


@pytest.mark.soak
def test_a_thousand_kills_mid_burst_lose_no_committed_edit(db_path: Path) -> None:
    """``make soak``: the same trial 1,000 times (about ten minutes on two cores)."""
    trials, lost = kill_trials(db_path, SOAK_KILL_TRIALS, seed=1_000)
    print(f"{trials} kills, {lost} committed edits lost")
    assert (trials, lost) == (SOAK_KILL_TRIALS, 0)


def kill_trials(db_path: Path, count: int, seed: int) -> tuple[int, int]:
    """Start a writer, SIGKILL it after a random number of commits, count what it had
    committed and is missing; ``count`` times. Returns (trials, edits lost)."""
    rng = random.Random(seed)
    lost = 0
    for trial in range(count):
        worker = start_worker(db_path, f"t{trial}", 30)
        target = rng.randint(3, 40)
        committed = -1
        assert worker.stdout is not None
        for line in worker.stdout:
            committed = int(line.split()[0])
            if committed >= target:
                break
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        names = stored_clients(db_path)
        for n in range(committed + 1):
            if names.get(f"t{trial}-{n}") != f"edited {n}":
                lost += 1
    db = open_app_database(str(db_path))  # and the app opens it as ever
    db.dispose()
    return count, lost


@pytest.mark.slow
def test_two_processes_editing_one_database_lose_nothing_and_never_lock(db_path: Path) -> None:
    workers = [start_worker(db_path, name, SOAK_SECONDS) for name in ("a", "b")]
    outputs = [w.communicate(timeout=SOAK_SECONDS + 60) for w in workers]
    names = stored_clients(db_path)
    for (stdout, stderr), name, worker in zip(outputs, ("a", "b"), workers, strict=True):
        assert worker.returncode == 0, stderr
        done_line = stdout.strip().splitlines()[-1].split()
        done, locked = int(done_line[1]), int(done_line[3])
        assert locked == 0
        assert done > 20
        missing = [n for n in range(done) if names.get(f"{name}-{n}") != f"edited {n}"]
        assert missing == []
