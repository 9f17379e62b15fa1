"""The publish's batched writes (issue 15, publish under 3 s): new jobs go in as one statement
and PostgreSQL hashes the catalogue itself; against a real hub process on SQLite and PostgreSQL,
every character comes back as sent, in order, and the ETag is the content's hash whoever wrote
it (a publish and the admin's PUT of the same catalogue give the same one)."""

from __future__ import annotations

import requests

from tests.hub.test_catalogue_publish import catalogue, job, publish, results

TIMEOUT = (5, 30)
AWKWARD = 'A "quoted" \\ back\\slash, 单引号\'s, emoji 🎉, tab\tand\nline, NUL-free ∑ 𠀀'


def _jobs(start: int, count: int) -> list[dict]:
    return [
        job(f"J{n:05d}", f"包装工{n}号", company="美的\"冰箱\"厂", requirements=AWKWARD,
            salary_min=3500 + n, salary_max=None, salary_unit="month", benefits=["包吃", "包住"],
            headcount=n % 7, urgent=n % 2 == 0)
        for n in range(start, start + count)
    ]  # fmt: skip


def test_a_large_publish_comes_back_exactly_and_its_etag_is_the_puts(hub):
    first, second = _jobs(0, 1000), _jobs(1000, 500)
    assert {s for _c, s, _v in results(publish(hub, [(j, 0) for j in first]))} == {"created"}
    assert {s for _c, s, _v in results(publish(hub, [(j, 0) for j in second]))} == {"created"}
    got = catalogue(hub)
    assert len(got["jobs"]) == 1500
    for sent, back in zip(first + second, got["jobs"], strict=True):
        assert {key: back[key] for key in sent} == sent  # every character, in order
    assert [j["code"] for j in got["jobs"]] == [j["code"] for j in first + second]
    assert set(got["versions"].values()) == {1}
    published_tag = requests.get(
        hub.url + "/api/v1/jobs", headers=hub.headers(), timeout=TIMEOUT
    ).headers["ETag"]
    # The same catalogue written by the admin's PUT: the same ETag (hashed in Python there).
    put = requests.put(
        hub.url + "/api/v1/jobs", json={"jobs": got["jobs"]}, headers=hub.admin_headers,
        timeout=TIMEOUT,
    )  # fmt: skip
    assert put.status_code == 200, put.text
    assert put.headers["ETag"] == published_tag
    # One job edited by a publish: the ETag moves, and back again when the edit is undone.
    edited = {**got["jobs"][3], "title": "改过的标题"}
    assert results(publish(hub, [(edited, 1)])) == [(edited["code"], "updated", 2)]
    moved = requests.get(hub.url + "/api/v1/jobs", headers=hub.headers(), timeout=TIMEOUT)
    assert moved.headers["ETag"] != published_tag
    assert results(publish(hub, [(got["jobs"][3], 2)])) == [(edited["code"], "updated", 3)]
    back = requests.get(hub.url + "/api/v1/jobs", headers=hub.headers(), timeout=TIMEOUT)
    assert back.headers["ETag"] == published_tag
