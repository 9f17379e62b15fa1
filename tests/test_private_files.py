"""hostdesk.private_files and the desktop's writers that use it: owner-only whatever the umask."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hostdesk import config
from hostdesk.core.registrations import ConsentMethod, Registration, RegStatus, Source
from hostdesk.private_files import (
    private_dir,
    private_file,
    private_log_handler,
    private_opener,
    private_sqlite_file,
    tighten,
)
from hostdesk.sheets.registrations_export import write_registrations


@contextlib.contextmanager
def umask(value: int):
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_private_dir_makes_missing_parents_0700_and_tightens_an_existing_one(tmp_path):
    with umask(0):  # the widest: nothing is taken away from what we ask for
        made = private_dir(tmp_path / "a" / "b" / "c")
        assert [mode(p) for p in (made.parents[1], made.parent, made)] == [0o700] * 3
        existing = tmp_path / "existing"
        existing.mkdir(mode=0o775)
        assert mode(existing) == 0o775
        private_dir(existing)
        assert mode(existing) == 0o700
        shared = tmp_path / "shared"
        shared.mkdir(mode=0o755)
        private_dir(shared / "hub", tighten_existing=False)
        assert (mode(shared), mode(shared / "hub")) == (0o755, 0o700)


def test_private_dir_refuses_a_file_and_leaves_its_mode(tmp_path):
    path = tmp_path / "file"
    path.write_bytes(b"x")
    os.chmod(path, 0o644)
    with pytest.raises(FileExistsError):
        private_dir(path)
    assert mode(path) == 0o644


def test_the_opener_creates_0600_and_tightens_an_existing_file(tmp_path):
    with umask(0):
        with open(tmp_path / "new.txt", "w", opener=private_opener) as out:
            out.write("new")
        old = tmp_path / "old.txt"
        old.write_text("old")
        os.chmod(old, 0o666)
        with open(old, "a", opener=private_opener) as out:
            out.write(" and more")
    assert (mode(tmp_path / "new.txt"), mode(old)) == (0o600, 0o600)
    assert old.read_text() == "old and more"


def test_tighten_keeps_the_owners_bits_and_reports_a_missing_file(tmp_path):
    path = tmp_path / "read-only"
    path.write_bytes(b"x")
    os.chmod(path, 0o444)
    assert tighten(path) is True
    assert mode(path) == 0o400
    assert tighten(tmp_path / "missing") is False
    assert not (tmp_path / "missing").exists()


def test_a_file_that_cannot_be_changed_is_a_warning_not_a_failure(tmp_path, monkeypatch, caplog):
    # A read-only disk or a FAT stick refuses chmod (EROFS/EPERM): the app must still open.
    path = tmp_path / "on-a-stick"
    path.write_bytes(b"x")
    os.chmod(path, 0o644)

    def refuse(*_args):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(os, "chmod", refuse)
    with caplog.at_level(logging.WARNING, logger="hostdesk.private_files"):
        assert tighten(path) is True
        private_file(path)
    assert mode(path) == 0o644
    assert caplog.messages and all("owner-only" in m for m in caplog.messages)


def test_private_file_leaves_a_read_only_file_read_only(tmp_path):
    path = tmp_path / "read-only.db"
    path.write_bytes(b"content")
    os.chmod(path, 0o444)
    private_file(path)
    assert (path.read_bytes(), mode(path)) == (b"content", 0o400)


def test_private_file_creates_empty_and_keeps_content(tmp_path):
    with umask(0):
        made = private_file(tmp_path / "made")
    assert (made.read_bytes(), mode(made)) == (b"", 0o600)
    kept = tmp_path / "kept"
    kept.write_bytes(b"content")
    os.chmod(kept, 0o644)
    private_file(kept)
    assert (kept.read_bytes(), mode(kept)) == (b"content", 0o600)


def test_private_sqlite_file_tightens_the_files_beside_it_and_nothing_else(tmp_path):
    db = tmp_path / "hub.db"
    names = ["hub.db", "hub.db-wal", "hub.db-shm", "hub.db.v2.bak", "hubxdb", "other.db"]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
        os.chmod(tmp_path / name, 0o644)
    private_sqlite_file(db)
    assert {n: oct(mode(tmp_path / n)) for n in names} == {
        "hub.db": "0o600", "hub.db-wal": "0o600", "hub.db-shm": "0o600",
        "hub.db.v2.bak": "0o600", "hubxdb": "0o644", "other.db": "0o644",
    }  # fmt: skip


def test_the_log_and_its_rollovers_are_owner_only(tmp_path):
    path = tmp_path / "hub.log"
    (tmp_path / "hub.log.1").write_text("from an older version\n")
    os.chmod(tmp_path / "hub.log.1", 0o644)
    with umask(0):
        handler = private_log_handler(path, maxBytes=200, backupCount=3, encoding="utf-8")
        logger = logging.getLogger("tests.private_files")
        logger.propagate = False
        logger.addHandler(handler)
        try:
            for i in range(20):
                logger.warning("line %d of a log that rolls over several times", i)
        finally:
            logger.removeHandler(handler)
            handler.close()
    files = sorted(tmp_path.iterdir())
    assert [p.name for p in files] == ["hub.log", "hub.log.1", "hub.log.2", "hub.log.3"]
    assert {p.name: oct(mode(p)) for p in files} == {p.name: "0o600" for p in files}


def test_settings_are_saved_owner_only_and_a_wide_file_is_tightened_on_load(tmp_path):
    data_dir = tmp_path / "data"
    with umask(0):
        config.save_settings(data_dir, config.Settings())
    assert (mode(data_dir), mode(data_dir / config.SETTINGS_FILE)) == (0o700, 0o600)
    os.chmod(data_dir / config.SETTINGS_FILE, 0o644)
    settings, warnings = config.load_settings(data_dir)
    assert warnings == [] and settings.general.language == "zh_CN"
    assert mode(data_dir / config.SETTINGS_FILE) == 0o600


def test_a_registrations_export_is_owner_only_even_with_umask_0(tmp_path):
    now = datetime.now(UTC)
    reg = Registration(
        id="00000000-0000-4000-8000-000000000001", seq=1, job_code="A1", job_title="普工",
        session_id="s1", name="张三", phone="13812345678", phone_hash="h", age=23,
        birth_year=None, gender="", current_city="", expected_city="", note="",
        source=Source.COMMENT, consent_method=ConsentMethod.VERBAL, notice_version="2026-11",
        consented_at=now, status=RegStatus.ACTIVE, phone_warning_overridden=False,
        created_at=now, updated_at=now,
    )  # fmt: skip
    with umask(0):
        for name in ("out.csv", "out.xlsx"):
            assert write_registrations([reg], tmp_path / name) == 1
    assert (mode(tmp_path / "out.csv"), mode(tmp_path / "out.xlsx")) == (0o600, 0o600)


def test_a_draft_folder_left_open_is_tightened_when_a_draft_is_written(tmp_path):
    from hostdesk.ui.registration_panel import draft_path, read_draft, write_draft

    path = draft_path(tmp_path)
    path.parent.mkdir(mode=0o755, parents=True)
    os.chmod(path.parent, 0o755)
    with umask(0):
        write_draft(path, {"name": "张三"})
    assert (mode(path.parent), mode(path)) == (0o700, 0o600)
    assert read_draft(path) == {"name": "张三"}


def test_the_backup_made_before_a_schema_upgrade_is_owner_only(tmp_path):
    import sqlite3

    from hostdesk.store import migrations
    from hostdesk.store.db import open_database

    path = tmp_path / "hostdesk.db"
    conn = sqlite3.connect(path)
    migrations.migrate(conn, path, target=migrations.LATEST - 1)
    conn.close()
    with umask(0o022):
        open_database(path).close()
    backup = tmp_path / f"hostdesk.db.v{migrations.LATEST - 1}.bak"
    assert {p.name: oct(mode(p)) for p in (path, backup)} == {
        path.name: "0o600",
        backup.name: "0o600",
    }
