"""The lead desk with 100,000 leads and 200 jobs: list pages, filters, search, stage changes.

    .venv/bin/python bench/bench_office.py [--leads 100000] [--jobs 200] [--runs 20] [--db both]

Fills a fresh SQLite file and a throwaway PostgreSQL database with sign-ups (a third of them
already worked: stages, owners, calls), starts a real hub process on each, signs in as a
recruiter and requests each page over loopback HTTP; the time is the server's own, from
the office's Server-Timing header (from the request's arrival to its answer's start). Prints a Markdown section for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import insert, update  # noqa: E402

from hostdesk.hub import staff  # noqa: E402
from hostdesk.hub.db import HubDB  # noqa: E402
from hostdesk.hub.leads import CHINA, STAGES  # noqa: E402
from hostdesk.hub.models import COUNTERS, JOBS, LEADS, REGS, STAFF  # noqa: E402
from tests.hub.harness import HubProcess, PgCluster  # noqa: E402
from tests.hub.office import PASSWORD, csrf_of  # noqa: E402

CHUNK = 5000
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
SOURCES = ("phone", "comment", "dm", "walk_in", "qr", "import")
RECRUITERS = [f"rec{n}" for n in range(1, 6)]


def fill(db: HubDB, leads: int, jobs: int, seed: int = 7) -> dict:
    """The catalogue, the accounts and `leads` sign-ups; returns values for the filters."""
    rng = random.Random(seed)
    db.create_schema()
    companies = [f"公司{n:02d}" for n in range(20)]
    codes = [f"J{n:03d}" for n in range(jobs)]
    with db.write() as conn:
        conn.info.pop("seq", None)
        conn.execute(insert(JOBS), [
            {"code": c, "position": n, "data": json.dumps(
                {"code": c, "title": f"岗位{n}", "company": companies[n % 20]}, ensure_ascii=False)}
            for n, c in enumerate(codes)
        ])  # fmt: skip
    for name in RECRUITERS:
        staff.create_account(db, name, "recruiter", PASSWORD)
    with db.read() as conn:
        owners = [r.id for r in conn.execute(STAFF.select())]
    now = datetime.now(UTC)
    phones = [f"13{rng.randrange(10**9):09d}" for _ in range(leads)]
    for i in range(0, leads, 20):  # one in twenty signs up for a second job too
        phones[i] = phones[i // 2]
    for start in range(0, leads, CHUNK):
        rows, lead_rows = [], []
        for i in range(start, min(start + CHUNK, leads)):
            at = (now - timedelta(minutes=(leads - i) * 0.4)).isoformat(timespec="microseconds")
            rows.append({
                "id": i + 1, "client_id": str(uuid.uuid4()), "origin": "device",
                "device": f"studio-{i % 5}", "job_code": codes[rng.randrange(jobs)],
                "job_title": "", "session_id": f"S{i // 1000:03d}",
                "name": rng.choice(SURNAMES) + rng.choice(SURNAMES), "phone": phones[i],
                "age": 20 + i % 30, "source": SOURCES[i % 6], "consent_method": "verbal",
                "notice_version": "2026-11", "consented_at": at, "status": "active",
                "employer_consent": False, "version": 1, "created_at": at, "updated_at": at,
                "seq": i + 1,
            })  # fmt: skip
            if i % 3 == 0:
                lead_rows.append({
                    "reg_id": i + 1, "stage": STAGES[i % len(STAGES)],
                    "owner_id": owners[i % len(owners)], "stage_at": at, "calls": i % 4,
                })  # fmt: skip
        with db.write() as conn:
            conn.info.pop("seq", None)
            conn.execute(insert(REGS), rows)
            conn.execute(insert(LEADS), lead_rows)
    with db.write() as conn:
        conn.info.pop("seq", None)
        conn.execute(update(COUNTERS).where(COUNTERS.c.name == "seq").values(value=leads))
        # The catalogue's etag, as a catalogue write sets it (the desk caches the jobs by it).
        conn.execute(update(COUNTERS).where(COUNTERS.c.name == "jobs").values(text=f"bench-{jobs}"))
    if db.dialect == "postgresql":
        with db.engine.connect() as conn:
            conn.exec_driver_sql("COMMIT")
            conn.exec_driver_sql("ANALYZE")
    day = (now - timedelta(days=2)).astimezone(CHINA).date().isoformat()
    return {"job": codes[17], "employer": companies[3], "session": "S050", "device": "studio-3",
            "day": day, "phone": phones[leads // 2], "tail": phones[leads // 3][-4:]}  # fmt: skip


def _server_ms(r) -> float:
    """The hub's own time for the request (its Server-Timing header), in ms."""
    return float(r.headers["server-timing"].split("dur=")[1])


