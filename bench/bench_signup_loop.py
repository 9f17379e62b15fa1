"""Form submit → the new count in OBS: the whole loop, timed over many sign-ups.

A real OBS (tests/obs/obs_process.py, Xvfb, 1920x1080 at 30 fps), a real hub process on
SQLite, and the console in this process with its OBS link and sync worker exactly as
tests/obs/test_signup_loop.py wires them (the worker's usual 60 s pull; 2 s while a counter
is on air). One job on air; each sign-up is the page's form post (GET for the token, POST),
sent after a random 0-2 s pause so it lands anywhere in the pull cycle, as viewers do.

Per sign-up:
- submit → OBS told: a watcher thread polls the counter input's file in OBS every 10 ms;
  the time its file became the image drawn for the new count;
- submit → pixels: the first program-output screenshot (taken in that same thread, each one
  ~60-100 ms on this VM) whose counter rectangle matches the new count's image. An upper
  bound: it includes up to one screenshot's duration.
Prints Markdown to stdout; progress to stderr.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_console import machine, spin  # noqa: E402
from bench_overlay import pct  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


class Watcher(threading.Thread):
    """OBS's counter input file, polled every 10 ms, and program screenshots on request."""

    def __init__(self, obs, names, look):
        super().__init__(daemon=True)
        from hostdesk.obs import ObsClient

        self.client = ObsClient(obs.host, obs.port, obs.password)
        self.names, self.look = names, look
        self.changes: list[tuple[float, str]] = []  # (perf_counter, file)
        self.target: tuple[Path, Path] | None = None  # (new count's image, previous one)
        self.matched: float | None = None
        self.stop_flag = threading.Event()

    def run(self) -> None:
        from tests.obs.signup_loop import counter_region, shows

        self.client.connect()
        last = None
        while not self.stop_flag.is_set():
            settings = self.client.call("GetInputSettings", {"inputName": self.names.counter})
            file = settings["inputSettings"].get("file", "")
            if file != last:
                self.changes.append((time.perf_counter(), file))
                last = file
            target = self.target
            if target is not None and self.matched is None and file == str(target[0]):
                shown = counter_region(self.client, self.look)
                answered = time.perf_counter()  # the pixels were there by now: an upper bound
                if shows(shown, target[0], target[1]):
                    self.matched = answered
                continue
            time.sleep(0.01)
        self.client.close()


