"""The show report read from the local store: the show's sign-ups, its takes and earlier shows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hostdesk.core.show_report import build_report
from hostdesk.services.sessions import SessionService
from hostdesk.services.show_reports import ShowReports
from hostdesk.store.sessions_repo import SessionRepository
from tests.ui.test_show_report_dialog import _add_signups, _add_take

T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _show(ctx, start: datetime, minutes: int, room: str, signups, *, platform="kuaishou") -> str:
    show = SessionService(SessionRepository(ctx.db), clock=lambda: start).start(platform, room).id
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
        full = reports._report(session, ())[0].summary(row.label)
        assert row == full
    assert (view.report.earlier[0].signups, view.report.earlier[0].best_job) == (3, "HX01")
    assert view.report.earlier[1].best_job == "BYD2"  # 2 vs 2: both of BYD2's came on air
    assert view.report.earlier[0].minutes == 90
    assert view.report.earlier[0].per_hour == pytest.approx(2.0)


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
