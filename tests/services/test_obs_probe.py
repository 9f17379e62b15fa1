"""Checking an OBS address: which URLs are refused and why, and a closed port's answer."""

from __future__ import annotations

import socket

import pytest

from hostdesk.services.obs_probe import BadObsUrl, parse_obs_url, probe


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("ws://127.0.0.1:4455", ("127.0.0.1", 4455)),
        ("ws://obs-pc", ("obs-pc", 4455)),
        ("  WS://192.168.1.20:4460/  ", ("192.168.1.20", 4460)),
        ("ws://[::1]:4455", ("::1", 4455)),
    ],
)
def test_good_urls(url, expected):
    assert parse_obs_url(url) == expected


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1:4455", "scheme"),
        ("127.0.0.1:4455", "scheme"),
        ("", "scheme"),
        ("wss://127.0.0.1:4455", "wss"),
        ("ws://:4455", "host"),
        ("ws://pc:port", "port"),
        ("ws://pc:70000", "port"),
        ("ws://pc:0", "port"),
    ],
)
def test_bad_urls_say_why(url, reason):
    with pytest.raises(BadObsUrl) as raised:
        parse_obs_url(url)
    assert raised.value.reason == reason


def test_a_closed_port_is_not_running_at_once():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = probe(f"ws://127.0.0.1:{port}", "")
    # "not_running" is the refusal itself: a probe that sat out its connect timeout would
    # report "timeout" (the silent-port test below), so no clock is needed here.
    assert not result.ok
    assert (result.reason, result.address) == ("not_running", f"127.0.0.1:{port}")


def test_something_that_is_not_obs_is_told_apart():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        # Accepts TCP and never answers the upgrade: a hung program, or not OBS at all.
        result = probe(f"ws://127.0.0.1:{port}", "", connect_timeout=0.5)
    assert result.reason == "timeout"
