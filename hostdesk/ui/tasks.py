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

Long jobs use `run_steps(gen_fn, on_progress, on_done, on_error)`: `gen_fn()` returns a
generator that yields progress values and returns its result. The same rules hold (the
generator, its progress values and its result are plain data); progress reaches the GUI
thread coalesced, and `Handle.cancel()` stops the generator at its next yield.
"""

from __future__ import annotations

import concurrent.futures
import itertools
import logging
import sys
import threading
import time
from collections.abc import Callable, Generator

from PySide6.QtCore import QCoreApplication, QObject, Signal

from hostdesk.threads import lower_priority

# At most this many progress deliveries per second: a worker yielding thousands of times must
# not flood the event loop, and a person cannot read a bar that changes faster anyway.
PROGRESS_PER_SECOND = 20
GIL_SWITCH_INTERVAL = 0.001  # seconds; see _the_relay

log = logging.getLogger(__name__)


class _Relay(QObject):
    """One long-lived object on the GUI thread; workers emit, the GUI thread calls back."""

    delivered = Signal(int, bool, object)  # (task id, succeeded, result or exception)
    progressed = Signal(int)  # task id: its latest progress value waits in its _Steps

    def __init__(self):
        super().__init__()
        self.delivered.connect(self._on_delivered)
        self.progressed.connect(self._on_progressed)

    def _on_progressed(self, task_id: int) -> None:
        entry = _tasks.get(task_id)
        if entry is None:  # already delivered: a stale progress signal
            return
        steps = entry[0]
        value = steps.slot.take()
        if value is not _NOTHING:
            _call(steps.on_progress, value)

    def _on_delivered(self, task_id: int, succeeded: bool, value) -> None:
        _fn, on_done, on_error = _tasks.pop(task_id)
        if succeeded:
            _call(on_done, value)
        elif on_error is not None:
            _call(on_error, value)


# What PySide says when a callback reaches a widget that was closed and deleted meanwhile.
_GONE = ("already deleted", "has been deleted")


def _call(callback: Callable, value) -> None:
    """A window closed while its work still ran: the result has nowhere to go, and is dropped."""
    try:
        callback(value)
    except RuntimeError as exc:
        if not any(words in str(exc) for words in _GONE):
            raise
        log.info("a result arrived after its window was closed; dropped")


_relay: _Relay | None = None
_ids = itertools.count(1)
_tasks: dict[int, tuple[Callable, Callable, Callable | None]] = {}


# Two workers: the machine is a broadcast PC with the encoder busy; more would compete.
_pool = concurrent.futures.ThreadPoolExecutor(
    max_workers=2, thread_name_prefix="hostdesk-task", initializer=lower_priority
)
_running: set[concurrent.futures.Future] = set()


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
        _relay.moveToThread(QCoreApplication.instance().thread())
        # A GUI-thread call into Python waits for the GIL up to one switch interval while a
        # worker computes; painting and signals make many such calls, so at the default 5 ms
        # a busy worker froze the window for 100-400 ms. A waiting thread is what triggers a
        # switch, so this costs the worker nothing while the GUI thread is idle.
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL))
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
    _submit(_pool, _work, task_id, _the_relay())


def _submit(executor: concurrent.futures.Executor, work: Callable, *args) -> None:
    """Start `work` on `executor`, tracked until it ends (for wait_idle)."""
    future = executor.submit(work, *args)
    _running.add(future)
    future.add_done_callback(_running.discard)


def wait_idle(timeout: float = 10.0) -> bool:
    """For shutdown and tests: let running tasks finish (never called on a live GUI path)."""
    _done, pending = concurrent.futures.wait(list(_running), timeout=timeout)
    return not pending


# -- stepped tasks: generators that yield progress ---------------------------------------

_NOTHING = object()


class Cancelled(Exception):
    """A `run_steps` task stopped because `Handle.cancel()` was called; its cleanup ran."""


class Handle:
    """What `run_steps` returns: lets the GUI thread cancel the task. Holds no Qt objects."""

    def __init__(self) -> None:
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the generator to stop at its next yield (a no-op once the task has finished)."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()


class _ProgressSlot:
    """The latest progress value, shared by the worker and the GUI thread.

    Only one progress signal is ever queued per task: while one waits, newer values just
    replace the stored one, so a slow GUI thread gets the latest value, not a backlog.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._value = _NOTHING
        self._queued = False

    def put(self, value) -> None:
        with self._lock:
            self._value = value

    def claim(self) -> bool:
        """True when a value waits and no signal is queued: the caller must emit one."""
        with self._lock:
            if self._queued or self._value is _NOTHING:
                return False
            self._queued = True
            return True

    def take(self):
        with self._lock:
            value, self._value, self._queued = self._value, _NOTHING, False
            return value


class _Steps:
    """A stepped task's GUI-side registration: the generator function and progress callback."""

    def __init__(self, gen_fn: Callable[[], Generator], on_progress: Callable[[object], None]):
        self.gen_fn = gen_fn
        self.on_progress = on_progress
        self.slot = _ProgressSlot()


