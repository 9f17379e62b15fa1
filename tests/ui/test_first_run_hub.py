"""The first-run guide's hub step (issue 15 item 6): address and token, 测试连接 against a real
hub process (SQLite, PostgreSQL) off the GUI thread, a bad address refused in place, skippable."""

from __future__ import annotations

import threading

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QWizard

from hostdesk import config, i18n
from hostdesk.config import load_settings
from hostdesk.ui import hub_form
from hostdesk.ui.first_run import FirstRunGuide
from tests.hub.conftest import *  # noqa: F403 - the real hub on SQLite and PostgreSQL


@pytest.fixture(autouse=True)
def chinese(qapp):
    i18n.install("zh_CN")
    yield
    i18n.install("zh_CN")


@pytest.fixture
def guide(qtbot, data_dir):
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    settings, _ = load_settings(data_dir)
    wizard = FirstRunGuide(settings, data_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    yield wizard
    keyring.set_keyring(previous)


def _to_hub_page(guide) -> None:
    guide.next()  # welcome → OBS
    guide.next()  # OBS (defaults) → hub
    assert guide.currentPage() is guide.hub_page


def _finish(guide, qtbot):
    guide.next()
    with qtbot.waitSignal(guide.settings_saved, timeout=5000) as saved:
        guide.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not guide.isVisible(), timeout=5000)
    return saved.args[0]


def test_the_hub_step_tests_the_connection_and_finish_saves_address_and_token(
    guide, qtbot, data_dir, hub, monkeypatch
):
    threads: list[threading.Thread] = []
    real = hub_form.probe_hub
    monkeypatch.setattr(
        hub_form, "probe_hub", lambda u, t: threads.append(threading.current_thread()) or real(u, t)
    )
    _to_hub_page(guide)
    guide.hub_url_edit.setText(hub.url)
    guide.hub_token_edit.setText(hub.token)
    with qtbot.waitSignal(guide.hub_test.test_finished, timeout=30_000) as done:
        guide.hub_test.test_button.click()
    assert done.args[0] is True
    assert "已连接" in guide.hub_test.result_label.text()
    assert threads and threading.main_thread() not in threads
    assert guide.hub_test.reach_label.isVisible()  # 127.0.0.1: phones cannot open it
    saved = _finish(guide, qtbot)
    loaded, warnings = load_settings(data_dir)
    assert warnings == [] and loaded == saved
    assert loaded.signup.hub_url == hub.url and loaded.general.first_run_done
    assert config.sync_token(loaded) == hub.token


def test_a_wrong_token_is_told_in_place(guide, qtbot, hub):
    _to_hub_page(guide)
    guide.hub_url_edit.setText(hub.url)
    guide.hub_token_edit.setText("revoked-or-made-up")
    with qtbot.waitSignal(guide.hub_test.test_finished, timeout=30_000) as done:
        guide.hub_test.test_button.click()
    assert done.args[0] is False and "令牌" in guide.hub_test.result_label.text()


def test_the_hub_step_can_be_skipped_and_a_bad_address_is_refused_in_place(guide, qtbot, data_dir):
    _to_hub_page(guide)
    guide.hub_url_edit.setText("hub.example.cn")
    guide.next()
    assert guide.currentPage() is guide.hub_page  # not moved on
    assert guide.hub_url_error.isVisible() and "https://" in guide.hub_url_error.text()
    assert guide.hub_url_edit.text() == "hub.example.cn"  # the typing kept
    guide.hub_url_edit.setText("")  # skipped: nothing about the hub is saved
    saved = _finish(guide, qtbot)
    assert saved.signup.hub_url == "" and config.sync_token(saved) == ""
    assert load_settings(data_dir)[0].general.first_run_done is True