def run(root: Path, obs, args) -> dict:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from hostdesk import app, i18n
    from hostdesk.obs.link import LinkState
    from hostdesk.obs.overlay import OverlayNames
    from hostdesk.ui import tasks
    from hostdesk.ui.gc_guard import GuiThreadGarbageCollector
    from hostdesk.ui.main_window import MainWindow
    from hostdesk.ui.style import apply_console_style
    from tests.obs.signup_loop import (
        CODE,
        desktop_settings,
        open_page,
        start_hub,
        submit,
        wire_sync,
    )
    from tests.obs.test_onair import _remove

    qt = QApplication.instance() or QApplication(["bench_signup_loop"])
    collector = GuiThreadGarbageCollector(qt)
    apply_console_style(qt)
    i18n.install("zh_CN")
    hub = start_hub(root / "hub", "--page-rate-limit", "0")
    data = root / "data"
    desktop_settings(data, hub, obs)
    ctx = app.build(data)
    win = MainWindow(
        ctx.catalogue, [], onair=app.build_onair(ctx), sessions=ctx.sessions,
        settings=ctx.settings, link_factory=app.build_link, registrations=ctx.registrations,
    )  # fmt: skip
    watcher = None
    result: dict = {"told": [], "pixels": [], "post": []}
    try:
        win.show()
        win.activateWindow()
        QTest.qWaitForWindowActive(win)
        win.load_catalogue(demo_on_first_run=False)
        win.load_session()
        wire_sync(win, ctx, hub)
        win.start_obs_link()
        onair = win.console.onair
        spin(60, lambda: win.obs_status.state == LinkState.CONNECTED
             and CODE in win.console.jobs and onair.look.device)  # fmt: skip
        if CODE not in win.console.jobs or not onair.look.device:
            raise RuntimeError("the console did not pull the hub's job and name")
        win.rundown_panel.model.add([CODE])
        win.rundown_panel.view.setFocus()
        QTest.keyClick(win.rundown_panel.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        spin(10, lambda: (c := onair.counter_image(CODE)) is not None and c.count == 0)
        url = onair.on_air.url
        names = OverlayNames(scene=ctx.settings.overlay.scene_name)
        watcher = Watcher(obs, names, onair.look)
        watcher.start()
        rng = random.Random(7)
        for k in range(1, args.signups + 1):
            spin(rng.uniform(0, 2))
            previous = onair.counter_image(CODE).file
            session, hidden = open_page(url)  # what the phone shows before the tap: not timed
            posted: dict = {}

            def post(k=k, posted=posted, session=session, hidden=hidden):
                posted["t0"] = time.perf_counter()
                submit(session, url, hidden, f"139{k:08d}", name=f"观众{k}")
                posted["t1"] = time.perf_counter()

            thread = threading.Thread(target=post)
            watcher.matched = None
            thread.start()
            spin(15, lambda k=k: (c := onair.counter_image(CODE)) is not None and c.count == k)
            image = onair.counter_image(CODE)
            if image.count != k:
                raise RuntimeError(f"sign-up {k}: the counter shows {image.count}")
            watcher.target = (image.file, previous)
            spin(10, lambda: watcher.matched is not None)
            thread.join()
            if watcher.matched is None:
                raise RuntimeError(f"sign-up {k}: OBS's program never showed the new count")
            t0 = posted["t0"]
            told = [t for t, f in watcher.changes if f == str(image.file) and t >= t0]
            result["told"].append(told[0] - t0)
            result["pixels"].append(watcher.matched - t0)
            result["post"].append(posted["t1"] - posted["t0"])
            watcher.target = None
            print(f"sign-up {k}/{args.signups}: told {ms(result['told'][-1])} ms, pixels "
                  f"{ms(result['pixels'][-1])} ms", file=sys.stderr)  # fmt: skip
        result["pulls"] = "every 2 s while on air (SyncWorker.pull_often)"
    finally:
        if watcher is not None:
            watcher.stop_flag.set()
            watcher.join(5)
        win.stop_sync()
        win.stop_obs_link()
        tasks.wait_idle()
        from hostdesk.obs import ObsClient

        with ObsClient(obs.host, obs.port, obs.password) as client:
            _remove(client, OverlayNames(scene=ctx.settings.overlay.scene_name))
        win.close()
        ctx.close()
        hub.process.stop()
        del collector
    return result


def report(result: dict, args) -> str:
    lines = [
        "## Sign-up loop: form submit → counter in OBS (issue 7)",
        "",
        f"Command: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_signup_loop.py "
        f"--signups {args.signups}`  ",
        f"Machine: {machine()}",
        "",
        "Each sign-up: the page's form POST (requests) to a real hub on SQLite; the console's "
        "sync worker pulls every 2 s while the counter is on air; the counter is drawn and sent "
        "to a real OBS 1920x1080. Random 0-2 s pause before each, so sign-ups land anywhere in "
        "the pull cycle.",
        "",
        "| From form submit to | n | p50 | p95 | max |",
        "|---|---|---|---|---|",
    ]
    for key, label in (
        ("told", "OBS's counter input holds the new count's image"),
        ("pixels", "program output shows it (screenshot match; upper bound)"),
        ("post", "the POST answered (303)"),
    ):
        values = result[key]
        lines.append(
            f"| {label} | {len(values)} | {ms(statistics.median(values))} ms | "
            f"{ms(pct(values, 95))} ms | {ms(max(values))} ms |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--signups", type=int, default=50)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="hostdesk-bench-loop-") as tmp:
        root = Path(tmp)
        (root / "hub").mkdir()
        from tests.obs.obs_process import ObsProcess

        obs = ObsProcess(root / "obs-home", canvas=(1920, 1080), fps=30)
        obs.home.mkdir(parents=True)
        try:
            obs.start()
            result = run(root, obs, args)
        finally:
            obs.stop()
    print(report(result, args))


if __name__ == "__main__":
    main()
