"""The inline task runner fixture: no threads, the same relay signals, delivery never re-entrant."""

from __future__ import annotations

import threading

from hostdesk.ui import tasks


def test_work_runs_on_the_gui_thread_and_is_delivered_after_run_returns(inline_tasks, qtbot):
    gui = threading.current_thread()
    seen: list = []
    delivered: list = []
    relay = tasks._the_relay()
    spy = relay.delivered.connect(lambda *args: delivered.append(args[1:]))
    tasks.run(lambda: seen.append(threading.current_thread()) or 41 + 1, seen.append)
    assert seen == [gui]  # ran at once, here; its result not yet handed over
    assert inline_tasks.drain() == 1
    relay.delivered.disconnect(spy)
    assert seen == [gui, 42] and delivered == [(True, 42)]  # through the relay's signal
    assert inline_tasks.ran == 1


def test_errors_steps_and_serial_tasks_keep_their_order(inline_tasks, qtbot):
    order: list = []

    def steps():
        yield (1, 2)
        yield (2, 2)
        return "stepped"

    def boom():
        raise ValueError("bad row")

    tasks.run_serial(lambda: "first", order.append)
    tasks.run(boom, order.append, lambda exc: order.append(repr(exc)))
    tasks.run_steps(steps, lambda value: order.append(("progress", value)), order.append)
    tasks.run_serial(lambda: "last", order.append)
    qtbot.waitUntil(lambda: len(order) == 5)  # the event loop delivers them, as in the app
    assert order == ["first", "ValueError('bad row')", ("progress", (2, 2)), "stepped", "last"]
    assert inline_tasks.ran == 4


def test_a_callback_may_start_more_work(inline_tasks):
    results: list = []
    tasks.run(lambda: 1, lambda one: tasks.run(lambda: one + 1, results.append))
    inline_tasks.drain()
    assert results == [2]
    assert tasks.wait_idle(timeout=0)  # no thread was involved
