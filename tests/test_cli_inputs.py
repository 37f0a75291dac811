"""Bad input on the command line: exit 2, one line naming the argument, nothing written.

Every test runs the real entry point, ``coachdesk.cli.main([...])``, in this process (so a
read-only folder or a full disk can be simulated) and reads what a coach would see on
stderr."""

from __future__ import annotations

import errno
import json
import os
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest

from coachdesk import cli

WEEK = {"format": "coachdesk-template", "version": 1, "name": "Base block",
        "client": {"name": "Ana Río", "goal": "race"},
        "days": {"tue": [{"exercise": "Nordic Curl", "sets": 3, "reps": 5}]}}


def template(folder: Path, week: dict | None = None) -> str:
    path = folder / "week.coachdesk.json"
    path.write_text(json.dumps(week or WEEK), encoding="utf-8")
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_refused(code: int, err: str, *words: str) -> None:
    assert code == 2, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    for word in words:
        assert word in lines[0], (word, err)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".coachdesk-"))


# --- pdf -o ----------------------------------------------------------------------------


def test_pdf_into_a_folder_is_refused_naming_output(tmp_path, capsys) -> None:
    folder = tmp_path / "programs"
    folder.mkdir()
    code, _out, err = run(capsys, "pdf", template(tmp_path), "-o", str(folder))
    assert_refused(code, err, "-o/--output", "folder")
    assert "--start" not in err
    assert list(folder.iterdir()) == [] and leftovers(tmp_path) == []


def test_pdf_onto_a_system_file_is_refused(tmp_path, capsys) -> None:
    code, _out, err = run(capsys, "pdf", template(tmp_path), "-o", "/proc/version")
    assert_refused(code, err, "-o/--output", "/proc")
    assert "--start" not in err


def test_pdf_under_a_file_used_as_a_folder_is_refused(tmp_path, capsys) -> None:
    week = template(tmp_path)
    code, _out, err = run(capsys, "pdf", week, "-o", str(Path(week) / "out.pdf"))
    assert_refused(code, err, "-o/--output", "is a file, not a folder")
    assert json.loads(Path(week).read_text(encoding="utf-8")) == WEEK


def test_pdf_onto_a_link_is_refused_and_the_link_kept(tmp_path, capsys) -> None:
    real = tmp_path / "real.pdf"
    real.write_bytes(b"%PDF-1.4 the coach's own file")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    code, _out, err = run(capsys, "pdf", template(tmp_path), "-o", str(link))
    assert_refused(code, err, "-o/--output", "link")
    assert link.is_symlink() and real.read_bytes() == b"%PDF-1.4 the coach's own file"
    assert leftovers(tmp_path) == []


