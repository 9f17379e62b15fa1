"""Settings file and data dir resolution."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

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
