"""The QR links name the hub as sync does: --hub-url, then HOSTDESK_HUB_URL, then settings."""

from __future__ import annotations

from hostdesk import config
from hostdesk.config import Settings
from hostdesk.services.onair_look import build_look


def test_the_look_follows_the_same_order_as_sync(monkeypatch):
    settings = Settings()
    settings.signup.hub_url = "https://settings.example.cn/"
    monkeypatch.delenv(config.HUB_URL_ENV, raising=False)
    assert build_look(settings).hub == "https://settings.example.cn"
    monkeypatch.setenv(config.HUB_URL_ENV, "https://env.example.cn")
    assert build_look(settings).hub == "https://env.example.cn"
    assert config.hub_connection(settings, None, "t")[0] == "https://env.example.cn"
    look = build_look(settings, hub_url="https://cli.example.cn")
    assert look.hub == "https://cli.example.cn"
    assert config.hub_connection(settings, "https://cli.example.cn", "t")[0] == look.hub
