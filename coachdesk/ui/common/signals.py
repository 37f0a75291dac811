"""Emit a Qt signal from Python without the PySide6 6.12 reference-count slip.

In PySide6 6.12 ``SignalInstance.emit()`` returns ``True`` without taking a reference, so
every Python-side ``emit`` whose result is dropped takes one reference from ``True``; after
a few thousand emits (a coach typing in a search box) the interpreter aborts with
"bool_dealloc: deallocating True or False". :func:`emit` measures the slip once and gives
the reference back only when this PySide6 has it, so it stays correct after a fix."""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal()


def _measure_slip() -> int:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    slip = max(0, round((before - sys.getrefcount(True)) / 8))
    for _ in range(8 * slip):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return slip


_SLIP: int | None = None


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, giving back any reference PySide6 took from the result."""
    global _SLIP
    if _SLIP is None:
        _SLIP = _measure_slip()
    result = signal.emit(*args)
    for _ in range(_SLIP if isinstance(result, bool) else 0):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
