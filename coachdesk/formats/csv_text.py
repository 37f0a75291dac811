"""CSV files as spreadsheets write them, read and written the same way for the library and
the roster (no Qt, no database).

Reading: the encoding (UTF-8 with or without a BOM, else the Windows code page a
spreadsheet saved in, judged by charset-normalizer), the delimiter (``csv.Sniffer``, checked
against the known columns, so a European ``;`` file reads), strict quoting (an unclosed
quote is an error naming its row instead of swallowing the rows after it), a duplicate
column refused, and cell problems (too long, a NUL) kept per row so the valid rows can still
be imported.

Writing: a UTF-8 BOM so spreadsheets read accents, and cells a spreadsheet would run as a
formula (starting with ``= + - @``, a tab or a carriage return) neutralised the OWASP way
with a leading apostrophe.

The apostrophe round trip: export prefixes one apostrophe to every cell that matches
``'*[=+-@\\t\\r]`` (any apostrophes, then a formula character). Import removes exactly
one apostrophe from a cell of the same shape with at least one apostrophe. So ``=x`` →
``'=x`` → ``=x``, and a coach's own ``'=x`` → ``''=x`` → ``'=x``, while ``'plain`` is
never touched: importing the app's export gives the original text back exactly. A file
from elsewhere holding ``'+44 …`` loses that apostrophe, as a spreadsheet would hide it.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from coachdesk.errors import CoachDeskError
from coachdesk.limits import FileTooLargeError, read_bytes_limited

FIELD_LIMIT = 131_072
"""Python's csv field limit: a longer cell is reported by row and column."""
DELIMITERS = ",;\t"
WINDOWS_CODE_PAGES = ["cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257"]
"""What a spreadsheet's "CSV" (not "CSV UTF-8") is saved in; cp1252 wins a tie."""
BOM = "\ufeff"

_FORMULA = re.compile(r"'*[=+\-@\t\r]")
_NEUTRALISED = re.compile(r"'+[=+\-@\t\r]")
_BAD_CHARACTER = re.compile("[\x00\ud800-\udfff]")
_LIMIT_LOCK = threading.Lock()


class CsvTextError(CoachDeskError):
    """A CSV file that cannot be read at all; ``row`` is 1 for the header."""

    def __init__(self, row: int | None, message: str) -> None:
        super().__init__(f"row {row}: {message}" if row is not None else message)
        self.row = row
        self.message = message


@dataclass(frozen=True)
class CsvRow:
    """One record: its row number as a spreadsheet shows it (the header is row 1), its
    cells by column, and what is wrong with it, if anything."""

    number: int
    cells: dict[str, str]
    problem: str | None = None


@dataclass(frozen=True)
class CsvTable:
    header: tuple[str, ...]
    rows: tuple[CsvRow, ...]
    encoding: str
    delimiter: str


# --- encoding ----------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read in."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode(data[3:], "utf-8"), "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode(data, "utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data, cp_isolation=WINDOWS_CODE_PAGES)
    best = matches.best()
    if best is None:
        raise CsvTextError(None, "the file's characters cannot be read; save it from your "
                           "spreadsheet as \"CSV UTF-8\" and import that")
    encoding = best.encoding
    if any("cp1252" in (m.encoding, *m.could_be_from_charset) and m.chaos <= best.chaos
           for m in matches):
        encoding = "cp1252"
    return _decode(data, encoding), encoding


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise CsvTextError(None, f"byte {error.start} is not {encoding} text; save the file "
                           "from your spreadsheet as \"CSV UTF-8\" and import that") from None


# --- reading -----------------------------------------------------------------------------


def column_key(title: str) -> str:
    """A header cell as a column name: ``Key run days`` → ``key_run_days``."""
    return re.sub(r"[\s\-]+", "_", title.strip().lower())


def _delimiter(text: str, known: set[str]) -> str:
    """The sniffed delimiter when the header splits into known columns with it; else the
    first candidate that does; else a comma."""
    first_line = text.split("\n", 1)[0]
    candidates = []
    with contextlib.suppress(csv.Error):
        candidates.append(csv.Sniffer().sniff(text[:8192], delimiters=DELIMITERS).delimiter)
    candidates += [d for d in DELIMITERS if d not in candidates]
    for delimiter in candidates:
        columns = [column_key(c) for c in first_line.split(delimiter)]
        if all(c in known for c in columns if c):
            return delimiter
    return candidates[0]


