"""The live show view (/office/live) on a real hub, SQLite and PostgreSQL: its numbers per
job and PC, the job on air from air_spans, masked names only, who may open it; and in a real
headless Chromium, the page following a sign-up through the QR page and a device's batch
within its one-second poll (waited on as DOM conditions). Saves docs/images/office_live_show.png
(from the SQLite run)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from playwright.sync_api import expect

from tests.hub.browser import browser  # noqa: F401 - the fixture
from tests.hub.conftest import DATABASES
from tests.hub.office import (
    JOBS,
    PASSWORD,
    TIMEOUT,
    add_user,
    audit,
    post,
    send_leads,
    send_take,
    signed_in,
    start_module_hub,
)
from tests.hub.signup import put_jobs, submit

# Bounded waits for the page's one-second poll on a loaded machine (a condition, not a timing).
WAIT_MS = 30_000
IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"
DEVICE = "直播间1号"


@pytest.fixture(scope="module", params=DATABASES)
def live_hub(request, tmp_path_factory):
    hub = start_module_hub(request, tmp_path_factory.mktemp("office_live"), device=DEVICE)
    put_jobs(hub, [*JOBS, {"code": "J3", "title": "仓库分拣员", "company": "京东物流"}])
    add_user(hub, "王芳", "recruiter")
    add_user(hub, "老板", "admin")
    add_user(hub, "美的HR", "employer", employer="美的冰箱厂")
    yield hub
    hub.process.stop()


def _air(hub, show: str, job: str, *, minutes_ago: float = 5) -> tuple[str, datetime]:
    """A take on the hub's PC, sent as the desktop does (air_start through the batch route)."""
    started = datetime.now(UTC) - timedelta(minutes=minutes_ago)
    return send_take(hub, show, job, started), started


def _end_air(hub, show: str, job: str, take: tuple[str, datetime]) -> None:
    span_id, started = take
    send_take(hub, show, job, started, datetime.now(UTC), span_id=span_id)


def _data(session, hub, show: str) -> requests.Response:
    return session.get(f"{hub.url}/office/live/data", params={"show": show}, timeout=TIMEOUT)


def test_the_numbers_per_job_and_pc_on_air_and_waiting(live_hub):
    hub, show = live_hub, "S-LIVE-1"
    ids = send_leads(hub, [
        {"name": "王建国", "phone": "13900000001", "job_code": "J1", "session_id": show},
        {"name": "李秀英", "phone": "13900000002", "job_code": "J1", "session_id": show},
        {"name": "张伟", "phone": "13900000003", "job_code": "J2", "session_id": show},
        {"name": "刘洋", "phone": "13900000004", "job_code": "J2", "session_id": "another show"},
    ])  # fmt: skip
    r = submit(hub, "J2", name="陈静", phone="13900000005", s=show, d=DEVICE)
    assert r.status_code == 303, r.text
    r = submit(hub, "J3", name="杨磊", phone="13900000006", s=show, d="")
    assert r.status_code == 303, r.text
    old = _air(hub, show, "J1", minutes_ago=20)
    _air(hub, show, "J2", minutes_ago=3)  # the newer take on the same PC: J2 is on air
    _air(hub, "another show", "J3")
    session, csrf = signed_in(hub, "王芳")
    data = _data(session, hub, show).json()
    assert data["total"] == 5
    assert [(j["code"], j["title"], j["count"], j["waiting"]) for j in data["jobs"]] == [
        ("J1", "冰箱总装普工", 2, 2), ("J2", "电子厂质检", 2, 2), ("J3", "仓库分拣员", 1, 1)]  # fmt: skip
    assert {d["device"]: d["count"] for d in data["devices"]} == {DEVICE: 4, "报名页": 1}
    assert [(a["code"], a["device"]) for a in data["on_air"]] == [("J2", DEVICE)]
    assert [n["name"] for n in data["newest"]] == ["杨**", "陈**", "张**", "李**", "王**"]
    assert "13900000001" not in str(data) and "王建国" not in str(data)
    # One assigned, one cleared: the waiting count and the on-air job follow.
    me = next(u for u in _staff(hub) if u["name"] == "王芳")["id"]
    r = post(session, hub, f"/office/leads/{ids[0]}/owner", {"csrf": csrf, "owner": str(me)})
    assert r.status_code == 303, r.text
    _end_air(hub, show, "J1", old)
    data = _data(session, hub, show).json()
    assert (data["waiting"], data["jobs"][0]["waiting"]) == (4, 1)
    assert [a["code"] for a in data["on_air"]] == ["J2"]
    # The list of shows: the latest sign-up first, each with a job on air marked.
    page = session.get(f"{hub.url}/office/live", timeout=TIMEOUT)
    assert page.status_code == 200
    listed = re.findall(r'<li><a href="/office/live\?show=[^"]+">([^<]+)</a>\s*(<span class="pill live">)?', page.text)  # fmt: skip
    pill = '<span class="pill live">'
    assert listed == [(show, pill), ("another show", pill)]  # both have a job on air


