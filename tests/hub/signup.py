"""Helpers for the sign-up page tests: a catalogue, the form's token, posting, the stored rows."""

from __future__ import annotations

import re
import time

import requests

from hostdesk.hub.db import HubDB
from hostdesk.hub.signup_form import VISITOR_COOKIE, csrf_token, new_visitor

TIMEOUT = (5, 30)
AGENCY = "好工作人力"
RETENTION = "90"
PAGE_ARGS = ("--agency", AGENCY, "--retention-days", RETENTION, "--page-rate-limit", "0")
HOSTILE = "<script>alert('x')</script>"

JOBS = [
    {
        "code": "J1", "title": "冰箱总装普工", "company": "美的冰箱厂", "city": "佛山",
        "salary_min": 6000, "salary_max": 8000, "salary_unit": "month",
        "salary_text": "6000-8000", "benefits": ["包吃住", "五险一金", "月底发薪"],
        "age_min": 18, "age_max": 45, "shift": "两班倒", "urgent": True,
    },
    {"code": "J2", "title": "电子厂质检", "company": "", "city": "东莞",
     "salary_text": "22元/小时", "salary_min": 22, "salary_max": 22, "salary_unit": "hour"},
    {"code": "HOSTILE", "title": f"普工{HOSTILE}", "company": f"<b>厂</b>{HOSTILE}",
     "benefits": [f"包吃{HOSTILE}"], "shift": "<img src=x onerror=alert(1)>"},
    {"code": "CLOSED", "title": "已招满的岗位", "status": "closed"},
    {"code": "PAUSED", "title": "暂停的岗位", "status": "paused"},
]  # fmt: skip


def put_jobs(hub, jobs=JOBS) -> None:
    r = requests.put(
        hub.url + "/api/v1/jobs", json={"jobs": jobs}, headers=hub.admin_headers, timeout=TIMEOUT
    )
    assert r.status_code == 200, r.text


def token_of(html: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, html[-2000:]
    return match.group(1)


def fresh_token(session: requests.Session, hub, code: str = "J1") -> str:
    r = session.get(f"{hub.url}/j/{code}", timeout=TIMEOUT)
    assert r.status_code == 200, r.text
    return token_of(r.text)


def old_token(hub, code: str, age_s: float, visitor: str) -> str:
    """A correctly signed token for `visitor`'s cookie, issued `age_s` seconds ago (the
    secret is in the database)."""
    db = HubDB(hub.db_url)
    try:
        return csrf_token(db.page_secret(), code, visitor, now=time.time() - age_s)
    finally:
        db.close()


def visitor_session(hub) -> tuple[requests.Session, str]:
    """A client holding a visitor cookie this hub could have set (for old_token)."""
    session = requests.Session()
    visitor = new_visitor()
    session.cookies.set(VISITOR_COOKIE, visitor, domain="127.0.0.1", path="/j/")
    return session, visitor


def same_origin(hub) -> dict:
    """The Origin header a browser sends with the form's POST."""
    return {"Origin": hub.url}


def fields(**over) -> dict:
    base = {"name": "张三", "phone": "13800138000", "age": "25", "expected_city": "",
            "consent": "yes", "s": "S-2026-11-26", "d": "", "website": ""}  # fmt: skip
    return {k: v for k, v in {**base, **over}.items() if v is not None}


def submit(
    hub, code: str = "J1", *, session: requests.Session | None = None, headers=None, **over
) -> requests.Response:
    """GET the page (for its cookie and token) and POST the form with the Origin header, as
    a browser would (`headers` replace that header); no redirect."""
    session = session or requests.Session()
    data = fields(**over)
    if "csrf" not in data:
        data["csrf"] = fresh_token(session, hub, code)
    if headers is None:
        headers = same_origin(hub)
    return session.post(
        f"{hub.url}/j/{code}", data=data, headers=headers, allow_redirects=False, timeout=TIMEOUT
    )


def hub_rows(hub) -> list[dict]:
    r = requests.get(
        hub.url + "/api/v1/registrations",
        params={"origin": "hub", "limit": 500},
        headers=hub.admin_headers,  # a device sees only the sign-ups credited to it
        timeout=TIMEOUT,
    )
    assert r.status_code == 200, r.text
    return r.json()["items"]


def errors_of(html: str) -> dict[str, str]:
    """Field → the message shown next to it (empty fields left out)."""
    found = re.findall(r'<p class="err" id="err-([a-z_]+)"[^>]*>([^<]*)</p>', html)
    return {name: text for name, text in found if text}


def value_of(html: str, name: str) -> str:
    match = re.search(rf'<input [^>]*name="{name}"[^>]*value="([^"]*)"', html, re.S)
    assert match, name
    return match.group(1)
