"""Reopened mid-show (after a quit or a kill -9), the job that was on air is back on air."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QApplication

from hostdesk import app, i18n
from hostdesk.ui import tasks
from hostdesk.ui.registration_panel import draft_path, write_draft
from tests.ui.console_window import open_console

# A child process that takes a job in a live show, says which, and waits to be killed.
TAKE_AND_WAIT = """
import sys, time
from pathlib import Path
from PySide6.QtGui import QGuiApplication
from hostdesk import app
qt = QGuiApplication([])
ctx = app.build(Path(sys.argv[1]))
ctx.catalogue.load_demo_if_empty()
session = ctx.sessions.start("douyin", "测试直播间")
onair = app.build_onair(ctx, session=session.id)
code = next(j.code for j in ctx.jobs.list_jobs() if j.status.value == "open")
onair.take(code)
print(code, flush=True)
time.sleep(600)
"""


@pytest.fixture(autouse=True)
def zh():
    i18n.install("zh_CN")
    yield
    tasks.wait_idle()
    QApplication.processEvents()


def _open_code(win) -> str:
    return next(
        j.code
        for j in win.console.jobs.values()
        if j.status.value == "open" and not win.console.warnings.get(j.code)
    )


def _quit(win, qtbot) -> None:
    win.confirm_quit = lambda: True
    win.close()
    qtbot.waitUntil(lambda: not win.isVisible(), timeout=5_000)
    assert tasks.wait_idle()


def _assert_back_on_air(again, qtbot, code: str) -> None:
    qtbot.waitUntil(lambda: again.console.on_air_code == code, timeout=15_000)
    qtbot.waitUntil(lambda: again.onair_view.image() is not None, timeout=10_000)
    assert again.onair_view.caption().startswith(code)
    assert again.console.onair.on_air is not None and again.console.onair.on_air.code == code
    form = again.registration_panel.form
    qtbot.waitUntil(lambda: form.job.currentData() == code, timeout=10_000)


def test_reopened_after_a_quit_the_job_on_air_is_back_and_the_form_on_it(qtbot, ctx):
    ctx.sessions.start("douyin", "测试直播间")
    win = open_console(qtbot, ctx)
    code = _open_code(win)
    with qtbot.waitSignal(win.console.taken, timeout=10_000):
        win.console.take(code)
    takes_before = len(ctx.takes.list_takes())
    _quit(win, qtbot)
    # An unsaved entry without a job picked by hand, as the draft keeps it.
    write_draft(draft_path(ctx.data_dir), {"name": "陈七", "phone": "139"})

    again = open_console(qtbot, ctx)
    _assert_back_on_air(again, qtbot, code)
    form = again.registration_panel.form
    qtbot.waitUntil(lambda: form.fields["name"].text() == "陈七", timeout=5_000)
    assert form.job.currentData() == code
    assert tasks.wait_idle()
    assert len(ctx.takes.list_takes()) == takes_before  # put back, not taken again


def test_a_draft_with_its_own_job_keeps_it(qtbot, ctx):
    ctx.sessions.start("douyin", "测试直播间")
    win = open_console(qtbot, ctx)
    codes = [j.code for j in win.console.jobs.values() if j.status.value == "open"]
    code = _open_code(win)
    other = next(c for c in codes if c != code)
    with qtbot.waitSignal(win.console.taken, timeout=10_000):
        win.console.take(code)
    _quit(win, qtbot)
    write_draft(draft_path(ctx.data_dir), {"name": "陈七", "job_code": other, "job_chosen": True})

    again = open_console(qtbot, ctx)
    qtbot.waitUntil(lambda: again.console.on_air_code == code, timeout=15_000)
    form = again.registration_panel.form
    qtbot.waitUntil(lambda: form.fields["name"].text() == "陈七", timeout=5_000)
    assert tasks.wait_idle()
    QApplication.processEvents()
    assert form.job.currentData() == other


def test_a_job_closed_meanwhile_is_not_put_back_and_the_status_bar_says_so(qtbot, ctx):
    ctx.sessions.start("douyin", "测试直播间")
    win = open_console(qtbot, ctx)
    code = _open_code(win)
    with qtbot.waitSignal(win.console.taken, timeout=10_000):
        win.console.take(code)
    _quit(win, qtbot)
    ctx.catalogue.close_job(code)

    again = open_console(qtbot, ctx, active=False)
    qtbot.waitUntil(lambda: "不会重新上屏" in again.statusBar().currentMessage(), timeout=15_000)
    assert again.console.on_air_code == "" and again.console.onair.on_air is None


def test_a_cleared_overlay_stays_off_air_after_a_reopen(qtbot, ctx):
    ctx.sessions.start("douyin", "测试直播间")
    win = open_console(qtbot, ctx)
    code = _open_code(win)
    with qtbot.waitSignal(win.console.taken, timeout=10_000):
        win.console.take(code)
    with qtbot.waitSignal(win.console.cleared, timeout=10_000):
        win.console.clear()
    _quit(win, qtbot)

    again = open_console(qtbot, ctx, active=False)
    assert tasks.wait_idle()
    QApplication.processEvents()
    assert again.console.on_air_code == "" and again.console.onair.on_air is None


def test_reopened_after_a_kill_9_the_job_on_air_is_back(qtbot, data_dir):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    child = subprocess.Popen(
        [sys.executable, "-c", TAKE_AND_WAIT, str(data_dir)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    try:
        code = child.stdout.readline().decode().strip()
        assert code, child.stderr.read().decode("utf-8", "replace")[-2000:]
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    ctx = app.build(data_dir)
    try:
        again = open_console(qtbot, ctx)
        _assert_back_on_air(again, qtbot, code)
        assert (ctx.data_dir / "overlay" / "live" / "card.png").stat().st_size > 100
    finally:
        assert tasks.wait_idle()
        QApplication.processEvents()
        ctx.close()
