"""The show report on the desktop: opens when the host ends a show, past shows, export, screenshot."""

from __future__ import annotations

import os
import random
import stat
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import insert

from hostdesk import app, i18n
from hostdesk.render.report_chart import PALETTE
from hostdesk.services.sessions import SessionService
from hostdesk.services.show_reports import ShowReports
from hostdesk.store.sessions_repo import SessionRepository
from hostdesk.store.tables import RegistrationRow, TakeRow
from hostdesk.ui.main_window import MainWindow
from hostdesk.ui.show_report_dialog import page_of
from tests.gui_watch import GuiWatch

ROOT = Path(__file__).resolve().parents[2]
ROOM = "金亮点人力 蔚姐直播间"
TITLES = {
    "HX01": "海信 冰箱总装普工", "BYD2": "比亚迪 电池车间操作工", "FX03": "富士康 手机组装",
    "LX04": "立讯精密 质检员", "MD05": "美的 空调装配工", "GL06": "格力 仓管",
}  # fmt: skip
_seq = iter(range(1, 1_000_000))


def _add_signups(db, session_id: str, rows: list[tuple[str, datetime, str]]) -> None:
    """Sign-up rows (job, time, source) as the store keeps them; no name or phone: the
    report only counts."""
    with db.write() as conn:
        conn.execute(
            insert(RegistrationRow.__table__),
            [
                {
                    "id": str(uuid.uuid4()), "seq": next(_seq), "job_code": code,
                    "job_title": TITLES.get(code, ""), "session_id": session_id,
                    "source": source, "consent_method": "checkbox", "notice_version": "v1",
                    "consented_at": at, "created_at": at, "updated_at": at,
                }
                for code, at, source in rows
            ],
        )  # fmt: skip


def _add_signup(db, session_id: str, code: str, at: datetime, source: str = "qr") -> None:
    _add_signups(db, session_id, [(code, at, source)])


def _add_take(db, session_id: str, action: str, code: str | None, at: datetime) -> None:
    with db.write() as conn:
        conn.execute(
            insert(TakeRow.__table__),
            {"action": action, "job_code": code, "session": session_id, "at": at},
        )


def _start_show(ctx, start: datetime, room: str = ROOM, host: str = "") -> str:
    sessions = SessionService(SessionRepository(ctx.db), clock=lambda: start)
    return sessions.start("kuaishou", room, host=host).id


@pytest.fixture
def shows(ctx):
    """Last week's show (ended) and tonight's, live for an hour, both in the same room.

    Tonight: HX01 on air 0-20 min, BYD2 20-35, nothing 35-40, HX01 again from 40 until the
    host stops the show (in the test, about minute 60).
    """
    now = datetime.now(UTC)
    last_week = now - timedelta(days=7)
    earlier = _start_show(ctx, last_week)
    _add_take(ctx.db, earlier, "take", "FX03", last_week)
    for minute in (1, 2, 3, 30):
        _add_signup(ctx.db, earlier, "FX03", last_week + timedelta(minutes=minute))
    SessionService(
        SessionRepository(ctx.db), clock=lambda: last_week + timedelta(minutes=90)
    ).stop()

    start = now - timedelta(minutes=60)
    tonight = _start_show(ctx, start)

    def at(minutes: float) -> datetime:
        return start + timedelta(minutes=minutes)

    for action, code, minute in (
        ("take", "HX01", 0), ("take", "BYD2", 20), ("clear", None, 35), ("take", "HX01", 40),
    ):  # fmt: skip
        _add_take(ctx.db, tonight, action, code, at(minute))
    for code, minute, source in (
        ("HX01", 1, "qr"), ("HX01", 5.5, "qr"), ("HX01", 5.7, "phone"),  # on air
        ("BYD2", 21, "qr"), ("BYD2", 22, "qr"),  # on air
        ("HX01", 25, "comment"),  # 5 min after HX01 left, while BYD2 is on: HX01's tail
        ("BYD2", 50, "qr"),  # 15 min after BYD2 left: no tail
        ("HX01", 45, "qr"),  # on air again
    ):  # fmt: skip
        _add_signup(ctx.db, tonight, code, at(minute), source)
    return earlier, tonight


def _open_window(qtbot, ctx) -> MainWindow:
    win = MainWindow(
        ctx.catalogue, [], onair=app.build_onair(ctx), sessions=ctx.sessions,
        settings=ctx.settings, registrations=ctx.registrations, reports=ShowReports(ctx.db),
    )  # fmt: skip
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.session_loaded, timeout=15_000):
        win.load_session()
    return win


