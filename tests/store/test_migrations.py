"""Versioned schema: a database made by the first schema upgrades with its data kept."""

from __future__ import annotations

import sqlite3

import pytest
from sqlmodel import SQLModel

from hostdesk.store import migrations
from hostdesk.store.db import open_database
from hostdesk.store.jobs_repo import JobRepository
from hostdesk.store.migrations import LATEST, SchemaTooNewError
from hostdesk.store.tables import JobRow


def _make_v1(path):
    conn = sqlite3.connect(path)
    migrations.migrate(conn, path, target=1)
    conn.execute(
        "INSERT INTO jobs (code, title, company, city, salary_min, salary_max, salary_unit,"
        " salary_text, benefits, urgent, status, updated_at) VALUES"
        " ('HX-001', '冰箱总装普工', '海信', '青岛', 6000, 8000, 'month', '6000-8000元/月',"
        " '[\"包吃住\"]', 1, 'open', '2024-08-26 09:00:00.000000')"
    )
    conn.commit()
    assert migrations.schema_version(conn) == 1
    conn.close()


def _columns(conn, table):
    return {row[1]: (row[2].upper(), row[3]) for row in conn.execute(f"PRAGMA table_info({table})")}


def test_upgrade_from_first_schema_keeps_data(tmp_path):
    path = tmp_path / "hostdesk.db"
    _make_v1(path)
    database = open_database(path)
    job = JobRepository(database).get("HX-001")
    database.close()
    assert job.title == "冰箱总装普工"
    assert (job.pay.min, job.pay.max, job.pay.unit.value) == (6000, 8000, "month")
    assert job.benefits == ("包吃住",)
    assert job.urgent is True
    conn = sqlite3.connect(path)
    assert migrations.schema_version(conn) == LATEST
    assert conn.execute("SELECT origin FROM jobs").fetchone()[0] == "local"
    conn.close()
    # The pre-upgrade copy is kept, still at version 1.
    backup = sqlite3.connect(tmp_path / "hostdesk.db.v1.bak")
    assert migrations.schema_version(backup) == 1
    assert backup.execute("SELECT code FROM jobs").fetchall() == [("HX-001",)]
    backup.close()


def test_upgraded_schema_equals_fresh_schema(tmp_path):
    _make_v1(tmp_path / "old.db")
    open_database(tmp_path / "old.db").close()
    open_database(tmp_path / "new.db").close()
    old, new = sqlite3.connect(tmp_path / "old.db"), sqlite3.connect(tmp_path / "new.db")
    assert _columns(old, "jobs") == _columns(new, "jobs")
    indexes = "SELECT name FROM sqlite_master WHERE type='index' ORDER BY name"
    assert old.execute(indexes).fetchall() == new.execute(indexes).fetchall()


def test_sqlmodel_tables_match_migrated_schema(tmp_path):
    open_database(tmp_path / "h.db").close()
    conn = sqlite3.connect(tmp_path / "h.db")
    for table in SQLModel.metadata.sorted_tables:
        assert set(_columns(conn, table.name)) == {c.name for c in table.columns}, table.name
    assert JobRow.__tablename__ == "jobs"


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "h.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(SchemaTooNewError):
        open_database(path)


def test_failed_step_rolls_back_whole_upgrade(tmp_path, monkeypatch):
    path = tmp_path / "hostdesk.db"
    _make_v1(path)
    broken = (*migrations.MIGRATIONS, ("ALTER TABLE jobs ADD COLUMN x INTEGER", "THIS IS NOT SQL"))
    monkeypatch.setattr(migrations, "MIGRATIONS", broken)
    monkeypatch.setattr(migrations, "LATEST", len(broken))
    with pytest.raises(sqlite3.OperationalError):
        open_database(path)
    conn = sqlite3.connect(path)
    assert migrations.schema_version(conn) == 1
    assert "origin" not in _columns(conn, "jobs")
    assert "x" not in _columns(conn, "jobs")
