"""The one filter model: a table model over plain rows with fast Python-side search and
facets, used by the library, the roster, the builder's picker and the programs table.

Why not ``QSortFilterProxyModel``: measured here at 10,000 rows it cost about 50 ms per
keystroke and over a second to sort, while filtering a pre-computed, lower-cased index in
Python costs a few milliseconds. Filtering and sorting are layout changes that move
persistent indexes, so the selection survives as long as the row stays visible.

A reload (:meth:`FilterTableModel.set_rows`) compares the new rows with the shown ones by
key: a few new, removed, changed or re-sorted rows become ``rowsInserted``,
``rowsRemoved``, ``dataChanged`` and ``rowsMoved``, so the selection and the scroll position
stay put; a wholesale reload (first load, or most rows different) resets the model.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from rapidfuzz import fuzz, process

from coachdesk.ui.common.signals import emit

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
ROW_KEY_ROLE = Qt.ItemDataRole.UserRole + 100
FINE_GRAINED_LIMIT = 32
"""Above this many inserted, removed, changed or moved rows a reload resets the model."""
FUZZY_CUTOFF = 80
"""How alike (rapidfuzz ratio, 0–100) a typed word and a word in a row must be when no
row holds the typed word: "nordc" → "nordic" is 91, "okafro" → "okafor" 83."""
FUZZY_SHORTEST = 4
"""Shorter words are never guessed at: two or three letters are alike too often."""
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    sort_key: Callable[[R], Any] | None = None
    tooltip: Callable[[R], str] | None = None
    width: int = 0
    """Starting width in pixels (0: the view's default)."""


class FilterTableModel(QAbstractTableModel, Generic[R]):
    def __init__(
        self,
        columns: Sequence[Column[R]],
        search_text: Callable[[R], str],
        key: Callable[[R], Any],
        parent: Any = None,
        drag_mime: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._search_text = search_text
        self._key = key
        self._drag_mime = drag_mime
        self._all: list[R] = []
        self._keys: list[Any] = []
        self._by_key: dict[Any, R] = {}
        self._index: dict[Any, str] = {}
        self._visible: list[Any] = []  # keys of the shown rows, in order
        self._query: list[str] = []
        self._words: dict[str, set[Any]] | None = None  # word → keys, on the first typo
        self._predicate: Callable[[R], bool] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._ordered: list[Any] | None = None  # the keys in sort order, once per sort
        self._last_match: tuple[list[str], list[Any]] = ([], [])  # the last search's hits

    # --- content -----------------------------------------------------------------------

    def set_rows(self, rows: Sequence[R]) -> None:
        """Replace every row (a reload): the search index is built here, once. Rows that
        kept their key are updated in place; see the module docstring for the signals."""
        old_by_key = self._by_key
        rows = list(rows)
        by_key = {self._key(r): r for r in rows}
        gone = [k for k in self._visible if k not in by_key]
        changed = [k for k in self._visible if k in by_key and by_key[k] != old_by_key[k]]
        added = len(by_key.keys() - old_by_key.keys())
        wholesale = (not self._visible or not by_key
                     or len(gone) + len(changed) + added > FINE_GRAINED_LIMIT)
        if wholesale:
            self.beginResetModel()
        else:
            self._remove_keys(set(gone))
        self._all = rows
        self._keys = [self._key(r) for r in rows]  # in load order, once per reload
        self._by_key = by_key
        self._index = {k: self._search_text(r).casefold() for k, r in by_key.items()}
        self._words = None
        self._ordered = None
        self._last_match = ([], [])
        if wholesale:
            self._visible = self._compute_visible()
            self.endResetModel()
            return
        last = len(self.columns) - 1
        for k in changed:
            row = self._visible.index(k)
            emit(self.dataChanged, self.index(row, 0), self.index(row, last), [])
        self._transition(self._compute_visible())

    def set_filter(self, query: str, predicate: Callable[[R], bool] | None = None) -> None:
        self._query = query.casefold().split()
        self._predicate = predicate
        self._relayout(self._compute_visible())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._ordered = None
        self._last_match = ([], [])
        self._relayout(self._compute_visible())

    def _compute_visible(self) -> list[Any]:
        """The keys to show, in order. Each keystroke stays fast on 50,000 rows: the sort
        order is computed once per sort (filtering keeps it), and a search that only
        narrows the last one (more letters, another word) looks only at its hits."""
        words, predicate, index = self._query, self._predicate, self._index
        keys = self._in_order()
        if words:
            last_words, last_hits = self._last_match
            if last_hits and _narrows(last_words, words):
                keys = last_hits
            exact = keys
            for word in words:
                exact = [k for k in exact if word in index[k]]
            self._last_match = (words, exact)
            keys = exact if exact else self._forgiving(self._in_order(), words)
        if predicate is not None:
            keys = [k for k in keys if predicate(self._by_key[k])]
        return list(keys)

    def _in_order(self) -> list[Any]:
        """Every key in the current sort order (load order when unsorted)."""
        if self._sort is None:
            return self._keys
        if self._ordered is None:
            column, order = self._sort
            spec = self.columns[column]
            sort_key = spec.sort_key or (lambda r, s=spec: s.text(r).casefold())
            self._ordered = sorted(self._keys, key=lambda k: sort_key(self._by_key[k]),
                                   reverse=order == Qt.SortOrder.DescendingOrder)
        return self._ordered

    def _forgiving(self, keys: list[Any], words: list[str]) -> list[Any]:
        """When no row holds every typed word: a word no row holds may match a row's word
        that is close to it (a typo), so "nordc" finds Nordic Curl. Only then, so exact and
        substring matches are never mixed with guesses."""
        index = self._index
        vocabulary = self._vocabulary()
        wanted: set[Any] | None = None
        for word in words:
            found = {k for k in keys if word in index[k]}
            if not found and len(word) >= FUZZY_SHORTEST:
                for close, _score, _at in process.extract(
                        word, list(vocabulary), scorer=fuzz.ratio, limit=None,
                        score_cutoff=FUZZY_CUTOFF):
                    found |= vocabulary[close]
            wanted = found if wanted is None else wanted & found
            if not wanted:
                return []
        return [k for k in keys if k in wanted] if wanted else []

    def _vocabulary(self) -> dict[str, set[Any]]:
        """Every word of the search index with the rows holding it, built on the first
        typo after a reload (about 0.1 s at ten thousand exercises)."""
        if self._words is None:
            words: dict[str, set[Any]] = {}
            for key, text in self._index.items():
                for word in set(_WORD.findall(text)):
                    words.setdefault(word, set()).add(key)
            self._words = words
        return self._words

    # --- fine-grained changes -------------------------------------------------------------

    def _remove_keys(self, keys: set[Any]) -> None:
        """Remove the shown rows with these keys, bottom up, one contiguous run at a time."""
        row = len(self._visible) - 1
        while row >= 0:
            if self._visible[row] not in keys:
                row -= 1
                continue
            last = row
            while row > 0 and self._visible[row - 1] in keys:
                row -= 1
            self.beginRemoveRows(QModelIndex(), row, last)
            del self._visible[row:last + 1]
            self.endRemoveRows()
            row -= 1

    def _transition(self, target: list[Any]) -> None:
        """Go from the shown rows to ``target`` by removing, moving and inserting rows."""
        wanted = set(target)
        self._remove_keys({k for k in self._visible if k not in wanted})
        shown = set(self._visible)
        order = [k for k in target if k in shown]
        if order != self._visible:
            moves = self._moves(order)
            if len(moves) > FINE_GRAINED_LIMIT:
                self._relayout(order)
            else:
                for source, destination in moves:
                    # Qt's destination is the row the item goes before, in the old order.
                    after = destination + 1 if destination > source else destination
                    self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), after)
                    self._visible.insert(destination, self._visible.pop(source))
                    self.endMoveRows()
        row = 0
        while row < len(target):
            if row < len(self._visible) and self._visible[row] == target[row]:
                row += 1
                continue
            end = row
            while end < len(target) and target[end] not in shown:
                end += 1
            self.beginInsertRows(QModelIndex(), row, end - 1)
            self._visible[row:row] = target[row:end]
            self.endInsertRows()
            row = end

    def _moves(self, order: list[Any]) -> list[tuple[int, int]]:
        """Single-row moves that turn the shown order into ``order`` (same keys): the rows
        outside the longest run already in order move, each next to its new neighbour."""
        wanted = {k: i for i, k in enumerate(order)}
        stay = _longest_increasing([wanted[k] for k in self._visible])
        current = list(self._visible)
        moves = []
        for position, k in enumerate(order):
            if position in stay:
                continue
            source = current.index(k)
            current.pop(source)
            destination = current.index(order[position - 1]) + 1 if position else 0
            current.insert(destination, k)
            moves.append((source, destination))
            if len(moves) > FINE_GRAINED_LIMIT:
                break
        return moves

    def _relayout(self, visible: list[Any]) -> None:
        if visible == self._visible:
            return
        emit(self.layoutAboutToBeChanged)
        new_row = {k: row for row, k in enumerate(visible)}
        old_indexes = self.persistentIndexList()
        targets = [
            (new_row.get(self._visible[index.row()], -1), index.column())
            if index.isValid() else (-1, 0)
            for index in old_indexes
        ]
        self._visible = visible  # before index(): it checks rows against the new layout
        new_indexes = [self.index(row, column) if row >= 0 else QModelIndex()
                       for row, column in targets]
        self.changePersistentIndexList(old_indexes, new_indexes)
        emit(self.layoutChanged)

    # --- reading ------------------------------------------------------------------------

    @property
    def all_rows(self) -> list[R]:
        return list(self._all)

    @property
    def total_count(self) -> int:
        return len(self._all)

    @property
    def visible_count(self) -> int:
        return len(self._visible)

    def row_at(self, row: int) -> R:
        return self._by_key[self._visible[row]]

    def key_at(self, row: int) -> Any:
        return self._visible[row]

    @property
    def rows(self) -> list[R]:
        """The shown rows, in order."""
        return self.visible_rows()

    def visible_rows(self) -> list[R]:
        return [self._by_key[k] for k in self._visible]

    def row_of_key(self, key: Any) -> int:
        try:
            return self._visible.index(key)
        except ValueError:
            return -1

    def record(self, key: Any) -> R | None:
        """The row with ``key``, shown or filtered out; None when there is none."""
        return self._by_key.get(key)

    # --- Qt model API ---------------------------------------------------------------------

    def index(self, row: int, column: int = 0,
              parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """``column`` defaults to 0, so a one-column model reads like a list model."""
        return super().index(row, column, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.columns)):
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        row = self._by_key[self._visible[index.row()]]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role in (ROW_KEY_ROLE, Qt.ItemDataRole.UserRole):
            return self._visible[index.row()]
        return None

    # --- dragging rows out (their keys as JSON) -------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self._drag_mime and index.isValid():
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction if self._drag_mime else Qt.DropAction.IgnoreAction

    def mimeTypes(self) -> list[str]:
        return [self._drag_mime] if self._drag_mime else []

    def mimeData(self, indexes: Sequence[Index]) -> QMimeData:
        mime = QMimeData()
        if self._drag_mime:
            rows = sorted({i.row() for i in indexes if i.isValid()})
            mime.setData(self._drag_mime, json.dumps([self._visible[r] for r in rows]).encode())
        return mime


def _longest_increasing(values: list[int]) -> set[int]:
    """The values of one longest strictly increasing subsequence (patience sorting)."""
    from bisect import bisect_left

    tails: list[int] = []  # positions in values
    tail_values: list[int] = []
    before: list[int] = [-1] * len(values)
    for i, value in enumerate(values):
        place = bisect_left(tail_values, value)
        before[i] = tails[place - 1] if place else -1
        if place == len(tails):
            tails.append(i)
            tail_values.append(value)
        else:
            tails[place] = i
            tail_values[place] = value
    result: set[int] = set()
    i = tails[-1] if tails else -1
    while i >= 0:
        result.add(values[i])
        i = before[i]
    return result


def _narrows(before: list[str], after: list[str]) -> bool:
    """Whether every row matching ``after`` also matches ``before``: each earlier word
    is part of the word now typed in its place, and any extra words only narrow."""
    return len(after) >= len(before) and all(
        old in new for old, new in zip(before, after, strict=False))
