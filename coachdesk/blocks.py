"""Supersets and circuits: adjacent slots of a day that share a group form a block, done
back to back with one rest after it, and are labelled A1, A2, B1… (pure: no Qt, no DB)."""

from __future__ import annotations

from collections.abc import Sequence
from string import ascii_uppercase


def block_labels(groups: Sequence[int | None]) -> list[str]:
    """The label of each slot of a day, in order: ``"A1"``, ``"A2"`` for the first block of
    two or more adjacent slots with the same group, ``""`` for a slot on its own."""
    labels = [""] * len(groups)
    letter = 0
    start = 0
    while start < len(groups):
        end = start + 1
        while end < len(groups) and groups[start] is not None and groups[end] == groups[start]:
            end += 1
        if end - start >= 2:
            name = ascii_uppercase[letter % 26] * (1 + letter // 26)
            for offset in range(end - start):
                labels[start + offset] = f"{name}{offset + 1}"
            letter += 1
        start = end
    return labels


def rests_inside_blocks(labels: Sequence[str]) -> list[bool]:
    """Whether each slot is followed by the next one of its block with no rest between."""
    return [bool(label) and index + 1 < len(labels) and labels[index + 1][:-1] == label[:-1]
            and labels[index + 1][-1:] != "1"
            for index, label in enumerate(labels)]
