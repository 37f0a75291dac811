"""Three-way merge of one coach's edit with what another desk saved meanwhile.

A form or a board shows a record as it was loaded (``expected``); the coach changes it
(``mine``); by the time it is saved another desk may have saved its own change
(``current``). Fields only one side changed are taken from that side, so neither change is
lost; a field both sides changed to different values is a conflict, and nothing is saved.
Nested mappings (the balance-check settings, progression rules per slot) merge key by key.
Pure Python: the services call it inside their write transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coachdesk.errors import StaleEditError

_MISSING = object()


def conflicts(expected: Mapping[str, Any], mine: Mapping[str, Any],
              current: Mapping[str, Any], prefix: str = "") -> list[str]:
    """The dotted names of the fields both sides changed to different values."""
    found: list[str] = []
    for key in dict.fromkeys([*expected, *mine, *current]):
        base, ours, theirs = (m.get(key, _MISSING) for m in (expected, mine, current))
        if ours in (base, theirs) or theirs == base:
            continue
        name = f"{prefix}{key}"
        if base is _MISSING and isinstance(ours, Mapping) and isinstance(theirs, Mapping):
            base = {}  # both desks added this mapping: merge what they put in it
        if all(isinstance(v, Mapping) for v in (base, ours, theirs)):
            found += conflicts(base, ours, theirs, f"{name}.")
        else:
            found.append(name)
    return found


def merged(expected: Mapping[str, Any], mine: Mapping[str, Any],
           current: Mapping[str, Any]) -> dict[str, Any]:
    """``current`` with this coach's changes applied; call only when there are no conflicts."""
    result: dict[str, Any] = {}
    for key in dict.fromkeys([*current, *mine, *expected]):
        base, ours, theirs = (m.get(key, _MISSING) for m in (expected, mine, current))
        if base is _MISSING and isinstance(ours, Mapping) and isinstance(theirs, Mapping):
            base = {}
        if ours == base:
            value = theirs
        elif theirs == base or ours == theirs:
            value = ours
        elif all(isinstance(v, Mapping) for v in (base, ours, theirs)):
            value = merged(base, ours, theirs)  # both changed it, in different places
        else:
            value = ours  # a conflict the coach chose to settle with their own value
        if value is not _MISSING:
            result[key] = value
    return result


def merge_edit(expected: Mapping[str, Any], mine: Mapping[str, Any],
               current: Mapping[str, Any], what: str, keep_mine: bool = False
               ) -> dict[str, Any]:
    """The merged record, or :class:`StaleEditError` naming the fields both desks changed;
    with ``keep_mine`` (the coach chose so) this desk's values win those fields."""
    clashing = conflicts(expected, mine, current)
    if clashing and not keep_mine:
        names = ", ".join(n.replace("_", " ") for n in clashing)
        raise StaleEditError(
            f"{what} was changed on another desk after you opened it ({names}); nothing was "
            "overwritten.", tuple(clashing))
    return merged(expected, mine, current)
