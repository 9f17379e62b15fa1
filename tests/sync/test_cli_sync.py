"""`hostdesk sync [--once]` and `sync status [--json]` in child processes, against the real hub."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from hostdesk import app
from tests.conftest import ROOT, run_cli
from tests.sync.conftest import seed, wait_until
from tests.sync.sync_checks import hub_rows

# The CLI is the same whatever the hub's database (the fault suite runs on both).
sqlite_hub = pytest.mark.parametrize("hub_db_url", ["sqlite"], indirect=True)
KEYS = ["pending", "sending", "acked", "retry_wait", "attention", "last_success", "next_try"]


def _seeded(data_dir, count: int) -> list[str]:
    ctx = app.build(data_dir)
    try:
        return seed(ctx, count)
    finally:
        ctx.close()


def _status(data_dir) -> dict:
    result = run_cli("sync", "status", "--json", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_status_json_on_an_empty_data_dir(data_dir):
    status = _status(data_dir)
    assert list(status) == KEYS
    assert status == {**dict.fromkeys(KEYS[:5], 0), "last_success": None, "next_try": None}


@sqlite_hub
def test_once_sends_everything_with_the_environment_settings(data_dir, hub):
    ids = _seeded(data_dir, 12)
    assert _status(data_dir)["pending"] == 12
    env = {"HOSTDESK_HUB_URL": hub.url, "HOSTDESK_HUB_TOKEN": hub.token}
    result = run_cli("--lang", "en", "sync", "--once", data_dir=data_dir, env_extra=env)
    assert result.returncode == 0, result.stderr
    assert "Online: 0 waiting, 0 need attention" in result.stderr
    status = _status(data_dir)
    assert (status["acked"], status["pending"]) == (12, 0) and status["last_success"]
    assert sorted(c for c, _ in hub_rows(hub.db_url)[0]) == sorted(ids)
    # Run again: nothing to send, the audit finds nothing missing, still exit 0.
    again = run_cli("sync", "--once", data_dir=data_dir, env_extra=env)
    assert again.returncode == 0, again.stderr
    for phone in (f"139{i:08d}" for i in range(12)):
        assert phone not in result.stderr + result.stdout + again.stderr


@sqlite_hub
def test_command_line_wins_over_the_environment(data_dir, hub):
    _seeded(data_dir, 2)
    env = {"HOSTDESK_HUB_URL": "http://127.0.0.1:9", "HOSTDESK_HUB_TOKEN": "wrong"}
    result = run_cli(
        "sync", "--once", "--hub-url", hub.url, "--hub-token", hub.token,
        data_dir=data_dir, env_extra=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert _status(data_dir)["acked"] == 2


@sqlite_hub
def test_a_refused_token_exits_2_and_keeps_everything_queued(data_dir, hub):
    _seeded(data_dir, 3)
    result = run_cli(
        "--lang", "en", "sync", "--once", "--hub-url", hub.url, "--hub-token", "not-a-token",
        data_dir=data_dir,
    )  # fmt: skip
    assert result.returncode == 2
    assert "enter a new token" in result.stderr
    status = _status(data_dir)
    assert status["acked"] == 0 and status["pending"] + status["retry_wait"] == 3


def test_no_hub_configured_exits_2(data_dir):
    _seeded(data_dir, 1)
    result = run_cli("--lang", "en", "sync", "--once", data_dir=data_dir)
    assert result.returncode == 2
    assert "Sync is not set up" in result.stderr


def test_unreachable_hub_exits_1(data_dir):
    _seeded(data_dir, 1)
    result = run_cli(
        "sync", "--once", "--hub-url", "http://127.0.0.1:9", "--hub-token", "t", data_dir=data_dir
    )
    assert result.returncode == 1
    assert _status(data_dir)["retry_wait"] == 1


@sqlite_hub
def test_without_once_it_runs_until_ctrl_c(data_dir, hub):
    _seeded(data_dir, 5)
    env = {**os.environ, "HOSTDESK_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8"}
    # Started as from a terminal, where Ctrl+C is delivered: a suite run in the background of
    # a non-interactive shell (or under nohup) inherits SIGINT ignored, and Python then keeps
    # it ignored, so the child would never see the Ctrl+C this test sends.
    child = subprocess.Popen(
        [sys.executable, "-m", "hostdesk", "--lang", "en", "sync", "--hub-url", hub.url,
         "--hub-token", hub.token],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    try:
        assert wait_until(lambda: _status(data_dir)["acked"] == 5, 30)
        _seeded_more = _seeded_later(data_dir)
        assert wait_until(lambda: _status(data_dir)["acked"] == 5 + _seeded_more, 30)
    finally:
        child.send_signal(signal.SIGINT)
        try:
            _, err = child.communicate(timeout=60)
        except subprocess.TimeoutExpired:  # never left running: say what it was doing
            child.kill()
            _, err = child.communicate()
            raise AssertionError(
                f"Ctrl+C did not stop it: {err.decode(errors='replace')}"
            ) from None
    assert child.returncode == 0, err.decode()
    assert b"Online" in err


def _seeded_later(data_dir) -> int:
    """Saved by another process while the sync runs: picked up by the worker's poll."""
    time.sleep(0.2)
    ctx = app.build(data_dir)
    try:
        seed(ctx, 2, start=100)
    finally:
        ctx.close()
    return 2
