"""The lead desk on a real hub (SQLite and PostgreSQL), through its pages as a browser posts
them: the list (masked, filters, search, repeats, withdrawn and erased rows), a recruiter's
work on a lead (owner, reveal, calls, stages to 已入职) checked in the database, and what an
attacker tries (ids changed, CSRF missing or foreign, employers, markup) refused and logged."""

from __future__ import annotations

import re
from html import unescape

import pytest
import requests

from hostdesk.hub import retention
from hostdesk.hub.db import HubDB
from tests.hub.conftest import DATABASES
from tests.hub.office import (
    JOBS,
    TIMEOUT,
    add_user,
    audit,
    calls,
    csrf_of,
    history,
    lead_state,
    post,
    send_leads,
    signed_in,
    start_module_hub,
)
from tests.hub.payloads import item
from tests.hub.signup import HOSTILE, put_jobs

_phones = iter(range(10_000_000, 99_999_999))


def phone() -> str:
    return f"137{next(_phones):08d}"


@pytest.fixture(scope="module", params=DATABASES)
def desk(request, tmp_path_factory):
    """One hub per database for the module, with a catalogue and four accounts."""
    hub = start_module_hub(request, tmp_path_factory.mktemp("office"), device="studio-1")
    put_jobs(
        hub, [*JOBS, {"code": "J3", "title": f"普工{HOSTILE}", "company": f"<b>厂</b>{HOSTILE}"}]
    )
    for name, role, employer in (("boss", "admin", ""), ("rec1", "recruiter", ""),
                                 ("rec2", "recruiter", ""), ("meidi", "employer", "美的冰箱厂")):  # fmt: skip
        add_user(hub, name, role, employer=employer)
    yield hub
    hub.process.stop()


def _ids_on(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'<tr data-id="(\d+)"', html)]


def _page(client, hub, **params) -> requests.Response:
    r = client.get(f"{hub.url}/office/leads", params=params, timeout=TIMEOUT)
    assert r.status_code == 200, r.text[-1000:]
    return r


def test_the_list_masks_people_flags_repeats_and_filters(desk):
    hub = desk
    same, other = phone(), phone()
    ids = send_leads(hub, [
        {"name": "李小龙", "phone": same, "job_code": "J1", "session_id": "S-A", "source": "phone"},
        {"name": "李小龙", "phone": same, "job_code": "J2", "session_id": "S-B", "source": "qr"},
        {"name": "陈美", "phone": other, "job_code": "J2", "session_id": "S-B", "source": "comment"},
    ])  # fmt: skip
    session, _csrf = signed_in(hub, "rec1")
    page = _page(session, hub, session="S-B")
    assert sorted(_ids_on(page.text)) == sorted(ids[1:])
    text = unescape(page.text)
    assert "李**" in text and "陈**" in text and "李小龙" not in text and "陈美" not in text
    assert same not in text and f"{same[:3]}****{same[-4:]}" in text
    assert text.count("重复报名 +1") == 1  # one phone on two jobs: flagged, not merged

    assert _ids_on(_page(session, hub, job="J1", session="S-A").text) == [ids[0]]
    assert _ids_on(_page(session, hub, employer="立讯精密", session="S-B").text) == [ids[2], ids[1]]
    by_employer = _ids_on(_page(session, hub, employer="美的冰箱厂", session="S-A").text)
    assert by_employer == [ids[0]]
    assert _ids_on(_page(session, hub, source="comment", session="S-B").text) == [ids[2]]
    assert set(_ids_on(_page(session, hub, device="studio-1", session="S-B").text)) == set(ids[1:])
    assert _ids_on(_page(session, hub, device="nobody", session="S-B").text) == []
    assert _ids_on(_page(session, hub, q=same).text) == [ids[1], ids[0]]  # the whole number
    assert _ids_on(_page(session, hub, q=other[-4:], session="S-B").text) == [ids[2]]
    assert _ids_on(_page(session, hub, q=other[:7]).text) == []  # part of a masked number
    assert _ids_on(_page(session, hub, q="陈", session="S-B").text) == [ids[2]]
    assert _ids_on(_page(session, hub, stage="contacted", session="S-B").text) == []
    assert set(_ids_on(_page(session, hub, stage="new", session="S-B").text)) == set(ids[1:])


