"""File names made from user text (client and program names)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# Windows refuses these as a file's stem whatever the extension ("CON.pdf"), and treats
# the superscript digits like plain ones ("COM¹").
RESERVED = {"CON", "PRN", "AUX", "NUL",
            *(f"{port}{n}" for port in ("COM", "LPT") for n in (*"123456789", *"¹²³"))}
KEEP = " ._-()+,&'"
MAX_LENGTH = 80


def _keep(char: str) -> bool:
    category = unicodedata.category(char)
    # Letters and digits of any script, their combining marks (Devanagari vowel signs,
    # Arabic harakat) and a few harmless punctuation marks.
    return char.isalnum() or category[0] == "M" or char in KEEP


def safe_filename(text: str, fallback: str = "program", max_length: int = MAX_LENGTH) -> str:
    """A file name (without folder) from any text: Unicode letters kept; path separators,
    control and other unsafe characters become '-'; no Windows-reserved names, no leading
    or trailing dots and spaces; at most ``max_length`` characters; never empty."""
    text = unicodedata.normalize("NFC", text or "")
    kept = "".join(c if _keep(c) else "-" for c in text if unicodedata.category(c) != "Cf")
    kept = re.sub(r"-{2,}", "-", re.sub(r"\s+", " ", kept)).strip(" .-")
    # A stray combining mark must not start the name (it would sit on nothing).
    while kept and unicodedata.category(kept[0])[0] == "M":
        kept = kept[1:].lstrip(" .-")
    kept = kept[:max_length].rstrip(" .-")
    if not kept:
        return fallback
    if kept.split(".")[0].strip().upper() in RESERVED:
        kept = f"{fallback}-{kept}"[:max_length].rstrip(" .-")
    return kept


def unique_filenames(entries: Sequence[tuple[str, Sequence[str]]], suffix: str,
                     fallback: str = "program") -> list[str]:
    """File names (with ``suffix``) for many texts at once, no two the same even on a
    case-insensitive file system (Windows, macOS). Each entry is ``(text, tags)``: a name
    that collides after sanitising gets its first tag appended ("Sam Jones (12).pdf"), then
    its first two ("(12-40)") while it still collides, and so on; what still collides
    after every tag gets a counter. Names depend only on the entries, so they are stable.
    This is the one place export names are made unique."""
    levels = [0] * len(entries)

    def name(index: int, extra: str = "") -> str:
        text, tags = entries[index]
        tag = "-".join([*tags[:levels[index]], *([extra] if extra else [])])
        if not tag:
            return safe_filename(text, fallback) + suffix
        marker = f" ({safe_filename(tag, 'x', MAX_LENGTH // 2)})"
        stem = safe_filename(text, fallback, max(MAX_LENGTH - len(marker), 1))
        return stem + marker + suffix

    names = [name(i) for i in range(len(entries))]
    while True:
        groups: dict[str, list[int]] = {}
        for index, candidate in enumerate(names):
            groups.setdefault(candidate.casefold(), []).append(index)
        progressed = False
        for group in groups.values():
            if len(group) < 2:
                continue
            for index in group:
                if levels[index] < len(entries[index][1]):
                    levels[index] += 1
                    names[index] = name(index)
                    progressed = True
        if not progressed:
            break
    taken: set[str] = set()
    for index, candidate in enumerate(names):
        counter = 2
        while candidate.casefold() in taken:
            candidate = name(index, str(counter))
            counter += 1
        names[index] = candidate
        taken.add(candidate.casefold())
    return names
