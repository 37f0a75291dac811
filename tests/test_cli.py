"""The command line: version, the smoke test, and a clear line when there is no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coachdesk import __version__, cli


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "coachdesk", *args],
        capture_output=True, text=True, timeout=90, env=env or dict(os.environ),
    )


def test_version_prints_the_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_smoke_test_opens_the_window_and_reports_first_paint(db_path: Path) -> None:
    result = run_cli("--smoke-test", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    first_line = result.stdout.splitlines()[0]
    assert first_line.startswith("first paint: ")
    assert 0 < float(first_line.split()[2]) < 60


def test_smoke_test_fails_cleanly_on_a_bad_database(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"\x00garbage" * 1000)
    result = run_cli("--smoke-test", "--db", str(bad))
    assert result.returncode == 1
    assert "error:" in result.stderr
    assert "Traceback" not in result.stderr


def test_without_a_display_the_app_says_so_in_one_line() -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = run_cli(env=env)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "display" in result.stderr
    assert "Traceback" not in result.stderr


def test_display_problem_names_the_missing_xcb_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    import ctypes.util

    monkeypatch.setattr(ctypes.util, "find_library", lambda _name: None)
    assert "libxcb-cursor0" in (cli.display_problem() or "")


def test_backup_writes_a_copy_and_prints_its_path(db_path: Path, tmp_path: Path) -> None:
    import sqlite3

    result = run_cli("backup", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    written = Path(result.stdout.strip())
    assert written.parent == db_path.parent / "backups" and written.is_file()
    connection = sqlite3.connect(f"file:{written}?mode=ro", uri=True)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert connection.execute("SELECT count(*) FROM exercise").fetchone()[0] > 0
    connection.close()
    elsewhere = run_cli("--db", str(db_path), "backup", "--to", str(tmp_path / "usb"))
    assert elsewhere.returncode == 0, elsewhere.stderr
    assert Path(elsewhere.stdout.strip()).parent == tmp_path / "usb"
    assert Path(elsewhere.stdout.strip()).is_file()


@pytest.mark.parametrize("location, reason", [
    ("missing.sqlite3", "no database"),
    ("postgresql+psycopg://coach:p@ss@db.example.com/coachdesk", "pg_dump"),
    ("damaged.sqlite3", "damaged|not a readable database"),
])
def test_backup_refuses_with_a_reason_and_exit_2(tmp_path: Path, location: str,
                                                 reason: str) -> None:
    import re

    (tmp_path / "damaged.sqlite3").write_bytes(b"\x00garbage" * 500)
    target = location if "://" in location else str(tmp_path / location)
    result = run_cli("backup", "--db", target)
    assert result.returncode == 2
    assert re.search(reason, result.stderr)
    assert "Traceback" not in result.stderr and "p@ss" not in result.stderr
    assert not (tmp_path / "missing.sqlite3").exists()
    assert result.stdout == ""
