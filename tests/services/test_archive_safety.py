"""Import all data is all or nothing: a re-zipped export imports whole; a bad value, a bad
member name or a zip bomb is refused with a message naming the table, row and field, and
neither rows nor media files remain. Runs on SQLite and (in CI) PostgreSQL."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from coachdesk.db import Database
from coachdesk.errors import CoachDeskError
from coachdesk.opening import open_app_database
from coachdesk.services import archive, clients, library, programs
from coachdesk.services import templates as tpl
from tests.services.test_archive import fill


def _picture() -> bytes:
    """A real PNG (a picture must pass the picture checks to be attached), 2 KB of varied
    pixels so the archive stores real bytes."""
    import io

    from PIL import Image

    image = Image.frombytes("L", (64, 32), bytes(range(256)) * 8)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


PICTURE = _picture()


@pytest.fixture
def source(tmp_path: Path, private_data_dir: Path) -> Database:
    """A SQLite database with a client, a template, a program and one media file."""
    database = open_app_database(str(tmp_path / "source" / "source.sqlite3"))
    fill(database)
    picture = tmp_path / "squat.png"
    picture.write_bytes(PICTURE)
    stored = library.attach_image(database, picture)
    row = next(r for r in library.list_exercises(database) if r.name == "Nordic Curl")
    library.update_exercise(database, row.id, row.data.with_changes(image_path=stored))
    yield database
    database.dispose()


def unpacked(db: Database, folder: Path) -> Path:
    """Export ``db`` and unzip it into ``folder`` (as a coach would before re-zipping)."""
    path = archive.export_archive(db, folder.parent / f"{folder.name}.zip")
    with zipfile.ZipFile(path) as zipped:
        zipped.extractall(folder)
    return folder


def zip_like_zip_r(folder: Path, target: Path) -> Path:
    """What ``cd folder && zip -r target .`` writes: directory entries included."""
    if shutil.which("zip"):
        subprocess.run(["zip", "-qr", str(target), "."], cwd=folder, check=True)
    else:  # the same layout by hand
        with zipfile.ZipFile(target, "w") as zipped:
            for path in sorted(folder.rglob("*")):
                zipped.write(path, path.relative_to(folder).as_posix())
    with zipfile.ZipFile(target) as zipped:
        assert any(info.is_dir() for info in zipped.infolist())
    return target


def zip_the_folder(folder: Path, target: Path) -> Path:
    """What ``zip -r target unzipped`` writes from the folder's parent: every name starts
    with the folder's name."""
    with zipfile.ZipFile(target, "w") as zipped:
        for path in sorted(folder.rglob("*")):
            zipped.write(path, path.relative_to(folder.parent).as_posix())
    return target


def zip_with_make_archive(folder: Path, target: Path) -> Path:
    made = Path(shutil.make_archive(str(target.with_suffix("")), "zip", root_dir=folder))
    with zipfile.ZipFile(made) as zipped:
        assert "media/" in zipped.namelist()
    return made


def snapshot(db: Database) -> dict[str, Any]:
    return archive.archive_data(db)["tables"]


def media_files(db: Database) -> list[str]:
    folder = db.media_dir
    return sorted(p.name for p in folder.rglob("*")) if folder.exists() else []


@pytest.mark.parametrize("rezip", [zip_like_zip_r, zip_with_make_archive, zip_the_folder])
def test_a_rezipped_export_imports_whole(db: Database, source: Database, tmp_path: Path,
                                         rezip: Callable[[Path, Path], Path]) -> None:
    folder = unpacked(source, tmp_path / "unzipped")
    path = rezip(folder, tmp_path / "again.zip")
    counts = archive.import_archive(db, path)
    assert counts["client"] == 1 and counts["program"] == 1
    assert snapshot(db) == snapshot(source)
    assert media_files(db) == media_files(source) != []
    name = media_files(db)[0]
    assert (db.media_dir / name).read_bytes() == PICTURE