@pytest.fixture
def window(qtbot, ctx, shows):
    i18n.install("zh_CN")
    return _open_window(qtbot, ctx)


def _wait_report(qtbot, win, session_id: str):
    qtbot.waitUntil(
        lambda: (
            win.report_dialog is not None
            and win.report_dialog.view is not None
            and win.report_dialog.view.session.id == session_id
        ),
        timeout=15_000,
    )
    return win.report_dialog


def _colour_pixels(image, colour: str) -> int:
    want = QColor(colour).rgb()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixel(x, y) == want
    )


def test_ending_the_show_opens_its_report_with_the_known_numbers(
    qtbot, ctx, window, shows, monkeypatch
):
    _earlier, tonight = shows
    assert window.session_bar.session.id == tonight
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.session_bar.start_or_stop()  # 结束直播
    dialog = _wait_report(qtbot, window, tonight)

    report = dialog.view.report
    stopped = SessionRepository(ctx.db).get(tonight).ended_at
    assert report.end == stopped and report.duration_minutes >= 60  # ends where the host stopped
    jobs = {j.job_code: j for j in report.jobs}
    assert list(jobs) == ["HX01", "BYD2"]
    hx, byd = jobs["HX01"], jobs["BYD2"]
    assert (hx.signups, hx.on_air, hx.tail, hx.takes) == (5, 4, 1, 2)
    assert (byd.signups, byd.on_air, byd.tail, byd.takes) == (3, 2, 0, 1)
    assert byd.air_minutes == pytest.approx(15)
    assert hx.air_minutes == pytest.approx(20 + report.duration_minutes - 40)
    assert hx.submissions == 3  # the phone and comment sign-ups did not come through the page
    counts = {m.index: m.signups for m in report.minutes if m.signups}
    assert counts == {1: 1, 5: 2, 21: 1, 22: 1, 25: 1, 45: 1, 50: 1}
    tags = [m.job_code for m in report.minutes]
    assert tags[0:20] == ["HX01"] * 20 and tags[20:35] == ["BYD2"] * 15
    assert tags[35:40] == [None] * 5 and set(tags[40:60]) == {"HX01"}
    (last_week,) = report.earlier  # same room, same platform, ended earlier
    assert (last_week.signups, last_week.best_job, round(last_week.minutes)) == (4, "FX03", 90)
    assert dialog.view.titles["HX01"] == TITLES["HX01"]
    assert "8" in dialog.status.text()

    # The page is drawn: the jobs' colours are on it (bars, bands' legend, table swatches).
    qtbot.waitUntil(lambda: dialog.canvas.image.width() == dialog.canvas.width(), timeout=10_000)
    image = dialog.canvas.grab().toImage()
    assert image.height() > 900
    assert _colour_pixels(image, PALETTE[0]) > 200  # HX01
    assert _colour_pixels(image, PALETTE[1]) > 100  # BYD2


# Two hours of rotating jobs (minutes on air; None: the overlay cleared) and their pull.
ROTATION = [("HX01", 12), ("BYD2", 10), ("FX03", 14), ("LX04", 9), ("MD05", 12), ("GL06", 8),
            ("HX01", 11), ("BYD2", 9), ("FX03", 12), (None, 3), ("MD05", 10), ("LX04", 10)]  # fmt: skip
PER_MINUTE = {"HX01": 3.0, "BYD2": 2.0, "FX03": 4.0, "LX04": 1.0, "MD05": 2.5, "GL06": 0.7}


