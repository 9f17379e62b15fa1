"""The show report per room and per host on a real hub, SQLite and PostgreSQL: shows sent as
the desktop sends them (show_start / show_end with room and host, takes, sign-ups, page
opens, a page sign-up, a hire on the desk), the two comparisons' numbers checked against
the built set; the list of shows filtered by host in a real Chromium. Saves
docs/images/hub_show_report_hosts.png (from the SQLite run)."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from playwright.sync_api import expect

from hostdesk.core.show_report import baseline
from hostdesk.hub.db import HubDB
from hostdesk.hub.office import reports
from hostdesk.hub.staff import Staff
from tests.hub.browser import browser  # noqa: F401 - the fixture
from tests.hub.conftest import DATABASES
from tests.hub.office import (
    JOBS,
    PASSWORD,
    TIMEOUT,
    add_user,
    send_take,
    signed_in,
    start_module_hub,
)
from tests.hub.signup import put_jobs
from tests.hub.test_airtime import push
from tests.hub.test_office_report import DEVICE, T0, _batch, _walk
from tests.hub.test_shows import show

IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"
WAIT_MS = 30_000
R1, R2 = "青岛直播间", "烟台直播间"
DAY = timedelta(days=1)
# code: (start offset, minutes, platform, room, host, spans (job, from, to), sign-ups
# (minute, job), page opens per job)
SHOWS = {
    "S-A": (-4 * DAY, 60, "douyin", R1, "蔚姐", [("J1", 0, 60)], [(5, "J1"), (10, "J1")], {"J1": 4}),
    "S-B": (-3 * DAY, 60, "douyin", R1, "小周", [("J2", 0, 30)],
            [(10, "J2"), (35, "J2"), (50, "J2")], {}),
    "S-C": (-2 * DAY, 120, "douyin", R2, "蔚姐", [("J1", 0, 120)],
            [(1, "J1"), (2, "J1"), (3, "J1"), (4, "J1")], {"J1": 2}),
    "S-D": (-DAY, 30, "douyin", R2, "小周", [("J1", 0, 30)], [(1, "J1")], {}),
    # Room R1 on another platform: another room, the same host.
    "S-E": (-DAY + timedelta(hours=2), 30, "kuaishou", R1, "蔚姐", [("J2", 0, 30)], [(5, "J2")], {}),
    "S-T": (timedelta(), 60, "douyin", R1, "蔚姐", [("J1", 0, 60)], [(5, "J1")], {}),
}  # fmt: skip
NAMES = iter(f"观众{n}" for n in range(1000))


def _send_show(hub, code: str) -> dict[str, int]:
    offset, minutes, platform, room, host, spans, signups, opens = SHOWS[code]
    start = T0 + offset
    fields = {"platform": platform, "room": room, "host": host,
              "started_at": start.isoformat(), "ended_at": (start + timedelta(minutes=minutes)).isoformat()}  # fmt: skip
    assert push(hub, [show("show_end", code, **fields)]) == [("created", None)]
    for job, a, b in spans:
        send_take(hub, code, job, start + timedelta(minutes=a), start + timedelta(minutes=b))
    shifted = [((offset + timedelta(minutes=m)) / timedelta(minutes=1), job, next(NAMES))
               for m, job in signups]  # fmt: skip
    viewer = requests.Session()
    for job, n in opens.items():
        for _ in range(n):
            r = viewer.get(f"{hub.url}/j/{job}", params={"s": code, "d": DEVICE}, timeout=TIMEOUT)
            assert r.status_code == 200, r.text
    return _batch(hub, code, shifted)


@pytest.fixture(scope="module", params=DATABASES)
def host_hub(request, tmp_path_factory):
    hub = start_module_hub(request, tmp_path_factory.mktemp("report_hosts"), device=DEVICE)
    put_jobs(hub, JOBS)
    add_user(hub, "王芳", "recruiter")
    ids = {code: _send_show(hub, code) for code in SHOWS}
    # A viewer signs up through S-A's page (counted as a page submission, after the show).
    r = requests.post(f"{hub.url}/api/v1/registrations/hub", headers=hub.admin_headers,
                      json={"job_code": "J1", "session_id": "S-A", "name": "页面报名",
                            "phone": "13912345678"}, timeout=TIMEOUT)  # fmt: skip
    assert r.status_code == 201, r.text
    session, csrf = signed_in(hub, "王芳")
    first_of_a = min(ids["S-A"].values())
    _walk(session, csrf, hub, first_of_a, ["contacted", "booked", "interviewed", "offered", "hired"])  # fmt: skip
    yield hub
    hub.process.stop()


def test_same_room_and_same_host_compare_with_their_own_shows(host_hub):
    db = HubDB(host_hub.db_url)
    try:
        hub = reports.show_report(db, "S-T")
    finally:
        db.close()
    r = hub.report
    assert (r.start, r.end, r.room, r.host) == (T0, T0 + timedelta(minutes=60), R1, "蔚姐")
    assert [kind for kind, _whose, _shows in hub.comparisons] == ["room", "host"]
    assert [s.label for s in r.earlier] == ["S-B", "S-A"]  # R1 on douyin, whoever hosted
    assert [s.label for s in r.same_host] == ["S-E", "S-C", "S-A"]  # 蔚姐, whichever room
    b, a = r.earlier
    assert (b.signups, b.air_minutes, b.credited) == (3, 30, 2)  # 50 min: neither on air nor tail
    assert b.per_10_air_min == pytest.approx(2 / 30 * 10)
    assert (a.signups, a.credited, a.opens, a.submissions) == (3, 2, 4, 1)
    assert (a.contacted, a.interviewed, a.hired) == (1, 1, 1)
    assert (b.contacted, b.interviewed, b.hired) == (0, 0, 0)
    room = baseline(r.earlier)
    assert room.signups == pytest.approx(3)
    assert room.per_10_air_min == pytest.approx(4 / 90 * 10)
    assert room.conversion == pytest.approx(1 / 4)
    assert (room.contacted, room.hired) == (pytest.approx(0.5), pytest.approx(0.5))
    host = baseline(r.same_host)
    assert [s.signups for s in r.same_host] == [1, 4, 3]
    assert host.signups == pytest.approx(8 / 3)
    assert host.per_10_air_min == pytest.approx(7 / 210 * 10)
    assert host.per_hour == pytest.approx(8 / 3.5)  # 0.5 + 2 + 1 hours
    assert host.conversion == pytest.approx(1 / 6)
    assert host.hired == pytest.approx(1 / 3)


def test_the_shows_list_filters_by_host_and_pc(host_hub):
    db = HubDB(host_hub.db_url)
    try:
        admin = Staff(id=0, name="admin", role="admin", employer="", lang="")
        by_host = reports.report_shows(db, admin, host="小周")
        by_pc = reports.report_shows(db, admin, device="另一台")
    finally:
        db.close()
    assert [s["code"] for s in by_host["shows"]] == ["S-D", "S-B"]
    assert by_host["hosts"] == ["小周", "蔚姐"]
    assert by_pc["shows"] == []


def test_the_reports_page_filtered_by_host_in_chromium(browser, host_hub, request):  # noqa: F811
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN")
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    try:
        page.goto(f"{host_hub.url}/office/login")
        page.fill("#username", "王芳")
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r"/office/leads$"))
        page.click("nav a[href='/office/reports']")
        expect(page.locator("#report-shows tbody tr")).to_have_count(len(SHOWS))
        page.select_option("#report-filters select[name=host]", "蔚姐")
        page.click("#report-filters button")
        page.wait_for_url(re.compile(r"host="))
        rows = page.locator("#report-shows tbody tr")
        expect(rows).to_have_count(4)
        assert [rows.nth(i).get_attribute("data-show") for i in range(4)] == ["S-T", "S-E", "S-C", "S-A"]  # fmt: skip
        page.click("a:text-is('S-T')")
        expect(page.locator("#show-meta")).to_contain_text("蔚姐")
        expect(page.locator("#compare-room tbody tr")).to_have_count(3)  # this show + 2
        expect(page.locator("#compare-host tbody tr")).to_have_count(4)  # this show + 3
        expect(page.locator("#compare-host tfoot")).to_contain_text("往期合计（3 场）")
        expect(page.locator("#chart[data-drawn='1'] canvas")).to_have_count(1, timeout=WAIT_MS)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        if request.node.callspec.params.get("host_hub") == "sqlite":
            page.screenshot(path=str(IMAGES / "hub_show_report_hosts.png"), full_page=True)
        assert problems == []
    finally:
        context.close()
