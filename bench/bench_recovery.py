"""How soon things come back: the timing goals the tests used to assert on the wall clock.

The tests now assert that these things happen (a generous bound tells "never" from "slow");
how soon they happen on a given machine is measured here, with the goal beside each figure:

- OBS restarted (its port listens again) → the link has put the overlay back (OBS
  acknowledged the frame taken while it was down): tests/obs/test_link.py, goal ≤ 5 s;
- a sign-up written by another process (`hostdesk reg add`) → the console's counter shows
  it (found by the console's 1 s poll; nothing tells the window): tests/ui/test_counter_console.py
  and tests/obs/test_console_obs.py, goal ≤ 3 s from the command's start;
- a second launch on a folder whose instance runs → `launch()` has handed over and
  returned: tests/ui/test_single_instance.py, goal ≤ 5 s.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_recovery.py [--runs 5] [--no-obs]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class _Bot:
    """What tests/ui/console_window.open_console needs of pytest-qt's qtbot, outside pytest."""

    def __init__(self) -> None:
        self.widgets: list = []

    def addWidget(self, widget) -> None:  # qtbot's name
        self.widgets.append(widget)

    @contextlib.contextmanager
    def waitSignals(self, signals, timeout: int):  # qtbot's name
        left = set(range(len(signals)))
        for i, signal in enumerate(signals):
            signal.connect(lambda *_a, i=i: left.discard(i))
        yield
        _spin_until(lambda: not left, timeout / 1000)


def _spin_until(predicate, timeout: float) -> float:
    """Run the Qt event loop until `predicate()`; the monotonic time it became true."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the condition did not come true")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.002)
    return time.monotonic()


def obs_recovery(runs: int) -> list[float]:
    """OBS killed, a frame taken while it is down; seconds from 'listening' to acknowledged."""
    from hostdesk.obs import ObsClient
    from hostdesk.obs.link import ObsLink
    from hostdesk.obs.overlay import OverlayNames
    from tests.obs.obs_process import ObsProcess
    from tests.obs.test_overlay import _frame

    seconds = []
    with tempfile.TemporaryDirectory(prefix="bench-recovery-") as tmp:
        root = Path(tmp)
        obs = ObsProcess(home=root / "obs-home", canvas=(1920, 1080))
        obs.start()
        try:
            link = ObsLink(ObsClient(obs.host, obs.port, obs.password), OverlayNames())
            link.start()
            try:
                link.show(_frame(root)).result(timeout=60)
                for run in range(runs):
                    obs.kill()  # a crash
                    frames = root / f"run{run}"
                    frames.mkdir()
                    colour = "#00ff00" if run % 2 == 0 else "#ff0000"
                    applied = link.show(_frame(frames, card_colour=colour))
                    obs.start()  # returns once OBS listens again
                    listening = time.monotonic()
                    applied.result(timeout=120)
                    seconds.append(time.monotonic() - listening)
            finally:
                link.stop()
        finally:
            obs.stop()
    return seconds


def counter_from_another_process(runs: int) -> tuple[list[float], list[float]]:
    """`hostdesk reg add` in a child → the console's counter image counts it.

    Returns (from the command's start, from the command's exit): the first includes the
    child interpreter's start, as the test's old bound did; the second is the poll's share.
    """
    from PySide6.QtWidgets import QApplication

    from hostdesk import app, i18n
    from hostdesk.ui import tasks
    from tests.services.test_counter import FakeLink
    from tests.ui.console_window import open_console

    _app = QApplication.instance() or QApplication([])
    i18n.install("zh_CN")
    from_start, from_exit = [], []
    with tempfile.TemporaryDirectory(prefix="bench-counter-", ignore_cleanup_errors=True) as tmp:
        ctx = app.build(Path(tmp) / "data")
        win = open_console(_Bot(), ctx, active=False)
        link = FakeLink()
        win.console.onair.use_link(link)
        onair = win.console.onair
        win.console.take("HX-001")

        def shown(count: int) -> bool:
            image = onair.counter_image("HX-001")
            frame = link.frames[-1] if link.frames else None
            return (
                image is not None
                and frame is not None
                and frame.counter_file == image.file
                and image.count == count
            )

        _spin_until(lambda: shown(0), 60)
        for n in range(runs):
            started = time.monotonic()
            child = subprocess.Popen(
                [sys.executable, "-m", "hostdesk", "--lang", "en", "reg", "add", "--job",
                 "HX-001", "--name", "王五", "--phone", f"1391234{n:04d}", "--age", "28"],
                env={**os.environ, "HOSTDESK_DATA_DIR": str(ctx.data_dir)}, cwd=REPO,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            _spin_until(lambda c=child: c.poll() is not None, 120)
            exited = time.monotonic()
            assert child.returncode == 0, "hostdesk reg add failed"
            seen = _spin_until(lambda n=n: shown(n + 1), 60)
            from_start.append(seen - started)
            from_exit.append(seen - exited)
        win.console.clear()
        tasks.wait_idle(60)
        win.close()
        _spin_until(lambda: tasks.wait_idle(0), 60)
        ctx.close()
    return from_start, from_exit


def second_launch(runs: int) -> list[float]:
    """launch() of a later instance while the first runs: its own SECONDS line."""
    from tests.ui.test_single_instance import RUNNING, Child, _later, _launch_seconds

    seconds = []
    with tempfile.TemporaryDirectory(prefix="bench-launch-") as tmp:
        for run in range(runs):
            data = Path(tmp) / f"data{run}"
            first = Child(RUNNING, data)
            try:
                first.wait_for_line("READY")
                later = _later(data)
                assert later.returncode == 0, later.stderr
                seconds.append(_launch_seconds(later))
                first.wait_for_line("ACTIVATED")
            finally:
                first.stop()
    return seconds


def _row(label: str, values: list[float], goal: float) -> str:
    if not values:
        return f"| {label} | 0 | | | | ≤ {goal:g} s | not run |"
    median = statistics.median(values)
    verdict = "pass" if median <= goal else "**over**"
    return (
        f"| {label} | {len(values)} | {median:.2f} s | {min(values):.2f} s | "
        f"{max(values):.2f} s | ≤ {goal:g} s | {verdict} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="repetitions of each measurement")
    parser.add_argument("--no-obs", action="store_true", help="skip the OBS restart rows")
    args = parser.parse_args()

    obs = [] if args.no_obs else obs_recovery(args.runs)
    from_start, from_exit = counter_from_another_process(args.runs)
    launches = second_launch(min(args.runs, 3))

    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO
    ).stdout.strip()
    print(
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, git {commit}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}\n"
    )
    print("| Measurement | n | median | min | max | goal (median) | result |")
    print("|---|--:|--:|--:|--:|--:|:-:|")
    print(_row("OBS listens again → the overlay taken meanwhile acknowledged", obs, 5))
    print(_row("`hostdesk reg add` started → console counter shows it", from_start, 3))
    print(_row("  `hostdesk reg add` exited → console counter shows it (the poll)", from_exit, 3))
    print(_row("second launch: `launch()` hands over and returns", launches, 5))


if __name__ == "__main__":
    main()
