"""An employer's xlsx export of 10,000 rows: its time and the hub's memory while it runs.

    .venv/bin/python bench/bench_employer_export.py [--rows 10000] [--runs 5] [--db both]

Fills a fresh SQLite file and a throwaway PostgreSQL database with 10 × `--rows` sign-ups over
200 jobs of 20 companies; one company's jobs get `--rows` sign-ups with the employer consent
ticked (its export) and as many without it (not exported). Starts a real hub process, signs
in as that company's employer account and POSTs the export as the page does; the time is the
client's, from the request to the last byte. The hub's resident memory (the process and its
children, from /proc) is sampled every 10 ms during each export: "flat" means an export of
`--rows` rows costs no more memory than one of a tenth of them. Prints a Markdown section.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from openpyxl import load_workbook  # noqa: E402
from sqlalchemy import insert, update  # noqa: E402

from hostdesk.hub import staff  # noqa: E402
from hostdesk.hub.db import HubDB  # noqa: E402
from hostdesk.hub.models import COUNTERS, JOBS, REGS  # noqa: E402
from tests.hub.harness import HubProcess, PgCluster  # noqa: E402
from tests.hub.office import PASSWORD, csrf_of  # noqa: E402

CHUNK = 5000
COMPANY = "公司03"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"


def fill(db: HubDB, rows: int, seed: int = 7) -> None:
    """10 × `rows` sign-ups; COMPANY's 10 jobs: `rows` consented and `rows` not."""
    rng = random.Random(seed)
    db.create_schema()
    companies = [f"公司{n:02d}" for n in range(20)]
    codes = [f"J{n:03d}" for n in range(200)]
    mine = [c for n, c in enumerate(codes) if companies[n % 20] == COMPANY]
    others = [c for c in codes if c not in mine]
    with db.write() as conn:
        conn.info.pop("seq", None)
        conn.execute(insert(JOBS), [
            {"code": c, "position": n, "data": json.dumps(
                {"code": c, "title": f"岗位{n}", "company": companies[n % 20]}, ensure_ascii=False)}
            for n, c in enumerate(codes)
        ])  # fmt: skip
    staff.create_account(db, "employer", "employer", PASSWORD, employer=COMPANY)
    total = rows * 10
    now = datetime.now(UTC)
    for start in range(0, total, CHUNK):
        batch = []
        for i in range(start, min(start + CHUNK, total)):
            at = (now - timedelta(minutes=(total - i) * 0.4)).isoformat(timespec="microseconds")
            ours = i % 10 in (3, 7)  # a fifth: COMPANY's, half of them consented
            batch.append({
                "id": i + 1, "client_id": str(uuid.uuid4()), "origin": "hub", "device": None,
                "job_code": rng.choice(mine if ours else others), "job_title": "",
                "session_id": f"S{i // 1000:03d}",
                "name": rng.choice(SURNAMES) + rng.choice(SURNAMES),
                "phone": f"13{rng.randrange(10**9):09d}", "age": 20 + i % 30,
                "expected_city": "佛山", "source": "qr", "consent_method": "checkbox",
                "notice_version": "2026-11", "consented_at": at, "status": "active",
                "employer_consent": i % 10 == 3 or (not ours and i % 2 == 0),
                "version": 1, "created_at": at, "updated_at": at, "seq": i + 1,
            })  # fmt: skip
        with db.write() as conn:
            conn.info.pop("seq", None)
            conn.execute(insert(REGS), batch)
    with db.write() as conn:
        conn.info.pop("seq", None)
        conn.execute(update(COUNTERS).where(COUNTERS.c.name == "seq").values(value=total))
        conn.execute(update(COUNTERS).where(COUNTERS.c.name == "jobs").values(text="bench"))
    if db.dialect == "postgresql":
        with db.engine.connect() as conn:
            conn.exec_driver_sql("COMMIT")
            conn.exec_driver_sql("ANALYZE")


def _rss_kib(pid: int) -> int:
    """Resident memory of `pid` and its children, in KiB."""
    pids = [pid]
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            pids += [int(c) for c in (task / "children").read_text().split()]
    except OSError:
        pass
    total = 0
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


class Peak:
    """The highest RSS seen while the block runs (sampled every 10 ms)."""

    def __init__(self, pid: int):
        self.pid, self.peak, self._stop = pid, 0, threading.Event()

    def __enter__(self):
        self.before = _rss_kib(self.pid)
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, _rss_kib(self.pid))
            time.sleep(0.01)

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def measure(hub: HubProcess, rows: int, runs: int) -> list[tuple[str, list[float], list[int], int]]:
    import requests

    session = requests.Session()
    page = session.get(f"{hub.url}/office/login", timeout=10)
    r = session.post(f"{hub.url}/office/login", allow_redirects=False, timeout=30,
                     data={"csrf": csrf_of(page.text), "username": "employer", "password": PASSWORD},
                     headers={"Origin": hub.url})  # fmt: skip
    assert r.status_code == 303, r.text
    view = session.get(f"{hub.url}/office/employer", timeout=30)
    csrf = csrf_of(view.text)
    out = []
    # One job of the ten (about a tenth of the rows), then all of them.
    for label, job in (
        (f"one job (~{rows // 10:,} rows)", "J003"),
        (f"all jobs ({rows:,} rows)", ""),
    ):
        times, peaks, count = [], [], 0
        for _ in range(runs):
            with Peak(hub.proc.pid) as peak:
                started = time.perf_counter()
                r = session.post(f"{hub.url}/office/employer/export", data={"csrf": csrf, "job": job},
                                 headers={"Origin": hub.url}, timeout=120)  # fmt: skip
                body = r.content
                times.append(time.perf_counter() - started)
            assert r.status_code == 200, r.text[-500:]
            peaks.append(peak.peak)
            sheet = load_workbook(io.BytesIO(body), read_only=True).active
            count = sum(1 for _ in sheet.iter_rows(values_only=True)) - 1  # less the header
        out.append((label, times, peaks, count))
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_export_"))
    targets, cluster = [], None
    if args.db in ("sqlite", "both"):
        targets.append(("SQLite", f"sqlite:///{tmp / 'hub.db'}"))
    if args.db in ("postgresql", "both"):
        cluster = PgCluster.start()
        targets.append(("PostgreSQL", cluster.new_database()))
    try:
        for name, url in targets:
            db = HubDB(url)
            try:
                fill(db, args.rows)
            finally:
                db.close()
            hub = HubProcess(url, log_dir=tmp).start()
            try:
                baseline = _rss_kib(hub.proc.pid)
                results = measure(hub, args.rows, args.runs)
            finally:
                hub.stop()
            print(f"\n### {name}: {args.rows * 10:,} sign-ups, the employer's export "
                  f"(n = {args.runs}; hub RSS before: {baseline / 1024:.0f} MiB)\n")  # fmt: skip
            print(
                "| Export | rows in the xlsx | p50 s | max s | target | peak hub RSS MiB | result |"
            )
            print("|---|--:|--:|--:|--:|--:|:-:|")
            for label, times, peaks, count in results:
                ok = max(times) < 5.0
                print(f"| {label} | {count:,} | {statistics.median(times):.2f} | {max(times):.2f} "
                      f"| < 5 s | {max(peaks) / 1024:.0f} | {'pass' if ok else 'FAIL'} |")  # fmt: skip
            sys.stdout.flush()
    finally:
        if cluster is not None:
            cluster.drop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
