"""Settings → 报名链接: 测试连接 for the hub against a real hub process (SQLite, PostgreSQL), run
off the GUI thread with its answer in place; a warning in place when phones cannot open the
QR address (issue 15 item 6)."""

from __future__ import annotations

import socket
import threading

import keyring
import pytest
from keyring.backends import fail

from hostdesk import i18n
from hostdesk.config import load_settings
from hostdesk.ui import hub_form
from hostdesk.ui.settings_dialog import SettingsDialog
from tests.hub.conftest import *  # noqa: F403 - the real hub on SQLite and PostgreSQL
from tests.ui.test_main_window import type_text

PUBLIC = "https://hub.example.cn"


@pytest.fixture(autouse=True)
def chinese(qapp):
    i18n.install("zh_CN")
    yield
    i18n.install("zh_CN")


@pytest.fixture
def dialog(qtbot, data_dir):
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    settings = load_settings(data_dir)[0]
    window = SettingsDialog(settings, data_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.token_edit.isEnabled, timeout=5000)  # the saved token, read
    yield window
    keyring.set_keyring(previous)


@pytest.fixture
def probe_threads(monkeypatch):
    """The threads the hub was asked on (the GUI thread must never be one)."""
    seen: list[threading.Thread] = []
    real = hub_form.probe_hub

    def recording(url, token):
        seen.append(threading.current_thread())
        return real(url, token)

    monkeypatch.setattr(hub_form, "probe_hub", recording)
    return seen


def _fill(dialog, url: str, token: str) -> None:
    dialog.tabs.setCurrentIndex(2)  # 报名链接, where the hub is set
    dialog.hub_edit.setText(url)
    dialog.token_edit.setText(token)


def _test(dialog, qtbot) -> bool:
    with qtbot.waitSignal(dialog.hub_test.test_finished, timeout=30_000) as done:
        dialog.hub_test.test_button.click()
    return done.args[0]


def test_the_hub_test_says_who_this_pc_is_and_that_phones_cannot_open_loopback(
    dialog, qtbot, hub_factory, probe_threads
):
    hub = hub_factory(args=("--public-url", PUBLIC))
    _fill(dialog, hub.url, hub.token)
    # The QR would hold 127.0.0.1: said in place as soon as it is typed, OK still allowed.
    reach = dialog.hub_test.reach_label
    assert reach.isVisible() and hub.url in reach.text() and "手机" in reach.text()
    assert _test(dialog, qtbot) is True
    result = dialog.hub_test.result_label
    assert result.isVisible() and "已连接" in result.text() and "device-" in result.text()
    assert probe_threads and threading.main_thread() not in probe_threads
    # The hub told its public address: the warning names it.
    assert PUBLIC in reach.text()
    # The public address typed in: no warning; the old answer goes with the old address.
    type_text(dialog.hub_edit, "x")
    assert not result.isVisible()
    dialog.hub_edit.setText(PUBLIC)
    assert not reach.isVisible()
    dialog.hub_edit.setText("http://192.168.1.20:8000")
    assert reach.isVisible() and "局域网" in reach.text()


def test_a_wrong_token_and_no_hub_are_told_in_place(dialog, qtbot, hub):
    _fill(dialog, hub.url, "not-a-token-of-this-hub")
    assert _test(dialog, qtbot) is False
    assert "令牌" in dialog.hub_test.result_label.text()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    _fill(dialog, f"http://127.0.0.1:{port}", hub.token)
    assert _test(dialog, qtbot) is False
    text = dialog.hub_test.result_label.text()
    assert "连不上" in text and f"127.0.0.1:{port}" in text
    _fill(dialog, "", "")
    assert _test(dialog, qtbot) is False
    assert "请先填写" in dialog.hub_test.result_label.text()
    assert dialog.hub_test.test_button.isEnabled()
