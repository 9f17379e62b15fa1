"""After 结束直播 the card still on air keeps the ended show's link; after a clear, the next's."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from hostdesk import i18n
from hostdesk.ui import tasks
from tests.ui.console_window import open_console


@pytest.fixture
def win(qtbot, ctx, monkeypatch):
    i18n.install("zh_CN")
    ctx.settings.signup.hub_url = "https://hub.example.com"  # a QR and a link to show
    ctx.sessions.start("douyin", "测试直播间")
    window = open_console(qtbot, ctx, active=False)
    window.open_show_report = lambda *_a, **_k: None  # the report is another test's subject
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    yield window
    tasks.wait_idle()
    QApplication.processEvents()


def test_the_card_on_air_keeps_the_ended_shows_link(win, qtbot):
    show = win.session.id
    code = next(
        j.code
        for j in win.console.jobs.values()
        if j.status.value == "open" and not win.console.warnings.get(j.code)
    )
    with qtbot.waitSignal(win.console.taken, timeout=10_000):
        win.console.take(code)
    url = win.console.onair.on_air.url
    assert f"s={show}" in url and url in win.link_label.text()

    with qtbot.waitSignal(win.session_loaded, timeout=10_000):
        win.session_bar.start_or_stop()  # 结束直播: the next show is loaded, not started
    assert win.session.id != show
    assert tasks.wait_idle()
    QApplication.processEvents()
    assert win.console.on_air_code == code
    assert win.console.onair.on_air.url == url  # the QR in OBS and the live files too
    assert win.console.onair.look.session == show
    assert url in win.link_label.text()

    # Off air, the links follow the next show: a take now carries its code.
    with qtbot.waitSignal(win.console.cleared, timeout=10_000):
        win.console.clear()
    qtbot.waitUntil(lambda: win.console.onair.look.session == win.session.id, timeout=10_000)
    with qtbot.waitSignal(win.console.taken, timeout=10_000):
        win.console.take(code)
    assert f"s={win.session.id}" in win.console.onair.on_air.url