def test_each_filter_narrows_the_list(desk):
    hub = desk
    ids = send_leads(hub, [{"name": "周一", "phone": phone(), "job_code": "J2",
                            "session_id": "S-F", "source": "dm"}], minutes_ago=60 * 24 * 3)  # fmt: skip
    session, csrf = signed_in(hub, "rec2")
    day = lead_created_day(hub, ids[0])
    assert ids[0] in _ids_on(_page(session, hub, day=day, session="S-F").text)
    assert _ids_on(_page(session, hub, day="2001-01-01", session="S-F").text) == []
    assert _ids_on(_page(session, hub, owner="none", session="S-F").text) == ids
    assert post(session, hub, f"/office/leads/{ids[0]}/owner", {"csrf": csrf, "owner": user_id(hub, "rec2")}).status_code == 303  # fmt: skip
    assert _ids_on(_page(session, hub, owner="me", session="S-F").text) == ids
    assert _ids_on(_page(session, hub, owner="none", session="S-F").text) == []


def lead_created_day(hub, reg_id: int) -> str:
    from datetime import datetime

    from hostdesk.hub.leads import CHINA
    from hostdesk.hub.models import REGS
    from tests.hub.office import rows

    created = rows(hub, REGS, REGS.c.id == reg_id)[0]["created_at"]
    return datetime.fromisoformat(created).astimezone(CHINA).date().isoformat()


def user_id(hub, name: str) -> str:
    from hostdesk.hub.models import STAFF
    from tests.hub.office import rows

    return str(rows(hub, STAFF, STAFF.c.name == name)[0]["id"])


def test_a_recruiter_works_a_lead_to_started_work_with_the_history_kept(desk):
    hub = desk
    number = phone()
    (reg_id,) = send_leads(hub, [{"name": "赵六", "phone": number, "job_code": "J1"}])
    session, csrf = signed_in(hub, "rec1")
    base = f"/office/leads/{reg_id}"
    assert post(session, hub, f"{base}/owner", {"csrf": csrf, "owner": user_id(hub, "rec1")}).status_code == 303  # fmt: skip
    assert lead_state(hub, reg_id)["owner_id"] == int(user_id(hub, "rec1"))

    shown = post(session, hub, f"{base}/reveal", {"csrf": csrf})
    assert shown.status_code == 200 and f'href="tel:{number}"' in shown.text
    assert shown.headers["cache-control"] == "no-store"
    as_json = post(session, hub, f"{base}/reveal", {"csrf": csrf}, json_reply=True)
    assert as_json.json() == {"name": "赵六", "phone": number}
    reveals = audit(hub, "reveal")
    assert [(a["actor"], a["object_id"]) for a in reveals[-2:]] == [("rec1", str(reg_id))] * 2
    assert all(number not in str(a) and "赵六" not in str(a) for a in audit(hub))
    # The page without a reveal shows the number masked.
    assert number not in session.get(f"{hub.url}{base}", timeout=TIMEOUT).text

    assert post(session, hub, f"{base}/call", {"csrf": csrf, "outcome": "no_answer"}).status_code == 303  # fmt: skip
    answered = post(session, hub, f"{base}/call", {"csrf": csrf, "outcome": "answered"}, json_reply=True)  # fmt: skip
    assert answered.json()["stage"] == "contacted"
    assert calls(hub, reg_id) == ["no_answer", "answered"]
    for old, new in (("contacted", "booked"), ("booked", "interviewed"),
                     ("interviewed", "offered"), ("offered", "hired")):  # fmt: skip
        r = post(
            session, hub, f"{base}/stage", {"csrf": csrf, "from": old, "to": new, "note": "好"}
        )
        assert r.status_code == 303, r.text[-500:]
    assert history(hub, reg_id) == [
        ("rec1", "new", "no_answer"), ("rec1", "no_answer", "contacted"),
        ("rec1", "contacted", "booked"), ("rec1", "booked", "interviewed"),
        ("rec1", "interviewed", "offered"), ("rec1", "offered", "hired"),
    ]  # fmt: skip
    assert lead_state(hub, reg_id)["stage"] == "hired"
    page = session.get(f"{hub.url}{base}", timeout=TIMEOUT).text
    assert "已入职" in page and "只有管理员可以更改" in page

    # Nothing leaves 已入职 except an admin.
    stuck = post(session, hub, f"{base}/stage", {"csrf": csrf, "from": "hired", "to": "declined"})
    assert stuck.status_code == 403
    assert audit(hub, "refused_forbidden")[-1]["object_id"] == str(reg_id)
    boss, boss_csrf = signed_in(hub, "boss")
    undo = post(boss, hub, f"{base}/stage", {"csrf": boss_csrf, "from": "hired", "to": "declined"})
    assert undo.status_code == 303
    assert history(hub, reg_id)[-1] == ("boss", "hired", "declined")


