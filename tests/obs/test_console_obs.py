"""The host console against a real OBS: a number key puts that slot's QR in OBS's program."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from hostdesk import app, i18n
from hostdesk.config import Settings, save_settings
from hostdesk.obs import ObsClient
from hostdesk.obs.link import LinkState
from hostdesk.obs.overlay import OverlayNames
from hostdesk.ui import tasks
from tests.obs.test_onair import HUB, _remove, decoded, program_screenshot, wait_for_qr
from tests.ui.console_window import open_console


@pytest.fixture
def console_ctx(tmp_path, obs_running):
    path = tmp_path / "data"
    settings = Settings()
    settings.signup.hub_url = HUB
    settings.obs.url = f"ws://{obs_running.host}:{obs_running.port}"
    settings.obs.password = obs_running.password
    settings.overlay.scene_name = "HostDesk 叠加层 console"
    save_settings(path, settings)
    ctx = app.build(path)
    yield ctx
    ctx.close()


@pytest.fixture
def console(qtbot, console_ctx, obs_running):
    i18n.install("zh_CN")
    ctx = console_ctx
    win = open_console(qtbot, ctx, link_factory=app.build_link)
    win.start_obs_link()
    qtbot.waitUntil(lambda: win.obs_status.state == LinkState.CONNECTED, timeout=15_000)
    yield win
    win.stop_obs_link()
    tasks.wait_idle()
    with ObsClient(obs_running.host, obs_running.port, obs_running.password) as client:
        _remove(client, OverlayNames(scene=ctx.settings.overlay.scene_name))


def _confirmed(win) -> bool:
    """The on-air line reads OBS 已上屏（N 毫秒） for the take now on air."""
    return re.fullmatch(r"OBS 已上屏（\d+ 毫秒）", win.ack_label.text()) is not None


def test_slot_hotkey_puts_that_jobs_qr_in_obs_program_output(console, qtbot, obs_running):
    win = console
    codes = ["HX-001", "GE-002", "HX-002"]
    win.rundown_panel.model.add(codes)
    win.rundown_panel.view.setFocus()
    with ObsClient(obs_running.host, obs_running.port, obs_running.password) as viewer:
        # Ctrl+2: slot 2 straight on air, the way a host takes a job in one keystroke.
        with qtbot.waitSignals([win.console.take_acknowledged, win.console.taken], timeout=20_000):
            QTest.keyClick(
                win.rundown_panel.view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier
            )
        assert win.console.on_air_code == "GE-002"
        # Whichever came first, OBS's answer or the take's bookkeeping, the line confirms.
        qtbot.waitUntil(lambda: _confirmed(win), timeout=10_000)
        url = win.console.onair.on_air.url
        assert url == f"{HUB}/j/GE-002?s={win.session.id}&d="  # no hub pull: no PC name yet
        assert url in decoded(wait_for_qr(viewer, url, (1920, 1080)))

        # 3 previews slot 3 (OBS unchanged), Space takes it.
        with qtbot.waitSignal(win.console.cued, timeout=10_000):
            QTest.keyClick(win.rundown_panel.view, Qt.Key.Key_3)
        assert url in decoded(program_screenshot(viewer, 1920, 1080))
        with qtbot.waitSignals([win.console.take_acknowledged, win.console.taken], timeout=20_000):
            QTest.keyClick(win.rundown_panel.view, Qt.Key.Key_Space)
        assert win.console.on_air_code == "HX-002"
        qtbot.waitUntil(lambda: _confirmed(win), timeout=10_000)
        url3 = win.console.onair.on_air.url
        assert url3 in decoded(wait_for_qr(viewer, url3, (1920, 1080)))

        # Esc: the panic key takes the overlay off the program output.
        with qtbot.waitSignal(win.console.cleared, timeout=10_000):
            QTest.keyClick(win.rundown_panel.view, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: decoded(program_screenshot(viewer, 960, 540)) == [], timeout=5_000)


def test_the_counter_in_obs_follows_a_sign_up_from_another_process(console, qtbot, obs_running):
    from tests.conftest import run_cli
    from tests.obs.test_onair import _counter_enabled, _counter_file

    win = console
    names = OverlayNames(scene=win.settings.overlay.scene_name)
    with ObsClient(obs_running.host, obs_running.port, obs_running.password) as viewer:
        with qtbot.waitSignal(win.console.take_acknowledged, timeout=20_000):
            win.console.take("HX-001")
        onair = win.console.onair
        qtbot.waitUntil(lambda: onair.counter_image("HX-001") is not None, timeout=5_000)
        first = onair.counter_image("HX-001")
        qtbot.waitUntil(lambda: _counter_file(viewer, names) == str(first.file), timeout=5_000)
        assert _counter_enabled(viewer, names)

        added = run_cli("--lang", "en", "reg", "add", "--job", "HX-001", "--name", "李四",
                        "--phone", "13912345678", "--age", "30",
                        data_dir=win.settings.data_dir)  # fmt: skip
        assert added.returncode == 0, added.stderr
        # OBS shows the new count: nothing told this window, the console's poll (each
        # second while on air) found it. How soon (the 3 s goal) is measured in
        # bench/bench_recovery.py; a bound here would time the machine's load.
        assert win.console.counter_polling
        qtbot.waitUntil(
            lambda: (
                (image := onair.counter_image("HX-001")) is not None
                and image.count == first.count + 1
                and _counter_file(viewer, names) == str(image.file)
            ),
            timeout=60_000,
        )

        win.counter_box.setChecked(False)  # the host switches it off in the console
        qtbot.waitUntil(lambda: not _counter_enabled(viewer, names), timeout=5_000)
        win.counter_box.setChecked(True)
        qtbot.waitUntil(lambda: _counter_enabled(viewer, names), timeout=5_000)
