"""Small windows fit their words: 开始直播's title and example, the export's result, the countdown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt

from hostdesk import i18n
from hostdesk.core.registrations import RegQuery
from hostdesk.ui.registration_dialogs import RegistrationExportDialog
from hostdesk.ui.session_dialog import TITLE_BAR_EXTRA, SessionDialog
from tests.ui.console_window import open_console


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_start_dialog_fits_its_title_and_example(qtbot, lang):
    i18n.install(lang)
    dialog = SessionDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
    assert title + TITLE_BAR_EXTRA <= dialog.width()
    room = dialog.room
    example = room.fontMetrics().horizontalAdvance(room.placeholderText())
    assert room.placeholderText() and example < room.width()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_export_result_shows_whole(qtbot, ctx, tmp_path, lang):
    i18n.install(lang)
    dialog = RegistrationExportDialog(ctx.registrations, RegQuery())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    deep = tmp_path.joinpath(*(["招聘直播导出文件夹" * 2] * 4), "今晚的报名名单.xlsx")
    dialog._on_export_done(deep, 1234)
    label = dialog.result
    assert "1234" in label.text() and "今晚的报名名单.xlsx" in label.text()

    def needed() -> QRect:
        flags = int(Qt.TextFlag.TextWordWrap)
        return label.fontMetrics().boundingRect(QRect(0, 0, label.width(), 10_000), flags,
                                                label.text())  # fmt: skip

    def fits() -> bool:
        inside = QRect(0, 0, dialog.width(), dialog.height()).contains(label.geometry())
        return inside and needed().width() <= label.width() and needed().height() <= label.height()

    # The layout settles in the event loop, as after a real export; before the fix it never fits.
    qtbot.waitUntil(fits, timeout=5_000)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_countdown_appearing_moves_nothing(qtbot, ctx, lang):
    i18n.install(lang)
    win = open_console(qtbot, ctx)
    win.resize(1280, 800)  # room beside the rundown: its panel could widen (it did)
    qtbot.waitUntil(lambda: win.width() == 1280)
    panel = win.rundown_panel
    watched = {"panel": panel, "view": panel.view, "rotate": panel.rotate_box,
               "countdown": panel.countdown, "hint": panel.hint,
               "catalogue": win.search}  # fmt: skip

    def places():
        return {name: (w.mapTo(win, w.rect().topLeft()), w.size()) for name, w in watched.items()}

    before = places()
    for text in (
        win.console.tr("Auto-rotate paused by a manual take"),
        win.console.tr("Next job in {seconds} s").format(seconds=3600),
    ):
        panel.show_countdown(text)
        qtbot.wait(0)
        win.layout().activate()
        assert places() == before, text
        shown = panel.countdown
        assert shown.fontMetrics().horizontalAdvance(text) <= shown.width()
