"""One instance per data folder: the lock, the activation socket, and real second launches."""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QLockFile, Qt
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QWidget

from hostdesk.ui import single_instance
from hostdesk.ui.single_instance import ACK, ACTIVATE, LOCK_FILE, InstanceBusyError, claim
from tests.conftest import ROOT
from tests.waits import finishes

# --- in one process ---------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_same_folder_same_name_other_folder_other_name(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    assert single_instance.server_name(a) == single_instance.server_name(b / ".." / "a")
    assert single_instance.server_name(a) != single_instance.server_name(b)


def test_activation_request_is_signalled_and_acknowledged(qtbot, folder):
    guard = claim(folder)
    try:
        assert guard is not None and guard.is_listening()
        assert (folder / LOCK_FILE).exists()
        window = QWidget()
        qtbot.addWidget(window)
        window.showMinimized()
        guard.bring_forward_on_request(window)
        client = QLocalSocket()
        client.connectToServer(guard.name)
        assert client.waitForConnected(2000)
        with qtbot.waitSignal(guard.activation_requested, timeout=3000):
            client.write(ACTIVATE)
            client.flush()
        qtbot.waitUntil(client.canReadLine, timeout=3000)
        assert bytes(client.readLine().data()) == ACK
        assert not window.isMinimized()
        client.abort()
    finally:
        guard.release()
    assert not (folder / LOCK_FILE).exists()
    again = claim(folder)  # released: the next launch owns the folder
    assert again is not None
    again.release()


def test_unknown_request_is_dropped_without_activation(qtbot, folder):
    guard = claim(folder)
    try:
        activations = []
        guard.activation_requested.connect(lambda: activations.append(1))
        client = QLocalSocket()
        client.connectToServer(guard.name)
        assert client.waitForConnected(2000)
        client.write(b"x" * 200)  # no newline and too long: not one of ours
        client.flush()
        qtbot.waitUntil(
            lambda: client.state() == QLocalSocket.LocalSocketState.UnconnectedState,
            timeout=3000,
        )
        assert activations == []
    finally:
        guard.release()


def test_lock_held_by_a_live_process_without_answer_is_busy(folder):
    folder.mkdir(parents=True)
    holder = QLockFile(str(folder / LOCK_FILE))  # this (live) process holds it; nobody listens
    assert holder.tryLock(0)
    hour_ago = time.time() - 3600  # a long session: age alone must not make the lock stale
    os.utime(folder / LOCK_FILE, (hour_ago, hour_ago))
    try:
        # Gives up after its own 400 ms (nobody answers), instead of waiting for the lock:
        # returning at all, with InstanceBusyError, is the behaviour; not how fast.
        with pytest.raises(InstanceBusyError) as caught:
            finishes(claim, folder, timeout_ms=400)
        assert caught.value.data_dir == folder
        assert str(folder) in single_instance.busy_message(folder)
    finally:
        holder.unlock()


def test_lock_left_by_a_dead_process_is_taken_over(qtbot, folder):
    folder.mkdir(parents=True)
    # A real process takes the lock and dies without unlocking, as a crash would.
    script = (
        "import os, sys\nfrom PySide6.QtCore import QLockFile\n"
        "lock = QLockFile(sys.argv[1])\nassert lock.tryLock(0)\nos._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(folder / LOCK_FILE)], check=True, timeout=60)
    assert (folder / LOCK_FILE).exists()
    leftover = Path(QDir.tempPath()) / single_instance.server_name(folder)
    if sys.platform != "win32":  # a crashed instance's socket file, still on disk
        stale = socket.socket(socket.AF_UNIX)
        stale.bind(str(leftover))
        stale.close()
    guard = claim(folder, timeout_ms=400)
    try:
        assert guard is not None
        assert guard.is_listening()
    finally:
        guard.release()


def test_bring_forward_restores_a_minimized_window(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized, timeout=2000)
    single_instance.bring_forward(window)
    assert window.isVisible()
    assert not (window.windowState() & Qt.WindowState.WindowMinimized)


# --- real launches in child processes --------------------------------------------------

# Instance 1: the real launch(); prints READY once its window has loaded, ACTIVATED when a
# later launch asks it forward, then quits as a user closing it would.
RUNNING = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from hostdesk.ui import launch as L, single_instance
from hostdesk.ui.first_run import FirstRunGuide

original_load = L.MainWindow.load_catalogue
original_forward = single_instance.bring_forward

def load(self, **kw):
    self.catalogue_loaded.connect(lambda count: print("READY", flush=True))
    return original_load(self, **kw)

def forward(window):
    original_forward(window)
    print("ACTIVATED", window.isVisible(), window.isMinimized(), flush=True)
    QTimer.singleShot(0, QApplication.instance().quit)

L.MainWindow.load_catalogue = load
FirstRunGuide.open = lambda self: self.reject()  # "later": the demo loads at once
single_instance.bring_forward = forward
sys.exit(L.launch(Path(sys.argv[1])))
"""

# A later launch: the real launch(); quits once loaded; a message box prints instead of
# waiting for a click; reports how long launch() itself took.
LATER = """
import sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from hostdesk.ui import launch as L
from hostdesk.ui.first_run import FirstRunGuide

original = L.MainWindow.load_catalogue

def load(self, **kw):
    def done(count):
        print("LOADED", count, flush=True)
        QApplication.instance().quit()
    self.catalogue_loaded.connect(done)
    return original(self, **kw)

L.MainWindow.load_catalogue = load
FirstRunGuide.open = lambda self: self.reject()  # "later": the demo loads at once
L.QMessageBox.critical = lambda parent, title, text: print("BOX", text, flush=True)
started = time.monotonic()
code = L.launch(Path(sys.argv[1]))
print("SECONDS", time.monotonic() - started, flush=True)
sys.exit(code)
"""

# A hung first instance: owns the folder and listens, but its event loop never runs.
HUNG = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from hostdesk.ui import single_instance
app = QCoreApplication([])
guard = single_instance.claim(Path(sys.argv[1]))
print("CLAIMED", guard is not None, flush=True)
time.sleep(3600)  # until killed: a later launch that waited for it would never return
"""

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}


