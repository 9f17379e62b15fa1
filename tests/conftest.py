"""Shared fixtures: a fresh data dir per test, and an opened application context on it."""

from __future__ import annotations

import functools
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


# -- parallel workers (`make test`: pytest -n N) ---------------------------------------------
#
# Every fixture is per worker already: tmp_path (and so data dirs, the single-instance lock
# and its socket name, hub logs, OBS's HOME) lies under the worker's own basetemp, ports are
# asked of the OS, each worker's PostgreSQL is a cluster of its own (tests/hub/harness.py),
# Chromium gets a fresh profile per launch. What cannot be shared is kept on one worker by
# the scheduler below: a test module's tests always run together, in their order, on one
# worker (its module fixtures start once: a hub, a browser, the bundle build in the fixed
# build/bundle/), and some modules share a worker with their kind.
#
# Why a scheduler and not xdist_group markers: pytest-xdist 3.8 groups marked tests by
# appending to `item._nodeid`, which pytest 9 no longer reads (node ids are `item._id`), so
# `--dist loadgroup` silently spread a group over every worker.

_GUI_WATCH_USE = "GuiWatch("


@functools.cache
def _gui_watch_modules() -> frozenset[str]:
    """Test modules that run the GUI-thread watch (their own CPU, measured: kept off the
    other worker's test_gui_watch, which pins the process and four busy loops to a core)."""
    tests = ROOT / "tests"
    return frozenset(
        str(path.relative_to(ROOT))
        for path in tests.rglob("test_*.py")
        if _GUI_WATCH_USE in path.read_text(encoding="utf-8")
    )


def worker_scope(nodeid: str) -> str:
    """The unit a worker takes whole: one group for a kind that must not run beside itself,
    else the test's module."""
    module = nodeid.split("::", 1)[0]
    if module.startswith("tests/obs/"):
        return "obs"  # one OBS (half a core idle) for all of them, not one per worker
    if module == "tests/ui/test_gui_watch.py" or module in _gui_watch_modules():
        return "gui_watch"
    return module


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    from xdist.scheduler import LoadScopeScheduling

    class WorkerScopes(LoadScopeScheduling):
        """xdist's module-at-a-time scheduling, with the groups of `worker_scope`."""

        def _split_scope(self, nodeid: str) -> str:
            return worker_scope(nodeid)

    return WorkerScopes(config, log)
