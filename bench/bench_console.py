"""Host console benchmarks: start to interactive, key press to take acknowledged, idle CPU and RSS.

1. Start-up: the real `launch()` in a child process (bench/startup_probe.py) on a data dir
   holding 5,000 jobs, offscreen; "interactive" = window shown, catalogue and session loaded.
2. Take: a real OBS (tests/obs/obs_process.py, Xvfb, 1920x1080 at 30 fps) and a MainWindow in
   this process; Ctrl+1..9 pressed on the rundown view, each press waiting for the console's
   take_acknowledged; interleaved with the floor (one SetInputSettings, obs-websocket-py).
   Meanwhile the desk works as in a show (DeskLoad): a sign-up saved every 2 s on the writer
   lane and a sign-up export running on the pool (`--load none`: the takes alone).
3. Idle: the real app in a child process connected to that OBS, a live session running;
   /proc/<pid>/stat sampled over a minute, with nothing and then with a job on air.
Prints Markdown (machine, command, tables) to stdout; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from bench_catalogue import BENCH, PY, REPO, child_env, cli_argv, startup, timed_run
from bench_overlay import ms, pct
from make_catalogue import write_sheet

sys.path.insert(0, str(REPO))

HUB = "https://hub.example.cn"
SCENE = "HostDesk bench console"
TICK = os.sysconf("SC_CLK_TCK")


# -- 1. start-up ----------------------------------------------------------------------------------


def startup_part(seeded: Path, root: Path, args, samples: dict) -> None:
    for run in range(args.runs):
        print(f"start-up {run + 1}/{args.runs}", file=sys.stderr)
        data = root / f"start-{run}"
        shutil.copytree(seeded, data)
        for key, value in startup(data, args.rows).items():
            samples[key].append(value)


# -- 2. key press to take acknowledged --------------------------------------------------------


def write_settings(data: Path, obs) -> None:
    from hostdesk.config import Settings, save_settings

    settings = Settings()
    settings.general.first_run_done = True  # a returning user: no first-run guide
    settings.signup.hub_url = HUB
    settings.obs.url = f"ws://{obs.host}:{obs.port}"
    settings.obs.password = obs.password  # in the file: no keyring on a bench machine
    settings.overlay.scene_name = SCENE
    save_settings(data, settings)


def remove_overlay(obs) -> None:
    from hostdesk.obs import ObsClient
    from hostdesk.obs.overlay import OverlayNames
    from tests.obs.test_onair import _remove

    with ObsClient(obs.host, obs.port, obs.password) as client:
        if overlay_present(client):
            _remove(client, OverlayNames(scene=SCENE))


def overlay_present(client) -> bool:
    scenes = client.call("GetSceneList")["scenes"]
    return any(scene["sceneName"] == SCENE for scene in scenes)


def spin(seconds: float, until=None) -> None:
    """Run the GUI event loop for `seconds`, or until `until()` is true (checked every 5 ms)."""
    from PySide6.QtWidgets import QApplication

    end = time.perf_counter() + seconds
    while time.perf_counter() < end and not (until and until()):
        QApplication.processEvents()
        time.sleep(0.005)


def takeable(console) -> list[str]:
    from hostdesk.core.jobs import JobStatus

    return [code for code, job in console.jobs.items()
            if job.status != JobStatus.CLOSED and not console.warnings.get(code)]  # fmt: skip


class DeskLoad:
    """The desk at work during the presses, as the window does it: a sign-up saved every
    2 s on the writer lane (the registration panel's `tasks.run_serial(service.save)`), and
    a sign-up export running all the time on the pool (`tasks.run_steps(export_steps)`,
    started again as soon as it ends). `kind` "none" measures the takes alone; "busy" saves
    every 0.1 s, so a take finds the writer lane busy most of the time (as behind a purge)."""

    SAVE_EVERY_MS = 2000
    BUSY_SAVE_EVERY_MS = 100
    SEEDED = 1500  # sign-ups in the store before the presses: an export takes a while

    def __init__(self, ctx, folder: Path, kind: str):
        from PySide6.QtCore import QTimer

        from hostdesk.core.registrations import RegistrationDraft, RegQuery

        self.kind, self.saves, self.exports, self.failures = kind, 0, 0, 0
        self._ctx, self._folder, self._query = ctx, folder, RegQuery()
        self._draft = lambda n: RegistrationDraft(job_code=self._code, name="张三丰",
                                                 phone=f"139{n:08d}", age=30)  # fmt: skip
        self._code = ctx.jobs.list_jobs()[0].code
        self._stopped = False
        self._timer = QTimer()
        every = self.BUSY_SAVE_EVERY_MS if kind == "busy" else self.SAVE_EVERY_MS
        self._timer.setInterval(every)
        self._timer.timeout.connect(self._save)
        if kind == "none":
            return
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(self.SEEDED - ctx.registrations.count(self._query)):
            ctx.registrations.save(self._draft(n), confirm_duplicate=True)
        self._timer.start()
        self._export()

    def _save(self) -> None:
        from hostdesk.ui import tasks

        self.saves += 1
        service, draft = self._ctx.registrations, self._draft(10_000_000 + self.saves)
        tasks.run_serial(lambda: service.save(draft, confirm_duplicate=True),
                         lambda _reg: None, self._failed)  # fmt: skip

    def _export(self) -> None:
        from hostdesk.sheets.registrations_export import export_steps
        from hostdesk.ui import tasks

        if self._stopped:
            return
        service, query = self._ctx.registrations, self._query
        path = self._folder / f"export-{self.exports % 2}.xlsx"
        tasks.run_steps(lambda: export_steps(service, query, path, masked=True),
                        lambda _p: None, self._exported, self._failed)  # fmt: skip

    def _exported(self, _count: int) -> None:
        self.exports += 1
        self._export()

    def _failed(self, exc: Exception) -> None:
        self.failures += 1
        print(f"desk load: {type(exc).__name__}: {exc}", file=sys.stderr)

    def stop(self) -> None:
        self._stopped = True
        self._timer.stop()

    def summary(self) -> str:
        if self.kind == "none":
            return "none (takes alone)"
        return (
            f"a sign-up saved every {self._timer.interval() / 1000:g} s on the writer lane "
            f"({self.saves} saves) and a sign-up export of {self.SEEDED}+ rows running "
            f"throughout on the pool ({self.exports} finished); {self.failures} failures"
        )


def take_part(root: Path, obs, args, samples: dict, info: dict) -> None:
    from obswebsocket import obsws
    from obswebsocket import requests as rq
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from hostdesk import app, i18n
    from hostdesk.obs.link import LinkState
    from hostdesk.obs.overlay import OverlayNames
    from hostdesk.ui import tasks
    from hostdesk.ui.gc_guard import GuiThreadGarbageCollector
    from hostdesk.ui.main_window import MainWindow
    from hostdesk.ui.style import apply_console_style

    qt = QApplication.instance() or QApplication(["bench_console"])
    collector = GuiThreadGarbageCollector(qt)  # as launch() does: GC on the GUI thread only
    apply_console_style(qt)
    i18n.install("zh_CN")
    data = root / "data-take"
    write_settings(data, obs)
    ctx = app.build(data)
    win = MainWindow(
        ctx.catalogue, [], onair=app.build_onair(ctx), sessions=ctx.sessions,
        settings=ctx.settings, link_factory=app.build_link,
    )  # fmt: skip
    ws = None
    try:
        win.show()
        win.activateWindow()
        QTest.qWaitForWindowActive(win)
        got: set[str] = set()
        win.catalogue_loaded.connect(lambda _n: got.add("catalogue"))
        win.session_loaded.connect(lambda _s: got.add("session"))
        win.load_catalogue(demo_on_first_run=True)
        win.load_session()
        spin(30, lambda: {"catalogue", "session"} <= got)
        win.start_obs_link()
        spin(30, lambda: win.obs_status.state == LinkState.CONNECTED)
        if win.obs_status.state != LinkState.CONNECTED:
            raise RuntimeError(f"the window did not connect to OBS: {win.obs_status.state}")
        info["obs"] = "OBS {}, obs-websocket {}".format(*win.link.status.versions)
        codes = takeable(win.console)[:10]
        if len(codes) < 9:
            raise RuntimeError(f"only {len(codes)} demo jobs can go on air without a warning")
        win.rundown_panel.model.add(codes)
        view = win.rundown_panel.view
        view.setFocus()
        spin(2)  # the rundown saved and the first jobs pre-rendered

        ws = obsws(obs.host, obs.port, obs.password, legacy=False)
        ws.connect()
        card_input = OverlayNames(scene=SCENE).card

        def floor() -> float:  # as bench_overlay.py's floor: obs-websocket-py as shipped
            path = win.console.onair.on_air.card
            start = time.perf_counter()
            answer = ws.call(rq.SetInputSettings(inputName=card_input,
                                                 inputSettings={"file": str(path)}))  # fmt: skip
            elapsed = time.perf_counter() - start
            if not answer.status:
                raise RuntimeError("SetInputSettings failed")
            return elapsed

        loop = QEventLoop()
        seen: dict = {}
        console = win.console
        # Where the time goes, stamped in the same presses: wrappers around what Console's
        # take work calls on the writer thread, and OBS's answer on the link thread.
        onair, link = console.onair, win.link

        def stamped(function, before: str, after: str):
            def wrapper(*a, **kw):
                seen.setdefault(before, time.perf_counter())
                try:
                    return function(*a, **kw)
                finally:
                    seen.setdefault(after, time.perf_counter())

            return wrapper

        def show(frame, real=link.show):
            future = real(frame)
            future.add_done_callback(lambda _f: seen.setdefault("obs", time.perf_counter()))
            return future

        onair.show = stamped(onair.show, "take_in", "show_out")
        onair.record = stamped(onair.record, "record_in", "take_out")
        onair.preview_image = stamped(onair.preview_image, "preview_in", "preview_out")
        link.show = show

        def on_acknowledged(code: str, reported: float) -> None:
            if code == seen.get("expect") and "ack" not in seen:
                seen["ack"], seen["reported"] = time.perf_counter(), reported
                loop.quit()

        def on_taken(code: str, _image) -> None:
            if code == seen.get("expect") and "taken" not in seen:
                seen["taken"] = time.perf_counter()

        console.take_acknowledged.connect(on_acknowledged)
        console.taken.connect(on_taken)

        def press(slot: int) -> dict:
            seen.clear()
            seen["expect"] = console.rundown.slot(slot)
            watchdog = QTimer()
            watchdog.setSingleShot(True)
            watchdog.timeout.connect(loop.quit)
            seen["t0"] = time.perf_counter()
            QTest.keyClick(view, Qt.Key(Qt.Key.Key_0.value + slot),
                           Qt.KeyboardModifier.ControlModifier)  # fmt: skip
            seen["returned"] = time.perf_counter()
            if "ack" not in seen:
                watchdog.start(10_000)
                loop.exec()
                watchdog.stop()
            if "ack" not in seen:
                raise RuntimeError(f"Ctrl+{slot}: no take_acknowledged for {seen['expect']}")
            # The take's bookkeeping (record, live copies, preview) ends with `taken`; it may
            # wait behind the desk's writes: waited for, so every stamp below exists.
            spin(10, lambda: "taken" in seen and "take_out" in seen)
            if "taken" not in seen or "take_out" not in seen:
                raise RuntimeError(f"Ctrl+{slot}: {seen['expect']} was never recorded")
            return seen

        print("take warm-up: slots 1..9 once", file=sys.stderr)
        for slot in range(1, 10):  # every job drawn and cached once, not counted
            press(slot)
            spin(args.gap)
            floor()
            spin(args.gap)
        load = DeskLoad(ctx, root / "export", args.load)
        print(f"take latency: {args.presses} presses (load: {args.load})", file=sys.stderr)
        for i in range(args.presses):
            s = press(i % 9 + 1)  # slots 1..9 in turn: every press changes the job on air
            samples["key_ack"].append(s["ack"] - s["t0"])
            samples["key_ack_reported"].append(s["reported"] / 1000)
            samples["key_return"].append(s["returned"] - s["t0"])
            samples["key_writer"].append(s["take_in"] - s["t0"])
            samples["svc_take"].append(s["take_out"] - s["take_in"])
            samples["key_obs"].append(s["obs"] - s["t0"])
            samples["preview"].append(s["preview_out"] - s["preview_in"])
            samples["obs_to_gui"].append(s["ack"] - s["obs"])
            if "taken" in s:
                samples["key_taken"].append(s["taken"] - s["t0"])
            spin(args.gap)
            samples["floor"].append(floor())
            spin(args.gap)
        load.stop()
        info["load"] = load.summary()
    finally:
        if ws is not None:
            ws.disconnect()
        win.stop_obs_link()
        tasks.wait_idle()
        win.close()
        ctx.close()
        collector.stop()
        remove_overlay(obs)


# -- 3. idle CPU and memory of the real app ------------------------------------------------------


def proc_ticks(path: Path) -> int:
    fields = path.read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime (fields 14 and 15 of stat)


def threads(pid: int) -> dict[int, tuple[str, int, int]]:
    """tid -> (name, CPU ticks, context switches) for every thread of `pid`."""
    out = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            name = (task / "comm").read_text().strip()
            status = (task / "status").read_text()
            switches = sum(
                int(line.split()[1]) for line in status.splitlines() if "ctxt_switches:" in line
            )  # voluntary + nonvoluntary
            out[int(task.name)] = (name, proc_ticks(task / "stat"), switches)
        except (OSError, ValueError):
            continue  # a thread that ended meanwhile
    return out


def status_kb(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    raise KeyError(key)


def sample_idle(pid: int, seconds: float, label: str, samples: dict, info: dict) -> None:
    """CPU % of one core over `seconds`, per second and whole; RSS and peak RSS at the end."""
    stat = Path(f"/proc/{pid}/stat")
    first_threads = threads(pid)
    start, ticks0 = time.perf_counter(), proc_ticks(stat)
    previous, last_ticks = start, ticks0
    while time.perf_counter() - start < seconds:
        time.sleep(1.0)
        now, ticks = time.perf_counter(), proc_ticks(stat)
        samples[f"{label}_cpu_s"].append((ticks - last_ticks) / TICK / (now - previous) * 100)
        previous, last_ticks = now, ticks
    elapsed = previous - start
    info[f"{label}_cpu"] = (last_ticks - ticks0) / TICK / elapsed * 100
    info[f"{label}_rss"] = status_kb(pid, "VmRSS") / 1024
    info[f"{label}_hwm"] = status_kb(pid, "VmHWM") / 1024
    last_threads = threads(pid)
    per_thread = []
    for tid, (name, ticks, switches) in last_threads.items():
        _n, ticks_before, switches_before = first_threads.get(tid, (name, 0, 0))
        per_thread.append((name, tid, (ticks - ticks_before) / TICK / elapsed * 100,
                           (switches - switches_before) / elapsed))  # fmt: skip
    per_thread.sort(key=lambda row: (-row[3], -row[2]))
    info[f"{label}_threads"] = per_thread
    info[f"{label}_nthreads"] = len(last_threads)


def idle_data(seeded: Path, root: Path, name: str, obs) -> Path:
    """A copy of the 5,000-job data dir with OBS settings, a live session and a rundown."""
    from hostdesk import app

    data = root / name
    shutil.copytree(seeded, data)
    write_settings(data, obs)
    ctx = app.build(data)
    try:
        jobs = ctx.jobs.list_jobs()
        warned = {w.code for w in ctx.catalogue.lint(jobs)}
        codes = [job.code for job in jobs if job.code not in warned][:5]
        ctx.sessions.start("douyin", "bench-room")
        ctx.sessions.set_rundown(codes)
    finally:
        ctx.close()
    return data


def idle_part(seeded: Path, root: Path, obs, args, samples: dict, info: dict) -> None:
    from hostdesk.obs import ObsClient

    for label, argv in (
        ("idle_live", [PY, "-m", "hostdesk"]),
        ("idle_onair", [PY, str(BENCH / "startup_probe.py"), "--stay", "--take-slot", "1"]),
    ):
        data = idle_data(seeded, root, label, obs)
        env = child_env(data)
        for key in ("HOSTDESK_OBS_URL", "HOSTDESK_OBS_PASSWORD"):
            env.pop(key, None)
        print(f"{label}: starting {' '.join(argv[1:])}", file=sys.stderr)
        child = subprocess.Popen(argv, cwd=REPO, env=env, text=True, stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            deadline = time.monotonic() + 90
            if label == "idle_live":  # plain app: connected once our overlay exists in OBS
                with ObsClient(obs.host, obs.port, obs.password) as client:
                    while not overlay_present(client):
                        if child.poll() is not None or time.monotonic() > deadline:
                            raise RuntimeError(f"{label}: the app never set the overlay up")
                        time.sleep(0.5)
            else:  # the probe says when OBS acknowledged the take
                for line in child.stdout:
                    if line.startswith(("acknowledged", "refused")):
                        info[f"{label}_take"] = line.strip()
                        break
                if not info.get(f"{label}_take", "").startswith("acknowledged"):
                    raise RuntimeError(f"{label}: no take ({info.get(f'{label}_take')})")
            print(f"{label}: settling {args.settle:g} s, then {args.idle_seconds:g} s sampled",
                  file=sys.stderr)  # fmt: skip
            time.sleep(args.settle)
            sample_idle(child.pid, args.idle_seconds, label, samples, info)
            if child.poll() is not None:
                raise RuntimeError(f"{label}: the app exited during the measurement")
        finally:
            child.terminate()
            try:
                child.wait(10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
            remove_overlay(obs)


# -- output ---------------------------------------------------------------------------------------


def machine() -> str:
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    model = next((line.split(":", 1)[1].strip() for line in lscpu.splitlines()
                  if line.startswith("Model name")), "?")  # fmt: skip
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                          capture_output=True, text=True).stdout.strip()  # fmt: skip
    from PySide6 import __version__ as pyside

    # The working tree changes under other hands: a digest of the app code measured.
    digest = hashlib.sha256()
    for path in sorted((REPO / "hostdesk").rglob("*.py")):
        digest.update(path.read_bytes())

    return (f"{os.cpu_count()} CPUs ({model}), {mem:.1f} GiB RAM, Linux {platform.release()}, "
            f"Python {platform.python_version()}, PySide6 {pyside}; git {head} plus the working "
            f"tree (hostdesk/**/*.py sha256 {digest.hexdigest()[:12]}); {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC; load average "
            f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")  # fmt: skip


START_ROWS = (
    ("gui_imported", "  since spawn: imports done (PySide6, hostdesk.ui)"),
    ("gui_window built", "  since spawn: `MainWindow(...)` constructed"),
    ("gui_window shown", "Start to window shown (first `processEvents()` after `show()`)"),
    ("gui_first paint", "Start to first paint of the window"),
    ("gui_catalogue loaded", "Start to catalogue loaded (5,000 rows, lint off the GUI thread)"),
    ("gui_session loaded", "Start to session and rundown loaded"),
    ("gui_interactive", "**Start to interactive** (shown + catalogue + session)"),
)


def report(samples: dict, info: dict, args) -> str:
    out = [f"Machine: {info['machine']}.", f"OBS: {info.get('obs', 'not started')}.",
           f"Desk load during the presses: {info.get('load', 'not measured')}.", ""]  # fmt: skip
    if samples.get("gui_interactive"):
        n = len(samples["gui_interactive"])
        out += [f"| Start-up, 5,000 jobs, child process (n = {n}) | median s | min s | max s |",
                "|---|--:|--:|--:|"]  # fmt: skip
        for key, label in START_ROWS:
            if values := samples.get(key):
                out.append(f"| {label} | {statistics.median(values):.3f} | {min(values):.3f} "
                           f"| {max(values):.3f} |")  # fmt: skip
        out.append("")
    if samples.get("key_ack"):
        out += ["| Take, Ctrl+1..9 on the rundown view | n | p50 ms | p95 ms | max ms |",
                "|---|--:|--:|--:|--:|"]  # fmt: skip
        for key, label in (
            ("key_ack", "**Key press to take_acknowledged** (delivered on the GUI thread)"),
            ("key_ack_reported", "  the ms the console reports (take() entry to OBS's answer)"),
            ("key_return", "  `keyClick` returning (GUI thread busy with the press)"),
            ("key_writer", "  key press to `OnAirService.show` starting (the take's thread)"),
            (
                "svc_take",
                "  `OnAirService.show` start to `record` end (OBS told first; record and 2 "
                "fsynced copies on the writer lane)",
            ),
            ("key_obs", "  **key press to OBS's answer** (stamped on the link thread)"),
            ("preview", "  `preview_image` after the take (on-air monitor image)"),
            ("key_taken", "  key press to `taken` (on-air monitor updated)"),
            ("obs_to_gui", "  OBS's answer to take_acknowledged on the GUI thread"),
            ("floor", "Floor: one `SetInputSettings`, obs-websocket-py 1.0 (interleaved)"),
        ):
            if values := ms(samples.get(key, [])):
                out.append(f"| {label} | {len(values)} | {pct(values, 50):.2f} "
                           f"| {pct(values, 95):.2f} | {max(values):.2f} |")  # fmt: skip
        floor = ms(samples["floor"])
        for key, what in (("key_ack", "take_acknowledged"), ("key_obs", "OBS's answer")):
            take = ms(samples[key])
            out.append(f"| Key press to {what} / floor | | {pct(take, 50) / pct(floor, 50):.1f}x "
                       f"| {pct(take, 95) / pct(floor, 95):.1f}x | |")  # fmt: skip
        out.append("")
    for label, text in (("idle_live", "live session, nothing on air"),
                        ("idle_onair", "live session, a job on air")):  # fmt: skip
        if f"{label}_cpu" not in info:
            continue
        per_second = samples[f"{label}_cpu_s"]
        out.append(
            f"Idle, {text}: CPU {info[f'{label}_cpu']:.2f}% of one core over "
            f"{args.idle_seconds:g} s (per second: median {statistics.median(per_second):.1f}%, "
            f"max {max(per_second):.1f}%); VmRSS {info[f'{label}_rss']:.1f} MB, VmHWM "
            f"{info[f'{label}_hwm']:.1f} MB; {info[f'{label}_nthreads']} threads. "
            + info.get(f"{label}_take", "")
        )
        busiest = [f"{name}/{tid}: {cpu:.2f}% {wakes:.1f} switches/s"
                   for name, tid, cpu, wakes in info[f"{label}_threads"][:6]]  # fmt: skip
        out.append("  busiest threads: " + "; ".join(busiest))
        out.append("")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="start-up runs")
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--presses", type=int, default=100)
    parser.add_argument("--gap", type=float, default=0.1, help="seconds between requests")
    parser.add_argument("--idle-seconds", type=float, default=60)
    parser.add_argument("--settle", type=float, default=10, help="seconds before idle sampling")
    parser.add_argument("--parts", default="startup,take,idle")
    parser.add_argument("--load", choices=("desk", "busy", "none"), default="desk",
                        help="during the presses: sign-up saves (every 2 s; busy: every "
                             "0.1 s) and an export, or nothing")  # fmt: skip
    parser.add_argument("--quick", action="store_true", help="small counts: a smoke check")
    args = parser.parse_args()
    if args.quick:
        args.runs, args.presses, args.idle_seconds, args.settle = 1, 10, 5, 3
    parts = set(args.parts.split(","))
    samples: dict = defaultdict(list)
    info: dict = {}
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="hostdesk-bench-console-") as tmp:
        root = Path(tmp)
        seeded = root / "seeded"
        if parts & {"startup", "idle"}:
            sheet = write_sheet(root / "catalogue.xlsx", args.rows)
            timed_run(cli_argv(seeded, "jobs", "import", str(sheet)), seeded)
        if "startup" in parts:
            startup_part(seeded, root, args, samples)
        if parts & {"take", "idle"}:
            from tests.obs.obs_process import ObsProcess

            obs = ObsProcess(root / "obs-home", canvas=(1920, 1080), fps=30)
            obs.home.mkdir(parents=True)
            try:
                obs.start()
                if "take" in parts:
                    take_part(root, obs, args, samples, info)
                if "idle" in parts:
                    idle_part(seeded, root, obs, args, samples, info)
            finally:
                obs.stop()
    info["machine"] = machine()
    print(report(samples, info, args))


if __name__ == "__main__":
    main()
