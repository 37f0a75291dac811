"""Writing a file whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from coachdesk.files import TEMP_PREFIX, atomic_target, write_atomic


def test_write_atomic_writes_text_and_bytes_as_given(tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    text = tmp_path / "new" / "folder" / "notes.csv"
    assert write_atomic(text, "a,b\r\nSeán\n") == text
    assert text.read_bytes() == "a,b\r\nSeán\n".encode()  # no newline translation
    data = tmp_path / "draft.eml"
    write_atomic(data, b"\x00\xff", suffix=".eml.tmp")
    assert data.read_bytes() == b"\x00\xff"
    write_atomic(data, "é", encoding="latin-1")
    assert data.read_bytes() == b"\xe9"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.eml", "new"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp_file(tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    target = tmp_path / "plan.pdf"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_target(target, suffix=".pdf.tmp") as temp:
        assert temp.parent == tmp_path and temp.name.startswith(TEMP_PREFIX)
        temp.write_text("half", encoding="utf-8")
        raise RuntimeError("killed mid-write")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]
    with pytest.raises(UnicodeEncodeError):
        write_atomic(target, "Seán", encoding="ascii")
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]
