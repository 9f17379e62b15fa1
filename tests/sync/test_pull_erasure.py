"""The desktop against a real hub (SQLite and PostgreSQL): page sign-ups arrive masked, and an
erasure on the hub erases the desktop's own copies on its next sync."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import requests

from hostdesk import app
from hostdesk.core.jobs import Job
from hostdesk.core.registrations import RegistrationDraft, RegQuery
from hostdesk.hub.db import HubDB
from hostdesk.hub.retention import purge_expired
from tests.hub.test_access import name_of, page_signup
from tests.hub.test_api import TIMEOUT, post
from tests.sync.conftest import FAST, phone


def sync(ctx, hub):
    worker = app.build_sync(ctx, hub_url=hub.url, hub_token=hub.token, **FAST)
    status, ok = worker.run_once()
    assert ok
    return status


def local_text(ctx) -> str:
    """Every value the desktop's registrations and outbox hold, as one string."""
    with sqlite3.connect(ctx.db.path) as conn:
        regs = conn.execute("SELECT * FROM registrations").fetchall()
        events = conn.execute("SELECT payload, last_error FROM outbox").fetchall()
    return repr(regs) + repr(events)


def outbox_states(ctx, reg_id: str) -> list[str]:
    with sqlite3.connect(ctx.db.path) as conn:
        rows = conn.execute(
            "SELECT state FROM outbox WHERE registration_id = ? ORDER BY id", (reg_id,)
        ).fetchall()
    return [r[0] for r in rows]


def test_page_signups_arrive_masked_and_erasures_reach_the_desktop(ctx, hub):
    r = requests.put(
        hub.url + "/api/v1/jobs", json={"jobs": [{"code": "J9", "title": "普工"}]},
        headers=hub.admin_headers, timeout=TIMEOUT,
    )  # fmt: skip
    assert r.status_code == 200, r.text
    ctx.jobs.upsert_many([Job(code="J9", title="普工")])
    mine = ctx.registrations.save(
        RegistrationDraft(job_code="J9", name="王小明", phone=phone(5), age=30),
        override_phone_warning=True,
    )
    me = name_of(hub, hub.token)
    on_page = page_signup(hub, me, 5, "王小明")  # the same person on the page, credited here
    other = page_signup(hub, me, 6, "欧阳锋")
    elsewhere = page_signup(hub, None, 7, "路人甲")  # credited to no PC: never sent here
    sync(ctx, hub)

    local = {reg.id: reg for reg in ctx.registrations.list(RegQuery())}
    assert set(local) == {mine.id, on_page["client_id"], other["client_id"]}
    page_copy = local[other["client_id"]]
    assert (page_copy.name, page_copy.phone, page_copy.phone_hash) == ("欧**", "139****0006", "")
    assert page_copy.job_code == "J9"
    text = local_text(ctx)
    assert phone(6) not in text and "欧阳锋" not in text and phone(7) not in text
    assert elsewhere["client_id"] not in text

    # A change typed here, not yet sent, when the person asks the agency to be forgotten.
    ctx.registrations.amend(mine.id, {"note": "晚班"})
    r = post(hub, "/api/v1/erasures", {"phone": phone(5)}, hub.admin_token)
    assert r.json() == {"count": 2}
    sync(ctx, hub)

    for reg_id in (mine.id, on_page["client_id"]):
        gone = ctx.registrations.get(reg_id)
        assert gone.erased_at is not None and (gone.name, gone.phone, gone.note) == ("", "", "")
        assert gone.age is None
    assert set(outbox_states(ctx, mine.id)) == {"acked"}  # nothing left to send or to attend
    text = local_text(ctx)
    assert phone(5) not in text and "王小明" not in text and "晚班" not in text
    assert ctx.registrations.get(other["client_id"]).name == "欧**"  # someone else: kept

    # The next sync changes nothing and brings nothing back.
    sync(ctx, hub)
    assert ctx.registrations.get(mine.id).name == "" and phone(5) not in local_text(ctx)


def test_the_hubs_retention_purge_erases_the_desktops_copies_on_its_next_pull(ctx, hub):
    r = requests.put(
        hub.url + "/api/v1/jobs", json={"jobs": [{"code": "J9", "title": "普工"}]},
        headers=hub.admin_headers, timeout=TIMEOUT,
    )  # fmt: skip
    assert r.status_code == 200, r.text
    ctx.jobs.upsert_many([Job(code="J9", title="普工")])
    mine = ctx.registrations.save(
        RegistrationDraft(job_code="J9", name="王小明", phone=phone(5), age=30),
        override_phone_warning=True,
    )
    on_page = page_signup(hub, name_of(hub, hub.token), 6, "欧阳锋")
    sync(ctx, hub)
    assert ctx.registrations.get(on_page["client_id"]).name == "欧**"

    db = HubDB(hub.db_url)
    try:  # what the hub's retention loop does once these are older than its period
        assert purge_expired(db, 180, now=datetime.now(UTC) + timedelta(days=181)) == 2
    finally:
        db.close()
    sync(ctx, hub)

    for reg_id in (mine.id, on_page["client_id"]):
        gone = ctx.registrations.get(reg_id)
        assert gone.erased_at is not None and (gone.name, gone.phone) == ("", ""), reg_id
        assert gone.status.value == "active"  # still counted, as on the hub
    assert phone(5) not in local_text(ctx) and "王小明" not in local_text(ctx)
