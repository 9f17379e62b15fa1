"""`hostdesk hub token create`, `hub stats` and `hub serve` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import requests

from tests.conftest import run_cli
from tests.hub.conftest import Hub
from tests.hub.payloads import item, phone


def test_token_create_prints_a_working_token_once(hub: Hub, tmp_path: Path):
    made = run_cli("--lang", "en", "hub", "token", "create", "studio-9", "--db", hub.db_url,
                   data_dir=tmp_path)  # fmt: skip
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip()
    assert token.startswith("hd_") and "\n" not in token
    assert "shown only once" in made.stderr
    headers = {"Authorization": f"Bearer {token}"}
    r = requests.post(
        hub.url + "/api/v1/registrations/batch",
        json={"items": [item()]},
        headers=headers,
        timeout=30,
    )
    assert r.json()["results"][0]["status"] == "created"
    rows = requests.get(hub.url + "/api/v1/registrations", headers=headers, timeout=30).json()
    assert rows["items"][0]["device"] == "studio-9"
    # A device token is not an admin token; --admin makes one.
    assert requests.put(hub.url + "/api/v1/jobs", json={"jobs": []}, headers=headers, timeout=30).status_code == 403  # fmt: skip
    admin = run_cli(
        "hub", "token", "create", "boss", "--admin", "--db", hub.db_url, data_dir=tmp_path
    )
    headers = {"Authorization": f"Bearer {admin.stdout.strip()}"}
    assert requests.put(hub.url + "/api/v1/jobs", json={"jobs": []}, headers=headers, timeout=30).status_code == 200  # fmt: skip
    again = run_cli("--lang", "en", "hub", "token", "create", "studio-9", "--db", hub.db_url,
                    data_dir=tmp_path)  # fmt: skip
    assert again.returncode == 2 and again.stdout == ""
    assert "studio-9 exists already" in again.stderr and "Traceback" not in again.stderr


def test_stats_json_prints_the_hubs_counts(hub: Hub, tmp_path: Path):
    items = [item(job_code="A", session_id="S1", phone=phone(i)) for i in range(3)]
    requests.post(hub.url + "/api/v1/registrations/batch", json={"items": items},
                  headers=hub.headers(), timeout=30)  # fmt: skip
    out = run_cli("hub", "stats", "--json", "--hub-url", hub.url, "--hub-token", hub.token,
                  data_dir=tmp_path)  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == {"total": 3, "by_job": {"A": 3}, "by_session": {"S1": 3}}
    via_env = run_cli("--lang", "en", "hub", "stats", data_dir=tmp_path,
                      env_extra={"HOSTDESK_HUB_URL": hub.url, "HOSTDESK_HUB_TOKEN": hub.token})  # fmt: skip
    assert via_env.returncode == 0 and "Sign-ups: 3" in via_env.stdout
    refused = run_cli("--lang", "en", "hub", "stats", "--json", "--hub-url", hub.url,
                      "--hub-token", "hd_wrong", data_dir=tmp_path)  # fmt: skip
    assert refused.returncode == 2 and "refused the token" in refused.stderr
    assert refused.stdout == ""


def test_serve_reports_bad_options_and_databases_in_one_line(hub: Hub, tmp_path: Path):
    bad_port = run_cli("--lang", "en", "hub", "serve", "--port", "0", "--db", str(tmp_path / "x.db"),
                       data_dir=tmp_path)  # fmt: skip
    assert bad_port.returncode == 2 and "--port" in bad_port.stderr
    url = "postgresql://hub:s3cret-pw@127.0.0.1:1/nowhere"
    no_db = run_cli("--lang", "en", "hub", "serve", "--db", url, "--port", "1", data_dir=tmp_path)
    assert no_db.returncode == 1
    assert "cannot be opened" in no_db.stderr and "Traceback" not in no_db.stderr
    assert "s3cret-pw" not in no_db.stderr + no_db.stdout
    unreachable = run_cli("--lang", "en", "hub", "stats", "--hub-url", "http://127.0.0.1:1",
                          "--hub-token", "x", data_dir=tmp_path)  # fmt: skip
    assert unreachable.returncode == 1 and "cannot be reached" in unreachable.stderr
