"""The employer view and its xlsx export on a real hub (SQLite and PostgreSQL): an employer
sees exactly its jobs' consented, active leads (consented, not consented, another employer's,
withdrawn and erased rows are built and the page and the xlsx, opened with openpyxl, are
checked); the agency's export for an employer gets the same rows; every export is audited
without personal data; ids changed in URLs and forms, a recruiter-only page, a missing or
foreign CSRF token are refused and logged."""

from __future__ import annotations

import io
import re
import uuid
from html import unescape
from pathlib import Path

import pytest
import requests
from openpyxl import load_workbook
from sqlalchemy import select

from hostdesk.hub import retention
from hostdesk.hub.db import HubDB
from hostdesk.hub.models import REGS
from tests.hub.browser import browser  # noqa: F401 - the fixture
from tests.hub.conftest import DATABASES
from tests.hub.office import (
    PASSWORD,
    TIMEOUT,
    add_user,
    audit,
    login,
    post,
    send_leads,
    signed_in,
    start_module_hub,
)
from tests.hub.payloads import item
from tests.hub.signup import HOSTILE, put_jobs, submit

JOBS = [
    {"code": "J1", "title": "冰箱总装普工", "company": "美的冰箱厂", "city": "佛山"},
    {"code": "J2", "title": "电子厂质检", "company": "立讯精密", "city": "东莞"},
    {"code": "J3", "title": "注塑操作工", "company": "美的冰箱厂", "city": "佛山"},
]
IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"
HEADER = ["姓名", "手机号", "岗位", "报名时间", "年龄", "期望城市"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module", params=DATABASES)
def hub(request, tmp_path_factory):
    """One hub per database: a catalogue of two employers' jobs, their leads, four accounts."""
    tmp = tmp_path_factory.mktemp("office_employer")
    # The hub's own temporary folder: the export files it makes are looked for there.
    (tmp / "hub-tmp").mkdir()
    hub = start_module_hub(request, tmp, device="studio-1", env={"TMPDIR": str(tmp / "hub-tmp")})
    put_jobs(hub, JOBS)
    for name, role, employer in (("boss", "admin", ""), ("rec1", "recruiter", ""),
                                 ("meidi", "employer", "美的冰箱厂"),
                                 ("lixun", "employer", "立讯精密")):  # fmt: skip
        add_user(hub, name, role, employer=employer)
    hub.people = _people(hub)
    yield hub
    hub.process.stop()


def _page_sign_up(hub, name: str, phone: str, job: str, consent: bool) -> str:
    """A sign-up as the QR page makes it (origin hub), through the admin route."""
    client_id = str(uuid.uuid4())
    body = {"client_id": client_id, "job_code": job, "name": name, "phone": phone,
            "age": 24, "employer_consent": consent, "session_id": "S-内部场次码"}  # fmt: skip
    r = requests.post(f"{hub.url}/api/v1/registrations/hub", json=body,
                      headers=hub.admin_headers, timeout=TIMEOUT)  # fmt: skip
    assert r.status_code == 201, r.text
    return client_id


def _people(hub) -> dict[str, str]:
    """The rows every test reads: who should and should not reach 美的冰箱厂 (J1, J3)."""
    phones = {"seen1": "13900000001", "seen2": "13900000002", "no_consent": "13900000003",
              "other_employer": "13900000004", "withdrawn": "13900000005",
              "erased": "13900000006", "device": "13900000007"}  # fmt: skip
    # The sign-up page itself, both ticks, an expected city: the row an employer is shown.
    r = submit(hub, "J1", name="王可见", phone=phones["seen1"], age="24", expected_city="佛山",
               employer_consent="yes", s="S-内部场次码")  # fmt: skip
    assert r.status_code == 303, r.text[-500:]
    _page_sign_up(hub, "李可见", phones["seen2"], "J3", True)
    _page_sign_up(hub, "赵未同意", phones["no_consent"], "J1", False)
    _page_sign_up(hub, "孙立讯", phones["other_employer"], "J2", True)
    _page_sign_up(hub, "=1+2", "13900000008", "J2", True)  # a name that reads as a formula
    gone = _page_sign_up(hub, "周撤回", phones["withdrawn"], "J1", True)
    _page_sign_up(hub, "吴删除", phones["erased"], "J1", True)
    send_leads(hub, [{"name": "郑电脑", "phone": phones["device"], "job_code": "J1"}])
    withdraw = item(client_id=gone, event_type="withdraw", base_version=1, name="周撤回",
                    phone=phones["withdrawn"], job_code="J1")  # fmt: skip
    r = requests.post(f"{hub.url}/api/v1/registrations/batch", json={"items": [withdraw]},
                      headers=hub.admin_headers, timeout=TIMEOUT)  # fmt: skip
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "created", r.text
    db = HubDB(hub.db_url)
    try:
        assert retention.erase(db, phone=phones["erased"], actor="test") == 1
    finally:
        db.close()
    return phones


def _view(client, hub, **params) -> requests.Response:
    return client.get(f"{hub.url}/office/employer", params=params, timeout=TIMEOUT)


def _listed(html: str) -> list[tuple[str, ...]]:
    rows = re.findall(r'<tr class="employer-row">(.*?)</tr>', html, re.S)
    return [tuple(unescape(re.sub(r"<[^>]+>", "", c)).strip()
                  for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)) for row in rows]  # fmt: skip


