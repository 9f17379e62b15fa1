"""The take publishes first (issue 15 item 5), end to end: a job imported on this PC that the
hub has never had is taken on air with a real OBS and a real hub; the QR read from OBS's program
output, opened in Chromium, shows the job's page, not 没有找到这个岗位.

The sync worker's idle pull is set to an hour, and its publishing is held until the take has
been pressed, so the take always finds the job pending and asks for it (services/take_publish.py
→ the worker's publish_soon)."""

from __future__ import annotations

import threading

import pytest
import requests

from hostdesk import app, i18n
from hostdesk.obs import ObsClient
from hostdesk.obs.link import LinkState
from hostdesk.obs.overlay import OverlayNames
from hostdesk.services.take_publish import TakePublishing
from hostdesk.store.publish_repo import HubCopy, PublishRepository
from hostdesk.sync.publish import Publisher
from hostdesk.ui import tasks
from tests.hub.browser import browser  # noqa: F401 - the fixture
from tests.obs import signup_loop
from tests.obs.signup_loop import (
    DEVICE,
    desktop_settings,
    loop_hub,  # noqa: F401 - the fixture
    wire_sync,
)
from tests.obs.test_onair import _remove, decoded, program_screenshot
from tests.ui.console_window import open_console
from tests.waits import GENEROUS

NEW_CODE, NEW_TITLE = "PB-LIVE-1", "今晚新加的包装工"
SHEET = f"编号,岗位,企业,地点,薪资\n{NEW_CODE},{NEW_TITLE},美的冰箱厂,佛山,6000-8000元/月\n"
NOT_FOUND = "没有找到这个岗位"
WAIT_MS = int(GENEROUS * 1000)


@pytest.fixture
def loop(tmp_path, qtbot, obs_running, monkeypatch, loop_hub):  # noqa: F811
    monkeypatch.setattr("hostdesk.ui.first_run.FirstRunGuide.open", lambda *a, **k: None)
    monkeypatch.setitem(signup_loop.SYNC, "pull_interval", 3600.0)  # no idle pull in the test
    i18n.install("zh_CN")
    hub = loop_hub
    data = tmp_path / "data"
    desktop_settings(data, hub, obs_running)
    ctx = app.build(data)
    win = open_console(qtbot, ctx, link_factory=app.build_link)
    wire_sync(win, ctx, hub)
    # What launch() wires when the window has a hub: a take of a job the hub lacks publishes it.
    win.console.take_publishing = TakePublishing.for_hub(win.sync.hub, win.sync.publish_soon)
    win.start_obs_link()
    qtbot.waitUntil(lambda: win.obs_status.state == LinkState.CONNECTED, timeout=WAIT_MS)
    yield win, hub, ctx
    win.stop_sync()
    win.stop_obs_link()
    tasks.wait_idle()
    with ObsClient(obs_running.host, obs_running.port, obs_running.password) as client:
        _remove(client, OverlayNames(scene=ctx.settings.overlay.scene_name))
    ctx.close()


def test_a_job_the_hub_lacks_is_published_by_its_take_and_its_qr_opens_its_page(
    loop,
    qtbot,
    obs_running,
    tmp_path,
    browser,  # noqa: F811
    monkeypatch,
):
    win, hub, ctx = loop
    onair = win.console.onair
    repo = PublishRepository(ctx.db)
    # The worker's first round: the hub's job pulled, the demo jobs published, the name learnt.
    qtbot.waitUntil(lambda: onair.look.device == DEVICE, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: repo.unpublished() == [], timeout=WAIT_MS)
    # The worker publishes nothing until the hub has been seen to lack the new job: a round
    # woken by the hub's event stream would otherwise publish it between import and look.
    looked = threading.Event()
    publish = Publisher.publish

    def held_publish(self, *args, **kwargs):
        looked.wait(GENEROUS)
        return publish(self, *args, **kwargs)

    monkeypatch.setattr(Publisher, "publish", held_publish)

    # Imported on this PC after that round: the hub has never heard of it.
    sheet = tmp_path / "今晚加的.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    assert ctx.catalogue.import_file(sheet).result.created == 1
    with qtbot.waitSignal(win.catalogue_loaded, timeout=WAIT_MS):
        win.load_catalogue()
    before = requests.get(f"{hub.url}/j/{NEW_CODE}", timeout=(5, 30))
    assert before.status_code == 404 and NOT_FOUND in before.text
    assert repo.hub_copy(NEW_CODE) is HubCopy.PENDING

    said: list[str] = []
    win.console.warned.connect(said.append)
    # The take finds the job still pending (the worker is held) ...
    publishing = win.console.take_publishing
    found: list[HubCopy] = []
    check = publishing.before_take
    publishing.before_take = lambda code: found.append(check(code)) or found[-1]
    with qtbot.waitSignal(win.console.take_acknowledged, timeout=WAIT_MS):
        assert win.console.take(NEW_CODE)
    qtbot.waitUntil(lambda: found != [], timeout=WAIT_MS)
    assert found[0] is HubCopy.PENDING
    # ... goes on at once, and the console says the code works once the hub has it.
    qtbot.waitUntil(lambda: any("正在发布到总部服务器" in s for s in said), timeout=WAIT_MS)
    looked.set()  # the worker may publish now: the take's publish_soon is waiting
    qtbot.waitUntil(lambda: repo.hub_copy(NEW_CODE) is HubCopy.PUBLISHED, timeout=WAIT_MS)

    with ObsClient(obs_running.host, obs_running.port, obs_running.password) as viewer:
        # What a phone scans: the code in OBS's program output.
        def scanned() -> list[str]:
            shot = program_screenshot(viewer, 1920, 1080)
            return [u for u in decoded(shot) if f"/j/{NEW_CODE}" in u]

        qtbot.waitUntil(lambda: scanned() != [], timeout=WAIT_MS)
        (url,) = scanned()
    assert url.startswith(f"{hub.url}/j/{NEW_CODE}?s={win.session.id}&d={DEVICE}")
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page.goto(url)
        assert page.locator("h1").inner_text() == NEW_TITLE
        assert NOT_FOUND not in page.content()
    finally:
        page.close()
