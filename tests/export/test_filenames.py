"""File names made from client and program names: safe on every system, never empty."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coachdesk.export.filenames import RESERVED, safe_filename


@pytest.mark.parametrize(("text", "name"), [
    ("Zoë Ångström - Marathon block", "Zoë Ångström - Marathon block"),
    ("王小明 - 计划", "王小明 - 计划"),
    ("नमस्ते", "नमस्ते"),  # combining vowel signs kept
    ("../../etc/passwd", "etc-passwd"),
    ("C:\\Users\\ana\\prog.pdf", "C-Users-ana-prog.pdf"),
    ("a\x00b\nc\td", "a-b-c-d"),
    ("CON", "program-CON"),
    ("com1.pdf", "program-com1.pdf"),
    ("LPT¹", "program-LPT¹"),
    ("  ...  ", "program"),
    ("", "program"),
    ("💪🏃", "program"),
    ("a" * 200, "a" * 80),
])
def test_examples(text, name) -> None:
    assert safe_filename(text) == name


@given(st.text(max_size=300))
def test_safe_file_names_are_never_paths_controls_reserved_or_empty(text: str) -> None:
    name = safe_filename(text)
    assert name and len(name) <= 80
    assert "/" not in name and "\\" not in name
    assert not any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in name)
    assert not any(c in name for c in '<>:"|?*')
    assert name == name.strip(" .")
    assert name.split(".")[0].upper() not in RESERVED
    assert unicodedata.category(name[0])[0] != "M"


def test_unique_filenames_tag_only_what_collides() -> None:
    from coachdesk.export.filenames import unique_filenames

    names = unique_filenames([("Sam Jones", ("1",)), ("Sam Jones", ("2",)), ("Ann/Lee", ("3",)),
                              ("Ann-Lee", ("4",)), ("Ann:Lee", ("5",)), ("Zoe", ("6",)),
                              ("mia", ("7",)), ("MIA", ("8",))], ".pdf")
    assert names == ["Sam Jones (1).pdf", "Sam Jones (2).pdf", "Ann-Lee (3).pdf",
                     "Ann-Lee (4).pdf", "Ann-Lee (5).pdf", "Zoe.pdf", "mia (7).pdf",
                     "MIA (8).pdf"]


def test_unique_filenames_never_collide_even_with_equal_tags_or_long_names() -> None:
    from coachdesk.export.filenames import MAX_LENGTH, unique_filenames

    entries = [("Plan", ("1", "10")), ("Plan", ("1", "11")), ("Plan (1-10)", ("2", "12")),
               ("x" * 200, ("3", "13")), ("X" * 200, ("4", "14")), ("Same", ("5",)),
               ("Same", ("5",))]
    names = unique_filenames(entries, ".eml")
    assert len({n.casefold() for n in names}) == len(entries)
    assert all(len(n) <= MAX_LENGTH + len(".eml") and n.endswith(".eml") for n in names)
    assert names == unique_filenames(entries, ".eml")  # stable
