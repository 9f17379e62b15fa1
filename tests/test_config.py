"""Settings file and data dir resolution."""

from __future__ import annotations

import sys
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import KeyringLocked, PasswordDeleteError

from hostdesk import config
from hostdesk.config import Settings, load_settings, save_settings


def test_data_dir_precedence(tmp_path, monkeypatch):
    monkeypatch.setenv(config.DATA_DIR_ENV, str(tmp_path / "env"))
    assert config.resolve_data_dir(tmp_path / "cli") == (tmp_path / "cli").resolve()
    assert config.resolve_data_dir(None) == (tmp_path / "env").resolve()
    monkeypatch.delenv(config.DATA_DIR_ENV)
    assert config.resolve_data_dir(None) == config.default_data_dir()


@pytest.mark.skipif(sys.platform != "linux", reason="the Linux default location")
def test_default_data_dir_on_linux(monkeypatch):
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert config.default_data_dir() == Path.home() / ".local" / "share" / "hostdesk"


def test_windows_default_is_localappdata_hostdesk(monkeypatch):
    # platformdirs decides from sys.platform; check the app name and the non-roaming choice.
    calls = {}

    def fake_user_data_dir(name, appauthor, roaming):
        calls.update(name=name, appauthor=appauthor, roaming=roaming)
        return rf"C:\Users\u\AppData\Local\{name}"

    monkeypatch.setattr(config.sys, "platform", "win32")
    monkeypatch.setattr(config.platformdirs, "user_data_dir", fake_user_data_dir)
    assert str(config.default_data_dir()).endswith("HostDesk")
    assert calls == {"name": "HostDesk", "appauthor": False, "roaming": False}


def test_missing_file_gives_defaults_without_warning(tmp_path):
    settings, warnings = load_settings(tmp_path)
    assert settings == Settings()
    assert warnings == []


def test_round_trip(tmp_path):
    settings = Settings()
    settings.general.language = "en"
    settings.signup.hub_url = "https://hub.example"
    save_settings(tmp_path, settings)
    loaded, warnings = load_settings(tmp_path)
    assert loaded == settings
    assert warnings == []
    assert not list(tmp_path.glob("*.tmp"))


def test_corrupt_file_gives_defaults_warning_and_backup(tmp_path):
    original = b'[general]\nlanguage = "en\n'  # unterminated string
    (tmp_path / "settings.toml").write_bytes(original)
    settings, warnings = load_settings(tmp_path)
    assert settings == Settings()
    assert [w.reason for w in warnings] == ["corrupt"]
    assert (tmp_path / "settings.toml.bak").read_bytes() == original
    assert not (tmp_path / "settings.toml").exists()
    # Saving afterwards must not clobber the backup of the user's file.
    save_settings(tmp_path, settings)
    assert (tmp_path / "settings.toml.bak").read_bytes() == original


def test_binary_garbage_is_corrupt(tmp_path):
    (tmp_path / "settings.toml").write_bytes(b"\xff\xfe\x00garbage")
    _settings, warnings = load_settings(tmp_path)
    assert [w.reason for w in warnings] == ["corrupt"]
    assert (tmp_path / "settings.toml.bak").exists()


def test_bad_values_fall_back_per_key(tmp_path):
    (tmp_path / "settings.toml").write_text(
        '[general]\nlanguage = "fr"\n[signup]\nhub_url = 5\nurl_template = "{hub}/x/{code}"\n',
        encoding="utf-8",
    )
    settings, warnings = load_settings(tmp_path)
    assert settings.general.language == "zh_CN"
    assert settings.signup.hub_url == ""
    assert settings.signup.url_template == "{hub}/x/{code}"
    assert sorted(w.key for w in warnings) == ["general.language", "signup.hub_url"]
    assert all(w.reason == "bad_value" for w in warnings)


def test_obs_connection_precedence(monkeypatch):
    settings = Settings()
    settings.obs.url, settings.obs.password = "ws://pc:4455", "from-file"
    monkeypatch.delenv(config.OBS_URL_ENV, raising=False)
    monkeypatch.delenv(config.OBS_PASSWORD_ENV, raising=False)
    assert config.obs_connection(settings) == ("ws://pc:4455", "from-file")
    monkeypatch.setenv(config.OBS_URL_ENV, "ws://env:1")
    monkeypatch.setenv(config.OBS_PASSWORD_ENV, "from-env")
    assert config.obs_connection(settings) == ("ws://env:1", "from-env")
    assert config.obs_connection(settings, "ws://cli:2", "") == ("ws://cli:2", "")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_settings_file_is_owner_only(tmp_path):
    settings = Settings()
    settings.obs.password = "secret"
    save_settings(tmp_path, settings)
    assert (tmp_path / "settings.toml").stat().st_mode & 0o777 == 0o600
    assert load_settings(tmp_path)[0].obs.password == "secret"


