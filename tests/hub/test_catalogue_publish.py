"""Per-job versions on the hub: a PC's publish and the admin's PUT, against a real hub process
on SQLite and on PostgreSQL (issue 15 item 5)."""

from __future__ import annotations

import requests
from sqlalchemy import select

from hostdesk.hub.db import HubDB
from hostdesk.hub.models import JOBS
from tests.hub.harness import HubProcess

TIMEOUT = (5, 30)


def job(code: str, title: str = "普工", **more) -> dict:
    return {"code": code, "title": title, **more}


def publish(hub, items, token: str | None = None) -> requests.Response:
    body = {"items": [{"job": j, "base_version": base} for j, base in items]}
    return requests.post(
        hub.url + "/api/v1/jobs/publish", json=body, headers=hub.headers(token), timeout=TIMEOUT
    )


def results(r: requests.Response) -> list[tuple[str, str, int]]:
    assert r.status_code == 200, r.text
    return [(x["code"], x["status"], x["version"]) for x in r.json()["results"]]


def catalogue(hub) -> dict:
    r = requests.get(hub.url + "/api/v1/jobs", headers=hub.headers(), timeout=TIMEOUT)
    assert r.status_code == 200, r.text
    return r.json()


def stored(hub) -> dict[str, tuple[int, str]]:
    db = HubDB(hub.db_url)
    try:
        with db.read() as conn:
            rows = conn.execute(select(JOBS.c.code, JOBS.c.version, JOBS.c.updated_by)).all()
    finally:
        db.close()
    return {code: (version, by) for code, version, by in rows}


def test_publish_creates_updates_and_leaves_unchanged_per_job(hub):
    a, b = job("A", "包装工"), job("B", "年薪主管", salary_min=50000, salary_max=100000,
                                  salary_unit="year", salary_text="年薪5-10万")  # fmt: skip
    assert results(publish(hub, [(a, 0), (b, 0)])) == [("A", "created", 1), ("B", "created", 1)]
    got = catalogue(hub)
    assert [j["code"] for j in got["jobs"]] == ["A", "B"]
    assert got["jobs"][1]["salary_unit"] == "year"
    assert got["versions"] == {"A": 1, "B": 1}
    device = stored(hub)["A"][1]
    assert device.startswith("device-")  # the token's name records who changed it
    # The same content again: unchanged, whatever base it names (a retry after a lost answer).
    assert results(publish(hub, [(a, 0), (b, 1)])) == [("A", "unchanged", 1), ("B", "unchanged", 1)]  # fmt: skip
    etag = requests.get(hub.url + "/api/v1/jobs", headers=hub.headers(), timeout=TIMEOUT).headers["ETag"]  # fmt: skip
    edited = {**a, "title": "包装工（急招）"}
    assert results(publish(hub, [(edited, 1)])) == [("A", "updated", 2)]
    r = requests.get(hub.url + "/api/v1/jobs", headers=hub.headers(), timeout=TIMEOUT)
    assert r.headers["ETag"] != etag  # a desktop's pull sees the change
    assert r.json()["jobs"][0]["title"] == "包装工（急招）" and r.json()["versions"]["A"] == 2


def test_a_stale_base_is_a_conflict_and_the_hub_keeps_its_job(hub):
    assert results(publish(hub, [(job("A", "原标题"), 0)])) == [("A", "created", 1)]
    assert results(publish(hub, [(job("A", "另一台电脑改的"), 1)])) == [("A", "updated", 2)]
    # This PC still thinks the hub has version 1: its edit must not overwrite the other one.
    r = publish(hub, [(job("A", "这台电脑改的"), 1), (job("C", "新岗位"), 0)], hub.admin_token)
    assert results(r) == [("A", "conflict", 2), ("C", "created", 1)]
    conflict = r.json()["results"][0]
    assert conflict["job"]["title"] == "另一台电脑改的"
    assert conflict["updated_by"].startswith("device-")
    assert catalogue(hub)["jobs"][0]["title"] == "另一台电脑改的"
    assert stored(hub)["C"][1].startswith("admin-")
    # A job new on both sides (base 0, the hub has one): a conflict too, not an overwrite.
    assert results(publish(hub, [(job("C", "同码不同岗"), 0)])) == [("C", "conflict", 1)]
    # Resolved by a person ("keep mine"): published again on the hub's current version.
    assert results(publish(hub, [(job("A", "这台电脑改的"), 2)])) == [("A", "updated", 3)]


