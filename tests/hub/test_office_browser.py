"""The back office in a real headless Chromium (Debian's, via Playwright) on SQLite and
PostgreSQL: login and logout; a recruiter works a queue with the keyboard and the forms
(assign, reveal, call outcome, stages to 已入职) with the history checked in the database;
markup never runs; whole at 1366x768 and at 390 px. Saves the lead desk's screenshots in
docs/images/ (from the SQLite run)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.hub.browser import browser  # noqa: F401 - the fixture
from tests.hub.conftest import DATABASES
from tests.hub.office import (
    JOBS,
    PASSWORD,
    add_user,
    audit,
    calls,
    history,
    lead_state,
    send_leads,
    start_module_hub,
)
from tests.hub.signup import HOSTILE, put_jobs

ROOT = Path(__file__).resolve().parents[2]
IMAGES = ROOT / "docs" / "images"
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
PEOPLE = [
    ("王建国", "J1", "S-1207-晚场", "qr", 42), ("李秀英", "J2", "S-1207-晚场", "comment", 35),
    ("张伟", "J1", "S-1207-晚场", "phone", 28), ("刘洋", "J3", "S-1207-晚场", "dm", 20),
    ("陈静", "J2", "S-1207-晚场", "qr", 12), ("杨磊", "J1", "S-1207-晚场", "walk_in", 3),
]  # fmt: skip


@pytest.fixture(scope="module", params=DATABASES)
def office_hub(request, tmp_path_factory):
    hub = start_module_hub(request, tmp_path_factory.mktemp("office_browser"), device="直播间1号")
    put_jobs(hub, [*JOBS, {"code": "J3", "title": "仓库分拣员", "company": "京东物流"}])
    add_user(hub, "王芳", "recruiter")
    add_user(hub, "李强", "recruiter")
    yield hub
    hub.process.stop()


def _context(browser, size=DESKTOP, **kw):  # noqa: F811
    context = browser.new_context(viewport=size, locale="zh-CN", **kw)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    return context, page, problems


def _log_in(page, hub, name: str = "王芳") -> None:
    page.goto(f"{hub.url}/office/login")
    page.fill("#username", name)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/office/leads$"))


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_login_and_logout_in_the_browser(browser, office_hub):  # noqa: F811
    context, page, problems = _context(browser)
    try:
        page.goto(f"{office_hub.url}/office/leads")
        page.wait_for_url(re.compile(r"/office/login$"))  # not signed in: to the login form
        page.fill("#username", "王芳")
        page.fill("#password", "wrong-password")
        page.click("button[type=submit]")
        assert page.locator("[role=alert]").inner_text() == "用户名或密码错误。"
        problems.remove("Failed to load resource: the server responded with a status of 401 (Unauthorized)")  # fmt: skip
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r"/office/leads$"))
        assert page.locator(".user").inner_text() == "王芳"
        cookie = next(c for c in context.cookies() if c["name"] == "hd_office")
        assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
        page.click("#logout")
        page.wait_for_url(re.compile(r"/office/login\?out=1$"))
        assert "已退出登录" in page.content()
        page.goto(f"{office_hub.url}/office/leads")
        page.wait_for_url(re.compile(r"/office/login$"))
        assert problems == []
    finally:
        context.close()
    assert [a["actor"] for a in audit(office_hub, "login_failed")][-1] == "王芳"


def test_a_recruiter_works_a_queue_with_the_keyboard(browser, office_hub):  # noqa: F811
    hub = office_hub
    titles = {"J1": JOBS[0]["title"], "J2": JOBS[1]["title"], "J3": "仓库分拣员"}
    people = [{"name": n, "phone": f"1391234{i:04d}", "job_code": j, "job_title": titles[j],
               "session_id": s, "source": src} for i, (n, j, s, src, _m) in enumerate(PEOPLE)]  # fmt: skip
    people[5]["note"] = HOSTILE  # shown on its page as text: a dialog would be a problem
    ids = [
        send_leads(hub, [p], minutes_ago=m)[0] for p, (*_, m) in zip(people, PEOPLE, strict=True)
    ]
    # The same person on a second job: flagged as a repeat on the list.
    repeat = send_leads(
        hub, [{**people[1], "job_code": "J1", "job_title": titles["J1"]}], minutes_ago=30
    )[0]
    context, page, problems = _context(browser)
    try:
        _log_in(page, hub)
        rows = page.locator("#leads tbody tr")
        assert rows.count() == len(ids) + 1
        assert "李**" in page.content() and "李秀英" not in page.content()
        assert page.locator(".flag", has_text="重复报名").count() == 2
        assert page.locator(f'tr[data-id="{repeat}"] .flag', has_text="重复报名").count() == 1
        assert page.locator("tr.late").count() >= 3  # waiting more than 5 minutes, not called
        # x selects the current row, j moves: the newest two, assigned to me in bulk.
        page.keyboard.press("x")
        page.keyboard.press("j")
        page.keyboard.press("x")
        page.select_option("#bulk select[name=owner]", label="王芳")
        page.click("#bulk .bulk button")
        page.wait_for_url(re.compile(r"done=assign"))
        assert "已分配" in page.content()
        first, second = ids[4], ids[5]
        assert {lead_state(hub, i)["owner_id"] for i in (first, second)} == {_user_id(hub, "王芳")}

        page.click("nav.nav a:has-text('我的队列')")
        page.wait_for_url(re.compile(r"queue=mine"))
        queue = [int(x) for x in page.locator("#leads tbody tr").evaluate_all("rs => rs.map(r => r.dataset.id)")]  # fmt: skip
        assert queue == [first, second]  # oldest sign-up first
        # r reveals the current row: the number in full with a tel: link, logged.
        page.keyboard.press("r")
        tel = page.locator("#leads tbody tr.current a.tel")
        tel.wait_for()
        assert tel.get_attribute("href") == f"tel:{people[4]['phone']}"
        assert audit(hub, "reveal")[-1]["object_id"] == str(first)
        # 1 = answered: the stage cell says 已联系 without a reload.
        page.keyboard.press("1")
        page.locator("#leads tbody tr.current [data-field=stage]", has_text="已联系").wait_for()
        assert calls(hub, first) == ["answered"]
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(rf"/office/leads/{first}$"))
        for label in ("已约面", "已到面", "已录用", "已入职"):
            page.select_option("#to", label=label)
            page.fill("input[name=note]", f"{label}：电话确认" if label != "已到面" else "")
            page.click("#move")
            page.wait_for_url(re.compile(r"done=stage"))
            assert page.locator(".facts .stage").inner_text() == label
        assert "只有管理员可以更改" in page.content()
        assert history(hub, first) == [
            ("王芳", "new", "contacted"), ("王芳", "contacted", "booked"),
            ("王芳", "booked", "interviewed"), ("王芳", "interviewed", "offered"),
            ("王芳", "offered", "hired"),
        ]  # fmt: skip
        assert page.locator("#history tbody tr").count() == 5
        if hub.database == "sqlite":
            page.screenshot(path=str(IMAGES / "office_lead_history_zh_CN.png"), full_page=True)
        # n: the next lead in my queue; r there reveals and shows a tel: link.
        page.keyboard.press("n")
        page.wait_for_url(re.compile(rf"/office/leads/{second}$"))
        page.keyboard.press("r")
        page.locator("#tel").wait_for()
        assert page.locator("#tel").get_attribute("href") == f"tel:{people[5]['phone']}"
        page.keyboard.press("2")  # no answer
        page.wait_for_url(re.compile(r"done=call"))
        assert lead_state(hub, second)["stage"] == "no_answer"
        assert _no_horizontal_scroll(page)
        assert HOSTILE in page.locator(".facts").inner_text()
        # The whole list again, the third row current, for the guide's picture.
        page.goto(f"{hub.url}/office/leads")
        page.keyboard.press("j")
        page.keyboard.press("j")
        assert page.locator("#leads tbody tr.current").get_attribute("data-id") == str(ids[3])
        assert _no_horizontal_scroll(page)
        if hub.database == "sqlite":
            page.screenshot(path=str(IMAGES / "office_leads_zh_CN.png"))
        assert problems == []  # and no markup ran (a dialog would be listed)
    finally:
        context.close()


def test_the_desk_is_whole_on_a_390px_phone(browser, office_hub):  # noqa: F811
    hub = office_hub
    # Its own lead: the module's tests run in any order (and on any worker), so the queue
    # test's leads may not be there yet.
    send_leads(hub, [{"name": "赵敏", "phone": "13912349876", "job_code": "J2",
                      "job_title": JOBS[1]["title"], "session_id": "S-1207-晚场",
                      "source": "qr"}], minutes_ago=1)  # fmt: skip
    context, page, problems = _context(browser, PHONE, is_mobile=True, has_touch=True)
    try:
        _log_in(page, hub, "李强")
        assert page.locator("#leads tbody tr").count() > 0
        assert _no_horizontal_scroll(page)
        if hub.database == "sqlite":
            page.screenshot(path=str(IMAGES / "office_leads_phone_zh_CN.png"))
        page.locator("#leads tbody tr .time a").first.click()
        page.wait_for_url(re.compile(r"/office/leads/\d+$"))
        assert _no_horizontal_scroll(page)
        page.click("#reveal")
        page.locator("#tel").wait_for()
        assert page.locator("#tel").get_attribute("href").startswith("tel:139")
        assert problems == []
    finally:
        context.close()


def _user_id(hub, name: str) -> int:
    from hostdesk.hub.models import STAFF
    from tests.hub.office import rows

    return rows(hub, STAFF, STAFF.c.name == name)[0]["id"]
