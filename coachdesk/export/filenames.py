"""File names made from user text (client and program names)."""

from __future__ import annotations

import re
import unicodedata

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
