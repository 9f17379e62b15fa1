"""The desktop publishes its catalogue to a real hub process (SQLite and PostgreSQL): import →
`/j/{code}` shows the job; edit → the page follows; conflicting edits → a conflict, nothing lost."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
import requests

from hostdesk import app
from hostdesk.services.take_publish import TakePublishing
from hostdesk.store.hub_repo import HubRepository
from hostdesk.store.publish_repo import HubCopy, PublishRepository
from hostdesk.sync.client import HubClient
from hostdesk.sync.publish import Publisher
from tests.conftest import run_cli
from tests.hub.signup import PAGE_ARGS
from tests.sync.conftest import FAST, wait_until

TIMEOUT = (5, 30)
SHEET = (
    "编号,岗位,企业,地点,薪资,年龄,状态\n"
    "PB-001,冰箱总装普工,美的冰箱厂,佛山,6000-8000元/月,18-45岁,招聘中\n"
    "PB-002,储备干部,好工作人力,东莞,年薪5-10万,22-35岁,招聘中\n"
)


@pytest.fixture
def page_hub(hub_factory):
    return hub_factory(args=PAGE_ARGS)


def page(hub, code: str) -> requests.Response:
    return requests.get(f"{hub.url}/j/{code}", timeout=TIMEOUT)


def publish_cli(data_dir, hub, token: str | None = None):
    env = {"HOSTDESK_HUB_URL": hub.url, "HOSTDESK_HUB_TOKEN": token or hub.token}
    return run_cli("--lang", "en", "jobs", "publish", data_dir=data_dir, env_extra=env)


def publish(ctx, hub, token: str | None = None):
    client = HubClient(hub.url, token or hub.token)
    try:
        return Publisher(PublishRepository(ctx.db)).publish(client)
    finally:
        client.close()


def hub_catalogue(hub) -> dict:
    r = requests.get(hub.url + "/api/v1/jobs", headers=hub.headers(), timeout=TIMEOUT)
    assert r.status_code == 200, r.text
    return r.json()


def test_import_then_publish_puts_every_job_on_the_page_and_edits_follow(page_hub, tmp_path):
    data_dir = tmp_path / "pc"
    sheet = tmp_path / "jobs.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    assert run_cli("jobs", "import", str(sheet), data_dir=data_dir).returncode == 0
    assert page(page_hub, "PB-001").status_code == 404  # the hub has never heard of it
    result = publish_cli(data_dir, page_hub)
    assert result.returncode == 0, result.stderr
    assert "Published: 2 new, 0 updated, 0 conflicts" in result.stdout
    first = page(page_hub, "PB-001")
    assert first.status_code == 200 and "冰箱总装普工" in first.text
    assert "储备干部" in page(page_hub, "PB-002").text  # a yearly job is taken too
    listed = run_cli("jobs", "list", "--json", data_dir=data_dir)
    assert hub_catalogue(page_hub)["jobs"] == json.loads(listed.stdout)["jobs"]
    # Nothing new: nothing sent, still exit 0.
    again = publish_cli(data_dir, page_hub)
    assert again.returncode == 0 and "Published: 0 new, 0 updated" in again.stdout
    # An edit on the desktop: the page follows after the next publish.
    ctx = app.build(data_dir)
    try:
        job = ctx.jobs.get("PB-001")
        ctx.catalogue.save_job(replace(job, title="冰箱总装普工（急招）"), new=False)
        assert PublishRepository(ctx.db).hub_copy("PB-001") is HubCopy.PENDING
        assert PublishRepository(ctx.db).hub_copy("PB-002") is HubCopy.PUBLISHED
        summary = publish(ctx, page_hub)
        assert (summary.created, summary.updated, summary.conflicts) == (0, 1, [])
        assert PublishRepository(ctx.db).hub_copy("PB-001") is HubCopy.PUBLISHED
    finally:
        ctx.close()
    assert "冰箱总装普工（急招）" in page(page_hub, "PB-001").text
    assert hub_catalogue(page_hub)["versions"] == {"PB-001": 2, "PB-002": 1}


def test_conflicting_edits_are_a_conflict_and_nothing_is_lost(hub, tmp_path):
    pc1, pc2 = app.build(tmp_path / "pc1"), app.build(tmp_path / "pc2")
    try:
        sheet = tmp_path / "jobs.csv"
        sheet.write_text(SHEET, encoding="utf-8")
        pc1.catalogue.import_file(sheet)
        assert publish(pc1, hub).created == 2
        # PC 2 learns the catalogue from the hub (its pull), then both edit the same job.
        assert publish_cli(tmp_path / "pc2", hub, hub.admin_token).returncode == 0
        pc2_job = pc2.jobs.get("PB-001")
        assert pc2_job is not None and pc2_job.title == "冰箱总装普工"
        pc2.catalogue.save_job(replace(pc2_job, title="二号机改的标题"), new=False)
        assert publish(pc2, hub, hub.admin_token).updated == 1
        pc1.catalogue.save_job(replace(pc1.jobs.get("PB-001"), title="一号机改的标题"), new=False)
        summary = publish(pc1, hub)
        assert summary.conflicts == ["PB-001"] and summary.updated == 0
        # Nothing lost: the hub kept PC 2's edit, PC 1 keeps its own, and the conflict waits.
        assert hub_catalogue(hub)["jobs"][0]["title"] == "二号机改的标题"
        assert pc1.jobs.get("PB-001").title == "一号机改的标题"
        (conflict,) = HubRepository(pc1.db).conflicts()
        assert (conflict.mine.title, conflict.theirs.title) == ("一号机改的标题", "二号机改的标题")
        assert PublishRepository(pc1.db).hub_copy("PB-001") is HubCopy.CONFLICT
        # Sending again does not overwrite while the conflict waits for a person.
        assert publish(pc1, hub).sent == 0
        # The person keeps PC 1's version: it goes to the hub on top of PC 2's.
        assert HubRepository(pc1.db).resolve("PB-001", take_theirs=False, now=datetime.now(UTC))
        assert publish(pc1, hub).updated == 1
        assert hub_catalogue(hub)["jobs"][0]["title"] == "一号机改的标题"
        assert hub_catalogue(hub)["versions"]["PB-001"] == 3
        # PC 2 now conflicts the other way round only if it edits again; unedited, its CLI
        # publish pulls the hub's version in and sends nothing.
        result = publish_cli(tmp_path / "pc2", hub, hub.admin_token)
        assert result.returncode == 0 and "Published: 0 new, 0 updated" in result.stdout
    finally:
        pc1.close()
        pc2.close()
    ctx = app.build(tmp_path / "pc2")
    try:
        assert ctx.jobs.get("PB-001").title == "一号机改的标题"
    finally:
        ctx.close()


def test_publish_without_a_reachable_hub_exits_non_zero_and_keeps_everything(tmp_path):
    data_dir = tmp_path / "pc"
    sheet = tmp_path / "jobs.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    assert run_cli("jobs", "import", str(sheet), data_dir=data_dir).returncode == 0
    env = {"HOSTDESK_HUB_URL": "http://127.0.0.1:9", "HOSTDESK_HUB_TOKEN": "hd_x"}
    result = run_cli("--lang", "en", "jobs", "publish", data_dir=data_dir, env_extra=env)
    assert result.returncode == 1 and "Not published" in result.stderr
    assert "Traceback" not in result.stderr
    ctx = app.build(data_dir)
    try:
        assert len(PublishRepository(ctx.db).unpublished()) == 2
    finally:
        ctx.close()


def test_a_take_publishes_the_job_first_through_the_sync_worker(page_hub, ctx, tmp_path):
    """Service level: the take asks (one local read), the worker publishes, the page follows;
    a job the hub already has costs no request and no publish."""
    sheet = tmp_path / "jobs.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    ctx.catalogue.import_file(sheet)
    # A long pull interval: only the take's request makes this worker publish now.
    worker = app.build_sync(
        ctx, None, hub_url=page_hub.url, hub_token=page_hub.token, **FAST, pull_interval=3600.0
    )
    asked: list[str] = []

    def publish_soon() -> None:
        asked.append("now")
        worker.publish_soon()

    taking = TakePublishing(PublishRepository(ctx.db), publish_soon)
    worker.start()
    try:
        assert wait_until(lambda: PublishRepository(ctx.db).hub_copy("PB-002") is HubCopy.PUBLISHED, 30)  # fmt: skip
        job = ctx.jobs.get("PB-001")
        ctx.catalogue.save_job(replace(job, title="冰箱总装普工（今晚直播）"), new=False)
        assert taking.before_take("PB-001") is HubCopy.PENDING and asked == ["now"]
        assert wait_until(lambda: "今晚直播" in page(page_hub, "PB-001").text, 30)
        # The answer is recorded just after the hub took it.
        assert wait_until(lambda: PublishRepository(ctx.db).hub_copy("PB-001") is HubCopy.PUBLISHED)  # fmt: skip
        assert taking.before_take("PB-001") is HubCopy.PUBLISHED and asked == ["now"]
    finally:
        worker.stop()


def test_a_take_goes_on_while_the_hub_is_unreachable(ctx, tmp_path):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    ctx.catalogue.import_file(sheet)
    worker = app.build_sync(ctx, None, hub_url="http://127.0.0.1:9", hub_token="hd_x", **FAST)
    worker.start()
    try:
        taking = TakePublishing(PublishRepository(ctx.db), worker.publish_soon)
        assert taking.before_take("PB-001") is HubCopy.PENDING
        assert taking.before_take("NOPE") is HubCopy.UNKNOWN
        assert wait_until(lambda: worker.status is not None and worker.status.state == "offline")
        assert len(PublishRepository(ctx.db).unpublished()) == 2  # kept for when the hub is back
    finally:
        worker.stop()


def test_the_pull_learns_the_hubs_public_address(hub_factory, ctx):
    from hostdesk.store.hub_repo import HubRepository as Repo
    from hostdesk.sync.pull import HUB_PUBLIC_URL, Puller

    hub = hub_factory(args=("--public-url", "https://hub.example.cn"))
    client = HubClient(hub.url, hub.token)
    try:
        Puller(Repo(ctx.db), ctx.registrations.repo, b"k").pull(client)
    finally:
        client.close()
    assert Repo(ctx.db).state()[HUB_PUBLIC_URL] == "https://hub.example.cn"
