"""The catalogue on the web, on a real hub (SQLite and PostgreSQL): a GBK sheet with title rows
uploaded → the preview names every bad row (refused, kept as written, card font, compliance)
and nothing changes → published → a real desktop sync pulls it into its store; an edit based
on a stale version is a conflict shown on the page, never an overwrite; close and reopen bump
the version; bad files are refused in place; recruiters, employers, a missing CSRF token and
markup in a cell are handled; uploads and edits are in the audit log. Chromium for the page."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
import requests

from hostdesk import app
from hostdesk.hub.models import JOBS
from tests.hub.browser import browser  # noqa: F401 - the fixture
from tests.hub.conftest import DATABASES
from tests.hub.office import (
    PASSWORD,
    TIMEOUT,
    add_user,
    audit,
    post,
    rows,
    signed_in,
    start_module_hub,
)
from tests.hub.signup import put_jobs

IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"
JOBS_BEFORE = [
    {"code": "MD-001", "title": "冰箱总装普工", "company": "美的冰箱厂", "city": "佛山",
     "salary_text": "5500-7000元/月"},
    {"code": "LX-001", "title": "电子厂质检", "company": "立讯精密", "city": "东莞"},
]  # fmt: skip
# An employer's sheet as agencies get them: two title rows above the header, GBK.
SHEET = (
    "美的冰箱厂2026冬季招聘岗位表\n"
    "联系人：人事部\n"
    "编号,岗位,企业,地点,薪资,年龄,要求,福利\n"
    "MD-001,冰箱总装普工,美的冰箱厂,佛山,6000-8000元/月,18-45岁,,包吃住\n"
    "MD-002,注塑操作工,美的冰箱厂,佛山,22元/小时,18-40岁,限男性,\n"
    ",,美的冰箱厂,佛山,5000元/月,,,\n"
    "MD-002,注塑操作工（夜班）,美的冰箱厂,佛山,6000元/月,,,\n"
    'MD-003,<script>alert(1)</script>包装工,美的冰箱厂,佛山,面议,,,"五险一金"\n'
    "MD-004,仓库理货员😀,美的冰箱厂,佛山,工资很高,,,\n"
)


def gbk(text: str) -> bytes:
    """The sheet as a Chinese Excel saves CSV: GBK; its emoji as GB18030 (GBK's superset,
    the same bytes for every other character) has it."""
    data = text.encode("gb18030")
    assert text.replace("😀", "").encode("gbk") == data.replace("😀".encode("gb18030"), b"")
    return data


@pytest.fixture(scope="module", params=DATABASES)
def hub(request, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("office_catalogue")
    hub = start_module_hub(request, tmp, device="studio-1")
    put_jobs(hub, JOBS_BEFORE)
    for name, role, employer in (("boss", "admin", ""), ("rec1", "recruiter", ""),
                                 ("meidi", "employer", "美的冰箱厂")):  # fmt: skip
        add_user(hub, name, role, employer=employer)
    yield hub
    hub.process.stop()


def _jobs(hub) -> dict[str, dict]:
    """The hub's catalogue as stored: code -> job JSON plus version and who changed it."""
    found = rows(hub, JOBS)
    return {r["code"]: {**json.loads(r["data"]), "_v": r["version"], "_by": r["updated_by"]}
            for r in found}  # fmt: skip


def _upload(session, hub, data: bytes, name: str, csrf: str, *, origin=True):
    headers = {"Origin": hub.url} if origin else {}
    return session.post(
        f"{hub.url}/office/catalogue/upload", data={"csrf": csrf},
        files={"file": (name, data)}, headers=headers, allow_redirects=False, timeout=TIMEOUT,
    )  # fmt: skip


def _notes(html: str) -> list[tuple[int, str]]:
    return [(int(r), reason) for r, reason in
            re.findall(r'<tr class="note note-\w+" data-row="(\d+)" data-reason="([\w]+)">', html)]  # fmt: skip


def _token(html: str) -> str:
    match = re.search(r'name="token" value="([^"]+)"', html)
    assert match, html[-2000:]
    return match.group(1)


