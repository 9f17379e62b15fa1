"""`hostdesk-hub` (python -m hostdesk.hub) and its alias `hostdesk hub …` as a user runs them."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from sqlalchemy import text, update

from hostdesk.hub import cli as hub_cli
from hostdesk.hub import cli_users, i18n
from hostdesk.hub.db import HubDB
from hostdesk.hub.models import REGS
from tests.conftest import ROOT, run_cli
from tests.hub.conftest import Hub
from tests.hub.harness import HubProcess
from tests.hub.payloads import item, phone

TIMEOUT = (5, 30)


def run_hub(*args: str, env_extra: dict | None = None, lang: str | None = "en"):
    """`python -m hostdesk.hub ARGS` in a child process (the `hostdesk-hub` script's code)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env_extra or {})}
    lang_args = ("--lang", lang) if lang else ()
    return subprocess.run(
        [sys.executable, "-m", "hostdesk.hub", *lang_args, *args],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=120,
    )  # fmt: skip


def me(url: str, token: str) -> int:
    headers = {"Authorization": f"Bearer {token}"}
    return requests.get(url + "/api/v1/me", headers=headers, timeout=TIMEOUT).status_code


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
    bad_views = run_hub("serve", "--page-view-limit", "-1", "--db", str(tmp_path / "x.db"))
    assert bad_views.returncode == 2 and "--page-view-limit" in bad_views.stderr
    assert "Traceback" not in bad_views.stderr
    url = "postgresql://hub:s3cret-pw@127.0.0.1:1/nowhere"
    no_db = run_cli("--lang", "en", "hub", "serve", "--db", url, "--port", "1", data_dir=tmp_path)
    assert no_db.returncode == 1
    assert "cannot be opened" in no_db.stderr and "Traceback" not in no_db.stderr
    assert "s3cret-pw" not in no_db.stderr + no_db.stdout
    unreachable = run_cli("--lang", "en", "hub", "stats", "--hub-url", "http://127.0.0.1:1",
                          "--hub-token", "x", data_dir=tmp_path)  # fmt: skip
    assert unreachable.returncode == 1 and "cannot be reached" in unreachable.stderr


def test_a_revoked_token_is_refused_at_once_by_every_hub_process(hub: Hub, tmp_path: Path):
    # A second hub process on the same database (SQLite file or PostgreSQL database).
    other = HubProcess(hub.db_url, log_dir=tmp_path).start()
    try:
        made = run_hub("token", "create", "studio-7", "--db", hub.db_url)
        assert made.returncode == 0, made.stderr
        token = made.stdout.strip()
        # Both processes know it (and a positive answer would be what a cache keeps).
        assert me(hub.url, token) == 200 and me(other.url, token) == 200
        revoked = run_hub("token", "revoke", "studio-7", "--db", hub.db_url)
        assert revoked.returncode == 0, revoked.stderr
        assert "studio-7 revoked" in revoked.stdout
        # The very next request on either process is refused.
        assert me(hub.url, token) == 401 and me(other.url, token) == 401
        r = requests.post(hub.url + "/api/v1/registrations/batch", json={"items": [item()]},
                          headers={"Authorization": f"Bearer {token}"}, timeout=TIMEOUT)  # fmt: skip
        assert r.status_code == 401
        assert me(other.url, hub.token) == 200  # the others keep working
        again = run_hub("token", "revoke", "studio-7", "--db", hub.db_url)
        assert again.returncode == 0 and "revoked already" in again.stdout
        unknown = run_hub("token", "revoke", "nobody", "--db", hub.db_url)
        assert unknown.returncode == 2 and unknown.stderr.count("\n") == 1
        assert "No token is named nobody" in unknown.stderr
        # The name stays taken: a new token needs a new name.
        reused = run_hub("token", "create", "studio-7", "--db", hub.db_url)
        assert reused.returncode == 2 and "exists already" in reused.stderr
    finally:
        other.stop()


def test_token_list_shows_names_roles_and_revocations_never_tokens(hub: Hub):
    made = run_hub("token", "create", "boss-2", "--admin", "--db", hub.db_url)
    token = made.stdout.strip()
    run_hub("token", "revoke", "boss-2", "--db", hub.db_url)
    listed = run_hub("token", "list", "--json", "--db", hub.db_url)
    assert listed.returncode == 0, listed.stderr
    rows = {row["name"]: row for row in json.loads(listed.stdout)}
    assert len(rows) == 3 and "boss-2" in rows  # the fixture's device and admin, and boss-2
    assert rows["boss-2"]["role"] == "admin" and rows["boss-2"]["revoked"]
    assert {row["role"] for row in rows.values()} == {"admin", "device"}
    assert all(row["revoked"] is None for name, row in rows.items() if name != "boss-2")
    assert all(set(row) == {"name", "role", "created", "revoked"} for row in rows.values())
    table = run_hub("token", "list", "--db", hub.db_url)
    chinese = run_hub("token", "list", "--db", hub.db_url, lang="zh_CN")
    for out in (listed.stdout, table.stdout, chinese.stdout):
        assert token not in out and hub.token not in out and hub.admin_token not in out
        assert token[3:12] not in out  # not even a piece of it
    db = HubDB(hub.db_url)
    try:
        with db.read() as conn:
            hashes = conn.execute(text("SELECT token_hash FROM tokens")).scalars().all()
    finally:
        db.close()
    assert hashes and not any(h in table.stdout + listed.stdout for h in hashes)
    assert "boss-2" in table.stdout and "revoked" in table.stdout.splitlines()[0]
    assert "管理员" in chinese.stdout and "撤销时间" in chinese.stdout


def test_an_old_database_gains_the_revoked_column(hub_db_url: str):
    db = HubDB(hub_db_url)
    try:
        db.create_schema()
        with db.write() as conn:  # as a hub made before revocation left it
            conn.execute(text("ALTER TABLE tokens DROP COLUMN revoked_at"))
            conn.execute(text("INSERT INTO tokens (name, token_hash, admin, created_at) "
                              "VALUES ('old-pc', 'x', FALSE, '2026-01-01T00:00:00+00:00')"))  # fmt: skip
    finally:
        db.close()
    listed = run_hub("token", "list", "--json", "--db", hub_db_url)
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout)[0] == {
        "name": "old-pc", "role": "device", "created": "2026-01-01T00:00:00+00:00", "revoked": None,
    }  # fmt: skip
    assert run_hub("token", "revoke", "old-pc", "--db", hub_db_url).returncode == 0


