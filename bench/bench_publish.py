"""Publish benchmark: 5,000 imported jobs to a real hub on loopback (issue 15: under 3 s).

    .venv/bin/python bench/bench_publish.py [--rows 5000] [--pg]

The hub is `hostdesk-hub serve` in its own process (SQLite file; --pg: also a throwaway
PostgreSQL cluster). The desktop imports the generated sheet (make_catalogue.py), then the
real Publisher sends every job (batches of 1,000) and records the answers; timed from the
first read of the store to the last answer recorded. A second run (nothing to send) and an
edit of one job are timed too, and the check a take makes when the hub has the job. Prints a Markdown section for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(BENCH))

from make_catalogue import write_sheet  # noqa: E402

from hostdesk import app  # noqa: E402
from hostdesk.services.take_publish import TakePublishing  # noqa: E402
from hostdesk.store.publish_repo import HubCopy, PublishRepository  # noqa: E402
from hostdesk.sync.client import HubClient  # noqa: E402
from hostdesk.sync.publish import Publisher  # noqa: E402
from tests.hub.harness import HubProcess, PgCluster  # noqa: E402

TARGET_S = 3.0


def run(db_url: str, rows: int, work: Path) -> dict:
    process = HubProcess(db_url, log_dir=work).start()
    try:
        token = process.token("bench-pc")
        data_dir = work / f"pc-{process.database}"
        ctx = app.build(data_dir)
        try:
            ctx.catalogue.import_file(write_sheet(work / "jobs.xlsx", rows))
            publisher = Publisher(PublishRepository(ctx.db))
            client = HubClient(process.url, token)
            try:
                started = time.perf_counter()
                first = publisher.publish(client)
                full = time.perf_counter() - started
                started = time.perf_counter()
                again = publisher.publish(client)
                idle = time.perf_counter() - started
                job = ctx.jobs.list_jobs()[0]
                ctx.catalogue.save_job(replace(job, title=job.title + "（改）"), new=False)
                started = time.perf_counter()
                one = publisher.publish(client)
                edit = time.perf_counter() - started
                # A take of a job the hub has: the check is one local read, no request.
                taking = TakePublishing(PublishRepository(ctx.db), lambda: None)
                codes = [j.code for j in ctx.jobs.list_jobs()[:200]]
                checks = []
                for code in codes:
                    started = time.perf_counter()
                    assert taking.before_take(code) is HubCopy.PUBLISHED
                    checks.append(time.perf_counter() - started)
            finally:
                client.close()
        finally:
            ctx.close()
    finally:
        process.stop()
    assert first.created == rows and again.sent == 0 and one.updated == 1, (first, again, one)
    checks.sort()
    return {"database": process.database, "full": full, "idle": idle, "edit": edit,
            "take_p50": checks[len(checks) // 2], "take_max": checks[-1]}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--pg", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hostdesk_bench_publish_"))
    results = [run(f"sqlite:///{work / 'hub.db'}", args.rows, work)]
    if args.pg:
        cluster = PgCluster.start()
        try:
            results.append(run(cluster.new_database(), args.rows, work))
        finally:
            cluster.drop()
    print(f"### Publishing {args.rows:,} jobs to the hub (target under {TARGET_S:.0f} s)\n")
    print("| hub database | all jobs, first publish | nothing to send | one job edited "
          "| take check, hub has the job (p50 / max of 200) |")  # fmt: skip
    print("|---|---|---|---|---|")
    for r in results:
        print(f"| {r['database']} | {r['full']:.2f} s | {r['idle'] * 1000:.0f} ms "
              f"| {r['edit'] * 1000:.0f} ms | {r['take_p50'] * 1000:.1f} ms / "
              f"{r['take_max'] * 1000:.1f} ms |")  # fmt: skip


if __name__ == "__main__":
    main()
