"""The Qt binding itself: a signal emitted from Python must not leak or drop references
(PySide6 6.12.0 drops one from True per emit, and the app aborts after a few thousand)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(object)
    count = Signal(int)


def test_emitting_signals_keeps_reference_counts_steady() -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.changed.connect(received.append)
    emitter.count.connect(received.append)
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for n in range(500):
        emitter.changed.emit(n)
        emitter.count.emit(n)
    assert len(received) == 1000
    assert abs(sys.getrefcount(True) - true_before) < 50  # 6.12.0: 1,000 fewer
    assert abs(sys.getrefcount(None) - none_before) < 50  # caches settle; no per-emit drift
