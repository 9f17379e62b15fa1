"""The desktop holds the hub's event stream: sign-ups arrive by push, a cut loses nothing, a
revoked token pauses, an older hub is polled, and an outage ends at the hub's return.

A real hub process on SQLite and on PostgreSQL (its heartbeat shortened through the
environment), the real sync worker on a real data dir; every wait is on a condition.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
import requests
from sqlalchemy import text

from hostdesk import app
from hostdesk.hub.auth import revoke_token
from hostdesk.hub.db import HubDB
from hostdesk.hub.retention import purge_expired
from hostdesk.services.registrations import load_or_create_key
from hostdesk.store.hub_repo import REGISTRATIONS_CURSOR, HubRepository
from hostdesk.sync import policy
from hostdesk.sync.pull import Puller
from hostdesk.sync.stream import SseParser
from tests.hub.harness import HubProcess
from tests.obs.signup_loop import open_page, submit
from tests.sync.conftest import FAST, seed, wait_until
from tests.sync.fake_hub import status
from tests.sync.pull_hub import job
from tests.sync.stream_proxy import StreamProxy

DEVICE = "studio-1"
CODE = "HX-201"
# The hub pings every 0.3 s, so the desktop may call a stream dead after 3 s of silence.
HUB_ENV = {"HOSTDESK_HUB_EVENTS_HEARTBEAT": "0.3"}
# Pulls are an hour apart: whatever arrives in between came through the stream.
PUSH_ONLY = {**FAST, "pull_interval": 3600.0, "stream_silence": 3.0, "stream_redial": 0.2}


class StreamHub:
    def __init__(self, db_url: str, folder, *, env: dict | None = None):
        self.process = HubProcess(
            db_url, log_dir=folder, args=("--page-rate-limit", "0", "--page-view-limit", "0"),
            env={**HUB_ENV, **(env or {})},
        )  # fmt: skip
        self.device_token = self.process.token(DEVICE)
        self.admin_token = self.process.token("office", admin=True)
        self.process.start()
        put = requests.put(
            self.url + "/api/v1/jobs", json={"jobs": [job(CODE, "冰箱总装普工")]},
            headers=self._admin(), timeout=10,
        )  # fmt: skip
        assert put.status_code == 200, put.text

    @property
    def url(self) -> str:
        return self.process.url

    def _admin(self) -> dict:
        return {"Authorization": f"Bearer {self.admin_token}"}

    def page_signup(self, phone: str, name: str = "张伟") -> None:
        """A viewer's form post on the sign-up page, credited to this PC (d=)."""
        link = f"{self.url}/j/{CODE}?d={DEVICE}"
        session, hidden = open_page(link)
        submit(session, link, hidden, phone, name=name)

    def api_signup(self, i: int) -> str:
        """A hub-made sign-up (the admin API: fast enough for a burst), credited to this PC."""
        resp = requests.post(
            self.url + "/api/v1/registrations/hub",
            json={"job_code": CODE, "name": f"推送{i}", "phone": f"137{i:08d}", "age": 30,
                  "device": DEVICE},
            headers=self._admin(), timeout=10,
        )  # fmt: skip
        assert resp.status_code == 201, resp.text
        return resp.json()["client_id"]

    def revoke_device(self) -> None:
        db = HubDB(self.process.db_url)
        try:
            assert revoke_token(db, DEVICE)
        finally:
            db.close()

    def stop(self) -> None:
        self.process.stop()


@pytest.fixture
def stream_hub(hub_db_url, tmp_path):
    hub = StreamHub(hub_db_url, tmp_path)
    yield hub
    hub.stop()


@pytest.fixture
def pulls(monkeypatch):
    """How many pulls ran (any worker in this test)."""
    count = [0]
    real = Puller.pull

    def counted(self, client):
        count[0] += 1
        return real(self, client)

    monkeypatch.setattr(Puller, "pull", counted)
    return count


@pytest.fixture
def workers():
    started = []

    def start(ctx, url: str, token: str, statuses=None, **options):
        on_status = statuses.append if statuses is not None else None
        worker = app.build_sync(ctx, on_status, hub_url=url, hub_token=token,
                                **{**PUSH_ONLY, **options})  # fmt: skip
        worker.start()
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


