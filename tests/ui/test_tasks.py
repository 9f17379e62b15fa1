"""The GUI/worker bridge for long jobs: progress coalesced, cancel at a yield, errors delivered."""

from __future__ import annotations

import threading
import time

from hostdesk.ui import tasks


class Recorder:
    def __init__(self):
        self.progress: list[object] = []
        self.done: list[object] = []
        self.errors: list[Exception] = []
        self.threads: set[int] = set()

    def on_progress(self, value) -> None:
        self.threads.add(threading.get_ident())
        self.progress.append(value)

    def on_done(self, value) -> None:
        self.threads.add(threading.get_ident())
        self.done.append(value)

    def on_error(self, exc: Exception) -> None:
        self.threads.add(threading.get_ident())
        self.errors.append(exc)


def test_progress_is_coalesced_and_the_result_delivered(qtbot):
    seconds = 0.6
    yielded, took = [], []

    def steps():
        start = time.monotonic()
        count = 0
        # Thousands of yields, as fast as it can, for at least 0.6 s: counted, not timed, so
        # a starved worker on a loaded machine still yields thousands (it just takes longer).
        while count < 5000 or time.monotonic() - start < seconds:
            count += 1
            yield count
        took.append(time.monotonic() - start)
        yielded.append(count)
        return f"{count} steps"

    rec = Recorder()
    handle = tasks.run_steps(steps, rec.on_progress, rec.on_done, rec.on_error)
    qtbot.waitUntil(lambda: bool(rec.done or rec.errors), timeout=10_000)

    assert not rec.errors and not handle.cancel_requested
    assert rec.done == [f"{yielded[0]} steps"]
    assert yielded[0] >= 5000
    # At most PROGRESS_PER_SECOND deliveries a second of the generator's own run (+1 for the
    # first, +1 for the last): both sides stretch together when the machine is slow.
    assert 2 <= len(rec.progress) <= took[0] * tasks.PROGRESS_PER_SECOND + 3
    # ...always the latest value, increasing, and the final one before on_done.
    assert rec.progress == sorted(set(rec.progress))
    assert rec.progress[-1] == yielded[0]
    assert rec.threads == {threading.get_ident()}  # every callback on the GUI thread


def test_cancel_stops_the_generator_at_its_next_yield(qtbot):
    gate = threading.Event()
    reached: list[int] = []
    cleaned: list[str] = []

    def steps():
        try:
            yield 1
            gate.wait(60)  # held here until the GUI thread has asked to cancel
            reached.append(2)
            yield 2
            reached.append(3)  # never: the worker closes the generator at `yield 2`
            yield 3
            return "finished"
        except GeneratorExit:
            cleaned.append("rolled back")
            raise

    rec = Recorder()
    handle_box: list[tasks.Handle] = []

    def on_progress(value):
        rec.on_progress(value)
        handle_box[0].cancel()
        gate.set()

    handle_box.append(tasks.run_steps(steps, on_progress, rec.on_done, rec.on_error))
    qtbot.waitUntil(lambda: bool(rec.done or rec.errors), timeout=10_000)

    assert rec.done == []
    assert len(rec.errors) == 1 and isinstance(rec.errors[0], tasks.Cancelled)
    assert rec.errors[0].__traceback__ is None
    assert reached == [2]
    assert cleaned == ["rolled back"]
    assert rec.progress == [1]  # the value yielded after cancel() is not delivered
    assert handle_box[0].cancel_requested


def test_cancel_before_a_worker_is_free_never_starts_the_generator(qtbot):
    release = threading.Event()
    started: list[str] = []
    blockers = [Recorder(), Recorder()]
    for rec in blockers:  # occupy both workers
        tasks.run(lambda: release.wait(10), rec.on_done, rec.on_error)

    def steps():
        started.append("yes")
        yield 1
        return "finished"

    rec = Recorder()
    handle = tasks.run_steps(steps, rec.on_progress, rec.on_done, rec.on_error)
    handle.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(rec.done or rec.errors), timeout=10_000)

    assert started == []
    assert isinstance(rec.errors[0], tasks.Cancelled)
    assert rec.progress == [] and rec.done == []
    assert tasks.wait_idle()


def test_an_exception_reaches_on_error_without_traceback(qtbot):
    def steps():
        yield 1, 3
        yield 2, 3
        raise ValueError("row 3 is broken")

    rec = Recorder()
    tasks.run_steps(steps, rec.on_progress, rec.on_done, rec.on_error)
    qtbot.waitUntil(lambda: bool(rec.done or rec.errors), timeout=10_000)

    assert rec.done == []
    assert len(rec.errors) == 1
    exc = rec.errors[0]
    assert isinstance(exc, ValueError) and str(exc) == "row 3 is broken"
    assert exc.__traceback__ is None
    assert rec.progress and rec.progress[-1] == (2, 3)


def test_an_exception_from_the_generator_function_itself(qtbot):
    def steps():
        raise LookupError("no such plan")

    rec = Recorder()
    tasks.run_steps(steps, rec.on_progress, rec.on_done, rec.on_error)
    qtbot.waitUntil(lambda: bool(rec.done or rec.errors), timeout=10_000)
    assert isinstance(rec.errors[0], LookupError)
    assert rec.progress == [] and rec.done == []
