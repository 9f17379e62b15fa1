"""One HostDesk per data folder: a lock file, and a local socket that brings the window forward.

The first launch on a data folder takes `<data dir>/hostdesk.lock` and listens on a local
server named after that folder. A second launch cannot take the lock, so it asks the first
over the socket to come forward and exits: only one process ever writes the database.
If the lock is held but nobody answers (a hung first instance), the second launch says so
instead of opening the database beside it.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import sys
import time
import weakref
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, Qt, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

LOCK_FILE = "hostdesk.lock"
ACTIVATE = b"activate\n"
ACK = b"ok\n"
DEFAULT_TIMEOUT_MS = 3000  # connect + acknowledgement; a healthy instance answers in milliseconds
_MAX_REQUEST = 64  # a request longer than any command is not ours: drop the connection


class InstanceBusyError(Exception):
    """The data folder's lock is held by a live process that does not answer."""

    def __init__(self, data_dir: Path):
        super().__init__(str(data_dir))
        self.data_dir = data_dir


def server_name(data_dir: Path) -> str:
    """The local server's name for a data folder: the same folder always gives the same name."""
    # normcase: on Windows C:\Users and c:\users are one folder, so they must be one instance.
    key = os.path.normcase(str(Path(data_dir).resolve()))
    return "hostdesk-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


class InstanceGuard(QObject):
    """Holds the data folder's lock and answers later launches; keep it until the store is closed."""

    activation_requested = Signal()

    def __init__(self, lock: QLockFile | None, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self._lock = lock
        self.name = name
        self._server = QLocalServer(self)
        # Only this user's processes may ask the window to come forward.
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_server_new_connection)
        self._window: weakref.ref[QWidget] | None = None

    def bring_forward_on_request(self, window: QWidget) -> None:
        """Raise `window` on each activation request; held weakly, so `del window` frees it."""
        self._window = weakref.ref(window)

    def listen(self) -> bool:
        # We hold the lock, so a socket file of that name is a crashed instance's leftover.
        QLocalServer.removeServer(self.name)
        if self._server.listen(self.name):
            return True
        log.warning("single instance: cannot listen: %s", self._server.errorString())
        return False

    def is_listening(self) -> bool:
        return self._server.isListening()

    def release(self) -> None:
        """Stop answering and free the lock; call after the database is closed."""
        self._server.close()
        self._window = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def _on_server_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()  # a child of the server
            socket.readyRead.connect(lambda s=socket: self._on_socket_ready_read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _on_socket_ready_read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > _MAX_REQUEST:
                socket.abort()
            return
        request = bytes(socket.readLine().data())
        if request == ACTIVATE:
            log.info("single instance: another launch asked this window to come forward")
            socket.write(ACK)
            socket.flush()
            self.activation_requested.emit()
            window = self._window() if self._window is not None else None
            if window is not None:
                bring_forward(window)
        socket.disconnectFromServer()


def claim(data_dir: Path, timeout_ms: int = DEFAULT_TIMEOUT_MS) -> InstanceGuard | None:
    """Become the data folder's only instance, or hand over to the one already running.

    Returns the guard when this process owns the folder; None when another instance owns
    it and has acknowledged the request to come forward. Raises InstanceBusyError when the
    lock is held but its owner does not answer within `timeout_ms`. Blocks for at most
    `timeout_ms`: call it before the window exists.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    name = server_name(data_dir)
    lock = QLockFile(str(data_dir / LOCK_FILE))
    # 0: never call a lock stale because of its age (HostDesk runs for hours); a lock
    # whose process is gone is still taken over, by PID (and process name) check.
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        guard = InstanceGuard(lock, name)
        guard.listen()
        return guard
    if lock.error() != QLockFile.LockError.LockFailedError:
        # Permission or disk trouble: we cannot know; let the store report the folder's problem.
        log.warning("single instance: cannot create the lock file (%s)", lock.error().name)
        return InstanceGuard(None, name)
    _allow_owner_to_take_focus(lock)
    if _ask_to_activate(name, timeout_ms):
        log.info("single instance: another instance owns the data folder; asked it forward")
        return None
    log.warning("single instance: the data folder is locked by a process that does not answer")
    raise InstanceBusyError(data_dir)


def _ask_to_activate(name: str, timeout_ms: int) -> bool:
    """Send "activate" and wait for the acknowledgement, never longer than `timeout_ms`."""
    deadline = time.monotonic() + timeout_ms / 1000

    def remaining_ms() -> int:
        return max(0, int((deadline - time.monotonic()) * 1000))

    socket = QLocalSocket()
    try:
        # The first instance takes the lock a moment before it listens: retry until the deadline.
        while True:
            socket.connectToServer(name)
            if socket.waitForConnected(min(500, remaining_ms())):
                break
            socket.abort()
            if remaining_ms() == 0:
                return False
            time.sleep(0.05)
        socket.write(ACTIVATE)
        if not socket.waitForBytesWritten(remaining_ms()):
            return False
        while not socket.canReadLine():
            if remaining_ms() == 0 or not socket.waitForReadyRead(remaining_ms()):
                return False
        return bytes(socket.readLine().data()) == ACK
    finally:
        socket.abort()


def _allow_owner_to_take_focus(lock: QLockFile) -> None:
    # Windows lets only the foreground process hand the foreground on; this launch is that
    # process (the user just started it), so it lets the running instance take focus.
    if sys.platform != "win32":
        return
    pid = lock.getLockInfo()[0]
    if pid > 0:
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(pid)


def bring_forward(window: QWidget) -> None:
    """Show the window on top and focused; flash its taskbar button if the system refuses focus."""
    # Clearing only "minimized" keeps a maximized window maximized (showNormal would not).
    window.setWindowState(
        (window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
    )
    window.show()
    window.raise_()
    window.activateWindow()
    if sys.platform == "win32":
        # Activation is decided by the window manager a moment later; flash only if refused.
        QTimer.singleShot(
            300, window, lambda: window.isActiveWindow() or QApplication.alert(window)
        )


def forwarded_message() -> str:
    return QCoreApplication.translate(
        "SingleInstance",
        "HostDesk is already running with this data folder; its window has been brought to the front.",
    )


def busy_message(data_dir: Path) -> str:
    return QCoreApplication.translate(
        "SingleInstance",
        "HostDesk is already running with this data folder ({path}), but it does not respond. Wait a moment and try again, or close the other HostDesk first.",
    ).format(path=data_dir)


def say(text: str) -> None:
    """One line on the console when there is one (a windowed build has no stdout)."""
    with contextlib.suppress(AttributeError, OSError, UnicodeEncodeError):
        print(text, flush=True)
