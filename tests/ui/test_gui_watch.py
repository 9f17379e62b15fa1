"""The GUI watch catches our code blocking the GUI thread and ignores a loaded machine."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from PySide6.QtCore import QTimer
from sqlalchemy import create_engine

from tests.gui_watch import GuiWatch, Stretch
from tests.ui import watched_slots
from tests.ui.watched_slots import (
    sleeps_on_the_gui_thread,
    slow_query_on_the_gui_thread,
    spin,
    waits_for_a_worker_on_the_gui_thread,
)

SLOTS = watched_slots.__file__  # these slots play "our code"
HOG = "while True: pass"


def _watch(**kw) -> GuiWatch:
    return GuiWatch(ours=(SLOTS,), **kw)


def _run_slots(qtbot, slot, times: int = 1, every_ms: int = 20, until=lambda: True) -> None:
    """Call `slot` from the event loop `times` times (and on until `until()`), as a timer or a
    signal would."""
    done = []

    def tick():
        slot()
        done.append(1)

    timer = QTimer()
    timer.setInterval(every_ms)
    timer.timeout.connect(tick)
    timer.start()
    try:
        qtbot.waitUntil(lambda: len(done) >= times and until(), timeout=60_000)
    finally:
        timer.stop()


def test_a_sleep_in_our_slot_fails_with_its_stack(qtbot):
    with _watch() as watch:
        _run_slots(qtbot, sleeps_on_the_gui_thread)
    with pytest.raises(AssertionError, match="sleeps_on_the_gui_thread") as failed:
        watch.assert_never_blocked()
    assert "blocked" in str(failed.value) and "system call" in str(failed.value)
    assert watch.worst.blocked_s >= 0.2


def test_a_long_database_call_in_our_slot_fails(qtbot, tmp_path):
    with _watch() as watch:
        _run_slots(qtbot, lambda: slow_query_on_the_gui_thread(tmp_path / "x.sqlite"))
    with pytest.raises(AssertionError, match="slow_query_on_the_gui_thread"):
        watch.assert_never_blocked()


def test_waiting_on_a_worker_from_our_slot_fails(qtbot):
    with ThreadPoolExecutor(1) as pool, _watch() as watch:
        _run_slots(qtbot, lambda: waits_for_a_worker_on_the_gui_thread(pool))
    with pytest.raises(AssertionError, match="waits_for_a_worker_on_the_gui_thread") as failed:
        watch.assert_never_blocked()
    assert "a wait in" in str(failed.value)


def test_long_cpu_work_in_our_slot_fails(qtbot):
    with _watch() as watch:
        _run_slots(qtbot, lambda: spin(0.3))
    with pytest.raises(AssertionError, match="spin"):
        watch.assert_never_blocked()


def test_short_slots_pass_and_idle_time_is_not_ours(qtbot):
    with _watch() as watch:
        # A 5 ms slot can fall between two samples (the sampler waits for the GIL), so the
        # slots run until one has been seen at least once.
        _run_slots(qtbot, lambda: spin(0.005), times=20, until=lambda: bool(watch.stretches))
        qtbot.wait(300)  # idle in the event loop: no frame of ours
    watch.assert_never_blocked()
    assert watch.stretches, "the slots were seen"
    assert watch.worst.cost_s < 0.05


@pytest.fixture
def one_loaded_core():
    """This process and four busy loops share one core: every thread gets a fifth of it."""
    before = os.sched_getaffinity(0)
    core = min(before)
    os.sched_setaffinity(0, {core})  # this thread and the ones it starts from now on
    hogs = [
        subprocess.Popen(
            ["taskset", "-c", str(core), sys.executable, "-c", HOG]
            if _has_taskset()
            else [sys.executable, "-c", HOG]
        )
        for _ in range(4)
    ]
    try:
        yield
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()
        os.sched_setaffinity(0, before)


def _has_taskset() -> bool:
    return subprocess.run(["sh", "-c", "command -v taskset"], capture_output=True).returncode == 0


def test_a_loaded_machine_and_busy_workers_do_not_count(qtbot, one_loaded_core):
    """40 ms slots take far longer on the wall clock when the core is shared five ways and a
    worker thread competes for the GIL; the watch charges only their own 40 ms."""
    stop = threading.Event()

    def worker():  # pure Python: the GUI thread must wait for the GIL now and then
        while not stop.is_set():
            sum(range(10_000))

    busy = threading.Thread(target=worker)
    busy.start()
    walls = []

    def slot():
        started = time.perf_counter()
        spin(0.040)
        walls.append(time.perf_counter() - started)

    try:
        with _watch() as watch:
            _run_slots(qtbot, slot, times=10)
    finally:
        stop.set()
        busy.join()
    watch.assert_never_blocked()
    assert len(watch.stretches) >= 5
    print(f"\nwall time of a 40 ms slot under load: up to {max(walls) * 1000:.0f} ms; "
          f"watch's worst: {watch.worst.cost_s * 1000:.0f} ms")  # fmt: skip


def test_one_quick_sql_statement_from_our_code_on_the_gui_thread_fails(qtbot, tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")
    try:
        with _watch() as watch:
            _run_slots(qtbot, lambda: watched_slots.reads_through_sqlalchemy(engine))
        with pytest.raises(AssertionError, match=r"1 SQL statement.*'SELECT 1'") as failed:
            watch.assert_never_blocked()
        assert "reads_through_sqlalchemy" in str(failed.value)
        watch.assert_never_blocked(sql_allowed=True)  # quick: the stretch is within budget
    finally:
        engine.dispose()


def test_sql_on_a_worker_is_not_counted(qtbot, tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")
    try:
        with ThreadPoolExecutor(1) as pool, _watch() as watch:
            pool.submit(watched_slots.reads_through_sqlalchemy, engine).result()
            qtbot.wait(20)
        assert watch.sql_on_gui == []
        watch.assert_never_blocked()
    finally:
        engine.dispose()


def test_a_stretch_is_named_by_where_most_of_its_blocked_samples_sat():
    stretch = Stretch(entry=None, cpu_start=0.0, cpu_last=0.0)
    stretch.blocked_by.update({"system call 230": 140})
    stretch.blocked_by["a wait in watched_slots.py:18"] += 1  # the GIL taken back at the end
    assert stretch.blocked_in == "system call 230"
    assert "blocked 0 ms in system call 230" in stretch.describe()
