"""Slots that play "our code" for tests/ui/test_gui_watch.py: each blocks the GUI thread its own way."""

from __future__ import annotations

import sqlite3
import time

from sqlalchemy import text


def spin(cpu_s: float) -> None:
    end = time.thread_time() + cpu_s
    while time.thread_time() < end:
        pass


def sleeps_on_the_gui_thread() -> None:
    time.sleep(0.3)


def slow_query_on_the_gui_thread(path) -> None:
    with sqlite3.connect(path) as db:  # sqlite computes for a while: CPU on the GUI thread
        db.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) "
            "SELECT sum(i) FROM n"
        ).fetchone()


def waits_for_a_worker_on_the_gui_thread(pool) -> None:
    pool.submit(time.sleep, 0.3).result()


def reads_through_sqlalchemy(engine) -> None:
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
