"""Owner-only files on the desktop: real `hostdesk` processes started under `umask 022`."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

from hostdesk.store import DB_FILE
from tests.conftest import ROOT

WIDE_UMASK = "022"  # the usual one: without care, files come out 0644 and folders 0755


def run_under_umask(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    """`hostdesk --data-dir D ARGS` in a child process whose umask is 022."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("HOSTDESK_DATA_DIR", None)
    cmd = ["sh", "-c", f'umask {WIDE_UMASK} && exec "$@"', "sh",
           sys.executable, "-m", "hostdesk", "--data-dir", str(data_dir), *args]  # fmt: skip
    done = subprocess.run(
        cmd, capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def not_owner_only(root: Path) -> dict[str, str]:
    """Every file under `root` that is not 0600 and every folder (root too) that is not 0700."""
    wrong = {}
    for path in [root, *root.rglob("*")]:
        wanted = 0o700 if path.is_dir() else 0o600
        if mode(path) != wanted:
            wrong[str(path.relative_to(root))] = oct(mode(path))
    return wrong


def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "jobs.csv"
    path.write_text("编号,岗位,企业,薪资\nA1,普工,海信,6000-8000\n", encoding="utf-8")
    return path


def wal_reader(db: Path) -> sqlite3.Connection:
    """A connection that keeps the -wal and -shm files in place (as the console would)."""
    conn = sqlite3.connect(db)
    conn.execute("SELECT count(*) FROM jobs").fetchone()
    assert db.with_name(db.name + "-wal").exists() and db.with_name(db.name + "-shm").exists()
    return conn


def test_a_new_data_folder_its_database_log_key_and_exports_are_owner_only(tmp_path):
    data_dir = tmp_path / "home" / "share" / "hostdesk"  # parents missing too
    exports = tmp_path / "exports"
    exports.mkdir(mode=0o755)
    os.chmod(exports, 0o755)
    run_under_umask("jobs", "import", str(sheet(tmp_path)), data_dir=data_dir)
    reader = wal_reader(data_dir / DB_FILE)  # -wal/-shm stay while the next runs write
    try:
        run_under_umask("reg", "add", "--job", "A1", "--name", "张三丰", "--phone", "13812345678",
                        data_dir=data_dir)  # fmt: skip
        for name in ("signups.xlsx", "signups.csv"):
            run_under_umask("reg", "export", str(exports / name), data_dir=data_dir)
        present = {p.relative_to(data_dir).as_posix() for p in data_dir.rglob("*")}
        assert {DB_FILE, f"{DB_FILE}-wal", f"{DB_FILE}-shm", "registration.key", "logs",
                "logs/hostdesk.log"} <= present, present  # fmt: skip
        assert not_owner_only(data_dir) == {}
        assert mode(tmp_path / "home") == mode(tmp_path / "home" / "share") == 0o700
    finally:
        reader.close()
    assert {name: oct(mode(exports / name)) for name in ("signups.xlsx", "signups.csv")} == {
        "signups.xlsx": oct(0o600),
        "signups.csv": oct(0o600),
    }
    assert mode(exports) == 0o755  # a folder the user chose is theirs to set


def _widen(data_dir: Path) -> None:
    """What an older version left under umask 022: everything readable by all."""
    for path in [data_dir, *data_dir.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)


def _older_data_dir(data_dir: Path, tmp_path: Path) -> sqlite3.Connection:
    """A data folder with wide modes, a settings file, old logs and a backup; -wal/-shm open."""
    run_under_umask("jobs", "import", str(sheet(tmp_path)), data_dir=data_dir)
    (data_dir / "settings.toml").write_text('[sync]\ntoken = "secret-token"\n', encoding="utf-8")
    (data_dir / "logs" / "hostdesk.log.1").write_text("older log\n", encoding="utf-8")
    (data_dir / f"{DB_FILE}.v1.bak").write_bytes((data_dir / DB_FILE).read_bytes())
    _widen(data_dir)
    reader = wal_reader(data_dir / DB_FILE)  # SQLite gives these the database's mode: 0644
    assert mode(data_dir / f"{DB_FILE}-wal") == 0o644
    return reader


def test_wide_files_an_older_version_left_are_tightened_when_opened(tmp_path):
    data_dir = tmp_path / "data"
    reader = _older_data_dir(data_dir, tmp_path)
    try:
        assert len(not_owner_only(data_dir)) >= 8  # the setup really is wide
        run_under_umask("reg", "list", data_dir=data_dir)
        assert not_owner_only(data_dir) == {}
    finally:
        reader.close()


def test_the_light_catalogue_read_tightens_the_database_files(tmp_path):
    data_dir = tmp_path / "data"
    reader = _older_data_dir(data_dir, tmp_path)
    try:
        run_under_umask("jobs", "list", "--json", data_dir=data_dir)
        db_files = [DB_FILE, f"{DB_FILE}-wal", f"{DB_FILE}-shm", f"{DB_FILE}.v1.bak"]
        assert {name: oct(mode(data_dir / name)) for name in db_files} == {
            name: oct(0o600) for name in db_files
        }
    finally:
        reader.close()
