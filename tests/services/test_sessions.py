"""Tonight's session through the service: draft, go live, stop, and the rundown carried over."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from hostdesk import messages
from hostdesk.core.rundown import IntervalError, check_interval
from hostdesk.core.sessions import Platform, SessionError, SessionState
from hostdesk.services.sessions import SessionService
from hostdesk.store.sessions_repo import SessionRepository

T0 = datetime(2024, 8, 26, 19, 0, tzinfo=UTC)


class Clock:
    def __init__(self):
        self.now = T0

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def service(ctx, clock):
    return SessionService(SessionRepository(ctx.db), clock=clock)


def test_app_context_wires_sessions_and_takes(ctx):
    session = ctx.sessions.current()
    assert re.fullmatch(r"[a-z0-9]{8}", session.id)
    ctx.takes.record("take", "HX-001", session=session.id)
    assert [t.job_code for t in ctx.sessions.takes()] == ["HX-001"]


def test_first_current_is_a_planned_draft_and_stays_the_same(service):
    draft = service.current()
    assert draft.state is SessionState.PLANNED
    assert (draft.platform, draft.room, draft.created_at) == (Platform.OTHER, "", T0)
    assert service.current() == draft
    assert service.elapsed(T0 + timedelta(hours=1)) is None  # not started yet


def test_lifecycle(service, clock):
    draft = service.current()
    service.add("A")
    clock.now = T0 + timedelta(minutes=10)
    live = service.start("kuaishou", "  金亮点人力·蔚姐  ")
    assert (live.id, live.state, live.platform, live.room) == (
        draft.id, SessionState.LIVE, Platform.KUAISHOU, "金亮点人力·蔚姐",
    )  # fmt: skip
    assert live.started_at == clock.now
    assert service.current() == live
    assert service.elapsed(T0 + timedelta(minutes=40)) == timedelta(minutes=30)
    clock.now = T0 + timedelta(hours=2)
    assert service.elapsed() == timedelta(minutes=110)  # default: the service's clock
    with pytest.raises(SessionError) as caught:
        service.start("douyin", "another")
    assert caught.value.reason == "already_live"
    ended = service.stop()
    assert ended.id == draft.id and ended.state is SessionState.ENDED
    assert ended.ended_at == clock.now
    assert service.elapsed(T0 + timedelta(days=3)) == timedelta(minutes=110)  # frozen
    following = service.current()
    assert following.id != draft.id and following.state is SessionState.PLANNED


def test_stopping_a_draft_is_refused(service):
    with pytest.raises(SessionError) as caught:
        service.stop()
    assert caught.value.reason == "not_live"


@pytest.mark.parametrize(
    ("platform", "room", "reason"),
    [("bilibili", "room", "platform_invalid"), ("douyin", "   ", "room_missing"),
     ("douyin", "间" * 61, "room_too_long")],
)  # fmt: skip
def test_bad_start_is_refused_and_changes_nothing(service, platform, room, reason):
    draft = service.current()
    with pytest.raises(SessionError) as caught:
        service.start(platform, room)
    assert isinstance(caught.value, ValueError) and caught.value.reason == reason
    assert service.current() == draft
    assert messages.session_problem(caught.value)  # a sentence for every reason


def test_rundown_edits_persist(service, ctx):
    assert service.rundown().codes == ()
    service.add("A")
    service.add("B")
    service.add("C", at=0)
    assert service.add("A").codes == ("C", "A", "B")  # duplicate: no-op
    assert service.move(0, 2).codes == ("A", "B", "C")
    assert service.remove("B").codes == ("A", "C")
    assert service.remove("Z").codes == ("A", "C")
    with pytest.raises(IndexError):
        service.move(5, 0)
    assert service.set_rundown(["D", "A", "D"]).codes == ("D", "A")
    # A second service on the same database (another thread, the CLI) sees it all.
    assert SessionService(SessionRepository(ctx.db)).rundown().codes == ("D", "A")


def test_next_session_starts_with_a_copy_of_the_rundown(service, clock):
    service.set_rundown(["HX-001", "GE-002", "MD-003"])
    first = service.start("douyin", "蔚姐直播间")
    service.stop()
    clock.now = T0 + timedelta(days=1)
    tomorrow = service.current()
    assert tomorrow.id != first.id and tomorrow.created_at == clock.now
    assert service.rundown().codes == ("HX-001", "GE-002", "MD-003")
    service.remove("GE-002")
    assert service.rundown().codes == ("HX-001", "MD-003")
    assert service.repo.rundown(first.id).codes == ("HX-001", "GE-002", "MD-003")


def test_takes_belong_to_their_session(service, ctx):
    first = service.start("douyin", "room")
    ctx.takes.record("take", "A", session=first.id)
    service.stop()
    second = service.start("douyin", "room")
    ctx.takes.record("take", "B", session=second.id)
    assert [t.job_code for t in service.takes()] == ["B"]
    assert [t.job_code for t in service.takes(first.id)] == ["A"]


@pytest.mark.parametrize(
    "language, labels, interval",
    [
        ("en", ["Kuaishou", "Douyin", "WeChat Channels", "Other"],
         "rotate every 5 to 3600 seconds: change the interval"),
        ("zh_CN", ["快手", "抖音", "视频号", "其他"], None),
    ],
)  # fmt: skip
def test_platform_labels_and_messages(qapp, language, labels, interval):
    from hostdesk import i18n

    i18n.install(language)
    try:
        assert [messages.platform_label(p) for p in Platform] == labels
        assert messages.platform_label("myspace") == "myspace"
        with pytest.raises(IntervalError) as caught:
            check_interval(2)
        text = messages.session_problem(caught.value)
        assert text == interval if interval else "5" in text and "3600" in text
    finally:
        i18n.install("zh_CN")
    too_long = SessionError("room_too_long", "x" * 61, limit=60)
    assert "60" in messages.session_problem(too_long)
