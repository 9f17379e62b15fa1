"""Schema 10: a real database file of schema 9 gains jobs.age_text; its jobs keep their bands."""

from __future__ import annotations

import json
import sqlite3

from hostdesk.core.age import age_label
from hostdesk.core.jobs import Job
from hostdesk.sheets.jobs_import import plan_import
from hostdesk.store import migrations
from hostdesk.store.db import open_database
from hostdesk.store.hub_repo import job_json
from hostdesk.store.job_rows import row_to_job
from hostdesk.store.jobs_repo import JobRepository


def _make_v9(path) -> None:
    conn = sqlite3.connect(path)
    migrations.migrate(conn, path, target=9)
    conn.execute(
        "INSERT INTO jobs (code, title, company, city, salary_min, salary_max, salary_unit,"
        " salary_text, benefits, age_min, age_max, urgent, status, updated_at) VALUES"
        " ('HX-001', '冰箱总装普工', '海信', '青岛', 6000, 8000, 'month', '6000-8000元/月',"
        " '[\"包吃住\"]', 18, 45, 1, 'open', '2024-08-26 09:00:00.000000')"
    )
    conn.commit()
    assert migrations.schema_version(conn) == 9
    assert "age_text" not in {row[1] for row in conn.execute("PRAGMA table_info(jobs)")}
    conn.close()


def test_schema_9_file_upgrades_and_keeps_the_band(tmp_path):
    path = tmp_path / "hostdesk.db"
    _make_v9(path)
    database = open_database(path)
    try:
        job = JobRepository(database).get("HX-001")
    finally:
        database.close()
    assert (job.age_min, job.age_max, job.age_text) == (18, 45, "")
    assert age_label(job.age_min, job.age_max, job.age_text) == "18-45岁"
    conn = sqlite3.connect(path)
    assert migrations.schema_version(conn) >= 10
    column = {row[1]: row for row in conn.execute("PRAGMA table_info(jobs)")}["age_text"]
    assert (column[2].upper(), column[3], column[4]) == ("VARCHAR", 1, "''")  # NOT NULL ''
    conn.close()
    backup = sqlite3.connect(tmp_path / "hostdesk.db.v9.bak")
    assert migrations.schema_version(backup) == 9
    backup.close()


def test_an_unread_age_is_stored_and_read_back_as_written(tmp_path):
    path = tmp_path / "hostdesk.db"
    _make_v9(path)
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("岗位,年龄\r\n冷柜装配工,年龄可根据个人形象而定\r\n", encoding="utf-8")
    ((_row, imported),) = plan_import(sheet).jobs
    database = open_database(path)
    try:
        JobRepository(database).insert(imported)
    finally:
        database.close()
    database = open_database(path)  # a fresh connection: the text came from the file
    try:
        stored = JobRepository(database).get(imported.code)
    finally:
        database.close()
    assert stored.content_equal(imported)
    assert (stored.age_min, stored.age_max, stored.age_text) == (
        None, None, "年龄可根据个人形象而定",
    )  # fmt: skip


def test_the_hub_copies_remembered_still_equal_the_jobs(tmp_path):
    # A hub-owned job pulled under schema 9: its remembered hub copy (canonical JSON) must
    # still equal the job after the upgrade, or the next hub change reads as a conflict.
    path = tmp_path / "hostdesk.db"
    _make_v9(path)
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    before = row_to_job(conn.execute("SELECT *, '' AS age_text FROM jobs").fetchone())
    old = before.to_json()
    del old["age_text"]  # what schema 9 remembered had no such key
    old_text = json.dumps(old, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    theirs = json.dumps({**old, "title": '总装"普工"'}, ensure_ascii=False, sort_keys=True,
                        separators=(",", ":"))  # fmt: skip
    conn.execute("UPDATE jobs SET origin = 'hub'")
    conn.execute(
        "INSERT INTO hub_jobs (code, base, theirs, version) VALUES ('HX-001', ?, ?, 3)",
        (old_text, theirs),
    )
    conn.execute("INSERT INTO hub_jobs (code, base, version) VALUES ('NEW-1', '', 0)")
    conn.commit()
    conn.close()
    database = open_database(path)
    try:
        job = JobRepository(database).get("HX-001")
    finally:
        database.close()
    conn = sqlite3.connect(path)
    rows = dict(conn.execute("SELECT code, base FROM hub_jobs").fetchall())
    (their_text,) = conn.execute("SELECT theirs FROM hub_jobs WHERE code = 'HX-001'").fetchone()
    conn.close()
    assert rows == {"HX-001": job_json(job), "NEW-1": ""}
    assert json.loads(their_text) == {**old, "title": '总装"普工"', "age_text": ""}
    assert their_text == job_json(Job.from_json(json.loads(their_text)))