def _sheet(response: requests.Response) -> list[list]:
    assert response.status_code == 200, response.text[-500:]
    assert response.headers["content-type"] == XLSX
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    return [list(row) for row in book.active.iter_rows(values_only=True)]


def test_an_employer_logs_in_to_exactly_its_consented_leads(hub):
    landed = login(hub, "meidi")
    assert landed.status_code == 303 and landed.headers["location"] == "/office/employer"
    client, _csrf = signed_in(hub, "meidi")
    page = _view(client, hub)
    assert page.status_code == 200
    listed = _listed(page.text)
    phones = hub.people
    assert sorted(row[1] for row in listed) == sorted([phones["seen1"], phones["seen2"]])
    assert sorted(row[0] for row in listed) == ["李可见", "王可见"]
    wang = next(row for row in listed if row[0] == "王可见")
    assert wang[2] == "冰箱总装普工" and wang[4] == "24" and wang[5] == "佛山"
    html = unescape(page.text)
    for name in ("赵未同意", "孙立讯", "周撤回", "吴删除", "郑电脑"):
        assert name not in html
    for key in ("no_consent", "other_employer", "withdrawn", "erased", "device"):
        assert phones[key] not in html and phones[key][-4:] not in html
    # Employer-facing: no internal ids, show codes, job codes or notice versions.
    assert "S-内部场次码" not in html and "data-id" not in html and "/office/leads/" not in html
    assert "2026-11" not in html and ">J1<" not in html

    other, _ = signed_in(hub, "lixun")
    assert sorted(row[0] for row in _listed(_view(other, hub).text)) == ["=1+2", "孙立讯"]


def test_the_export_holds_the_same_rows_in_chinese_columns_and_is_audited(hub):
    client, csrf = signed_in(hub, "meidi")
    before = len(audit(hub, "export"))
    rows = _sheet(post(client, hub, "/office/employer/export", {"csrf": csrf}))
    assert rows[0] == HEADER
    phones = hub.people
    assert sorted(r[1] for r in rows[1:]) == sorted([phones["seen1"], phones["seen2"]])
    wang = next(r for r in rows[1:] if r[0] == "王可见")
    assert wang[2] == "冰箱总装普工" and wang[4] == 24 and wang[5] == "佛山"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", wang[3])
    # One job of its own: that job's rows only.
    only_j3 = _sheet(post(client, hub, "/office/employer/export", {"csrf": csrf, "job": "J3"}))
    assert [r[0] for r in only_j3[1:]] == ["李可见"]
    exports = audit(hub, "export")[before:]
    assert [(a["actor"], a["object_id"], a["detail"]) for a in exports] == [
        ("meidi", "美的冰箱厂", "job=* rows=2"), ("meidi", "美的冰箱厂", "job=J3 rows=1")]  # fmt: skip
    # No copy of the people is left behind on the server's disk.
    assert list((hub.process.log_dir / "hub-tmp").iterdir()) == []
    logged = " ".join(f"{a['object_id']} {a['detail']}" for a in audit(hub))
    assert not any(p in logged or p[-4:] in logged for p in phones.values())
    assert "王可见" not in logged


def test_a_name_that_reads_as_a_formula_is_exported_as_text(hub):
    client, csrf = signed_in(hub, "lixun")
    r = post(client, hub, "/office/employer/export", {"csrf": csrf})
    assert r.status_code == 200 and r.headers["content-type"] == XLSX
    sheet = load_workbook(io.BytesIO(r.content)).active  # not read-only: the cells' types
    cells = {row[0].value: row[0].data_type for row in sheet.iter_rows(min_row=2)}
    assert cells == {"=1+2": "s", "孙立讯": "s"}


