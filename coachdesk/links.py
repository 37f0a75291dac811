"""Which links CoachDesk stores and opens: web links only (no Qt)."""

from __future__ import annotations

from urllib.parse import urlparse


def is_web_link(text: str) -> bool:
    """True for an http or https link with a host: the only links CoachDesk hands to the
    operating system. A local path, ``file://`` or any other scheme would let a shared
    library file open or run whatever it named."""
    try:
        parsed = urlparse(text.strip())
        host = parsed.hostname
    except ValueError:
        return False
    return parsed.scheme.lower() in ("http", "https") and bool(host)