def test_put_keeps_versions_of_unchanged_jobs_and_publish_follows_it(hub):
    jobs = [job("A", "甲"), job("B", "乙")]
    r = requests.put(hub.url + "/api/v1/jobs", json={"jobs": jobs}, headers=hub.admin_headers,
                     timeout=TIMEOUT)  # fmt: skip
    assert r.status_code == 200 and r.json() == {"count": 2}
    assert catalogue(hub)["versions"] == {"A": 1, "B": 1}
    jobs[1] = job("B", "乙（改）")
    r = requests.put(hub.url + "/api/v1/jobs", json={"jobs": jobs}, headers=hub.admin_headers,
                     timeout=TIMEOUT)  # fmt: skip
    assert catalogue(hub)["versions"] == {"A": 1, "B": 2}
    assert stored(hub)["B"][1].startswith("admin-")
    # A PC that edited B from version 1 conflicts with the admin's change; A goes through.
    r = publish(hub, [(job("A", "甲（PC）"), 1), (job("B", "乙（PC）"), 1)])
    assert results(r) == [("A", "updated", 2), ("B", "conflict", 2)]
    # Removed by a PUT after the PC saw it: a conflict with nothing on the hub (version 0).
    requests.put(hub.url + "/api/v1/jobs", json={"jobs": [job("A", "甲（PC）")]},
                 headers=hub.admin_headers, timeout=TIMEOUT)  # fmt: skip
    r = publish(hub, [(job("B", "乙（PC）"), 2)])
    assert results(r) == [("B", "conflict", 0)] and r.json()["results"][0]["job"] is None
    # The whole catalogue's ETag is the content's hash whoever wrote it.
    put_tag = requests.put(hub.url + "/api/v1/jobs", json={"jobs": [job("A", "甲（PC）")]},
                           headers=hub.admin_headers, timeout=TIMEOUT).headers["ETag"]  # fmt: skip
    got = requests.get(hub.url + "/api/v1/jobs", headers=hub.headers(), timeout=TIMEOUT)
    assert got.headers["ETag"] == put_tag and got.json()["versions"] == {"A": 2}


def test_bad_publish_bodies_are_refused_and_nothing_is_written(hub):
    bad = [
        {"items": []},
        {"items": [{"job": job("A"), "base_version": -1}]},
        {"items": [{"job": job("A"), "base_version": 0, "force": True}]},
        {"items": [{"job": {**job("A"), "colour": "red"}, "base_version": 0}]},
        {"items": [{"job": job("A b"), "base_version": 0}]},
        {"items": [{"job": job("A", salary_unit="week"), "base_version": 0}]},
        {"items": [{"job": job("A"), "base_version": 0}, {"job": job("A"), "base_version": 0}]},
        {"items": [{"job": job("A", "\x00"), "base_version": 0}]},
    ]
    for body in bad:
        r = requests.post(hub.url + "/api/v1/jobs/publish", json=body, headers=hub.headers(),
                          timeout=TIMEOUT)  # fmt: skip
        assert r.status_code == 422, (body, r.text)
    r = requests.post(hub.url + "/api/v1/jobs/publish", json={"items": [{"job": job("A"),
                      "base_version": 0}]}, timeout=TIMEOUT)  # fmt: skip
    assert r.status_code == 401
    assert catalogue(hub) == {"jobs": [], "versions": {}}


def test_an_older_hub_database_gains_the_version_columns(hub_db_url, tmp_path):
    """A catalogue stored before versions: each job starts at version 1 and stays readable."""
    db = HubDB(hub_db_url)
    try:
        db.create_schema()
        with db.write() as conn:
            conn.exec_driver_sql("DROP TABLE jobs")
            conn.exec_driver_sql(
                "CREATE TABLE jobs (code VARCHAR PRIMARY KEY, position INTEGER NOT NULL, "
                "data VARCHAR NOT NULL)"
            )
            conn.exec_driver_sql(
                "INSERT INTO jobs (code, position, data) VALUES ('OLD', 0, "
                '\'{"code": "OLD", "title": "老岗位"}\')'
            )
    finally:
        db.close()
    process = HubProcess(hub_db_url, log_dir=tmp_path).start()
    try:
        headers = {"Authorization": f"Bearer {process.token('device-old')}"}
        got = requests.get(process.url + "/api/v1/jobs", headers=headers, timeout=TIMEOUT).json()
        assert got["versions"] == {"OLD": 1}
        body = {"items": [{"job": {"code": "OLD", "title": "老岗位（改）"}, "base_version": 1}]}
        r = requests.post(process.url + "/api/v1/jobs/publish", json=body, headers=headers,
                          timeout=TIMEOUT)  # fmt: skip
        assert [x["status"] for x in r.json()["results"]] == ["updated"]
    finally:
        process.stop()