# --- The sections added for the settings dialog, and their bad values.


def test_round_trip_of_every_section(tmp_path):
    settings = Settings()
    settings.general.first_run_done = True
    settings.overlay.position = "mirrored"
    settings.overlay.layout = "vertical"
    settings.rundown.rotate_seconds = 90
    settings.hotkeys.take = "F5"
    settings.hotkeys.rotate = ""
    save_settings(tmp_path, settings)
    loaded, warnings = load_settings(tmp_path)
    assert warnings == []
    assert loaded == settings
    assert loaded.data_dir == tmp_path
    text = (tmp_path / "settings.toml").read_text(encoding="utf-8")
    assert "[hotkeys]" in text and "[rundown]" in text and "data_dir" not in text


def test_new_defaults():
    settings = Settings()
    assert settings.hotkeys.take == "Space; Return; Enter"
    assert settings.hotkeys.next == "Right; PgDown"
    assert settings.hotkeys.previous == "Left; PgUp"
    assert (settings.hotkeys.clear, settings.hotkeys.rotate) == ("Esc", "Ctrl+R")
    assert settings.rundown.rotate_seconds == 60
    assert settings.overlay.position == "standard"
    assert settings.general.first_run_done is False
    assert settings.obs.password_in_keyring is False


def test_bad_new_values_keep_their_defaults(tmp_path):
    (tmp_path / "settings.toml").write_text(
        '[general]\nfirst_run_done = "yes"\n'
        '[overlay]\nposition = "top"\nlayout = "diagonal"\ntheme = "light"\n'
        "[rundown]\nrotate_seconds = 2\n"
        '[hotkeys]\ntake = 5\nnext = "N"\n'
        "hotkeys_extra = 1\n",
        encoding="utf-8",
    )
    settings, warnings = load_settings(tmp_path)
    assert sorted(w.key for w in warnings) == [
        "general.first_run_done", "hotkeys.take", "overlay.layout", "overlay.position",
        "rundown.rotate_seconds",
    ]  # fmt: skip
    assert all(w.reason == "bad_value" for w in warnings)
    assert settings.general.first_run_done is False
    assert (settings.overlay.position, settings.overlay.layout) == ("standard", "landscape")
    assert settings.overlay.theme == "light"  # the good values beside them are kept
    assert settings.rundown.rotate_seconds == 60
    assert settings.hotkeys.take == "Space; Return; Enter"
    assert settings.hotkeys.next == "N"


@pytest.mark.parametrize("seconds", [4, 3601, True, 60.0])
def test_rotate_seconds_out_of_bounds_or_not_an_integer(tmp_path, seconds):
    value = str(seconds).lower()
    (tmp_path / "settings.toml").write_text(f"[rundown]\nrotate_seconds = {value}\n")
    settings, warnings = load_settings(tmp_path)
    assert [w.key for w in warnings] == ["rundown.rotate_seconds"]
    assert settings.rundown.rotate_seconds == 60


@pytest.mark.parametrize("seconds", [5, 3600])
def test_rotate_seconds_bounds_are_inclusive(tmp_path, seconds):
    (tmp_path / "settings.toml").write_text(f"[rundown]\nrotate_seconds = {seconds}\n")
    settings, warnings = load_settings(tmp_path)
    assert warnings == [] and settings.rundown.rotate_seconds == seconds


# --- The OBS password: OS keyring or owner-only file.


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps passwords in a dict: the layer above is what is tested here."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("no such password")


class LockedKeyring(MemoryKeyring):
    """A keyring that is there but refuses: locked, or its service died."""

    def get_password(self, service, username):
        raise KeyringLocked("the keyring is locked")

    def set_password(self, service, username, password):
        raise KeyringLocked("the keyring is locked")


@pytest.fixture
def use_keyring():
    previous = keyring.get_keyring()

    def use(backend):
        keyring.set_keyring(backend)
        return backend

    yield use
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def no_password_env(monkeypatch):
    monkeypatch.delenv(config.OBS_PASSWORD_ENV, raising=False)
    monkeypatch.delenv(config.OBS_URL_ENV, raising=False)


