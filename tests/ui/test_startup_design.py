"""The start-up's design holds: what `hostdesk` loads first, and what waits for the window.

The time to interactive is a bench figure (bench/bench_startup.py); these tests guard the
shape that makes it: the composition root and the command line load neither the SQL stack
nor Qt; app.py and ui/launch.py import each other in one direction only; the OBS link, sync
and retention start once the job list and the show are loaded, never before.
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


# The real launch() with start-up steps printed as they happen. The OBS link and sync are
# wrapped (never replaced) to print when launch() starts them. argv[2]:
# "returning" (guide done), "first-run" (guide left open), "failing" (the catalogue's first
# read fails). The app quits once the link and sync have been started.
DRIVER = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from hostdesk import config
from hostdesk.ui import launch as L
from hostdesk.ui.first_run import FirstRunGuide

data, case = Path(sys.argv[1]), sys.argv[2]
if case != "first-run":
    settings = config.Settings()
    settings.general.first_run_done = True
    config.save_settings(data, settings)
started = set()

def mark(what):
    print(what, flush=True)

def wrap(cls, name, what):
    real = getattr(cls, name)

    def wrapper(self, *a, **kw):
        mark(what)
        started.add(what)
        if {"OBS", "SYNC"} <= started:  # maybe before the event loop runs: quit from it
            QTimer.singleShot(0, QApplication.instance().quit)
        return real(self, *a, **kw)

    setattr(cls, name, wrapper)

wrap(L.MainWindow, "start_obs_link", "OBS")
wrap(L.MainWindow, "start_sync", "SYNC")
real_init = L.MainWindow.__init__

def init(self, *a, **kw):
    real_init(self, *a, **kw)
    self.catalogue_loaded.connect(lambda n: mark(f"CATALOGUE {n}"))
    self.session_loaded.connect(lambda _id: mark("SESSION"))
    if case == "failing":
        def refuse():
            raise OSError("disk gone")
        self._catalogue.repo.list_jobs = refuse

L.MainWindow.__init__ = init
FirstRunGuide.open = lambda self: mark("GUIDE")  # left open: the user is reading it
sys.exit(L.launch(data))
"""


def _steps(tmp_path, case: str) -> list[str]:
    result = _child(DRIVER, str(tmp_path / "data"), case)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_link_sync_and_retention_start_once_the_job_list_and_the_show_are_loaded(tmp_path):
    steps = _steps(tmp_path, "returning")
    assert {"OBS", "SYNC", "SESSION", "CATALOGUE"} <= set(steps), steps
    first_background = min(steps.index(s) for s in ("OBS", "SYNC") if s in steps)
    assert steps.index("CATALOGUE") < first_background and steps.index("SESSION") < first_background
    assert steps.count("OBS") == 1 and steps.count("SYNC") == 1, steps


def test_on_first_run_the_link_starts_while_the_guide_is_open(tmp_path):
    steps = _steps(tmp_path, "first-run")
    assert "GUIDE" in steps and {"OBS", "SYNC"} <= set(steps), steps
    assert "CATALOGUE" not in steps  # the catalogue waits for the guide; the link does not


def test_a_failed_first_read_does_not_keep_the_link_and_sync_from_starting(tmp_path):
    steps = _steps(tmp_path, "failing")
    assert {"OBS", "SYNC"} <= set(steps) and "CATALOGUE" not in steps, steps


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
