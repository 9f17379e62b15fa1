"""A platform's lead export imported on a real hub (SQLite and PostgreSQL): a 抖音 xlsx with a
title row, its columns guessed, checked (masked sample, bad rows, a repeat phone flagged),
imported as ordinary leads (source douyin, no employer consent: the employer view shows none
of them), idempotent on re-import; a 快手 GBK CSV mapped by hand; refusals: an employer, a
missing CSRF token, a preview from another session, a sheet with no phone column."""

from __future__ import annotations

import io
import re
import uuid
from pathlib import Path

import pytest
import requests
from openpyxl import Workbook

from hostdesk.hub.models import REGS
from tests.hub.browser import browser  # noqa: F401 - the fixture
from tests.hub.conftest import DATABASES
from tests.hub.office import (
    PASSWORD,
    TIMEOUT,
    add_user,
    audit,
    post,
    rows,
    send_leads,
    signed_in,
    start_module_hub,
)
from tests.hub.signup import put_jobs

JOBS = [
    {"code": "J1", "title": "冰箱总装普工", "company": "美的冰箱厂", "city": "佛山"},
    {"code": "J2", "title": "电子厂质检", "company": "立讯精密", "city": "东莞"},
]
HUB_PHONE = "13900000001"  # a sign-up the hub already has
IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"