def _saved(data_dir, password):
    settings = Settings()
    warning = config.store_obs_password(data_dir, settings, password)
    save_settings(data_dir, settings)
    return settings, warning


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_without_a_keyring_the_password_goes_to_the_owner_only_file(tmp_path, use_keyring):
    use_keyring(fail.Keyring())  # what this Linux box has: no Secret Service
    _settings, warning = _saved(tmp_path, "s3cret")
    assert warning is None
    path = tmp_path / "settings.toml"
    assert path.stat().st_mode & 0o777 == 0o600
    loaded, _ = load_settings(tmp_path)
    assert (loaded.obs.password, loaded.obs.password_in_keyring) == ("s3cret", False)
    assert config.obs_password(loaded) == "s3cret"
    assert config.obs_connection(loaded) == ("ws://127.0.0.1:4455", "s3cret")


def test_with_a_keyring_the_file_holds_no_password(tmp_path, use_keyring):
    ring = use_keyring(MemoryKeyring())
    _settings, warning = _saved(tmp_path, "s3cret")
    assert warning is None
    assert "s3cret" not in (tmp_path / "settings.toml").read_text(encoding="utf-8")
    assert ring.entries == {("HostDesk", config.keyring_user(tmp_path)): "s3cret"}
    loaded, _ = load_settings(tmp_path)
    assert (loaded.obs.password, loaded.obs.password_in_keyring) == ("", True)
    assert config.obs_password(loaded) == "s3cret"
    assert config.obs_connection(loaded) == ("ws://127.0.0.1:4455", "s3cret")


def test_command_line_and_environment_still_win_over_the_keyring(
    tmp_path, use_keyring, monkeypatch
):
    use_keyring(MemoryKeyring())
    _saved(tmp_path, "from-keyring")
    loaded, _ = load_settings(tmp_path)
    monkeypatch.setenv(config.OBS_PASSWORD_ENV, "from-env")
    assert config.obs_connection(loaded)[1] == "from-env"
    assert config.obs_connection(loaded, None, "from-cli")[1] == "from-cli"


def test_two_data_dirs_keep_their_own_keyring_entries(tmp_path, use_keyring):
    use_keyring(MemoryKeyring())
    _saved(tmp_path / "one", "first")
    _saved(tmp_path / "two", "second")
    assert config.obs_password(load_settings(tmp_path / "one")[0]) == "first"
    assert config.obs_password(load_settings(tmp_path / "two")[0]) == "second"


def test_an_empty_password_removes_the_keyring_entry(tmp_path, use_keyring):
    ring = use_keyring(MemoryKeyring())
    _saved(tmp_path, "old")
    settings, warning = _saved(tmp_path, "")
    assert warning is None and ring.entries == {}
    assert (settings.obs.password, settings.obs.password_in_keyring) == ("", False)
    assert config.obs_password(load_settings(tmp_path)[0]) == ""


def test_a_failing_keyring_falls_back_to_the_file_with_a_warning(tmp_path, use_keyring):
    use_keyring(LockedKeyring())
    _settings, warning = _saved(tmp_path, "s3cret")
    assert warning is not None
    assert (warning.reason, warning.key, warning.detail) == (
        "keyring",
        "obs.password",
        "KeyringLocked",
    )
    loaded, _ = load_settings(tmp_path)
    assert (loaded.obs.password, loaded.obs.password_in_keyring) == ("s3cret", False)
    assert config.obs_password(loaded) == "s3cret"


def test_a_keyring_that_fails_on_reading_gives_the_files_value(tmp_path, use_keyring):
    use_keyring(MemoryKeyring())
    _saved(tmp_path, "s3cret")
    loaded, _ = load_settings(tmp_path)
    use_keyring(LockedKeyring())
    assert config.obs_password(loaded) == ""  # no crash; OBS will say the password is wrong
    use_keyring(fail.Keyring())  # the keyring went away altogether
    assert config.obs_password(loaded) == ""


def test_the_old_default_link_template_becomes_todays(tmp_path):
    # Files saved before {device} existed get the new default; an edited template stays.
    (tmp_path / "settings.toml").write_text(
        '[signup]\nurl_template = "{hub}/j/{code}?s={session}"\n'
    )
    settings, warnings = load_settings(tmp_path)
    assert settings.signup.url_template == "{hub}/j/{code}?s={session}&d={device}" and not warnings
    (tmp_path / "settings.toml").write_text('[signup]\nurl_template = "{hub}/x/{code}"\n')
    assert load_settings(tmp_path)[0].signup.url_template == "{hub}/x/{code}"