def test_moves_are_checked_and_a_stale_page_does_not_overwrite(desk):
    hub = desk
    (reg_id,) = send_leads(hub, [{"name": "钱七", "phone": phone(), "job_code": "J2"}])
    session, csrf = signed_in(hub, "rec2")
    base = f"/office/leads/{reg_id}"
    skip = post(session, hub, f"{base}/stage", {"csrf": csrf, "from": "new", "to": "hired"})
    assert skip.status_code == 422 and "不允许" in skip.text
    assert post(session, hub, f"{base}/stage", {"csrf": csrf, "from": "new", "to": "contacted"}).status_code == 303  # fmt: skip
    # A second tab still showing 新报名 tries to move it again: refused, nothing written.
    stale = post(session, hub, f"{base}/stage", {"csrf": csrf, "from": "new", "to": "unsuitable"})
    assert stale.status_code == 409
    assert history(hub, reg_id) == [("rec2", "new", "contacted")]
    bad = post(session, hub, f"{base}/stage", {"csrf": csrf, "from": "contacted", "to": "nope"})
    assert bad.status_code == 422
    long_note = post(session, hub, f"{base}/stage",
                     {"csrf": csrf, "from": "contacted", "to": "booked", "note": "长" * 201})  # fmt: skip
    assert long_note.status_code == 422 and len(history(hub, reg_id)) == 1
    assert [a["action"] for a in audit(hub)[-3:]] == [
        "refused_stale",
        "refused_stage",
        "refused_note",
    ]


def test_withdrawn_and_erased_sign_ups_show_as_such_and_cannot_be_worked(desk):
    hub = desk
    gone_phone, erased_phone = phone(), phone()
    first = item(name="孙八", phone=gone_phone, job_code="J1", session_id="S-G")
    requests.post(f"{hub.url}/api/v1/registrations/batch", json={"items": [first]},
                  headers=hub.headers(), timeout=TIMEOUT).raise_for_status()  # fmt: skip
    withdraw = item(client_id=first["client_id"], event_type="withdraw", base_version=1,
                    name="孙八", phone=gone_phone, job_code="J1", session_id="S-G")  # fmt: skip
    requests.post(f"{hub.url}/api/v1/registrations/batch", json={"items": [withdraw]},
                  headers=hub.headers(), timeout=TIMEOUT).raise_for_status()  # fmt: skip
    (erased_id,) = send_leads(hub, [{"name": "吴九", "phone": erased_phone, "job_code": "J2", "session_id": "S-G"}])  # fmt: skip
    db = HubDB(hub.db_url)
    try:
        assert retention.erase(db, phone=erased_phone, actor="test") == 1
    finally:
        db.close()
    session, csrf = signed_in(hub, "rec1")
    page = unescape(_page(session, hub, session="S-G").text)
    assert "已撤回" in page and "已删除" in page
    assert "孙" not in page and gone_phone[-4:] not in page and "吴" not in page
    one = unescape(session.get(f"{hub.url}/office/leads/{erased_id}", timeout=TIMEOUT).text)
    assert "已按要求删除" in one and "查看号码" not in one
    refused = post(session, hub, f"/office/leads/{erased_id}/reveal", {"csrf": csrf})
    assert refused.status_code == 404
    moved = post(session, hub, f"/office/leads/{erased_id}/stage", {"csrf": csrf, "from": "new", "to": "contacted"})  # fmt: skip
    assert moved.status_code == 409
    assert [a["action"] for a in audit(hub)[-2:]] == ["refused_reveal", "refused_gone"]


