"""The sign-up page in a real headless Chromium (Debian's, via Playwright), with and without
JavaScript, at 390x844 and at 320 px wide; saves the screenshots in docs/images/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hostdesk.hub.signup_form import MESSAGES
from tests.hub.browser import browser  # noqa: F401 - the fixture
from tests.hub.conftest import Hub
from tests.hub.harness import HarnessError, HubProcess
from tests.hub.signup import AGENCY, JOBS, PAGE_ARGS, hub_rows, put_jobs

ROOT = Path(__file__).resolve().parents[2]
IMAGES = ROOT / "docs" / "images"
PHONE = (390, 844)
DEVICE = "studio-1"
LONG_JOB = {
    "code": "LONG", "title": "超长岗位名称测试：新能源汽车电池模组总装线普工（长白班，可长期）",
    "company": "某某某新能源科技股份有限公司第三事业部", "city": "宁德",
    "salary_text": "综合工资6000-8000元/月", "salary_min": 6000, "salary_max": 8000,
    "salary_unit": "month",
    "benefits": ["包吃包住", "五险一金", "月底发薪", "满三个月返费2000元", "带薪年假", "空调宿舍"],
    "shift": "两班倒，每月休四天，加班另算", "age_min": 18, "age_max": 45,
}  # fmt: skip
# An age the importer could not read, kept as written (issue 15; a real posting's words).
UNREAD_AGE = "身高年龄可根据个人形象而定"  # ssjzw-97995 (tests/data/postings)
AGE_JOB = {"code": "AGE", "title": "夜场服务员", "city": "北京", "age_text": UNREAD_AGE}


@pytest.fixture(scope="module")
def page_hub(tmp_path_factory):
    """One hub on SQLite for the module (each test uses its own phone numbers)."""
    tmp = tmp_path_factory.mktemp("signup_browser")
    process = HubProcess(f"sqlite:///{tmp / 'hub.db'}", log_dir=tmp, args=PAGE_ARGS)
    try:
        process.start()
    except HarnessError as exc:
        pytest.fail(str(exc))
    hub = Hub(process, process.token(DEVICE), process.token("office", admin=True))
    put_jobs(hub, [*JOBS, LONG_JOB, AGE_JOB])
    yield hub
    process.stop()


def _page(browser, *, js: bool = True, width: int = PHONE[0], height: int = PHONE[1], scale=1):  # noqa: F811
    context = browser.new_context(
        viewport={"width": width, "height": height},
        device_scale_factor=scale,
        is_mobile=True,
        has_touch=True,
        java_script_enabled=js,
        locale="zh-CN",
    )
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    return context, page, problems


def _fill(page, *, name="张三", phone="13800138000", age="25", city="", consent=True) -> None:
    page.fill("#f-name", name)
    page.fill("#f-phone", phone)
    page.fill("#f-age", age)
    if city:
        page.fill("#f-city", city)
    if consent:
        page.check("input[name=consent]")


def _row(hub, phone: str) -> dict | None:
    found = [r for r in hub_rows(hub) if r["phone"] == phone]
    assert len(found) <= 1
    return found[0] if found else None


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= window.innerWidth"
        " && document.body.scrollWidth <= window.innerWidth"
    )


def test_with_javascript_a_viewer_signs_up_and_sees_the_success_page(browser, page_hub):  # noqa: F811
    context, page, problems = _page(browser, scale=2)
    try:
        page.goto(f"{page_hub.url}/j/J1?s=S-LIVE-1&d={DEVICE}")
        assert page.title() == "报名：冰箱总装普工"
        assert page.inner_text("h1") == "冰箱总装普工"
        assert _no_horizontal_scroll(page)
        # The honeypot is out of sight and out of the tab order.
        box = page.locator("#f-website").bounding_box()
        assert box is None or box["x"] + box["width"] <= 0
        page.screenshot(path=str(IMAGES / "signup_page_zh_CN.png"), full_page=True)
        _fill(page, name="李四", phone="139 0000 1001", age="22", city="佛山")
        page.check("input[name=employer_consent]")
        page.click("button.submit")
        page.wait_for_url(re.compile(r"/j/J1/done$"))
        assert page.inner_text("h1") == "报名成功"
        body = page.inner_text("body")
        assert "冰箱总装普工" in body and "尾号 1001" in body and AGENCY in body
        assert "13900001001" not in page.content()
        assert _no_horizontal_scroll(page)
        page.screenshot(path=str(IMAGES / "signup_done_zh_CN.png"), full_page=True)
        # Reloading the success page sends nothing again (post/redirect/get).
        page.reload()
        assert page.inner_text("h1") == "报名成功"
        assert problems == []  # no script error, nothing the CSP refused
    finally:
        context.close()
    row = _row(page_hub, "13900001001")
    assert row is not None
    assert (row["name"], row["age"], row["session_id"], row["device"]) == (
        "李四", 22, "S-LIVE-1", DEVICE,
    )  # fmt: skip
    assert row["employer_consent"] is True and row["job_code"] == "J1"


def test_without_javascript_the_plain_form_works(browser, page_hub):  # noqa: F811
    context, page, _ = _page(browser, js=False)
    try:
        page.goto(f"{page_hub.url}/j/J1?s=S-LIVE-2&d={DEVICE}")
        _fill(page, phone="13900001002")
        page.click("button.submit")
        page.wait_for_url(re.compile(r"/j/J1/done$"))
        assert page.inner_text("h1") == "报名成功"
    finally:
        context.close()
    row = _row(page_hub, "13900001002")
    assert row is not None
    assert (row["session_id"], row["device"], row["employer_consent"]) == (
        "S-LIVE-2", DEVICE, False,
    )  # fmt: skip


def test_with_javascript_a_wrong_phone_is_shown_in_place_before_submitting(browser, page_hub):  # noqa: F811
    context, page, problems = _page(browser)
    posts: list[str] = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    try:
        page.goto(f"{page_hub.url}/j/J1")
        error = page.locator("#err-phone")
        assert not error.is_visible()
        page.fill("#f-phone", "138 0013 800")  # ten digits
        assert error.inner_text() == ""  # not judged while it is being typed the first time
        page.press("#f-phone", "Tab")  # leaving the field judges it
        assert error.inner_text() == MESSAGES["phone_not_mobile"]
        assert page.get_attribute("#f-phone", "aria-invalid") == "true"
        page.focus("#f-phone")
        page.keyboard.press("End")
        page.keyboard.type("0")  # now judged as it is typed: eleven digits, fine
        assert error.inner_text() == ""
        page.fill("#f-phone", "１２３")
        page.fill("#f-age", "15")
        page.press("#f-age", "Tab")
        assert page.inner_text("#err-age") == MESSAGES["age_under_16"]
        page.click("button.submit")  # blocked: every problem shown, nothing sent
        assert page.inner_text("#err-phone") == MESSAGES["phone_not_mobile"]
        assert page.inner_text("#err-name") == MESSAGES["name_missing"]
        assert page.inner_text("#err-consent") == MESSAGES["consent_missing"]
        assert page.evaluate("document.activeElement.id") == "f-name"
        assert posts == [] and page.url.endswith("/j/J1")
        # Full-width digits and a +86 prefix are a valid number, as on the server.
        _fill(page, phone="＋86 139-0000-1003")
        assert page.inner_text("#err-phone") == ""
        page.click("button.submit")
        page.wait_for_url(re.compile(r"/done$"))
        assert problems == []
    finally:
        context.close()
    assert _row(page_hub, "13900001003") is not None


def test_without_javascript_a_wrong_phone_comes_back_with_the_typing_kept(browser, page_hub):  # noqa: F811
    context, page, _ = _page(browser, js=False)
    try:
        page.goto(f"{page_hub.url}/j/J1?s=S-LIVE-3")
        _fill(page, name="王五", phone="138 0013 800", age="30", city="东莞")
        page.check("input[name=employer_consent]")
        with page.expect_navigation():
            page.click("button.submit")
        assert page.inner_text("#err-phone") == MESSAGES["phone_not_mobile"]
        assert page.is_visible("#err-phone")
        for selector, value in (("#f-name", "王五"), ("#f-phone", "138 0013 800"),
                                ("#f-age", "30"), ("#f-city", "东莞")):  # fmt: skip
            assert page.input_value(selector) == value
        assert page.is_checked("input[name=consent]")
        assert page.is_checked("input[name=employer_consent]")
        page.fill("#f-phone", "13900001004")
        page.click("button.submit")
        page.wait_for_url(re.compile(r"/done$"))
    finally:
        context.close()
    row = _row(page_hub, "13900001004")
    assert row is not None
    assert (row["name"], row["session_id"], row["employer_consent"]) == ("王五", "S-LIVE-3", True)


def test_an_age_kept_as_written_is_shown_whole_at_320_px(browser, page_hub):  # noqa: F811
    context, page, problems = _page(browser, width=320, height=640)
    try:
        page.goto(f"{page_hub.url}/j/AGE")
        age = page.locator("dl.facts div", has_text="年龄要求").locator("dd")
        assert age.inner_text() == UNREAD_AGE
        box = age.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320  # wraps, never cut off
        assert _no_horizontal_scroll(page)
        assert problems == []
    finally:
        context.close()


@pytest.mark.parametrize("code", ["J1", "LONG", "HOSTILE", "AGE"])
def test_at_320_px_nothing_scrolls_sideways(browser, page_hub, code):  # noqa: F811
    context, page, _ = _page(browser, width=320, height=640)
    try:
        page.goto(f"{page_hub.url}/j/{code}")
        assert _no_horizontal_scroll(page)
        submit = page.locator("button.submit").bounding_box()
        assert submit["x"] >= 0 and submit["x"] + submit["width"] <= 320
        page.click("button.submit")  # every message shown: still no sideways scroll
        assert _no_horizontal_scroll(page)
        page.goto(f"{page_hub.url}/j/CLOSED")
        assert _no_horizontal_scroll(page)
    finally:
        context.close()