def restore(cell: str) -> str:
    """A cell as the app exported it, its neutralising apostrophe removed (see above)."""
    return cell[1:] if _NEUTRALISED.match(cell) else cell


def read_table(text: str, known: tuple[str, ...], encoding: str = "utf-8") -> CsvTable:
    """Parse CSV text whose header must name columns from ``known``."""
    text = text.removeprefix(BOM)
    if not text.strip():
        raise CsvTextError(None, "the file is empty")
    delimiter = _delimiter(text, set(known))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    with _LIMIT_LOCK:
        previous = csv.field_size_limit(max(len(text) + 1, FIELD_LIMIT))
        try:
            records = _records(reader)
        finally:
            csv.field_size_limit(previous)
    header = tuple(column_key(c) for c in records[0][1])
    _check_header(header, known)
    rows = []
    for number, cells in records[1:]:
        if not any(c.strip() for c in cells):
            continue
        values = {h: restore(c.replace("\r\n", "\n").strip()) for h, c in zip(header, cells,
                                                                             strict=False)}
        rows.append(CsvRow(number, values, _problem(header, cells)))
    return CsvTable(header, tuple(rows), encoding, delimiter)


def _records(reader: csv.Reader) -> list[tuple[int, list[str]]]:
    records: list[tuple[int, list[str]]] = []
    try:
        for cells in reader:
            records.append((len(records) + 1, cells))
    except csv.Error as error:
        row = len(records) + 1
        if "unexpected end of data" in str(error):
            raise CsvTextError(row, "a quote (\") opens in this row and never closes, so "
                               "every line after it would be read into one cell; close the "
                               "quote or remove it") from None
        raise CsvTextError(row, "a quoted cell has text after its closing quote; put the "
                           "whole cell in quotes, and double any quote inside it (\"\")"
                           ) from None
    return records


def _check_header(header: tuple[str, ...], known: tuple[str, ...]) -> None:
    seen: set[str] = set()
    for index, column in enumerate(header, start=1):
        if not column:
            raise CsvTextError(1, f"column {index} has no name; name it (one of: "
                               f"{', '.join(known)}) or delete the column")
        if column not in known:
            raise CsvTextError(1, f"unknown column {column!r} (expected: {', '.join(known)})")
        if column in seen:
            raise CsvTextError(1, f"column {column!r} appears twice in the header; keep one "
                               "of them")
        seen.add(column)


def _problem(header: tuple[str, ...], cells: list[str]) -> str | None:
    if len(cells) > len(header):
        return (f"has {len(cells)} cells but the header names {len(header)} columns; a "
                "comma or semicolon inside a cell needs quotes around the cell")
    for column, cell in zip(header, cells, strict=False):
        if len(cell) > FIELD_LIMIT:
            return (f"column {column}: holds {len(cell):,} characters; a cell may hold at "
                    f"most {FIELD_LIMIT:,}")
        found = _BAD_CHARACTER.search(cell)
        if found:
            return (f"column {column}: contains a NUL character (an invisible control code "
                    "CoachDesk cannot store); remove it")
    return None


def read_csv_file(path: Path, known: tuple[str, ...]) -> CsvTable:
    try:
        data = read_bytes_limited(Path(path))
    except FileTooLargeError as error:
        raise CsvTextError(None, error.message) from None
    except OSError as error:
        raise CsvTextError(None, f"cannot be read: {error.strerror or error}") from None
    text, encoding = decode(data)
    return read_table(text, known, encoding)


# --- writing -----------------------------------------------------------------------------


def neutralise(cell: str) -> str:
    """A cell a spreadsheet will show as text, never run as a formula."""
    return "'" + cell if _FORMULA.match(cell) else cell


def csv_text(header: tuple[str, ...], rows: list[list[str]]) -> str:
    """CSV for spreadsheets: a BOM, a header, every cell neutralised."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return buffer.getvalue()
