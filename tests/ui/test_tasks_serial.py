"""The writer lane runs in order, and futures resolved on other threads call back on the GUI thread."""

from __future__ import annotations

import concurrent.futures
import threading
import time

from hostdesk.ui import tasks


def test_serial_tasks_run_one_at_a_time_in_submission_order(qtbot):
    started, done = [], []
    running = []

    def work(i):
        running.append(i)
        assert len(running) == 1  # never two at once: one writer
        started.append(i)
        time.sleep(0.02 if i % 2 else 0.001)  # a slow one must not be overtaken
        running.remove(i)
        return i

    for i in range(10):
        tasks.run_serial(lambda i=i: work(i), done.append)
    qtbot.waitUntil(lambda: len(done) == 10, timeout=5_000)
    assert started == done == list(range(10))


def test_serial_errors_reach_on_error(qtbot):
    errors = []
    tasks.run_serial(lambda: 1 / 0, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5_000)
    assert isinstance(errors[0], ZeroDivisionError) and errors[0].__traceback__ is None


def test_when_done_calls_back_on_the_gui_thread(qtbot):
    gui = threading.get_ident()
    future: concurrent.futures.Future = concurrent.futures.Future()
    failing: concurrent.futures.Future = concurrent.futures.Future()
    seen = []
    tasks.when_done(future, lambda value: seen.append((value, threading.get_ident())))
    tasks.when_done(failing, lambda _v: None, lambda exc: seen.append((exc, threading.get_ident())))
    threading.Thread(target=future.set_result, args=("acked",)).start()
    threading.Thread(target=failing.set_exception, args=(TimeoutError("late"),)).start()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5_000)
    assert ("acked", gui) in seen
    assert any(isinstance(v, TimeoutError) and t == gui for v, t in seen)


def test_a_result_for_a_deleted_widget_is_dropped_not_raised(qtbot):
    from PySide6.QtCore import QObject, Signal

    class Owner(QObject):
        done = Signal(object)

    owner = Owner()
    with qtbot.waitSignal(owner.destroyed):  # deleted now; the late result still references it
        owner.deleteLater()
    delivered = []
    tasks.run(lambda: 42, lambda value: owner.done.emit(value))
    tasks.run(lambda: 43, delivered.append)
    qtbot.waitUntil(lambda: delivered == [43], timeout=5_000)  # and no exception surfaced