@pytest.fixture(scope="module", params=DATABASES)
def hub(request, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("office_lead_import")
    hub = start_module_hub(request, tmp, device="studio-1")
    put_jobs(hub, JOBS)
    for name, role, employer in (("boss", "admin", ""), ("rec1", "recruiter", ""),
                                 ("meidi", "employer", "美的冰箱厂")):  # fmt: skip
        add_user(hub, name, role, employer=employer)
    send_leads(hub, [{"job_code": "J1", "name": "老客户", "phone": HUB_PHONE}])
    # A page sign-up that ticked the employer consent: the employer sees this one only.
    body = {"client_id": str(uuid.uuid4()), "job_code": "J1", "name": "页面报名",
            "phone": "13900000009", "employer_consent": True}  # fmt: skip
    r = requests.post(f"{hub.url}/api/v1/registrations/hub", json=body,
                      headers=hub.admin_headers, timeout=TIMEOUT)  # fmt: skip
    assert r.status_code == 201, r.text
    yield hub
    hub.process.stop()


def _xlsx(table: list[list]) -> bytes:
    book = Workbook()
    for row in table:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


DOUYIN = _xlsx([
    ["抖音来客-线索导出-2026-12-06"],
    ["线索ID", "姓名", "手机号", "留资时间", "线索来源", "意向岗位", "城市", "备注"],
    ["7001", "张三", HUB_PHONE, "2026-12-06 20:15:03", "直播间", "冰箱总装普工", "佛山", ""],
    ["7002", "李四", "139 0000 0002", "2026-12-06 20:16", "短视频", "J2", "", "白班"],
    ["7003", "王五", "12345", "2026-12-06 20:17", "直播间", "冰箱总装普工", "", ""],
    ["7004", "<b>赵六</b>", "13900000003", "2026-12-06 20:18", "直播间", "保安", "", ""],
])  # fmt: skip


def _upload(session, hub, data: bytes, name: str, csrf: str, platform: str):
    return session.post(
        f"{hub.url}/office/lead-import", data={"csrf": csrf, "platform": platform},
        files={"file": (name, data)}, headers={"Origin": hub.url}, allow_redirects=False,
        timeout=TIMEOUT,
    )  # fmt: skip


def _token(html: str) -> str:
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


def _selected(html: str, field: str) -> str:
    select = re.search(rf'<select name="map_{field}".*?</select>', html, re.S).group(0)
    found = re.search(r'<option value="(\d*)" selected>', select)
    return found.group(1) if found else ""


def _counts(html: str) -> str:
    return re.search(r'<p id="check-counts">([^<]+)</p>', html).group(1)


def _form(html: str, csrf: str, **extra) -> dict:
    data = {"csrf": csrf, "token": _token(html)}
    for field in ("phone", "name", "time", "job", "city", "note", "origin"):
        data[f"map_{field}"] = _selected(html, field)
    return {**data, **extra}


def _imported(hub, source: str) -> list[dict]:
    return rows(hub, REGS, REGS.c.source == source, order=REGS.c.id)


def test_a_douyin_export_is_imported_with_its_repeat_flagged(hub):
    session, csrf = signed_in(hub, "rec1")  # a recruiter may import
    r = _upload(session, hub, DOUYIN, "线索导出.xlsx", csrf, "douyin")
    assert r.status_code == 200, r.text
    # The header (row 2, under a title row) guessed: 手机号 is column 2, 姓名 1, 留资时间 3.
    assert [_selected(r.text, f) for f in ("phone", "name", "time", "job", "origin")] == ["2", "1", "3", "5", "4"]  # fmt: skip
    assert _counts(r.text) == "共 4 行：可导入 2 条，重复手机号 1 条（标为重复，不合并），缺少可用手机号或姓名 2 条，之前已导入 0 条"  # fmt: skip
    assert 'data-row="5" data-reason="phone"' in r.text and 'data-row="6" data-reason="job"' in r.text  # fmt: skip
    # The sample is masked; the repeat flagged.
    assert HUB_PHONE not in r.text and "139****0001" in r.text and "张**" in r.text
    assert re.search(r'data-row="3">.*?repeat-flag', r.text, re.S)
    assert _imported(hub, "douyin") == []  # nothing written yet
    # 保安 is not a job here: its row goes to the job chosen for unmatched rows.
    again = post(session, hub, "/office/lead-import/confirm", _form(r.text, csrf, fallback="J1", action="check"))  # fmt: skip
    assert again.status_code == 200, again.text
    assert "可导入 3 条" in _counts(again.text) and "&lt;**" in again.text
    done = post(session, hub, "/office/lead-import/confirm", _form(again.text, csrf, fallback="J1", action="import"))  # fmt: skip
    assert done.status_code == 200 and 'id="imported"' in done.text
    stored = _imported(hub, "douyin")
    assert [(s["name"], s["phone"], s["job_code"]) for s in stored] == [
        ("张三", HUB_PHONE, "J1"), ("李四", "13900000002", "J2"), ("<b>赵六</b>", "13900000003", "J1")]  # fmt: skip
    assert all(s["origin"] == "hub" and s["device"] is None and not s["employer_consent"]
               for s in stored)  # fmt: skip
    assert stored[0]["created_at"] == "2026-12-06T12:15:03+00:00"  # 留资时间, China time
    assert "线索来源：直播间" in stored[0]["note"]
    # Never merged: the hub's own sign-up with that phone is still there, untouched.
    same_phone = rows(hub, REGS, REGS.c.phone == HUB_PHONE)
    assert sorted(s["name"] for s in same_phone) == ["张三", "老客户"]
    entry = audit(hub, "lead_import")[-1]
    assert entry["actor"] == "rec1" and entry["object_id"] == "douyin" and "imported=3" in entry["detail"]  # fmt: skip
    assert HUB_PHONE not in str(audit(hub))

    # On the lead desk they are ordinary leads; the repeat is flagged there too.
    desk = session.get(f"{hub.url}/office/leads/{stored[0]['id']}", timeout=TIMEOUT)
    assert desk.status_code == 200 and "重复报名 +1" in desk.text and "抖音" in desk.text
    listed = session.get(f"{hub.url}/office/leads", params={"source": "douyin"}, timeout=TIMEOUT)
    assert '<option value="douyin" selected>抖音</option>' in listed.text
    assert sorted(re.findall(r'<tr data-id="(\d+)"', listed.text)) == sorted(
        {str(s["id"]) for s in stored}
    )
    # The employer view shows only the consented page sign-up, none of the imported.
    meidi, _ = signed_in(hub, "meidi")
    view = meidi.get(f"{hub.url}/office/employer", timeout=TIMEOUT).text
    assert "页面报名" in view and "张三" not in view and "赵六" not in view

    # The same export again adds nothing.
    twice = _upload(session, hub, DOUYIN, "线索导出.xlsx", csrf, "douyin")
    twice = post(session, hub, "/office/lead-import/confirm", _form(twice.text, csrf, fallback="J1", action="check"))  # fmt: skip
    assert "可导入 0 条" in _counts(twice.text) and "之前已导入 3 条" in _counts(twice.text)
    assert 'id="do-import"' not in twice.text


def test_a_kuaishou_gbk_csv_mapped_by_hand(hub):
    session, csrf = signed_in(hub, "boss")
    sheet = ("快手线索\n手机号,客户昵称,想做的工作\n13900000011,小周,电子厂质检\n").encode("gbk")
    r = _upload(session, hub, sheet, "ks.csv", csrf, "kuaishou")
    assert r.status_code == 200, r.text
    assert _selected(r.text, "phone") == "0" and _selected(r.text, "name") == ""
    missing = post(session, hub, "/office/lead-import/confirm", _form(r.text, csrf, action="import"))  # fmt: skip
    assert missing.status_code == 422 and "请选择手机号列和姓名列" in missing.text
    assert _imported(hub, "kuaishou") == []
    done = post(session, hub, "/office/lead-import/confirm",
                _form(r.text, csrf, map_name="1", map_job="2", action="import"))  # fmt: skip
    assert done.status_code == 200 and 'id="imported"' in done.text
    assert [(s["name"], s["job_code"]) for s in _imported(hub, "kuaishou")] == [("小周", "J2")]


def test_refusals(hub):
    employer, e_csrf = signed_in(hub, "meidi")
    assert employer.get(f"{hub.url}/office/lead-import", timeout=TIMEOUT).status_code == 403
    assert _upload(employer, hub, DOUYIN, "x.xlsx", e_csrf, "douyin").status_code == 403
    assert any(a["actor"] == "meidi" for a in audit(hub, "refused_lead_import"))
    session, csrf = signed_in(hub, "boss")
    assert _upload(session, hub, DOUYIN, "x.xlsx", "", "douyin").status_code == 403
    no_phone = _upload(session, hub, "姓名,岗位\n张三,普工\n".encode(), "x.csv", csrf, "other")
    assert no_phone.status_code == 422 and "没有带手机号列" in no_phone.text
    before = len(rows(hub, REGS))
    r = _upload(session, hub, DOUYIN, "x.xlsx", csrf, "douyin")
    other, other_csrf = signed_in(hub, "boss")
    theft = post(other, hub, "/office/lead-import/confirm", _form(r.text, other_csrf, action="import"))  # fmt: skip
    assert theft.status_code == 409 and len(rows(hub, REGS)) == before


def test_a_kuaishou_export_imported_in_chromium(hub, browser, tmp_path):  # noqa: F811
    sheet = tmp_path / "快手线索.xlsx"
    sheet.write_bytes(_xlsx([
        ["快手线索导出"],
        ["姓名", "电话", "创建时间", "意向职位", "来源"],
        ["周七", "13900000021", "2026-12-06 21:00", "电子厂质检", "直播间"],
        ["吴八", HUB_PHONE, "2026-12-06 21:01", "冰箱总装普工", "直播间"],
    ]))  # fmt: skip
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN")
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    try:
        page.goto(f"{hub.url}/office/login")
        page.fill("#username", "rec1")
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r"/office/leads"))
        page.click("nav.nav a[href='/office/lead-import']")
        page.select_option("select[name=platform]", "kuaishou")
        page.set_input_files("input[type=file]", str(sheet))
        page.click("#import-form button")
        page.wait_for_selector("#check")
        assert page.locator("#sample .repeat-flag").count() == 1
        assert "139****0021" in page.locator("#sample").inner_text()
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        if hub.database == "sqlite":
            page.screenshot(path=str(IMAGES / "office_lead_import.png"), full_page=True)
        page.click("#do-import")
        page.wait_for_selector("#imported")
        assert problems == []
    finally:
        context.close()
    assert sorted(s["name"] for s in _imported(hub, "kuaishou") if s["phone"] in ("13900000021", HUB_PHONE)) == ["吴八", "周七"]  # fmt: skip
