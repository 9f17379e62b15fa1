"""Registration desk benchmarks: save latency, list/search over 100,000 rows, 100,000-row export.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_registrations.py [--rows 100000]

Prints a Markdown section for bench/RESULTS.md. Every figure comes from the real service on a
real SQLite file (WAL, synchronous=FULL) in a fresh temp data dir on this machine's disk.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))

from hostdesk import app  # noqa: E402
from hostdesk.core.jobs import Job  # noqa: E402
from hostdesk.core.phone import phone_hash  # noqa: E402
from hostdesk.core.registrations import (  # noqa: E402
    ConsentMethod,
    Registration,
    RegistrationDraft,
    RegQuery,
    RegStatus,
    Source,
    SyncState,
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅海燕宇浩然子轩梓涵一诺欣怡雨泽"
MOBILE_PREFIXES = [f"{n}" for n in (
    130, 131, 132, 133, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 156, 157, 158, 159,
    166, 170, 171, 173, 175, 176, 177, 178, 180, 181, 182, 183, 185, 186, 187, 188, 189, 191,
    198, 199,
)]  # fmt: skip
TITLES = ["冰箱总装普工", "仓库分拣员", "电子厂操作工", "焊工", "叉车司机", "质检员", "包装工",
          "物流装卸", "餐饮服务员", "保安", "快递员", "注塑工"]  # fmt: skip
NOTES = ["", "", "", "夜班可以", "想要长白班", "有电工证", "下午三点后方便接电话",
         "带老乡两人一起", "住宿要求夫妻房", "之前在海信干过两年"]  # fmt: skip
SEED_START = datetime(2026, 9, 1, 12, tzinfo=UTC)
SOURCES = [Source.PHONE] * 3 + [Source.COMMENT] * 4 + [Source.DM] * 2 + [Source.WALK_IN, Source.QR]


def _phone(rng: random.Random, used: set[str]) -> str:
    while True:
        phone = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        if phone not in used:
            used.add(phone)
            return phone


def _jobs() -> list[Job]:
    return [
        Job(code=f"HX-{i:03d}", title=TITLES[i % len(TITLES)], company="海信") for i in range(40)
    ]


def seed(ctx, rows: int, seed_value: int = 7) -> dict:
    """`rows` registrations with their create events, in one transaction (fast, not the
    save path: that is measured separately). Returns facts the queries use."""
    from sqlalchemy import insert

    from hostdesk.store.outbox_repo import OUTBOX, canonical, snapshot
    from hostdesk.store.registrations_repo import REGS, _to_row

    rng = random.Random(seed_value)
    key = (ctx.data_dir / "registration.key").read_bytes()
    jobs = _jobs()
    ctx.jobs.upsert_many(jobs)
    sessions = [f"s{n:07d}" for n in range(60)]
    start = SEED_START
    used: set[str] = set()
    reg_rows, event_rows = [], []
    for seq in range(1, rows + 1):
        job = jobs[rng.randrange(len(jobs))]
        day = seq * 60 // rows  # sessions in time order, one per day
        created = start + timedelta(days=day, seconds=rng.randrange(7200))
        phone = _phone(rng, used)
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        reg = Registration(
            id=str(uuid.UUID(int=rng.getrandbits(128), version=4)), seq=seq,
            job_code=job.code, job_title=job.title, session_id=sessions[day % 60], name=name,
            phone=phone, phone_hash=phone_hash(key, phone), age=rng.randrange(18, 56),
            birth_year=None, gender="", current_city=rng.choice(("", "青岛", "烟台", "潍坊")),
            expected_city="", note=rng.choice(NOTES), source=rng.choice(SOURCES),
            consent_method=ConsentMethod.VERBAL, notice_version="2026-11", consented_at=created,
            status=RegStatus.ACTIVE, phone_warning_overridden=False, created_at=created,
            updated_at=created, erased_at=None, sync_state=SyncState.ACKED,
        )  # fmt: skip
        reg_rows.append(_to_row(reg))
        payload = canonical({**snapshot(reg), "event_type": "create"})
        event_rows.append({
            "event_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "registration_id": reg.id, "event_type": "create", "payload": payload,
            "fingerprint": hashlib.sha256(payload.encode()).hexdigest(),
            "state": "acked" if day < 58 else "pending", "attempts": 1 if day < 58 else 0,
            "last_error": "", "created_at": created, "acked_at": created if day < 58 else None,
        })  # fmt: skip
    with ctx.db.engine.begin() as conn:
        conn.execute(insert(REGS), reg_rows)
        conn.execute(insert(OUTBOX), event_rows)
    sample = reg_rows[rows // 2]
    return {
        "name": sample["name"],
        "phone_tail": sample["phone"][-4:],
        "session": sessions[30],
        "job": "HX-007",
        "day": start + timedelta(days=30),
    }


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def save_latency(ctx, saves: int, rng: random.Random) -> list[float]:
    """Wall time of each RegistrationService.save (commit included) in ms."""
    with ctx.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
    if ctx.jobs.get("HX-000") is None:
        ctx.jobs.upsert_many(_jobs())
    used: set[str] = set()
    out = []
    for i in range(saves):
        draft = RegistrationDraft(
            job_code=f"HX-{i % 40:03d}", name="测试" + GIVEN[i % len(GIVEN)],
            phone=_phone(rng, used), age=30, note=NOTES[i % len(NOTES)],
            source=SOURCES[i % len(SOURCES)],
        )  # fmt: skip
        t = time.perf_counter()
        ctx.registrations.save(draft, confirm_duplicate=True, override_phone_warning=True)
        out.append((time.perf_counter() - t) * 1000)
    return out


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _status_mb(field: str) -> float:
    """A memory figure of this process from /proc (Linux): RssAnon is the heap, not the
    mapped libraries; VmHWM the peak resident set. Not ru_maxrss: Linux carries that over
    from the parent across fork and exec, so a child reports the bench's own peak."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def _rss_anon_mb() -> float:
    return _status_mb("RssAnon")