def _refuse_temp_files_in(folder: Path, error: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, whom chmod does not stop: the folder's file system refuses."""
    real = tempfile.mkstemp

    def mkstemp(*args, **kwargs):
        if Path(kwargs.get("dir") or "").resolve() == folder.resolve():
            raise OSError(error, os.strerror(error))
        return real(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


def test_pdf_in_a_read_only_folder_is_refused(tmp_path, capsys, monkeypatch) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    _refuse_temp_files_in(folder, errno.EROFS, monkeypatch)
    code, _out, err = run(capsys, "pdf", template(tmp_path), "-o", str(folder / "out.pdf"))
    assert_refused(code, err, "-o/--output", "read-only")
    assert list(folder.iterdir()) == []


def test_pdf_on_a_full_disk_is_refused_and_leaves_nothing(tmp_path, capsys,
                                                          monkeypatch) -> None:
    import coachdesk.export.pdf as pdf_module

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(pdf_module, "document_template", full)
    code, _out, err = run(capsys, "pdf", template(tmp_path), "-o", str(tmp_path / "o.pdf"))
    assert_refused(code, err, "-o/--output", "full")
    assert not (tmp_path / "o.pdf").exists() and leftovers(tmp_path) == []


def test_eml_into_a_folder_is_refused_naming_eml(tmp_path, capsys) -> None:
    code, _out, err = run(capsys, "pdf", template(tmp_path), "-o", str(tmp_path / "o.pdf"),
                          "--eml", str(tmp_path), "--to", "ana@example.com")
    assert_refused(code, err, "--eml", "folder")
    assert not (tmp_path / "o.pdf").exists()


def test_a_bad_start_date_names_start(tmp_path, capsys) -> None:
    code, _out, err = run(capsys, "pdf", template(tmp_path), "-o", str(tmp_path / "o.pdf"),
                          "--start", "next week")
    assert_refused(code, err, "--start", "YYYY-MM-DD")


def test_a_past_start_date_is_made_with_a_warning(tmp_path, capsys) -> None:
    past = (date.today() - timedelta(days=30)).isoformat()
    code, _out, err = run(capsys, "pdf", template(tmp_path), "-o", str(tmp_path / "o.pdf"),
                         "--start", past)
    assert code == 0, err
    assert "warning" in err and "--start" in err and "past" in err
    assert (tmp_path / "o.pdf").is_file()


def test_a_future_start_date_has_no_warning(tmp_path, capsys) -> None:
    soon = (date.today() + timedelta(days=3)).isoformat()
    code, _out, err = run(capsys, "pdf", template(tmp_path), "-o", str(tmp_path / "o.pdf"),
                          "--start", soon)
    assert code == 0 and "past" not in err


# --- --db ------------------------------------------------------------------------------


def test_pdf_reads_the_library_of_the_database_named_by_db(db_path, tmp_path, capsys) -> None:
    from coachdesk.opening import open_app_database
    from coachdesk.services.library import duplicate_exercise, list_exercises

    db = open_app_database(str(db_path))
    nordic = next(row.id for row in list_exercises(db) if row.data.name == "Nordic Curl")
    duplicate_exercise(db, nordic)
    db.dispose()
    week = dict(WEEK, days={"tue": [{"exercise": "Nordic Curl (variation)", "sets": 3,
                                     "reps": 5}]})
    out_pdf = tmp_path / "o.pdf"
    code, _out, err = run(capsys, "pdf", template(tmp_path, week), "-o", str(out_pdf),
                          "--db", str(db_path))
    assert code == 0, err
    assert out_pdf.is_file()
    code, _out, err = run(capsys, "--db", str(db_path), "pdf", template(tmp_path, week),
                          "-o", str(out_pdf))
    assert code == 0, err


@pytest.mark.parametrize("command", ["check", "pdf"])
def test_a_mistyped_db_is_an_error_not_a_new_database(command, tmp_path, capsys) -> None:
    typo = tmp_path / "typo.sqlite3"
    args = [command, template(tmp_path), "--db", str(typo)]
    if command == "pdf":
        args += ["-o", str(tmp_path / "o.pdf")]
    code, _out, err = run(capsys, *args)
    assert_refused(code, err, "--db", str(typo))
    assert not typo.exists() and not (tmp_path / "o.pdf").exists()


@pytest.mark.parametrize("url, words", [
    ("postgresql+psycopg://coach@server:abc/studio", "port"),
    ("postgres://", "server"),
    ("mongodb://server/studio", "mongodb"),
    ("sqlite+nonsense:///x.sqlite3", "sqlite+nonsense"),
])
@pytest.mark.parametrize("command", ["check", "backup", "archive"])
def test_a_malformed_database_url_is_a_one_line_refusal(url, words, command, tmp_path,
                                                       capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    args = {"check": ["check", template(tmp_path)], "backup": ["backup"],
            "archive": ["archive", "export", str(tmp_path / "all.zip")]}[command]
    code, _out, err = run(capsys, "--db", url, *args)
    assert_refused(code, err, "--db", words)
    assert not (tmp_path / "all.zip").exists() and not (tmp_path / "x.sqlite3").exists()


def test_postgres_scheme_is_read_as_postgresql() -> None:
    from coachdesk.db import parse_database_url

    url = parse_database_url("postgres://coach@server/studio")
    assert url.startswith("postgresql+psycopg://") and url.endswith("@server/studio")


# --- argparse --------------------------------------------------------------------------


@pytest.mark.parametrize("args, words", [
    (["pdf", "w.json"], "-o/--output"),
    (["pdf", "w.json", "-o", "o.pdf", "--weeks", "abc"], "--weeks"),
    (["frob"], "frob"),
    (["check"], "FILE"),
    (["--no-such-flag"], "--no-such-flag"),
])
def test_argument_errors_exit_2_in_one_line(args, words, capsys) -> None:
    code, _out, err = run(capsys, *args)
    assert_refused(code, err, words)
    assert "usage:" not in err


def test_help_still_exits_0(capsys) -> None:
    code, out, _err = run(capsys, "pdf", "--help")
    assert code == 0 and "--output" in out
