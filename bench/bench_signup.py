"""Sign-up page benchmarks: page TTFB and full load in Chromium, form submissions per second.

    .venv/bin/python bench/bench_signup.py [--loads 50] [--submissions 2000] [--clients 8] [--pg]

Starts a real hub process (`python -m hostdesk hub serve`, page rate limit off) on a fresh
SQLite file (WAL, synchronous=FULL), and with --pg also on a throwaway PostgreSQL cluster.
Page loads: Debian's chromium via Playwright, a fresh browser context per load (a viewer
scanning the QR code for the first time: nothing cached), Navigation Timing level 2; and
requests' time to the response headers for comparison. Submissions: N threads, each with
its own requests.Session, GET the page (for the CSRF token) then POST a distinct phone;
the row count is checked against the submissions. Prints a Markdown section for
bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.hub.conftest import Hub  # noqa: E402
from tests.hub.harness import HubProcess, PgCluster  # noqa: E402
from tests.hub.signup import JOBS, PAGE_ARGS, put_jobs, token_of  # noqa: E402

TIMEOUT = (5, 60)


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def start_hub(db_url: str, tmp: Path) -> Hub:
    process = HubProcess(db_url, log_dir=tmp, args=PAGE_ARGS).start()
    hub = Hub(process, process.token("bench-device"), process.token("bench-admin", admin=True))
    put_jobs(hub)
    return hub


def browser_loads(hub: Hub, loads: int) -> tuple[list[float], list[float]]:
    from playwright.sync_api import sync_playwright

    ttfb, full = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=shutil.which("chromium"),
            args=["--no-sandbox", "--disable-background-networking"],
        )
        for i in range(loads + 3):  # three warm-ups (the process's first renders)
            context = browser.new_context(viewport={"width": 390, "height": 844})
            page = context.new_page()
            page.goto(f"{hub.url}/j/J1?s=BENCH&d=bench-device", wait_until="load")
            timing = page.evaluate(
                "(() => { const n = performance.getEntriesByType('navigation')[0];"
                " return [n.responseStart - n.requestStart, n.loadEventEnd - n.startTime]; })()"
            )
            if timing[1] <= 0:  # loadEventEnd is set just after the load event fires
                page.wait_for_function(
                    "performance.getEntriesByType('navigation')[0].loadEventEnd > 0"
                )
                timing = page.evaluate(
                    "(() => { const n = performance.getEntriesByType('navigation')[0];"
                    " return [n.responseStart - n.requestStart, n.loadEventEnd - n.startTime]; })()"
                )
            context.close()
            if i >= 3:
                ttfb.append(timing[0])
                full.append(timing[1])
        browser.close()
    return ttfb, full


def requests_ttfb(hub: Hub, loads: int) -> list[float]:
    session = requests.Session()
    out = []
    for i in range(loads + 3):
        r = session.get(f"{hub.url}/j/J1?s=BENCH", timeout=TIMEOUT, stream=True)
        elapsed = r.elapsed.total_seconds() * 1000  # until the headers were parsed
        r.content  # noqa: B018 - read the body before the next request
        assert r.status_code == 200
        if i >= 3:
            out.append(elapsed)
    return out


def submissions(hub: Hub, total: int, clients: int) -> dict:
    per_client = total // clients
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(clients + 1)

    def client(n: int) -> None:
        session = requests.Session()
        mine: list[float] = []
        barrier.wait()
        try:
            for i in range(per_client):
                t0 = time.perf_counter()
                page = session.get(f"{hub.url}/j/J1?s=BENCH", timeout=TIMEOUT)
                data = {
                    "csrf": token_of(page.text), "s": "BENCH", "d": "bench-device",
                    "name": f"测试{i % 100}", "phone": f"13{n:03d}{i:06d}", "age": "25",
                    "consent": "yes", "website": "",
                }  # fmt: skip
                r = session.post(
                    f"{hub.url}/j/J1",
                    data=data,
                    allow_redirects=False,
                    timeout=TIMEOUT,
                    headers={"Origin": hub.url},  # a POST with no Origin/Referer is refused
                )
                if r.status_code != 303:
                    raise RuntimeError(f"POST answered {r.status_code}")
                mine.append((time.perf_counter() - t0) * 1000)
        except Exception as exc:
            with lock:
                errors.append(repr(exc))
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    barrier.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - t0
    if errors:
        raise SystemExit(f"submissions failed: {errors[:3]}")
    stats = requests.get(f"{hub.url}/api/v1/stats", headers=hub.headers(), timeout=TIMEOUT).json()
    done = per_client * clients
    assert stats["by_job"].get("J1", 0) == done, (stats, done)
    return {
        "done": done,
        "rows": stats["by_job"]["J1"],
        "seconds": seconds,
        "per_s": done / seconds,
        "p50": pct(latencies, 50),
        "p95": pct(latencies, 95),
    }


def machine() -> str:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    cpu = ""
    try:
        text = Path("/proc/cpuinfo").read_text()
        cpu = re.search(r"model name\s*:\s*(.+)", text).group(1)
    except (OSError, AttributeError):
        pass
    chromium = subprocess.run(["chromium", "--version"], capture_output=True, text=True).stdout
    return (
        f"{os.cpu_count()} CPUs (`nproc`), {cpu}; load average {load} at the start; "
        f"Python {platform.python_version()}; {chromium.strip()}; "
        f"commit {commit}{' + uncommitted changes' if dirty else ''}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=50)
    parser.add_argument("--submissions", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--pg", action="store_true", help="also on PostgreSQL")
    args = parser.parse_args()
    assert JOBS[0]["code"] == "J1"
    about = machine()
    tmp = Path(tempfile.mkdtemp(prefix="bench_signup_"))
    hub = start_hub(f"sqlite:///{tmp / 'hub.db'}", tmp)
    try:
        ttfb, full = browser_loads(hub, args.loads)
        plain = requests_ttfb(hub, args.loads * 4)
        sqlite = submissions(hub, args.submissions, args.clients)
    finally:
        hub.process.stop()
    pg = None
    if args.pg:
        cluster = PgCluster.start()
        try:
            pg_hub = start_hub(cluster.new_database(), tmp)
            try:
                pg = submissions(pg_hub, args.submissions, args.clients)
            finally:
                pg_hub.process.stop()
        finally:
            cluster.drop()

    print("## Sign-up page (issue 7)\n")
    print(f"Machine: {about}.\n")
    print(
        "Command: `.venv/bin/python bench/bench_signup.py "
        f"--loads {args.loads} --submissions {args.submissions} --clients {args.clients}"
        f"{' --pg' if args.pg else ''}`\n"
    )
    print("| Page load on loopback (SQLite hub) | n | median | p95 |")
    print("|---|---|---|---|")
    print(f"| TTFB, Chromium (responseStart − requestStart) | {len(ttfb)} | "
          f"{statistics.median(ttfb):.1f} ms | {pct(ttfb, 95):.1f} ms |")  # fmt: skip
    print(f"| Full load, Chromium (loadEventEnd − startTime; CSS + JS, cold cache) | "
          f"{len(full)} | {statistics.median(full):.1f} ms | {pct(full, 95):.1f} ms |")  # fmt: skip
    print(f"| TTFB, requests (time to response headers, keep-alive) | {len(plain)} | "
          f"{statistics.median(plain):.1f} ms | {pct(plain, 95):.1f} ms |")  # fmt: skip
    print()
    print(f"| Form submissions, {args.clients} clients (GET page + POST, rate limit off) "
          "| submissions | rows | per second | p50 | p95 |")  # fmt: skip
    print("|---|---|---|---|---|---|")
    for name, r in (("SQLite", sqlite), ("PostgreSQL", pg)):
        if r:
            print(f"| {name} | {r['done']} | {r['rows']} | {r['per_s']:.0f} /s | "
                  f"{r['p50']:.1f} ms | {r['p95']:.1f} ms |")  # fmt: skip


if __name__ == "__main__":
    main()