def _time(session, url: str, params: dict, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        r = session.get(url, params=params, timeout=(5, 60))
        assert r.status_code == 200, r.text[-500:]
        times.append(_server_ms(r))
    return times


def _p95(times: list[float]) -> float:
    return sorted(times)[max(0, round(0.95 * len(times)) - 1)]


def measure(hub: HubProcess, values: dict, runs: int) -> list[tuple[str, list[float], float]]:
    import requests

    session = requests.Session()
    page = session.get(f"{hub.url}/office/login", timeout=10)
    r = session.post(f"{hub.url}/office/login", allow_redirects=False, timeout=30,
                     data={"csrf": csrf_of(page.text), "username": "rec1", "password": PASSWORD},
                     headers={"Origin": hub.url})  # fmt: skip
    assert r.status_code == 303, r.text
    url = f"{hub.url}/office/leads"
    csrf = csrf_of(session.get(url, timeout=30).text)
    cases = [
        ("first page (newest 50)", {}),
        ("filter: job", {"job": values["job"]}),
        ("filter: employer (10 jobs)", {"employer": values["employer"]}),
        ("filter: show (session)", {"session": values["session"]}),
        ("filter: broadcast PC", {"device": values["device"]}),
        ("filter: date", {"day": values["day"]}),
        ("filter: source", {"source": "qr"}),
        ("filter: stage 已约面", {"stage": "booked"}),
        ("filter: stage 新报名 (no row yet)", {"stage": "new"}),
        ("filter: owner = me", {"owner": "me"}),
        ("filter: unassigned", {"owner": "none"}),
        ("my queue", {"queue": "mine"}),
        ("search: a name", {"q": "王李"}),
        ("search: whole number", {"q": values["phone"]}),
        ("search: last 4 digits", {"q": values["tail"]}),
        ("page 100 of the list", {"page": "100"}),
    ]
    out = []
    _time(session, url, {}, 3)  # warm: pools, templates
    for label, params in cases:
        times = _time(session, url, params, runs)
        out.append((label, times, 150.0))
    # Stage changes: a different 新报名 lead each time (ids with no lead row: i % 3 != 0).
    times = []
    reg_ids = [i + 1 for i in range(1000, 100_000) if i % 3 != 0][:runs]
    for reg_id in reg_ids:
        r = session.post(f"{url}/{reg_id}/stage", allow_redirects=False, timeout=30,
                         data={"csrf": csrf, "from": "new", "to": "contacted"},
                         headers={"Origin": hub.url})  # fmt: skip
        assert r.status_code == 303, r.text[-500:]
        times.append(_server_ms(r))
    out.append(("stage change 新报名 → 已联系 (POST)", times, 50.0))
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=200)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_office_"))
    targets = []
    cluster = None
    if args.db in ("sqlite", "both"):
        targets.append(("SQLite", f"sqlite:///{tmp / 'hub.db'}"))
    if args.db in ("postgresql", "both"):
        cluster = PgCluster.start()
        targets.append(("PostgreSQL", cluster.new_database()))
    try:
        for name, url in targets:
            db = HubDB(url)
            started = time.perf_counter()
            try:
                values = fill(db, args.leads, args.jobs)
            finally:
                db.close()
            print(f"\n### {name}: {args.leads:,} leads, {args.jobs} jobs "
                  f"(filled in {time.perf_counter() - started:.0f} s)\n")  # fmt: skip
            hub = HubProcess(url, log_dir=tmp).start()
            try:
                rows = measure(hub, values, args.runs)
            finally:
                hub.stop()
            print(f"| Request (n = {args.runs}) | p50 ms | p95 ms | max ms | target p95 | result |")
            print("|---|--:|--:|--:|--:|:-:|")
            for label, times, target in rows:
                p95 = _p95(times)
                print(f"| {label} | {statistics.median(times):.1f} | {p95:.1f} | "
                      f"{max(times):.1f} | < {target:.0f} ms | {'pass' if p95 < target else 'FAIL'} |")  # fmt: skip
            sys.stdout.flush()
    finally:
        if cluster is not None:
            cluster.drop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