def test_erase_by_phone_or_id_and_purge_by_age(hub: Hub):
    kept, gone_by_phone, gone_by_id, old = (item(phone=phone(i)) for i in range(4))
    requests.post(hub.url + "/api/v1/registrations/batch",
                  json={"items": [kept, gone_by_phone, gone_by_id, old]},
                  headers=hub.headers(), timeout=TIMEOUT).raise_for_status()  # fmt: skip
    erased = run_hub("erase", "--phone", f"+86 {phone(1)[:3]} {phone(1)[3:]}", "--db", hub.db_url)
    assert erased.returncode == 0, erased.stderr
    assert erased.stdout.strip().endswith(": 1")
    assert phone(1) not in erased.stdout + erased.stderr
    by_id = run_hub("erase", "--id", gone_by_id["client_id"], "--db", hub.db_url)
    assert by_id.returncode == 0 and by_id.stdout.strip().endswith(": 1")
    db = HubDB(hub.db_url)
    try:
        long_ago = (datetime.now(UTC) - timedelta(days=40)).isoformat()
        with db.write() as conn:
            conn.execute(update(REGS).where(REGS.c.client_id == old["client_id"])
                         .values(created_at=long_ago))  # fmt: skip
    finally:
        db.close()
    purged = run_hub("purge", "--retention-days", "30", "--db", hub.db_url)
    assert purged.returncode == 0, purged.stderr
    assert purged.stdout.strip().endswith(": 1")
    rows = requests.get(hub.url + "/api/v1/registrations", headers=hub.headers(),
                        timeout=TIMEOUT).json()["items"]  # fmt: skip
    phones = {row["client_id"]: row["phone"] for row in rows}
    assert phones == {kept["client_id"]: phone(0), gone_by_phone["client_id"]: "",
                      gone_by_id["client_id"]: "", old["client_id"]: ""}  # fmt: skip
    bad_phone = run_hub("erase", "--phone", "12345", "--db", hub.db_url)
    assert bad_phone.returncode == 2 and "--phone" in bad_phone.stderr
    neither = run_hub("erase", "--db", hub.db_url)
    assert neither.returncode == 2 and neither.stderr.count("\n") == 1
    both = run_hub("erase", "--phone", phone(0), "--id", "x", "--db", hub.db_url)
    assert both.returncode == 2 and "Traceback" not in both.stderr
    bad_days = run_hub("purge", "--retention-days", "0", "--db", hub.db_url)
    assert bad_days.returncode == 2 and "--retention-days" in bad_days.stderr


