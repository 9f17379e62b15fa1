"""The suite's own waiting rules: bounded waits that tell "never" from "slow"."""

from __future__ import annotations

import inspect
import threading

import pytest

from hostdesk.ui import tasks  # imported with the module, as the tests that use it do
from tests.conftest import QT_WAIT_FLOOR_MS
from tests.waits import finishes, wait_until


def test_finishes_hands_back_the_result_or_the_exception():
    assert finishes(sum, [1, 2, 3]) == 6
    with pytest.raises(ValueError, match="bad"):
        finishes(int, "bad")


def test_finishes_fails_a_call_that_does_not_return():
    gate = threading.Event()  # never set while finishes waits: the call cannot return
    with pytest.raises(AssertionError, match="still running"):
        finishes(gate.wait, within=0.2)
    gate.set()  # let the left-behind thread end


def test_wait_until_answers_the_condition():
    box: list[int] = []
    threading.Timer(0.05, box.append, args=(1,)).start()
    assert wait_until(lambda: box)
    assert not wait_until(lambda: False, timeout=0.05)


def test_a_short_qtbot_bound_is_raised_to_the_floor(qtbot):
    from PySide6.QtCore import QTimer

    assert QT_WAIT_FLOOR_MS >= 30_000
    fired: list[bool] = []
    QTimer.singleShot(300, lambda: fired.append(True))  # never sooner than 300 ms
    qtbot.waitUntil(lambda: bool(fired), timeout=50)  # 50 ms alone would give up before it
    assert fired


def test_task_waits_in_tests_are_generous_too(qapp):
    wait_idle = tasks.wait_idle  # as a test calls it: the fixture's, for this test
    assert inspect.signature(wait_idle).parameters["timeout"].default == QT_WAIT_FLOOR_MS / 1000
    assert wait_idle(0)  # nothing running: still answers at once