def test_the_agency_exports_for_an_employer_by_the_same_rule(hub):
    for name in ("rec1", "boss"):
        client, csrf = signed_in(hub, name)
        choices = _view(client, hub)
        assert choices.status_code == 200 and "美的冰箱厂" in unescape(choices.text)
        listed = _listed(_view(client, hub, company="美的冰箱厂").text)
        assert sorted(r[0] for r in listed) == ["李可见", "王可见"]
        rows = _sheet(post(client, hub, "/office/employer/export",
                           {"csrf": csrf, "company": "美的冰箱厂"}))  # fmt: skip
        assert rows[0] == HEADER and sorted(r[0] for r in rows[1:]) == ["李可见", "王可见"]
        assert audit(hub, "export")[-1]["actor"] == name
        # A company the catalogue does not know: refused, not an empty list.
        assert _view(client, hub, company="没有这家").status_code == 403


def test_an_employer_changing_ids_or_pages_is_refused_and_logged(hub):
    client, csrf = signed_in(hub, "meidi")
    exports = len(audit(hub, "export"))
    # Another employer's company and job, by URL and by form.
    assert _view(client, hub, company="立讯精密").status_code == 403
    assert audit(hub)[-1]["action"] == "refused_employer"
    r = _view(client, hub, job="J2")
    assert r.status_code == 404 and "孙立讯" not in r.text
    assert audit(hub)[-1]["action"] == "refused_job"
    for data in ({"company": "立讯精密"}, {"job": "J2"}, {"job": "J999"}, {"job": HOSTILE}):
        r = post(client, hub, "/office/employer/export", {"csrf": csrf, **data})
        assert r.status_code in (403, 404), data
        assert r.headers["content-type"].startswith("text/html") and "孙立讯" not in r.text
        assert audit(hub)[-1]["action"] == "refused_export" and audit(hub)[-1]["actor"] == "meidi"
    # A lead's page and the recruiter-only desk.
    other_id = _lead_id(hub, hub.people["other_employer"])
    assert client.get(f"{hub.url}/office/leads/{other_id}", timeout=TIMEOUT).status_code == 403
    assert client.get(f"{hub.url}/office/leads", timeout=TIMEOUT).status_code == 403
    assert [a["action"] for a in audit(hub)[-2:]] == ["forbidden", "forbidden"]
    # CSRF missing, another session's, a foreign origin: refused and logged, no file.
    _other, other_csrf = signed_in(hub, "lixun")
    refused = len(audit(hub, "csrf_refused"))
    assert post(client, hub, "/office/employer/export", {}).status_code == 403
    assert post(client, hub, "/office/employer/export", {"csrf": other_csrf}).status_code == 403
    foreign = client.post(f"{hub.url}/office/employer/export", data={"csrf": csrf},
                          headers={"Origin": "https://evil.example"}, timeout=TIMEOUT)  # fmt: skip
    assert foreign.status_code == 403 and foreign.headers["content-type"] != XLSX
    assert len(audit(hub, "csrf_refused")) == refused + 3
    assert len(audit(hub, "export")) == exports  # nothing was exported


def _lead_id(hub, phone: str) -> int:
    db = HubDB(hub.db_url)
    try:
        with db.read() as conn:
            return conn.execute(select(REGS.c.id).where(REGS.c.phone == phone)).scalar_one()
    finally:
        db.close()


def test_an_employer_in_the_browser_sees_its_list_and_downloads_it(hub, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN",
                                  accept_downloads=True)  # fmt: skip
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    try:
        page.goto(f"{hub.url}/office/login")
        page.fill("#username", "meidi")
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r"/office/employer$"))
        rows = page.locator("tr.employer-row")
        assert sorted(rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())) == [
            "李可见", "王可见"]  # fmt: skip
        assert page.locator("h1").first.inner_text().startswith("美的冰箱厂 的报名名单")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        if hub.database == "sqlite":
            page.screenshot(path=str(IMAGES / "office_employer_zh_CN.png"))
        with page.expect_download() as waiting:
            page.click("#export button")
        download = waiting.value
        assert download.suggested_filename.startswith("报名名单_美的冰箱厂_")
        book = load_workbook(io.BytesIO(Path(download.path()).read_bytes()), read_only=True)
        sheet = [list(r) for r in book.active.iter_rows(values_only=True)]
        assert sheet[0] == HEADER and sorted(r[0] for r in sheet[1:]) == ["李可见", "王可见"]
        assert problems == []
    finally:
        context.close()