def test_messages_are_chinese_unless_english_is_asked_for(tmp_path: Path):
    bare = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LANGUAGE")}
    base = [sys.executable, "-m", "hostdesk.hub", "serve", "--port", "0", "--db",
            str(tmp_path / "x.db")]  # fmt: skip

    def run(env: dict, *extra: str):
        return subprocess.run([*base[:3], *extra, *base[3:]], capture_output=True, text=True,
                              encoding="utf-8", env=env, cwd=ROOT, timeout=120)  # fmt: skip

    for env, extra, expected in (
        (bare, (), "--port：1 到 65535 之间的数字"),
        ({**bare, "LANG": "C.UTF-8"}, (), "--port：1 到 65535 之间的数字"),
        ({**bare, "LANG": "en_US.UTF-8"}, (), "--port: a number from 1 to 65535"),
        ({**bare, "LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, (), "--port：1"),
        ({**bare, "LANG": "zh_CN.UTF-8"}, ("--lang", "en"), "--port: a number"),
    ):
        r = run(env, *extra)
        assert r.returncode == 2 and r.stdout == "", (env.get("LANG"), r.stderr)
        assert r.stderr.startswith("hostdesk-hub: ") and expected in r.stderr, r.stderr
        assert r.stderr.count("\n") == 1  # one line, no traceback
    unknown = run(bare, "--lang", "en", "--no-such-option")
    assert unknown.returncode == 2 and unknown.stderr.count("\n") == 1
    assert not (tmp_path / "x.db").exists()  # nothing half-made


@pytest.mark.parametrize(("module", "at_least"), [(hub_cli, 40), (cli_users, 15)])
def test_every_message_of_the_hub_cli_has_its_chinese(module, at_least):
    """Every t("…") in the hub's command line (its verbs and the back office's user verbs) is
    in the catalogue (else it would show English)."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    used = {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "t"
        and isinstance(node.args[0], ast.Constant)
    }  # fmt: skip
    assert len(used) > at_least
    assert sorted(used - set(i18n.ZH_CN)) == []
    for english in used:
        chinese = i18n.ZH_CN[english]
        assert chinese != english
        # the same {placeholders}, so .format() works in both languages
        assert sorted(part.split("}")[0] for part in english.split("{")[1:]) == sorted(
            part.split("}")[0] for part in chinese.split("{")[1:]
        ), english


def test_server_verbs_without_the_server_packages_say_how_to_install_them(tmp_path: Path):
    """`pip install .` without [hub]: the script exists, the verbs say what to install."""
    for verb in (["serve"], ["purge"], ["erase", "--id", "x"]):
        code = ("import sys; sys.modules['fastapi'] = None; from hostdesk.hub.cli import main; "
                f"sys.exit(main(['--lang', 'en', *{verb!r}, '--db', {str(tmp_path / 'h.db')!r}]))")  # fmt: skip
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           encoding="utf-8", cwd=ROOT, timeout=120)  # fmt: skip
        assert r.returncode == 2, (verb, r.stderr)
        assert 'pip install ".[hub]"' in r.stderr and r.stderr.count("\n") == 1
    assert not (tmp_path / "h.db").exists()
