"""A catalogue upload that lacks jobs never closes one under a live show (issue 15, item 7).

Against a real hub process on SQLite and on PostgreSQL (the `hub` fixture): jobs in tonight's rundown or on air stay takeable and are held
for a person to keep or close; the others close as before.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import requests

from hostdesk.core.jobs import JobStatus
from hostdesk.store.hub_repo import HubRepository
from hostdesk.store.publish_repo import PublishRepository
from hostdesk.sync.client import HubClient
from hostdesk.sync.publish import Publisher
from hostdesk.sync.pull import Puller
from tests.sync.pull_hub import job

NOW = datetime(2026, 12, 7, 20, 0, tzinfo=UTC)


def upload(hub, jobs: list[dict]) -> None:
    """The admin replaces the hub's whole catalogue (what drops jobs from it)."""
    url = hub.url + "/api/v1/jobs"
    resp = requests.put(url, json={"jobs": jobs}, headers=hub.admin_headers, timeout=10)
    assert resp.status_code == 200, resp.text


def pull(ctx, hub):
    client = HubClient(hub.url, hub.token)
    try:
        return Puller(HubRepository(ctx.db), ctx.registrations.repo, b"").pull(client)
    finally:
        client.close()


def _status(ctx, code: str) -> JobStatus:
    return ctx.jobs.get(code).status


def _origin(ctx, code: str) -> str:
    with sqlite3.connect(ctx.db.path) as conn:
        return conn.execute("SELECT origin FROM jobs WHERE code = ?", (code,)).fetchone()[0]


def _on_show(ctx, hub) -> HubRepository:
    """HX01 in tonight's rundown, HX02 on air, HX03 neither; then an upload lacking all three."""
    upload(hub, [job("HX01", "冰箱总装普工"), job("HX02", "注塑操作工"), job("HX03", "仓管")])
    assert pull(ctx, hub).jobs.created == 3
    ctx.sessions.set_rundown(["HX01"])
    ctx.takes.record("take", "HX02", ctx.sessions.current().id)
    upload(hub, [job("HX09", "焊工")])
    return HubRepository(ctx.db)


def test_jobs_on_the_show_are_held_open_and_the_rest_close(ctx, hub):
    repo = _on_show(ctx, hub)
    result = pull(ctx, hub)
    assert (result.jobs.held, result.jobs.closed, result.jobs.created) == (2, 1, 1)
    assert _status(ctx, "HX01") is JobStatus.OPEN  # in the rundown: still takeable
    assert _status(ctx, "HX02") is JobStatus.OPEN  # on air: still takeable
    assert _status(ctx, "HX03") is JobStatus.CLOSED  # on no show: closed as before
    assert [j.code for j in repo.withdrawn_held()] == ["HX01", "HX02"]

    # Off the show now, and the hub changes again: held jobs stay held until someone decides.
    ctx.takes.record("clear", None, ctx.sessions.current().id)
    ctx.sessions.set_rundown([])
    upload(hub, [job("HX09", "焊工"), job("HX10", "叉车司机")])
    again = pull(ctx, hub)
    assert again.jobs_changed and (again.jobs.held, again.jobs.closed) == (2, 0)
    assert [j.code for j in repo.withdrawn_held()] == ["HX01", "HX02"]
    assert _status(ctx, "HX01") is _status(ctx, "HX02") is JobStatus.OPEN


def test_a_person_keeps_one_and_closes_the_other(ctx, hub):
    repo = _on_show(ctx, hub)
    pull(ctx, hub)
    assert repo.decide_withdrawn("HX01", keep=False, now=NOW) is True
    assert repo.decide_withdrawn("HX02", keep=True, now=NOW) is True
    assert repo.decide_withdrawn("HX02", keep=True, now=NOW) is False  # already decided
    assert repo.withdrawn_held() == []
    assert _status(ctx, "HX01") is JobStatus.CLOSED
    assert _status(ctx, "HX02") is JobStatus.OPEN and _origin(ctx, "HX02") == "local"

    # Kept: this PC's own job now, so the next publish gives it back to the hub (its QR works).
    client = HubClient(hub.url, hub.token)
    try:
        sent = Publisher(PublishRepository(ctx.db)).publish(client)
    finally:
        client.close()
    assert sent.created == 1
    listed = requests.get(hub.url + "/api/v1/jobs", headers=hub.headers(), timeout=10).json()
    assert "HX02" in {item["code"] for item in listed["jobs"]}
    assert "HX01" not in {item["code"] for item in listed["jobs"]}

    # The hub's job again: an upload that drops it while it is still on air holds it again,
    # and the job closed by a person stays closed.
    ctx.sessions.set_rundown([])
    upload(hub, [job("HX10", "叉车司机")])
    later = pull(ctx, hub)
    assert later.jobs_changed and later.jobs.held == 1
    assert [j.code for j in repo.withdrawn_held()] == ["HX02"]
    assert _status(ctx, "HX02") is JobStatus.OPEN
    assert _status(ctx, "HX01") is JobStatus.CLOSED


def test_a_held_job_the_hub_lists_again_is_no_longer_held(ctx, hub):
    repo = _on_show(ctx, hub)
    pull(ctx, hub)
    upload(hub, [job("HX01", "冰箱总装普工"), job("HX09", "焊工")])
    back = pull(ctx, hub)
    assert back.jobs.held == 1  # HX02 is still missing and still on air
    assert [j.code for j in repo.withdrawn_held()] == ["HX02"]
    assert _status(ctx, "HX01") is JobStatus.OPEN
