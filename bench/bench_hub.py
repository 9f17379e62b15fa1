"""Hub ingest benchmarks: registrations/s in batches of 100, and ten concurrent clients.

    .venv/bin/python bench/bench_hub.py [--rows 10000] [--runs 3]

Starts real hub processes (`python -m hostdesk hub serve`, rate limit off) on a fresh SQLite
file (WAL, synchronous=FULL) and on a throwaway PostgreSQL cluster (fsync on), pushes over
loopback HTTP, and prints a Markdown section for bench/RESULTS.md. Runs as root on Debian
(pg_createcluster) or as a user with PostgreSQL's initdb on the machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.hub.harness import HubProcess, PgCluster  # noqa: E402
from tests.hub.payloads import item, phone  # noqa: E402

BATCH = 100
CLIENTS = 10
PER_CLIENT = 1000


def _batches(n: int, offset: int = 0) -> list[bytes]:
    """Request bodies, encoded before the clock starts (the client's JSON is not the hub's)."""
    items = [
        item(phone=phone(offset + i), name=f"测试{i % 1000}", job_code=f"J{i % 50:03d}")
        for i in range(n)
    ]
    return [
        json.dumps({"items": items[i : i + BATCH]}, ensure_ascii=False).encode("utf-8")
        for i in range(0, n, BATCH)
    ]


def _push(session: requests.Session, url: str, token: str, bodies: list[bytes]) -> int:
    created = 0
    for body in bodies:
        r = session.post(
            f"{url}/api/v1/registrations/batch",
            data=body,
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            timeout=(5, 60),
        )
        r.raise_for_status()
        results = r.json()["results"]
        assert len(results) == BATCH
        created += sum(1 for x in results if x["status"] == "created")
    return created


def _count(url: str, token: str) -> int:
    r = requests.get(
        f"{url}/api/v1/stats", headers={"Authorization": f"Bearer {token}"}, timeout=(5, 60)
    )
    return r.json()["total"]


def single_client(db_url: str, rows: int) -> tuple[float, int]:
    """(registrations/s, rows stored) for one client pushing `rows` in batches of 100."""
    hub = HubProcess(db_url).start()
    try:
        token = hub.token("bench")
        batches = _batches(rows)
        with requests.Session() as s:
            _push(s, hub.url, token, _batches(BATCH, offset=10_000_000))  # warm-up
            t = time.perf_counter()
            created = _push(s, hub.url, token, batches)
            elapsed = time.perf_counter() - t
        assert created == rows, created
        return rows / elapsed, _count(hub.url, token) - BATCH
    finally:
        hub.stop()


def in_process(db_url: str, rows: int) -> float:
    """registrations/s of the hub's batch transaction alone (no HTTP, no client on the CPU)."""
    from hostdesk.hub.db import HubDB
    from hostdesk.hub.ingest import ingest
    from hostdesk.hub.schemas import BatchIn

    db = HubDB(db_url)
    try:
        db.create_schema()
        batches = [BatchIn.model_validate_json(b).items for b in _batches(rows)]
        t = time.perf_counter()
        for batch in batches:
            ingest(db, "bench", batch)
        return rows / (time.perf_counter() - t)
    finally:
        db.close()


def _db(cluster: PgCluster, tmp: Path, name: str, file: str) -> str:
    return f"sqlite:///{tmp / file}" if name == "SQLite" else cluster.new_database()


def concurrent_clients(db_url: str) -> tuple[float, int, int]:
    """(registrations/s, rows stored, duplicates answered) for ten clients x 1,000, each
    sending every batch twice (a retry after a lost response) from its own thread."""
    hub = HubProcess(db_url).start()
    try:
        tokens = [hub.token(f"studio-{n}") for n in range(CLIENTS)]
        work = [_batches(PER_CLIENT, offset=n * PER_CLIENT) for n in range(CLIENTS)]
        created = [0] * CLIENTS
        errors: list[BaseException] = []
        barrier = threading.Barrier(CLIENTS)

        def run(n: int) -> None:
            try:
                with requests.Session() as s:
                    barrier.wait(timeout=60)
                    for batch in work[n]:
                        created[n] += _push(s, hub.url, tokens[n], [batch, batch])
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=run, args=(n,)) for n in range(CLIENTS)]
        t = time.perf_counter()
        for th in threads:
            th.start()
        for th in threads:
            th.join(timeout=600)
        elapsed = time.perf_counter() - t
        if errors:
            raise errors[0]
        stored = _count(hub.url, tokens[0])
        total = CLIENTS * PER_CLIENT
        return total / elapsed, stored, 2 * total - sum(created)
    finally:
        hub.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cluster = PgCluster.start()
    tmp = Path(tempfile.mkdtemp(prefix="hostdesk_bench_hub_"))
    rows_out = []
    try:
        for name in ("SQLite", "PostgreSQL"):
            rates = []
            for run in range(args.runs):
                rate, stored = single_client(_db(cluster, tmp, name, f"single{run}.db"), args.rows)
                assert stored == args.rows, stored
                rates.append(rate)
            c_rate, c_stored, c_dups = concurrent_clients(_db(cluster, tmp, name, "concurrent.db"))
            direct = in_process(_db(cluster, tmp, name, "direct.db"), args.rows)
            median = statistics.median(rates)
            rows_out.append((name, median, min(rates), c_rate, c_stored, c_dups, direct))
            print(f"{name}: {rates} / concurrent {c_rate:.0f}/s / direct {direct:.0f}/s", file=sys.stderr)  # fmt: skip
    finally:
        cluster.drop()
    print(f"### Hub ingest ({args.rows:,} registrations in batches of {BATCH}, {args.runs} runs)\n")
    print("| database | one client over HTTP: median (worst) | 10 clients x 1,000, each batch sent twice | rows stored | duplicates answered | batch transaction alone |")  # fmt: skip
    print("|---|---|---|---|---|---|")
    for name, median, worst, c_rate, c_stored, c_dups, direct in rows_out:
        print(f"| {name} | {median:,.0f}/s ({worst:,.0f}/s) | {c_rate:,.0f}/s | {c_stored:,} | {c_dups:,} | {direct:,.0f}/s |")  # fmt: skip
    print("\nTarget: >= 2,000 registrations/s; concurrent clients: exactly 10,000 rows.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
