"""The push path end to end: a form POST on a real hub reaches the desktop through the hub's
event stream (polling an hour apart) and the counter's new image shows in a real OBS."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from hostdesk import app, i18n
from hostdesk.obs import ObsClient
from hostdesk.obs.link import LinkState
from hostdesk.obs.overlay import OverlayNames
from hostdesk.sync.pull import Puller
from hostdesk.ui import tasks
from tests.obs.signup_loop import (
    CODE,
    DEVICE,
    SYNC,
    counter_region,
    desktop_settings,
    distance,
    loop_hub,  # noqa: F401 - the fixture
    open_page,
    shows,
    submit,
)
from tests.obs.test_onair import _remove
from tests.ui import console_window
from tests.ui.console_window import open_console

WAIT_MS = 60_000  # a bound for a loaded machine, not a goal (bench/bench_signup_loop.py)


@pytest.fixture
def streamed(monkeypatch):
    """The client ids each Puller.apply_events call inserted (the stream's way in)."""
    inserted: list[str] = []
    real = Puller.apply_events

    def recording(self, items):
        before = {i.get("client_id") for i in items if isinstance(i, dict)}
        result = real(self, items)
        if result[0].inserted:
            inserted.extend(sorted(c for c in before if isinstance(c, str)))
        return result

    monkeypatch.setattr(Puller, "apply_events", recording)
    return inserted


@pytest.fixture
def loop(tmp_path, qtbot, obs_running, monkeypatch, loop_hub):  # noqa: F811
    monkeypatch.setattr("hostdesk.ui.first_run.FirstRunGuide.open", lambda *a, **k: None)
    i18n.install("zh_CN")
    hub = loop_hub
    data = tmp_path / "data"
    desktop_settings(data, hub, obs_running)
    ctx = app.build(data)
    win = open_console(qtbot, ctx, link_factory=app.build_link)
    # The console's worker, its pulls an hour apart even with a counter on air (the stream
    # makes the 2 s live pull unnecessary): what arrives came by push.
    options = {**SYNC, "pull_interval": 3600.0}

    def factory(_settings, on_status):
        return app.build_sync(
            ctx, on_status, hub_url=hub.url, hub_token=hub.device_token, **options
        )

    console_window.wire_sync(win, ctx, factory)
    win.start_obs_link()
    qtbot.waitUntil(lambda: win.obs_status.state == LinkState.CONNECTED, timeout=WAIT_MS)
    yield win, hub
    win.stop_sync()
    win.stop_obs_link()
    tasks.wait_idle()
    with ObsClient(obs_running.host, obs_running.port, obs_running.password) as client:
        _remove(client, OverlayNames(scene=ctx.settings.overlay.scene_name))
    ctx.close()


def test_a_form_post_reaches_the_counter_in_obs_through_the_event_stream(
    loop, qtbot, obs_running, streamed
):
    win, hub = loop
    onair = win.console.onair
    qtbot.waitUntil(lambda: CODE in win.console.jobs, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: onair.look.device == DEVICE, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: win.sync.worker is not None and win.sync.worker.streaming,
                    timeout=WAIT_MS)  # fmt: skip

    win.rundown_panel.model.add([CODE])
    win.rundown_panel.view.setFocus()
    with qtbot.waitSignal(win.console.take_acknowledged, timeout=WAIT_MS):
        QTest.keyClick(win.rundown_panel.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: (c := onair.counter_image(CODE)) is not None and c.count == 0,
                    timeout=WAIT_MS)  # fmt: skip
    zero = onair.counter_image(CODE).file

    with ObsClient(obs_running.host, obs_running.port, obs_running.password) as viewer:
        qtbot.waitUntil(lambda: distance(counter_region(viewer, onair.look), zero) < 12,
                        timeout=WAIT_MS)  # fmt: skip
        link = f"{hub.url}/j/{CODE}?s={win.session.id}&d={DEVICE}"
        session, hidden = open_page(link)
        answer = submit(session, link, hidden, "13812345678")
        assert answer.headers["Location"].endswith(f"/j/{CODE}/done")

        def shows_one() -> bool:
            image = onair.counter_image(CODE)
            if image is None or image.count != 1:
                return False
            shown = counter_region(viewer, onair.look)
            return distance(shown, image.file) < 12 and shows(shown, image.file, zero)

        qtbot.waitUntil(shows_one, timeout=WAIT_MS)
    # The one sign-up on the counter was stored by the event stream, not by a pull.
    assert len(streamed) == 1
    assert win.sync.worker.streaming
