"""After a hub outage, how soon the desktop's backlog starts draining (issue 16: within 5 s).

    .venv/bin/python bench/bench_hub_outage.py [--runs 3] [--outage 40]

A real hub process (`hostdesk-hub serve`, SQLite) and the real SyncWorker as the app builds
it (its shipped timings: backoff 1 s … 300 s, a look at a silent hub every
hostdesk.sync.policy.PROBE_INTERVAL s). Each run: the hub is stopped, five sign-ups are
saved at the desk, the hub stays away for --outage s, then starts again on the same port
and database. Measured from the moment the hub answers /healthz again (a thread asks every
20 ms) to the first of the five acknowledged by it, and to the last. A second scenario holds
the backoff at its 300 s cap from the first failure (what a long outage leaves behind) and
keeps the hub away 10 s: the drain must still start within seconds, not at the backoff's end.
The test that the behaviour holds is tests/sync/test_stream.py
(test_after_an_outage_the_backlog_drains_at_the_hub_return_not_at_the_backoff_end).
Prints a Markdown section for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import requests  # noqa: E402
from sqlalchemy import text  # noqa: E402

from hostdesk import app  # noqa: E402
from hostdesk.sync import policy  # noqa: E402
from tests.hub.harness import HubProcess  # noqa: E402
from tests.sync.conftest import seed  # noqa: E402

GOAL_S = 5.0
BACKLOG = 5


def _acked(ctx, ids: list[str]) -> int:
    marks = ",".join(f"'{i}'" for i in ids)  # uuids made here: no quoting to worry about
    with ctx.db.engine.connect() as conn:
        return conn.execute(
            text(
                f"SELECT count(*) FROM outbox WHERE state = 'acked' AND registration_id IN ({marks})"
            )
        ).scalar_one()


def _answering_at(url: str, stop: threading.Event) -> list[float]:
    """A thread that notes the first moment the hub answers /healthz (every 20 ms)."""
    seen: list[float] = []

    def ask() -> None:
        while not stop.is_set() and not seen:
            try:
                if requests.get(url + "/healthz", timeout=(0.2, 1)).status_code == 200:
                    seen.append(time.monotonic())
                    return
            except requests.RequestException:
                pass
            time.sleep(0.02)

    threading.Thread(target=ask, daemon=True).start()
    return seen


def _wait(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


def one_run(folder: Path, outage: float, **worker_options) -> tuple[float, float]:
    hub = HubProcess(f"sqlite:///{folder / 'hub.db'}", log_dir=folder)
    token = hub.token("studio-1")
    hub.start()
    ctx = app.build(folder / "desk")
    worker = app.build_sync(ctx, hub_url=hub.url, hub_token=token, **worker_options)
    worker.start()
    try:
        first = seed(ctx, 1)
        worker.notify()
        if not _wait(lambda: _acked(ctx, first) == 1, 60):
            raise RuntimeError("the hub never acknowledged the first sign-up")
        hub.stop()
        ids = seed(ctx, BACKLOG, start=1)
        worker.notify()
        if not _wait(lambda: worker.status and worker.status.state == "offline", 60):
            raise RuntimeError("the worker never saw the hub go")
        time.sleep(outage)  # the outage itself: what is measured comes after it
        stop = threading.Event()
        answering = _answering_at(hub.url, stop)
        hub.start()
        try:
            if not _wait(lambda: _acked(ctx, ids) >= 1, 600):
                raise RuntimeError("the backlog never started draining")
            started = time.monotonic()
            if not _wait(lambda: _acked(ctx, ids) == BACKLOG, 600):
                raise RuntimeError("the backlog never drained")
            drained = time.monotonic()
        finally:
            stop.set()
        if not answering:
            raise RuntimeError("the /healthz watcher never saw the hub answer")
        return max(0.0, started - answering[0]), max(0.0, drained - answering[0])
    finally:
        worker.stop()
        ctx.close()
        hub.stop()


def scenario(name: str, runs: int, outage: float, **options) -> dict:
    starts, drains = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="bench-outage-") as tmp:
            start, drain = one_run(Path(tmp), outage, **options)
        starts.append(start)
        drains.append(drain)
        print(f"  {name}: first ack {start:.2f} s, all {BACKLOG} {drain:.2f} s", file=sys.stderr)
    return {"name": name, "outage": outage, "starts": starts, "drains": drains}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--outage", type=float, default=40.0)
    args = parser.parse_args()
    results = [
        scenario("shipped backoff (1 s, doubling, full jitter)", args.runs, args.outage),
        scenario(
            "backoff held at its 300 s cap", args.runs, 10.0,
            backoff_base=policy.BACKOFF_CAP, backoff_cap=policy.BACKOFF_CAP, rng=lambda: 1.0,
        ),
    ]  # fmt: skip
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO
    ).stdout.strip()
    load = os.getloadavg()
    print("### Hub outage: the desktop's backlog drains at the hub's return\n")
    print("    .venv/bin/python bench/bench_hub_outage.py "
          f"--runs {args.runs} --outage {args.outage:g}\n")  # fmt: skip
    print(f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}, load {load[0]:.1f}; commit {commit}. Hub on SQLite, "
          f"probe interval {policy.PROBE_INTERVAL:g} s; {BACKLOG} sign-ups saved during the "
          "outage; times from the hub answering /healthz again.\n")  # fmt: skip
    print("| Scenario | Outage | First ack, median (max) | All acked, median (max) | Goal |")
    print("|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['name']} | {r['outage']:g} s | {statistics.median(r['starts']):.2f} s "
            f"({max(r['starts']):.2f} s) | {statistics.median(r['drains']):.2f} s "
            f"({max(r['drains']):.2f} s) | first ack <= {GOAL_S:g} s |"
        )


if __name__ == "__main__":
    main()
