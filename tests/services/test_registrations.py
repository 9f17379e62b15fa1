"""The registration service on a real database: save, duplicates, amend, withdraw, retention,
the hostile-input corpus, and a disk that refuses writes."""

from __future__ import annotations

import json
import sqlite3
import stat
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlmodel import create_engine

from hostdesk.core.jobs import Job, JobStatus
from hostdesk.core.registrations import (
    ConsentMethod,
    EventType,
    RegistrationDraft,
    RegQuery,
    RegStatus,
    Source,
    SyncState,
)
from hostdesk.services.registrations import (
    KEY_FILE,
    DuplicateRegistration,
    PhoneWarningNotConfirmed,
    RegistrationError,
    RegistrationNotFound,
    RegistrationService,
    RegistrationStoreError,
    load_or_create_key,
)
from hostdesk.store.db import Database
from hostdesk.store.pragmas import apply_pragmas
from hostdesk.store.registrations_repo import RegistrationRepository

CORPUS = Path(__file__).resolve().parent.parent / "data" / "hostile_registrations.json"
DRAFT_FIELDS = {f for f in RegistrationDraft.__dataclass_fields__}


@pytest.fixture
def reg(ctx):
    ctx.jobs.upsert_many(
        [
            Job(code="HX-001", title="冰箱总装普工"),
            Job(code="HX-002", title="仓库分拣员"),
            Job(code="HX-CLOSED", title="已招满岗位", status=JobStatus.CLOSED),
        ]
    )
    return ctx.registrations


def _counts(ctx) -> tuple[int, int]:
    with ctx.db.engine.connect() as conn:
        regs = conn.execute(text("SELECT count(*) FROM registrations")).scalar_one()
        events = conn.execute(text("SELECT count(*) FROM outbox")).scalar_one()
    return regs, events


def draft(**changes) -> RegistrationDraft:
    base = RegistrationDraft(job_code="HX-001", name="张三", phone="138 0013 8000", age=30)
    return replace(base, **changes)


def test_save_writes_the_row_and_one_create_event(ctx, reg):
    saved = reg.save(draft(source=Source.WALK_IN, consent_method=ConsentMethod.WRITTEN))
    assert saved.seq == 1
    assert saved.phone == "13800138000"
    assert saved.job_title == "冰箱总装普工"
    assert saved.session_id == ctx.sessions.current().id
    assert saved.status is RegStatus.ACTIVE
    assert saved.sync_state is SyncState.PENDING
    assert saved.consented_at == saved.created_at
    assert reg.get(saved.id) == saved
    [event_] = reg.events(saved.id)
    assert event_.event_type is EventType.CREATE
    assert event_.payload["id"] == saved.id
    assert event_.payload["phone"] == "13800138000"
    assert event_.payload["source"] == "walk_in"
    # A second registration gets the next sequence number.
    assert reg.save(draft(phone="13900139000")).seq == 2
    assert _counts(ctx) == (2, 2)


def test_check_reports_warnings_and_duplicates_without_writing(ctx, reg):
    first = reg.save(draft())
    check = reg.check(draft(name="李四", age=17, phone="+86 13800138000"))
    assert check.warnings == ["minor"]
    assert [r.id for r in check.duplicates] == [first.id]
    assert check.clean["phone"] == "13800138000"
    # Another job with the same phone is not a duplicate.
    assert reg.check(draft(job_code="HX-002")).duplicates == []
    assert _counts(ctx) == (1, 1)
    with pytest.raises(RegistrationError) as info:
        reg.check(draft(age=15))
    assert (info.value.field, info.value.reason) == ("age", "under_16")


def test_duplicate_needs_confirmation(ctx, reg):
    first = reg.save(draft())
    with pytest.raises(DuplicateRegistration) as info:
        reg.save(draft(name="张三丰", phone="0086 138-0013-8000"))
    assert [r.id for r in info.value.earlier] == [first.id]
    assert "13800138000" not in str(info.value)
    assert _counts(ctx) == (1, 1)
    second = reg.save(draft(name="张三丰"), confirm_duplicate=True)
    assert second.phone_hash == first.phone_hash
    # A withdrawn earlier sign-up is no longer a duplicate.
    reg.withdraw(first.id)
    assert [r.id for r in reg.check(draft()).duplicates] == [second.id]


