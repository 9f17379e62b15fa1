"""hostdesk.hub.leads on a real database (SQLite file and PostgreSQL), without a server: the
list's capped count, the indexes it relies on, the filter choices."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert, select, text

from hostdesk.hub import leads
from hostdesk.hub.db import HubDB
from hostdesk.hub.models import LEAD_DESK_INDEXES, REGS
from hostdesk.hub.staff import Staff

REC = Staff(1, "rec", "recruiter", "", "")


@pytest.fixture
def db(hub_db_url):
    db = HubDB(hub_db_url)
    db.create_schema()
    yield db
    db.close()


def _fill(db: HubDB, n: int) -> None:
    now = datetime.now(UTC)
    rows = []
    for i in range(n):
        at = (now - timedelta(seconds=n - i)).isoformat(timespec="microseconds")
        rows.append({
            "client_id": str(uuid.uuid4()), "origin": "device", "device": f"pc-{i % 3}",
            "job_code": f"J{i % 7}", "session_id": f"S{i // 100}", "name": "张三",
            "phone": f"139{i:08d}", "source": "phone", "status": "active", "created_at": at,
            "updated_at": at, "consented_at": at, "seq": i + 1,
        })  # fmt: skip
    with db.write() as conn:
        conn.info.pop("seq", None)
        conn.execute(insert(REGS), rows)


def test_the_count_stops_at_a_thousand_and_grows_with_the_page(db):
    _fill(db, 1100)
    first = leads.list_leads(db, REC, leads.Filters())
    assert (first.total, first.more, len(first.rows)) == (leads.COUNT_MAX, True, leads.PAGE_SIZE)
    far = leads.list_leads(db, REC, leads.Filters(page=21))  # counted far enough for a next page
    assert (far.total, far.more, far.page) == (1050, True, 21)
    assert len(far.rows) == 50
    last = leads.list_leads(db, REC, leads.Filters(page=99))
    assert (last.total, last.more, last.page, len(last.rows)) == (1100, False, 22, 50)
    narrow = leads.list_leads(db, REC, leads.Filters(job="J3"))
    assert (narrow.total, narrow.more) == (len(range(3, 1100, 7)), False)
    assert {r["job_code"] for r in narrow.rows} == {"J3"}
    # newest first
    assert [r["created_at"] for r in first.rows] == sorted((r["created_at"] for r in first.rows), reverse=True)  # fmt: skip


def test_searches_by_number_use_their_indexes(db):
    _fill(db, 300)
    tail = leads.list_leads(db, REC, leads.Filters(q="0123"))
    assert [r["id"] for r in tail.rows] == [124]  # 13900000123, masked on the page
    assert tail.rows[0]["phone"] == "139****0123"
    assert leads.list_leads(db, REC, leads.Filters(q="13900000123")).total == 1
    assert leads.list_leads(db, REC, leads.Filters(q="123")).total == 0  # not a tail of four
    with db.read() as conn:
        if db.dialect == "sqlite":
            where = leads.PHONE_TAIL == "0123"
            query = select(REGS.c.id).where(where).compile(
                dialect=conn.dialect, compile_kwargs={"literal_binds": True})  # fmt: skip
            plan = " ".join(str(r) for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {query}"))
            assert "ix_registrations_phone_tail" in plan, plan
        names = {
            r[0] for r in conn.execute(text(
                "SELECT name FROM sqlite_master WHERE type = 'index'" if db.dialect == "sqlite"
                else "SELECT indexname FROM pg_indexes WHERE tablename = 'registrations'"))
        }  # fmt: skip
    assert {ddl.split()[5] for ddl in LEAD_DESK_INDEXES} <= names


def test_the_filters_offer_the_newest_shows_and_pcs(db):
    _fill(db, 250)
    choices = leads.distinct_values(db, REC)
    assert choices["session"] == ["S2", "S1", "S0"]
    assert choices["device"] == ["pc-0", "pc-1", "pc-2"]
    assert "qr" in choices["source"]
    assert leads.distinct_values(db, Staff(2, "e", "employer", "X", "")) == {
        "session": [], "device": [], "source": list(leads.SOURCES)}  # fmt: skip


def test_the_list_names_the_catalogues_current_companies(db):
    from hostdesk.hub import catalogue

    _fill(db, 10)
    for company in ("美的冰箱厂", "美的集团"):  # the catalogue replaced: the desk follows at once
        with db.write() as conn:
            conn.info.pop("seq", None)
            catalogue.replace_all(conn, [{"code": f"J{n}", "title": "普工", "company": company}
                                         for n in range(7)], by="test")  # fmt: skip
        page = leads.list_leads(db, REC, leads.Filters())
        assert {r["company"] for r in page.rows} == {company}
        assert leads.list_leads(db, REC, leads.Filters(employer=company)).total == 10


def test_the_filter_choices_are_reused_for_a_few_seconds(db, monkeypatch):
    _fill(db, 100)
    assert leads.distinct_values(db, REC)["session"] == ["S0"]
    _fill_more = [{"client_id": str(uuid.uuid4()), "origin": "device", "device": "pc-new",
                   "job_code": "J1", "session_id": "S-NEW", "name": "李四", "phone": "13700000000",
                   "source": "qr", "status": "active", "created_at": "2030-01-01T00:00:00+00:00",
                   "updated_at": "2030-01-01T00:00:00+00:00", "consented_at": "2030-01-01T00:00:00+00:00",
                   "seq": 1000}]  # fmt: skip
    with db.write() as conn:
        conn.info.pop("seq", None)
        conn.execute(insert(REGS), _fill_more)
    assert leads.distinct_values(db, REC)["session"] == ["S0"]  # within CHOICES_TTL
    monkeypatch.setattr(leads, "CHOICES_TTL", 0.0)
    assert leads.distinct_values(db, REC)["session"] == ["S0", "S-NEW"]
