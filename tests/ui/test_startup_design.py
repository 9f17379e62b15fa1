"""The start-up's design holds: what `hostdesk` loads first, and what waits for the window.

The time to interactive is a bench figure (bench/bench_startup.py); these tests guard the
shape: the composition root and the command line load neither the SQL stack nor Qt; app.py
and ui/launch.py import each other in one direction only (cli -> ui -> app); the window's
start reaches the store only through app, which still says what a bad database is.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys

from tests.conftest import ROOT

HOSTDESK = ROOT / "hostdesk"


def _child(code: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=timeout,
    )  # fmt: skip


def _imported_modules(path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def _under(names: set[str], package: str) -> list[str]:
    return sorted(n for n in names if n == package or n.startswith(package + "."))


def test_the_composition_root_and_the_command_line_load_no_sql_and_no_qt():
    result = _child(
        "import sys, hostdesk.app, hostdesk.cli\n"
        "heavy = ('sqlalchemy', 'sqlmodel', 'pydantic', 'PySide6', 'hostdesk.store',"
        " 'hostdesk.ui', 'hostdesk.services')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_app_never_imports_the_ui():
    """The layers run cli -> ui -> app: the window is opened by the command line, not by app."""
    assert _under(_imported_modules(HOSTDESK / "app.py"), "hostdesk.ui") == []
    assert "hostdesk.ui.launch" in _imported_modules(HOSTDESK / "cli" / "__init__.py")


def test_launch_and_publish_now_reach_the_store_only_through_app_and_services():
    for name in ("launch.py", "publish_now.py"):
        assert _under(_imported_modules(HOSTDESK / "ui" / name), "hostdesk.store") == [], name


# launch() on a database written by a newer HostDesk: the message box's text is printed.
NEWER_DRIVER = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QMessageBox
from hostdesk.ui import launch as L

QMessageBox.critical = lambda _parent, _title, text: print("CRITICAL", text, flush=True)
sys.exit(L.launch(Path(sys.argv[1]), "en"))
"""


def test_a_database_from_a_newer_version_is_said_and_the_window_stays_shut(tmp_path):
    import sqlite3

    from hostdesk.store import DB_FILE
    from hostdesk.store.migrations import LATEST

    data = tmp_path / "data"
    data.mkdir()
    with sqlite3.connect(data / DB_FILE) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute(f"PRAGMA user_version = {LATEST + 5}")
    result = _child(NEWER_DRIVER, str(data))
    assert result.returncode == 1, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("CRITICAL"))
    assert str(data / DB_FILE) in line and "newer HostDesk" in line
    assert "Traceback" not in result.stderr
