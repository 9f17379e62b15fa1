"""core.hub_reach: which hub addresses a viewer's phone can open from a QR code."""

from __future__ import annotations

import pytest

from hostdesk.core.hub_reach import (
    EMPTY,
    LINK_LOCAL,
    LOOPBACK,
    NOT_WEB,
    PRIVATE,
    UNSPECIFIED,
    phone_unreachable,
)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("", EMPTY),
        ("   ", EMPTY),
        ("hub.example.cn", NOT_WEB),  # no scheme: not a link a phone opens
        ("ftp://hub.example.cn", NOT_WEB),
        ("http://", NOT_WEB),
        ("http://[::1", NOT_WEB),
        ("http://127.0.0.1:8000", LOOPBACK),
        ("http://127.8.9.10", LOOPBACK),
        ("http://localhost:8000/", LOOPBACK),
        ("HTTP://LocalHost", LOOPBACK),
        ("http://hub.localhost", LOOPBACK),
        ("http://[::1]:8000", LOOPBACK),
        ("http://[::ffff:127.0.0.1]", LOOPBACK),
        ("http://0.0.0.0:8000", UNSPECIFIED),
        ("http://169.254.10.20", LINK_LOCAL),
        ("http://[fe80::1]", LINK_LOCAL),
        ("http://192.168.1.20:8000", PRIVATE),
        ("http://10.0.0.5", PRIVATE),
        ("http://172.16.3.4", PRIVATE),
        ("http://172.31.255.1", PRIVATE),
        ("http://100.64.1.1", PRIVATE),  # carrier NAT
        ("http://[fd12::1]", PRIVATE),
        ("http://hub.local", PRIVATE),
        ("http://nas.home.arpa", PRIVATE),
        ("http://hubserver:8000", PRIVATE),  # a bare name resolves on the LAN only
    ],
)
def test_addresses_a_phone_cannot_open_from_a_public_stream(url, reason):
    assert phone_unreachable(url, public_stream=True) == reason


@pytest.mark.parametrize(
    "url",
    [
        "https://hub.example.cn",
        "https://hub.example.cn/",
        "http://223.5.5.5:8000",
        "https://[2400:3200::1]",
        "http://172.32.0.1",  # just outside 172.16/12
        "https://hub.example.cn.",
        "https://招聘.例子.中国",
    ],
)
def test_public_addresses_pass(url):
    assert phone_unreachable(url) is None
    assert phone_unreachable(url, public_stream=False) is None


def test_a_private_address_is_fine_for_an_in_house_screen_but_loopback_never_is():
    assert phone_unreachable("http://192.168.1.20:8000", public_stream=False) is None
    assert phone_unreachable("http://hub.local", public_stream=False) is None
    assert phone_unreachable("http://127.0.0.1:8000", public_stream=False) == LOOPBACK
    assert phone_unreachable("http://169.254.1.1", public_stream=False) == LINK_LOCAL