def test_a_gbk_sheet_previewed_then_published_and_pulled_by_a_desktop(hub, ctx):
    session, csrf = signed_in(hub, "boss")
    before = _jobs(hub)
    r = _upload(session, hub, gbk(SHEET), "美的岗位表.csv", csrf)
    assert r.status_code == 200, r.text
    notes = _notes(r.text)
    # Sheet rows: header in row 3; row 6 has no title, row 7 repeats MD-002's code.
    assert "表头在第 3 行" in r.text
    assert (6, "title_missing") in notes and (7, "duplicate_code") in notes
    assert (5, "lint_gender_only") in notes  # 限男性: the compliance lint
    assert (9, "glyph_missing") in notes  # 😀 on the card
    assert (9, "pay_unread") in notes  # kept as written
    assert "新增 3 个，改动 1 个，未变 0 个，2 行不导入" in r.text
    # Markup in a cell is text on the page.
    assert "<script>alert(1)</script>" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;包装工" in r.text
    assert _jobs(hub) == before  # the preview wrote nothing
    assert audit(hub, "catalogue_preview")[-1]["actor"] == "boss"

    done = post(session, hub, "/office/catalogue/publish", {"csrf": csrf, "token": _token(r.text)})
    assert done.status_code == 200, done.text
    after = _jobs(hub)
    assert set(after) == {"MD-001", "LX-001", "MD-002", "MD-003", "MD-004"}
    assert after["MD-001"]["salary_min"] == 6000 and after["MD-001"]["_v"] == before["MD-001"]["_v"] + 1  # fmt: skip
    assert after["MD-002"]["title"] == "注塑操作工" and after["MD-002"]["_by"] == "boss"
    assert after["LX-001"] == before["LX-001"]  # not in the sheet: untouched
    row = audit(hub, "catalogue_upload")[-1]
    assert row["actor"] == "boss" and "created=3" in row["detail"] and "updated=1" in row["detail"]
    # The same token again: the held preview is gone.
    again = post(session, hub, "/office/catalogue/publish", {"csrf": csrf, "token": _token(r.text)})
    assert again.status_code == 409 and "预览已过期" in again.text

    # A real desktop sync pulls what the page published into its own store.
    worker = app.build_sync(ctx, hub_url=hub.url, hub_token=hub.token)
    _status, ok = worker.run_once()
    assert ok
    assert ctx.jobs.get("MD-002").title == "注塑操作工"
    assert ctx.jobs.get("MD-001").pay.min == 6000
    assert ctx.jobs.get("MD-003").title == "<script>alert(1)</script>包装工"


def test_an_edit_based_on_a_stale_version_shows_the_conflict(hub):
    session, csrf = signed_in(hub, "boss")
    form = session.get(f"{hub.url}/office/catalogue/job/LX-001", timeout=TIMEOUT)
    assert form.status_code == 200
    base = re.search(r'name="base" value="(\d+)"', form.text).group(1)
    # Meanwhile a broadcast PC publishes its own change of the job.
    current = _jobs(hub)["LX-001"]
    theirs = {k: v for k, v in current.items() if not k.startswith("_")} | {
        "title": "电子厂质检（白班）"
    }
    r = requests.post(f"{hub.url}/api/v1/jobs/publish", headers=hub.headers(), timeout=TIMEOUT,
                      json={"items": [{"job": theirs, "base_version": int(base)}]})  # fmt: skip
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "updated", r.text
    mine = {
        "csrf": csrf,
        "base": base,
        "title": "电子厂质检员",
        "company": "立讯精密",
        "city": "东莞",
        "salary": "5000-6000元/月",
    }
    saved = post(session, hub, "/office/catalogue/job/LX-001", mine)
    assert saved.status_code == 409
    assert 'id="conflict"' in saved.text and "studio-1" in saved.text
    assert 'value="电子厂质检员"' in saved.text  # the typing is kept
    assert _jobs(hub)["LX-001"]["title"] == "电子厂质检（白班）"  # theirs stands
    assert audit(hub, "catalogue_conflict")[-1]["object_id"] == "LX-001"
    # Saving again, knowingly, from the version now shown replaces it.
    now = re.search(r'name="base" value="(\d+)"', saved.text).group(1)
    assert int(now) == int(base) + 1
    again = post(session, hub, "/office/catalogue/job/LX-001", {**mine, "base": now})
    assert again.status_code == 303
    assert _jobs(hub)["LX-001"]["title"] == "电子厂质检员"
    assert audit(hub, "catalogue_edit")[-1]["actor"] == "boss"


