"""``coachdesk archive export|import FILE.zip``: exit 0 done, 2 refused with the reason on
stderr, and a refused import writes nothing. Runs on SQLite and (in CI) PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from coachdesk import cli
from coachdesk.db import Database
from coachdesk.opening import open_app_database
from coachdesk.services import archive, clients
from tests.services.test_archive import fill


def test_export_then_import_through_the_command_line(db: Database, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture) -> None:
    fill(db)
    out = tmp_path / "all.zip"
    assert cli.main(["--db", db.url, "archive", "export", str(out)]) == cli.EXIT_OK
    with zipfile.ZipFile(out) as zipped:
        data = json.loads(zipped.read("data.json"))
    assert [c["name"] for c in data["tables"]["client"]] == ["Ana Río 🏃"]
    assert str(out) in capsys.readouterr().out

    target = tmp_path / "moved.sqlite3"
    assert cli.main(["archive", "import", str(out), "--db", str(target)]) == cli.EXIT_OK
    assert "1 client" in capsys.readouterr().out
    moved = open_app_database(str(target))
    assert [c.name for c in clients.list_clients(moved)] == ["Ana Río 🏃"]
    moved.dispose()


def test_export_refuses_to_replace_a_file_without_overwrite(
        db: Database, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "all.zip"
    out.write_bytes(b"keep me")
    assert cli.main(["--db", db.url, "archive", "export", str(out)]) == cli.EXIT_BAD_INPUT
    assert "already exists" in capsys.readouterr().err
    assert out.read_bytes() == b"keep me"
    assert cli.main(["--db", db.url, "archive", "export", str(out), "--overwrite"]) == 0
    assert zipfile.is_zipfile(out)


def test_a_refused_import_exits_2_and_writes_nothing(db: Database, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture) -> None:
    source = open_app_database(str(tmp_path / "source.sqlite3"))
    fill(source)
    data = archive.archive_data(source)
    source.dispose()
    data["tables"]["client"][0]["injuries"] = 5
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as zipped:
        zipped.writestr("data.json", json.dumps(data))
        zipped.writestr("media/picture.png", b"\x89PNG picture")
    before = archive.archive_data(db)["tables"]
    assert cli.main(["--db", db.url, "archive", "import", str(bad)]) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err.startswith("coachdesk archive import: ")
    assert "client row 1" in err and "injuries" in err and "Traceback" not in err
    assert archive.archive_data(db)["tables"] == before
    assert not (db.media_dir / "picture.png").exists()


def test_import_into_a_database_with_data_is_refused(db: Database, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture) -> None:
    fill(db)
    out = archive.export_archive(db, tmp_path / "all.zip")
    assert cli.main(["--db", db.url, "archive", "import", str(out)]) == cli.EXIT_BAD_INPUT
    assert "empty database" in capsys.readouterr().err
    assert cli.main(["--db", db.url, "archive", "import",
                     str(tmp_path / "missing.zip")]) == cli.EXIT_BAD_INPUT
    assert "does not exist" in capsys.readouterr().err


def test_the_real_process_exit_codes(tmp_path: Path) -> None:
    env = dict(os.environ)
    database = tmp_path / "cli.sqlite3"
    out = tmp_path / "all.zip"
    run = [sys.executable, "-m", "coachdesk", "--db", str(database), "archive"]
    done = subprocess.run([*run, "export", str(out)], capture_output=True, text=True,
                          timeout=90, env=env)
    assert done.returncode == 0, done.stderr
    back = subprocess.run([*run, "import", str(out)], capture_output=True, text=True,
                             timeout=90, env=env)
    # A database holding only the starter library counts as empty: its own export imports.
    assert back.returncode == 0, back.stderr
    again = subprocess.run([*run, "import", str(tmp_path / "nothing.zip")],
                           capture_output=True, text=True, timeout=90, env=env)
    assert again.returncode == 2 and "nothing.zip" in again.stderr
    assert "Traceback" not in again.stderr
