"""Right-to-left text (Arabic, Hebrew…) in the order a PDF page draws it.

ReportLab draws every line left to right in the order the characters come, and it does
not join Arabic letters. So before text is escaped for a paragraph, each line goes
through arabic-reshaper (letters become their joined initial/medial/final forms, and
lam + alef one ligature) and python-bidi's ``get_display`` (the Unicode bidirectional
algorithm: right-to-left runs reversed, a right-to-left line's words laid out right to
left). Lines without a right-to-left character are returned untouched.

Known limit: the reordering is per paragraph line as typed, before ReportLab wraps it, so
a right-to-left paragraph long enough to wrap shows its lines in the order they were cut
from the visual string (the last words on the first line). Names, titles and short notes,
the usual right-to-left text, fit on one line.
"""

from __future__ import annotations

import re
from functools import cache

from arabic_reshaper import ArabicReshaper
from bidi import get_display

# Hebrew, Arabic, Syriac, Thaana, NKo…, their presentation forms, and the RTL planes.
RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe"
                           "\U00010800-\U00010fff\U0001e800-\U0001efff]")


@cache
def _reshaper() -> ArabicReshaper:
    # Keep the harakat (vowel marks: every character typed prints) and only the lam-alef
    # ligatures, which Arabic requires and DejaVu Sans has; "Allah" stays letters.
    return ArabicReshaper(configuration={"delete_harakat": False,
                                         "ARABIC LIGATURE ALLAH": False})


def has_right_to_left(text: str) -> bool:
    return RIGHT_TO_LEFT.search(text) is not None


def visual_line(line: str, base: str | None = None) -> str:
    """One line in drawing order; ``base`` "L" or "R" fixes the paragraph's direction
    (None: from its first strong character)."""
    if not has_right_to_left(line):
        return line
    return get_display(_reshaper().reshape(line), base_dir=base)


def visual(text: str, base: str | None = None) -> str:
    """``text`` in drawing order, line by line (line breaks kept where they were)."""
    if not has_right_to_left(text):
        return text
    return "\n".join(visual_line(line, base) for line in text.split("\n"))


def base_direction(text: str) -> str:
    """ "R" when the first strong character is right-to-left, else "L" (rules P2, P3)."""
    import unicodedata

    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "R"
        if kind == "L":
            return "L"
    return "L"
