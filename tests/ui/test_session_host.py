"""开始直播 asks for the host (主播): stored on the show, shown in the session bar, offered
again next time from the settings; a bad name is refused in place with the typing kept."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from hostdesk import config, i18n
from tests.ui.console_window import open_console
from tests.ui.test_main_window import type_text


@pytest.fixture
def win(qtbot, ctx):
    i18n.install("zh_CN")
    return open_console(qtbot, ctx)


def _go_live(win, qtbot, room: str, host: str | None):
    win.session_bar.button.click()
    dialog = win.session_bar.dialog
    type_text(dialog.room, room)
    if host is not None:
        dialog.host.clear()
        type_text(dialog.host, host)
    return dialog


def test_a_show_goes_live_with_its_host_and_the_host_is_offered_next_time(
    win, qtbot, ctx, monkeypatch
):
    dialog = _go_live(win, qtbot, "青岛招聘专场", "x" * 31)
    dialog.buttons.accepted.emit()  # too long: refused in place, the typing kept
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=5_000)
    assert "主播" in dialog.problem.text()
    assert dialog.room.text() == "青岛招聘专场" and dialog.host.text() == "x" * 31
    assert win.session.state.value == "planned"
    dialog.host.clear()
    type_text(dialog.host, " 蔚姐 ")
    with qtbot.waitSignal(dialog.accepted, timeout=5_000):
        dialog.buttons.accepted.emit()
    assert "主播 蔚姐" in win.session_bar.label.text()
    live = ctx.sessions.repo.get(win.session.id)
    assert (live.room, live.host) == ("青岛招聘专场", "蔚姐")
    qtbot.waitUntil(
        lambda: config.load_settings(ctx.data_dir)[0].session.host == "蔚姐", timeout=10_000
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(win.session_loaded, timeout=5_000):
        win.session_bar.button.click()  # 结束直播
    win.session_bar.button.click()  # the next show: the host is offered, and may be changed
    assert win.session_bar.dialog.host.text() == "蔚姐"
    win.session_bar.dialog.reject()