def test_an_upload_confirmed_after_the_job_changed_is_a_conflict(hub):
    session, csrf = signed_in(hub, "boss")
    sheet = "编号,岗位,企业,地点\nLX-001,电子厂质检（夜班）,立讯精密,东莞\n".encode()
    r = _upload(session, hub, sheet, "lx.csv", csrf)
    assert r.status_code == 200, r.text
    current = _jobs(hub)["LX-001"]
    theirs = {k: v for k, v in current.items() if not k.startswith("_")} | {"city": "昆山"}
    put = requests.post(f"{hub.url}/api/v1/jobs/publish", headers=hub.headers(), timeout=TIMEOUT,
                        json={"items": [{"job": theirs, "base_version": current["_v"]}]})  # fmt: skip
    assert put.json()["results"][0]["status"] == "updated"
    done = post(session, hub, "/office/catalogue/publish", {"csrf": csrf, "token": _token(r.text)})
    assert done.status_code == 409
    assert 'class="outcome-conflict" data-code="LX-001"' in done.text
    assert _jobs(hub)["LX-001"]["city"] == "昆山" and _jobs(hub)["LX-001"]["title"] != "电子厂质检（夜班）"  # fmt: skip


def test_the_form_checks_as_the_importer_does(hub):
    session, csrf = signed_in(hub, "boss")
    before = _jobs(hub)["MD-001"]
    base = str(before["_v"])
    empty = post(session, hub, "/office/catalogue/job/MD-001",
                 {"csrf": csrf, "base": base, "title": "  ", "salary": "6000元/月"})  # fmt: skip
    assert (
        empty.status_code == 422 and "岗位名称为空" in empty.text and 'id="not-saved"' in empty.text
    )
    assert _jobs(hub)["MD-001"] == before
    warned = post(session, hub, "/office/catalogue/job/MD-001",
                  {"csrf": csrf, "base": base, "title": "冰箱总装普工", "company": "美的冰箱厂",
                   "city": "佛山", "salary": "工资面谈后定", "requirements": "限女性"})  # fmt: skip
    assert warned.status_code == 200, warned.text
    assert 'data-reason="pay_unread"' in warned.text and 'data-reason="lint_gender_only"' in warned.text  # fmt: skip
    after = _jobs(hub)["MD-001"]
    assert after["salary_text"] == "工资面谈后定" and after["salary_min"] is None
    assert after["_v"] == before["_v"] + 1


def test_an_age_kept_as_written_is_shown_and_kept_by_an_edit(hub):
    # Issue 15: an age the reader cannot turn into a band (a real posting's words) shows as
    # written in the list, the edit form and the page; an edit elsewhere keeps it.
    unread = "年龄可根据个人形象而定"
    made = requests.post(f"{hub.url}/api/v1/jobs/publish", headers=hub.headers(), timeout=TIMEOUT,
                         json={"items": [{"job": {"code": "AG-001", "title": "服务员",
                                                  "age_text": unread}, "base_version": 0}]})  # fmt: skip
    assert made.json()["results"][0]["status"] == "created", made.text
    session, csrf = signed_in(hub, "boss")
    listing = session.get(f"{hub.url}/office/catalogue", timeout=TIMEOUT).text
    row = re.search(r'<tr class="job-row" data-code="AG-001">.*?</tr>', listing, re.S).group(0)
    assert f'<td class="opt job-age">{unread}</td>' in row
    form = session.get(f"{hub.url}/office/catalogue/job/AG-001", timeout=TIMEOUT).text
    assert f'name="age" value="{unread}"' in form
    saved = post(session, hub, "/office/catalogue/job/AG-001",
                 {"csrf": csrf, "base": "1", "title": "晚班服务员", "age": unread})  # fmt: skip
    assert saved.status_code == 200 and 'data-reason="age_unread"' in saved.text, saved.text
    after = _jobs(hub)["AG-001"]
    assert (after["title"], after["age_text"], after["age_min"], after["_v"]) == (
        "晚班服务员", unread, None, 2,
    )  # fmt: skip
    page = requests.get(f"{hub.url}/j/AG-001", timeout=TIMEOUT).text
    assert f"<dd>{unread}</dd>" in page


