"""The status bar says how the hub's sign-ups arrive: 实时推送 while the event stream is held,
每 N 秒查询 while the sync worker polls; it switches when the stream drops and comes back.

Offscreen widgets; the second test runs the real sync worker against a real hub process
(SQLite and PostgreSQL) through a loopback proxy that refuses the stream for a while.
"""

from __future__ import annotations

from dataclasses import replace

from hostdesk import app, i18n
from hostdesk.sync.worker import SyncStatus
from hostdesk.ui.status_widgets import POLL, PUSH
from hostdesk.ui.sync_status import SyncStatusRelay, SyncStatusWidget
from tests.hub.conftest import *  # noqa: F403 - hub_db_url: the real hub on both databases
from tests.sync.conftest import FAST
from tests.sync.stream_proxy import StreamProxy
from tests.sync.test_stream import PUSH_ONLY, StreamHub

ONLINE = SyncStatus(state="online", reason="", unsynced=0, attention=0, last_success=None,
                    next_try=None)  # fmt: skip
WAIT_MS = 60_000  # a bound that tells "never" from "slow" on a loaded machine


def test_the_status_bar_says_push_or_polling_and_nothing_while_offline(qtbot):
    i18n.install("zh_CN")
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    label = widget.delivery
    modes: list[str] = []
    label.mode_changed.connect(modes.append)
    assert label.isHidden()  # sync off: no worker, nothing arrives

    widget.show_status(replace(ONLINE, streaming=True, pull_every=60.0))
    assert (label.mode, label.text(), label.isHidden()) == (PUSH, "实时推送", False)
    assert label.toolTip() == "扫码报名一提交就推送到本机"
    widget.show_status(replace(ONLINE, streaming=False, pull_every=2.0))
    assert (label.mode, label.text(), label.isHidden()) == (POLL, "每 2 秒查询", False)
    assert "每 2 秒" in label.toolTip()
    widget.show_status(replace(ONLINE, streaming=False, pull_every=60.0))
    assert label.text() == "每 60 秒查询"  # no counter on air: the regular pull's pace
    widget.show_status(replace(ONLINE, state="offline", reason="network", streaming=False))
    assert label.isHidden() and label.mode == ""  # the sync state says 离线 and why
    widget.show_status(replace(ONLINE, streaming=True))
    widget.show_not_configured()
    assert label.isHidden()
    assert modes == [PUSH, POLL, "", PUSH, ""]  # POLL at 2 s then 60 s: one mode, one signal


def test_the_indicator_goes_to_polling_when_the_stream_is_cut_and_back_to_push(
    qtbot,
    ctx,
    hub_db_url,
    tmp_path,
):
    i18n.install("zh_CN")
    hub = StreamHub(hub_db_url, tmp_path)
    proxy = StreamProxy(hub.process.port)
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    relay = SyncStatusRelay()
    relay.status_changed.connect(widget.show_status)  # queued: on the GUI thread, as the app
    modes: list[str] = []
    widget.delivery.mode_changed.connect(modes.append)
    worker = app.build_sync(
        ctx, relay.report, hub_url=proxy.url, hub_token=hub.device_token,
        **{**FAST, **PUSH_ONLY, "pull_interval": 0.5},
    )  # fmt: skip
    worker.start()
    try:
        qtbot.waitUntil(lambda: widget.delivery.mode == PUSH, timeout=WAIT_MS)
        assert widget.delivery.text() == "实时推送"

        # The stream is cut, and the hub (a proxy in front of it) will not take it back for
        # now: the worker polls, and the status bar says so.
        proxy.busy = ("/api/v1/events",)
        assert proxy.cut() > 0
        qtbot.waitUntil(lambda: widget.delivery.mode == POLL, timeout=WAIT_MS)
        assert widget.delivery.text() == "每 0.5 秒查询"
        assert not worker.streaming

        proxy.busy = ()  # it takes the stream again: the worker reopens it by itself
        qtbot.waitUntil(lambda: widget.delivery.mode == PUSH, timeout=WAIT_MS)
        assert worker.streaming
        # Push, then polling, then push again, in that order (polling may come first too,
        # before the stream opened; an offline moment, if a pull fell on the cut, shows "").
        shown = iter(modes)
        assert all(mode in shown for mode in (PUSH, POLL, PUSH)), modes
        assert modes[-1] == PUSH
    finally:
        worker.stop()
        proxy.close()
        hub.stop()
