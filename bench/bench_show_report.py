"""The desktop's show report for a 3-hour show with 5,000 sign-ups: read + compute + draw.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_show_report.py [--signups 5000]
        [--earlier 5] [--runs 7]

Fills a fresh desktop data dir (real SQLite, migrated by the app) with one 3-hour show in a
room: a take every 3-6 minutes over 12 jobs, `--signups` sign-ups spread over the show, plus
`--earlier` ended shows in the same room with as many sign-ups each (the comparison rows).
Then, `--runs` times, does what the report window does: `ShowReports.load` on the worker
(reads the show and the earlier ones, computes every report) and draws the page the dialog
shows (1,320 px wide, into an image). The target (issue 16): ready in under 1 s. Prints a
Markdown section with the medians.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from hostdesk import app as desktop  # noqa: E402
from hostdesk.core.show_report import build_report  # noqa: E402
from hostdesk.render.report_chart import render_report  # noqa: E402
from hostdesk.services.sessions import SessionService  # noqa: E402
from hostdesk.services.show_reports import ShowReports  # noqa: E402
from hostdesk.store.sessions_repo import SessionRepository  # noqa: E402
from hostdesk.store.tables import RegistrationRow, TakeRow  # noqa: E402
from hostdesk.ui.show_report_dialog import page_of  # noqa: E402

ROOM = "金亮点人力 蔚姐直播间"
JOBS = [f"J{n:02d}" for n in range(12)]
SHOW = timedelta(hours=3)


def fill_show(db, start: datetime, signups: int, rng: random.Random, seq: list[int]) -> str:
    """One ended 3-hour show with its takes and `signups` sign-ups; returns its id."""
    session = SessionService(SessionRepository(db), clock=lambda: start).start("kuaishou", ROOM)
    takes, t = [], 0.0
    while t < SHOW.total_seconds() / 60:
        takes.append({"action": "take", "job_code": rng.choice(JOBS), "session": session.id,
                      "at": start + timedelta(minutes=t)})  # fmt: skip
        t += rng.uniform(3, 6)
    rows = []
    for _ in range(signups):
        at = start + timedelta(seconds=rng.uniform(0, SHOW.total_seconds()))
        seq[0] += 1
        rows.append({
            "id": str(uuid.uuid4()), "seq": seq[0], "job_code": rng.choice(JOBS),
            "job_title": "", "session_id": session.id, "source": rng.choice(["qr", "phone"]),
            "consent_method": "checkbox", "notice_version": "v1", "consented_at": at,
            "created_at": at, "updated_at": at,
        })  # fmt: skip
    with db.write() as conn:
        conn.execute(insert(TakeRow.__table__), takes)
        conn.execute(insert(RegistrationRow.__table__), rows)
    SessionService(SessionRepository(db), clock=lambda: start + SHOW).stop()
    return session.id


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--signups", type=int, default=5000)
    parser.add_argument("--earlier", type=int, default=5)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    qt = QApplication([])  # noqa: F841 (fonts and images need the application)
    rng = random.Random(16)
    with tempfile.TemporaryDirectory() as tmp:
        ctx = desktop.build(Path(tmp) / "data")
        seq = [0]
        now = datetime.now(UTC)
        for week in range(args.earlier, 0, -1):
            fill_show(ctx.db, now - timedelta(days=7 * week), args.signups, rng, seq)
        show = fill_show(ctx.db, now - SHOW, args.signups, rng, seq)
        reports = ShowReports(ctx.db)
        signups = reports._signups(show)[0]  # for timing the computation alone
        load, draw, total, compute = [], [], [], []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            view = reports.load(show)
            t1 = time.perf_counter()
            image = render_report(page_of(view), 1320)
            t2 = time.perf_counter()
            load.append(t1 - t0)
            draw.append(t2 - t1)
            total.append(t2 - t0)
            r = view.report
            c0 = time.perf_counter()  # the pure computation alone, on data already read
            build_report(r.start, r.end, r.spans, signups)
            compute.append(time.perf_counter() - c0)
        assert view.report.signups == args.signups and len(view.report.earlier) == args.earlier
        assert not image.isNull()
        ctx.close()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                            capture_output=True, text=True).stdout.strip()  # fmt: skip
    ms = lambda xs: f"{statistics.median(xs) * 1000:.0f} ms"  # noqa: E731
    print(f"### Show report on the desktop ({args.signups} sign-ups, 3 h, "
          f"{args.earlier} earlier shows)\n")  # fmt: skip
    print(f"commit {commit}, {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; "
          f"medians of {args.runs} runs\n")  # fmt: skip
    print("| read + compute (ShowReports.load) | of which build_report | draw (1,320 px) "
          "| ready (target < 1 s) |")  # fmt: skip
    print("|---|---|---|---|")
    print(f"| {ms(load)} | {ms(compute)} | {ms(draw)} | {ms(total)} |")


if __name__ == "__main__":
    main()
