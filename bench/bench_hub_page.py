"""Sign-up page throughput on PostgreSQL: page sign-ups per second with 1 and 2 hub processes.

    .venv/bin/python bench/bench_hub_page.py [--seconds 20] [--connections 8] [--warmup 3]

A sign-up is what a viewer's phone does: GET /j/J1 (visitor cookie, CSRF token) then POST
/j/J1 with a distinct phone (303). The load generator is wrk (Debian's, compiled C; `apt-get
install wrk`) with bench_hub_page.lua, one connection per wrk thread, each connection one
viewer after another; its own CPU time is reported (from wait4), beside the hub's and
PostgreSQL's (from /proc). Each configuration gets a fresh database on one throwaway
PostgreSQL cluster (fsync on) and a hub (`hostdesk hub serve --workers N`) with the page's
limits ON (a huge limit, so the shared counters in PostgreSQL are written on every request
as in production, but nothing is refused). The rows stored are checked against the 303s.
Prints a Markdown section for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import func, select  # noqa: E402

from hostdesk.hub.db import HubDB  # noqa: E402
from hostdesk.hub.models import REGS  # noqa: E402
from tests.hub.conftest import Hub  # noqa: E402
from tests.hub.harness import HubProcess, PgCluster  # noqa: E402
from tests.hub.signup import JOBS, put_jobs  # noqa: E402

LUA = Path(__file__).with_suffix(".lua")
HUGE = str(10**9)  # limits on (counted in PostgreSQL), never reached
TICK = os.sysconf("SC_CLK_TCK")


def tree(pid: int) -> list[int]:
    """pid and its descendants (uvicorn's workers; PostgreSQL's backends)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(children.get(p, []))
    return found


def cpu_seconds(pids: list[int]) -> dict[int, float]:
    out = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        out[pid] = (int(fields[11]) + int(fields[12])) / TICK  # utime + stime
    return out


def used(before: dict[int, float], after: dict[int, float]) -> float:
    return sum(v - before.get(pid, 0.0) for pid, v in after.items())


def postmaster(cluster: PgCluster) -> int:
    if cluster.datadir is not None:
        datadir = cluster.datadir
    else:
        datadir = Path("/var/lib/postgresql") / cluster.version / cluster.name
    return int((datadir / "postmaster.pid").read_text().split()[0])


def wrk(url: str, seconds: float, connections: int, base: int) -> tuple[dict, float]:
    """One wrk run; its RESULT line parsed, and its own CPU seconds."""
    cmd = ["wrk", "-t", str(connections), "-c", str(connections), "-d", f"{round(seconds)}s",
           "--timeout", "10s", "-s", str(LUA), url, "--", str(base)]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    match = re.search(r"RESULT (.+)", out)
    if proc.returncode != 0 or match is None:
        raise SystemExit(f"wrk failed ({proc.returncode}): {out[-2000:]}")
    result = {k: float(v) for k, v in (kv.split("=") for kv in match.group(1).split())}
    return result, usage.ru_utime + usage.ru_stime


def rows(db_url: str) -> int:
    db = HubDB(db_url)
    try:
        with db.read() as conn:
            return conn.execute(select(func.count()).select_from(REGS)).scalar_one()
    finally:
        db.close()


def run(cluster: PgCluster, tmp: Path, workers: int, args) -> dict:
    db_url = cluster.new_database()
    serve = ("--workers", str(workers), "--page-rate-limit", HUGE, "--agency", "压测人力")
    process = HubProcess(db_url, log_dir=tmp, args=serve).start()
    try:
        hub = Hub(process, process.token("bench-device"), process.token("bench-admin", admin=True))
        put_jobs(hub)
        wrk(hub.url, args.warmup, args.connections, base=0)  # warm the pools and caches
        time.sleep(1)  # the warm-up's last POSTs in flight finish
        warm_rows = rows(db_url)
        hub_pids, pg_pids = tree(process.proc.pid), tree(postmaster(cluster))
        hub_before, pg_before = cpu_seconds(hub_pids), cpu_seconds(pg_pids)
        result, wrk_cpu = wrk(hub.url, args.seconds, args.connections, base=1)
        hub_cpu = used(hub_before, cpu_seconds(tree(process.proc.pid)))
        pg_cpu = used(pg_before, cpu_seconds(tree(postmaster(cluster))))
        stored = rows(db_url) - warm_rows
    finally:
        process.stop()
    # wrk stops with up to one POST per connection in flight: stored, not counted.
    lost = stored - result["signups"]
    if not 0 <= lost <= args.connections or result["failures"] or result["errors"]:
        raise SystemExit(f"{workers} process(es): {result}, {stored} rows stored")
    seconds = result["seconds"]
    return {
        "workers": workers, **result, "per_s": result["signups"] / seconds,
        "hub_cpu": hub_cpu / seconds, "pg_cpu": pg_cpu / seconds, "wrk_cpu": wrk_cpu / seconds,
        "ms_hub": 1000 * hub_cpu / result["signups"], "ms_pg": 1000 * pg_cpu / result["signups"],
    }  # fmt: skip


def machine() -> str:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                            capture_output=True, text=True).stdout.strip()  # fmt: skip
    dirty = subprocess.run(["git", "status", "--porcelain", "hostdesk"], cwd=REPO,
                           capture_output=True, text=True).stdout.strip()  # fmt: skip
    cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    version = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout
    return (
        f"{os.cpu_count()} CPUs (`nproc`), {cpu.group(1) if cpu else '?'}; load average "
        f"{', '.join(f'{x:.2f}' for x in os.getloadavg())} at the start (the machine is "
        f"shared); Python {platform.python_version()}; {version.split(' Copyright')[0].strip()}; "
        f"commit {commit}{' + uncommitted changes under hostdesk/' if dirty else ''}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--warmup", type=float, default=3)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")
    assert JOBS[0]["code"] == "J1"
    about = machine()
    tmp = Path(tempfile.mkdtemp(prefix="bench_hub_page_"))
    cluster = PgCluster.start()
    try:
        results = [run(cluster, tmp, workers, args) for workers in (1, 2)]
    finally:
        cluster.drop()
    print("## Sign-up page throughput on PostgreSQL, 1 and 2 hub processes (issue 13)\n")
    print(f"Machine: {about}; PostgreSQL {cluster.version} (throwaway cluster, fsync on).\n")
    print(f"Command: `.venv/bin/python bench/bench_hub_page.py --seconds {args.seconds:g} "
          f"--connections {args.connections} --warmup {args.warmup:g}`\n")  # fmt: skip
    print("| hub processes | sign-ups/s | sign-up p50 | p95 | p99 | sign-ups | "
          "CPU: hub | PostgreSQL | wrk | hub ms/sign-up | PG ms/sign-up |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['workers']} | {r['per_s']:.0f} | {r['p50']:.0f} ms | {r['p95']:.0f} ms | "
              f"{r['p99']:.0f} ms | {r['signups']:.0f} | {r['hub_cpu']:.2f} cores | "
              f"{r['pg_cpu']:.2f} cores | {r['wrk_cpu']:.2f} cores | {r['ms_hub']:.2f} | "
              f"{r['ms_pg']:.2f} |")  # fmt: skip
    print(
        f"\nA sign-up is GET + POST (two requests; its latency runs from the GET's start to "
        f"the 303), {args.connections} wrk connections each signing viewers up back to back. "
        f"CPU in cores = CPU seconds / wall seconds."
    )


if __name__ == "__main__":
    main()
