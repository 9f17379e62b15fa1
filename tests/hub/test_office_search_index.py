"""The lead desk's name search through its bigram index (hostdesk.hub.search_index) on a real
SQLite file and a real PostgreSQL: the same answers as a plain LIKE, the index in the plan,
kept in step by every kind of write, made for rows stored before it, and never holding a
phone number."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, insert, or_, select, text, update

from hostdesk.hub import leads, search_index
from hostdesk.hub.db import HubDB
from hostdesk.hub.models import REGS
from hostdesk.hub.staff import Staff

REC = Staff(1, "rec", "recruiter", "", "")
NAMES = ["王建国", "李秀英", "欧阳娜娜", "张伟", "王李", "Tom Lee", "陈%静", "建国王"]


@pytest.fixture
def db(hub_db_url):
    db = HubDB(hub_db_url)
    db.create_schema()
    yield db
    db.close()


def _rows(names: list[str], start: int = 0) -> list[dict]:
    now = datetime.now(UTC)
    rows = []
    for n, name in enumerate(names, start):
        at = (now - timedelta(seconds=1000 - n)).isoformat(timespec="microseconds")
        rows.append({
            "client_id": str(uuid.uuid4()), "origin": "device", "device": "pc-1",
            "job_code": f"J{n % 3}", "job_title": ["电子厂质检", "仓库分拣员", ""][n % 3],
            "session_id": "S1", "name": name, "phone": f"1390000{n:04d}", "source": "phone",
            "status": "active", "created_at": at, "updated_at": at, "consented_at": at,
            "seq": n + 1,
        })  # fmt: skip
    return rows


def _insert(db: HubDB, rows: list[dict]) -> None:
    with db.write() as conn:
        conn.info.pop("seq", None)
        conn.execute(insert(REGS), rows)


def _found(db: HubDB, q: str) -> list[str]:
    return sorted(r["client_id"] for r in leads.list_leads(db, REC, leads.Filters(q=q)).rows)


def _scanned(db: HubDB, q: str) -> list[str]:
    """What the desk's search answered before the index: LIKE over every row."""
    pattern = f"%{leads._like(q)}%"
    with db.read() as conn:
        return sorted(conn.execute(select(REGS.c.client_id).where(or_(
            REGS.c.name.like(pattern, escape="\\"), REGS.c.job_title.like(pattern, escape="\\"),
            REGS.c.job_code == q,
        ))).scalars())  # fmt: skip


def _grams(db: HubDB) -> set[tuple[str, int]]:
    with db.read() as conn:
        return set(conn.execute(select(search_index.GRAMS.c.gram, search_index.GRAMS.c.reg_id)).all())  # fmt: skip


def _expected_grams(db: HubDB) -> set[tuple[str, int]]:
    with db.read() as conn:
        stored = conn.execute(select(REGS.c.id, REGS.c.name, REGS.c.job_title)).all()
    return {(g, r.id) for r in stored for v in (r.name, r.job_title) for g in search_index.bigrams(v)}  # fmt: skip


def test_the_index_answers_as_the_scan_did(db):
    _insert(db, _rows(NAMES * 3))
    for q in ["王李", "建国", "王建国", "欧阳娜", "娜娜", "tom", "Tom L", "陈%", "%静", "质检",
              "分拣员", "J1", "王", "国王", "李秀英X", "秀"]:  # fmt: skip
        assert _found(db, q) == _scanned(db, q), q
    assert len(_found(db, "建国")) == 6  # 王建国 and 建国王, three times each


def test_a_name_search_reads_the_index_not_every_row(db):
    _insert(db, _rows([f"{a}{b}" for a in "王李张刘陈杨黄赵吴周" for b in "明华强军平"] * 20))
    if db.dialect == "postgresql":
        with db.engine.connect() as conn:
            conn.exec_driver_sql("COMMIT")
            conn.exec_driver_sql("ANALYZE")
    query = select(REGS.c.id).where(leads._search("王明"))
    with db.read() as conn:
        compiled = query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})
        explain = "EXPLAIN QUERY PLAN" if db.dialect == "sqlite" else "EXPLAIN"
        plan = " ".join(str(r) for r in conn.exec_driver_sql(f"{explain} {compiled}"))
    assert "search_grams" in plan, plan
    if db.dialect == "sqlite":
        assert "SEARCH search_grams" in plan, plan  # by its key, not a scan of it
    assert len(_found(db, "王明")) == 20


def test_every_write_keeps_the_index_in_step(db):
    _insert(db, _rows(NAMES))
    assert _grams(db) == _expected_grams(db)
    with db.write() as conn:  # an edit from the desktop, an erasure (the name emptied)
        conn.info.pop("seq", None)
        conn.execute(update(REGS).where(REGS.c.name == "张伟").values(name="张伟伦"))
        conn.execute(update(REGS).where(REGS.c.name == "李秀英").values(name="", phone=""))
        conn.execute(delete(REGS).where(REGS.c.name == "王李"))  # retention's delete
        conn.execute(update(REGS).where(REGS.c.name == "建国王").values(note="x"))  # no name change
    assert _grams(db) == _expected_grams(db)
    assert _found(db, "伟伦") != [] and _found(db, "秀英") == [] and _found(db, "王李") == []
    assert len(_found(db, "建国")) == 2


def test_rows_stored_before_the_index_are_indexed_at_start(db):
    with db.write() as conn:  # a hub database from before this index
        conn.info.pop("seq", None)
        for trigger in ("insert", "update", "delete"):
            conn.execute(text(f"DROP TRIGGER IF EXISTS search_grams_{trigger}"
                              + ("" if db.dialect == "sqlite" else " ON registrations")))  # fmt: skip
        conn.execute(text("DROP TABLE search_grams"))
    _insert(db, _rows(NAMES))
    db.create_schema()  # the hub's next start
    assert _grams(db) == _expected_grams(db)
    assert _found(db, "娜娜") == _scanned(db, "娜娜") != []


def test_the_index_holds_no_phone_number_and_numbers_keep_their_rules(db):
    _insert(db, _rows(NAMES))
    with db.read() as conn:
        phones = set(conn.execute(select(REGS.c.phone)).scalars())
    digits = {g for g, _ in _grams(db) if any(ch.isdigit() for ch in g)}
    assert digits == set() and phones
    assert _found(db, "1390000") == []  # part of a masked number: nothing, as before
    assert len(_found(db, "0003")) == 1  # the last four digits
