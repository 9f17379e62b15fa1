"""The compliance prompt before a take: Enter and Escape keep the job off the air."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from hostdesk import i18n
from tests.ui.console_window import open_console


@pytest.fixture
def win(qtbot, ctx, tmp_path):
    i18n.install("zh_CN")
    sheet = tmp_path / "warned.csv"
    sheet.write_text("编号,岗位,要求\nW1,普工,限男性\n", encoding="utf-8")
    ctx.catalogue.import_file(sheet)
    window = open_console(qtbot, ctx)
    assert window.console.warnings["W1"]  # the lint flags 限男性: taking it asks first
    window.console.cue("W1")
    return window


def _answer_with(key: Qt.Key, seen: list) -> None:
    """Press `key` in the prompt once it is open (it runs its own event loop)."""

    def press():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        default = box.defaultButton()
        seen.append(default.text() if default is not None else None)
        QTest.keyClick(box, key)
        # Should the key not close it, the test must fail, not hang: close it after a while.
        # (The box as the timer's context: a box already gone cancels it.)
        QTimer.singleShot(2_000, box, lambda: box.done(QMessageBox.DialogCode.Rejected))

    QTimer.singleShot(0, press)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape])
def test_enter_or_escape_in_the_compliance_prompt_does_not_take(win, key):
    seen: list[str] = []
    _answer_with(key, seen)
    assert win.console.take("W1") is False
    assert seen == ["不上屏"]  # the default button is the safe one
    assert win.console.on_air_code == ""


def test_show_it_anyway_still_takes(win, qtbot):
    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        [anyway] = [b for b in box.buttons() if b.text() == "仍然上屏"]
        anyway.click()

    QTimer.singleShot(0, click)
    with qtbot.waitSignal(win.console.taken, timeout=10_000):
        assert win.console.take("W1") is True
    assert win.console.on_air_code == "W1"
