"""A save that returned survives SIGKILL: a child saves, the parent kills it at random, 20 times.

Run as a script, this file is the child: it saves registrations and prints each returned id.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

RUNS = 20
SAVES = 1000


def child(data_dir: Path, run: int) -> None:
    from hostdesk import app
    from hostdesk.core.registrations import RegistrationDraft

    ctx = app.build(data_dir)
    print("ready", flush=True)
    for i in range(SAVES):
        draft = RegistrationDraft(job_code="HX-001", name=f"测试{i}", phone=f"138{run:02d}{i:06d}")
        saved = ctx.registrations.save(draft, confirm_duplicate=True)
        print(saved.id, flush=True)  # only after save() returned, i.e. after COMMIT
    print("done", flush=True)


def _run_and_kill(data_dir: Path, run: int, delay: float) -> list[str]:
    proc = subprocess.Popen(
        [sys.executable, __file__, str(data_dir), str(run)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    lines: list[str] = []
    ready = threading.Event()

    def read():
        for raw in proc.stdout:
            if not raw.endswith(b"\n"):
                break  # cut off by the kill mid-line: that save's id was never printed whole
            line = raw.decode().strip()
            if line == "ready":
                ready.set()
            else:
                lines.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert ready.wait(30), "child did not start"
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    reader.join(10)
    return [line for line in lines if line != "done"]


def _check(data_dir: Path, printed: list[str]) -> None:
    from hostdesk import app

    ctx = app.build(data_dir)  # recovery from the WAL happens here, as after a real crash
    ctx.close()
    raw = sqlite3.connect(data_dir / "hostdesk.db")
    try:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
        stored = {r[0] for r in raw.execute("SELECT id FROM registrations")}
        missing = [i for i in printed if i not in stored]
        assert missing == [], f"{len(missing)} returned saves lost"
        # Nothing half-written: exactly one create event per registration, no orphan event.
        events = dict(
            raw.execute(
                "SELECT registration_id, count(*) FROM outbox WHERE event_type='create'"
                " GROUP BY registration_id"
            ).fetchall()
        )
        assert events == dict.fromkeys(stored, 1)
        orphans = raw.execute(
            "SELECT count(*) FROM outbox WHERE registration_id NOT IN (SELECT id FROM registrations)"
        ).fetchone()[0]
        assert orphans == 0
        seqs = [r[0] for r in raw.execute("SELECT seq FROM registrations ORDER BY seq")]
        assert seqs == list(range(1, len(seqs) + 1))
    finally:
        raw.close()


def test_sigkill_never_loses_a_returned_save(data_dir):
    from hostdesk import app
    from hostdesk.core.jobs import Job

    ctx = app.build(data_dir)
    ctx.jobs.upsert_many([Job(code="HX-001", title="冰箱总装普工")])
    ctx.close()
    rng = random.Random(5)
    all_printed: list[str] = []
    for run in range(RUNS):
        printed = _run_and_kill(data_dir, run, rng.uniform(0.05, 1.0))
        all_printed += printed
        _check(data_dir, all_printed)
    assert len(all_printed) > RUNS  # the kills did land among the saves


if __name__ == "__main__":
    child(Path(sys.argv[1]), int(sys.argv[2]))
