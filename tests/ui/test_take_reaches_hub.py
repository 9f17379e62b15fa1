"""The window's takes and clears reach the hub's on-air timeline through its own sync worker."""

from __future__ import annotations

import sqlite3

import pytest

from hostdesk import app
from tests.sync.pull_hub import HubProcess
from tests.ui.console_window import open_console, wire_sync

HOUR = 3600.0  # no idle poll or pull sends it: the window wakes the worker


@pytest.fixture
def hub(tmp_path):
    process = HubProcess(tmp_path / "hub").start()
    yield process
    process.stop()


def _spans(hub: HubProcess) -> list[tuple[str, str | None]]:
    with sqlite3.connect(hub.db) as conn:
        return conn.execute("SELECT job_code, ended_at FROM air_spans ORDER BY id").fetchall()


def test_a_take_and_a_clear_in_the_window_reach_the_hubs_timeline(qtbot, qapp, ctx, hub):
    def factory(settings, on_status):
        return app.build_sync(
            ctx, on_status, hub_url=hub.url, hub_token=hub.device_token, idle_poll=HOUR,
            pull_interval=HOUR, audit_interval=HOUR, backoff_base=0.05, backoff_cap=0.3,
        )  # fmt: skip

    win = open_console(qtbot, ctx)
    wire_sync(win, ctx, factory)
    try:
        qtbot.waitUntil(lambda: win.sync.worker is not None)
        status = win.sync_status  # online, nothing to send: the worker then idles for an hour
        qtbot.waitUntil(lambda: status.status is not None and status.status.state == "online")
        code = sorted(ctx.catalogue.codes())[0]  # the demo catalogue, loaded on first run
        assert win.console.take(code)
        # qtbot's wait: the take's own signals must be delivered on this (the GUI) thread.
        qtbot.waitUntil(lambda: [c for c, _end in _spans(hub)] == [code])
        win.console.clear()
        qtbot.waitUntil(lambda: [end is not None for _c, end in _spans(hub)] == [True])
    finally:
        win.stop_sync()
