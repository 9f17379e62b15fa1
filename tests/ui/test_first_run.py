"""The first-run guide: OBS step (skippable, checked in place), catalogue choice, saved on Finish."""

from __future__ import annotations

import sys

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QWizard

from hostdesk import i18n
from hostdesk.config import load_settings
from hostdesk.ui.first_run import FirstRunGuide
from tests.test_config import MemoryKeyring


@pytest.fixture(autouse=True)
def english(qapp):
    i18n.install("en")
    yield
    i18n.install("zh_CN")


@pytest.fixture
def ring():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield keyring.set_keyring
    keyring.set_keyring(previous)


@pytest.fixture
def guide(qtbot, data_dir, ring):
    settings, _ = load_settings(data_dir)
    wizard = FirstRunGuide(settings, data_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _finish(wizard: FirstRunGuide) -> None:
    if wizard.currentPage() is wizard.hub_page:  # the hub step (tests/ui/test_first_run_hub.py)
        wizard.next()
    wizard.button(QWizard.WizardButton.FinishButton).click()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
@pytest.mark.parametrize("choice", ["demo", "import", "empty"])
def test_finish_saves_obs_first_run_done_and_the_choice(guide, qtbot, data_dir, choice):
    guide.next()
    assert guide.currentPage() is guide.obs_page
    guide.obs_form.url_edit.setText("ws://127.0.0.1:4460")
    guide.obs_form.password_edit.setText("s3cret")
    guide.next()
    guide.choice_buttons[choice].click()
    with qtbot.waitSignal(guide.settings_saved, timeout=5000) as saved:
        _finish(guide)
    qtbot.waitUntil(lambda: not guide.isVisible(), timeout=5000)
    assert guide.result() == 1
    assert guide.choice() == choice
    loaded, warnings = load_settings(data_dir)
    assert warnings == [] and loaded == saved.args[0]
    assert loaded.general.first_run_done is True
    assert (loaded.obs.url, loaded.obs.password) == ("ws://127.0.0.1:4460", "s3cret")
    assert (data_dir / "settings.toml").stat().st_mode & 0o777 == 0o600


def test_demo_is_the_preselected_choice(guide):
    assert guide.choice() == "demo"


def test_obs_step_can_be_skipped_with_the_defaults(guide, qtbot, data_dir):
    guide.next()
    guide.next()  # nothing typed: the default address is fine
    with qtbot.waitSignal(guide.settings_saved, timeout=5000):
        _finish(guide)
    loaded, _ = load_settings(data_dir)
    assert loaded.general.first_run_done is True
    assert (loaded.obs.url, loaded.obs.password) == ("ws://127.0.0.1:4455", "")


def test_bad_obs_url_stops_next_with_a_message_in_place(guide):
    guide.next()
    guide.obs_form.url_edit.setText("obs-pc:4455")
    guide.next()
    assert guide.currentPage() is guide.obs_page
    assert guide.obs_form.url_error.isVisible() and "ws://" in guide.obs_form.url_error.text()
    assert guide.obs_form.url_edit.text() == "obs-pc:4455"


def test_password_goes_to_a_usable_keyring(guide, qtbot, data_dir, ring):
    memory = MemoryKeyring()
    ring(memory)
    guide.next()
    guide.obs_form.password_edit.setText("s3cret")
    guide.next()
    with qtbot.waitSignal(guide.settings_saved, timeout=5000):
        _finish(guide)
    assert "s3cret" not in (data_dir / "settings.toml").read_text(encoding="utf-8")
    assert list(memory.entries.values()) == ["s3cret"]
    assert load_settings(data_dir)[0].obs.password_in_keyring is True


def test_cancel_saves_nothing(guide, data_dir):
    guide.next()
    guide.obs_form.url_edit.setText("ws://10.0.0.5:4455")
    guide.reject()
    assert not (data_dir / "settings.toml").exists()


def test_a_failed_save_keeps_the_guide_open_with_the_reason(guide, qtbot, data_dir):
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    data_dir.write_text("a file where the data folder should be")
    guide.next()
    guide.next()
    _finish(guide)
    qtbot.waitUntil(guide.save_error.isVisible, timeout=5000)
    assert guide.isVisible() and guide.result() == 0
    assert "could not be saved" in guide.save_error.text()
    assert guide.button(QWizard.WizardButton.FinishButton).isEnabled()