def _staff(hub) -> list[dict]:
    from hostdesk.hub.models import STAFF
    from tests.hub.office import rows

    return rows(hub, STAFF)


def test_an_employer_and_a_stranger_cannot_open_it(live_hub):
    hub = live_hub
    session, _csrf = signed_in(hub, "美的HR")
    before = len(audit(hub, "forbidden"))
    for path in ("/office/live", "/office/live/data"):
        r = session.get(f"{hub.url}{path}", params={"show": "S-LIVE-1"}, timeout=TIMEOUT)
        assert r.status_code == 403, r.text
        assert "王**" not in r.text and "J1" not in r.text
    assert len(audit(hub, "forbidden")) == before + 2
    stranger = requests.Session()
    r = stranger.get(f"{hub.url}/office/live/data", params={"show": "x"}, timeout=TIMEOUT,
                     allow_redirects=False)  # fmt: skip
    assert r.status_code == 401
    r = stranger.get(f"{hub.url}/office/live", timeout=TIMEOUT, allow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].endswith("/office/login")
    admin, _ = signed_in(hub, "老板")
    assert _data(admin, hub, "S-LIVE-1").status_code == 200


def _context(browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN")
    page = context.new_page()
    problems: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))

    def only_loopback(route):
        host = re.match(r"https?://([^/:]+)", route.request.url)
        if host and host.group(1) in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_loopback)
    return context, page, problems, outside


def _text(page, selector: str) -> str:
    return page.locator(selector).inner_text()


def test_the_page_follows_a_page_sign_up_a_batch_and_the_air(browser, live_hub, request):  # noqa: F811
    hub, show = live_hub, "S-1207-EVE"
    send_leads(hub, [{"name": "王建国", "phone": "13900000011", "job_code": "J1", "session_id": show},
                     {"name": "李秀英", "phone": "13900000012", "job_code": "J2", "session_id": show}])  # fmt: skip
    context, page, problems, outside = _context(browser)
    try:
        page.goto(f"{hub.url}/office/login")
        page.fill("#username", "王芳")
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r"/office/leads$"))
        page.click("nav a[href='/office/live']")
        page.click(f"a:text-is('{show}')")
        page.wait_for_url(re.compile(r"/office/live\?show="))
        assert _text(page, "#total") == "2"
        assert "当前没有上屏岗位" in _text(page, "#on-air")
        # A viewer signs up through the QR page: the count and the newest row follow.
        assert submit(hub, "J1", name="陈静", phone="13900000013", s=show, d=DEVICE).status_code == 303  # fmt: skip
        expect(page.locator("#total")).to_have_text("3", timeout=WAIT_MS)
        expect(page.locator("#newest tr").first.locator("td").nth(1)).to_have_text("陈**", timeout=WAIT_MS)  # fmt: skip
        # A device's batch arrives.
        send_leads(hub, [{"name": "张伟", "phone": "13900000014", "job_code": "J3", "session_id": show},
                         {"name": "赵敏", "phone": "13900000015", "job_code": "J1", "session_id": show}])  # fmt: skip
        expect(page.locator("#total")).to_have_text("5", timeout=WAIT_MS)
        expect(page.locator("#per-job tr").first.locator("td").nth(1)).to_have_text("3", timeout=WAIT_MS)  # fmt: skip
        # The desktop reports a take: the job on air shows.
        _air(hub, show, "J1", minutes_ago=12)
        expect(page.locator("#on-air")).to_contain_text("冰箱总装普工", timeout=WAIT_MS)
        content = page.content()
        for name in ("王建国", "李秀英", "陈静", "张伟", "赵敏"):
            assert name not in content
        assert "13900000013" not in content
        expect(page.locator("#waiting")).to_have_text("5", timeout=WAIT_MS)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        if request.node.callspec.params.get("live_hub", "sqlite") == "sqlite":
            page.screenshot(path=str(IMAGES / "office_live_show.png"), full_page=True)
        page.set_viewport_size({"width": 390, "height": 844})  # a phone: whole, no sideways scroll
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert problems == [] and outside == []
    finally:
        context.close()
