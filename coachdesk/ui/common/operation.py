"""One way to run a use case from the UI (after Anki's ``CollectionOp``).

``Operation(parent, work, changes=…).run()`` calls a service; a ``CoachDeskError`` is
shown next to its field (when the caller gave a ``FieldErrors`` that knows the field) or
in one dialog, and never escapes; on success the kinds of record it changed go out on the
``ChangeBus``, and every area showing one of them refreshes. ``run_in_background`` does
the same off the GUI thread behind a cancellable progress dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from coachdesk.errors import Cancelled, CoachDeskError, ValidationError
from coachdesk.services.changes import Change
from coachdesk.ui.common.form_errors import FieldErrors

T = TypeVar("T")


class ChangeBus(QObject):
    """Announces which kinds of record changed, whoever changed them."""

    changed = Signal(object)
    """A ``frozenset[Change]``."""

    @classmethod
    def instance(cls) -> ChangeBus:
        """The application's bus (one database is open per process)."""
        app = QApplication.instance()
        bus = app.findChild(ChangeBus, "changeBus") if app is not None else None
        if bus is None:
            bus = cls(app)
            bus.setObjectName("changeBus")
        return bus

    def announce(self, changes: Iterable[Change]) -> None:
        kinds = frozenset(changes)
        if kinds:
            self.changed.emit(kinds)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What an operation came to: ``ok`` with its ``value``, or the ``error`` shown."""

    ok: bool
    value: T | None = None
    error: CoachDeskError | None = None


class Operation(Generic[T]):
    def __init__(self, parent: QWidget | None, work: Callable[[], T], *,
                 changes: Iterable[Change] = (), title: str = "CoachDesk",
                 fields: FieldErrors | None = None) -> None:
        self.parent = parent
        self.work = work
        self.changes = frozenset(changes)
        self.title = title
        self.fields = fields

    def run(self) -> Outcome[T]:
        try:
            value = self.work()
        except CoachDeskError as error:
            self.show(error)
            return Outcome(False, error=error)
        ChangeBus.instance().announce(self.changes)
        return Outcome(True, value)

    def run_in_background(self, label: str,
                          work: Callable[[Callable[[int, int], None], Callable[[], bool]], T]
                          ) -> Outcome[T]:
        """Run ``work(progress, should_stop)`` off the GUI thread with a progress dialog;
        Cancel makes it raise :class:`Cancelled` (and roll back), reported quietly."""
        from coachdesk.ui.common.progress import run_with_progress

        parent = self.parent
        assert parent is not None, "a progress dialog needs a parent window"
        self.work = lambda: run_with_progress(parent, self.title, label, work)
        return self.run()

    def show(self, error: CoachDeskError) -> None:
        """Next to its field when the form knows it, else in one dialog."""
        if isinstance(error, Cancelled):
            return
        if isinstance(error, ValidationError) and self.fields is not None and \
                self.fields.show(error.field, error.message):
            return
        QMessageBox.warning(self.parent, self.title, str(error))


def run_operation(parent: QWidget | None, work: Callable[[], Any], *,
                  changes: Iterable[Change] = (), title: str = "CoachDesk",
                  fields: FieldErrors | None = None) -> Outcome[Any]:
    """``Operation(...).run()`` in one call."""
    return Operation(parent, work, changes=changes, title=title, fields=fields).run()