def test_unassigned_phone_needs_override_which_is_recorded(ctx, reg):
    with pytest.raises(PhoneWarningNotConfirmed):
        reg.save(draft(phone="14000000000"))
    assert _counts(ctx) == (0, 0)
    assert reg.check(draft(phone="14000000000")).warnings == ["phone_unassigned"]
    saved = reg.save(draft(phone="14000000000"), override_phone_warning=True)
    assert saved.phone_warning_overridden is True
    assert reg.events(saved.id)[0].payload["phone_warning_overridden"] is True
    # An override given for a number that needs none records nothing.
    assert (
        reg.save(draft(phone="13900139000"), override_phone_warning=True).phone_warning_overridden
        is False
    )


def test_minor_is_stored_with_a_warning_only(reg):
    assert reg.check(draft(age=16)).warnings == ["minor"]
    assert reg.save(draft(age=16)).age == 16


def test_closed_and_unknown_jobs_are_refused(ctx, reg):
    for code, reason in (("HX-CLOSED", "job_closed"), ("NOPE", "job_unknown"), ("", "job_unknown")):
        with pytest.raises(RegistrationError) as info:
            reg.save(draft(job_code=code))
        assert (info.value.field, info.value.reason) == ("job_code", reason)
    assert _counts(ctx) == (0, 0)


def test_amend_and_withdraw_are_events_in_order(ctx, reg):
    saved = reg.save(draft(note="第一次"))
    amended = reg.amend(saved.id, {"note": "改过", "phone": "+86 139 0013 9000", "age": 31})
    assert (amended.note, amended.phone, amended.age) == ("改过", "13900139000", 31)
    assert amended.updated_at >= saved.updated_at
    assert amended.seq == saved.seq and amended.created_at == saved.created_at
    # Nothing changes: no event.
    assert reg.amend(saved.id, {"note": "  改过  "}) == amended
    withdrawn = reg.withdraw(saved.id)
    assert withdrawn.status is RegStatus.WITHDRAWN
    assert reg.withdraw(saved.id) == withdrawn  # again: no new event
    events = reg.events(saved.id)
    assert [e.event_type for e in events] == [EventType.CREATE, EventType.AMEND, EventType.WITHDRAW]
    assert [e.id for e in events] == sorted(e.id for e in events)
    assert events[1].payload["changed"] == ["phone", "age", "note"]
    assert events[1].payload["note"] == "改过"
    assert events[0].payload["note"] == "第一次"  # the earlier event is untouched
    assert events[2].payload["status"] == "withdrawn"
    stored = reg.get(saved.id)
    assert (stored.note, stored.phone, stored.status) == (
        "改过",
        "13900139000",
        RegStatus.WITHDRAWN,
    )
    with pytest.raises(RegistrationError) as info:
        reg.amend(saved.id, {"note": "再改"})
    assert info.value.reason == "withdrawn"
    assert _counts(ctx) == (1, 3)


def test_amend_validates_and_writes_nothing_on_error(ctx, reg):
    saved = reg.save(draft())
    for changes, reason in (
        ({"name": "  "}, "name_missing"),
        ({"age": 12}, "under_16"),
        ({"job_code": "HX-CLOSED"}, "job_closed"),
        ({"note": "x\x00"}, "invalid_char"),
    ):
        with pytest.raises(RegistrationError) as info:
            reg.amend(saved.id, changes)
        assert info.value.reason == reason
    with pytest.raises(PhoneWarningNotConfirmed):
        reg.amend(saved.id, {"phone": "14000000000"})
    with pytest.raises(ValueError):
        reg.amend(saved.id, {"seq": 9})
    with pytest.raises(RegistrationNotFound):
        reg.amend("no-such-id", {"note": "x"})
    with pytest.raises(RegistrationNotFound):
        reg.withdraw("no-such-id")
    assert reg.get(saved.id) == saved
    assert _counts(ctx) == (1, 1)
    moved = reg.amend(saved.id, {"job_code": "HX-002"})
    assert (moved.job_code, moved.job_title) == ("HX-002", "仓库分拣员")
    overridden = reg.amend(saved.id, {"phone": "14000000000"}, override_phone_warning=True)
    assert overridden.phone_warning_overridden is True


