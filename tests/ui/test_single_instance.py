"""One window: a second launch hands its file to the running window and exits; a socket
left by a crashed first instance does not block start-up."""

from __future__ import annotations

import json
import os
import socket
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, Qt
from PySide6.QtNetwork import QLocalServer

from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.single_instance import (
    InstanceServer,
    hand_over,
    server_name,
    start_or_hand_over,
)


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """A database location no other test (or running CoachDesk) shares."""
    return f"sqlite:///{tmp_path}/{uuid.uuid4().hex}.sqlite3"


@pytest.fixture
def window(qtbot, db_path: Path) -> MainWindow:
    win = MainWindow(str(db_path))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.database_opened, timeout=20_000):
        win.show()
    return win


def test_the_name_is_per_user_and_per_database() -> None:
    one = server_name("sqlite:////a/coachdesk.sqlite3", user="ana")
    assert one == server_name("sqlite:////a/coachdesk.sqlite3", user="ana")
    assert one != server_name("sqlite:////a/coachdesk.sqlite3", user="ben")
    assert one != server_name("sqlite:////b/coachdesk.sqlite3", user="ana")
    secret = server_name("postgresql://coach:hunter22@studio/desk", user="ana")
    assert "hunter22" not in secret and len(secret) < 40


def test_a_second_launch_hands_its_file_to_the_running_window(
        window: MainWindow, database_url: str, qtbot, tmp_path: Path) -> None:
    first = start_or_hand_over(database_url, None)
    assert first is not None  # nobody was running: this one listens
    first.received.connect(lambda file: window.open_file(file) if file
                           else window.bring_forward())
    path = tmp_path / "hill.coachdesk"
    path.write_text(json.dumps({"format": "coachdesk-template", "version": 4,
                                "name": "Hill week", "days": {}}), encoding="utf-8")
    try:
        with qtbot.waitSignal(window.template_preview_shown, timeout=5000) as shown:
            assert start_or_hand_over(database_url, str(path)) is None  # the second exits
        assert shown.args[0].path == path
        qtbot.mouseClick(shown.args[0].cancel_button, Qt.MouseButton.LeftButton)
        window.showMinimized()
        with qtbot.waitSignal(first.received, timeout=5000) as forward:
            assert hand_over(server_name(database_url), None)  # no file: come forward
        assert forward.args == [""]
        assert not window.isMinimized()
    finally:
        first.close()


def test_a_crashed_instance_socket_does_not_block_start_up(database_url: str, qtbot) -> None:
    name = server_name(database_url)
    stale_path = os.path.join(QDir.tempPath(), name)
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(stale_path)  # bound, never listening, then the process "crashed"
    stale.close()
    assert os.path.exists(stale_path)
    assert not hand_over(name, None)  # nobody answers on it
    server = InstanceServer()
    try:
        assert server.listen(name), server.server.errorString()
        with qtbot.waitSignal(server.received, timeout=5000) as got:
            assert hand_over(name, "/tmp/week.coachdesk")
        assert got.args == ["/tmp/week.coachdesk"]
    finally:
        server.close()
        QLocalServer.removeServer(name)


def test_a_stranger_writing_garbage_is_ignored(database_url: str, qtbot) -> None:
    from PySide6.QtNetwork import QLocalSocket

    name = server_name(database_url)
    server = InstanceServer()
    assert server.listen(name)
    received: list[str] = []
    server.received.connect(received.append)
    try:
        client = QLocalSocket()
        client.connectToServer(name)
        assert client.waitForConnected(1000)
        client.write(b"\xff not json\n")
        client.waitForBytesWritten(1000)
        client.disconnectFromServer()
        qtbot.wait(200)
        assert received == []
    finally:
        server.close()
