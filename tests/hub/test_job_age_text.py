"""A job's age as written (age_text) through a real hub, SQLite and PostgreSQL: the admin's PUT
and a PC's publish keep it, the catalogue gives it back, /j/{code} shows it when no band was
read (issue 15 item 1), and a text the schema bounds refuses the whole PUT."""

from __future__ import annotations

import requests

from tests.hub.signup import put_jobs

TIMEOUT = (5, 30)
UNREAD = "年龄可根据个人形象而定"  # a real posting's words (tests/data/postings, ssjzw-97995)


def _catalogue(hub) -> dict[str, dict]:
    r = requests.get(hub.url + "/api/v1/jobs", headers=hub.headers(), timeout=TIMEOUT)
    assert r.status_code == 200, r.text
    return {job["code"]: job for job in r.json()["jobs"]}


def _page(hub, code: str) -> str:
    r = requests.get(f"{hub.url}/j/{code}", timeout=TIMEOUT)
    assert r.status_code == 200, r.text[:500]
    return r.text


def test_put_keeps_the_age_as_written_and_the_page_shows_it(hub):
    put_jobs(hub, [
        {"code": "AG-1", "title": "冷柜装配工", "age_text": UNREAD},
        {"code": "AG-2", "title": "普工", "age_min": 18, "age_max": 45, "age_text": "18-45周岁"},
        {"code": "AG-3", "title": "包装工", "age_text": "不限"},
    ])  # fmt: skip
    jobs = _catalogue(hub)
    assert (jobs["AG-1"]["age_min"], jobs["AG-1"]["age_max"], jobs["AG-1"]["age_text"]) == (
        None, None, UNREAD,
    )  # fmt: skip
    assert jobs["AG-2"]["age_text"] == "18-45周岁"
    assert f"<dt>年龄要求</dt><dd>{UNREAD}</dd>" in _page(hub, "AG-1")
    assert "<dt>年龄要求</dt><dd>18-45岁</dd>" in _page(hub, "AG-2")  # read: the band
    assert "年龄要求" not in _page(hub, "AG-3")  # 不限 sets no limit: nothing to show


def test_a_publish_carries_the_age_text(hub):
    item = {"job": {"code": "AG-P", "title": "普工", "age_text": UNREAD}, "base_version": 0}
    r = requests.post(hub.url + "/api/v1/jobs/publish", json={"items": [item]},
                      headers=hub.headers(), timeout=TIMEOUT)  # fmt: skip
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "created", r.text
    assert _catalogue(hub)["AG-P"]["age_text"] == UNREAD
    assert f"<dd>{UNREAD}</dd>" in _page(hub, "AG-P")


def test_an_age_text_out_of_bounds_refuses_the_put_and_changes_nothing(hub):
    put_jobs(hub, [{"code": "AG-1", "title": "普工", "age_text": UNREAD}])
    for bad in ("岁" * 201, "18-45岁\n限男", "18\x00岁"):
        r = requests.put(hub.url + "/api/v1/jobs", headers=hub.admin_headers, timeout=TIMEOUT,
                         json={"jobs": [{"code": "AG-1", "title": "普工", "age_text": bad}]})  # fmt: skip
        assert r.status_code == 422, (bad, r.text)
        assert "age_text" in r.text
    assert _catalogue(hub)["AG-1"]["age_text"] == UNREAD
