"""The console never freezes: a 10 ms heartbeat keeps beating while OBS, imports and takes run.

A heartbeat timer records when it fires; the largest gap between beats is how long the GUI
thread was busy. Each case asserts that gap stays under 100 ms.
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer

from hostdesk import app, i18n
from hostdesk.config import save_settings
from hostdesk.obs.link import LinkState
from hostdesk.ui import tasks
from hostdesk.ui.main_window import MainWindow
from tests.obs.fault_proxy import FaultProxy
from tests.ui.console_window import open_console

MAX_GAP_S = 0.100


class Heartbeat:
    def __init__(self):
        self.beats: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.beats.append(time.perf_counter()))

    def __enter__(self):
        self.beats.append(time.perf_counter())
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self.timer.stop()
        self.beats.append(time.perf_counter())

    @property
    def largest_gap(self) -> float:
        return max(b - a for a, b in zip(self.beats, self.beats[1:], strict=False))


def _console(qtbot, ctx) -> MainWindow:
    i18n.install("zh_CN")
    return open_console(qtbot, ctx, link_factory=app.build_link, active=False)


def _settle(qtbot) -> None:
    """Let the window paint what was just added (first glyphs of new text are rasterised
    then) and its pre-rendering finish: the heartbeat measures the operations, not setup."""
    qtbot.wait(200)
    tasks.wait_idle()
    qtbot.wait(50)


@pytest.fixture
def silent_obs_ctx(data_dir):
    """Settings pointing at a port that accepts TCP and never answers."""
    with FaultProxy(None, blackhole=True) as silent:
        ctx = app.build(data_dir)
        ctx.settings.obs.url = f"ws://127.0.0.1:{silent.port}"
        ctx.settings.obs.password = "x"
        save_settings(data_dir, ctx.settings)
        yield ctx
        ctx.close()


def test_unreachable_obs_never_blocks_the_window(qtbot, silent_obs_ctx):
    win = _console(qtbot, silent_obs_ctx)
    codes = [j.code for j in silent_obs_ctx.jobs.list_jobs()][:3]
    win.rundown_panel.model.add(codes)
    _settle(qtbot)
    try:
        with Heartbeat() as heart:
            win.start_obs_link()
            # The link's connect times out (3 s) while the assistant keeps working.
            for i in range(8):
                win.console.take(codes[i % 3])
                qtbot.wait(500)
            qtbot.waitUntil(lambda: win.obs_status.state == LinkState.RECONNECTING, timeout=8000)
        assert len(heart.beats) > 200
        assert heart.largest_gap < MAX_GAP_S, f"GUI blocked {heart.largest_gap * 1000:.0f} ms"
        # The takes still happened: the files are the output while OBS cannot be reached.
        assert win.console.on_air_code == codes[7 % 3]
        assert "OBS" in win.ack_label.text()
    finally:
        with Heartbeat() as stopping:  # stopping the link is also off the GUI thread
            win.stop_obs_link()
        assert stopping.largest_gap < 5.0


def test_a_hundred_takes_back_to_back_never_block(qtbot, ctx):
    win = _console(qtbot, ctx)
    codes = [j.code for j in ctx.jobs.list_jobs()][:10]
    win.rundown_panel.model.add(codes)
    _settle(qtbot)
    taken = []
    win.console.taken.connect(lambda code, _image: taken.append(code))
    with Heartbeat() as heart:
        for i in range(100):
            win.console.take(codes[i % len(codes)])
            qtbot.wait(5)  # key presses come through the event loop, as real ones do
        qtbot.waitUntil(lambda: tasks.wait_idle(0) and len(taken) >= 1, timeout=60_000)
        qtbot.wait(50)
    assert heart.largest_gap < MAX_GAP_S, f"GUI blocked {heart.largest_gap * 1000:.0f} ms"
    assert win.console.on_air_code == codes[99 % len(codes)]
    takes = ctx.sessions.takes()
    assert len(takes) == 100  # every press recorded, in order
    assert [t.job_code for t in takes] == [codes[i % len(codes)] for i in range(100)]