def test_list_filters_search_and_count(ctx, reg):
    t0 = datetime(2026, 5, 1, 12, tzinfo=UTC)
    now = [t0]
    reg._clock = lambda: now[0]
    a = reg.save(draft(name="张三", note="夜班可以", source=Source.PHONE))
    now[0] += timedelta(minutes=1)
    b = reg.save(draft(name="李四", phone="13912345678", job_code="HX-002", source=Source.DM))
    now[0] += timedelta(minutes=1)
    c = reg.save(draft(name="王五%_", phone="13700001111", source=Source.DM))
    assert [r.id for r in reg.list()] == [c.id, b.id, a.id]  # newest first
    assert [r.id for r in reg.list(RegQuery(text="5678"))] == [b.id]
    assert [r.id for r in reg.list(RegQuery(text="139 1234"))] == [b.id]
    assert [r.id for r in reg.list(RegQuery(text="夜班"))] == [a.id]
    assert [r.id for r in reg.list(RegQuery(text="仓库"))] == [b.id]  # job title
    assert [r.id for r in reg.list(RegQuery(text="hx-002"))] == [b.id]  # job code
    assert [r.id for r in reg.list(RegQuery(text="%_"))] == [c.id]  # wildcards are literal
    assert [r.id for r in reg.list(RegQuery(source="dm"))] == [c.id, b.id]
    assert [r.id for r in reg.list(RegQuery(job_code="HX-001"))] == [c.id, a.id]
    assert [r.id for r in reg.list(RegQuery(session_id=a.session_id))] == [c.id, b.id, a.id]
    assert reg.list(RegQuery(session_id="other")) == []
    since = RegQuery(since=t0 + timedelta(minutes=1), until=t0 + timedelta(minutes=2))
    assert [r.id for r in reg.list(since)] == [b.id]
    assert [r.id for r in reg.list(RegQuery(limit=1, offset=1))] == [b.id]
    assert reg.count(RegQuery(source="dm")) == 2
    assert reg.count() == 3


def test_retention_erases_only_old_fully_acked_rows(ctx, reg):
    now = datetime(2026, 11, 1, tzinfo=UTC)
    reg._clock = lambda: now - timedelta(days=200)
    old_acked = reg.save(draft(note="旧", current_city="深圳", expected_city="上海"))
    old_pending = reg.save(draft(phone="13900139000"))
    old_amended = reg.save(draft(phone="13700137000"))
    reg.amend(old_amended.id, {"note": "改"})  # its newest event is not acked yet
    reg._clock = lambda: now - timedelta(days=10)
    new_acked = reg.save(draft(phone="13600136000"))
    with ctx.db.engine.begin() as conn:
        conn.execute(
            text("UPDATE outbox SET state='acked' WHERE registration_id IN (:a, :b)"),
            {"a": old_acked.id, "b": new_acked.id},
        )
        conn.execute(
            text(
                "UPDATE outbox SET state='acked' WHERE registration_id = :c AND event_type='create'"
            ),
            {"c": old_amended.id},
        )
    before = _counts(ctx)
    assert reg.purge_expired(180, now=now) == 1
    erased = reg.get(old_acked.id)
    assert (erased.name, erased.phone, erased.phone_hash, erased.note) == ("", "", "", "")
    assert (erased.current_city, erased.expected_city) == ("", "")
    assert erased.erased_at == now
    # The record and its counts stay: job, session, source, age, times.
    assert (erased.job_code, erased.age, erased.source) == ("HX-001", 30, Source.PHONE)
    assert _counts(ctx) == before
    assert reg.count(RegQuery(job_code="HX-001")) == 4
    # The acked event no longer carries the personal data either.
    assert reg.events(old_acked.id)[0].payload == {"id": old_acked.id, "erased": True}
    for untouched in (old_pending, old_amended, new_acked):
        assert reg.get(untouched.id).name == "张三"
        assert reg.get(untouched.id).erased_at is None
    assert reg.purge_expired(180, now=now) == 0  # idempotent
    assert old_acked.id not in {r.id for r in reg.list(RegQuery(text="旧"))}
    assert old_acked.id in {r.id for r in reg.list(RegQuery(text="冰箱"))}  # job title stays
    with pytest.raises(RegistrationError) as info:
        reg.amend(old_acked.id, {"note": "x"})
    assert info.value.reason == "erased"
    # Neither in the row nor in any event, nor left in the file's free space or the WAL.
    ctx.close()
    for suffix in ("", "-wal"):
        path = ctx.db.path.with_name(ctx.db.path.name + suffix)
        if path.exists():
            assert "深圳".encode() not in path.read_bytes(), suffix