@pytest.fixture
def beijing_time():
    """The PC's clock in China, as at the broadcast desk: the page's times read 20:00."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_a_busy_show_report_from_the_menu(qtbot, ctx, beijing_time):
    """The docs' screenshot (docs/images/show_report_desktop.png), from a real store: a
    fixed show (20:00-22:00 Beijing time), so the picture only changes when the page does."""
    rnd = random.Random(16)
    length_of_show = sum(m for _c, m in ROTATION)
    start = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    last_week = start - timedelta(days=7)
    # Two weeks ago the same host in another room (the host comparison only), then last week
    # another host in this room (the room comparison only).
    elsewhere = _start_show(ctx, start - timedelta(days=14), "烟台专场", host="蔚姐")
    _add_take(ctx.db, elsewhere, "take", "FX03", start - timedelta(days=14))
    _add_signups(ctx.db, elsewhere, [("FX03", start - timedelta(days=14, minutes=-m), "qr")
                                      for m in range(0, 60, 2)])  # fmt: skip
    SessionService(
        SessionRepository(ctx.db), clock=lambda: start - timedelta(days=14, minutes=-60)
    ).stop()
    earlier = _start_show(ctx, last_week, host="小周")
    _add_take(ctx.db, earlier, "take", "HX01", last_week)
    _add_signups(
        ctx.db, earlier, [("HX01", last_week + timedelta(minutes=m % 95), "qr") for m in range(180)]
    )
    SessionService(
        SessionRepository(ctx.db), clock=lambda: last_week + timedelta(minutes=95)
    ).stop()
    show = _start_show(ctx, start, host="蔚姐")
    minute, rows = 0, []
    for code, length in ROTATION:
        _add_take(
            ctx.db, show, "take" if code else "clear", code, start + timedelta(minutes=minute)
        )
        for m in range(minute, minute + length):
            for _ in range(rnd.randint(0, round(2 * PER_MINUTE.get(code, 0)))):
                at = start + timedelta(minutes=m, seconds=rnd.randint(0, 59))
                rows.append((code, at, "qr" if rnd.random() < 0.8 else "phone"))
        minute += length
        for _ in range(rnd.randint(0, 6) if code else 0):  # late form submits after its span
            at = start + timedelta(minutes=minute + rnd.uniform(0, 9.5))
            if at < start + timedelta(minutes=length_of_show):
                rows.append((code, at, "qr"))
    _add_signups(ctx.db, show, rows)
    end = start + timedelta(minutes=length_of_show)
    SessionService(SessionRepository(ctx.db), clock=lambda: end).stop()
    i18n.install("zh_CN")
    win = _open_window(qtbot, ctx)
    live = next(a for a in win.menuBar().actions() if a.text() == win.tr("&Live"))
    next(a for a in live.menu().actions() if a.text() == win.tr("Show report…")).trigger()
    dialog = _wait_report(qtbot, win, show)  # the newest show that went live
    assert dialog.shows.currentText() == "2026-11-20 20:00  " + ROOM + " · 蔚姐"
    report = dialog.view.report
    assert report.signups == report.in_show == len(rows)
    assert sum(m.signups for m in report.minutes) == len(rows)
    assert {j.job_code for j in report.jobs} == set(PER_MINUTE)
    assert report.best_job.job_code == "FX03"  # the highest pull, on air longest
    assert sum(j.tail for j in report.jobs) > 0
    assert [(e.signups, e.host) for e in report.earlier] == [(180, "小周")]  # this room
    assert [(e.signups, e.room) for e in report.same_host] == [(30, "烟台专场")]  # 蔚姐's
    assert report.same_host[0].per_10_air_min == pytest.approx(30 / 60 * 10)
    assert page_of(dialog.view).heading == f"快手 · {ROOM} · 主播 蔚姐"
    dialog.resize(1320, dialog.canvas.height() + 70)
    canvas = dialog.canvas
    # the page is redrawn for the new width on a worker; the old one shows meanwhile
    qtbot.waitUntil(
        lambda: canvas.width() >= 1250 and canvas.image.width() == canvas.width(), timeout=10_000
    )
    image = dialog.grab().toImage()
    assert "报名" in dialog.windowTitle() or "复盘" in dialog.windowTitle()  # in Chinese
    image.save(str(ROOT / "docs/images/show_report_desktop.png"))


def test_a_past_show_from_the_menu_and_switching_shows(qtbot, window, shows):
    earlier, tonight = shows
    action = next(a for a in window.menuBar().actions() if a.text() == window.tr("&Live"))
    items = {a.text(): a for a in action.menu().actions()}
    items[window.tr("Show report…")].trigger()
    dialog = _wait_report(qtbot, window, tonight)  # the newest show first (still live: until now)
    assert dialog.shows.count() == 2
    dialog.shows.setCurrentIndex(dialog.shows.findData(earlier))
    dialog.shows.activated.emit(dialog.shows.currentIndex())
    dialog = _wait_report(qtbot, window, earlier)
    assert dialog.view.report.signups == 4
    assert dialog.view.report.earlier == ()  # nothing before it in that room


def test_a_show_that_never_went_live_says_so(qtbot, window, ctx):
    ctx.sessions.stop()  # tonight's show ends; the next current session is a draft
    planned = ctx.sessions.current().id
    dialog = window.open_show_report(planned)
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as failed:
        pass
    assert "没有" in failed.args[0] or "never" in failed.args[0]
    assert dialog.view is None and not dialog.export_button.isEnabled()


def test_export_writes_an_owner_only_workbook_with_native_charts(qtbot, window, shows, tmp_path):
    _earlier, tonight = shows
    dialog = window.open_show_report(tonight)
    _wait_report(qtbot, window, tonight)
    target = tmp_path / "复盘.xlsx"
    with qtbot.waitSignal(dialog.exported, timeout=15_000) as done:
        dialog.export_to(target)
    assert done.args[0] is True, done.args[1]
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    book = openpyxl.load_workbook(target)
    summary = book.worksheets[0]
    assert len(summary._charts) == 2
    assert summary["A1"].value.startswith("直播复盘")


def test_an_unwritable_export_path_says_so_and_writes_nothing(qtbot, window, shows, tmp_path):
    _earlier, tonight = shows
    dialog = window.open_show_report(tonight)
    _wait_report(qtbot, window, tonight)
    target = tmp_path / "missing-folder" / "report.xlsx"
    with qtbot.waitSignal(dialog.exported, timeout=15_000) as done:
        dialog.export_to(target)
    assert done.args[0] is False
    assert "report.xlsx" in done.args[1]
    assert not target.parent.exists()


def test_the_gui_thread_never_waits_for_the_report(qtbot, ctx, monkeypatch):
    """Ending a show with 3,000 sign-ups: reading, computing and drawing happen on workers."""
    start = datetime.now(UTC) - timedelta(hours=2)
    show = _start_show(ctx, start)
    rnd = random.Random(3)
    for minute in range(0, 120, 5):
        _add_take(ctx.db, show, "take", rnd.choice(list(TITLES)), start + timedelta(minutes=minute))
    rows = [
        (rnd.choice(list(TITLES)), start + timedelta(seconds=rnd.uniform(0, 7200)), "qr")
        for _ in range(3000)
    ]
    _add_signups(ctx.db, show, rows)
    win = _open_window(qtbot, ctx)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.wait(200)  # let the window's own start-up work settle before watching
    with GuiWatch() as watch:
        win.session_bar.start_or_stop()
        dialog = _wait_report(qtbot, win, show)
        dialog.resize(1400, 900)  # a redraw at the new width, also on a worker
        qtbot.waitUntil(
            lambda: dialog.canvas.image.width() == dialog.canvas.width(), timeout=15_000
        )
    watch.assert_never_blocked()
    assert dialog.view.report.signups == 3000


def test_export_asks_where_and_adds_the_suffix(qtbot, window, shows, tmp_path, monkeypatch):
    _earlier, tonight = shows
    dialog = window.open_show_report(tonight)
    _wait_report(qtbot, window, tonight)
    asked = []

    def save_as(_parent, title, suggested, filters):
        asked.append((title, suggested, filters))
        return str(tmp_path / "周报"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    with qtbot.waitSignal(dialog.exported, timeout=15_000) as done:
        assert dialog.ask_and_export()
    assert done.args[0] is True
    assert (tmp_path / "周报.xlsx").is_file()
    title, suggested, filters = asked[0]
    assert (title, filters) == ("导出直播复盘", "Excel 工作簿 (*.xlsx)")
    assert suggested.startswith("直播复盘-") and suggested.endswith(".xlsx")
    assert "周报.xlsx" in dialog.status.text()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    assert not dialog.ask_and_export()  # cancelled: nothing happens


def test_in_english_the_window_and_the_workbook_are_english(qtbot, ctx, shows, tmp_path):
    _earlier, tonight = shows
    i18n.install("en")
    try:
        win = _open_window(qtbot, ctx)
        dialog = win.open_show_report(tonight)
        _wait_report(qtbot, win, tonight)
        assert dialog.windowTitle() == "Show report"
        with qtbot.waitSignal(dialog.exported, timeout=15_000) as done:
            dialog.export_to(tmp_path / "report.xlsx")
        assert done.args[0] is True
        book = openpyxl.load_workbook(tmp_path / "report.xlsx")
        assert [ws.title for ws in book.worksheets] == ["Report", "Per minute", "Comparison"]
    finally:
        i18n.install("zh_CN")
