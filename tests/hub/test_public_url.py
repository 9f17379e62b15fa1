"""`hostdesk-hub serve --public-url`: the hub knows the address phones open and tells PCs
(GET /api/v1/me), on SQLite and PostgreSQL; a bad value is refused in one line."""

from __future__ import annotations

import requests

from tests.hub.test_cli_hub import run_hub

TIMEOUT = (5, 30)


def me(hub) -> dict:
    r = requests.get(hub.url + "/api/v1/me", headers=hub.headers(), timeout=TIMEOUT)
    assert r.status_code == 200, r.text
    return r.json()


def test_the_hub_tells_pcs_its_public_address(hub_factory):
    hub = hub_factory(args=("--public-url", "https://hub.example.cn/"))
    assert me(hub) == {
        "name": me(hub)["name"],
        "admin": False,
        "public_url": "https://hub.example.cn",
    }
    assert me(hub)["name"].startswith("device-")


def test_without_a_public_address_the_hub_says_so(hub):
    assert me(hub)["public_url"] == ""


def test_a_bad_public_address_is_refused_in_one_line(tmp_path):
    db = f"sqlite:///{tmp_path / 'hub.db'}"
    for bad in ("ftp://hub.example.cn", "hub.example.cn", "https://", "https://a b.cn",
                "https://hub.example.cn/?x=1"):  # fmt: skip
        result = run_hub("serve", "--db", db, "--public-url", bad)
        assert result.returncode != 0, bad
        assert "--public-url: an http:// or https:// address" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    result = run_hub("serve", "--db", db, "--public-url", "ftp://x", lang="zh_CN")
    assert "--public-url：须是 http:// 或 https:// 开头的地址" in result.stderr
