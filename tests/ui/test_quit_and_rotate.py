"""Ctrl+Q during a live show asks first; the auto-rotate interval survives a restart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from hostdesk import app, config, i18n
from hostdesk.ui import tasks
from hostdesk.ui.main_window import MainWindow
from tests.ui.console_window import open_console


@pytest.fixture
def win(qtbot, ctx):
    i18n.install("zh_CN")
    window = open_console(qtbot, ctx)
    yield window
    tasks.wait_idle()
    QApplication.processEvents()


def _ctrl_q(win) -> None:
    win.activateWindow()
    QTest.qWaitForWindowActive(win)
    QTest.keyClick(win, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def _asked(win, answer: bool) -> list[bool]:
    asked: list[bool] = []
    win.confirm_quit = lambda: asked.append(True) or answer
    return asked


def test_ctrl_q_quits_at_once_when_nothing_is_live(win, qtbot):
    asked = _asked(win, False)
    _ctrl_q(win)
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=5_000)
    assert asked == []


def test_ctrl_q_with_a_job_on_air_asks_and_keeps_running_when_told(win, qtbot, ctx):
    code = next(j.code for j in ctx.jobs.list_jobs() if not win.console.warnings.get(j.code))
    with qtbot.waitSignal(win.console.taken, timeout=10_000):
        win.console.take(code)
    asked = _asked(win, False)
    _ctrl_q(win)
    assert asked == [True]
    assert win.isVisible() and win.console.on_air_code == code

    asked = _asked(win, True)
    _ctrl_q(win)
    assert asked == [True]
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=5_000)


def test_ctrl_q_during_a_live_session_asks(win, qtbot, ctx):
    ctx.sessions.start("douyin", "测试直播间")
    with qtbot.waitSignal(win.session_loaded, timeout=10_000):
        win.load_session()
    assert not win.console.on_air_code  # the session alone makes the show live
    asked = _asked(win, False)
    _ctrl_q(win)
    assert asked == [True] and win.isVisible()


def test_the_auto_rotate_interval_is_remembered_after_a_restart(win, qtbot, ctx):
    data_dir = ctx.settings.data_dir
    assert config.load_settings(data_dir)[0].rundown.rotate_seconds != 95
    win.rundown_panel.rotate_seconds.setValue(95)
    qtbot.waitUntil(
        lambda: config.load_settings(data_dir)[0].rundown.rotate_seconds == 95, timeout=10_000
    )
    # Changed just before quitting: saved on the way out, not lost with the pending timer.
    win.rundown_panel.rotate_seconds.setValue(140)
    win.close()
    assert tasks.wait_idle()
    settings, _warnings = config.load_settings(data_dir)
    assert settings.rundown.rotate_seconds == 140
    again = MainWindow(ctx.catalogue, [], onair=app.build_onair(ctx), settings=settings)
    qtbot.addWidget(again)
    assert again.rundown_panel.rotate_seconds.value() == 140
