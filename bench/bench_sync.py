"""Sync benchmark: drain 10,000 pending sign-ups to a real hub on loopback; time and desktop RSS.

    .venv/bin/python bench/bench_sync.py [--rows 10000] [--pg]

The hub is `hostdesk hub serve` in its own process (SQLite file; --pg: also a throwaway
PostgreSQL cluster). The desktop side runs in a child process, so its memory is its own:
the real SyncWorker thread (batches of 100) drains the outbox; then, on a copy of the same
data dir, the real `hostdesk sync --once` end to end (start-up, push, audit, pull).
Prints a Markdown section for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(BENCH))

from bench_registrations import seed  # noqa: E402

from hostdesk import app  # noqa: E402
from tests.hub.harness import HubProcess, PgCluster  # noqa: E402
from tests.sync.sync_checks import hub_rows  # noqa: E402

TARGET_S = 15.0
TARGET_MB = 300.0

CHILD = r"""
import json, sys, threading, time
from pathlib import Path
from hostdesk import app

data_dir, url, token = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
app.setup_logging(data_dir)
ctx = app.build(data_dir)
done = threading.Event()
seen = []

def on_status(status):
    seen.append(status)
    if status.unsynced == 0 and status.state == "online":
        done.set()

worker = app.build_sync(ctx, on_status, hub_url=url, hub_token=token)
started = time.perf_counter()
worker.start()
done.wait(600)
drain = time.perf_counter() - started
worker.stop()

def hwm():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

print(json.dumps({"drain_s": drain, "hwm_mb": hwm(), "updates": len(seen),
                  "unsynced": seen[-1].unsynced, "attention": seen[-1].attention}))
"""


def prepare(data_dir: Path, rows: int) -> None:
    """`rows` registrations, every create event pending (bulk insert: not what is measured)."""
    from sqlalchemy import text

    ctx = app.build(data_dir)
    try:
        seed(ctx, rows)
        with ctx.db.engine.begin() as conn:
            conn.execute(text("UPDATE outbox SET state='pending', attempts=0, acked_at=NULL"))
        ctx.db.engine.dispose()
    finally:
        ctx.close()


def run(db_url: str, rows: int, work: Path) -> dict:
    hub = HubProcess(db_url, log_dir=work).start()
    try:
        token = hub.token("bench-device")
        data = work / "desktop"
        prepare(data, rows)
        cli_copy = work / "desktop-cli"
        shutil.copytree(data, cli_copy)
        child = subprocess.run(
            [sys.executable, "-c", CHILD, str(data), hub.url, token],
            capture_output=True, text=True, cwd=REPO, timeout=900,
        )  # fmt: skip
        if child.returncode != 0:
            raise SystemExit(child.stderr[-3000:])
        result = json.loads(child.stdout.strip().splitlines()[-1])
        regs, events = hub_rows(db_url)
        result["hub_rows"] = len(regs)
        result["hub_events"] = len(events)
        # The same drain as a script would run it: a second hub database is not needed,
        # the events are already there, so the CLI run meets "duplicate" for every item.
        started = time.perf_counter()
        cli = subprocess.run(
            [sys.executable, "-m", "hostdesk", "--data-dir", str(cli_copy), "sync", "--once",
             "--hub-url", hub.url, "--hub-token", token],
            capture_output=True, text=True, cwd=REPO, timeout=900,
        )  # fmt: skip
        result["cli_s"] = time.perf_counter() - started
        result["cli_exit"] = cli.returncode
        return result
    finally:
        hub.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--pg", action="store_true", help="also a hub on PostgreSQL")
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory(prefix="hostdesk_bench_sync_") as tmp:
        work = Path(tmp)
        (work / "sqlite").mkdir()
        results["SQLite"] = run(
            f"sqlite:///{work / 'sqlite' / 'hub.db'}", args.rows, work / "sqlite"
        )
        if args.pg:
            cluster = PgCluster.start()
            try:
                (work / "pg").mkdir()
                results["PostgreSQL"] = run(cluster.new_database(), args.rows, work / "pg")
            finally:
                cluster.drop()
    print(f"### Drain {args.rows:,} pending sign-ups to a hub on loopback\n")
    print("| Hub database | Drain (SyncWorker thread) | Target | Desktop peak RSS | Target "
          "| Hub rows / events | `sync --once` (all duplicate) |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    for name, r in results.items():
        print(
            f"| {name} | {r['drain_s']:.1f} s | <= {TARGET_S:.0f} s | {r['hwm_mb']:.0f} MB "
            f"| <= {TARGET_MB:.0f} MB | {r['hub_rows']:,} / {r['hub_events']:,} "
            f"| {r['cli_s']:.1f} s (exit {r['cli_exit']}) |"
        )
    print()
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