def hub_rows(ctx) -> dict[str, str]:
    """{client id: name} of the sign-ups stored here that came from the hub."""
    with ctx.db.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT r.id, r.name FROM registrations r JOIN hub_registrations h "
                 "ON h.client_id = r.id")
        ).all()  # fmt: skip
    return dict(rows)


def stored_cursor(ctx) -> int:
    return int(HubRepository(ctx.db).state().get(REGISTRATIONS_CURSOR, "0"))


# -- the parser ----------------------------------------------------------------------------


def test_parser_reads_events_split_anywhere_with_any_line_ending():
    stream = (
        b': ping\r\n\r\nevent: catalogue\r\ndata: {"etag": "e1"}\r\n\r\n'
        b'event: registration\rid: 7\rdata: {"a":\rdata: 1}\r\r'
        b'event: registration\nid: 8\ndata:{"b": "\xe5\xbc\xa0"}\n\n'
    )
    for size in (1, 2, 3, 7, len(stream)):
        parser = SseParser()
        events = []
        for start in range(0, len(stream), size):
            events += parser.feed(stream[start : start + size])
        assert events == [
            ("catalogue", '{"etag": "e1"}', None),
            ("registration", '{"a":\n1}', "7"),
            ("registration", '{"b": "张"}', "8"),
        ], size
        assert parser.comments == 1


def test_parser_passes_over_an_event_without_data_and_keeps_the_last_id():
    parser = SseParser()
    assert parser.feed(b"event: registration\nid: 3\n\n") == []
    assert parser.feed(b"data: {}\n\n") == [("message", "{}", "3")]


# -- against a real hub --------------------------------------------------------------------


def test_a_page_signup_arrives_through_the_stream_without_polling(ctx, stream_hub, workers, pulls):
    statuses = []
    worker = workers(ctx, stream_hub.url, stream_hub.device_token, statuses)
    assert wait_until(lambda: worker.streaming, timeout=60)
    assert wait_until(lambda: ctx.jobs.get(CODE) is not None, timeout=10)  # the first pull
    pulled_before = pulls[0]

    stream_hub.page_signup("13812345678", name="张伟")
    assert wait_until(lambda: len(hub_rows(ctx)) == 1, timeout=60)
    assert list(hub_rows(ctx).values()) == ["张**"]  # masked for a device, as the pull stores it
    assert pulls[0] == pulled_before  # the stream brought it; no pull ran meanwhile
    assert stored_cursor(ctx) > 0  # the cursor moved with the row
    # The console's signal: the status counts what the worker stored.
    assert wait_until(lambda: statuses and statuses[-1].pulled == 1, timeout=10)


def test_a_signup_on_one_hub_process_reaches_a_desktop_streaming_from_another(
    ctx, pg_cluster, tmp_path, workers, pulls
):
    db_url = pg_cluster.new_database()
    first = StreamHub(db_url, tmp_path)
    # The same database; its own re-read an hour apart: only a wake-up (NOTIFY) delivers.
    env = {**HUB_ENV, "HOSTDESK_HUB_EVENTS_POLL": "3600"}
    second = HubProcess(db_url, log_dir=tmp_path, env=env).start()
    try:
        worker = workers(ctx, second.url, first.device_token)
        assert wait_until(lambda: worker.streaming, timeout=60)
        pulled_before = pulls[0]
        first.page_signup("13812345678")  # made by the other process
        assert wait_until(lambda: len(hub_rows(ctx)) == 1, timeout=60)
        assert pulls[0] == pulled_before  # pushed (the NOTIFY woke the other process)
    finally:
        second.stop()
        first.stop()


def test_a_connection_cut_mid_burst_loses_nothing_and_doubles_nothing(
    ctx, stream_hub, workers, pulls
):
    proxy = StreamProxy(stream_hub.process.port)
    try:
        worker = workers(ctx, proxy.url, stream_hub.device_token)
        assert wait_until(lambda: worker.streaming, timeout=60)
        made: list[str] = []

        def burst():
            for i in range(120):
                made.append(stream_hub.api_signup(i))

        sender = threading.Thread(target=burst)
        sender.start()
        # Cut while the burst is on its way: some rows are here, more are coming.
        assert wait_until(lambda: len(hub_rows(ctx)) >= 20, timeout=60)
        assert proxy.cut() > 0
        sender.join(300)
        assert len(made) == 120
        assert wait_until(lambda: set(hub_rows(ctx)) == set(made), timeout=90)
        assert len(hub_rows(ctx)) == 120
        with ctx.db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM registrations")).scalar_one() == 120
            assert conn.execute(text("SELECT count(*) FROM outbox")).scalar_one() == 0
        # The stream came back, resuming from the stored cursor (not from the start).
        assert wait_until(lambda: worker.streaming and len(proxy.events_heads()) >= 2, timeout=60)
        resumed = [
            int(line.split(":", 1)[1])
            for head in proxy.events_heads()[1:]
            for line in head.split("\r\n")
            if line.lower().startswith("last-event-id:")
        ]
        assert resumed and resumed[0] > 0
    finally:
        proxy.close()


