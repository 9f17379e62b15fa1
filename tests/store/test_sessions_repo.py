"""Sessions and rundowns on a real SQLite file: round trips, atomic edits, one open session."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from hostdesk.core.sessions import Platform, Session, SessionError, SessionState
from hostdesk.store import migrations
from hostdesk.store.db import open_database
from hostdesk.store.jobs_repo import JobRepository
from hostdesk.store.sessions_repo import SessionRepository
from hostdesk.store.takes_repo import TakeRepository

T0 = datetime(2024, 8, 26, 12, 0, tzinfo=UTC)


@pytest.fixture
def database(tmp_path):
    db = open_database(tmp_path / "h.db")
    yield db
    db.close()


def _maker(*ids, at=T0):
    queue = list(ids)
    return lambda: Session(id=queue.pop(0), created_at=at)


def test_session_round_trip_survives_reopening(tmp_path):
    db = open_database(tmp_path / "h.db")
    repo = SessionRepository(db)
    session, created = repo.open_or_create(_maker("aaaa1111"))
    assert created and session.state is SessionState.PLANNED
    started = repo.update(
        session.id, lambda s: s.start("channels", "蔚姐直播间", T0 + timedelta(minutes=1))
    )
    db.close()
    reopened = open_database(tmp_path / "h.db")
    stored = SessionRepository(reopened).get("aaaa1111")
    reopened.close()
    assert stored == started
    assert (stored.platform, stored.room, stored.state) == (
        Platform.CHANNELS, "蔚姐直播间", SessionState.LIVE,
    )  # fmt: skip
    assert stored.created_at == T0 and stored.started_at == T0 + timedelta(minutes=1)


def test_open_session_is_returned_not_duplicated(database):
    repo = SessionRepository(database)
    first, created = repo.open_or_create(_maker("aaaa1111"))
    again, created_again = repo.open_or_create(_maker("bbbb2222"))
    assert created and not created_again and again == first
    assert [s.id for s in repo.list_sessions()] == ["aaaa1111"]


def test_taken_id_is_drawn_again(database):
    repo = SessionRepository(database)
    first, _ = repo.open_or_create(_maker("aaaa1111"))
    repo.update(first.id, lambda s: s.start("douyin", "r", T0))
    repo.update(first.id, lambda s: s.end(T0))
    second, created = repo.open_or_create(_maker("aaaa1111", "bbbb2222"))
    assert created and second.id == "bbbb2222"


def test_failed_change_leaves_the_session_unchanged(database):
    repo = SessionRepository(database)
    session, _ = repo.open_or_create(_maker("aaaa1111"))
    with pytest.raises(SessionError):
        repo.update(session.id, lambda s: s.start("douyin", "  ", T0))
    with pytest.raises(LookupError):
        repo.update("nope0000", lambda s: s)
    assert repo.get(session.id) == session


def test_only_one_session_may_be_open(database):
    # The database itself refuses a second open session, whatever code tries it.
    repo = SessionRepository(database)
    repo.open_or_create(_maker("aaaa1111"))
    with database.engine.begin() as conn, pytest.raises(IntegrityError):
        conn.exec_driver_sql(
            "INSERT INTO sessions (id, created_at) VALUES ('bbbb2222', '2024-08-26 12:00:00')"
        )


def test_threads_racing_for_the_current_session_get_the_same_one(database):
    repo = SessionRepository(database)
    results, errors = [], []
    barrier = threading.Barrier(6)

    def worker(n):
        try:
            barrier.wait()
            results.append(repo.open_or_create(_maker(f"thread{n:02d}"))[0].id)
        except Exception as error:  # surfaced by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(set(results)) == 1 and len(repo.list_sessions()) == 1


def test_save_rundown_replaces_the_order(database):
    repo = SessionRepository(database)
    session, _ = repo.open_or_create(_maker("aaaa1111"))
    assert repo.rundown(session.id).codes == ()
    repo.save_rundown(session.id, ["A", "B", "C"])
    assert repo.rundown(session.id).codes == ("A", "B", "C")
    saved = repo.save_rundown(session.id, ["C", "A", "C", "D"])
    assert saved.codes == ("C", "A", "D")
    assert repo.rundown(session.id).codes == ("C", "A", "D")
    repo.save_rundown(session.id, [])
    assert repo.rundown(session.id).codes == ()


def test_save_rundown_is_all_or_nothing(database, monkeypatch):
    repo = SessionRepository(database)
    session, _ = repo.open_or_create(_maker("aaaa1111"))
    repo.save_rundown(session.id, ["A", "B"])
    real = SessionRepository._replace_items

    def crash_after_writing(conn, session_id, codes):
        real(conn, session_id, codes)  # old rows deleted, new ones inserted...
        raise OSError("disk gone")  # ...and then the commit never happens

    monkeypatch.setattr(SessionRepository, "_replace_items", staticmethod(crash_after_writing))
    with pytest.raises(OSError):
        repo.save_rundown(session.id, ["X", "Y", "Z"])
    monkeypatch.undo()
    with pytest.raises(IntegrityError):  # no such session: the foreign key refuses it
        repo.save_rundown("nope0000", ["A"])
    assert repo.rundown(session.id).codes == ("A", "B")


def test_edit_rundown_rolls_back_when_the_change_fails(database):
    repo = SessionRepository(database)
    session, _ = repo.open_or_create(_maker("aaaa1111"))
    repo.save_rundown(session.id, ["A", "B", "C"])
    edited = repo.edit_rundown(session.id, lambda r: r.move(0, 2))
    assert edited.codes == ("B", "C", "A") == repo.rundown(session.id).codes

    def half_done(rundown):
        rundown.remove("B")
        rundown.move(7, 0)  # IndexError after the remove

    with pytest.raises(IndexError):
        repo.edit_rundown(session.id, half_done)
    assert repo.rundown(session.id).codes == ("B", "C", "A")


def test_concurrent_rundown_edits_are_all_kept(database):
    repo = SessionRepository(database)
    session, _ = repo.open_or_create(_maker("aaaa1111"))
    codes = [f"J{n:02d}" for n in range(12)]
    barrier = threading.Barrier(len(codes))

    def add(code):
        barrier.wait()
        repo.edit_rundown(session.id, lambda r: r.add(code))

    threads = [threading.Thread(target=add, args=(c,)) for c in codes]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(repo.rundown(session.id).codes) == codes


def test_ended_session_rundown_is_not_edited(database):
    repo = SessionRepository(database)
    session, _ = repo.open_or_create(_maker("aaaa1111"))
    repo.save_rundown(session.id, ["A"])
    repo.update(session.id, lambda s: s.start("douyin", "r", T0))
    repo.update(session.id, lambda s: s.end(T0))
    with pytest.raises(SessionError) as caught:
        repo.edit_rundown(session.id, lambda r: r.add("B"))
    assert caught.value.reason == "ended"
    assert repo.rundown(session.id).codes == ("A",)


def test_new_session_starts_with_a_copy_of_the_previous_rundown(database):
    repo = SessionRepository(database)
    first, _ = repo.open_or_create(_maker("aaaa1111"))
    repo.save_rundown(first.id, ["A", "B", "C"])
    repo.update(first.id, lambda s: s.start("douyin", "r", T0))
    repo.update(first.id, lambda s: s.end(T0 + timedelta(hours=2)))
    second, created = repo.open_or_create(_maker("bbbb2222", at=T0 + timedelta(hours=3)))
    assert created and repo.rundown(second.id).codes == ("A", "B", "C")
    repo.edit_rundown(second.id, lambda r: r.remove("B"))
    # A copy, not a share: the ended session keeps its own list.
    assert repo.rundown(first.id).codes == ("A", "B", "C")
    assert repo.rundown(second.id).codes == ("A", "C")
    assert [s.id for s in repo.list_sessions()] == ["bbbb2222", "aaaa1111"]


def test_takes_of_a_session(database):
    repo = SessionRepository(database)
    takes = TakeRepository(database)
    takes.record("take", "A", session="aaaa1111")
    takes.record("take", "B", session="bbbb2222")
    takes.record("clear", None, session="aaaa1111")
    takes.record("take", "C")
    found = repo.takes_of("aaaa1111")
    assert [(t.action, t.job_code, t.session) for t in found] == [
        ("take", "A", "aaaa1111"), ("clear", None, "aaaa1111"),
    ]  # fmt: skip
    assert all(t.at.tzinfo is UTC for t in found)
    assert repo.takes_of("zzzz9999") == []


def _make_v3(path):
    conn = sqlite3.connect(path)
    migrations.migrate(conn, path, target=3)
    conn.execute(
        "INSERT INTO jobs (code, title, updated_at) VALUES"
        " ('HX-001', '冰箱总装普工', '2024-08-26 09:00:00.000000')"
    )
    conn.execute(
        "INSERT INTO takes (action, job_code, session, at) VALUES"
        " ('take', 'HX-001', 'old00001', '2024-08-26 20:00:00.000000')"
    )
    conn.commit()
    assert migrations.schema_version(conn) == 3
    conn.close()


def test_upgrade_from_v3_keeps_jobs_and_takes(tmp_path):
    path = tmp_path / "hostdesk.db"
    _make_v3(path)
    db = open_database(path)
    try:
        assert JobRepository(db).get("HX-001").title == "冰箱总装普工"
        repo = SessionRepository(db)
        takes = repo.takes_of("old00001")
        assert [(t.action, t.job_code) for t in takes] == [("take", "HX-001")]
        assert takes[0].at == datetime(2024, 8, 26, 20, 0, tzinfo=UTC)
        session, created = repo.open_or_create(_maker("aaaa1111"))
        assert created and repo.save_rundown(session.id, ["HX-001"]).codes == ("HX-001",)
    finally:
        db.close()
    conn = sqlite3.connect(path)
    assert migrations.schema_version(conn) == migrations.LATEST
    conn.close()
    backup = sqlite3.connect(tmp_path / "hostdesk.db.v3.bak")
    assert migrations.schema_version(backup) == 3
    backup.close()


def test_upgraded_v3_schema_equals_fresh_schema(tmp_path):
    _make_v3(tmp_path / "old.db")
    open_database(tmp_path / "old.db").close()
    open_database(tmp_path / "new.db").close()
    old, new = sqlite3.connect(tmp_path / "old.db"), sqlite3.connect(tmp_path / "new.db")
    schema = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
    assert old.execute(schema).fetchall() == new.execute(schema).fetchall()
    old.close()
    new.close()
