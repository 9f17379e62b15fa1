"""GET /api/v1/events on a real hub (SQLite and PostgreSQL): what each caller receives, resuming
after a cut mid-burst, erasures, catalogue changes, revocation, and a commit in one hub process
reaching a stream held by another.

The hubs run with a 0.3 s heartbeat and a one-hour safety poll: every event here arrives through
a wake-up (the in-process bell, or NOTIFY), never through the poll.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from sqlalchemy import select, update

from hostdesk.hub import staff
from hostdesk.hub.auth import revoke_token
from hostdesk.hub.db import HubDB
from hostdesk.hub.models import STAFF, STAFF_SESSIONS
from tests.hub import office, signup
from tests.hub.conftest import Hub
from tests.hub.harness import HarnessError, HubProcess
from tests.hub.payloads import item, phone

TIMEOUT = (5, 30)
WAIT = 60.0  # seconds a condition may take on a loaded machine before the test fails
EVENTS_ENV = {"HOSTDESK_HUB_EVENTS_HEARTBEAT": "0.3", "HOSTDESK_HUB_EVENTS_POLL": "3600"}


def wait_until(condition, what: str, timeout: float = WAIT):
    """Poll `condition` until it is truthy (returned); fail naming `what` after `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"not within {timeout} s: {what}")


class Stream:
    """An open GET /api/v1/events, read on a thread into `events` (dicts: event, id, data) and
    `comments`; `cut()` drops the connection, `ended` is set when it ends."""

    def __init__(self, url: str, token: str | None, *, last_event_id: str | None = None,
                 since: int | None = None, session: requests.Session | None = None,
                 path: str = "/api/v1/events"):  # fmt: skip
        # A token, or a signed-in office session (its cookie, as a browser sends it).
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        if last_event_id is not None:
            headers["Last-Event-ID"] = last_event_id
        params = {} if since is None else {"since": since}
        self.response = (session or requests).get(
            f"{url}{path}", headers=headers, params=params, stream=True, timeout=TIMEOUT
        )
        assert self.response.status_code == 200, self.response.text
        self.events: list[dict] = []
        self.comments: list[str] = []
        self.ended = threading.Event()
        self._cut = threading.Event()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        event: dict = {}
        try:
            for line in self.response.iter_lines(decode_unicode=True):
                if self._cut.is_set():
                    break
                if line == "":
                    if "event" in event:
                        self.events.append(event)
                    event = {}
                elif line.startswith(":"):
                    self.comments.append(line[1:].strip())
                else:
                    key, _, value = line.partition(":")
                    event[key] = value.removeprefix(" ")
        except Exception:  # the connection went away, or was closed under us
            pass  # `ended` tells
        finally:
            self.response.close()
            self.ended.set()

    def of(self, kind: str) -> list[dict]:
        return [e for e in list(self.events) if e["event"] == kind]

    def rows(self) -> list[dict]:
        return [json.loads(e["data"]) for e in self.of("registration")]

    def cut(self) -> None:
        self._cut.set()
        wait_until(self.ended.is_set, "the cut stream's reader to stop")

    def close(self) -> None:
        self._cut.set()
        self.response.close()


@dataclass
class EventsHub:
    hub: Hub
    device_a: str  # token names, as the page's d= credits them
    device_b: str
    token_a: str
    token_b: str
    streams: list[Stream]

    @property
    def url(self) -> str:
        return self.hub.url

    def open(self, token: str | None, **kw) -> Stream:
        self.streams.append(Stream(self.url, token, **kw))
        return self.streams[-1]

    def open_office(self, session: requests.Session) -> Stream:
        """GET /office/events with a signed-in session's cookie, as the office's pages do."""
        return self.open(None, session=session, path="/office/events")


def _start(db_url: str, tmp_path: Path) -> HubProcess:
    process = HubProcess(db_url, log_dir=tmp_path, args=signup.PAGE_ARGS, env=EVENTS_ENV)
    try:
        return process.start()
    except HarnessError as exc:
        pytest.fail(str(exc))


@pytest.fixture
def events_hub(hub_db_url: str, tmp_path: Path):
    process = _start(hub_db_url, tmp_path)
    streams: list[Stream] = []
    try:
        hub = Hub(process, process.token("dev-x"), process.token("admin-x", admin=True))
        a, b = process.token("studio-a"), process.token("studio-b")
        signup.put_jobs(hub)
        yield EventsHub(hub, "studio-a", "studio-b", a, b, streams)
    finally:
        for stream in streams:
            stream.close()
        process.stop()


def _listed(eh: EventsHub, token: str) -> list[dict]:
    """Everything GET /api/v1/registrations gives this token (the truth a stream must match)."""
    r = requests.get(
        eh.url + "/api/v1/registrations",
        params={"limit": 500},
        headers={"Authorization": f"Bearer {token}"},
        timeout=TIMEOUT,
    )
    assert r.status_code == 200, r.text
    return r.json()["items"]


def _page_signup(eh: EventsHub, n: int, device: str = "") -> None:
    r = signup.submit(eh.hub, "J1", phone=phone(n), name="李小红", d=device)
    assert r.status_code == 303, r.text


def _batch(eh: EventsHub, token: str, *items: dict) -> None:
    r = requests.post(
        eh.url + "/api/v1/registrations/batch",
        json={"items": list(items)},
        headers={"Authorization": f"Bearer {token}"},
        timeout=TIMEOUT,
    )
    assert r.status_code == 200, r.text
    assert {x["status"] for x in r.json()["results"]} == {"created"}, r.text


def test_signups_reach_each_caller_shaped_as_the_list_gives_them(events_hub: EventsHub):
    eh = events_hub
    admin = eh.open(eh.hub.admin_token)
    a = eh.open(eh.token_a)
    b = eh.open(eh.token_b)
    for stream in (admin, a, b):
        assert stream.response.headers["Content-Type"].startswith("text/event-stream")
        assert stream.response.headers["X-Accel-Buffering"] == "no"
        assert stream.response.headers["Cache-Control"] == "no-cache"
        wait_until(lambda s=stream: s.of("catalogue"), "the first catalogue event")
        wait_until(lambda s=stream: "ping" in s.comments, "a heartbeat")

    _page_signup(eh, 1, device=eh.device_a)  # the page's sign-up credited to studio-a
    own = item(name="王五", phone=phone(2), job_code="J2")
    _batch(eh, eh.token_a, own)  # studio-a's own sign-up
    wait_until(lambda: len(admin.rows()) == 2, "both sign-ups on the admin's stream")
    wait_until(lambda: len(a.rows()) == 2, "both sign-ups on studio-a's stream")

    # Each stream carries exactly what the list route gives that caller, in the same shape.
    assert admin.rows() == _listed(eh, eh.hub.admin_token)
    assert a.rows() == _listed(eh, eh.token_a)
    page_row, own_row = a.rows()
    assert (page_row["origin"], page_row["name"], page_row["phone"]) == (
        "hub", "李**", "139****0001",
    )  # fmt: skip
    assert (own_row["client_id"], own_row["name"], own_row["phone"]) == (
        own["client_id"], "王五", phone(2),
    )  # fmt: skip
    assert admin.rows()[0]["name"] == "李小红" and admin.rows()[0]["phone"] == phone(1)
    assert [e["id"] for e in a.of("registration")] == [str(r["cursor"]) for r in a.rows()]

    # studio-b sees neither: its own sign-up (a later cursor) is the first row it receives.
    mine = item(name="赵六", phone=phone(3))
    _batch(eh, eh.token_b, mine)
    wait_until(lambda: b.rows(), "studio-b's own sign-up on its stream")
    assert [r["client_id"] for r in b.rows()] == [mine["client_id"]]
    assert b.rows() == _listed(eh, eh.token_b)


def test_a_stream_cut_mid_burst_resumes_from_last_event_id(events_hub: EventsHub):
    eh = events_hub
    first = eh.open(eh.hub.admin_token)
    cut_done = threading.Event()
    failures: list[str] = []

    def burst() -> None:
        for n in range(100):
            if n == 60 and not cut_done.wait(WAIT):  # the cut falls inside the burst
                failures.append("the stream was never cut")
                return
            body = {
                "job_code": "J1", "job_title": "冰箱总装普工", "session_id": "S-burst",
                "name": "张三", "phone": phone(1000 + n), "age": 25,
                "consent_method": "verbal", "notice_version": "2026-11",
                "consented_at": "2026-11-26T10:00:00+00:00",
            }  # fmt: skip
            r = requests.post(
                eh.url + "/api/v1/registrations/hub",
                json=body,
                headers=eh.hub.admin_headers,
                timeout=TIMEOUT,
            )
            if r.status_code != 201:
                failures.append(r.text)
                return

    poster = threading.Thread(target=burst)
    poster.start()
    wait_until(lambda: len(first.rows()) >= 20, "20 sign-ups of the burst on the first stream")
    first.cut()
    cut_done.set()
    got_first = [int(e["id"]) for e in first.of("registration")]
    assert len(got_first) < 100

    second = eh.open(eh.hub.admin_token, last_event_id=str(got_first[-1]), since=0)
    poster.join(WAIT * 2)
    assert not failures, failures
    expected = [r["cursor"] for r in _listed(eh, eh.hub.admin_token)]
    assert len(expected) == 100
    wait_until(
        lambda: [int(e["id"]) for e in second.of("registration")][-1:] == expected[-1:],
        "the rest of the burst on the resumed stream",
    )
    union = got_first + [int(e["id"]) for e in second.of("registration")]
    assert union == expected  # every cursor exactly once, in order, across the cut


def test_an_erasure_arrives_as_an_erased_row(events_hub: EventsHub):
    eh = events_hub
    admin = eh.open(eh.hub.admin_token)
    a = eh.open(eh.token_a)
    _page_signup(eh, 7, device=eh.device_a)
    wait_until(lambda: a.rows(), "the sign-up on studio-a's stream")
    signed = a.rows()[0]
    r = requests.post(
        eh.url + "/api/v1/erasures",
        json={"phone": phone(7)},
        headers=eh.hub.admin_headers,
        timeout=TIMEOUT,
    )
    assert r.status_code == 200, r.text
    for stream in (admin, a):
        wait_until(lambda s=stream: len(s.rows()) == 2, "the erasure on the stream")
        erased = stream.rows()[1]
        assert erased["client_id"] == signed["client_id"]
        assert erased["status"] == "erased"
        assert (erased["name"], erased["phone"]) == ("", "")
        assert erased["cursor"] > signed["cursor"]
    assert a.rows()[1:] == _listed(eh, eh.token_a)  # the list: only the row's latest state


def _etag(eh: EventsHub) -> str:
    r = requests.get(eh.url + "/api/v1/jobs", headers=eh.hub.admin_headers, timeout=TIMEOUT)
    assert r.status_code == 200, r.text
    return r.headers["ETag"]


def test_catalogue_changes_send_the_jobs_etag(events_hub: EventsHub):
    eh = events_hub
    a = eh.open(eh.token_a)
    wait_until(lambda: a.of("catalogue"), "the first catalogue event")

    def etags() -> list[str]:
        return [json.loads(e["data"])["etag"] for e in a.of("catalogue")]

    assert etags() == [_etag(eh)]  # the current one on connect
    signup.put_jobs(eh.hub, [*signup.JOBS, {"code": "J9", "title": "仓库分拣员"}])
    wait_until(lambda: len(etags()) == 2, "the catalogue event after the admin's PUT")
    assert etags()[1] == _etag(eh)
    published = {"job": {"code": "J10", "title": "叉车司机"}, "base_version": 0}
    r = requests.post(
        eh.url + "/api/v1/jobs/publish",
        json={"items": [published]},
        headers={"Authorization": f"Bearer {eh.token_a}"},
        timeout=TIMEOUT,
    )
    assert r.status_code == 200 and r.json()["results"][0]["status"] == "created", r.text
    wait_until(lambda: len(etags()) == 3, "the catalogue event after a PC's publish")
    assert etags()[2] == _etag(eh) != etags()[1]
    assert a.rows() == []  # no registration events came with them


def test_a_revoked_tokens_stream_is_closed(events_hub: EventsHub):
    eh = events_hub
    a = eh.open(eh.token_a)
    b = eh.open(eh.token_b)
    wait_until(lambda: "ping" in a.comments, "a heartbeat on studio-a's stream")
    db = HubDB(eh.hub.db_url)
    try:
        assert revoke_token(db, eh.device_a)
    finally:
        db.close()
    wait_until(a.ended.is_set, "studio-a's stream closed by the hub")
    again = requests.get(
        eh.url + "/api/v1/events",
        headers={"Authorization": f"Bearer {eh.token_a}"},
        stream=True,
        timeout=TIMEOUT,
    )
    assert again.status_code == 401
    again.close()
    # studio-b's stream stays open and keeps beating.
    pings = len(b.comments)
    wait_until(lambda: len(b.comments) > pings + 2, "studio-b's heartbeats after the revocation")
    assert not b.ended.is_set()


def test_bad_requests_get_a_clear_json_error(events_hub: EventsHub):
    eh = events_hub
    url = eh.url + "/api/v1/events"
    auth = {"Authorization": f"Bearer {eh.token_a}"}
    for bad in ("abc", "-1", "1e3", "12345678901234567", "\u0663".encode().decode("latin-1")):
        r = requests.get(url, headers={**auth, "Last-Event-ID": bad}, timeout=TIMEOUT)
        assert r.status_code == 400, (bad, r.text)
        assert r.json()["detail"].startswith("last_event_id_invalid"), r.text
    r = requests.get(url, params={"since": "-1"}, headers=auth, timeout=TIMEOUT)
    assert r.status_code == 422, r.text
    r = requests.get(url, timeout=TIMEOUT)
    assert r.status_code == 401 and r.json()["detail"] == "missing bearer token", r.text
    held = [eh.open(eh.token_a) for _ in range(4)]
    r = requests.get(url, headers=auth, timeout=TIMEOUT)
    assert r.status_code == 429, r.text
    assert r.json()["detail"].startswith("too_many_streams"), r.text
    held[0].close()
    # The hub notices the closed stream (at its next heartbeat write) and gives the slot back.
    wait_until(
        lambda: _opens(url, auth),
        "a fifth stream once one of four was closed",
    )


def _opens(url: str, auth: dict) -> bool:
    r = requests.get(url, headers=auth, stream=True, timeout=TIMEOUT)
    try:
        return r.status_code == 200
    finally:
        r.close()


def test_a_commit_on_one_hub_process_reaches_a_stream_on_another(pg_cluster, tmp_path: Path):
    """Two hub processes on one PostgreSQL database: only NOTIFY can carry the wake-up."""
    db_url = pg_cluster.new_database()
    one = _start(db_url, tmp_path)
    other = None
    try:
        other = _start(db_url, tmp_path)
        admin_token = one.token("admin-1", admin=True)
        device_token = one.token("studio-a")
        hub_one = Hub(one, device_token, admin_token)
        signup.put_jobs(hub_one)
        stream = Stream(other.url, admin_token)
        device_stream = Stream(other.url, device_token)
        try:
            wait_until(lambda: stream.of("catalogue"), "the stream on the second process")
            r = signup.submit(hub_one, "J1", phone=phone(42), d="studio-a")
            assert r.status_code == 303, r.text
            wait_until(lambda: stream.rows(), "the page sign-up posted to the first process")
            wait_until(lambda: device_stream.rows(), "the same on studio-a's stream")
            assert stream.rows()[0]["phone"] == phone(42)
            assert device_stream.rows()[0]["phone"] == "139****0042"
            _batch(EventsHub(hub_one, "studio-a", "", device_token, "", []), device_token,
                   item(phone=phone(43)))  # fmt: skip
            wait_until(lambda: len(stream.rows()) == 2, "the batch posted to the first process")
            signup.put_jobs(hub_one, signup.JOBS[:2])
            wait_until(lambda: len(stream.of("catalogue")) == 2, "the catalogue change")
        finally:
            stream.close()
            device_stream.close()
    finally:
        if other is not None:
            other.stop()
        one.stop()


# -- a signed-in back-office user's session instead of a token -----------------------------


def test_a_recruiters_session_streams_every_signup_masked_as_the_lead_desk_shows_it(
    events_hub: EventsHub,
):
    eh = events_hub
    office.add_user(eh.hub, "xiaoli", "recruiter")
    session, _csrf = office.signed_in(eh.hub, "xiaoli")
    desk = eh.open_office(session)
    assert desk.response.headers["Content-Type"].startswith("text/event-stream")
    # The same cookie on the API's path (a script that signed in as a browser does).
    cookie = {"Cookie": f"{office_cookie(session)}"}
    api = eh.open(None, session=_with_headers(cookie))
    admin = eh.open(eh.hub.admin_token)
    for stream in (desk, api):
        wait_until(lambda s=stream: s.of("catalogue"), "the first catalogue event")
        wait_until(lambda s=stream: "ping" in s.comments, "a heartbeat")

    _page_signup(eh, 11, device=eh.device_a)
    _batch(eh, eh.token_b, item(name="王五", phone=phone(12), job_code="J2"))
    for stream in (desk, api, admin):
        wait_until(lambda s=stream: len(s.rows()) == 2, "both sign-ups on the stream")
    # Every sign-up of every PC (a recruiter works the agency's whole list), each the row the
    # admin's stream carries with name and number masked, never revealed on the stream.
    for full, masked in zip(admin.rows(), desk.rows(), strict=True):
        expected = {**full, "name": full["name"][0] + "**",
                    "phone": full["phone"][:3] + "****" + full["phone"][-4:]}  # fmt: skip
        assert masked == expected
    assert [r["name"] for r in desk.rows()] == ["李**", "王**"]
    assert api.rows() == desk.rows()
    assert [e["id"] for e in desk.of("registration")] == [str(r["cursor"]) for r in desk.rows()]


def office_cookie(session: requests.Session) -> str:
    value = session.cookies.get("hd_office")
    assert value, "signed in: the office cookie is set"
    return f"hd_office={value}"


def _with_headers(headers: dict) -> requests.Session:
    session = requests.Session()
    session.headers.update(headers)
    return session


def _refused(eh: EventsHub, session: requests.Session, path: str = "/office/events") -> int:
    r = session.get(eh.url + path, stream=True, timeout=TIMEOUT)
    try:
        return r.status_code
    finally:
        r.close()


def test_signing_out_ends_the_sessions_stream_and_its_cookie_is_refused(events_hub: EventsHub):
    eh = events_hub
    office.add_user(eh.hub, "xiaoli", "recruiter")
    session, csrf = office.signed_in(eh.hub, "xiaoli")
    cookie = office_cookie(session)
    other, _ = office.signed_in(eh.hub, "xiaoli")  # a second browser: its stream goes on
    desk, kept = eh.open_office(session), eh.open_office(other)
    wait_until(lambda: "ping" in desk.comments, "a heartbeat on the session's stream")
    r = office.post(session, eh.hub, "/office/logout", {"csrf": csrf})
    assert r.status_code == 303, r.text
    wait_until(desk.ended.is_set, "the signed-out session's stream closed by the hub")
    assert _refused(eh, _with_headers({"Cookie": cookie})) == 401  # the old cookie, kept
    assert _refused(eh, _with_headers({"Cookie": cookie}), "/api/v1/events") == 401
    pings = len(kept.comments)
    wait_until(lambda: len(kept.comments) > pings + 2, "the other session's heartbeats")
    assert not kept.ended.is_set()


def test_a_disabled_or_expired_users_stream_is_cut_off(events_hub: EventsHub):
    eh = events_hub
    for name in ("xiaoli", "xiaowang"):
        office.add_user(eh.hub, name, "recruiter")
    gone, _ = office.signed_in(eh.hub, "xiaoli")
    idle, _ = office.signed_in(eh.hub, "xiaowang")
    gone_stream, idle_stream = eh.open_office(gone), eh.open_office(idle)
    for stream in (gone_stream, idle_stream):
        wait_until(lambda s=stream: "ping" in s.comments, "a heartbeat")

    done = office.cli(eh.hub, "user", "disable", "xiaoli")
    assert done.returncode == 0, done.stderr
    wait_until(gone_stream.ended.is_set, "the disabled account's stream closed by the hub")
    assert _refused(eh, gone) == 401

    # xiaowang's session has been idle past the limit (its last request that long ago).
    db = HubDB(eh.hub.db_url)
    try:
        with db.write() as conn:
            conn.info.pop("seq", None)
            account = select(STAFF.c.id).where(STAFF.c.name == "xiaowang").scalar_subquery()
            conn.execute(
                update(STAFF_SESSIONS)
                .where(STAFF_SESSIONS.c.user_id == account)
                .values(seen=time.time() - staff.SESSION_IDLE - 60)
            )
    finally:
        db.close()
    wait_until(idle_stream.ended.is_set, "the expired session's stream closed by the hub")
    assert _refused(eh, idle) == 401


def test_an_employer_or_a_made_up_cookie_gets_no_stream(events_hub: EventsHub):
    eh = events_hub
    office.add_user(eh.hub, "meidi", "employer", employer="美的冰箱厂")
    employer, _ = office.signed_in(eh.hub, "meidi")
    assert _refused(eh, employer) == 403  # its view is /office/employer, not every sign-up
    made_up = _with_headers({"Cookie": "hd_office=" + "x" * 43})
    assert _refused(eh, made_up) == 401
    assert _refused(eh, made_up, "/api/v1/events") == 401
    assert _refused(eh, requests.Session()) == 401
