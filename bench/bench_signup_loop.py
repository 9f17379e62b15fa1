"""Form submit → the new count in OBS: the whole loop, timed over many sign-ups, push vs polling.

A real OBS (tests/obs/obs_process.py, Xvfb, 1920x1080 at 30 fps), a real hub process on
SQLite, and the console in this process with its OBS link and sync worker as
tests/obs/test_signup_loop.py wires them, run twice in one go: "push" (the worker holds the
hub's event stream, GET /api/v1/events) and "polling" (the stream switched off: the usual
60 s pull, 2 s while a counter is on air). One job on air; each sign-up is the page's form
post (GET for the token, POST), sent after a random 0-2 s pause so it lands anywhere in the
pull cycle, as viewers do. Then, in push mode, a burst: 200 form posts spread over 10 s;
every one must reach the counter, and the counter's image in OBS may change at most twice a
second (services/counter.py's throttle).

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
import itertools
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


def burst(url: str, first: int, count: int, seconds: float) -> list[float]:
    """`count` form posts spread evenly over `seconds` (a few at once); their send times."""
    from concurrent.futures import ThreadPoolExecutor

    from tests.obs.signup_loop import open_page, submit

    start = time.perf_counter() + 0.2
    sent: list[float] = []

    def one(i: int) -> None:
        session, hidden = open_page(url)
        wait = start + i * seconds / count - time.perf_counter()
        if wait > 0:
            time.sleep(wait)
        sent.append(time.perf_counter())
        submit(session, url, hidden, f"136{first + i:08d}", name=f"观众{first + i}")

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(one, range(count)))
    return sent


def redraws_per_second(changes: list[float]) -> int:
    """The most counter image changes in any 1 s window (half-open)."""
    best = 0
    for i, t in enumerate(changes):
        best = max(best, sum(1 for u in changes[i:] if u < t + 1.0))
    return best


def run(root: Path, obs, args, push: bool) -> dict:
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
        SYNC,
        desktop_settings,
        open_page,
        start_hub,
        submit,
    )
    from tests.obs.test_onair import _remove
    from tests.ui import console_window

    qt = QApplication.instance() or QApplication(["bench_signup_loop"])
    collector = GuiThreadGarbageCollector(qt)
    apply_console_style(qt)
    i18n.install("zh_CN")
    mode = "push" if push else "polling"
    (root / f"hub-{mode}").mkdir()
    hub = start_hub(root / f"hub-{mode}", "--page-rate-limit", "0")
    data = root / f"data-{mode}"
    desktop_settings(data, hub, obs)
    ctx = app.build(data)
    win = MainWindow(
        ctx.catalogue, [], onair=app.build_onair(ctx), sessions=ctx.sessions,
        settings=ctx.settings, link_factory=app.build_link, registrations=ctx.registrations,
    )  # fmt: skip
    watcher = None
    result: dict = {"told": [], "pixels": [], "post": [], "mode": mode}
    try:
        win.show()
        win.activateWindow()
        QTest.qWaitForWindowActive(win)
        win.load_catalogue(demo_on_first_run=False)
        win.load_session()

        def factory(_settings, on_status):
            return app.build_sync(ctx, on_status, hub_url=hub.url,
                                  hub_token=hub.device_token, stream=push, **SYNC)  # fmt: skip

        console_window.wire_sync(win, ctx, factory)
        win.start_obs_link()
        onair = win.console.onair
        spin(60, lambda: win.obs_status.state == LinkState.CONNECTED
             and CODE in win.console.jobs and onair.look.device)  # fmt: skip
        if CODE not in win.console.jobs or not onair.look.device:
            raise RuntimeError("the console did not pull the hub's job and name")
        if push:
            spin(30, lambda: win.sync.worker is not None and win.sync.worker.streaming)
            if not win.sync.worker.streaming:
                raise RuntimeError("the worker did not open the hub's event stream")
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
            print(f"{mode} sign-up {k}/{args.signups}: told {ms(result['told'][-1])} ms, "
                  f"pixels {ms(result['pixels'][-1])} ms", file=sys.stderr)  # fmt: skip
        if push and args.burst:
            total = args.signups + args.burst
            changes_before = len(watcher.changes)
            from hostdesk.render.onair_renderer import QtOverlayRenderer

            renders: list[float] = []  # when the desktop drew a counter image
            real_render = QtOverlayRenderer.counter

            def timed_render(*a, **k):
                renders.append(time.perf_counter())
                return real_render(*a, **k)

            QtOverlayRenderer.counter = timed_render
            # Posted from other threads while this one runs the console's event loop, as
            # viewers' phones do while the desk works.
            sent: list[float] = []
            poster = threading.Thread(target=lambda: sent.extend(
                burst(url, args.signups + 1, args.burst, args.burst_seconds)))  # fmt: skip
            poster.start()
            spin(180, lambda: not poster.is_alive())
            poster.join()
            spin(120, lambda: (c := onair.counter_image(CODE)) is not None and c.count == total)
            spin(2)  # the throttle's last render reaches OBS
            QtOverlayRenderer.counter = real_render
            image = onair.counter_image(CODE)
            shown = [t for t, _f in watcher.changes[changes_before:]]
            result["burst"] = {
                "posted": len(sent),
                "spread": max(sent) - min(sent),
                "counter": image.count,
                "expected": total,
                "renders": len(renders),
                "renders_max_per_second": redraws_per_second(renders),
                "renders_min_gap": min((b - a for a, b in itertools.pairwise(renders)),
                                       default=0.0),
                "redraws": len(shown),
                "max_per_second": redraws_per_second(shown),
                "min_gap": min((b - a for a, b in itertools.pairwise(shown)),
                               default=0.0),
                "last_after": (shown[-1] - max(sent)) if shown else float("nan"),
            }  # fmt: skip
            print(f"burst: {result['burst']}", file=sys.stderr)
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


def report(results: list[dict], args) -> str:
    lines = [
        "## Sign-up loop: form submit → counter in OBS, push vs polling (issue 16)",
        "",
        f"Command: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_signup_loop.py "
        f"--signups {args.signups} --burst {args.burst}`  ",
        f"Machine: {machine()}",
        "",
        "Each sign-up: the page's form POST (requests) to a real hub on SQLite; the counter is "
        "drawn and sent to a real OBS 1920x1080. push: the console's sync worker holds the "
        "hub's event stream; polling: the stream off, the worker pulls every 2 s while the "
        "counter is on air. Random 0-2 s pause before each, so sign-ups land anywhere in the "
        "pull cycle. Both modes in one run, one after the other.",
        "",
        "| Mode | From form submit to | n | p50 | p95 | max |",
        "|---|---|---|---|---|---|",
    ]
    for result in results:
        for key, label in (
            ("told", "OBS's counter input holds the new count's image"),
            ("pixels", "program output shows it (screenshot match; upper bound)"),
            ("post", "the POST answered (303)"),
        ):
            values = result[key]
            lines.append(
                f"| {result['mode']} | {label} | {len(values)} | "
                f"{ms(statistics.median(values))} ms | {ms(pct(values, 95))} ms | "
                f"{ms(max(values))} ms |"
            )
    for result in results:
        b = result.get("burst")
        if b:
            lines += [
                "",
                f"Burst ({result['mode']}): {b['posted']} form posts over "
                f"{b['spread']:.1f} s → the counter shows {b['counter']} of {b['expected']}; "
                f"the desktop drew the counter {b['renders']} times, at most "
                f"{b['renders_max_per_second']} in any second (shortest gap "
                f"{ms(b['renders_min_gap'])} ms); "
                f"OBS's counter image changed {b['redraws']} times, at most "
                f"{b['max_per_second']} in any second (shortest gap {ms(b['min_gap'])} ms); "
                f"the last change {ms(b['last_after'])} ms after the last post.",
            ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--signups", type=int, default=50)
    parser.add_argument("--burst", type=int, default=200, help="posts in the burst (0: none)")
    parser.add_argument("--burst-seconds", type=float, default=10.0)
    parser.add_argument("--modes", default="push,polling")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="hostdesk-bench-loop-") as tmp:
        root = Path(tmp)
        from tests.obs.obs_process import ObsProcess

        obs = ObsProcess(root / "obs-home", canvas=(1920, 1080), fps=30)
        obs.home.mkdir(parents=True)
        try:
            obs.start()
            results = [run(root, obs, args, mode == "push") for mode in args.modes.split(",")]
        finally:
            obs.stop()
    print(report(results, args))


if __name__ == "__main__":
    main()
