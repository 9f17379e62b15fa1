"""A GUI-thread watchdog that fails a test when OUR code held the GUI thread, not when the machine was busy.

A heartbeat timer measures the wall clock, and on a shared 2-core machine the wall clock is
mostly other people's work. This watch instead samples the GUI thread's Python stack from a
thread of its own (`sys._current_frames`). A *stretch* is one continuous run of our code
(`hostdesk/…`) on the GUI thread: the same outermost `hostdesk` frame seen in consecutive
samples (a slot, a timer callback, a direct call). A stretch costs:

- the CPU time the GUI thread itself used in it (its own CPU clock, which does not grow
  while the scheduler runs someone else's process), plus
- the time it sat blocked in a system call: a file, the database, a socket, a sleep
  (`/proc/self/task/<tid>/syscall`), or waited on a lock, a future or a queue.

Waiting for the interpreter's lock (the GIL) while a worker thread runs Python is not counted:
that wait is the machine's load and the workers' share, not a blocking call of ours. The
watch fails when a stretch costs more than its budget and prints that stretch's stack.

A quick database call can fall between two samples, so SQL is also counted exactly: every
statement SQLAlchemy sends while the watch runs is checked for the GUI thread and our code.

Linux only (the project's CI and desktops under test run Linux; the /proc files are read for
this process's own threads).
"""

from __future__ import annotations

import linecache
import os
import platform
import sys
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from sqlalchemy import event
from sqlalchemy.engine import Engine

import hostdesk

OURS = str(Path(hostdesk.__file__).resolve().parent) + os.sep
FUTEX = {"x86_64": 202, "aarch64": 98}.get(platform.machine(), -1)
# Where a futex wait means "waiting on somebody else's work" rather than "waiting for the GIL".
WAITING_LAYERS = (
    f"{os.sep}threading.py", f"{os.sep}queue.py", f"{os.sep}concurrent{os.sep}",
    f"{os.sep}sqlalchemy{os.sep}", f"{os.sep}sqlite3{os.sep}", f"{os.sep}socket.py",
    f"{os.sep}selectors.py", f"{os.sep}ssl.py", f"{os.sep}websocket{os.sep}",
    f"{os.sep}obsws_python{os.sep}", f"{os.sep}requests{os.sep}", f"{os.sep}urllib3{os.sep}",
    f"{os.sep}httpx{os.sep}", f"{os.sep}httpcore{os.sep}", f"{os.sep}http{os.sep}client.py",
    f"{os.sep}subprocess.py", f"{os.sep}multiprocessing{os.sep}",
)  # fmt: skip
# A bare `lock.acquire()` / `with self._lock:` in our own code: the line says it.
WAITING_WORDS = ("lock", "acquire", ".wait(", ".result(", ".join(", "sleep(")


@dataclass
class Stretch:
    """One continuous run of our code on the GUI thread, as the samples saw it."""

    entry: FrameType | None  # the outermost frame of ours; dropped when the stretch ends
    cpu_start: float
    cpu_last: float
    blocked_s: float = 0.0
    samples: int = 0
    stack: list[str] = field(default_factory=list)
    blocked_by: Counter = field(default_factory=Counter)  # what it waited in: samples each

    @property
    def blocked_in(self) -> str:
        """Where most of the blocked samples sat: one stray sample (the GIL taken back as a
        sleep returns reads as a futex wait) must not rename a 300 ms sleep."""
        return self.blocked_by.most_common(1)[0][0] if self.blocked_by else ""

    @property
    def cost_s(self) -> float:
        return (self.cpu_last - self.cpu_start) + self.blocked_s

    def describe(self) -> str:
        cpu_ms = (self.cpu_last - self.cpu_start) * 1000
        head = (
            f"our code held the GUI thread {self.cost_s * 1000:.0f} ms "
            f"(CPU {cpu_ms:.0f} ms, blocked {self.blocked_s * 1000:.0f} ms"
            f"{' in ' + self.blocked_in if self.blocked_in else ''}; {self.samples} samples)"
        )
        return head + "\n" + "\n".join(self.stack)


def _outermost_ours(frame: FrameType | None, ours: tuple[str, ...]) -> FrameType | None:
    found = None
    while frame is not None:
        if frame.f_code.co_filename.startswith(ours):
            found = frame
        frame = frame.f_back
    return found


def _in_event_loop(frame: FrameType | None) -> bool:
    """Our code idling in a nested event loop (a dialog's exec) is not our code running."""
    if frame is None:
        return True
    line = linecache.getline(frame.f_code.co_filename, frame.f_lineno)
    return ".exec(" in line or ".exec_(" in line


def _stack(frame: FrameType | None, limit: int = 40) -> list[str]:
    lines = []
    while frame is not None and len(lines) < limit:
        code = frame.f_code
        lines.append(f"  {code.co_filename}:{frame.f_lineno} in {code.co_name}")
        frame = frame.f_back
    return lines[::-1]


def _waiting_on_work(frame: FrameType, ours: tuple[str, ...]) -> bool:
    """A futex wait counts when the innermost frame is a lock/queue/future/db/socket layer,
    or our own line that takes a lock or waits; anywhere else it is the GIL."""
    name = frame.f_code.co_filename
    if any(layer in name for layer in WAITING_LAYERS):
        return True
    if name.startswith(ours):
        line = linecache.getline(name, frame.f_lineno).lower()
        return any(word in line for word in WAITING_WORDS)
    return False


