"""Shared fixtures: a fresh data dir per test, and an opened application context on it."""

from __future__ import annotations

import functools
import inspect
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Widgets render offscreen in every test; OBS tests bring their own Xvfb.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temp data dir, also set as HOSTDESK_DATA_DIR so nothing touches the real one."""
    path = tmp_path / "data"
    monkeypatch.setenv("HOSTDESK_DATA_DIR", str(path))
    return path


@pytest.fixture
def ctx(data_dir: Path):
    from hostdesk import app

    context = app.build(data_dir)
    yield context
    context.close()


def run_cli(*args: str, data_dir: Path, cwd: Path | None = None, env_extra: dict | None = None):
    """`python -m hostdesk ARGS` in a child process: exit code, stdout and stderr are real."""
    import subprocess

    env = {**os.environ, "HOSTDESK_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8"}
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "hostdesk", *args],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=cwd or ROOT, timeout=120,
    )  # fmt: skip


@pytest.fixture(autouse=True)
def _generous_task_waits(monkeypatch: pytest.MonkeyPatch):
    """tasks.wait_idle() in a test waits a minute, not the app's 10 s shutdown bound.

    Tests call it, then assert what the tasks wrote; on a loaded machine a task can take
    longer than 10 s, and wait_idle would return False unnoticed. Applies once the task
    module is loaded (test modules import it at their top); the hub's tests never load it.
    """
    tasks = sys.modules.get("hostdesk.ui.tasks")
    if tasks is not None:
        idle = tasks.wait_idle
        monkeypatch.setattr(
            tasks, "wait_idle", lambda timeout=QT_WAIT_FLOOR_MS / 1000: idle(timeout)
        )


@pytest.fixture(autouse=True)
def _language_left_as_found():
    """After each test, no translator installed and the system's locale the default again, as
    in a fresh process: parallel workers run the tests in an order that changes from run to
    run, so a language one test installed must not decide what the next test reads."""
    yield
    i18n = sys.modules.get("hostdesk.i18n")  # Qt is only touched when a test loaded it
    if i18n is None or not i18n._installed:
        return
    from PySide6.QtCore import QCoreApplication, QLocale

    for translator in i18n._installed:
        QCoreApplication.removeTranslator(translator)
    i18n._installed.clear()
    QLocale.setDefault(QLocale.system())


# -- qtbot's waits: a bound that tells "never" from "slow", never a timing test -----------

QT_WAIT_FLOOR_MS = 60_000  # the suite runs on a loaded 2-core machine; a wait ends at its condition


def _floored_wait(method):
    """`method` (a qtbot wait) with its timeout raised to QT_WAIT_FLOOR_MS when it would fail.

    pytest-qt's waits default to 5 s, and tests pass 2-10 s bounds: under load a worker or
    OBS can take longer, and the test fails on the clock, not on a defect. A wait returns as
    soon as its condition holds, so a long bound costs nothing when all is well. Waits that
    do not raise (raising=False, assertNotEmitted, qtbot.wait) keep their time: they are
    pauses, not bounds. How fast something happens is measured in bench/, not here.
    """

    @functools.wraps(method)
    def wait(self, *args, timeout: int | None = 5000, **kwargs):
        if kwargs.get("raising") is not False and timeout is not None and timeout >= 0:
            timeout = max(timeout, QT_WAIT_FLOOR_MS)
        return method(self, *args, timeout=timeout, **kwargs)

    return wait


def pytest_configure(config: pytest.Config) -> None:
    try:
        from pytestqt.qtbot import QtBot
    except ImportError:  # pytest-qt absent: the Qt tests cannot run anyway
        return
    for name in (
        "waitUntil",
        "waitSignal",
        "waitSignals",
        "waitCallback",
        "waitExposed",
        "waitActive",
    ):
        method = getattr(QtBot, name)
        if not getattr(method, "floored", False):
            floored = _floored_wait(method)
            floored.floored = True
            setattr(QtBot, name, floored)  # its pep-8 aliases are bound per qtbot, to these


# -- parallel workers (`make test`: pytest -n N --dist loadgroup) ---------------------------
#
# Every fixture is per worker already: tmp_path (and so data dirs, the single-instance lock
# and its socket name, hub logs, OBS's HOME) lies under the worker's own basetemp, ports are
# asked of the OS, each worker's PostgreSQL is a cluster of its own (tests/hub/harness.py),
# Chromium gets a fresh profile per launch. What cannot be shared goes to one worker:

_OBS = ROOT / "tests" / "obs"
_BUNDLE = ROOT / "tests" / "packaging" / "test_bundle.py"
_GUI_WATCH = ROOT / "tests" / "ui" / "test_gui_watch.py"


def xdist_group_of(item: pytest.Item) -> str | None:
    """The worker group a test must share, or None when it may run on any worker."""
    path = Path(str(item.path))
    if path == _BUNDLE:
        return "bundle"  # builds into the fixed build/bundle/, once per run
    if _OBS in path.parents:
        return "obs"  # one OBS (half a core idle) for all of them, not one per worker
    if path == _GUI_WATCH or _uses_gui_watch(item):
        # test_gui_watch pins this process and four busy loops to one core: the GUI-thread
        # watch's other users never run beside it (nor beside each other).
        return "gui_watch"
    fixtures = getattr(item, "_fixtureinfo", None)
    if fixtures is not None and any(
        defs[-1].scope == "module"
        for name in fixtures.names_closure
        if (defs := fixtures.name2fixturedefs.get(name))
    ):
        # A module's hub, browser or OBS is started once, on the worker that runs the module.
        return f"module:{path.relative_to(ROOT)}"
    return None


def _uses_gui_watch(item: pytest.Item) -> bool:
    function = getattr(item, "function", None)
    try:
        return function is not None and "GuiWatch(" in inspect.getsource(function)
    except (OSError, TypeError):
        return False


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook reads the markers
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        group = xdist_group_of(item)
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))