def write_archive(data: dict[str, Any], path: Path, media: dict[str, bytes] | None = None,
                  compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as zipped:
        zipped.writestr("data.json", json.dumps(data))
        for name, content in (media or {}).items():
            zipped.writestr(name, content)
    return path


def first(data: dict[str, Any], table: str, **match: Any) -> dict[str, Any]:
    return next(r for r in data["tables"][table] if all(r[k] == v for k, v in match.items()))


def _injuries(data: dict[str, Any]) -> None:
    data["tables"]["client"][0]["injuries"] = 5


def _muscle(data: dict[str, Any]) -> None:
    first(data, "exercise", name="Nordic Curl")["primary_muscles"] = ["hamstrings", "wings"]


def _duplicate_id(data: dict[str, Any]) -> None:
    data["tables"]["client"].append(dict(data["tables"]["client"][0], name="Twin"))


def _broken_key(data: dict[str, Any]) -> None:
    data["tables"]["slot"][0]["exercise_id"] = 99_999


def _sets(data: dict[str, Any]) -> None:
    data["tables"]["slot"][0]["sets"] = 0


def _nul(data: dict[str, Any]) -> None:
    data["tables"]["client"][0]["notes"] = "runs\x00fast"


def _nul_in_json(data: dict[str, Any]) -> None:
    data["tables"]["program"][0]["progression"]["note\x00"] = 1


def _text_for_number(data: dict[str, Any]) -> None:
    data["tables"]["program"][0]["weeks"] = "8"


def _bad_date(data: dict[str, Any]) -> None:
    data["tables"]["program"][0]["start_date"] = "next monday"


def _long_name(data: dict[str, Any]) -> None:
    data["tables"]["client"][0]["name"] = "A" * 201


def _huge_number(data: dict[str, Any]) -> None:
    data["tables"]["slot"][0]["rest_s"] = 2**40


def _broken_snapshot(data: dict[str, Any]) -> None:
    data["tables"]["program"][0]["snapshot"] = {"week": 5}


def _weekday(data: dict[str, Any]) -> None:
    data["tables"]["template_day"][0]["weekday_index"] = 7


def _position(data: dict[str, Any]) -> None:
    data["tables"]["slot"][0]["position"] = -1


def _row_not_object(data: dict[str, Any]) -> None:
    data["tables"]["client"][0] = ["Ana"]


def _unknown_column(data: dict[str, Any]) -> None:
    data["tables"]["client"][0]["shoe_size"] = 42


def _missing_id(data: dict[str, Any]) -> None:
    del data["tables"]["client"][0]["id"]


INVALID = {
    "injuries: 5": (_injuries, r"client.*row 1.*injuries"),
    "unknown muscle": (_muscle, r"exercise.*primary_muscles.*'wings'"),
    "duplicate id": (_duplicate_id, r"client.*row 2.*id.*1.*twice|client.*row 2.*id"),
    "broken foreign key": (_broken_key, r"slot.*row 1.*exercise_id.*99999"),
    "sets: 0": (_sets, r"slot.*row 1.*sets.*at least 1"),
    "NUL byte": (_nul, r"client.*row 1.*notes.*NUL"),
    "NUL byte in JSON": (_nul_in_json, r"program.*row 1.*progression.*NUL"),
    "text for a number": (_text_for_number, r"program.*row 1.*weeks"),
    "bad date": (_bad_date, r"program.*row 1.*start_date"),
    "too long": (_long_name, r"client.*row 1.*name.*200"),
    "huge number": (_huge_number, r"slot.*row 1.*rest_s"),
    "broken snapshot": (_broken_snapshot, r"program.*row 1.*snapshot"),
    "weekday out of range": (_weekday, r"template_day.*row 1.*weekday_index.*0.*6"),
    "negative position": (_position, r"slot.*row 1.*position"),
    "row not an object": (_row_not_object, r"client.*row 1"),
    "unknown column": (_unknown_column, r"client.*row 1.*shoe_size"),
    "missing id": (_missing_id, r"client.*row 1.*id"),
}


@pytest.mark.parametrize("case", list(INVALID), ids=list(INVALID))
def test_an_invalid_value_is_refused_and_nothing_is_written(
        db: Database, source: Database, tmp_path: Path, case: str) -> None:
    change, message = INVALID[case]
    data = archive.archive_data(source)
    change(data)
    media_name = media_files(source)[0]
    path = write_archive(data, tmp_path / "bad.zip",
                         {f"media/{media_name}": (source.media_dir / media_name).read_bytes()})
    before = snapshot(db)
    with pytest.raises(CoachDeskError, match=message):
        archive.import_archive(db, path)
    assert snapshot(db) == before
    assert media_files(db) == []
    # Nothing half-written: the good archive still imports into the same database.
    good = archive.export_archive(source, tmp_path / "good.zip")
    assert archive.import_archive(db, good)["client"] == 1


def test_an_error_reading_the_media_rolls_everything_back(
        db: Database, source: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure after every row was inserted (here: moving media into place) leaves no
    rows and no files."""
    path = archive.export_archive(source, tmp_path / "all.zip")
    before = snapshot(db)

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(archive, "_place_media", fail)
    with pytest.raises((CoachDeskError, OSError)):
        archive.import_archive(db, path)
    assert snapshot(db) == before
    assert media_files(db) == []
    monkeypatch.undo()
    assert archive.import_archive(db, path)["client"] == 1


@pytest.mark.parametrize("member", ["../evil.png", "/tmp/evil.png", "media/../../evil.png",
                                    "media/sub/evil.png", "other/evil.png", "media\\evil.png"])
def test_a_member_outside_the_media_folder_is_refused(
        db: Database, source: Database, tmp_path: Path, member: str) -> None:
    path = write_archive(archive.archive_data(source), tmp_path / "bad.zip",
                         {member: b"evil"})
    before = snapshot(db)
    with pytest.raises(CoachDeskError, match="evil"):
        archive.import_archive(db, path)
    assert snapshot(db) == before and media_files(db) == []
    assert not (tmp_path / "evil.png").exists()


def test_a_zip_bomb_is_refused_without_writing_it(db: Database, source: Database,
                                                  tmp_path: Path) -> None:
    """200 MB of zeros compress to about 200 KB: far past the allowed compression ratio."""
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zipped:
        zipped.writestr("data.json", json.dumps(archive.archive_data(source)))
        with zipped.open("media/bomb.png", "w", force_zip64=True) as member:
            block = bytes(1 << 20)
            for _ in range(200):
                member.write(block)
    assert path.stat().st_size < 2_000_000
    before = snapshot(db)
    with pytest.raises(CoachDeskError, match=r"media/bomb\.png.*compress"):
        archive.import_archive(db, path)
    assert snapshot(db) == before and media_files(db) == []
    staged = list(db.media_dir.parent.rglob("bomb.png")) if db.media_dir.parent.exists() \
        else []
    assert staged == []


def test_a_media_file_over_the_size_limit_is_refused(
        db: Database, source: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_MEDIA_FILE_BYTES", 64 * 1024)
    path = write_archive(archive.archive_data(source), tmp_path / "big.zip",
                         {"media/big.png": os.urandom(100 * 1024)})
    with pytest.raises(CoachDeskError, match=r"media/big\.png.*larger than 64 KB"):
        archive.import_archive(db, path)
    assert media_files(db) == []


def test_media_that_do_not_fit_on_the_disk_are_refused(
        db: Database, source: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "free_space", lambda _folder: 1000)
    path = archive.export_archive(source, tmp_path / "all.zip")
    with pytest.raises(CoachDeskError, match="free"):
        archive.import_archive(db, path)
    assert media_files(db) == [] and clients.list_clients(db) == []


def test_an_oversized_data_file_is_refused_before_it_is_read(
        db: Database, source: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_DATA_BYTES", 1024)
    path = archive.export_archive(source, tmp_path / "all.zip")
    with pytest.raises(CoachDeskError, match=r"data\.json.*larger than 1 KB"):
        archive.import_archive(db, path)
    assert clients.list_clients(db) == []


def test_coach_made_exercises_are_not_silently_replaced(db: Database, source: Database,
                                                        tmp_path: Path) -> None:
    mine = library.ExerciseData(name="My Hop Drill", primary_muscles=("calves",),
                                pattern="jump", laterality="unilateral", phase="power",
                                plyometric=True)
    library.create_exercise(db, mine)
    path = archive.export_archive(source, tmp_path / "all.zip")
    with pytest.raises(CoachDeskError, match="empty database"):
        archive.import_archive(db, path)
    assert "My Hop Drill" in {r.name for r in library.list_exercises(db)}


def test_every_table_and_column_is_validated(source: Database) -> None:
    """The checks are generic: every model column gets a type check, so a column added to a
    model later is covered without touching the archive code."""
    from coachdesk.models import Base

    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            assert archive.column_check(table, column) is not None, (table.name, column.name)
    assert {t.name for t in Base.metadata.sorted_tables} <= set(archive.archive_data(source)[
        "tables"])
    assert programs.list_programs(source) and tpl.list_templates(source)
