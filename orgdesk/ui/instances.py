"""Talking to the other orgdesk processes of this user: "show this document".

Each orgdesk listens on a local socket named after its process id.  When a
document cannot be opened because another orgdesk of the same user has it
open (its session folder's lock names that process), the request is
forwarded there: that orgdesk raises the document's window and answers
"shown", and this one opens nothing twice.  The protocol is one JSON line
each way: `{"open": PATH}` and `{"shown": true|false}`.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

#: How long a forwarding request waits for the other orgdesk (it may be busy for a moment).
FORWARD_TIMEOUT_MS = 10_000
#: The largest request line read (a path, in JSON).
MAX_REQUEST = 64 * 1024


def server_name(pid: int) -> str:
    """The local socket of the orgdesk with process id `pid`, private to this user."""
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    return f"orgdesk-{user}-{pid}"


class InstanceServer(QObject):
    """Answers other orgdesk processes' requests to show a document."""

    def __init__(self, show: Callable[[Path], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._show = show
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(os.getpid())
        QLocalServer.removeServer(name)  # a socket file left by a killed process of this pid
        self.listening = self.server.listen(name)
        self.server.newConnection.connect(self._connection)

    def _connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > MAX_REQUEST:
                socket.abort()
            return
        shown = False
        try:
            request = json.loads(bytes(socket.readLine().data()).decode("utf-8"))
            if isinstance(request, dict) and isinstance(request.get("open"), str):
                shown = bool(self._show(Path(request["open"])))
        except (ValueError, UnicodeDecodeError):
            shown = False
        socket.write(json.dumps({"shown": shown}).encode("utf-8") + b"\n")
        socket.flush()
        socket.disconnectFromServer()


def forward_open(pid: int, path: Path, timeout_ms: int = FORWARD_TIMEOUT_MS) -> bool:
    """Ask the orgdesk with process id `pid` to show `path`; True when it did."""
    if pid == os.getpid():
        return False
    socket = QLocalSocket()
    try:
        socket.connectToServer(server_name(pid))
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(json.dumps({"open": str(path)}, ensure_ascii=False).encode(
            "utf-8", "surrogatepass") + b"\n")
        if not socket.waitForBytesWritten(timeout_ms):
            return False
        while not socket.canReadLine():
            if not socket.waitForReadyRead(timeout_ms):
                return False
        answer = json.loads(bytes(socket.readLine().data()).decode("utf-8"))
        return isinstance(answer, dict) and answer.get("shown") is True
    except (ValueError, UnicodeDecodeError):
        return False
    finally:
        socket.abort()


def bring_forward(widget: object) -> None:
    """Show a window in front, restored if it was minimised."""
    from PySide6.QtWidgets import QWidget

    if isinstance(widget, QWidget):
        if widget.isMinimized():
            widget.showNormal()
        widget.show()
        widget.raise_()
        widget.activateWindow()
