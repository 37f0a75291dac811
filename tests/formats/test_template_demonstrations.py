"""Version 4 of the template file: an inline exercise may carry its demonstration notes
(Markdown) and a web video link; versions 1 to 3 still read, without them."""

from __future__ import annotations

import json

import pytest

from coachdesk.formats.template_file import (
    TemplateFormatError,
    dumps_template,
    loads_template,
)

EXERCISE = {"name": "Wall Sit Hold", "laterality": "bilateral", "muscles": ["quads"],
            "phase": "stability"}
MOVEMENT = {"pattern": "squat", "impact": "low", "external_load": "bodyweight"}
DAYS = {"mon": [{"exercise": "Wall Sit Hold", "sets": 3, "seconds": 30}]}


def week(version: int, **exercise: object) -> str:
    inline = {**EXERCISE, **(MOVEMENT if version >= 2 else {}), **exercise}
    return json.dumps({"format": "coachdesk-template", "version": version, "name": "Week",
                       "exercises": [inline], "days": DAYS})


def test_version_4_carries_notes_and_a_video_link_and_writes_them_back() -> None:
    text = week(4, notes="Back flat on the wall, _knees_ over ankles.",
                video_url="https://video.example/wall-sit")
    template = loads_template(text)
    wall_sit = template.exercises[0]
    assert wall_sit.notes == "Back flat on the wall, _knees_ over ankles."
    assert wall_sit.video_url == "https://video.example/wall-sit"
    again = loads_template(dumps_template(template))
    assert again == template and dumps_template(again) == dumps_template(template)


@pytest.mark.parametrize("version", [1, 2, 3])
def test_older_versions_still_read_with_no_demonstration(version) -> None:
    wall_sit = loads_template(week(version)).exercises[0]
    assert (wall_sit.name, wall_sit.notes, wall_sit.video_url) == ("Wall Sit Hold", "", None)


@pytest.mark.parametrize("version", [1, 2, 3])
@pytest.mark.parametrize("field", ["notes", "video_url"])
def test_older_versions_may_not_carry_a_demonstration(version, field) -> None:
    with pytest.raises(TemplateFormatError) as caught:
        loads_template(week(version, **{field: "https://video.example/x"}))
    assert caught.value.where == f"exercises[0].{field}"
    assert "unknown field" in caught.value.message


@pytest.mark.parametrize("url", ["file:///etc/passwd", "/home/coach/video.mp4",
                                 "javascript:alert(1)", "ftp://video.example/x",
                                 "https://", "https://video.example/a b", 5])
def test_only_a_web_link_is_a_video_link(url) -> None:
    with pytest.raises(TemplateFormatError) as caught:
        loads_template(week(4, video_url=url))
    assert caught.value.where == "exercises[0].video_url"
    assert ("http://" in caught.value.message) or caught.value.message == "must be text"


def test_notes_must_be_text_of_a_sane_length() -> None:
    for value, words in ((5, "must be text"), ("x" * 50_001, "at most 50000 characters")):
        with pytest.raises(TemplateFormatError) as caught:
            loads_template(week(4, notes=value))
        assert caught.value.where == "exercises[0].notes" and words in caught.value.message


def test_coachdesk_pdf_prints_the_files_own_demonstrations(tmp_path, capsys) -> None:
    from coachdesk.cli import main
    from tests.export.conftest import pdf_text

    path = tmp_path / "week.coachdesk.json"
    path.write_text(week(4, notes="Slide down until the thighs are **level**.",
                         video_url="https://video.example/wall-sit"), encoding="utf-8")
    out = tmp_path / "week.pdf"
    assert main(["pdf", str(path), "-o", str(out), "--weeks", "2"]) == 0
    text = pdf_text(out)
    assert "Slide down until the thighs are level." in text and "Scan for the video" in text
    assert capsys.readouterr().err == ""
