"""QR codes for video links, encoded with ReportLab's own encoder and drawn as one path."""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path

from reportlab.lib import colors
from reportlab.platypus import Flowable

from coachdesk import paths

QR_BORDER = 4  # the quiet zone, in modules
MAX_URL = 1_000  # longer links make codes too dense to scan from paper


def printable_url(url: str | None) -> str | None:
    """The link if it is a web address a phone can open from a QR code, else ``None``."""
    text = (url or "").strip()
    if not text.lower().startswith(("http://", "https://")) or len(text) > MAX_URL:
        return None
    if any(c.isspace() or ord(c) < 32 or c in "<>\"" for c in text):
        return None
    return text


RUN = re.compile(r"0{5,}|1{5,}")
FINDER_LIKE = re.compile(r"10111010000")


def lost_points(modules: list[list[bool]]) -> int:
    """ReportLab's mask penalty (``QRUtil.getLostPoint``), computed on strings and
    integers: the same number, about twice as fast. Choosing the mask is almost
    all of the time it takes to encode a link."""
    rows = ["".join("1" if m else "0" for m in row) for row in modules]
    columns = ["".join(column) for column in zip(*rows, strict=True)]
    size = len(rows)
    score = 0
    for line in (*rows, *columns):  # rule 1: runs of five or more of one colour
        score += sum(len(run) - 2 for run in RUN.findall(line))
    bits = [int(row, 2) for row in rows]  # rule 2: 2 × 2 blocks of one colour
    inner = (1 << (size - 1)) - 1
    for upper, lower in itertools.pairwise(bits):
        same = ~(upper ^ lower) & ~(upper ^ (upper >> 1)) & ~(lower ^ (lower >> 1)) & inner
        score += 3 * same.bit_count()
    # Rule 3, finder-like patterns, exactly as ReportLab scores it: its column pass
    # compares tuples with a list and never matches, and it skips each row's last cell.
    for line in rows:
        score += 40 * len(FINDER_LIKE.findall(line[:-1]))
    dark = sum(row.count("1") for row in rows)  # rule 4: balance of dark and light
    return score + 10 * (abs(100 * dark // (size * size) - 50) // 5)


@lru_cache(maxsize=1024)
def qr_modules(url: str) -> tuple[tuple[bool, ...], ...]:
    """The dark/light modules of ``url`` as ReportLab's encoder makes them (same version,
    error correction and mask), computed once per link: the same exercises recur across
    a studio's programs."""
    from reportlab.graphics.barcode.qr import QrCodeWidget  # a tenth of a second to import

    qr = QrCodeWidget(url).qr
    if qr.version is None:
        qr.version = qr.calculate_version()
    scores = []
    for mask in range(8):
        qr.makeImpl(True, mask)
        scores.append((lost_points(qr.modules), mask))
    qr.makeImpl(False, min(scores)[1])
    return tuple(tuple(bool(m) for m in row) for row in qr.modules)


CACHE_VERSION = "qr1"
OPERATORS = re.compile(r"(?:\d{1,4} \d{1,4} \d{1,4} 1 re\n?)*")


@lru_cache(maxsize=1024)
def qr_path(url: str) -> tuple[int, str]:
    """The code as PDF path operators in module units (one ``re`` per run of dark
    modules, y growing upwards, quiet zone included) and its size in modules. Written
    once per link: small integers, no per-number float formatting at draw time.

    Kept on disk too (:func:`coachdesk.paths.cache_dir`), since the same demonstration
    links recur in every program and encoding one takes milliseconds; a cache file that is
    missing, unreadable or not exactly what this function writes is simply made again."""
    cached = _read_cached(url)
    if cached is not None:
        return cached
    found = _encode_path(url)
    _write_cached(url, found)
    return found


def _cache_file(url: str) -> Path:
    digest = hashlib.sha256(f"{CACHE_VERSION}\n{url}".encode()).hexdigest()[:40]
    return paths.cache_dir() / "qr" / f"{digest}.txt"


def _read_cached(url: str) -> tuple[int, str] | None:
    try:
        head, _, operators = _cache_file(url).read_text(encoding="ascii").partition("\n")
        version, stored_url, size = head.split(" ")
        if version != CACHE_VERSION or bytes.fromhex(stored_url).decode() != url:
            return None
        modules = int(size)
    except (OSError, ValueError, UnicodeError):
        return None
    if not 21 <= modules <= 200 or not OPERATORS.fullmatch(operators):
        return None  # not what _write_cached writes: never trusted into a PDF
    return modules, operators


def _write_cached(url: str, found: tuple[int, str]) -> None:
    target = _cache_file(url)
    size, operators = found
    temporary = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".qr-")
        with os.fdopen(handle, "w", encoding="ascii") as out:
            out.write(f"{CACHE_VERSION} {url.encode().hex()} {size}\n{operators}")
        os.replace(temporary, target)
    except OSError:  # a read-only or full cache folder costs time, never the export
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _encode_path(url: str) -> tuple[int, str]:
    modules = qr_modules(url)
    size = len(modules) + 2 * QR_BORDER
    operators = []
    for r, row in enumerate(modules):
        c = 0
        for dark, run in itertools.groupby(row):
            length = len(tuple(run))
            if dark:
                operators.append(f"{c + QR_BORDER} {size - r - QR_BORDER - 1} {length} 1 re")
            c += length
    return size, "\n".join(operators)


def clear_cache() -> None:
    """Forget every encoded link, in memory and on disk (for benchmarks measuring a first
    export)."""
    qr_modules.cache_clear()
    qr_path.cache_clear()
    for cached in (paths.cache_dir() / "qr").glob("*.txt"):
        cached.unlink(missing_ok=True)


class QrCode(Flowable):
    """A QR code drawn as one filled path (quick to build and to view, sharp at any
    zoom); the square is also a clickable link, for clients reading on their phone."""

    def __init__(self, url: str, size: float) -> None:
        super().__init__()
        self.url = url
        self.size = size

    def wrap(self, _available_width: float, _available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        modules, operators = qr_path(self.url)
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(colors.white)
        canvas.rect(0, 0, self.size, self.size, stroke=0, fill=1)
        canvas.setFillColor(colors.black)
        canvas.scale(self.size / modules, self.size / modules)
        canvas.addLiteral(f"{operators}\nf")
        canvas.restoreState()
        canvas.linkURL(self.url, (0, 0, self.size, self.size), relative=1, thickness=0)
