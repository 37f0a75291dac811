"""Drop-to-updated-panel on a full week: 7 days × 15 slots, real drop events."""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path

RUNS = 60


def bench_drop_to_panel() -> dict[str, object]:
    from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    from coachdesk.opening import open_app_database
    from coachdesk.services import templates as svc
    from coachdesk.ui.builder.area import TemplatesArea
    from coachdesk.ui.mime import EXERCISE_IDS_MIME
    from coachdesk.vocab import WEEKDAYS

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="coachdesk-bench-builder-"))
    db = open_app_database(str(folder / "builder.sqlite3"))
    choices = svc.exercise_choices(db)
    template_id = svc.create_template(db, "Full week")
    for d, day in enumerate(WEEKDAYS):
        ids = [choices[(d * 15 + n) % len(choices)].id for n in range(15)]
        svc.add_slots(db, template_id, day, ids)
    area = TemplatesArea()
    area.resize(1600, 900)
    area.set_database(db)
    area.show()
    app.processEvents()
    view = area.board.columns["wed"].view
    rect = view.visualRect(view.model().index(7))
    point = QPointF(QPoint(rect.center().x(), rect.top() + 2))
    mime = QMimeData()
    mime.setData(EXERCISE_IDS_MIME, json.dumps([choices[0].id]).encode())
    timings = []
    copy, left, none = (Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton,
                        Qt.KeyboardModifier.NoModifier)
    before = area.balance.report
    for _ in range(RUNS):
        enter = QDragEnterEvent(point.toPoint(), copy, mime, left, none)
        move = QDragMoveEvent(point.toPoint(), copy, mime, left, none)
        drop = QDropEvent(point, copy, mime, left, none)
        start = time.perf_counter()
        for event in (enter, move, drop):
            event.setDropAction(copy)
            QApplication.sendEvent(view.viewport(), event)
        app.processEvents()
        timings.append(time.perf_counter() - start)
        assert area.balance.report is not before
        assert sum(len(d.slots) for d in area.document.week.days) == 106
        area.undo_action.trigger()
        app.processEvents()
    slots = sum(len(d.slots) for d in area.document.week.days)
    area.close()
    area.deleteLater()
    app.processEvents()
    db.dispose()
    return {"name": "drop onto a 7×15 week → balance panel updated",
            "median_ms": statistics.median(timings) * 1000, "target": "< 16 ms",
            "detail": f"{RUNS} drops; week of {slots} slots; includes the SQLite commit"}


def bench_fix_click_to_panel() -> dict[str, object]:
    """Press a finding's fix button on a 7 × 15 week: the command, the commit, the reload,
    the checks and the repainted panel; then undo, and again."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from coachdesk.opening import open_app_database
    from coachdesk.services import templates as svc
    from coachdesk.ui.builder.area import TemplatesArea
    from coachdesk.vocab import WEEKDAYS

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="coachdesk-bench-fix-"))
    db = open_app_database(str(folder / "fix.sqlite3"))
    legs = [c for c in svc.exercise_choices(db)
            if c.pattern in ("squat", "hinge", "lunge", "step", "calf_ankle")]
    template_id = svc.create_template(db, "Full week, no core")
    for d, day in enumerate(WEEKDAYS):
        svc.add_slots(db, template_id, day, [legs[(d * 15 + n) % len(legs)].id
                                             for n in range(15)])
    area = TemplatesArea()
    area.resize(1600, 900)
    area.set_database(db)
    area.show()
    app.processEvents()
    timings = []
    for _ in range(RUNS):
        card = area.balance.card_for("CORE_MISSING_DAY")
        assert card is not None and card.fix_buttons
        days_before = len(card.finding.days)
        start = time.perf_counter()
        QTest.mouseClick(card.fix_buttons[0], Qt.MouseButton.LeftButton)
        app.processEvents()
        timings.append(time.perf_counter() - start)
        after = area.balance.card_for("CORE_MISSING_DAY")
        assert after is None or len(after.finding.days) == days_before - 1, (
            days_before, after.finding.days if after else None, _)
        area.undo_action.trigger()
        app.processEvents()
    area.close()
    area.deleteLater()
    app.processEvents()
    db.dispose()
    return {"name": "fix button on a 7×15 week → balance panel updated",
            "median_ms": statistics.median(timings) * 1000, "target": "< 16 ms",
            "detail": f"{RUNS} clicks (an exercise added, committed, checked, cards redrawn)"}
