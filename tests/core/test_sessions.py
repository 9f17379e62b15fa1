"""A session's input checks, ids and planned → live → ended steps."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from hostdesk.core.sessions import (
    ROOM_MAX_LEN,
    Platform,
    Session,
    SessionError,
    SessionState,
    check_platform,
    check_room,
    new_session_id,
)

T0 = datetime(2024, 8, 26, 12, 0, tzinfo=UTC)


def test_ids_are_short_url_safe_and_random():
    ids = {new_session_id() for _ in range(500)}
    assert len(ids) == 500
    assert all(re.fullmatch(r"[a-z0-9]{8}", i) for i in ids)


@pytest.mark.parametrize(
    ("given", "expected"),
    [("kuaishou", Platform.KUAISHOU), (" Douyin ", Platform.DOUYIN),
     ("channels", Platform.CHANNELS), (Platform.OTHER, Platform.OTHER)],
)  # fmt: skip
def test_known_platforms(given, expected):
    assert check_platform(given) is expected


@pytest.mark.parametrize("bad", ["", "tiktok", "快手", None])
def test_unknown_platform_is_refused_with_a_reason(bad):
    with pytest.raises(SessionError) as caught:
        check_platform(bad)
    assert caught.value.reason == "platform_invalid"


def test_room_is_trimmed_required_and_bounded():
    assert check_room("  蔚姐招聘直播间 \n") == "蔚姐招聘直播间"
    assert check_room("房" * ROOM_MAX_LEN) == "房" * ROOM_MAX_LEN
    for blank in ("", "   ", None):
        with pytest.raises(SessionError) as caught:
            check_room(blank)
        assert caught.value.reason == "room_missing"
    with pytest.raises(SessionError) as caught:
        check_room("房" * (ROOM_MAX_LEN + 1))
    assert (caught.value.reason, caught.value.limit) == ("room_too_long", ROOM_MAX_LEN)


def test_lifecycle_and_elapsed():
    planned = Session(id="abcd1234", created_at=T0)
    assert planned.state is SessionState.PLANNED and planned.room == ""
    assert planned.elapsed(T0 + timedelta(hours=1)) is None
    live = planned.start("kuaishou", " 蔚姐直播间 ", T0 + timedelta(minutes=5))
    assert (live.state, live.platform, live.room) == (
        SessionState.LIVE,
        Platform.KUAISHOU,
        "蔚姐直播间",
    )
    assert live.elapsed(T0 + timedelta(minutes=65)) == timedelta(hours=1)
    assert live.elapsed(T0) == timedelta(0)  # a clock set back never shows negative time
    ended = live.end(T0 + timedelta(minutes=95))
    assert ended.state is SessionState.ENDED
    assert ended.elapsed(T0 + timedelta(days=1)) == timedelta(minutes=90)  # frozen


def test_steps_out_of_order_are_refused():
    planned = Session(id="abcd1234", created_at=T0)
    with pytest.raises(SessionError) as caught:
        planned.end(T0)
    assert caught.value.reason == "not_live"
    live = planned.start("douyin", "room", T0)
    with pytest.raises(SessionError) as caught:
        live.start("douyin", "room", T0)
    assert caught.value.reason == "already_live"
    ended = live.end(T0)
    with pytest.raises(SessionError) as caught:
        ended.start("douyin", "room", T0)
    assert caught.value.reason == "ended"
    with pytest.raises(SessionError) as caught:
        planned.start("douyin", "  ", T0)
    assert caught.value.reason == "room_missing"
