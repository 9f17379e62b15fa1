"""The hub's show report (/office/reports) for a 3-hour show with 5,000 sign-ups.

    .venv/bin/python bench/bench_hub_show_report.py [--signups 5000] [--runs 20] [--db both]
        [--shows]

Fills a fresh SQLite file and a throwaway PostgreSQL database: the show (3 hours, 3 PCs,
a take every 6 minutes, page opens every minute, a third of its leads worked on the desk)
and 5 earlier shows of the same PC (1,000 sign-ups each, compared on the page), among
20,000 other sign-ups; starts a real hub process on each, signs in as a recruiter and asks
for the report page over loopback HTTP. The time is the server's own (the office's
Server-Timing header): the queries, the computation (hostdesk.core.show_report) and the
rendered page. Prints a Markdown section for bench/RESULTS.md. With --shows the PCs sent
their shows' room and host (table shows): the page then compares the show with the 5 earlier
shows of its room and 5 older shows of its host in another room (10 earlier reports).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import insert, update  # noqa: E402

from hostdesk.hub import staff  # noqa: E402
from hostdesk.hub.db import HubDB  # noqa: E402
from hostdesk.hub.models import AIR_SPANS, COUNTERS, LEADS, PAGE_OPENS, REGS, SHOWS  # noqa: E402
from tests.hub.harness import HubProcess, PgCluster  # noqa: E402
from tests.hub.office import PASSWORD, csrf_of  # noqa: E402

SHOW = "S-BENCH"
PCS = ("studio-1", "studio-2", "studio-3")
JOBS = [f"J{n:02d}" for n in range(12)]
STAGES = ("contacted", "booked", "interviewed", "hired", "not_interested")


def _reg(i: int, at: datetime, show: str, device: str, job: str) -> dict:
    iso = at.isoformat(timespec="microseconds")
    return {
        "id": i, "client_id": str(uuid.uuid4()), "origin": "hub" if i % 4 == 0 else "device",
        "device": device, "job_code": job, "job_title": "", "session_id": show, "name": "王五",
        "phone": f"139{i:08d}", "source": "qr", "consent_method": "form", "notice_version": "v1",
        "consented_at": iso, "status": "active", "employer_consent": False, "version": 1,
        "created_at": iso, "updated_at": iso, "seq": i,
    }  # fmt: skip


def _show(code: str, start: datetime, hours: float, room: str, host: str) -> dict:
    return {"session_code": code, "device": PCS[0], "platform": "douyin", "room": room,
            "host": host, "started_at": start.isoformat(),
            "ended_at": (start + timedelta(hours=hours)).isoformat()}  # fmt: skip


def fill(db: HubDB, signups: int, seed: int = 3, shows: bool = False) -> None:
    rng = random.Random(seed)
    db.create_schema()
    staff.create_account(db, "rec1", "recruiter", PASSWORD)
    start = (datetime.now(UTC) - timedelta(hours=4)).replace(second=0, microsecond=0)
    regs, spans, opens, lead_rows = [], [], [], []
    n = 0
    for minute in range(0, 180, 6):  # a take every 6 minutes on each PC
        for pc in PCS:
            spans.append({"event_id": str(uuid.uuid4()), "device": pc, "session_code": SHOW,
                          "job_code": rng.choice(JOBS), "started_at": (start + timedelta(minutes=minute)).isoformat(),
                          "ended_at": (start + timedelta(minutes=minute + 6)).isoformat()})  # fmt: skip
    for minute in range(180):
        for job in rng.sample(JOBS, 4):
            opens.append({"job_code": job, "session_code": SHOW, "device": rng.choice(PCS),
                          "minute": (start + timedelta(minutes=minute)).isoformat(), "opens": rng.randrange(1, 9)})  # fmt: skip
    for _ in range(signups):
        n += 1
        at = start + timedelta(seconds=rng.uniform(0, 3 * 3600))
        regs.append(_reg(n, at, SHOW, rng.choice(PCS), rng.choice(JOBS)))
        if n % 3 == 0:
            lead_rows.append({"reg_id": n, "stage": rng.choice(STAGES), "stage_at": at.isoformat()})
    for k in range(1, 6):  # earlier shows of the same PCs, a day apart
        day = start - timedelta(days=k)
        for _ in range(1000):
            n += 1
            at = day + timedelta(seconds=rng.uniform(0, 2 * 3600))
            regs.append(_reg(n, at, f"S-EARLIER-{k}", PCS[0], rng.choice(JOBS)))
    for _ in range(20_000):  # everything else on the hub: 200 older 2-hour shows
        n += 1
        show = rng.randrange(200)
        at = start - timedelta(days=6 + show / 4, seconds=rng.uniform(0, 2 * 3600))
        regs.append(_reg(n, at, f"S-OLD-{show}", rng.choice(PCS), rng.choice(JOBS)))
    with db.write() as conn:
        conn.info.pop("seq", None)
        for i in range(0, len(regs), 5000):
            conn.execute(insert(REGS), regs[i : i + 5000])
        conn.execute(insert(LEADS), lead_rows)
        conn.execute(insert(AIR_SPANS), spans)
        conn.execute(insert(PAGE_OPENS), opens)
        if shows:  # the room and host the PCs sent (hub.shows)
            rows = [_show(SHOW, start, 3, "青岛直播间", "蔚姐")]
            rows += [_show(f"S-EARLIER-{k}", start - timedelta(days=k), 2, "青岛直播间", "小周")
                     for k in range(1, 6)]  # fmt: skip
            rows += [_show(f"S-OLD-{k}", start - timedelta(days=6 + k / 4), 2, "烟台直播间", "蔚姐")
                     for k in range(5)]  # fmt: skip
            conn.execute(insert(SHOWS), rows)
        conn.execute(update(COUNTERS).where(COUNTERS.c.name == "seq").values(value=n))
    if db.dialect == "postgresql":
        with db.engine.connect() as conn:
            conn.exec_driver_sql("COMMIT")
            conn.exec_driver_sql("ANALYZE")


def measure(hub: HubProcess, runs: int) -> list[float]:
    import requests

    session = requests.Session()
    page = session.get(f"{hub.url}/office/login", timeout=10)
    r = session.post(f"{hub.url}/office/login", allow_redirects=False, timeout=30,
                     data={"csrf": csrf_of(page.text), "username": "rec1", "password": PASSWORD},
                     headers={"Origin": hub.url})  # fmt: skip
    assert r.status_code == 303, r.text
    times = []
    for n in range(runs + 3):
        r = session.get(f"{hub.url}/office/reports", params={"show": SHOW}, timeout=60)
        assert r.status_code == 200 and "echarts" in r.text, r.text[-500:]
        if n >= 3:  # after warm-up: pools, templates
            times.append(float(r.headers["server-timing"].split("dur=")[1]))
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--signups", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--shows", action="store_true", help="rooms and hosts: 10 compared")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_report_"))
    targets, cluster = [], None
    if args.db in ("sqlite", "both"):
        targets.append(("SQLite", f"sqlite:///{tmp / 'hub.db'}"))
    if args.db in ("postgresql", "both"):
        cluster = PgCluster.start()
        targets.append(("PostgreSQL", cluster.new_database()))
    print(
        f"| Database | report page (n = {args.runs}) p50 ms | p95 ms | max ms | target | result |"
    )
    print("|---|--:|--:|--:|--:|:-:|")
    try:
        for name, url in targets:
            db = HubDB(url)
            try:
                fill(db, args.signups, shows=args.shows)
            finally:
                db.close()
            hub = HubProcess(url, log_dir=tmp).start()
            try:
                times = measure(hub, args.runs)
            finally:
                hub.stop()
            p95 = sorted(times)[max(0, round(0.95 * len(times)) - 1)]
            print(f"| {name} | {statistics.median(times):.1f} | {p95:.1f} | {max(times):.1f} | "
                  f"< 500 ms | {'pass' if p95 < 500 else 'FAIL'} |")  # fmt: skip
            sys.stdout.flush()
    finally:
        if cluster is not None:
            cluster.drop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
