"""One careful JSON loader for every file a coach imports (templates, libraries).

``json.loads`` alone lets hostile files through as tracebacks: nesting 100,000 deep raises
RecursionError, a 5,000-digit number raises ValueError (Python 3.11's digit limit), and a
lone surrogate or a NUL reaches the database, which cannot store it. Here each becomes a
:class:`JsonTextError` that says where (a line and column, or a path such as
``exercises[3].name``) and what is allowed. Kept free of Qt and the database.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from coachdesk.errors import CoachDeskError
from coachdesk.limits import FileTooLargeError, read_bytes_limited

MAX_DEPTH = 32
"""Deeper than any CoachDesk file (a template goes 4 levels deep); refused before parsing."""
MAX_DIGITS = 30
"""Longer numbers than this are no count of sets, reps or seconds a coach would write."""

_UTF8_BOM = b"\xef\xbb\xbf"
_STRINGS_AND_PLAIN_TEXT = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[^\[\]{}"]+')
_BAD_CHARACTER = re.compile("[\x00\ud800-\udfff]")
_LONG_NUMBER = re.compile(rf"-?\d{{{MAX_DIGITS + 1},}}")


class JsonTextError(CoachDeskError):
    """A JSON file that cannot be read; ``where`` is a position or a path in the file."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}" if where else message)
        self.where = where
        self.message = message


class _HugeNumber(Exception):
    def __init__(self, digits: int) -> None:
        super().__init__(digits)
        self.digits = digits


def decode(data: bytes) -> str:
    """UTF-8 text, a leading UTF-8 BOM dropped (Windows Notepad writes one)."""
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise JsonTextError(f"line {line}", "the file is not UTF-8 text; save it as UTF-8 "
                            "(CoachDesk writes its own files that way)") from None


def nesting_depth(text: str, stop_at: int = MAX_DEPTH) -> int:
    """How deeply ``[`` and ``{`` nest outside strings (counting stops past ``stop_at``)."""
    depth = deepest = 0
    for bracket in _STRINGS_AND_PLAIN_TEXT.sub("", text):
        if bracket in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > stop_at:
                    break
        elif bracket in "]}":
            depth -= 1
    return deepest


def _small_int(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_DIGITS:
        raise _HugeNumber(digits)
    return int(text)


def _position(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    return f"line {line}, column {index - (text.rfind(chr(10), 0, index) + 1) + 1}"


def loads(text: str) -> Any:
    """Parse JSON text that a coach's file holds; raises :class:`JsonTextError`."""
    if nesting_depth(text) > MAX_DEPTH:
        raise JsonTextError("", f"the data is nested more than {MAX_DEPTH} levels deep; a "
                            "CoachDesk file never is (is this the right file?)")
    try:
        data = json.loads(text, parse_int=_small_int)
    except json.JSONDecodeError as error:
        raise JsonTextError(f"line {error.lineno}, column {error.colno}",
                            f"invalid JSON: {error.msg}") from None
    except _HugeNumber as error:
        found = _LONG_NUMBER.search(text)
        where = _position(text, found.start()) if found else ""
        raise JsonTextError(where, f"a number with {error.digits} digits; numbers in a "
                            f"CoachDesk file have at most {MAX_DIGITS}") from None
    except (RecursionError, ValueError) as error:  # belt and braces behind the checks above
        raise JsonTextError("", f"the file cannot be read as JSON ({type(error).__name__})"
                            ) from None
    check_characters(data)
    return data


def check_characters(data: Any) -> None:
    """Refuse text that no database can store: a NUL, or half of a surrogate pair (JSON
    escapes like ``\\ud800`` without their partner). Names the path of the first one."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            _check_text(where, value)
        elif isinstance(value, dict):
            items = list(value.items())
            for key, item in reversed(items):
                _check_text(where or "field name", key)
                stack.append((f"{where}.{key}" if where else key, item))
        elif isinstance(value, list):
            stack.extend((f"{where}[{i}]", item) for i, item in reversed(list(enumerate(value))))


def _check_text(where: str, text: str) -> None:
    found = _BAD_CHARACTER.search(text)
    if found is None:
        return
    if found.group() == "\x00":
        raise JsonTextError(where, "contains a NUL character (an invisible control code "
                            "CoachDesk cannot store); remove it and import again")
    raise JsonTextError(where, f"contains a broken character (\\u{ord(found.group()):04x}, "
                        "half of an emoji or other character); retype it and import again")


def read_json_file(path: Path) -> Any:
    """The parsed contents of a coach's JSON file: size-limited, BOM-tolerant, checked."""
    try:
        data = read_bytes_limited(Path(path))
    except FileTooLargeError as error:
        raise JsonTextError("", error.message) from None
    except OSError as error:
        raise JsonTextError("", f"cannot be read: {error.strerror or error}") from None
    return loads(decode(data))
