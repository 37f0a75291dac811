"""Every import refuses a huge file with a clear message naming the limit, before reading
it into memory: template files, library JSON/CSV, roster CSV, the pdf command's brand JSON
(and the archive's data.json, see test_archive_safety)."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from coachdesk import limits
from coachdesk.commands import pdf as pdf_command
from coachdesk.errors import CoachDeskError
from coachdesk.formats.template_file import TemplateFormatError, read_template_file
from coachdesk.services.library_files import LibraryFileError, read_library_file
from coachdesk.services.roster_csv import RosterCsvError, read_roster_csv

READERS = {
    "template": (read_template_file, TemplateFormatError, "week.coachdesk.json"),
    "library JSON": (read_library_file, LibraryFileError, "library.json"),
    "library CSV": (read_library_file, LibraryFileError, "library.csv"),
    "roster CSV": (read_roster_csv, RosterCsvError, "roster.csv"),
}


def sparse(path: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no disk space (and no time) to make."""
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


@pytest.mark.parametrize("kind", list(READERS))
def test_a_huge_file_is_refused_before_reading(kind: str, tmp_path: Path) -> None:
    """4 GB would take seconds and gigabytes of memory to read: refused from its size."""
    reader, error, name = READERS[kind]
    path = sparse(tmp_path / name, 4 * 1024**3)
    started = time.monotonic()
    with pytest.raises(error, match=r"4 GB.*larger than 20 MB"):
        reader(path)
    assert time.monotonic() - started < 2
    assert limits.MAX_TEXT_FILE_BYTES == 20 * 1024 * 1024


@pytest.mark.parametrize("kind", list(READERS))
def test_the_limit_is_exact(kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reader, error, name = READERS[kind]
    monkeypatch.setattr(limits, "MAX_TEXT_FILE_BYTES", 100)
    path = tmp_path / name
    path.write_bytes(b" " * 101)
    with pytest.raises(error, match="larger than 100 bytes"):
        reader(path)
    path.write_bytes(b" " * 100)
    with pytest.raises(CoachDeskError) as caught:  # read, then refused for its content
        reader(path)
    assert "larger than" not in str(caught.value)


def test_the_pdf_commands_brand_file_is_limited(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.export.test_pdf_command import files

    monkeypatch.setattr(limits, "MAX_TEXT_FILE_BYTES", 300)
    template, brand = files(tmp_path, {"business_name": "x" * 400})
    err = io.StringIO()
    code = pdf_command.run(template, str(tmp_path / "out.pdf"), 4, None, brand, None, None,
                           stdout=io.StringIO(), stderr=err)
    assert code == 2 and "brand.json" in err.getvalue() and "larger than" in err.getvalue()
    assert not (tmp_path / "out.pdf").exists()