def test_close_and_reopen_bump_the_version_and_reach_the_pull(hub):
    made = requests.post(f"{hub.url}/api/v1/jobs/publish", headers=hub.headers(), timeout=TIMEOUT,
                         json={"items": [{"job": {"code": "CL-001", "title": "包装工"},
                                          "base_version": 0}]})  # fmt: skip
    assert made.json()["results"][0]["status"] == "created", made.text
    session, csrf = signed_in(hub, "boss")
    path = "/office/catalogue/job/CL-001/status"
    closed = post(session, hub, path, {"csrf": csrf, "base": "1", "to": "closed"})
    assert closed.status_code == 303
    pulled = requests.get(f"{hub.url}/api/v1/jobs", headers=hub.headers(), timeout=TIMEOUT).json()
    assert {j["code"]: j["status"] for j in pulled["jobs"]}["CL-001"] == "closed"
    assert pulled["versions"]["CL-001"] == 2
    stale = post(session, hub, path, {"csrf": csrf, "base": "1", "to": "open"})
    assert stale.status_code == 409 and _jobs(hub)["CL-001"]["status"] == "closed"
    reopened = post(session, hub, path, {"csrf": csrf, "base": "2", "to": "open"})
    assert reopened.status_code == 303 and _jobs(hub)["CL-001"]["status"] == "open"
    assert _jobs(hub)["CL-001"]["_v"] == 3
    assert [a["action"] for a in audit(hub) if a["object_id"] == "CL-001"] == [
        "catalogue_close", "catalogue_conflict", "catalogue_reopen"]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "name", "status", "words"),
    [
        (b"", "empty.csv", 422, "文件是空的"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "jobs.xlsx", 422, "这不是表格文件"),
        ("姓名,手机号\n张三,13800000000\n".encode(), "leads.csv", 422, "没有带“岗位”列"),
        ("岗位,企业\n".encode(), "header.csv", 422, "只有表头"),
        (b"\n\n  \n", "blank.csv", 422, "文件是空的"),
        (b"a" * (5 * 1024 * 1024 + 10), "big.csv", 413, "超过 5 MB"),
    ],
    ids=["no-file", "png", "no-header", "header-only", "blank", "too-big"],
)
def test_a_bad_file_is_refused_in_place_and_nothing_written(hub, data, name, status, words):
    session, csrf = signed_in(hub, "boss")
    before = _jobs(hub)
    r = _upload(session, hub, data, name, csrf)
    assert r.status_code == status, r.text[-500:]
    assert words in unescape(r.text) and 'id="upload-form"' in r.text
    assert _jobs(hub) == before


def test_recruiters_employers_and_strangers_cannot_reach_the_catalogue(hub):
    for name in ("rec1", "meidi"):
        session, csrf = signed_in(hub, name)
        for path in (
            "/office/catalogue",
            "/office/catalogue/upload",
            "/office/catalogue/job/MD-001",
        ):
            r = session.get(f"{hub.url}{path}", allow_redirects=False, timeout=TIMEOUT)
            assert r.status_code == 403, (name, path)
        up = _upload(session, hub, gbk(SHEET), "x.csv", csrf)
        assert up.status_code == 403
        edit = post(session, hub, "/office/catalogue/job/MD-001", {"csrf": csrf, "base": "1", "title": "x"})  # fmt: skip
        assert edit.status_code == 403
        refused = [a for a in audit(hub, "refused_catalogue") if a["actor"] == name]
        assert len(refused) >= 5
    stranger = requests.get(f"{hub.url}/office/catalogue", allow_redirects=False, timeout=TIMEOUT)
    assert stranger.status_code == 303 and stranger.headers["location"].endswith("/office/login")
    # The nav offers the catalogue to an administrator only.
    rec, _ = signed_in(hub, "rec1")
    assert (
        'href="/office/catalogue"' not in rec.get(f"{hub.url}/office/leads", timeout=TIMEOUT).text
    )


