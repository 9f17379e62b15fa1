"""The settings dialog: checks in place, the OBS test off the GUI thread, saving, the keyring."""

from __future__ import annotations

import socket
import sys

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QKeySequenceEdit, QPushButton

from hostdesk import config, i18n
from hostdesk.config import Settings, load_settings, save_settings
from hostdesk.services.obs_probe import ProbeResult
from hostdesk.ui import hotkeys, obs_form
from hostdesk.ui.hotkeys import ACTIONS
from hostdesk.ui.settings_dialog import SettingsDialog
from tests.gui_watch import GuiWatch
from tests.test_config import MemoryKeyring
from tests.ui.test_main_window import type_text


@pytest.fixture(autouse=True)
def english(qapp):
    i18n.install("en")  # the English source texts, whatever an earlier test installed
    yield
    i18n.install("zh_CN")


@pytest.fixture
def ring():
    """The keyring this test uses; the file fallback (this box's real state) by default."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield keyring.set_keyring
    keyring.set_keyring(previous)


@pytest.fixture
def open_dialog(qtbot, data_dir, ring):
    def make(settings: Settings | None = None) -> SettingsDialog:
        settings = settings or load_settings(data_dir)[0]
        dialog = SettingsDialog(settings, data_dir)
        qtbot.addWidget(dialog)
        dialog.show()
        # The saved password is read on a worker; the field opens once it is there.
        qtbot.waitUntil(dialog.obs_form.password_edit.isEnabled, timeout=5000)
        return dialog

    return make


def _ok(dialog: SettingsDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens there once the socket is closed


def test_bad_obs_url_is_shown_in_place_and_the_text_kept(open_dialog, qtbot, data_dir):
    dialog = open_dialog()
    dialog.tabs.setCurrentIndex(4)
    dialog.obs_form.url_edit.clear()
    type_text(dialog.obs_form.url_edit, "http://127.0.0.1:4455")
    _ok(dialog)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.tabs.currentIndex() == 0  # brought to the field with the problem
    assert dialog.obs_form.url_error.isVisible()
    assert "ws://" in dialog.obs_form.url_error.text()
    assert dialog.obs_form.url_edit.text() == "http://127.0.0.1:4455"
    assert not (data_dir / "settings.toml").exists()


@pytest.mark.parametrize(
    ("url", "words"),
    [("wss://pc:4455", "wss://"), ("ws://:4455", "127.0.0.1"), ("ws://pc:99999", "65535")],
)
def test_each_url_problem_has_its_own_advice(open_dialog, url, words):
    dialog = open_dialog()
    dialog.obs_form.url_edit.setText(url)
    _ok(dialog)
    assert words in dialog.obs_form.url_error.text()
    assert dialog.isVisible()


def test_duplicate_hotkey_is_refused(open_dialog, qtbot, data_dir):
    dialog = open_dialog()
    dialog.hotkey_edits["next"].setText("Right; space")
    _ok(dialog)
    assert dialog.isVisible() and dialog.tabs.currentIndex() == 3
    error = dialog.findChild(type(dialog.obs_form.url_error), "hotkey_next_error")
    assert error.isVisible()
    assert "Space" in error.text() and hotkeys.action_label("take") in error.text()
    assert dialog.hotkey_edits["next"].text() == "Right; space"
    assert not (data_dir / "settings.toml").exists()
    # Fixing it clears the message and saves.
    dialog.hotkey_edits["next"].setText("Right")
    with qtbot.waitSignal(dialog.settings_saved, timeout=5000):
        _ok(dialog)
    assert not error.isVisible()
    assert load_settings(data_dir)[0].hotkeys.next == "Right"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("5", "slot"),
        ("Ctrl+5", "slot"),
        ("Num+5", "slot"),
        ("Foo", "not a key"),
        ("Ctrl+K, Ctrl+L", "several keys"),
    ],
)
def test_unusable_hotkeys_are_refused(open_dialog, text, words):
    dialog = open_dialog()
    dialog.hotkey_edits["clear"].setText(text)
    _ok(dialog)
    error = dialog.findChild(type(dialog.obs_form.url_error), "hotkey_clear_error")
    assert error.isVisible() and words in error.text()
    assert dialog.isVisible()


@pytest.mark.parametrize(
    ("template", "hub", "words"),
    [
        ("{hub}/j/{job}", "https://hub.example.cn", "only use"),
        ("{hub}/j/", "https://hub.example.cn", "must contain {code}"),
        ("hub.example.cn/j/{code}", "", "https://"),
        ("{hub.x}/{code}", "https://hub.example.cn", "only use"),
    ],
)
def test_bad_signup_template_is_shown_as_you_type(open_dialog, template, hub, words):
    dialog = open_dialog()
    dialog.hub_edit.setText(hub)
    dialog.template_edit.setText(template)
    error = dialog.findChild(type(dialog.obs_form.url_error), "url_template_error")
    assert not error.isHidden() and words in error.text()
    assert dialog.example_label.text() == "—"
    _ok(dialog)
    assert dialog.isVisible() and dialog.tabs.currentIndex() == 2
    assert dialog.template_edit.text() == template


def test_default_template_without_a_hub_is_noted_but_savable(open_dialog, qtbot, data_dir):
    dialog = open_dialog()  # the shipped defaults: "{hub}/j/{code}?s={session}&d={device}", no hub
    error = dialog.findChild(type(dialog.obs_form.url_error), "url_template_error")
    assert not error.isHidden() and "hub address" in error.text()
    with qtbot.waitSignal(dialog.settings_saved, timeout=5000):
        _ok(dialog)
    assert (data_dir / "settings.toml").exists()


def test_signup_example_follows_the_fields(open_dialog):
    dialog = open_dialog()
    dialog.hub_edit.setText("https://hub.example.cn/")
    dialog.template_edit.setText("{hub}/apply/{code}?from={session}")
    assert dialog.example_label.text() == "https://hub.example.cn/apply/A1024?from=s8k2m4qx"
    dialog.template_edit.setText("https://jobs.example.cn/{code}")
    assert dialog.example_label.text() == "https://jobs.example.cn/A1024"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_ok_saves_owner_only_and_emits(open_dialog, qtbot, data_dir):
    dialog = open_dialog()
    dialog.obs_form.url_edit.setText("ws://192.168.1.20:4460")
    dialog.obs_form.password_edit.setText("s3cret")
    dialog.layout_combo.setCurrentIndex(dialog.layout_combo.findData("side"))
    dialog.position_combo.setCurrentIndex(dialog.position_combo.findData("mirrored"))
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("light"))
    dialog.rotate_spin.setValue(45)
    dialog.hub_edit.setText("https://hub.example.cn")
    dialog.hotkey_edits["rotate"].setText("ctrl+t; F8")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    with (
        qtbot.waitSignal(dialog.settings_saved, timeout=5000) as saved,
        qtbot.waitSignal(dialog.language_changed, timeout=5000) as language,
    ):
        _ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert dialog.result() == 1
    assert language.args == ["en"]
    path = data_dir / "settings.toml"
    assert path.stat().st_mode & 0o777 == 0o600
    loaded, warnings = load_settings(data_dir)
    assert warnings == []
    assert loaded == saved.args[0]
    assert loaded.obs.url == "ws://192.168.1.20:4460"
    assert (loaded.obs.password, loaded.obs.password_in_keyring) == ("s3cret", False)
    assert (loaded.overlay.layout, loaded.overlay.position) == ("side", "mirrored")
    assert (loaded.overlay.theme, loaded.rundown.rotate_seconds) == ("light", 45)
    assert loaded.hotkeys.rotate == "Ctrl+T; F8"  # in Qt's own spelling
    assert loaded.signup.hub_url == "https://hub.example.cn"
    assert loaded.general.language == "en"


def test_unchanged_language_emits_no_language_change(open_dialog, qtbot):
    dialog = open_dialog()
    with (
        qtbot.assertNotEmitted(dialog.language_changed),
        qtbot.waitSignal(dialog.settings_saved, timeout=5000),
    ):
        _ok(dialog)


def test_with_a_keyring_the_password_leaves_the_file(open_dialog, qtbot, data_dir, ring):
    memory = MemoryKeyring()
    ring(memory)
    dialog = open_dialog()
    dialog.obs_form.password_edit.setText("s3cret")
    with qtbot.waitSignal(dialog.settings_saved, timeout=5000):
        _ok(dialog)
    assert "s3cret" not in (data_dir / "settings.toml").read_text(encoding="utf-8")
    assert list(memory.entries.values()) == ["s3cret"]
    # Opening the dialog again reads it back (on a worker) into the field.
    again = open_dialog()
    assert again.obs_form.password_edit.text() == "s3cret"


def test_the_saved_password_is_shown_hidden_and_can_be_revealed(open_dialog, data_dir):
    settings = Settings()
    config.store_obs_password(data_dir, settings, "s3cret")
    save_settings(data_dir, settings)
    dialog = open_dialog()
    edit = dialog.obs_form.password_edit
    assert edit.text() == "s3cret"
    assert edit.echoMode() == edit.EchoMode.Password
    dialog.obs_form.show_password.click()
    assert edit.echoMode() == edit.EchoMode.Normal


def test_connection_test_against_a_closed_port_says_obs_is_not_running(open_dialog, qtbot):
    dialog = open_dialog()
    port = _closed_port()
    dialog.obs_form.url_edit.setText(f"ws://127.0.0.1:{port}")
    early: list[bool] = []
    dialog.obs_form.test_finished.connect(early.append)
    with GuiWatch() as watch:
        dialog.obs_form.test_button.click()
    assert early == []  # the click returned before the answer: the test runs on a worker
    watch.assert_never_blocked()
    assert not dialog.obs_form.test_button.isEnabled()
    assert "Connecting" in dialog.obs_form.result_label.text()
    with qtbot.waitSignal(dialog.obs_form.test_finished, timeout=5000) as finished:
        pass
    assert finished.args == [False]
    text = dialog.obs_form.result_label.text()
    assert "not running" in text and f"127.0.0.1:{port}" in text
    assert "WebSocket Server Settings" in text
    assert dialog.obs_form.test_button.isEnabled()


def test_connection_test_with_a_bad_url_does_not_start(open_dialog, qtbot):
    dialog = open_dialog()
    dialog.obs_form.url_edit.setText("127.0.0.1:4455")
    with qtbot.assertNotEmitted(dialog.obs_form.test_finished, wait=300):
        dialog.obs_form.test_button.click()
    assert dialog.obs_form.url_error.isVisible()
    assert dialog.obs_form.test_button.isEnabled()


def test_position_labels_follow_the_layout(open_dialog):
    dialog = open_dialog()
    dialog.layout_combo.setCurrentIndex(dialog.layout_combo.findData("side"))
    side = [dialog.position_combo.itemText(i) for i in range(2)]
    dialog.layout_combo.setCurrentIndex(dialog.layout_combo.findData("vertical"))
    vertical = [dialog.position_combo.itemText(i) for i in range(2)]
    assert side != vertical and all(side) and all(vertical)


def test_a_successful_test_shows_versions_and_canvas(open_dialog, qtbot, monkeypatch):
    answered = ProbeResult("127.0.0.1:4455", "", "30.2.3", "5.5.6", (1080, 1920), 30000 / 1001)
    asked = []

    def fake_probe(url, password):
        asked.append((url, password))
        return answered

    monkeypatch.setattr(obs_form, "probe", fake_probe)  # the real one needs OBS: tests/obs
    dialog = open_dialog()
    dialog.obs_form.password_edit.setText("pw")
    with qtbot.waitSignal(dialog.obs_form.test_finished, timeout=5000) as finished:
        dialog.obs_form.test_button.click()
    assert finished.args == [True]
    assert asked == [("ws://127.0.0.1:4455", "pw")]
    assert dialog.obs_form.result_label.text() == (
        "Connected: OBS 30.2.3 (obs-websocket 5.5.6), canvas 1080×1920 at 29.97 fps"
    )


def test_a_pressed_key_is_added_to_the_action(open_dialog):
    dialog = open_dialog()
    recorder = dialog.findChildren(QKeySequenceEdit)[ACTIONS.index("clear")]
    recorder.setKeySequence(QKeySequence("F9"))
    recorder.editingFinished.emit()
    assert dialog.hotkey_edits["clear"].text() == "Esc; F9"
    assert recorder.keySequence().isEmpty()
    recorder.setKeySequence(QKeySequence("F9"))
    recorder.editingFinished.emit()  # already there: not added twice
    assert dialog.hotkey_edits["clear"].text() == "Esc; F9"


def test_restore_default_keys(open_dialog):
    dialog = open_dialog()
    dialog.hotkey_edits["take"].setText("F1")
    dialog.findChild(QPushButton, "hotkeys_defaults").click()
    assert dialog.hotkey_edits["take"].text() == "Space; Return; Enter"


def test_the_hub_token_and_retention_are_saved(open_dialog, qtbot, data_dir, ring):
    ring(MemoryKeyring())  # a usable keyring: the token must leave the file
    dialog = open_dialog()
    assert dialog.token_edit.echoMode() == dialog.token_edit.EchoMode.Password
    type_text(dialog.token_edit, "tok-123-secret")
    dialog.retention_spin.setValue(90)
    with qtbot.waitSignal(dialog.settings_saved, timeout=5000) as saved:
        _ok(dialog)
    settings = saved.args[0]
    assert settings.registrations.retention_days == 90
    assert settings.sync.token_in_keyring and settings.sync.token == ""
    assert "tok-123-secret" not in (data_dir / "settings.toml").read_text(encoding="utf-8")
    assert config.sync_token(load_settings(data_dir)[0]) == "tok-123-secret"
    again = open_dialog()  # the saved token is read back (on a worker) into the field
    assert again.token_edit.text() == "tok-123-secret"
