"""One window per coach and database: a second launch hands its file (or just "come
forward") to the window already running, through a local socket, and exits.

The server's name is a hash of the user and the database location, so two coaches on one
machine, or one coach with two databases, each keep their own window. A socket left behind
by a crashed first instance answers nobody: the next start removes it and listens again.
"""

from __future__ import annotations

import getpass
import hashlib
import json

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_MS = 500
"""How long a second launch waits for a running window before starting its own."""


def server_name(database_url: str, user: str | None = None) -> str:
    """``coachdesk-`` and 24 hex digits of the user and the database (a URL's password, if
    any, never leaves the hash)."""
    who = user if user is not None else _user()
    digest = hashlib.sha256(f"{who}\0{database_url}".encode()).hexdigest()[:24]
    return f"coachdesk-{digest}"


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (rare, e.g. some containers)
        return "user"


def hand_over(name: str, file: str | None) -> bool:
    """Give ``file`` (None: just come forward) to the window listening on ``name``; True
    when one took it, False when none is running."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    message = json.dumps({"open": file}).encode("utf-8") + b"\n"
    delivered = socket.write(message) == len(message)
    while delivered and socket.bytesToWrite() > 0:
        delivered = socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(CONNECT_MS)
    return delivered


class InstanceServer(QObject):
    """The running window's end: ``received`` carries each hand-over's file path ("" when
    the second launch had none)."""

    received = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def listen(self, name: str) -> bool:
        """Listen on ``name``. Call it after :func:`hand_over` found no one there: a name
        still taken then is a crashed instance's socket, so it is removed first."""
        if self.server.listen(name):
            return True
        QLocalServer.removeServer(name)
        return self.server.listen(name)

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            buffer = bytearray()

            def read(socket: QLocalSocket = socket, buffer: bytearray = buffer) -> None:
                buffer.extend(bytes(socket.readAll().data()))
                if b"\n" in buffer:
                    socket.readyRead.disconnect()
                    self._deliver(bytes(buffer).split(b"\n", 1)[0])
                    socket.disconnectFromServer()

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                read()

    def _deliver(self, line: bytes) -> None:
        try:
            message = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return  # not a CoachDesk launch: ignore
        file = message.get("open") if isinstance(message, dict) else None
        self.received.emit(file if isinstance(file, str) else "")


def start_or_hand_over(database_url: str, file: str | None,
                       parent: QObject | None = None) -> InstanceServer | None:
    """None when a running window took over (this launch should exit); else the server
    this launch now listens with (None-safe: a server that cannot listen still runs the
    window, only without the hand-over)."""
    name = server_name(database_url)
    if hand_over(name, file):
        return None
    server = InstanceServer(parent)
    server.listen(name)
    return server
