"""The show report read from the local store: the show's sign-ups, its takes and earlier shows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hostdesk.core.show_report import baseline, build_report
from hostdesk.services.sessions import SessionService
from hostdesk.services.show_reports import ShowReports
from hostdesk.store.sessions_repo import SessionRepository
from tests.ui.test_show_report_dialog import _add_signups, _add_take

T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _show(
    ctx, start: datetime, minutes: int, room: str, signups, *, platform="kuaishou", host=""
) -> str:
    sessions = SessionService(SessionRepository(ctx.db), clock=lambda: start)
    show = sessions.start(platform, room, host=host).id
    _add_take(ctx.db, show, "take", "HX01", start)
    _add_take(ctx.db, show, "take", "BYD2", start + timedelta(minutes=minutes // 2))
    _add_signups(ctx.db, show, [(c, start + timedelta(minutes=m), "qr") for c, m in signups])
    SessionService(
        SessionRepository(ctx.db), clock=lambda: start + timedelta(minutes=minutes)
    ).stop()
    return show


def test_earlier_shows_in_the_same_room_compare_as_their_full_reports_would(ctx):
    week = timedelta(days=7)
    # BYD2 and HX01 tie on count two weeks ago: the per-10-air-minute rate decides, as in a report
    tie = _show(
        ctx,
        T0 - 2 * week,
        60,
        "蔚姐直播间",
        [("HX01", 1), ("HX01", 50), ("BYD2", 31), ("BYD2", 32)],
    )
    plain = _show(ctx, T0 - week, 90, "蔚姐直播间", [("HX01", 1), ("HX01", 2), ("BYD2", 50)])
    _show(ctx, T0 - week, 30, "别的直播间", [("HX01", 1)])  # another room: not compared
    _show(ctx, T0 - week, 30, "蔚姐直播间", [("HX01", 1)], platform="douyin")  # another platform
    tonight = _show(ctx, T0, 120, "蔚姐直播间", [("HX01", 5), ("BYD2", 70), ("BYD2", 71)])
    reports = ShowReports(ctx.db)

    view = reports.load(tonight)
    assert [s.id for s in view.earlier] == [plain, tie]  # newest first
    for session, row in zip(view.earlier, view.report.earlier, strict=True):
        full = reports._report(session)[0].summary(row.label)
        assert row == full
    assert (view.report.earlier[0].signups, view.report.earlier[0].best_job) == (3, "HX01")
    assert view.report.earlier[1].best_job == "BYD2"  # 2 vs 2: both of BYD2's came on air
    assert view.report.earlier[0].minutes == 90
    assert view.report.earlier[0].per_hour == pytest.approx(2.0)


def test_same_room_and_same_host_are_two_comparisons_with_their_own_numbers(ctx):
    day = timedelta(days=1)
    # Each show: HX01 on air for the first half, BYD2 for the second (see _show).
    a = _show(ctx, T0 - 4 * day, 60, "青岛直播间", [("HX01", 1), ("HX01", 2)], host="蔚姐")
    b = _show(ctx, T0 - 3 * day, 60, "青岛直播间", [("BYD2", 40)], host="小周")
    c = _show(ctx, T0 - 2 * day, 120, "烟台直播间",
              [("HX01", 1), ("HX01", 3), ("BYD2", 70), ("BYD2", 129)], host="蔚姐")  # fmt: skip
    _show(ctx, T0 - day, 30, "烟台直播间", [("HX01", 1)], host="小周")  # neither: not compared
    tonight = _show(ctx, T0, 60, "青岛直播间", [("HX01", 5)], host="蔚姐")

    view = ShowReports(ctx.db).load(tonight)
    assert [s.id for s in view.earlier] == [b, a]  # the room's, whoever hosted
    assert [s.id for s in view.same_host] == [c, a]  # the host's, whichever room
    room, host = view.report.earlier, view.report.same_host
    reports = ShowReports(ctx.db)
    for session, row in zip(view.earlier + view.same_host, room + host, strict=True):
        assert row == reports._report(session)[0].summary(row.label)  # as its whole report
    assert [(s.room, s.host, s.signups) for s in room] == [("青岛直播间", "小周", 1),
                                                          ("青岛直播间", "蔚姐", 2)]  # fmt: skip
    assert [(s.room, s.host, s.signups) for s in host] == [("烟台直播间", "蔚姐", 4),
                                                          ("青岛直播间", "蔚姐", 2)]  # fmt: skip
    # Per 10 air-minutes: sign-ups on air or in the 10 minutes after, per 10 minutes on air.
    # c: 120 min on air, all 4 credited (BYD2's at 129 min came after the show, within the
    # 10 minutes after BYD2 left the screen at its end).
    assert host[0].air_minutes == pytest.approx(120)
    assert host[0].credited == 4
    assert host[0].per_10_air_min == pytest.approx(4 / 12)
    assert room[0].per_10_air_min == pytest.approx(1 / 6)
    pooled_room, pooled_host = baseline(room), baseline(host)
    assert pooled_room.signups == pytest.approx(1.5)
    assert pooled_room.per_10_air_min == pytest.approx(3 / 12)  # 3 credited in 120 min
    assert pooled_host.signups == pytest.approx(3)
    assert pooled_host.per_10_air_min == pytest.approx(6 / 18)  # 6 credited in 180 min
    assert pooled_host.per_hour == pytest.approx(6 / 3)
    assert pooled_room.conversion is None and pooled_room.hired is None  # no hub figures here


def test_a_show_without_a_host_has_no_host_comparison(ctx):
    _show(ctx, T0 - timedelta(days=1), 60, "青岛直播间", [("HX01", 1)])
    tonight = _show(ctx, T0, 60, "青岛直播间", [("HX01", 5)])
    view = ShowReports(ctx.db).load(tonight)
    assert len(view.report.earlier) == 1 and view.report.same_host == ()


def test_a_live_show_is_reported_until_now(ctx):
    start = datetime.now(UTC) - timedelta(minutes=30)
    show = (
        SessionService(SessionRepository(ctx.db), clock=lambda: start).start("douyin", "直播间").id
    )
    _add_take(ctx.db, show, "take", "HX01", start)
    _add_signups(ctx.db, show, [("HX01", start + timedelta(minutes=2), "qr")])
    now = start + timedelta(minutes=30)
    view = ShowReports(ctx.db, clock=lambda: now).load(show)
    assert view.report.end == now
    assert view.report.jobs[0].air_minutes == 30  # still on air: counted until now
    expected = build_report(start, now, view.report.spans, [])
    assert len(view.report.minutes) == len(expected.minutes) == 30


def test_a_show_that_does_not_exist_or_never_went_live(ctx):
    reports = ShowReports(ctx.db)
    with pytest.raises(LookupError):
        reports.load("nosuchid")
    with pytest.raises(LookupError):
        reports.load(ctx.sessions.current().id)  # planned, never started
    assert reports.shows() == []
