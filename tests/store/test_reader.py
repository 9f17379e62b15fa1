"""The standard-library read path gives exactly what the repository gives."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from hostdesk.store import DB_FILE, migrations, reader
from hostdesk.store.db import open_database
from hostdesk.store.jobs_repo import JobRepository
from tests.conftest import ROOT
from tests.store.test_jobs_repo import _job


def test_reader_equals_repository(tmp_path):
    path = tmp_path / DB_FILE
    database = open_database(path)
    repo = JobRepository(database)
    repo.upsert_many([_job("A"), _job("B", urgent=False, headcount=None, benefits=())])
    expected = repo.list_jobs()
    database.close()
    assert reader.read_jobs(path) == expected


def test_reader_defers_to_the_store_when_it_cannot_answer(tmp_path):
    assert reader.read_jobs(tmp_path / "missing.db") is None
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    migrations.migrate(conn, old, target=1)  # needs an upgrade only the full store does
    conn.close()
    assert reader.read_jobs(old) is None


def test_reader_does_not_import_sqlalchemy():
    code = "import sys, hostdesk.store.reader; print('sqlalchemy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "False", result.stderr
