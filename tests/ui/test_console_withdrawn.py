"""A take of a job the hub's catalogue dropped (held open for the show) says the code on air
leads to “job not found” until a person keeps or closes it (issue 15 item 7)."""

from __future__ import annotations

from datetime import UTC, datetime

from hostdesk import i18n
from hostdesk.services.take_publish import TakePublishing
from hostdesk.store.hub_repo import HubRepository
from hostdesk.store.publish_repo import HubCopy, PublishRepository
from tests.ui.console_window import open_console


def test_a_take_of_a_held_job_says_the_hub_dropped_it(qtbot, ctx):
    from hostdesk.config import save_settings

    i18n.install("zh_CN")
    ctx.settings.signup.hub_url = "https://hub.example.cn"
    save_settings(ctx.data_dir, ctx.settings)
    win = open_console(qtbot, ctx)
    hub = HubRepository(ctx.db)
    now = datetime.now(UTC)
    jobs = [ctx.jobs.get("HX-001"), ctx.jobs.get("HX-002")]
    hub.apply_catalogue(jobs, '"e1"', now, versions={"HX-001": 1, "HX-002": 1})
    ctx.sessions.set_rundown(["HX-001"])
    hub.apply_catalogue([jobs[1]], '"e2"', now, versions={"HX-002": 1})
    repo = PublishRepository(ctx.db)
    assert repo.hub_copy("HX-001") is HubCopy.WITHDRAWN
    asked: list[str] = []
    win.console.take_publishing = TakePublishing(repo, lambda: asked.append("now"))
    with qtbot.waitSignal(win.console.warned, timeout=10_000) as warned:
        win.console.take("HX-001")
    assert "移出" in warned.args[0] and "找不到" in warned.args[0]
    assert win.console.on_air_code == "HX-001" and asked == []  # on air all the same
    said: list[str] = []
    win.console.warned.connect(said.append)
    with qtbot.waitSignal(win.console.taken, timeout=10_000):
        win.console.take("HX-002")  # still on the hub: nothing to say
    qtbot.wait(50)
    assert said == []
