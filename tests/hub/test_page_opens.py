"""Anonymous sign-up page opens (issue 16 item 2) on a real hub, SQLite and PostgreSQL."""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest
import requests
from sqlalchemy import inspect, select

from hostdesk.hub import page_opens
from hostdesk.hub.db import HubDB
from hostdesk.hub.models import PAGE_OPENS
from tests.hub.signup import PAGE_ARGS, TIMEOUT, put_jobs


@pytest.fixture
def page_hub(hub_factory):
    """A hub without page limits, the catalogue loaded, and a device token "studio-1"."""
    hub = hub_factory(args=PAGE_ARGS)
    put_jobs(hub)
    hub.process.token("studio-1")
    return hub


def _rows(hub) -> list[dict]:
    db = HubDB(hub.db_url)
    try:
        with db.read() as conn:
            return [dict(r._mapping) for r in conn.execute(select(PAGE_OPENS))]
    finally:
        db.close()


def _totals(rows: list[dict]) -> Counter:
    """Opens per (job, show, PC), whatever minute they fell in."""
    totals: Counter = Counter()
    for row in rows:
        totals[(row["job_code"], row["session_code"], row["device"])] += row["opens"]
    return totals


def _open(hub, path: str, **kw) -> requests.Response:
    return requests.get(hub.url + path, timeout=TIMEOUT, **kw)


def test_opens_are_counted_per_job_show_and_pc_and_junk_is_not(page_hub):
    before = page_opens.minute_of(datetime.now(UTC))
    for path in ["/j/J1?s=S1&d=studio-1"] * 3 + ["/j/J1?s=S2&d=studio-1", "/j/J2?s=S1"] * 2:
        assert _open(page_hub, path).status_code == 200
    # d= that names no device token, or one too long: the open counts, for no PC.
    assert _open(page_hub, "/j/J1?s=S1&d=nobody").status_code == 200
    assert _open(page_hub, "/j/J1?s=S1&d=" + "x" * 200).status_code == 200
    # s= that is not a session id the desktop could make: counted without a show.
    assert _open(page_hub, "/j/J1?s=%E4%B8%AD" + "&d=studio-1").status_code == 200
    # Codes the catalogue lacks, and jobs that take no sign-ups: never counted.
    for path in ["/j/NOPE?s=S1", "/j/J1x", "/j/CLOSED?s=S1", "/j/PAUSED?s=S1", "/j/%01"]:
        assert _open(page_hub, path).status_code in (404, 410), path
    after = page_opens.minute_of(datetime.now(UTC))

    rows = _rows(page_hub)
    assert _totals(rows) == {
        ("J1", "S1", "studio-1"): 3,
        ("J1", "S2", "studio-1"): 2,
        ("J2", "S1", ""): 2,
        ("J1", "S1", ""): 2,
        ("J1", "", "studio-1"): 1,
    }
    for row in rows:
        assert before <= row["minute"] <= after, row
        assert row["minute"].endswith(":00.000000+00:00"), row


def test_each_minute_has_its_own_count(page_hub):
    """The same job, show and PC in two minutes: two rows, each with its own count."""
    db = HubDB(page_hub.db_url)
    try:
        first = page_opens.minute_of(datetime(2026, 12, 7, 20, 14, 59, 999999, tzinfo=UTC))
        second = page_opens.minute_of(datetime(2026, 12, 7, 20, 15, 0, tzinfo=UTC))
        for minute in (first, first, second):
            page_opens._add(db, "J1", "S1", "studio-1", minute)
    finally:
        db.close()
    assert (first, second) == ("2026-12-07T20:14:00.000000+00:00", "2026-12-07T20:15:00.000000+00:00")  # fmt: skip
    got = {(r["minute"], r["device"]): r["opens"] for r in _rows(page_hub)}
    assert got == {(first, "studio-1"): 2, (second, "studio-1"): 1}


def test_nothing_personal_is_stored(page_hub):
    session = requests.Session()
    r = session.get(
        page_hub.url + "/j/J1?s=S1&d=studio-1",
        headers={"User-Agent": "Mozilla/5.0 (iPhone; agent-marker-7731)", "X-Forwarded-For": "203.0.113.9"},
        timeout=TIMEOUT,
    )  # fmt: skip
    assert r.status_code == 200
    visitor = next(iter(session.cookies.values()))  # the page's own visitor cookie
    assert _open(page_hub, "/j/J1?s=S1&d=studio-1", cookies=session.cookies).status_code == 200

    db = HubDB(page_hub.db_url)
    try:
        with db.read() as conn:
            columns = {c["name"] for c in inspect(conn).get_columns("page_opens")}
    finally:
        db.close()
    assert columns == {"job_code", "session_code", "device", "minute", "opens"}
    rows = _rows(page_hub)
    # Two opens, one row, unless the minute turned between them: counted whatever the minute.
    assert _totals(rows) == {("J1", "S1", "studio-1"): 2}, rows
    stored = repr(rows)
    for personal in ("127.0.0.1", "203.0.113.9", "agent-marker-7731", visitor):
        assert personal not in stored


def test_parallel_opens_are_counted_exactly(page_hub):
    def one(_):
        return _open(page_hub, "/j/J1?s=S7&d=studio-1").status_code

    with ThreadPoolExecutor(max_workers=10) as pool:
        codes = list(pool.map(one, range(50)))
    assert codes == [200] * 50
    assert _totals(_rows(page_hub)) == {("J1", "S7", "studio-1"): 50}