# -- hostile inputs -------------------------------------------------------------------------


def _corpus() -> list[dict]:
    return json.loads(CORPUS.read_text(encoding="utf-8"))["entries"]


def test_corpus_is_large_and_varied():
    entries = _corpus()
    assert len(entries) >= 100
    expects = {e["expect"] for e in entries}
    assert {
        "stored",
        "invalid_char",
        "name_missing",
        "phone_not_mobile",
        "note_too_long",
    } <= expects
    phones = [e["phone"] for e in entries]
    assert len(phones) == len(set(phones))


def test_hostile_corpus_is_stored_exactly_or_rejected_with_its_reason(ctx, reg):
    problems = []
    for entry in _corpus():
        fields = {k: v for k, v in entry.items() if k in DRAFT_FIELDS}
        before = _counts(ctx)
        try:
            saved = reg.save(
                RegistrationDraft(**fields),
                override_phone_warning=entry.get("override_phone_warning", False),
            )
        except (RegistrationError, PhoneWarningNotConfirmed) as exc:
            outcome = exc.reason
            if _counts(ctx) != before:
                problems.append((entry["what"], "partial write"))
        else:
            outcome = "stored"
            if _counts(ctx) != (before[0] + 1, before[1] + 1):
                problems.append((entry["what"], "not one row + one event"))
            stored = reg.get(saved.id)
            for name in ("name", "note", "current_city", "expected_city", "job_code"):
                kept = entry.get(f"{name}_stored", fields.get(name, "").strip())
                if name in fields and getattr(stored, name) != kept:
                    problems.append((entry["what"], f"{name} changed"))
            if "phone_stored" in entry and stored.phone != entry["phone_stored"]:
                problems.append((entry["what"], "phone"))
            # The event carries exactly the same text.
            payload = reg.events(saved.id)[0].payload
            if payload["name"] != stored.name or payload["note"] != stored.note:
                problems.append((entry["what"], "event differs"))
        if outcome != entry["expect"]:
            problems.append((entry["what"], f"{outcome} != {entry['expect']}"))
    assert problems == []
    raw = sqlite3.connect(ctx.db.path)
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw.close()


def test_errors_never_contain_the_input(reg):
    secret_phone, secret_name = "13812345678", "秘密名字" * 10
    for bad in (
        draft(name=secret_name, phone=secret_phone),
        draft(phone=secret_phone + "9"),
        draft(note="秘密" * 300, phone=secret_phone),
    ):
        with pytest.raises(RegistrationError) as info:
            reg.save(bad)
        assert "1381234" not in str(info.value) and "秘密" not in str(info.value)
        assert "1381234" not in repr(bad) and "秘密" not in repr(bad)


# -- the key, and a disk that refuses ----------------------------------------------------------


