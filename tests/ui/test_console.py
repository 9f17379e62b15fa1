"""The host console from the keyboard: search, rundown, preview, take, next, clear, rotate."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from hostdesk import i18n
from hostdesk.core.jobs import JobStatus
from hostdesk.ui import console as console_module
from hostdesk.ui import tasks
from hostdesk.ui.main_window import MainWindow
from tests.ui.console_window import open_console
from tests.ui.test_main_window import type_text


def _open(qtbot, ctx) -> MainWindow:
    return open_console(qtbot, ctx)


@pytest.fixture
def win(qtbot, ctx):
    i18n.install("zh_CN")
    return _open(qtbot, ctx)


def _key(win, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(win.focusWidget() or win, key, modifier)


def _live_card(ctx) -> QImage:
    return QImage(str(ctx.data_dir / "overlay" / "live" / "card.png"))


def test_keyboard_only_flow_search_add_preview_take_clear(win, qtbot, ctx):
    win.search.setFocus()
    type_text(win.search, "冰箱总装")
    assert win.proxy.rowCount() == 1
    _key(win, Qt.Key.Key_Return)  # Enter in the catalogue adds to the rundown
    assert win.rundown_panel.model.codes() == ["HX-001"]
    assert win.rundown_panel.view.hasFocus()  # so the number keys work next
    with qtbot.waitSignal(win.console.cued, timeout=10_000):
        _key(win, Qt.Key.Key_1)
    assert win.console.cued_code == "HX-001"
    assert win.preview_view.image() is not None and "HX-001" in win.preview_view.caption()
    assert not _live_card(ctx).width()  # nothing written before the take
    with qtbot.waitSignal(win.console.taken, timeout=10_000):
        _key(win, Qt.Key.Key_Space)
    assert win.console.on_air_code == "HX-001"
    assert win.onair_view.image() is not None
    card = _live_card(ctx)
    assert card.width() > 600 and card.pixelColor(card.width() // 2, card.height() // 2).alpha()
    assert "OBS" in win.ack_label.text()  # no OBS here: it says the files are the output
    with qtbot.waitSignal(win.console.cleared, timeout=10_000):
        _key(win, Qt.Key.Key_Escape)
    assert win.console.on_air_code == ""
    assert _live_card(ctx).pixelColor(0, 0).alpha() == 0
    session = ctx.sessions.current()
    assert [(t.action, t.job_code) for t in ctx.sessions.takes(session.id)] == [
        ("take", "HX-001"),
        ("clear", None),
    ]


def _fill_rundown(win, codes: list[str]) -> None:
    win.rundown_panel.model.add(codes)
    win.rundown_panel.view.setFocus()


def test_ctrl_number_takes_a_slot_and_pgdown_pgup_walk_the_rundown(win, qtbot, ctx):
    codes = [j.code for j in ctx.jobs.list_jobs() if not win.console.warnings.get(j.code)][:3]
    _fill_rundown(win, codes)
    with qtbot.waitSignal(win.console.taken, timeout=10_000) as taken:
        _key(win, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert taken.args[0] == codes[1]
    for key, expected in (
        (Qt.Key.Key_PageDown, codes[2]),
        (Qt.Key.Key_PageDown, codes[0]),  # presenter clickers go round
        (Qt.Key.Key_PageUp, codes[2]),
        (Qt.Key.Key_Right, codes[0]),
        (Qt.Key.Key_Left, codes[2]),
    ):
        with qtbot.waitSignal(win.console.taken, timeout=10_000) as taken:
            _key(win, key)
        assert taken.args[0] == expected
    assert win.rundown_panel.model.on_air == codes[2]


def test_closed_jobs_are_refused_and_skipped(win, qtbot, ctx):
    codes = [j.code for j in ctx.jobs.list_jobs() if not win.console.warnings.get(j.code)][:3]
    closed = replace(ctx.jobs.get(codes[1]), status=JobStatus.CLOSED)
    ctx.jobs.upsert_many([closed])
    with qtbot.waitSignal(win.catalogue_loaded, timeout=10_000):
        win.load_catalogue()
    _fill_rundown(win, codes)
    with qtbot.waitSignal(win.console.refused, timeout=5_000) as refused:
        _key(win, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert "已关闭" in refused.args[0] or closed.title in refused.args[0]
    with qtbot.waitSignal(win.console.taken, timeout=10_000):
        _key(win, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(win.console.taken, timeout=10_000) as taken:
        _key(win, Qt.Key.Key_PageDown)
    assert taken.args[0] == codes[2]  # the closed one in between is skipped


def test_a_job_with_warnings_asks_once(win, qtbot, ctx, tmp_path):
    sheet = tmp_path / "warned.csv"
    sheet.write_text("编号,岗位,要求\nW1,普工,限男性\n", encoding="utf-8")
    ctx.catalogue.import_file(sheet)
    with qtbot.waitSignal(win.catalogue_loaded, timeout=10_000):
        win.load_catalogue()
    warned = "W1"
    assert win.console.warnings[warned]
    asked = []
    win.console.confirm = lambda job, warnings: asked.append(job.code) or len(asked) > 1
    win.console.cue(warned)
    assert win.console.take(warned) is False  # the assistant said no
    assert win.console.on_air_code == ""
    with qtbot.waitSignal(win.console.taken, timeout=10_000):
        assert win.console.take(warned) is True  # asked again, said yes
    with qtbot.waitSignal(win.console.taken, timeout=10_000):
        assert win.console.take(warned) is True  # not asked a third time
    assert asked == [warned, warned]


def test_auto_rotate_walks_the_rundown_and_a_manual_take_pauses_it(win, qtbot, ctx, monkeypatch):
    codes = [j.code for j in ctx.jobs.list_jobs() if not win.console.warnings.get(j.code)][:3]
    _fill_rundown(win, codes)
    now = [1000.0]
    monkeypatch.setattr(console_module.time, "monotonic", lambda: now[0])
    win.rundown_panel.rotate_seconds.setValue(30)
    with qtbot.waitSignal(win.console.taken, timeout=10_000) as taken:
        win.rundown_panel.rotate_box.setChecked(True)  # nothing on air: starts at once
    assert taken.args[0] == codes[0]
    now[0] += 12
    win.console._on_tick_timeout()
    assert win.rundown_panel.countdown.text() == "18 秒后换下一个岗位"
    now[0] += 18
    with qtbot.waitSignal(win.console.taken, timeout=10_000) as taken:
        win.console._on_tick_timeout()
    assert taken.args[0] == codes[1]
    with qtbot.waitSignal(win.console.taken, timeout=10_000):
        _key(win, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # the host takes over
    assert not win.rundown_panel.rotate_box.isChecked()
    now[0] += 600
    win.console._on_tick_timeout()
    tasks.wait_idle()
    assert win.console.on_air_code == codes[0]  # rotation paused: nothing changed


def test_rundown_is_kept_with_the_session_and_reordered_by_drag(win, qtbot, ctx):
    from PySide6.QtCore import QModelIndex

    _fill_rundown(win, ["HX-001", "GE-001", "GE-002"])
    model = win.rundown_panel.model
    mime = model.mimeData([model.index(0)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())  # to the end
    assert model.codes() == ["GE-001", "GE-002", "HX-001"]
    catalogue_mime = win.model.mimeData([win.model.index(win.model._rows["GE-003"], 0)])
    model.dropMimeData(catalogue_mime, Qt.DropAction.CopyAction, 1, 0, QModelIndex())
    assert model.codes() == ["GE-001", "GE-003", "GE-002", "HX-001"]
    win.rundown_panel.select_row(0)
    QTest.keyClick(win.rundown_panel.view, Qt.Key.Key_Delete)
    assert model.codes() == ["GE-003", "GE-002", "HX-001"]
    assert tasks.wait_idle()
    # The writes come back through the event loop (one may start another): wait for the row.
    qtbot.waitUntil(lambda: list(ctx.sessions.rundown().codes) == ["GE-003", "GE-002", "HX-001"])
    again = _open(qtbot, ctx)  # a restart shows tonight's rundown as it was left
    assert again.rundown_panel.model.codes() == ["GE-003", "GE-002", "HX-001"]


def test_starting_and_stopping_a_session(win, qtbot, ctx, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    win.session_bar.button.click()
    dialog = win.session_bar.dialog
    dialog.platform.setCurrentIndex(dialog.platform.findData("douyin"))
    dialog.buttons.accepted.emit()  # an empty room name is refused in place
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=5_000)
    assert "直播间" in dialog.problem.text()
    type_text(dialog.room, "青岛招聘专场")
    with qtbot.waitSignal(dialog.accepted, timeout=5_000):
        dialog.buttons.accepted.emit()
    assert "抖音 · 青岛招聘专场" in win.session_bar.label.text()
    assert win.console.onair is not None
    qtbot.waitUntil(lambda: win.console.onair.look.session == win.session.id, timeout=5_000)
    live_id = win.session.id
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(win.session_loaded, timeout=5_000) as loaded:
        win.session_bar.button.click()
    assert loaded.args[0] != live_id  # the next stream's draft, with the rundown copied
    assert win.session.state.value == "planned"
    started = ctx.sessions.repo.list_sessions()
    assert [s.state.value for s in started] == ["planned", "ended"]


def test_saved_settings_rebind_the_keys_and_redraw_the_overlay(win, qtbot, ctx):
    from copy import deepcopy

    settings = deepcopy(ctx.settings)
    settings.hotkeys.take = "T"
    settings.overlay.position = "mirrored"
    settings.rundown.rotate_seconds = 45
    win.apply_settings(settings)
    assert win.rundown_panel.rotate_seconds.value() == 45
    _fill_rundown(win, ["HX-001"])
    with qtbot.waitSignal(win.console.cued, timeout=10_000):
        _key(win, Qt.Key.Key_1)
    _key(win, Qt.Key.Key_Space)  # no longer the take key
    tasks.wait_idle()
    assert win.console.on_air_code == ""
    with qtbot.waitSignal(win.console.taken, timeout=10_000):
        _key(win, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: win.console.onair.look.position.value == "mirrored", timeout=5_000)
    rendered = win.console.onair.on_air
    assert rendered.card_at.x > rendered.qr_at.x  # mirrored: the QR code now on the left


def test_language_change_is_announced_for_the_next_start(win):
    win._on_settings_language_changed("en")
    assert win.banner.isVisible() and "下次启动" in win.banner.text()


def test_ctrl_f_goes_back_to_the_search_box(win):
    win.rundown_panel.view.setFocus()
    type_text(win.search, "海信")
    _key(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert win.search.hasFocus() and win.search.selectedText() == "海信"


def test_without_a_hub_address_the_take_warns_that_no_qr_code_shows(win, qtbot):
    assert not win.settings.signup.hub_url
    with qtbot.waitSignal(win.console.warned, timeout=10_000) as warned:
        win.console.take("HX-001")
    assert "二维码" in warned.args[0] and "服务器地址" in warned.args[0]
    assert win.console.on_air_code == "HX-001"  # on air all the same: the card is useful
    assert win.link_label.text() == ""  # no link a phone could open: none shown


def test_the_console_shows_the_exact_link_behind_the_qr_on_air(qtbot, ctx):
    from hostdesk.config import save_settings

    i18n.install("zh_CN")
    ctx.settings.signup.hub_url = "https://hub.example.cn/"
    save_settings(ctx.data_dir, ctx.settings)
    win = _open(qtbot, ctx)
    with qtbot.waitSignal(win.console.taken, timeout=10_000):
        win.console.take("HX-001")
    url = win.console.onair.on_air.url
    assert url == f"https://hub.example.cn/j/HX-001?s={win.session.id}&d="
    assert win.link_label.text() == f"报名链接：{url}"
    # The hub tells this PC its name: the code on air and the link shown follow at once.
    win.sync.device_named.emit("studio-9")
    qtbot.waitUntil(lambda: win.link_label.text() == f"报名链接：{url}studio-9", timeout=10_000)
    assert win.console.onair.on_air.url == url + "studio-9"
    with qtbot.waitSignal(win.console.cleared, timeout=10_000):
        win.console.clear()
    assert win.link_label.text() == ""


def test_a_job_missing_from_the_hubs_catalogue_is_warned_at_take(qtbot, ctx):
    # Its QR code would lead viewers to the hub's "job not found" page.
    from datetime import UTC, datetime

    from hostdesk.config import save_settings
    from hostdesk.store.hub_repo import HubRepository

    i18n.install("zh_CN")
    ctx.settings.signup.hub_url = "https://hub.example.cn"
    save_settings(ctx.data_dir, ctx.settings)
    win = _open(qtbot, ctx)
    hub = HubRepository(ctx.db)
    hub.apply_catalogue([ctx.jobs.get("HX-002")], '"etag-1"', datetime.now(UTC))
    win.sync._hub = hub  # the sync stores launch() gives the window
    with qtbot.waitSignal(win.catalogue_loaded, timeout=10_000):
        win.load_catalogue()
    assert win.console.hub_codes == {"HX-002"}
    with qtbot.waitSignal(win.console.warned, timeout=10_000) as warned:
        win.console.take("HX-001")
    assert "不在总部岗位库" in warned.args[0] and "没有找到这个岗位" in warned.args[0]

    said: list[str] = []
    win.console.warned.connect(said.append)
    with qtbot.waitSignal(win.console.taken, timeout=10_000):
        win.console.take("HX-002")
    qtbot.wait(50)
    assert said == []  # the hub has it: its page works


def test_a_take_of_a_job_the_hub_lacks_publishes_it_first_and_says_so(qtbot, ctx):
    # Issue 15: the take is not held up; the job goes to the hub through the sync worker.
    from dataclasses import replace
    from datetime import UTC, datetime

    from hostdesk.config import save_settings
    from hostdesk.core.jobs import Job
    from hostdesk.services.take_publish import TakePublishing
    from hostdesk.store.publish_repo import HubAnswer, PublishRepository

    i18n.install("zh_CN")
    ctx.settings.signup.hub_url = "https://hub.example.cn"
    save_settings(ctx.data_dir, ctx.settings)
    win = _open(qtbot, ctx)
    asked: list[str] = []
    repo = PublishRepository(ctx.db)
    win.console.take_publishing = TakePublishing(repo, lambda: asked.append("now"))
    with qtbot.waitSignal(win.console.warned, timeout=10_000) as warned:
        win.console.take("HX-001")
    assert "正在发布到总部服务器" in warned.args[0] and asked == ["now"]
    assert win.console.on_air_code == "HX-001"  # on air all the same
    # The hub took it (as the worker records its answer): the next take says nothing.
    (item,) = repo.unpublished({"HX-001"})
    repo.record([item], [HubAnswer("HX-001", "created", 1)], datetime.now(UTC))
    said: list[str] = []
    win.console.warned.connect(said.append)
    with qtbot.waitSignal(win.console.taken, timeout=10_000):
        win.console.take("HX-001")
    qtbot.wait(50)
    assert said == [] and asked == ["now"]
    # Changed on the hub too: the console says the viewers see the hub's version.
    theirs = Job(code="HX-001", title="总部改过的标题")
    edited = ctx.jobs.get("HX-001")
    ctx.catalogue.save_job(replace(edited, title="本机改的"), new=False)
    (item,) = repo.unpublished({"HX-001"})
    repo.record([item], [HubAnswer("HX-001", "conflict", 2, theirs)], datetime.now(UTC))
    with qtbot.waitSignal(win.console.warned, timeout=10_000) as warned:
        win.console.take("HX-001")
    assert "岗位冲突" in warned.args[0]


def test_a_qr_address_phones_cannot_open_is_warned_at_take(qtbot, ctx):
    # Issue 15: loopback in the QR opens nothing on a phone; a private address nothing from a
    # public stream. When the hub told its public address, the warning names it.
    from hostdesk.config import save_settings

    i18n.install("zh_CN")
    ctx.settings.signup.hub_url = "http://127.0.0.1:8765"
    save_settings(ctx.data_dir, ctx.settings)
    win = _open(qtbot, ctx)
    with qtbot.waitSignal(win.console.warned, timeout=10_000) as warned:
        win.console.take("HX-001")
    assert "http://127.0.0.1:8765" in warned.args[0] and "手机都打不开" in warned.args[0]
    win.console.hub_public_url = "https://hub.example.cn"
    with qtbot.waitSignal(win.console.warned, timeout=10_000) as warned:
        win.console.take("HX-002")
    assert "https://hub.example.cn" in warned.args[0]
    # A job the hub lacks, too: both are said, one does not hide the other.
    from hostdesk.services.take_publish import TakePublishing
    from hostdesk.store.publish_repo import PublishRepository

    win.console.take_publishing = TakePublishing(PublishRepository(ctx.db), lambda: None)
    said: list[str] = []
    win.console.warned.connect(said.append)
    with qtbot.waitSignal(win.console.taken, timeout=10_000):
        win.console.take("HX-001")
    qtbot.waitUntil(lambda: len(said) == 2, timeout=5000)
    assert "https://hub.example.cn" in said[0] and "正在发布到总部服务器" in said[1]