class Child:
    """A child process whose stdout lines are collected by a thread, so waits are bounded."""

    def __init__(self, script: str, data_dir: Path):
        self.stderr_path = data_dir.parent / f"stderr-{data_dir.name}-{time.monotonic_ns()}.txt"
        self._stderr = self.stderr_path.open("w", encoding="utf-8")
        self.proc = subprocess.Popen(
            [sys.executable, "-c", script, str(data_dir)],
            stdout=subprocess.PIPE, stderr=self._stderr, text=True, encoding="utf-8",
            env=ENV, cwd=ROOT,
        )  # fmt: skip
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.strip())
        self.lines.put(None)

    def wait_for_line(self, prefix: str, timeout: float = 300) -> str:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                break
            if line.startswith(prefix):
                return line
        raise AssertionError(f"no {prefix} from child; stderr: {self.stop()}")

    def stop(self) -> str:
        if self.proc.poll() is None:
            self.proc.kill()  # SIGKILL on POSIX: no clean-up runs, as in a crash
        self.proc.wait(timeout=30)
        self._stderr.close()
        return self.stderr_path.read_text(encoding="utf-8")


def _later(data_dir: Path) -> subprocess.CompletedProcess:
    """A later launch, run to its end; bounded (a loaded machine starts Qt slowly) only to
    tell "it returned" from "it waits for the first instance forever"."""
    return subprocess.run(
        [sys.executable, "-c", LATER, str(data_dir)],
        capture_output=True, text=True, encoding="utf-8", env=ENV, cwd=ROOT, timeout=300,
    )  # fmt: skip


def _launch_seconds(result: subprocess.CompletedProcess) -> float:
    return float(next(x for x in result.stdout.splitlines() if x.startswith("SECONDS")).split()[1])


def test_second_launch_brings_the_first_forward_and_exits(tmp_path):
    data = tmp_path / "data"
    first = Child(RUNNING, data)
    try:
        first.wait_for_line("READY")
        second = _later(data)
        assert second.returncode == 0, second.stderr
        assert "LOADED" not in second.stdout  # no second window, no second writer
        assert "HostDesk" in second.stdout.splitlines()[0]  # the one-line message
        assert _launch_seconds(second) > 0  # launch() returned (how soon: bench/bench_recovery.py)
        assert first.wait_for_line("ACTIVATED") == "ACTIVATED True False"
        assert first.proc.wait(timeout=300) == 0
    finally:
        first.stop()
    log = (data / "logs" / "hostdesk.log").read_text(encoding="utf-8")
    assert "asked this window to come forward" in log
    assert not (data / LOCK_FILE).exists()  # released on a clean exit


def test_hung_first_instance_gets_a_message_and_no_database(tmp_path):
    data = tmp_path / "data"
    hung = Child(HUNG, data)
    try:
        assert hung.wait_for_line("CLAIMED") == "CLAIMED True"
        second = _later(data)
        assert second.returncode != 0
        box = next(x for x in second.stdout.splitlines() if x.startswith("BOX"))
        assert str(data) in box
        assert _launch_seconds(second) > 0  # returned, though the first never answers
        assert not (data / "hostdesk.db").exists()
    finally:
        hung.stop()


def test_crashed_instance_lock_is_taken_over(tmp_path):
    data = tmp_path / "data"
    first = Child(RUNNING, data)
    try:
        first.wait_for_line("READY")
    finally:
        first.stop()  # SIGKILL on POSIX: the lock file (and socket file) stay behind
    assert (data / LOCK_FILE).exists()
    again = _later(data)
    assert again.returncode == 0, again.stderr
    assert "LOADED" in again.stdout
    assert not (data / LOCK_FILE).exists()


def test_two_data_folders_run_side_by_side(tmp_path):
    first = Child(RUNNING, tmp_path / "a")
    try:
        first.wait_for_line("READY")
        other = _later(tmp_path / "b")
        assert other.returncode == 0, other.stderr
        assert "LOADED" in other.stdout
        assert first.proc.poll() is None  # not asked forward, still running
    finally:
        first.stop()
