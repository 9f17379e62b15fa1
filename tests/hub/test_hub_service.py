"""The hub as a service of its own: no Qt or desktop folder in its process, workers, proxy trust, /docs."""

from __future__ import annotations

import concurrent.futures
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.conftest import ROOT, run_cli
from tests.hub.conftest import Hub
from tests.hub.harness import HarnessError, HubProcess, free_port
from tests.hub.test_cli_hub import run_hub

TIMEOUT = (5, 30)
WAIT = 60.0  # seconds to wait for a condition before failing


def test_the_hub_process_loads_no_qt_and_never_touches_the_desktop_folders(
    hub_db_url: str, tmp_path: Path
):
    home = tmp_path / "home"
    home.mkdir()
    # Every place the desktop could keep settings: HOME and the XDG folders, all empty.
    env = {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_DATA_HOME": str(home / ".local/share"), "XDG_CACHE_HOME": str(home / ".cache"),
           "XDG_STATE_HOME": str(home / ".local/state"),
           "HOSTDESK_DATA_DIR": str(home / "hostdesk-data")}  # fmt: skip
    process = HubProcess(hub_db_url, log_dir=tmp_path, env=env)
    try:
        process.start()
        made = run_hub("token", "create", "studio-1", "--db", hub_db_url, env_extra=env)
        assert made.returncode == 0, made.stderr
        token = made.stdout.strip()
        headers = {"Authorization": f"Bearer {token}"}
        assert requests.get(process.url + "/api/v1/me", headers=headers, timeout=TIMEOUT).ok
        assert run_hub("token", "list", "--db", hub_db_url, env_extra=env).returncode == 0
        maps = Path(f"/proc/{process.proc.pid}/maps").read_text()
        assert "/python" in maps or "libpython" in maps  # the right process, mapped
        for library in ("libQt6", "PySide6", "shiboken6"):
            assert library not in maps, library
    finally:
        process.stop()
    assert list(home.iterdir()) == []


def test_the_desktop_alias_still_serves_and_makes_tokens(hub_db_url: str, tmp_path: Path):
    """`hostdesk hub …` (the desktop's command line) forwards to the hub's own."""
    made = run_cli("--lang", "en", "hub", "token", "create", "pc-1", "--db", hub_db_url,
                   data_dir=tmp_path / "data")  # fmt: skip
    assert made.returncode == 0, made.stderr
    url = f"http://127.0.0.1:{free_port()}"
    alias = subprocess.Popen(
        [sys.executable, "-m", "hostdesk", "--lang", "en", "hub", "serve", "--db", hub_db_url,
         "--port", url.rsplit(":", 1)[1]],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        headers = {"Authorization": f"Bearer {made.stdout.strip()}"}
        deadline = time.monotonic() + WAIT
        answer = None
        while answer is None and time.monotonic() < deadline and alias.poll() is None:
            try:
                answer = requests.get(f"{url}/api/v1/me", headers=headers, timeout=TIMEOUT)
            except requests.ConnectionError:
                time.sleep(0.2)
        assert answer is not None and answer.json() == {
            "name": "pc-1",
            "admin": False,
            "public_url": "",
        }
    finally:
        alias.terminate()
        alias.wait(timeout=30)


def test_workers_need_postgresql(tmp_path: Path):
    refused = run_hub("serve", "--workers", "2", "--port", "1", "--db", str(tmp_path / "hub.db"))
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert "--workers" in refused.stderr and "PostgreSQL" in refused.stderr
    for bad in ("0", "65"):
        r = run_hub("serve", "--workers", bad, "--port", "1", "--db", str(tmp_path / "hub.db"))
        assert r.returncode == 2 and "--workers" in r.stderr


def _worker_pids(log: str) -> set[int]:
    return {int(pid) for pid in re.findall(r" (\d+) access: GET /healthz", log)}


def _parent(pid: int) -> int:
    # /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces, so split after ")".
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def test_two_workers_on_postgresql_both_serve(pg_cluster, tmp_path: Path):
    try:
        url = pg_cluster.new_database()
    except HarnessError as exc:
        pytest.fail(f"PostgreSQL database cannot be made: {exc}")
    process = HubProcess(url, log_dir=tmp_path, args=("--workers", "2", "--access-log"))
    try:
        process.start()
        token = process.token("studio-1")
        headers = {"Authorization": f"Bearer {token}"}

        def ask(_n: int) -> int:
            # A new connection each time: the kernel hands each to whichever worker accepts.
            with requests.Session() as session:
                assert session.get(f"{process.url}/api/v1/me", headers=headers,
                                   timeout=TIMEOUT).status_code == 200  # fmt: skip
                return session.get(f"{process.url}/healthz", timeout=TIMEOUT).status_code

        deadline = time.monotonic() + WAIT
        pids: set[int] = set()
        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            while len(pids) < 2 and time.monotonic() < deadline:
                assert set(pool.map(ask, range(32))) == {200}
                pids = _worker_pids(process.log_tail(10**7))
        assert len(pids) == 2, process.log_tail()
        # Two worker processes of the one `serve`, not the server itself.
        assert {_parent(pid) for pid in pids} == {process.proc.pid}
    finally:
        process.stop()


def _page_posts(hub: Hub, addresses: list[str]) -> list[int]:
    codes = []
    for address in addresses:
        r = requests.post(f"{hub.url}/j/J1", data={}, headers={"X-Forwarded-For": address},
                          allow_redirects=False, timeout=TIMEOUT)  # fmt: skip
        codes.append(r.status_code)
    return codes


def test_forwarded_addresses_are_ignored_unless_the_proxy_is_trusted(hub_factory):
    rotating = [f"203.0.113.{n}" for n in range(1, 7)]
    plain = hub_factory(args=("--page-rate-limit", "3"))
    codes = _page_posts(plain, rotating)
    # Every POST counted against the one real peer, 127.0.0.1, whatever the header says.
    assert codes[3:] == [429, 429, 429] and 429 not in codes[:3]
    trusting = hub_factory(args=("--page-rate-limit", "3", "--forwarded-allow-ips", "127.0.0.1"))
    codes = _page_posts(trusting, rotating)
    assert 429 not in codes  # each forwarded address has a limit of its own
    assert _page_posts(trusting, ["198.51.100.9"] * 4)[3] == 429


def test_forwarded_allow_ips_must_be_addresses(tmp_path: Path):
    for bad in ("localhost", "10.0.0.0/33", "1.2.3.4,evil"):
        r = run_hub("serve", "--forwarded-allow-ips", bad, "--port", "1",
                    "--db", str(tmp_path / "hub.db"))  # fmt: skip
        assert r.returncode == 2 and r.stderr.count("\n") == 1, r.stderr
        assert "--forwarded-allow-ips" in r.stderr


def test_no_interactive_docs_but_the_openapi_document(hub: Hub):
    for path in ("/docs", "/redoc", "/docs/oauth2-redirect"):
        assert requests.get(hub.url + path, timeout=TIMEOUT).status_code == 404, path
    spec = requests.get(hub.url + "/openapi.json", timeout=TIMEOUT)
    assert spec.status_code == 200 and "/api/v1/registrations/batch" in spec.json()["paths"]