def _bare(exc: BaseException) -> BaseException:
    """The exception without tracebacks, down its chain: their frames reference the caller."""
    seen = set()
    link: BaseException | None = exc
    while link is not None and id(link) not in seen:
        seen.add(id(link))
        link.with_traceback(None)
        link = link.__cause__ or link.__context__
    return exc


def _drive(gen: Generator, slot: _ProgressSlot, handle: Handle, wake: Callable[[], None]):
    """Run the generator to its end on this worker; return its result or raise Cancelled."""
    interval = 1.0 / PROGRESS_PER_SECOND
    last_wake = float("-inf")
    while True:
        try:
            value = next(gen)
        except StopIteration as stop:
            result = stop.value
            break
        if handle.cancel_requested:
            gen.close()  # GeneratorExit at the yield: the generator's own cleanup runs
            raise Cancelled()
        slot.put(value)
        now = time.monotonic()
        if now - last_wake >= interval and slot.claim():
            last_wake = now
            wake()
    if slot.claim():  # the last value may have been held back by the rate limit
        wake()
    return result


def _work_steps(task_id: int, handle: Handle, relay: _Relay) -> None:
    steps = _tasks[task_id][0]
    gen_fn, slot = steps.gen_fn, steps.slot
    del steps  # the GUI thread owns the callbacks; the worker keeps only plain objects
    gen = None
    try:
        if handle.cancel_requested:  # cancelled while waiting for a free worker
            del gen_fn
            raise Cancelled()
        gen = gen_fn()
        del gen_fn
        result = _drive(gen, slot, handle, lambda: relay.progressed.emit(task_id))
    except Cancelled as exc:
        log.info("background task cancelled")
        del gen
        relay.delivered.emit(task_id, False, _bare(exc))
    except Exception as exc:
        # Raised out of next(gen) or close(): the generator has already finished.
        log.error("background task failed: %s", type(exc).__name__, exc_info=exc)
        del gen
        if slot.claim():  # show how far it got
            relay.progressed.emit(task_id)
        relay.delivered.emit(task_id, False, _bare(exc))
    else:
        del gen
        relay.delivered.emit(task_id, True, result)


def run_steps(
    gen_fn: Callable[[], Generator],
    on_progress: Callable[[object], None],
    on_done: Callable[[object], None],
    on_error: Callable[[Exception], None] | None = None,
) -> Handle:
    """Drive the generator `gen_fn()` on a worker thread; callbacks run on this thread.

    Each value it yields is progress (plain data, e.g. `(done, total)`); `on_progress` gets
    the latest of them at most PROGRESS_PER_SECOND times a second, and always the last one
    before `on_done(result)` (or before `on_error` on a failure), where `result` is the
    generator's return value.
    `handle.cancel()` makes the worker close the generator at its next yield (so its
    `finally`/`except GeneratorExit` cleanup runs there), and `on_error` receives a
    `Cancelled` exception; a task that reached its end before noticing the request
    finishes normally with `on_done`. Any other exception also goes to `on_error`.
    """
    task_id = next(_ids)
    handle = Handle()
    _tasks[task_id] = (_Steps(gen_fn, on_progress), on_done, on_error)
    _submit(_pool, _work_steps, task_id, handle, _the_relay())
    return handle


# -- the writer lane, and futures resolved elsewhere --------------------------------------

# One thread for work that must happen in the order it was asked for: takes must reach OBS
# in the order they were pressed, and SQLite writes go through one writer.
_serial = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="hostdesk-writer")


def run_serial(
    fn: Callable[[], object],
    on_done: Callable[[object], None],
    on_error: Callable[[Exception], None] | None = None,
) -> None:
    """As `run`, on the one writer thread: tasks run one at a time, in submission order."""
    task_id = next(_ids)
    _tasks[task_id] = (fn, on_done, on_error)
    _submit(_serial, _work, task_id, _the_relay())


def when_done(
    future: concurrent.futures.Future,
    on_done: Callable[[object], None],
    on_error: Callable[[Exception], None] | None = None,
) -> None:
    """Call back on the GUI thread once `future` resolves on another (OBS acknowledged).

    The callbacks stay registered here; the resolving thread only emits a signal. May be
    called from a worker (a take watches OBS's answer before its bookkeeping), as long
    as the callbacks were made on the GUI thread.
    """
    task_id = next(_ids)
    _tasks[task_id] = (None, on_done, on_error)
    relay = _the_relay()

    def resolved(done: concurrent.futures.Future) -> None:  # on the resolving thread
        exc = None if done.cancelled() else done.exception()
        if done.cancelled():
            relay.delivered.emit(task_id, False, concurrent.futures.CancelledError())
        elif exc is not None:
            relay.delivered.emit(task_id, False, exc.with_traceback(None))
        else:
            relay.delivered.emit(task_id, True, done.result())

    future.add_done_callback(resolved)