def test_my_queue_oldest_first_late_ones_highlighted_and_round_robin(desk):
    hub = desk
    ids = send_leads(hub, [{"name": f"队列{n}", "phone": phone(), "job_code": "J3",
                            "session_id": "S-Q"} for n in range(4)], minutes_ago=10)  # fmt: skip
    fresh = send_leads(hub, [{"name": "刚报名", "phone": phone(), "job_code": "J3", "session_id": "S-Q"}],
                       minutes_ago=1)  # fmt: skip
    boss, csrf = signed_in(hub, "boss")
    deal_form = _page(boss, hub, job="J3").text  # the deal button names the filtered job
    assert '<input type="hidden" name="job" value="J3">' in deal_form
    assert 'name="job" value="J3"' not in _page(boss, hub).text.split("round-robin")[1]
    dealt = post(boss, hub, "/office/leads/round-robin", {"csrf": csrf, "job": "J3"})
    assert dealt.status_code == 303
    owners = [lead_state(hub, i)["owner_id"] for i in ids + fresh]
    rec1, rec2 = int(user_id(hub, "rec1")), int(user_id(hub, "rec2"))
    assert sorted(owners[:4]) == [rec1, rec1, rec2, rec2]
    assert owners[:4] in ([rec1, rec2, rec1, rec2], [rec2, rec1, rec2, rec1])
    session, _ = signed_in(hub, "rec1")
    queue = session.get(f"{hub.url}/office/leads", params={"queue": "mine", "job": "J3"}, timeout=TIMEOUT).text  # fmt: skip
    mine = [i for i, o in zip(ids + fresh, owners, strict=True) if o == rec1]
    assert _ids_on(queue) == mine  # oldest sign-up first
    late = re.findall(r'<tr data-id="(\d+)" data-href="[^"]+" class="late">', queue)
    assert [int(i) for i in late] == [i for i in mine if i in ids]  # 10 minutes > 5, 1 < 5
    # An admin sets the time; 15 minutes: nothing is late any more.
    assert (
        post(boss, hub, "/office/settings", {"csrf": csrf, "call_within": "15"}).status_code == 303
    )
    queue = session.get(f"{hub.url}/office/leads", params={"queue": "mine", "job": "J3"}, timeout=TIMEOUT).text  # fmt: skip
    assert 'class="late"' not in queue
    rec_csrf = csrf_of(queue)
    refused = post(session, hub, "/office/settings", {"csrf": rec_csrf, "call_within": "1"})
    assert refused.status_code == 403
    post(boss, hub, "/office/settings", {"csrf": csrf, "call_within": "5"})
    # Bulk: all of them to rec2 at once.
    bulk = post(session, hub, "/office/leads/assign",
                {"csrf": rec_csrf, "owner": str(rec2), "ids": [str(i) for i in ids]})  # fmt: skip
    assert bulk.status_code == 303
    assert {lead_state(hub, i)["owner_id"] for i in ids} == {rec2}


