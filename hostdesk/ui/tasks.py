"""The one bridge between the GUI thread and worker threads: `run(fn, on_done, on_error)`.

The GUI thread never waits on disk, network or OBS: work runs on a small Python thread
pool and the result comes back through a queued signal, so the callbacks run on the GUI
thread.

Rule that keeps PySide alive: a worker must never hold the *last* reference to a Qt
object, or Python frees that widget from the worker thread and Qt crashes. So the
function and its callbacks stay registered here, on the GUI thread, until delivery; the
worker only borrows `fn` for the call, drops it before signalling, and strips the
traceback (whose frames reference the caller's widgets) from an exception it hands back.
`fn` must return plain data, never Qt objects.
"""

from __future__ import annotations

import concurrent.futures
import itertools
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    """One long-lived object on the GUI thread; workers emit, the GUI thread calls back."""

    delivered = Signal(int, bool, object)  # (task id, succeeded, result or exception)

    def __init__(self):
        super().__init__()
        self.delivered.connect(self._on_delivered)

    def _on_delivered(self, task_id: int, succeeded: bool, value) -> None:
        _fn, on_done, on_error = _tasks.pop(task_id)
        if succeeded:
            on_done(value)
        elif on_error is not None:
            on_error(value)


_relay: _Relay | None = None
_ids = itertools.count(1)
_tasks: dict[int, tuple[Callable, Callable, Callable | None]] = {}
# Two workers: the machine is a broadcast PC with the encoder busy; more would compete.
_pool = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="hostdesk-task")
_running: set[concurrent.futures.Future] = set()


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
        _relay.moveToThread(QCoreApplication.instance().thread())
    return _relay


def _work(task_id: int, relay: _Relay) -> None:
    fn = _tasks[task_id][0]
    try:
        result = fn()
    except Exception as exc:
        log.error("background task failed: %s", type(exc).__name__, exc_info=exc)
        del fn
        relay.delivered.emit(task_id, False, exc.with_traceback(None))
    else:
        del fn
        relay.delivered.emit(task_id, True, result)


def run(
    fn: Callable[[], object],
    on_done: Callable[[object], None],
    on_error: Callable[[Exception], None] | None = None,
) -> None:
    """Call `fn()` on a worker thread; then `on_done(result)` or `on_error(exc)` on this thread."""
    task_id = next(_ids)
    _tasks[task_id] = (fn, on_done, on_error)
    future = _pool.submit(_work, task_id, _the_relay())
    _running.add(future)
    future.add_done_callback(_running.discard)


def wait_idle(timeout: float = 10.0) -> bool:
    """For shutdown and tests: let running tasks finish (never called on a live GUI path)."""
    _done, pending = concurrent.futures.wait(list(_running), timeout=timeout)
    return not pending