def test_a_revoked_token_ends_the_stream_and_pauses_the_worker(ctx, stream_hub, workers):
    statuses = []
    worker = workers(ctx, stream_hub.url, stream_hub.device_token, statuses)
    assert wait_until(lambda: worker.streaming, timeout=60)
    stream_hub.revoke_device()
    assert wait_until(
        lambda: (
            statuses and (statuses[-1].state, statuses[-1].reason) == ("paused", "unauthorized")
        ),
        timeout=60,
    )
    assert not worker.streaming


def test_an_older_hub_without_events_is_polled(ctx, stream_hub, workers):
    proxy = StreamProxy(stream_hub.process.port, not_found=("/api/v1/events",))
    try:
        worker = workers(ctx, proxy.url, stream_hub.device_token, pull_interval=0.3)
        assert wait_until(lambda: len(proxy.events_heads()) == 1, timeout=60)
        client_id = stream_hub.api_signup(1)
        assert wait_until(lambda: client_id in hub_rows(ctx), timeout=60)  # by polling
        assert not worker.streaming
        assert worker.status.state == "online"  # a 404 on the stream pauses nothing
        assert len(proxy.events_heads()) == 1  # asked once per connection, not again and again
    finally:
        proxy.close()


def test_a_stream_a_proxy_holds_back_is_given_up_for_polling(ctx, stream_hub, workers):
    proxy = StreamProxy(stream_hub.process.port, hold=("/api/v1/events",))
    try:
        worker = workers(ctx, proxy.url, stream_hub.device_token, pull_interval=0.3,
                         stream_silence=1.0)  # fmt: skip
        assert wait_until(lambda: worker.streaming, timeout=60)  # its 200 got through
        assert wait_until(lambda: not worker.streaming, timeout=60)  # then nothing: given up
        client_id = stream_hub.api_signup(1)
        assert wait_until(lambda: client_id in hub_rows(ctx), timeout=60)  # by polling
        # Not asked again and again (a redial would come within a second): polling for a while.
        assert not wait_until(lambda: len(proxy.events_heads()) > 1, timeout=3.0)
    finally:
        proxy.close()


def test_a_stream_that_keeps_dropping_is_given_up_for_polling(ctx, stream_hub, workers):
    proxy = StreamProxy(stream_hub.process.port, drop=("/api/v1/events",))
    try:
        worker = workers(ctx, proxy.url, stream_hub.device_token, pull_interval=0.3)
        limit = policy.STREAM_MAX_DROPS
        assert wait_until(lambda: len(proxy.events_heads()) == limit, timeout=60)
        client_id = stream_hub.api_signup(1)
        assert wait_until(lambda: client_id in hub_rows(ctx), timeout=60)  # by polling
        # Redials come 0.2 s apart while it tries; after the limit it polls for a while.
        assert not wait_until(lambda: len(proxy.events_heads()) > limit, timeout=3.0)
        assert worker.status.state == "online" and not worker.streaming
    finally:
        proxy.close()


