"""The one bridge between the GUI thread and worker threads: `run(fn, on_done, on_error)`.

The GUI thread never waits on disk, network or OBS: work runs on Qt's thread pool and
the result comes back as a queued signal, so the callbacks run on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)
_pending: set[_Relay] = set()  # keep relays alive until their result is delivered


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], object], relay: _Relay):
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # handed to on_error on the GUI thread
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)


def run(
    fn: Callable[[], object],
    on_done: Callable[[object], None],
    on_error: Callable[[Exception], None] | None = None,
) -> None:
    """Call `fn()` on a worker thread; then `on_done(result)` or `on_error(exc)` on this thread."""
    relay = _Relay()  # created here, so it lives on the GUI thread: emissions are queued

    def finish(callback, value):
        _pending.discard(relay)
        relay.deleteLater()
        if callback is not None:
            callback(value)
        elif isinstance(value, Exception):
            log.error("background task failed: %s", type(value).__name__, exc_info=value)

    relay.done.connect(lambda result: finish(on_done, result))
    relay.failed.connect(lambda exc: finish(on_error, exc))
    _pending.add(relay)
    QThreadPool.globalInstance().start(_Job(fn, relay))


def wait_idle(msecs: int = 10_000) -> bool:
    """For shutdown and tests: let running tasks finish (never called on a live GUI path)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
