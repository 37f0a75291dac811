"""The command line over the hostile corpus: ``coachdesk check`` and ``coachdesk pdf`` on
every JSON document exit 0 or 2, never with a traceback, and a refused PDF writes nothing.

(There is no library or roster import on the command line; those paths are covered by
their own hostile suites.) The commands run as a coach runs them, in a subprocess, so a
traceback would reach stderr exactly as it would reach a terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.corpus import JSON_DOCUMENTS


def documents() -> list[object]:
    return [pytest.param(name, id=name) for name in JSON_DOCUMENTS]


def coachdesk(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "coachdesk", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])})


def assert_clean(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode in (0, 2), result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    if result.returncode == 2:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.mark.parametrize("name", documents())
def test_check_on_hostile_json_exits_0_or_2_without_a_traceback(name: str,
                                                                tmp_path: Path) -> None:
    source = tmp_path / "hostile.coachdesk.json"
    source.write_bytes(JSON_DOCUMENTS[name])
    result = coachdesk("check", str(source), cwd=tmp_path)
    assert_clean(result)
    assert source.read_bytes() == JSON_DOCUMENTS[name]


@pytest.mark.parametrize("name", documents())
def test_pdf_on_hostile_json_writes_nothing_when_it_refuses(name: str,
                                                            tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    source = work / "hostile.coachdesk.json"
    source.write_bytes(JSON_DOCUMENTS[name])
    out = work / "out" / "program.pdf"
    result = coachdesk("pdf", str(source), "-o", str(out), cwd=work)
    assert_clean(result)
    if result.returncode == 2:
        assert not out.parent.exists() or list(out.parent.iterdir()) == []
    assert sorted(p.name for p in work.iterdir()) in (
        ["hostile.coachdesk.json"], ["hostile.coachdesk.json", "out"])


@pytest.mark.parametrize("name", documents())
def test_a_hostile_brand_file_is_refused_in_one_line_naming_it(name: str,
                                                               tmp_path: Path) -> None:
    """--brand goes through the same careful JSON reader as every other file."""
    week = tmp_path / "week.coachdesk.json"
    week.write_text('{"format": "coachdesk-template", "version": 1, "name": "W", '
                    '"days": {"tue": [{"exercise": "Nordic Curl", "sets": 3, "reps": 5}]}}',
                    encoding="utf-8")
    brand = tmp_path / "brand.json"
    brand.write_bytes(JSON_DOCUMENTS[name])
    out = tmp_path / "program.pdf"
    result = coachdesk("pdf", str(week), "-o", str(out), "--brand", str(brand), cwd=tmp_path)
    assert result.returncode == 2 and not out.exists(), result.stdout
    assert_clean(result)
    assert "brand.json" in result.stderr