def test_after_an_outage_the_backlog_drains_at_the_hub_return_not_at_the_backoff_end(
    ctx, stream_hub, workers
):
    # The worker as shipped looks at a silent hub every 2 s at most, whatever the backoff.
    assert policy.PROBE_INTERVAL <= 2.0
    statuses = []
    worker = workers(
        ctx, stream_hub.url, stream_hub.device_token, statuses,
        backoff_base=600.0, backoff_cap=600.0, rng=lambda: 1.0, probe_interval=0.2,
    )  # fmt: skip
    assert wait_until(lambda: worker.streaming, timeout=60)
    stream_hub.stop()
    ids = seed(ctx, 5)
    worker.notify()
    # Every failure puts the next regular try 10 minutes away (rng 1.0: no jitter); the
    # status tells of the next look instead, a fraction of a second away.
    assert wait_until(
        lambda: statuses and statuses[-1].state == "offline" and statuses[-1].next_try is not None,
        timeout=60,
    )
    assert policy.full_jitter(1, 600.0, 600.0, lambda: 1.0) == 600.0
    assert (statuses[-1].next_try - statuses[-1].last_success).total_seconds() < 300
    stream_hub.process.start()  # the same port and database
    hub_ids = {}

    def on_hub() -> bool:
        resp = requests.get(
            stream_hub.url + "/api/v1/registrations", params={"limit": 500},
            headers={"Authorization": f"Bearer {stream_hub.device_token}"}, timeout=5,
        )  # fmt: skip
        hub_ids.update((i["client_id"], i["version"]) for i in resp.json()["items"])
        return set(ids) <= set(hub_ids)

    assert wait_until(on_hub, timeout=60, step=0.2)
    assert wait_until(lambda: statuses[-1].state == "online" and statuses[-1].unsynced == 0)
    assert wait_until(lambda: worker.streaming, timeout=60)  # and the stream is held again


def test_the_hubs_retention_purge_erases_the_desktops_copies_through_the_stream(
    ctx, hub_db_url, tmp_path, workers, pulls
):
    # The purge runs here, in the test's process: the hub's streams re-read every 0.5 s
    # (on SQLite no bell of the hub's rings for it; on PostgreSQL its NOTIFY wakes them).
    hub = StreamHub(hub_db_url, tmp_path, env={"HOSTDESK_HUB_EVENTS_POLL": "0.5"})
    try:
        worker = workers(ctx, hub.url, hub.device_token)
        assert wait_until(lambda: worker.streaming, timeout=60)
        (own,) = seed(ctx, 1)  # typed here, pushed to the hub
        worker.notify()
        hub.page_signup("13812345678", name="张伟")  # credited here, pushed here masked
        assert wait_until(lambda: len(hub_rows(ctx)) == 1, timeout=60)
        assert wait_until(lambda: worker.status.unsynced == 0, timeout=60)
        (page,) = hub_rows(ctx)
        pulled_before = pulls[0]

        db = HubDB(hub.process.db_url)
        try:
            later = datetime.now(UTC) + timedelta(days=181)
            assert purge_expired(db, 180, now=later) == 2
        finally:
            db.close()

        def erased(reg_id: str) -> bool:
            reg = ctx.registrations.get(reg_id)
            return reg.erased_at is not None and (reg.name, reg.phone) == ("", "")

        assert wait_until(lambda: erased(own) and erased(page), timeout=60)
        assert pulls[0] == pulled_before  # the stream brought the purge; no pull ran
        assert ctx.registrations.get(own).status.value == "active"  # counted as before
    finally:
        hub.stop()


def test_a_busy_hub_is_not_probed_before_its_retry_after(ctx, fake_hub, workers):
    fake_hub.script = [status(503, {"Retry-After": "30"})] * 50
    statuses = []
    worker = workers(ctx, fake_hub.url, fake_hub.token, statuses, make_pull=None,
                     probe_interval=0.05)  # fmt: skip
    seed(ctx, 1)
    worker.notify()
    assert wait_until(lambda: statuses and statuses[-1].reason == "server", timeout=10)
    asked = len(fake_hub.requests)
    assert asked >= 1
    # Many probe intervals pass; the hub said 30 s, so nobody knocks.
    assert not wait_until(lambda: len(fake_hub.requests) > asked, timeout=1.0)


def test_puller_apply_events_never_moves_the_cursor_back(ctx):
    puller = Puller(HubRepository(ctx.db), ctx.registrations.repo, load_or_create_key(ctx.data_dir))
    HubRepository(ctx.db).set_state({REGISTRATIONS_CURSOR: "50"})
    stored, invalid = puller.apply_events(
        [{"client_id": "desk-own-1", "origin": "desktop", "cursor": 40, "status": "active"}]
    )
    assert (stored.inserted, invalid) == (0, 0)  # a desk's own sign-up is passed over
    assert stored_cursor(ctx) == 50
