"""A show started with a host reaches the hub with its room and host, once, through the
outbox and the real sync worker, on a real hub (SQLite and PostgreSQL; issue 16)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from hostdesk import app
from hostdesk.hub.db import HubDB
from hostdesk.hub.models import EVENTS, SHOWS
from tests.sync.conftest import FAST, wait_until
from tests.sync.test_takes_upstream import SETTLE, _device


def _hub_shows(hub) -> list[tuple]:
    db = HubDB(hub.db_url)
    try:
        with db.read() as conn:
            rows = conn.execute(select(SHOWS).order_by(SHOWS.c.started_at)).all()
            events = sorted(conn.execute(select(EVENTS.c.type)).scalars())
    finally:
        db.close()
    shows = [
        (r.session_code, r.device, r.platform, r.room, r.host, datetime.fromisoformat(r.started_at),
         datetime.fromisoformat(r.ended_at) if r.ended_at else None)
        for r in rows
    ]  # fmt: skip
    return shows, events


def _acked(ctx) -> int:
    with ctx.db.engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT count(*) FROM outbox WHERE event_type LIKE 'show_%' AND state = 'acked'"
        ).scalar_one()


def test_a_show_started_with_a_host_reaches_the_hub_with_room_and_host(ctx, hub):
    worker = app.build_sync(
        ctx, None, hub_url=hub.url, hub_token=hub.token, **{**FAST, "make_pull": None}
    )
    worker.start()
    try:
        first = ctx.sessions.start("douyin", "  青岛招聘直播间 ", host=" 蔚姐 ")
        ended = ctx.sessions.stop()
        second = ctx.sessions.start("kuaishou", "烟台专场")  # no host said: still a show
        worker.notify()
        assert wait_until(lambda: _acked(ctx) == 3, SETTLE), _acked(ctx)
    finally:
        worker.stop()
    device = _device(hub)
    shows, events = _hub_shows(hub)
    assert shows == [
        (first.id, device, "douyin", "青岛招聘直播间", "蔚姐", first.started_at, ended.ended_at),
        (second.id, device, "kuaishou", "烟台专场", "", second.started_at, None),
    ]
    assert events == ["show_end", "show_start", "show_start"]  # each once
    # The store keeps the host on the session, for the desktop's own report.
    assert ctx.sessions.repo.get(first.id).host == "蔚姐"
