"""The console says loudly when the hub drops a job tonight's show uses, and a person decides."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from hostdesk import i18n
from hostdesk.core.jobs import JobStatus
from hostdesk.store.hub_repo import HubRepository, parse_hub_job
from tests.sync.pull_hub import job
from tests.ui.console_window import open_console

NOW = datetime(2026, 12, 7, 20, 0, tzinfo=UTC)


@pytest.fixture
def win(qtbot, ctx):
    """HX01 in tonight's rundown when an upload drops it and HX02 (on no show)."""
    i18n.install("zh_CN")
    hub = HubRepository(ctx.db)
    pulled = [
        parse_hub_job(job(c, t), NOW) for c, t in (("HX01", "冰箱总装普工"), ("HX02", "仓管"))
    ]
    hub.apply_catalogue(pulled, '"e1"', NOW)
    ctx.sessions.set_rundown(["HX01"])
    applied = hub.apply_catalogue([], '"e2"', NOW)
    assert (applied.held, applied.closed) == (1, 1)
    window = open_console(qtbot, ctx)
    window.sync._hub = hub  # the store launch() gives a window with sync on
    with qtbot.waitSignal(window.sync.withdrawn_changed, timeout=10_000):
        window.sync.poll()
    return window


def test_the_banner_names_the_held_job_and_it_stays_takeable(win, qtbot, ctx):
    banner = win.withdrawn_banner
    assert banner.isVisibleTo(win)
    assert "冰箱总装普工（HX01）" in banner.label.text() and "仓管" not in banner.label.text()
    assert "已没有" in banner.label.text()  # said in Chinese, not left in the source language
    assert list(banner.buttons) == ["HX01"]
    with qtbot.waitSignal(win.console.taken, timeout=10_000):
        assert win.console.take("HX01") is True
    assert win.console.on_air_code == "HX01"


@pytest.mark.parametrize("keep", [True, False])
def test_keep_or_close_is_stored_and_the_banner_goes(win, qtbot, ctx, keep):
    keep_button, close_button = win.withdrawn_banner.buttons["HX01"]
    assert keep_button.text() == "继续保留" and close_button.text() == "关闭岗位"
    with qtbot.waitSignal(win.sync.withdrawn_changed, timeout=10_000) as changed:
        qtbot.mouseClick(keep_button if keep else close_button, Qt.MouseButton.LeftButton)
    assert changed.args[0] == []
    assert not win.withdrawn_banner.isVisibleTo(win)
    expected = JobStatus.OPEN if keep else JobStatus.CLOSED
    assert ctx.jobs.get("HX01").status is expected
    assert HubRepository(ctx.db).withdrawn_held() == []
