"""The window's 发布到中心 (issue 15 item 5): the catalogue goes to a real hub process (SQLite,
PostgreSQL) on a worker, never the GUI thread, and the window says what happened: published,
conflicts waiting for a person, or the hub unreachable."""

from __future__ import annotations

import socket
import threading
from dataclasses import replace

import pytest
import requests
from PySide6.QtTest import QTest

from hostdesk import app, i18n
from hostdesk.ui import publish_now
from hostdesk.ui.main_window import MainWindow
from tests.hub.conftest import *  # noqa: F403 - the real hub on SQLite and PostgreSQL

TIMEOUT = (5, 30)


@pytest.fixture(autouse=True)
def chinese(qapp):
    i18n.install("zh_CN")


@pytest.fixture
def threads(monkeypatch):
    seen: list[threading.Thread] = []
    real = publish_now.publish_catalogue

    def recording(hub, url, token):
        seen.append(threading.current_thread())
        return real(hub, url, token)

    monkeypatch.setattr(publish_now, "publish_catalogue", recording)
    return seen


def _window(qtbot, ctx, url: str, token: str) -> MainWindow:
    """The window as launch() builds it with a hub configured (its sync worker left off: the
    publish does not need it)."""
    ctx.settings.signup.hub_url = url
    ctx.settings.sync.token, ctx.settings.sync.token_in_keyring = token, False
    win = MainWindow(
        ctx.catalogue, [], onair=app.build_onair(ctx), sessions=ctx.sessions,
        settings=ctx.settings, registrations=ctx.registrations,
        sync_stores=app.build_sync_stores(ctx),
    )  # fmt: skip
    qtbot.addWidget(win)
    win.show()
    QTest.qWaitForWindowExposed(win)
    with qtbot.waitSignals([win.catalogue_loaded, win.session_loaded], timeout=15_000):
        win.load_catalogue(demo_on_first_run=True)
        win.load_session()
    return win


def _publish(win, qtbot) -> tuple[str, bool]:
    assert win.publish_action.isEnabled()
    win.publish_action.trigger()
    assert not win.publish_action.isEnabled()  # one at a time, while the worker sends
    with qtbot.waitSignal(win.publisher.finished, timeout=60_000) as done:
        pass
    qtbot.waitUntil(win.publish_action.isEnabled, timeout=5000)
    return done.args[0], done.args[1]


def _hub_jobs(hub) -> dict[str, dict]:
    r = requests.get(hub.url + "/api/v1/jobs", headers=hub.headers(), timeout=TIMEOUT)
    assert r.status_code == 200, r.text
    return {job["code"]: job for job in r.json()["jobs"]}


def test_publish_now_sends_the_catalogue_and_says_so(qtbot, ctx, hub, threads):
    win = _window(qtbot, ctx, hub.url, hub.token)
    codes = {job.code for job in ctx.jobs.list_jobs()}
    assert codes and _hub_jobs(hub) == {}
    text, ok = _publish(win, qtbot)
    assert ok and "已发布" in text and f"新增 {len(codes)} 个" in text
    assert win.statusBar().currentMessage() == text
    assert set(_hub_jobs(hub)) == codes
    assert threads and threading.main_thread() not in threads
    # Again: nothing to send, and it says so.
    text, ok = _publish(win, qtbot)
    assert ok and "已有" in text


def test_a_conflict_is_said_loudly_and_nothing_is_overwritten(qtbot, ctx, hub):
    win = _window(qtbot, ctx, hub.url, hub.token)
    _publish(win, qtbot)
    code = "HX-001"
    theirs = {**_hub_jobs(hub)[code], "title": "总部改过的标题"}
    others = [job for c, job in _hub_jobs(hub).items() if c != code]
    put = requests.put(
        hub.url + "/api/v1/jobs", json={"jobs": [theirs, *others]},
        headers=hub.admin_headers, timeout=TIMEOUT,
    )  # fmt: skip
    assert put.status_code == 200, put.text
    mine = ctx.jobs.get(code)
    ctx.catalogue.save_job(replace(mine, title="本机改的标题"), new=False)
    text, ok = _publish(win, qtbot)
    assert not ok and "岗位冲突" in text
    assert win.banner.isVisible() and text in win.banner.text()
    assert _hub_jobs(hub)[code]["title"] == "总部改过的标题"  # the hub's edit stays
    assert ctx.jobs.get(code).title == "本机改的标题"  # and so does this PC's


def test_an_unreachable_hub_is_said_and_the_jobs_stay(qtbot, ctx, hub):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    win = _window(qtbot, ctx, f"http://127.0.0.1:{port}", hub.token)
    text, ok = _publish(win, qtbot)
    assert not ok and "连不上" in text and win.banner.isVisible()
    assert ctx.jobs.list_jobs()  # nothing lost
    win.settings.signup.hub_url = ""
    text, ok = _publish(win, qtbot)
    assert not ok and "设置" in text
