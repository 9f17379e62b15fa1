"""500 open event streams on one hub process: memory per stream and a sign-up's added latency.

    .venv/bin/python bench/bench_event_streams.py [--streams 500] [--signups 30] [--db sqlite|postgresql]

A real hub (`python -m hostdesk.hub serve`, one process) on a fresh SQLite file or a throwaway
PostgreSQL cluster (tests/hub/harness.py). Each stream is an admin token of its own (every
stream receives every sign-up: the most work per sign-up), held by an asyncio client in this
process. Memory: the hub's RSS (/proc/PID/status VmRSS) with every stream open and past its
first event, minus the RSS before, over the number of streams. Latency: from just before
each sign-up's POST /api/v1/registrations/hub to its `id:` line arriving on a stream, over
all streams and sign-ups, first with 1 stream open, then with all of them; sign-ups are
posted one at a time, each once the previous one reached every stream. Prints Markdown.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))

from hostdesk.hub.auth import create_token  # noqa: E402
from hostdesk.hub.db import HubDB  # noqa: E402
from tests.hub.harness import HubProcess, PgCluster  # noqa: E402

HEARTBEAT_ENV = {"HOSTDESK_HUB_EVENTS_HEARTBEAT": "5"}


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


class Client:
    """One open GET /api/v1/events over a raw socket; `seen[seq]` = monotonic arrival."""

    def __init__(self, port: int, token: str):
        self.port, self.token = port, token
        self.seen: dict[int, float] = {}
        self.ready = asyncio.Event()  # the first event (the catalogue's) arrived
        self.changed = asyncio.Event()

    async def run(self) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port, limit=2**20)
        writer.write(
            f"GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Authorization: Bearer {self.token}\r\nAccept: text/event-stream\r\n\r\n".encode()
        )
        await writer.drain()
        status = await reader.readline()
        if b" 200 " not in status:
            raise RuntimeError(f"stream refused: {status!r}")
        try:
            while line := await reader.readline():
                if line.startswith(b"event:"):
                    self.ready.set()
                elif line.startswith(b"id:"):
                    self.seen[int(line[3:])] = time.monotonic()
                    self.changed.set()
        finally:
            writer.close()


def post_signup(url: str, admin: str, n: int) -> int:
    body = {
        "job_code": "J1", "job_title": "冰箱总装普工", "session_id": "S-bench", "name": "张三",
        "phone": f"139{n:08d}", "age": 25, "consent_method": "verbal",
        "notice_version": "2026-11", "consented_at": "2026-11-26T10:00:00+00:00",
    }  # fmt: skip
    r = requests.post(
        f"{url}/api/v1/registrations/hub",
        json=body,
        headers={"Authorization": f"Bearer {admin}"},
        timeout=60,
    )
    r.raise_for_status()
    return r.json()["cursor"]


async def measure(hub: HubProcess, clients: list[Client], admin: str, first: int, count: int):
    """Latencies (ms) of `count` sign-ups to every client, and the POSTs' own round trips."""
    latencies, posts = [], []
    loop = asyncio.get_running_loop()
    for n in range(first, first + count):
        sent = time.monotonic()
        seq = await loop.run_in_executor(None, post_signup, hub.url, admin, n)
        posts.append((time.monotonic() - sent) * 1000)
        deadline = time.monotonic() + 120
        while not all(seq in c.seen for c in clients):
            if time.monotonic() > deadline:
                raise RuntimeError(f"sign-up {seq} did not reach every stream in 120 s")
            await asyncio.sleep(0.005)
        latencies += [(c.seen[seq] - sent) * 1000 for c in clients]
    return latencies, posts


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


async def run(hub: HubProcess, tokens: list[str], admin: str, signups: int) -> dict:
    pid = hub.proc.pid  # one worker: uvicorn serves in the process it was started as
    post_signup(hub.url, admin, 0)  # warm the route and the pool
    base_rss = rss_kib(pid)

    one = Client(hub.port, tokens[0])
    task = asyncio.create_task(one.run())
    await asyncio.wait_for(one.ready.wait(), 60)
    lat1, posts1 = await measure(hub, [one], admin, 1, signups)

    clients = [one]
    tasks = [task]
    for token in tokens[1:]:
        client = Client(hub.port, token)
        clients.append(client)
        tasks.append(asyncio.create_task(client.run()))
    await asyncio.wait_for(asyncio.gather(*(c.ready.wait() for c in clients)), 300)
    # Every stream has read the backlog (the sign-ups above): wait until they all have.
    last = max(one.seen)
    while not all(last in c.seen for c in clients):
        await asyncio.sleep(0.05)
    await asyncio.sleep(2)
    open_rss = rss_kib(pid)
    latn, postsn = await measure(hub, clients, admin, 1000, signups)
    after_rss = rss_kib(pid)
    for t in tasks:
        t.cancel()
    return {
        "pid": pid, "base_rss": base_rss, "open_rss": open_rss, "after_rss": after_rss,
        "lat1": lat1, "posts1": posts1, "latn": latn, "postsn": postsn,
    }  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--streams", type=int, default=500)
    ap.add_argument("--signups", type=int, default=30)
    ap.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    args = ap.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 4096)), hard))

    tmp = Path(tempfile.mkdtemp(prefix="bench_events_"))
    cluster = PgCluster.start() if args.db == "postgresql" else None
    db_url = cluster.new_database() if cluster else f"sqlite:///{tmp / 'hub.db'}"
    hub = HubProcess(db_url, log_dir=tmp, env=HEARTBEAT_ENV).start()
    try:
        db = HubDB(db_url)
        try:
            tokens = [create_token(db, f"bench-{i}", admin=True) for i in range(args.streams)]
        finally:
            db.close()
        admin = hub.token("bench-poster", admin=True)
        r = asyncio.run(run(hub, tokens, admin, args.signups))
    finally:
        hub.stop()
        if cluster:
            cluster.drop()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO
    ).stdout.strip()
    per_stream = (r["open_rss"] - r["base_rss"]) / args.streams
    print(f"### {args.streams} open event streams on one hub process ({args.db})\n")
    print(f"`.venv/bin/python bench/bench_event_streams.py --streams {args.streams} "
          f"--signups {args.signups} --db {args.db}`; commit {commit}; "
          f"{platform.machine()}, {os.cpu_count()} cores (shared), Python "
          f"{platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.\n")  # fmt: skip
    print("| | value |\n|---|---|")
    print(f"| hub RSS before streams | {r['base_rss'] / 1024:.1f} MiB |")
    print(f"| hub RSS with {args.streams} streams open | {r['open_rss'] / 1024:.1f} MiB |")
    print(f"| memory per stream | {per_stream:.1f} KiB |")
    print(f"| hub RSS after {args.signups} sign-ups to all | {r['after_rss'] / 1024:.1f} MiB |")
    for label, lat, posts in (("1 stream", r["lat1"], r["posts1"]),
                              (f"{args.streams} streams", r["latn"], r["postsn"])):  # fmt: skip
        print(
            f"| POST → event, {label}: p50 / p95 / max | {statistics.median(lat):.0f} / "
            f"{pct(lat, 95):.0f} / {max(lat):.0f} ms (POST alone p50 "
            f"{statistics.median(posts):.0f} ms) |"
        )
    added50 = statistics.median(r["latn"]) - statistics.median(r["lat1"])
    added95 = pct(r["latn"], 95) - pct(r["lat1"], 95)
    print(f"| added by {args.streams} streams: p50 / p95 | {added50:.0f} / {added95:.0f} ms |")


if __name__ == "__main__":
    main()
