"""HubClient: Retry-After, no hidden retries, strict answers (a captive portal is never an ack)."""

from __future__ import annotations

import socket
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from hostdesk.sync.client import (
    HubBadRequest,
    HubClient,
    HubRefused,
    HubUnavailable,
    parse_retry_after,
)
from tests.sync.fake_hub import html, status

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def item(i: int = 0) -> dict:
    return {
        "client_id": f"c{i}", "event_id": f"e{i}", "event_type": "create", "base_version": 0,
        "fingerprint": "0" * 64, "payload": {"id": f"c{i}"},
    }  # fmt: skip


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        ("0", 1.0),  # clamped up: never a busy loop
        ("86400", 300.0),  # clamped down: never hours of silence
        (format_datetime(NOW + timedelta(seconds=42), usegmt=True), 42.0),
        (format_datetime(NOW - timedelta(hours=1), usegmt=True), 1.0),
        ("soon", None),
        ("", None),
        (None, None),
        ("-5", 1.0),
    ],
)
def test_retry_after_in_seconds_or_http_date_is_clamped(header, seconds):
    assert parse_retry_after(header, now=lambda: NOW) == seconds


def test_no_urllib3_retries_and_no_redirects_followed():
    client = HubClient("http://127.0.0.1:9", "t")
    for prefix in ("http://", "https://"):
        assert client._session.get_adapter(prefix).max_retries.total == 0
    client.close()


def test_a_refused_connection_is_one_attempt_and_transient():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    listener.close()  # nothing listens there now: connection refused
    client = HubClient(f"http://127.0.0.1:{port}", "t", connect_timeout=1, read_timeout=1)
    with pytest.raises(HubUnavailable) as info:
        client.push([item()])
    assert info.value.reason == "network"


def test_a_dropped_response_is_sent_once_then_transient():
    """The server reads the request and closes without answering: one request, no retry."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    seen = []

    def serve():
        for _ in range(3):
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            seen.append(conn.recv(65536))
            conn.close()

    threading.Thread(target=serve, daemon=True).start()
    client = HubClient(f"http://127.0.0.1:{listener.getsockname()[1]}", "t", read_timeout=2)
    with pytest.raises(HubUnavailable) as info:
        client.push([item()])
    time.sleep(0.2)
    listener.close()
    assert info.value.reason == "network"
    assert len(seen) == 1


def test_a_read_timeout_is_transient_and_bounded():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()  # accepts (kernel backlog) but never answers
    client = HubClient(
        f"http://127.0.0.1:{listener.getsockname()[1]}", "t", connect_timeout=1, read_timeout=0.5
    )
    with pytest.raises(HubUnavailable) as info:
        client.push([item()])
    assert info.value.reason == "network"
    # Bounded by behaviour, not the clock: one read that timed out, one connection (no retry).
    assert info.value.detail == "ReadTimeout"
    listener.settimeout(0)
    connection, _ = listener.accept()
    connection.close()
    with pytest.raises(BlockingIOError):
        listener.accept()
    listener.close()


def test_captive_portal_html_is_not_an_acknowledgement(fake_hub):
    fake_hub.script.append(html(200))
    client = HubClient(fake_hub.url, fake_hub.token)
    with pytest.raises(HubUnavailable) as info:
        client.push([item()])
    assert info.value.reason == "captive_portal"
    assert fake_hub.events == {}


@pytest.mark.parametrize(
    "body",
    [
        b'{"results": []}',  # fewer results than items
        b'{"ok": true}',
        b'{"results": [{"event_id": "other", "client_id": "c0", "status": "created"}]}',
        b'{"results": [{"event_id": "e0", "client_id": "c0", "status": "fine"}]}',
        b"[1, 2, 3]",
        b"not json",
    ],
)
def test_json_that_does_not_list_every_item_is_not_an_acknowledgement(fake_hub, body):
    fake_hub.script.append(lambda _p, _b: (200, {"Content-Type": "application/json"}, body))
    with pytest.raises(HubUnavailable) as info:
        HubClient(fake_hub.url, fake_hub.token).push([item()])
    assert info.value.reason == "captive_portal"


def test_a_redirect_to_a_login_page_is_a_captive_portal(fake_hub):
    fake_hub.script.append(status(302, {"Location": "http://login.example/"}))
    with pytest.raises(HubUnavailable) as info:
        HubClient(fake_hub.url, fake_hub.token).push([item()])
    assert info.value.reason == "captive_portal"


@pytest.mark.parametrize(
    ("code", "kind", "reason"),
    [
        (401, HubRefused, "unauthorized"),
        (403, HubRefused, "forbidden"),
        (404, HubRefused, "bad_url"),
        (500, HubUnavailable, "server"),
        (503, HubUnavailable, "server"),
        (429, HubUnavailable, "server"),
        (408, HubUnavailable, "server"),
        (413, HubBadRequest, "bad_request"),
        (422, HubBadRequest, "bad_request"),
    ],
)
def test_statuses_map_to_what_the_worker_does(fake_hub, code, kind, reason):
    fake_hub.script.append(status(code, {"Retry-After": "7"}))
    with pytest.raises(kind) as info:
        HubClient(fake_hub.url, fake_hub.token).push([item()])
    assert info.value.reason == reason
    if kind is HubUnavailable:
        assert info.value.retry_after == 7.0


@pytest.mark.parametrize("url", ["hub.example.com", "ftp://127.0.0.1/", "http://"])
def test_a_malformed_url_pauses(url):
    with pytest.raises(HubRefused) as info:
        HubClient(url, "t").push([item()])
    assert info.value.reason == "bad_url"


def test_missing_url_or_token_is_not_configured():
    for url, token in (("", "t"), ("http://127.0.0.1:9", "")):
        with pytest.raises(HubRefused) as info:
            HubClient(url, token).push([item()])
        assert info.value.reason == "not_configured"


def test_per_item_results_in_order(fake_hub):
    client = HubClient(fake_hub.url, fake_hub.token)
    first = client.push([item(0), item(1)])
    again = client.push([item(1), item(0)])
    assert [(r.event_id, r.status, r.acked) for r in first] == [
        ("e0", "created", True), ("e1", "created", True),
    ]  # fmt: skip
    assert [(r.event_id, r.status) for r in again] == [("e1", "duplicate"), ("e0", "duplicate")]
    assert client.lookup(["c0", "c9"]) == {"c0": 1}