def test_a_missing_or_foreign_csrf_token_is_refused(hub):
    session, csrf = signed_in(hub, "boss")
    _other, foreign = signed_in(hub, "boss")
    before = _jobs(hub)
    for token in ("", foreign):
        r = _upload(session, hub, gbk(SHEET), "x.csv", token)
        assert r.status_code == 403
        e = post(session, hub, "/office/catalogue/job/MD-001", {"csrf": token, "base": "1", "title": "x"})  # fmt: skip
        assert e.status_code == 403
    no_origin = _upload(session, hub, gbk(SHEET), "x.csv", csrf, origin=False)
    assert no_origin.status_code == 403
    assert _jobs(hub) == before
    assert len([a for a in audit(hub, "csrf_refused") if "catalogue" in a["object_id"]]) >= 5
    # A preview made in one session cannot be confirmed from another.
    up = _upload(session, hub, "编号,岗位\nZZ-1,新岗位\n".encode(), "z.csv", csrf)
    other, other_csrf = signed_in(hub, "boss")
    theft = post(other, hub, "/office/catalogue/publish", {"csrf": other_csrf, "token": _token(up.text)})  # fmt: skip
    assert theft.status_code == 409 and "ZZ-1" not in _jobs(hub)


def test_the_upload_preview_in_chromium(hub, browser, tmp_path):  # noqa: F811
    sheet = tmp_path / "美的岗位表.csv"
    sheet.write_bytes(gbk(SHEET.replace("MD-00", "WB-00")))
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN")
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    try:
        page.goto(f"{hub.url}/office/login")
        page.fill("#username", "boss")
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r"/office/leads"))
        page.click("nav.nav a[href='/office/catalogue']")
        page.click("#upload-link")
        page.set_input_files("input[type=file]", str(sheet))
        page.click("#upload-form button")
        page.wait_for_selector("#preview")
        assert page.locator("#problems tr.note-refused").count() == 2  # rows 6 and 7
        assert "<script>alert(1)</script>包装工" in page.locator("#planned").inner_text()
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        if hub.database == "sqlite":
            page.screenshot(path=str(IMAGES / "office_upload_preview.png"), full_page=True)
        page.click("#publish")
        page.wait_for_selector("#outcomes")
        assert page.locator("#outcomes tr.outcome-created").count() == 4
        assert problems == []
    finally:
        context.close()
    assert {"WB-001", "WB-002", "WB-003", "WB-004"} <= set(_jobs(hub))


def test_every_row_note_and_file_message_has_its_chinese():
    """The preview's sentences are built in Python, not templates: the template scan of
    test_office_text does not see them."""
    from hostdesk.core.compliance import RULE_IDS
    from hostdesk.hub.office import catalogue_text, text
    from hostdesk.sheets.jobs_import import _MESSAGES as ROW_REASONS
    from hostdesk.sheets.reader import _MESSAGES as FILE_REASONS

    notes = catalogue_text.NOTE_TEXT
    assert set(ROW_REASONS) <= set(notes) and {f"lint_{r}" for r in RULE_IDS} <= set(notes)
    assert set(FILE_REASONS) - {"unwritable"} <= set(catalogue_text.UPLOAD_TEXT)
    for english in [*notes.values(), *catalogue_text.UPLOAD_TEXT.values()]:
        chinese = text.ZH_CN[english]
        assert re.findall(r"\{(\w+)\}", english) == re.findall(r"\{(\w+)\}", chinese), english