def export_child(data_dir: str, out: str, days: int) -> None:
    """In its own process, so the memory figures are the export's and nothing else's.

    Exports the registrations of the seeded range's last `days` days (60: all of them;
    negative: masked)."""
    import threading

    from hostdesk.sheets.registrations_export import export_file

    masked, days = days < 0, abs(days)
    ctx = app.build(Path(data_dir))
    query = RegQuery(since=SEED_START + timedelta(days=60 - days))
    ctx.registrations.list(RegQuery(limit=1))  # everything imported and connected
    before = _rss_anon_mb()
    peak = [before]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.01):
            peak[0] = max(peak[0], _rss_anon_mb())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    t = time.perf_counter()
    count = export_file(ctx.registrations, query, Path(out), masked=masked) if days else 0
    elapsed = time.perf_counter() - t
    stop.set()
    sampler.join()
    peak[0] = max(peak[0], _rss_anon_mb())
    ctx.close()
    maxrss = _status_mb("VmHWM")
    print(json.dumps({"seconds": elapsed, "count": count, "anon_before_mb": before,
                      "anon_peak_mb": peak[0], "maxrss_mb": maxrss}))  # fmt: skip


def run_export(data_dir: Path, out: Path, days: int) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--export-child", str(data_dir), str(out), str(days)],
        capture_output=True, text=True, cwd=REPO, timeout=900,
    )  # fmt: skip
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def machine() -> str:
    import sqlite3

    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
    model = next((line.split(":", 1)[1].strip() for line in lscpu.splitlines()
                  if line.startswith("Model name")), "?")  # fmt: skip
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                          capture_output=True, text=True).stdout.strip()  # fmt: skip
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{os.cpu_count()} CPUs ({model}), {mem:.1f} GiB RAM; Python "
            f"{sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}; git {head} plus the "
            f"working tree; {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; load average {load}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--saves", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--export-child", nargs=3)
    args = parser.parse_args()
    if args.export_child:
        export_child(args.export_child[0], args.export_child[1], int(args.export_child[2]))
        return

    tmp = Path(tempfile.mkdtemp(prefix="hostdesk-bench-reg-", dir=os.environ.get("BENCH_TMP")))
    lines = [f"Machine: {machine()}.", ""]
    try:
        # 1. Save latency on a fresh data dir.
        ctx = app.build(tmp / "saves")
        empty = save_latency(ctx, args.saves, random.Random(1))
        ctx.close()

        # 2. 100,000 registrations, then the list queries, then saves on the full table.
        ctx = app.build(tmp / "big")
        t = time.perf_counter()
        facts = seed(ctx, args.rows)
        seeded = time.perf_counter() - t
        # Fold the seed's ~200 MB of WAL into the file now, or the first checkpoint lands in
        # the middle of the timed saves and every new process replays the WAL.
        with ctx.db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        service = ctx.registrations
        day = facts["day"]
        queries = [
            ("newest 200, no filter", RegQuery()),
            (f"text: surname “{facts['name'][0]}”", RegQuery(text=facts["name"][0])),
            (f"text: a full name “{facts['name']}”", RegQuery(text=facts["name"])),
            (f"text: phone digits “{facts['phone_tail']}”", RegQuery(text=facts["phone_tail"])),
            ("text: job title word “分拣”", RegQuery(text="分拣")),
            ("text: no match “不存在的人”", RegQuery(text="不存在的人")),
            ("session", RegQuery(session_id=facts["session"])),
            ("job code", RegQuery(job_code=facts["job"])),
            ("source walk_in", RegQuery(source="walk_in")),
            ("one day (since/until)", RegQuery(since=day, until=day + timedelta(days=1))),
            ("session + text", RegQuery(session_id=facts["session"], text=facts["name"][0])),
            (f"2,000 rows at OFFSET {max(0, args.rows - 2000):,} (why the export pages by key)",
             RegQuery(limit=2000, offset=max(0, args.rows - 2000))),
        ]  # fmt: skip
        list_rows = []
        for label, query in queries:
            service.list(query)  # warm the page cache once, as the open window has
            lst = timed(lambda q=query: service.list(q), args.runs)
            cnt = timed(lambda q=query: service.count(q), args.runs)
            list_rows.append((label, len(service.list(query)), service.count(query), lst, cnt))
        full = save_latency(ctx, args.saves, random.Random(2))
        ctx.close()

        # 3. Export, each in a child process for its peak memory.
        exports = [
            ("xlsx, all", run_export(tmp / "big", tmp / "all.xlsx", 60)),
            ("csv, all", run_export(tmp / "big", tmp / "all.csv", 60)),
            ("xlsx, last 6 days", run_export(tmp / "big", tmp / "tenth.xlsx", 6)),
            ("masked xlsx, all", run_export(tmp / "big", tmp / "masked.xlsx", -60)),
            (
                "nothing (baseline: the process after app.build)",
                run_export(tmp / "big", tmp / "none.xlsx", 0),
            ),
        ]
        size = (tmp / "all.xlsx").stat().st_size / 2**20
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    n = args.rows
    lines += [f"| Save latency, {args.saves} saves (ms) | p50 | p99 | max | target | result |",
              "|---|--:|--:|--:|--:|:-:|"]  # fmt: skip
    for label, values in (("empty table", empty), (f"table with {n:,} rows", full)):
        p99 = pct(values, 99)
        lines.append(f"| `RegistrationService.save`, {label} | {pct(values, 50):.2f} | "
                     f"{p99:.2f} | {max(values):.2f} | ≤ 10 ms p99 | "
                     f"{'pass' if p99 <= 10 else '**FAIL**'} |")  # fmt: skip
    lines += ["", f"Seeding {n:,} registrations + events in one transaction: {seeded:.1f} s.", "",
              f"| Query over {n:,} registrations (median of {args.runs}) | rows | matches | "
              "`list` ms (min–max) | `count` ms | target | result |",
              "|---|--:|--:|--:|--:|--:|:-:|"]  # fmt: skip
    for label, shown, total, lst, cnt in list_rows:
        med = statistics.median(lst) * 1000
        target, result = ("≤ 100 ms", "pass" if med <= 100 else "**FAIL**")
        if "OFFSET" in label:  # not a list the assistant waits for
            target = result = ""
        lines.append(f"| {label} | {shown} | {total:,} | {med:.1f} ({min(lst)*1000:.1f}–"
                     f"{max(lst)*1000:.1f}) | {statistics.median(cnt)*1000:.1f} | {target} | "
                     f"{result} |")  # fmt: skip
    lines += ["", "| Export (child process) | rows | s | heap before MB | heap peak MB | "
              "process peak RSS MB | target | result |",
              "|---|--:|--:|--:|--:|--:|--:|:-:|"]  # fmt: skip
    for kind, r in exports:
        target = "≤ 20 s" if kind.startswith("xlsx, all") else ""
        result = ("pass" if r["seconds"] <= 20 else "**FAIL**") if target else ""
        lines.append(f"| {kind} | {r['count']:,} | {r['seconds']:.1f} | {r['anon_before_mb']:.0f} | "
                     f"{r['anon_peak_mb']:.0f} | {r['maxrss_mb']:.0f} | {target} | {result} |")  # fmt: skip
    lines += ["", f"The {n:,}-row xlsx is {size:.1f} MB."]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
