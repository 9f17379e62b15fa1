"""Widget tests: garbage is collected on the GUI (test) thread only, as the app does."""

from __future__ import annotations

import collections
import functools
import gc

import pytest
from PySide6.QtCore import QTimer


@pytest.fixture(autouse=True)
def collect_on_gui_thread():
    # Same reason as hostdesk.ui.gc_guard: a collection inside a worker thread would free
    # the previous test's widgets off the GUI thread.
    was_enabled = gc.isenabled()
    gc.disable()
    yield
    gc.collect()
    if was_enabled:
        gc.enable()


class InlineTasks:
    """hostdesk.ui.tasks without threads: each task runs on the GUI thread when submitted.

    For UI logic tests where a real worker adds nothing but waiting. The work runs at
    `run`/`run_steps`/`run_serial` time, in submission order; its result reaches the
    callbacks through the same relay signals (`delivered`, `progressed`), queued as in the
    app: never inside the `run` call, but at the next pass of the event loop or at
    `drain()`. Futures resolved elsewhere (`when_done`, OBS) are untouched. Tests that
    are about threads (ordering, the GUI never blocking) keep the real pool.
    """

    def __init__(self, tasks_module) -> None:
        self._tasks = tasks_module
        self._queue: collections.deque = collections.deque()
        self.ran = 0  # tasks run inline: a test can check it really went through here

    def submit(self, _executor, work, *args) -> None:
        *rest, relay = args  # every task body takes the relay last and only emits on it
        self.ran += 1
        work(*rest, _QueuedRelay(relay, self))

    def post(self, emit) -> None:
        self._queue.append(emit)
        QTimer.singleShot(0, self.drain)

    def drain(self) -> int:
        """Deliver every queued result and progress, and those their callbacks cause."""
        delivered = 0
        while self._queue:
            self._queue.popleft()()
            delivered += 1
        return delivered


class _QueuedRelay:
    """Stands in for the relay on the task's side: emits its real signals, but later."""

    def __init__(self, relay, inline: InlineTasks) -> None:
        self.delivered = _Deferred(relay.delivered, inline)
        self.progressed = _Deferred(relay.progressed, inline)


class _Deferred:
    def __init__(self, signal, inline: InlineTasks) -> None:
        self._signal, self._inline = signal, inline

    def emit(self, *args) -> None:
        self._inline.post(functools.partial(self._signal.emit, *args))


@pytest.fixture
def inline_tasks(qapp, monkeypatch) -> InlineTasks:
    """Run hostdesk.ui.tasks work inline on the GUI thread (see InlineTasks)."""
    from hostdesk.ui import tasks

    inline = InlineTasks(tasks)
    monkeypatch.setattr(tasks, "_submit", inline.submit)
    yield inline
    inline.drain()  # nothing left behind for the next test
