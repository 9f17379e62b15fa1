"""The [sync] settings: the device token in the keyring or the owner-only file, and precedence."""

from __future__ import annotations

import pytest

from hostdesk import config
from hostdesk.config import load_settings, save_settings
from tests.test_config import LockedKeyring, MemoryKeyring, use_keyring  # noqa: F401


@pytest.fixture(autouse=True)
def no_hub_env(monkeypatch):
    monkeypatch.delenv(config.HUB_URL_ENV, raising=False)
    monkeypatch.delenv(config.HUB_TOKEN_ENV, raising=False)


def _saved(data_dir, token):
    settings, _ = load_settings(data_dir)
    warning = config.store_sync_token(data_dir, settings, token)
    save_settings(data_dir, settings)
    return settings, warning


def test_defaults():
    settings = config.Settings()
    assert (settings.sync.enabled, settings.sync.token, settings.sync.token_in_keyring) == (
        True, "", False,
    )  # fmt: skip


def test_the_token_goes_to_the_keyring_beside_the_obs_password(tmp_path, use_keyring):  # noqa: F811
    ring = use_keyring(MemoryKeyring())
    settings, _ = load_settings(tmp_path)
    config.store_obs_password(tmp_path, settings, "obs-secret")
    config.store_sync_token(tmp_path, settings, "hub-secret")
    save_settings(tmp_path, settings)
    assert ring.entries == {
        ("HostDesk", config.keyring_user(tmp_path)): "obs-secret",
        ("HostDesk", config.keyring_user(tmp_path, config.SYNC_ACCOUNT)): "hub-secret",
    }
    loaded, _ = load_settings(tmp_path)
    assert (loaded.sync.token, loaded.sync.token_in_keyring) == ("", True)
    assert config.sync_token(loaded) == "hub-secret"
    assert config.obs_password(loaded) == "obs-secret"
    assert "hub-secret" not in (tmp_path / "settings.toml").read_text()


def test_without_a_keyring_the_token_is_in_the_owner_only_file(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "_usable_keyring", lambda: None)
    _saved(tmp_path, "hub-secret")
    loaded, _ = load_settings(tmp_path)
    assert (loaded.sync.token, loaded.sync.token_in_keyring) == ("hub-secret", False)
    assert (tmp_path / "settings.toml").stat().st_mode & 0o077 == 0


def test_a_failing_keyring_falls_back_to_the_file_with_a_warning(tmp_path, use_keyring):  # noqa: F811
    use_keyring(LockedKeyring())
    _, warning = _saved(tmp_path, "hub-secret")
    assert (warning.reason, warning.key) == ("keyring", "sync.token")
    assert config.sync_token(load_settings(tmp_path)[0]) == "hub-secret"


def test_precedence_command_line_then_environment_then_settings(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "_usable_keyring", lambda: None)
    settings, _ = _saved(tmp_path, "from-settings")
    settings.signup.hub_url = "https://hub.example.com/"
    save_settings(tmp_path, settings)
    loaded, _ = load_settings(tmp_path)
    assert config.hub_connection(loaded) == ("https://hub.example.com", "from-settings")
    monkeypatch.setenv(config.HUB_URL_ENV, "http://env.example")
    monkeypatch.setenv(config.HUB_TOKEN_ENV, "from-env")
    assert config.hub_connection(loaded) == ("http://env.example", "from-env")
    assert config.hub_connection(loaded, "http://cli.example", "from-cli") == (
        "http://cli.example", "from-cli",
    )  # fmt: skip


def test_enabled_must_be_a_boolean(tmp_path):
    (tmp_path / "settings.toml").write_text('[sync]\nenabled = "no"\n')
    settings, warnings = load_settings(tmp_path)
    assert settings.sync.enabled is True
    assert [w.key for w in warnings] == ["sync.enabled"]
