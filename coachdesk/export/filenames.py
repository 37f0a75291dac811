"""File names made from user text (client and program names)."""

from __future__ import annotations

import re
import unicodedata

RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)),
            *(f"LPT{n}" for n in range(1, 10))}


def safe_filename(text: str, fallback: str = "program", max_length: int = 80) -> str:
    """Letters of any script, digits, spaces, dots, dashes and underscores; no path
    separators, control characters or Windows-reserved names; never empty."""
    text = unicodedata.normalize("NFC", text or "")
    kept = "".join(
        c if (c.isalnum() or c in " ._-") else "-" for c in text
        if unicodedata.category(c)[0] != "C"
    )
    kept = re.sub(r"-{2,}", "-", re.sub(r"\s+", " ", kept)).strip(" .-")
    kept = kept[:max_length].rstrip(" .-")
    if not kept or kept.split(".")[0].upper() in RESERVED:
        kept = f"{fallback}-{kept}" if kept else fallback
    return kept