def test_key_file_is_made_once_owner_only(ctx, data_dir):
    path = data_dir / KEY_FILE
    assert len(path.read_bytes()) == 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_or_create_key(data_dir) == path.read_bytes()
    path.write_bytes(b"short")
    with pytest.raises(RegistrationStoreError) as info:
        load_or_create_key(data_dir)
    assert info.value.reason == "key"


def test_read_only_database_fails_loudly_and_writes_nothing(ctx, reg):
    reg.save(draft())
    # Opened read-only by SQLite itself (mode=ro): root ignores file permissions, SQLite does not.
    engine = create_engine(
        f"sqlite:///file:{ctx.db.path}?mode=ro&uri=true",
        connect_args={"check_same_thread": False, "uri": True},
    )
    event.listen(engine, "connect", lambda conn, _record: apply_pragmas(conn))
    read_only = RegistrationService(
        RegistrationRepository(Database(ctx.db.path, engine)),
        ctx.jobs,
        ctx.sessions,
        load_or_create_key(ctx.data_dir),
    )
    with pytest.raises(RegistrationStoreError) as info:
        read_only.save(draft(phone="13900139000"))
    assert info.value.reason == "read_only"
    assert "13900139000" not in str(info.value)
    with pytest.raises(RegistrationStoreError):
        read_only.withdraw(reg.list()[0].id)
    engine.dispose()
    assert _counts(ctx) == (1, 1)
    assert reg.list()[0].status is RegStatus.ACTIVE


def test_disk_full_fails_loudly_and_writes_nothing(ctx, reg):
    reg.save(draft())
    engine = ctx.db.engine
    engine.dispose()

    def tiny_disk(conn, _record):  # no page beyond what the file has now
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(engine, "connect", tiny_disk)
    saved = 1
    with pytest.raises(RegistrationStoreError) as info:
        for i in range(500):
            reg.save(draft(phone=f"1390000{i:04d}", note="满" * 500))
            saved += 1
    assert info.value.reason == "disk_full"
    assert _counts(ctx) == (saved, saved)  # the failed save left nothing behind
    event.remove(engine, "connect", tiny_disk)
    engine.dispose()
    assert reg.save(draft(phone="13700137000")).seq == saved + 1


def test_save_is_refused_when_synchronous_is_not_full(ctx, reg):
    reg.save(draft())
    with ctx.db.engine.connect() as conn:  # the pooled connection the next save reuses
        conn.exec_driver_sql("PRAGMA synchronous=NORMAL")
    with pytest.raises(RegistrationStoreError) as info:
        reg.save(draft(phone="13900139000"))
    assert (info.value.reason, info.value.detail) == ("unsafe", "synchronous")
    ctx.db.engine.dispose()
    assert _counts(ctx) == (1, 1)


def test_retention_setting_is_bounded(data_dir):
    from hostdesk import config

    data_dir.mkdir(parents=True)
    (data_dir / config.SETTINGS_FILE).write_text("[registrations]\nretention_days = 365\n")
    assert config.load_settings(data_dir)[0].registrations.retention_days == 365
    (data_dir / config.SETTINGS_FILE).write_text("[registrations]\nretention_days = 7\n")
    settings, warnings = config.load_settings(data_dir)
    assert settings.registrations.retention_days == 180
    assert [w.key for w in warnings] == ["registrations.retention_days"]


def test_the_app_runs_retention_with_the_setting(ctx, reg):
    from hostdesk import app

    now = datetime(2026, 11, 1, tzinfo=UTC)
    ctx.registrations._clock = lambda: now - timedelta(days=100)
    saved = ctx.registrations.save(draft())
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE outbox SET state='acked'"))
    ctx.settings.registrations.retention_days = 180
    assert app.run_retention(ctx, now=now) == 0  # 100 days: kept
    ctx.settings.registrations.retention_days = 90
    assert app.run_retention(ctx, now=now) == 1
    assert ctx.registrations.get(saved.id).phone == ""