def test_an_attacker_is_refused_and_logged(desk):
    hub = desk
    (reg_id,) = send_leads(hub, [{"name": "郑十", "phone": phone(), "job_code": "J1"}])
    rec, csrf = signed_in(hub, "rec1")
    _other, other_csrf = signed_in(hub, "rec2")
    base = f"/office/leads/{reg_id}"
    move = {"from": "new", "to": "contacted"}
    # Missing CSRF, another session's CSRF, no Origin, a foreign Origin: 403, logged.
    before = len(audit(hub, "csrf_refused"))
    assert post(rec, hub, f"{base}/stage", move).status_code == 403
    assert post(rec, hub, f"{base}/stage", {**move, "csrf": other_csrf}).status_code == 403
    assert post(rec, hub, f"{base}/stage", {**move, "csrf": csrf}, origin=False).status_code == 403
    foreign = rec.post(f"{hub.url}{base}/stage", data={**move, "csrf": csrf},
                       headers={"Origin": "https://evil.example"}, allow_redirects=False, timeout=TIMEOUT)  # fmt: skip
    assert foreign.status_code == 403
    assert len(audit(hub, "csrf_refused")) == before + 4
    assert lead_state(hub, reg_id) is None  # nothing changed
    assert other_csrf != csrf
    # Ids changed in URLs and forms.
    assert rec.get(f"{hub.url}/office/leads/99999999", timeout=TIMEOUT).status_code == 404
    assert rec.get(f"{hub.url}/office/leads/1%20OR%201=1", timeout=TIMEOUT).status_code == 404
    assert post(rec, hub, "/office/leads/99999999/stage", {**move, "csrf": csrf}).status_code == 404
    assert post(rec, hub, "/office/leads/99999999/reveal", {"csrf": csrf}).status_code == 404
    assert post(rec, hub, "/office/leads/assign", {"csrf": csrf, "owner": "", "ids": [str(reg_id), "99999999"]}).status_code == 404  # fmt: skip
    assert post(rec, hub, "/office/leads/assign", {"csrf": csrf, "owner": "", "ids": ["x"]}).status_code == 422  # fmt: skip
    employer_id = user_id(hub, "meidi")
    assert post(rec, hub, f"{base}/owner", {"csrf": csrf, "owner": employer_id}).status_code == 422
    assert post(rec, hub, f"{base}/call", {"csrf": csrf, "outcome": "<b>"}).status_code == 422
    assert [a["action"] for a in audit(hub)[-8:]] == [
        "not_found", "not_found", "refused_unknown", "refused_reveal", "refused_unknown",
        "refused_unknown", "refused_owner", "refused_outcome",
    ]  # fmt: skip
    assert lead_state(hub, reg_id) is None  # the bulk assignment was all or nothing
    # An employer account gets no lead desk, by URL or by form.
    employer, e_csrf = signed_in(hub, "meidi")
    assert employer.get(f"{hub.url}/office/leads", timeout=TIMEOUT).status_code == 403
    assert employer.get(f"{hub.url}{base}", timeout=TIMEOUT).status_code == 403
    for path, data in ((f"{base}/reveal", {}), (f"{base}/stage", move), (f"{base}/call", {"outcome": "answered"}),
                       ("/office/leads/round-robin", {"job": "J1"})):  # fmt: skip
        r = post(employer, hub, path, {**data, "csrf": e_csrf})
        assert r.status_code in (403, 404), (path, r.status_code)
        assert "郑" not in r.text
    assert {a["actor"] for a in audit(hub)[-6:]} == {"meidi"}
    assert lead_state(hub, reg_id) is None


def test_markup_in_every_field_is_shown_as_text(desk):
    hub = desk
    (reg_id,) = send_leads(hub, [{
        "name": "<i>名</i><script>", "phone": phone(), "job_code": "J3", "job_title": f"普工{HOSTILE}",
        "session_id": "S-<b>X</b>", "note": f"<img src=x onerror=alert(1)>{HOSTILE}",
        "current_city": "<b>东莞", "expected_city": "<u>佛山",
    }])  # fmt: skip
    session, csrf = signed_in(hub, "rec1")
    post(session, hub, f"/office/leads/{reg_id}/stage",
         {"csrf": csrf, "from": "new", "to": "contacted", "note": HOSTILE})  # fmt: skip
    pages = [
        _page(session, hub, job="J3").text,
        session.get(f"{hub.url}/office/leads/{reg_id}", timeout=TIMEOUT).text,
        post(session, hub, f"/office/leads/{reg_id}/reveal", {"csrf": csrf}).text,
        _page(session, hub, q=HOSTILE).text,
    ]
    for html in pages:
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>厂</b>" not in html
        assert "<b>东莞" not in html and "<u>佛山" not in html
        assert "<i>名</i>" not in html and "<script>" not in html.replace(
            '<script src="/office/static/', ""
        )
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in pages[2]
    assert "&lt;b&gt;东莞" in pages[1] and "&lt;i&gt;名&lt;/i&gt;&lt;script&gt;" in pages[2]
