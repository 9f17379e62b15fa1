"""The pull against a real hub process: catalogue with ETag/304 and conflicts, hub sign-ups by cursor."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from hostdesk import app
from hostdesk.core.registrations import RegistrationDraft, RegQuery, Source, SyncState
from hostdesk.services.registrations import load_or_create_key
from hostdesk.store.hub_repo import JOBS_ETAG, REGISTRATIONS_CURSOR, HubRepository
from hostdesk.sync.client import HubClient, HubRefused
from hostdesk.sync.pull import Puller
from tests.sync.pull_hub import HubProcess, job

PHONES = ("13800138001", "13900139002", "13700137003", "13600136004")


@pytest.fixture
def hub(tmp_path):
    process = HubProcess(tmp_path / "hub").start()
    yield process
    process.stop()


def make_puller(ctx) -> Puller:
    return Puller(HubRepository(ctx.db), ctx.registrations.repo, load_or_create_key(ctx.data_dir))


def pull(ctx, hub: HubProcess, token: str | None = None):
    client = HubClient(hub.url, token or hub.device_token)
    try:
        return make_puller(ctx).pull(client)
    finally:
        client.close()


def outbox_count(ctx) -> int:
    with sqlite3.connect(ctx.db.path) as conn:
        return conn.execute("SELECT count(*) FROM outbox").fetchone()[0]


def test_catalogue_pulled_with_etag_then_304(ctx, hub):
    etag = hub.put_jobs([job("HX01", "冰箱总装普工"), job("HX02", "注塑操作工")])

    first = pull(ctx, hub)
    assert first.jobs_changed and first.jobs.created == 2
    assert {j.code: j.title for j in ctx.jobs.list_jobs()} == {
        "HX01": "冰箱总装普工",
        "HX02": "注塑操作工",
    }
    assert HubRepository(ctx.db).state()[JOBS_ETAG] == etag
    with sqlite3.connect(ctx.db.path) as conn:
        assert set(conn.execute("SELECT origin FROM jobs").fetchall()) == {("hub",)}

    second = pull(ctx, hub)  # If-None-Match → 304: nothing read, nothing written
    assert not second.jobs_changed and second.jobs.created == second.jobs.updated == 0

    hub.put_jobs([job("HX01", "冰箱总装普工（急招）"), job("HX02", "注塑操作工")])
    third = pull(ctx, hub)
    assert third.jobs_changed and third.jobs.updated == 1 and third.jobs.unchanged == 1
    assert ctx.jobs.get("HX01").title == "冰箱总装普工（急招）"


def test_local_edit_of_a_hub_job_is_kept_and_the_conflict_shown(ctx, hub):
    hub.put_jobs([job("HX01", "冰箱总装普工"), job("HX02", "注塑操作工"), job("HX03", "仓管")])
    pull(ctx, hub)
    ctx.jobs.update(replace(ctx.jobs.get("HX01"), title="冰箱总装普工（本地改）"))
    ctx.jobs.update(replace(ctx.jobs.get("HX03"), shift="长白班"))

    # The hub changes HX01 (edited here too) and HX02 (not edited here); HX03 stays as it was.
    hub.put_jobs(
        [job("HX01", "冰箱总装（总部改）"), job("HX02", "注塑操作工（新）"), job("HX03", "仓管")]
    )
    result = pull(ctx, hub)

    assert result.jobs.conflicts == 1 and result.conflicts_open == 1
    assert result.jobs.updated == 1 and result.jobs.kept_local == 1
    assert ctx.jobs.get("HX01").title == "冰箱总装普工（本地改）"  # never silently overwritten
    assert ctx.jobs.get("HX02").title == "注塑操作工（新）"
    assert ctx.jobs.get("HX03").shift == "长白班"  # local edit, hub unchanged: kept, no conflict
    [conflict] = HubRepository(ctx.db).conflicts()
    assert conflict.code == "HX01"
    assert (
        conflict.mine.title == "冰箱总装普工（本地改）"
        and conflict.theirs.title == "冰箱总装（总部改）"
    )

    # Pulling again (304, or the same catalogue) neither duplicates nor drops the conflict.
    assert pull(ctx, hub).conflicts_open == 1

    repo = HubRepository(ctx.db)
    assert repo.resolve("HX01", True, datetime.now(UTC))
    assert ctx.jobs.get("HX01").title == "冰箱总装（总部改）"
    assert repo.conflict_count() == 0
    assert not repo.resolve("HX01", True, datetime.now(UTC))  # nothing left to resolve


def test_keep_mine_holds_until_the_hub_changes_the_job_again(ctx, hub):
    hub.put_jobs([job("HX01", "普工")])
    pull(ctx, hub)
    ctx.jobs.update(replace(ctx.jobs.get("HX01"), title="普工（我的）"))
    hub.put_jobs([job("HX01", "普工（总部一）")])
    assert pull(ctx, hub).conflicts_open == 1

    repo = HubRepository(ctx.db)
    assert repo.resolve("HX01", False, datetime.now(UTC))
    assert ctx.jobs.get("HX01").title == "普工（我的）"
    hub.put_jobs([job("HX01", "普工（总部一）"), job("HX09", "新岗位")])  # HX01 unchanged there
    assert pull(ctx, hub).conflicts_open == 0
    assert ctx.jobs.get("HX01").title == "普工（我的）"

    hub.put_jobs([job("HX01", "普工（总部二）"), job("HX09", "新岗位")])
    assert pull(ctx, hub).conflicts_open == 1
    assert ctx.jobs.get("HX01").title == "普工（我的）"


def test_a_local_job_with_the_hubs_code_is_a_conflict_not_an_overwrite(ctx, hub):
    from hostdesk.core.jobs import Job

    ctx.jobs.insert(Job(code="HX01", title="我自己建的岗位"))
    hub.put_jobs([job("HX01", "总部的岗位")])
    result = pull(ctx, hub)
    assert result.jobs.conflicts == 1
    assert ctx.jobs.get("HX01").title == "我自己建的岗位"
    [conflict] = HubRepository(ctx.db).conflicts()
    assert conflict.local_origin


def test_hub_signups_pulled_once_never_echoed(ctx, hub):
    hub.put_jobs([job("HX01", "冰箱总装普工")])
    made = [
        hub.signup(
            job_code="HX01", job_title="冰箱总装普工", name="扫码甲", phone=PHONES[0], age=25
        ),
        hub.signup(job_code="HX01", job_title="冰箱总装普工", name="扫码乙", phone=PHONES[1]),
    ]
    result = pull(ctx, hub)
    assert result.registrations.inserted == 2

    local = {r.id: r for r in ctx.registrations.list(RegQuery())}
    assert set(local) == {m["client_id"] for m in made}
    for reg in local.values():
        assert reg.source is Source.QR and reg.sync_state is SyncState.ACKED
    # The hub sends a device its page sign-ups masked; the job and the age are kept.
    first = local[made[0]["client_id"]]
    assert (first.name, first.phone, first.age) == ("扫**", "138****8001", 25)
    assert first.job_code == "HX01" and first.phone_hash == ""
    assert outbox_count(ctx) == 0  # no event: nothing to send back

    again = pull(ctx, hub)  # idempotent: the cursor moved past them
    assert again.registrations.inserted == 0 and again.registrations.updated == 0
    assert ctx.registrations.count() == 2

    # A push of a sign-up typed here leaves the hub's own rows exactly as they were.
    before = {r["client_id"]: r for r in hub.registrations()}
    ctx.registrations.save(RegistrationDraft(job_code="HX01", name="电话丙", phone=PHONES[2]))
    assert outbox_count(ctx) == 1
    worker = app.build_sync(ctx, hub_url=hub.url, hub_token=hub.device_token)
    status, ok = worker.run_once()
    assert ok and status.unsynced == 0 and status.attention == 0
    after = {r["client_id"]: r for r in hub.registrations()}
    assert len(after) == 3
    for client_id, row in before.items():
        assert after[client_id] == row  # not echoed: same version, same cursor
    assert sum(1 for r in after.values() if r["origin"] == "hub") == 2
    assert outbox_count(ctx) == 1
    # The worker's own pull (after its push) brings nothing new and sends nothing back.
    assert ctx.registrations.count() == 3


def test_cursor_survives_a_restart(data_dir, hub):
    hub.put_jobs([job("HX01", "普工")])
    hub.signup(job_code="HX01", job_title="普工", name="第一位", phone=PHONES[0])
    ctx = app.build(data_dir)
    try:
        assert pull(ctx, hub).registrations.inserted == 1
        cursor = HubRepository(ctx.db).state()[REGISTRATIONS_CURSOR]
    finally:
        ctx.close()

    hub.stop()
    hub.start()  # the hub restarts too; its data stays
    hub.signup(job_code="HX01", job_title="普工", name="第二位", phone=PHONES[1])
    ctx = app.build(data_dir)  # a new process would open the same file the same way
    try:
        assert HubRepository(ctx.db).state()[REGISTRATIONS_CURSOR] == cursor
        result = pull(ctx, hub)
        assert result.registrations.inserted == 1 and result.registrations.skipped == 0
        assert sorted(r.phone for r in ctx.registrations.list(RegQuery())) == [
            "138****8001", "139****9002",
        ]  # fmt: skip
        assert int(HubRepository(ctx.db).state()[REGISTRATIONS_CURSOR]) > int(cursor)
    finally:
        ctx.close()


def test_pages_and_a_newer_hub_version(ctx, hub):
    hub.put_jobs([job("HX01", "普工")])
    made = [
        hub.signup(job_code="HX01", job_title="普工", name=f"扫码{i}", phone=f"1380013800{i}")
        for i in range(5)
    ]
    client = HubClient(hub.url, hub.device_token)
    try:
        puller = Puller(
            HubRepository(ctx.db), ctx.registrations.repo, load_or_create_key(ctx.data_dir),
            page_limit=2,
        )  # fmt: skip
        result = puller.pull(client)
    finally:
        client.close()
    assert result.registrations.inserted == 5 and not result.more
    assert ctx.registrations.count() == 5

    # A re-pull that meets a newer version of a row applies it; an older or equal one does not.
    reg = ctx.registrations.get(made[0]["client_id"])
    item = {
        "client_id": reg.id, "job_code": "HX01", "job_title": "普工", "session_id": "",
        "name": "扫码0改", "phone": "13800138000", "age": None, "source": "qr",
        "consent_method": "checkbox", "notice_version": "2026-11",
        "consented_at": reg.consented_at.isoformat(), "status": "withdrawn", "version": 2,
        "origin": "hub", "device": None, "created_at": reg.created_at.isoformat(),
        "updated_at": reg.updated_at.isoformat(), "cursor": 99,
    }  # fmt: skip
    from hostdesk.sync.pull import hub_registration

    key = load_or_create_key(ctx.data_dir)
    repo = ctx.registrations.repo
    now = datetime.now(UTC)
    assert repo.upsert_from_hub([hub_registration(item, key, 2026)], {}, now).updated == 1
    assert ctx.registrations.get(reg.id).name == "扫码0改"
    assert str(ctx.registrations.get(reg.id).status) == "withdrawn"
    stale = hub_registration({**item, "name": "旧的", "version": 1}, key, 2026)
    assert repo.upsert_from_hub([stale], {}, now).skipped == 1
    assert ctx.registrations.get(reg.id).name == "扫码0改"
    assert repo.hub_version(reg.id) == 2
    # The hub's item with a bad phone is skipped, not stored.
    assert hub_registration({**item, "phone": "12345"}, key, 2026) is None
    assert hub_registration({**item, "origin": "device"}, key, 2026) is None


def test_a_wrong_token_stops_the_pull_with_a_reason(ctx, hub):
    hub.put_jobs([job("HX01", "普工")])
    with pytest.raises(HubRefused) as caught:
        pull(ctx, hub, token="hd_not_a_token")
    assert caught.value.reason == "unauthorized"
    assert ctx.jobs.count() == 0


def test_no_personal_data_in_the_log(ctx, hub, caplog):
    hub.put_jobs([job("HX01", "普工")])
    hub.signup(job_code="HX01", job_title="普工", name="隐私测试", phone=PHONES[3])
    with caplog.at_level("DEBUG"):
        pull(ctx, hub)
    text = caplog.text + json.dumps([r.getMessage() for r in caplog.records], ensure_ascii=False)
    assert PHONES[3] not in text and "隐私测试" not in text


def test_retention_erases_pulled_signups_too(ctx, hub):
    hub.put_jobs([job("HX01", "普工")])
    hub.signup(job_code="HX01", job_title="普工", name="到期的人", phone=PHONES[2])
    pull(ctx, hub)
    later = datetime.now(UTC).replace(year=datetime.now(UTC).year + 1)
    assert ctx.registrations.purge_expired(30, now=later) == 1  # the hub has it: no event needed
    [reg] = ctx.registrations.list(RegQuery())
    assert reg.name == "" and reg.phone == "" and reg.erased_at is not None
    assert pull(ctx, hub).registrations.inserted == 0  # and a re-pull does not bring it back


def test_the_pull_learns_this_pcs_name_and_the_employer_tick(ctx, hub):
    # The name goes into the sign-up links ({device}); the tick into the export.
    from hostdesk.sheets.registrations_export import EXPORT_HEADERS, export_row
    from hostdesk.store.hub_repo import DEVICE_NAME

    hub.put_jobs([job("HX01", "冰箱总装普工")])
    yes = hub.signup(job_code="HX01", name="扫码甲", phone=PHONES[0], employer_consent=True)
    no = hub.signup(job_code="HX01", name="扫码乙", phone=PHONES[1])
    pull(ctx, hub)
    assert HubRepository(ctx.db).state()[DEVICE_NAME] == "studio-1"
    local = {r.id: r for r in ctx.registrations.list(RegQuery())}
    assert local[yes["client_id"]].employer_consent is True
    assert local[no["client_id"]].employer_consent is False
    column = EXPORT_HEADERS.index("同意提供给用人单位")
    assert export_row(local[yes["client_id"]])[column] == "是"
    assert export_row(local[no["client_id"]])[column] == "否"

    # Another token (another PC's) in this data dir: asked again, not the old name kept.
    other = HubClient(hub.url, hub.admin_token)
    try:
        assert make_puller(ctx).learn_device_name(other) == "office"
    finally:
        other.close()
    assert HubRepository(ctx.db).state()[DEVICE_NAME] == "office"
