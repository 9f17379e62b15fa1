"""Reopened mid-show against a real OBS: the overlay shows the job that was on air again."""

from __future__ import annotations

import pytest

from hostdesk import app, i18n
from hostdesk.config import Settings, save_settings
from hostdesk.obs import ObsClient
from hostdesk.obs.link import LinkState
from hostdesk.obs.overlay import OverlayNames
from hostdesk.ui import tasks
from tests.obs.test_console_obs import _confirmed
from tests.obs.test_onair import HUB, _remove, decoded, program_screenshot, wait_for_qr
from tests.ui.console_window import open_console


@pytest.fixture
def show_ctx(tmp_path, obs_running):
    path = tmp_path / "data"
    settings = Settings()
    settings.signup.hub_url = HUB
    settings.obs.url = f"ws://{obs_running.host}:{obs_running.port}"
    settings.obs.password = obs_running.password
    settings.overlay.scene_name = "HostDesk 叠加层 reopen"
    save_settings(path, settings)
    ctx = app.build(path)
    yield ctx
    ctx.close()


def _connected(qtbot, ctx):
    win = open_console(qtbot, ctx, link_factory=app.build_link)
    win.start_obs_link()
    qtbot.waitUntil(lambda: win.obs_status.state == LinkState.CONNECTED, timeout=15_000)
    return win


def test_reopened_mid_show_obs_shows_the_job_on_air_again(qtbot, show_ctx, obs_running):
    i18n.install("zh_CN")
    ctx = show_ctx
    ctx.sessions.start("douyin", "测试直播间")
    names = OverlayNames(scene=ctx.settings.overlay.scene_name)
    with ObsClient(obs_running.host, obs_running.port, obs_running.password) as viewer:
        try:
            win = _connected(qtbot, ctx)
            with qtbot.waitSignal(win.console.take_acknowledged, timeout=20_000):
                win.console.take("HX-001")
            url = win.console.onair.on_air.url
            assert url in decoded(wait_for_qr(viewer, url, (1920, 1080)))
            win.confirm_quit = lambda: True
            win.close()
            win.stop_obs_link()
            assert tasks.wait_idle()
            # OBS left black (the overlay gone), as a crash or a new OBS profile would leave it.
            _remove(viewer, names)
            qtbot.waitUntil(lambda: decoded(program_screenshot(viewer, 960, 540)) == [],
                            timeout=10_000)  # fmt: skip

            again = _connected(qtbot, ctx)
            qtbot.waitUntil(lambda: again.console.on_air_code == "HX-001", timeout=15_000)
            assert again.console.onair.on_air.url == url
            assert url in decoded(wait_for_qr(viewer, url, (1920, 1080)))
            # The on-air line confirms the restored job with OBS's own answer.
            qtbot.waitUntil(lambda: _confirmed(again), timeout=20_000)
            form = again.registration_panel.form
            qtbot.waitUntil(lambda: form.job.currentData() == "HX-001", timeout=10_000)
            again.stop_obs_link()
        finally:
            assert tasks.wait_idle()
            _remove(viewer, names)
