"""Helpers for the back-office tests: accounts through the real CLI, a signed-in client, leads
sent by a device, and reads of the hub's database for what the pages did."""

from __future__ import annotations

import re
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import requests
from sqlalchemy import select

from hostdesk.hub.db import HubDB
from hostdesk.hub.models import AUDIT, LEAD_CALLS, LEAD_HISTORY, LEADS, REGS
from tests.hub.conftest import Hub
from tests.hub.harness import ROOT, HarnessError, HubProcess
from tests.hub.payloads import fingerprint, item

TIMEOUT = (5, 30)
PASSWORD = "correct-horse-9"
JOBS = [
    {"code": "J1", "title": "冰箱总装普工", "company": "美的冰箱厂", "city": "佛山"},
    {"code": "J2", "title": "电子厂质检", "company": "立讯精密", "city": "东莞"},
]


def start_module_hub(request, tmp, *, device: str, env: dict | None = None) -> Hub:
    """A hub process for a module-scoped fixture parametrised over DATABASES: an SQLite file
    in `tmp`, or a new PostgreSQL database; a device token named `device` and an admin token.
    A hub that cannot start fails the tests (never a skip). The caller stops `hub.process`."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp / 'hub.db'}"
    else:
        url = request.getfixturevalue("pg_cluster").new_database()
    process = HubProcess(url, log_dir=tmp, env=env)
    try:
        process.start()
    except HarnessError as exc:
        pytest.fail(str(exc))
    return Hub(process, process.token(device), process.token("office-admin", admin=True))


def cli(hub, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    """`hostdesk-hub …` (python -m hostdesk.hub) on the hub's database."""
    return subprocess.run(
        [sys.executable, "-m", "hostdesk.hub", "--lang", "en", *args, "--db", hub.db_url],
        input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip


def add_user(hub, name: str, role: str, *, employer: str = "", password: str = PASSWORD):
    extra = ("--employer", employer) if employer else ()
    done = cli(hub, "user", "add", name, "--role", role, *extra, "--password-stdin",
               stdin=password + "\n")  # fmt: skip
    assert done.returncode == 0, done.stderr


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, html[-1500:]
    return match.group(1)


def login(hub, name: str, password: str = PASSWORD, *, session=None) -> requests.Response:
    """GET the login form and POST it as a browser does (Origin header); no redirect."""
    session = session or requests.Session()
    page = session.get(f"{hub.url}/office/login", timeout=TIMEOUT)
    assert page.status_code == 200, page.text
    return session.post(
        f"{hub.url}/office/login",
        data={"csrf": csrf_of(page.text), "username": name, "password": password},
        headers={"Origin": hub.url}, allow_redirects=False, timeout=TIMEOUT,
    )  # fmt: skip


def signed_in(hub, name: str, password: str = PASSWORD) -> tuple[requests.Session, str]:
    """A client with a live session and the page's CSRF token."""
    session = requests.Session()
    r = login(hub, name, password, session=session)
    assert r.status_code == 303, r.text
    page = session.get(f"{hub.url}/office/password", timeout=TIMEOUT)
    assert page.status_code == 200, page.text
    return session, csrf_of(page.text)


def post(session, hub, path: str, data: dict, *, json_reply: bool = False, origin=True):
    headers = {"Origin": hub.url} if origin else {}
    if json_reply:
        headers["Accept"] = "application/json"
    return session.post(f"{hub.url}{path}", data=data, headers=headers, allow_redirects=False,
                        timeout=TIMEOUT)  # fmt: skip


def send_leads(hub, people: list[dict], *, minutes_ago: float = 30) -> list[int]:
    """Sign-ups made by the hub's device, created `minutes_ago`; their registration ids."""
    at = (datetime.now(UTC) - timedelta(minutes=minutes_ago)).isoformat()
    items = [item(created_at=at, consented_at=at, updated_at=at, **p) for p in people]
    r = requests.post(f"{hub.url}/api/v1/registrations/batch", json={"items": items},
                      headers=hub.headers(), timeout=TIMEOUT)  # fmt: skip
    assert r.status_code == 200, r.text
    assert {x["status"] for x in r.json()["results"]} == {"created"}, r.text
    ids = [i["client_id"] for i in items]
    with _db(hub) as db, db.read() as conn:
        found = dict(conn.execute(select(REGS.c.client_id, REGS.c.id)
                                  .where(REGS.c.client_id.in_(ids))).all())  # fmt: skip
    return [found[i] for i in ids]


class _db:
    def __init__(self, hub):
        self.db = HubDB(hub.db_url)

    def __enter__(self) -> HubDB:
        return self.db

    def __exit__(self, *exc):
        self.db.close()


def rows(hub, table, *where, order=None) -> list[dict]:
    with _db(hub) as db, db.read() as conn:
        query = select(table).where(*where)
        if order is not None:
            query = query.order_by(order)
        return [dict(r._mapping) for r in conn.execute(query)]


def audit(hub, action: str | None = None) -> list[dict]:
    where = [AUDIT.c.action == action] if action else []
    return rows(hub, AUDIT, *where, order=AUDIT.c.id)


def history(hub, reg_id: int) -> list[tuple[str, str, str]]:
    found = rows(hub, LEAD_HISTORY, LEAD_HISTORY.c.reg_id == reg_id, order=LEAD_HISTORY.c.id)
    return [(h["actor"], h["from_stage"], h["to_stage"]) for h in found]


def lead_state(hub, reg_id: int) -> dict | None:
    found = rows(hub, LEADS, LEADS.c.reg_id == reg_id)
    return found[0] if found else None


def calls(hub, reg_id: int) -> list[str]:
    found = rows(hub, LEAD_CALLS, LEAD_CALLS.c.reg_id == reg_id, order=LEAD_CALLS.c.id)
    return [c["outcome"] for c in found]


def send_take(hub, show: str, job: str, started: datetime, ended: datetime | None = None,
              *, span_id: str | None = None, token: str | None = None) -> str:  # fmt: skip
    """A take on the hub's PC as the desktop's outbox sends it through the real batch route
    into air_spans: air_start, and air_end when `ended` (only the air_end when `span_id`
    names a span already started); its span id."""
    events = []
    if span_id is None:
        span_id = str(uuid.uuid4())
        events.append(("air_start", span_id))
    payload = {"span_id": span_id, "job_code": job, "session_code": show,
               "started_at": started.isoformat()}  # fmt: skip
    events = [(kind, event_id, payload) for kind, event_id in events]
    if ended is not None:
        events.append(("air_end", str(uuid.uuid4()), {**payload, "ended_at": ended.isoformat()}))
    items = [
        {"client_id": span_id, "event_id": event_id, "event_type": kind, "base_version": 0,
         "fingerprint": fingerprint(body), "payload": body}
        for kind, event_id, body in events
    ]  # fmt: skip
    r = requests.post(f"{hub.url}/api/v1/registrations/batch", json={"items": items},
                      headers=hub.headers(token), timeout=TIMEOUT)  # fmt: skip
    assert r.status_code == 200, r.text
    assert {x["status"] for x in r.json()["results"]} == {"created"}, r.text
    return span_id