def _gui_timer(callback):
    """A repeating timer on the GUI thread's event loop, or None without a Qt application
    (then the released frames are dropped when the watch ends)."""
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is None or qtcore.QCoreApplication.instance() is None:
        return None
    timer = qtcore.QTimer()
    timer.setInterval(50)
    timer.timeout.connect(callback)
    timer.start()
    return timer


class GuiWatch:
    """`with GuiWatch() as watch: …; watch.assert_never_blocked()` around the code under test,
    entered on the GUI thread (the test thread of a pytest-qt test)."""

    def __init__(
        self, budget_s: float = 0.100, period_s: float = 0.002, ours: tuple[str, ...] = (OURS,)
    ):
        self.budget_s = budget_s
        self.ours = ours  # source folders whose frames are "our code"
        self.period_s = period_s
        self.stretches: list[Stretch] = []
        self.sql_on_gui: list[tuple[str, list[str]]] = []  # (statement's start, stack)
        self.samples = 0
        self._gui = threading.get_ident()
        self._tid = threading.get_native_id()
        self._cpu_clock = time.pthread_getcpuclockid(self._gui)
        self._stop = threading.Event()
        self._sampling = threading.Event()
        self._thread = threading.Thread(target=self._run, name="gui-watch", daemon=True)
        self._current: Stretch | None = None
        # The sampler never lets go of a frame itself: the last reference to a finished frame
        # frees its locals, and freeing a Qt object off the GUI thread takes Qt's locks while
        # waiting for the GIL, which the GUI thread holds inside connect(): a deadlock seen
        # once in tests/ui. Released frames wait here; the GUI thread drops them.
        self._released: deque = deque()
        self._drain_timer = None

    def __enter__(self) -> GuiWatch:
        event.listen(Engine, "before_cursor_execute", self._on_sql)
        self._drain_timer = _gui_timer(self._drop_released)
        self._thread.start()
        self._sampling.wait(10)  # the block is watched from its first line
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        if self._drain_timer is not None:
            self._drain_timer.stop()
            self._drain_timer = None
        if self._current is not None:
            self._current.entry = None
        self._drop_released()
        event.remove(Engine, "before_cursor_execute", self._on_sql)

    def _drop_released(self) -> None:
        """On the GUI thread: let go of the frames the sampler is done with."""
        while self._released:
            self._released.popleft()

    def _on_sql(self, _conn, _cursor, statement: str, *_args) -> None:
        """Every statement is counted exactly (a sample can miss a quick one)."""
        if threading.get_ident() == self._gui:
            frame = sys._getframe(1)
            if _outermost_ours(frame, self.ours) is not None:
                self.sql_on_gui.append((" ".join(statement.split()[:4]), _stack(frame)))

    @property
    def worst(self) -> Stretch | None:
        return max(self.stretches, key=lambda s: s.cost_s, default=None)

    def assert_never_blocked(self, *, sql_allowed: bool = False) -> None:
        """No stretch of our code over budget; and (unless allowed) not one SQL statement
        from our code on the GUI thread: the database belongs to the workers."""
        assert self.samples > 0, "the watch took no sample"
        if self.sql_on_gui and not sql_allowed:
            statement, stack = self.sql_on_gui[0]
            raise AssertionError(
                f"{len(self.sql_on_gui)} SQL statement(s) from our code on the GUI thread; "
                f"the first, {statement!r}:\n" + "\n".join(stack)
            )
        worst = self.worst
        if worst is not None and worst.cost_s > self.budget_s:
            raise AssertionError(
                f"GUI thread busy in our code over {self.budget_s * 1000:.0f} ms: "
                + worst.describe()
            )

    # -- the sampler thread --------------------------------------------------------------

    def _run(self) -> None:
        syscall_path = f"/proc/self/task/{self._tid}/syscall"
        last = time.perf_counter()
        while not self._stop.wait(self.period_s if self._sampling.is_set() else 0):
            self._sampling.set()
            frames = sys._current_frames()  # every thread's frame: none may die here
            self._released.append(frames)
            frame = frames.get(self._gui)
            cpu = time.clock_gettime(self._cpu_clock)
            now = time.perf_counter()
            interval, last = now - last, now
            self.samples += 1
            entry = _outermost_ours(frame, self.ours)
            if entry is not None and _in_event_loop(frame):
                entry = None  # a nested loop: what runs in it is its own stretch
            stretch = self._current
            if stretch is not None and stretch.entry is not entry:
                self._released.append(stretch.entry)  # closed: its frame goes, on the GUI thread
                stretch.entry = None
                stretch = self._current = None
            if entry is None:
                continue
            if stretch is None:  # the open stretch holds its entry frame: no id reuse
                stretch = self._current = Stretch(entry, cpu, cpu)
                self.stretches.append(stretch)
            stretch.cpu_last = cpu
            stretch.samples += 1
            blocked = self._blocked_in(syscall_path, frame)
            if blocked and stretch.samples > 1:
                stretch.blocked_s += interval
                stretch.blocked_by[blocked] += 1
            if blocked or not stretch.stack:
                stretch.stack = _stack(frame)
            del frames, frame, entry

    def _blocked_in(self, syscall_path: str, frame: FrameType | None) -> str:
        """'' when the GUI thread is running or waiting for the GIL; else what it waits in."""
        try:
            with open(syscall_path) as f:
                fields = f.read().split()
        except OSError:
            return ""
        if not fields or fields[0] in ("running", "-1"):
            return ""
        number = int(fields[0])
        if number != FUTEX:
            return f"system call {number}"
        if frame is not None and _waiting_on_work(frame, self.ours):
            return f"a wait in {frame.f_code.co_filename}:{frame.f_lineno}"
        return ""
