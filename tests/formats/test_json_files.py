"""Every JSON file a coach imports (a template, a library) is read by one careful loader:
deep nesting, huge numbers, broken characters, a BOM and wrong types get a message that
names the field, never a traceback."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from coachdesk.commands.check import run as check
from coachdesk.formats.template_file import TemplateFormatError, read_template_file
from coachdesk.services.library_files import LibraryFileError, read_library_file

TEMPLATE = {"format": "coachdesk-template", "version": 3, "name": "Shin care",
            "days": {"mon": [{"exercise": "Nordic Curl", "sets": 3, "reps": 5}]}}
LIBRARY = {"format": "coachdesk-library", "version": 2, "exercises": [
    {"name": "Wall Sit", "primary_muscles": ["quads"], "laterality": "bilateral",
     "phase": "stability", "pattern": "squat"}]}


def template_bytes(**changes: object) -> bytes:
    return json.dumps({**TEMPLATE, **changes}).encode()


def library_bytes(**changes: object) -> bytes:
    entry = {**LIBRARY["exercises"][0], **changes}
    return json.dumps({**LIBRARY, "exercises": [entry]}).encode()


def read_template(tmp_path: Path, data: bytes) -> str:
    path = tmp_path / "week.coachdesk.json"
    path.write_bytes(data)
    with pytest.raises(TemplateFormatError) as caught:
        read_template_file(path)
    return caught.value.message if not caught.value.where else \
        f"{caught.value.where}: {caught.value.message}"


def read_library(tmp_path: Path, data: bytes) -> str:
    path = tmp_path / "library.json"
    path.write_bytes(data)
    with pytest.raises(LibraryFileError) as caught:
        read_library_file(path)
    return str(caught.value)


DEEP = b"[" * 100_000 + b"]" * 100_000
HUGE = b"9" * 5000


@pytest.mark.parametrize("reader", [read_template, read_library])
def test_nesting_100000_deep_is_refused_with_the_depth(reader, tmp_path: Path) -> None:
    message = reader(tmp_path, DEEP)
    assert "nested" in message and "deep" in message


def test_a_deep_value_inside_a_real_template_is_refused(tmp_path: Path) -> None:
    data = template_bytes(notes="NOTES").replace(b'"NOTES"', b"[" * 5000 + b"]" * 5000)
    assert "nested" in read_template(tmp_path, data)


@pytest.mark.parametrize("reader", [read_template, read_library])
def test_a_5000_digit_number_is_refused_in_words(reader, tmp_path: Path) -> None:
    message = reader(tmp_path, b'{"version": ' + HUGE + b"}")
    assert "5000 digits" in message and "9999" not in message


def test_a_huge_number_in_a_slot_names_the_number(tmp_path: Path) -> None:
    data = template_bytes().replace(b'"sets": 3', b'"sets": ' + HUGE)
    assert "5000 digits" in read_template(tmp_path, data)


def test_a_lone_surrogate_in_a_name_names_the_field(tmp_path: Path) -> None:
    message = read_template(tmp_path, template_bytes().replace(
        b'"Shin care"', b'"Shin\\ud800care"'))
    assert message.startswith("name:") and "broken character" in message
    message = read_library(tmp_path, library_bytes().replace(b'"Wall Sit"',
                                                             b'"Wall\\udfffSit"'))
    assert "exercises[0].name" in message and "broken character" in message


def test_a_nul_character_names_the_field(tmp_path: Path) -> None:
    message = read_template(tmp_path, template_bytes().replace(
        b'"Nordic Curl"', b'"Nordic\\u0000Curl"'))
    assert message.startswith("days.mon[0].exercise:") and "NUL" in message
    message = read_library(tmp_path, library_bytes(notes="a\x00b"))
    assert "exercises[0].notes" in message and "NUL" in message


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "week.coachdesk.json"
    path.write_bytes(b"\xef\xbb\xbf" + template_bytes())
    assert read_template_file(path).name == "Shin care"
    path = tmp_path / "library.json"
    path.write_bytes(b"\xef\xbb\xbf" + library_bytes())
    assert [e.name for e in read_library_file(path)] == ["Wall Sit"]


@pytest.mark.parametrize("reader, data", [
    (read_template, template_bytes(version=99)),
    (read_library, json.dumps({**LIBRARY, "version": 99}).encode()),
])
def test_a_file_from_a_newer_coachdesk_says_so(reader, data: bytes, tmp_path: Path) -> None:
    message = reader(tmp_path, data)
    assert "newer CoachDesk" in message and "99" in message


@pytest.mark.parametrize("field, value, words", [
    ("aliases", 5, "must be a list of names"),
    ("name", 123, "must be text"),
    ("notes", 5, "must be text"),
    ("video_url", 5, "must be text"),
    ("equipment", [1, 2], "must be a list of names"),
    ("plyometric", "yes", "true or false"),
])
def test_a_library_entry_of_the_wrong_type_names_the_exercise_and_field(
        field: str, value: object, words: str, tmp_path: Path) -> None:
    message = read_library(tmp_path, library_bytes(**{field: value}))
    assert f"exercises[0].{field}" in message and words in message
    if field != "name":
        assert "Wall Sit" in message


@pytest.mark.parametrize("data", [DEEP, b'{"version": ' + HUGE + b"}",
                                  template_bytes().replace(b"Shin", b"Shin\xed\xa0\x80"),
                                  template_bytes().replace(b'"Shin care"', b'"a\\ud800"'),
                                  template_bytes(version=99)])
def test_coachdesk_check_exits_2_with_one_line(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "week.coachdesk.json"
    path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    assert check(str(path), False, None, out, err) == 2
    lines = err.getvalue().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("coachdesk check: ")
    assert "Traceback" not in err.getvalue()
