"""The first desktop window: catalogue, search as you type, filters, compliance warnings."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
)

from hostdesk import i18n, messages
from hostdesk.obs.link import LinkState, LinkStatus
from hostdesk.ui.main_window import MainWindow

CJK = re.compile(r"[\u4e00-\u9fff]")


def type_text(widget, text: str) -> None:
    """Key events carrying each character, as an input method delivers Chinese text.

    (QTest.keyClicks only knows Latin-1 keys and aborts on CJK characters.)
    """
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


@pytest.fixture
def window(qtbot, ctx):
    i18n.install("zh_CN")
    win = MainWindow(ctx.catalogue, [])
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.catalogue_loaded, timeout=10_000) as loaded:
        win.load_catalogue(demo_on_first_run=True)
    win.loaded_count = loaded.args[0]
    return win


def test_first_run_loads_the_demo_catalogue(window, ctx):
    assert window.loaded_count == ctx.jobs.count() >= 15
    assert window.proxy.rowCount() == window.loaded_count
    assert window.city_filter.count() >= 1 + 6  # "all cities" plus the demo's cities


def test_search_as_you_type_matches_title_company_city_and_benefit(window, qtbot):
    model = window.proxy
    type_text(window.search, "海信")
    companies = {model.index(r, 2).data() for r in range(model.rowCount())}
    assert companies == {"海信"}
    window.search.clear()
    type_text(window.search, "夫妻间")
    assert model.rowCount() > 0
    for r in range(model.rowCount()):
        assert "夫妻间" in model.index(r, 5).data()
    window.search.clear()
    type_text(window.search, "青岛 焊工")  # every word must match somewhere
    rows = [(model.index(r, 1).data(), model.index(r, 3).data()) for r in range(model.rowCount())]
    assert rows and all("焊工" in t and "青岛" in c for t, c in rows)
    window.search.clear()
    assert model.rowCount() == window.loaded_count


def test_status_and_city_filters(window):
    city_index = window.city_filter.findData("潍坊")
    window.city_filter.setCurrentIndex(city_index)
    cities = {window.proxy.index(r, 3).data() for r in range(window.proxy.rowCount())}
    assert cities == {"潍坊"}
    window.status_filter.setCurrentIndex(window.status_filter.findData("closed"))
    assert all(window.proxy.index(r, 6).data() == "已关闭" for r in range(window.proxy.rowCount()))


def test_lint_warnings_show_for_the_selected_job(qtbot, ctx, tmp_path):
    sheet = tmp_path / "bad.csv"
    sheet.write_text(
        "编号,岗位,薪资,要求\nX1,普工,6000-8000,限男性\nX2,焊工,面议,\n", encoding="utf-8"
    )
    ctx.catalogue.import_file(sheet)
    i18n.install("zh_CN")
    win = MainWindow(ctx.catalogue, [])
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.catalogue_loaded, timeout=10_000):
        win.load_catalogue()
    assert win.proxy.index(0, 7).data() == "⚠ 1"
    assert "限男性" in win.proxy.index(0, 7).data(
        Qt.ItemDataRole.ToolTipRole
    )  # tooltip quotes the text
    win.table.selectRow(0)
    items = [win.warnings_list.item(i).text() for i in range(win.warnings_list.count())]
    assert items == ["要求：" + messages.lint_warning(ctx.catalogue.lint()[0])]
    assert "「限男性」" in items[0]
    win.table.selectRow(1)
    assert win.warnings_list.item(0).text() == "「焊工」没有合规提示"
    assert "1 个有合规提示" in win.count_label.text()


def test_settings_warning_is_visible(qtbot, ctx):
    win = MainWindow(ctx.catalogue, ["设置文件无法读取"])
    qtbot.addWidget(win)
    win.show()
    assert win.banner.isVisible()
    assert win.banner.text() == "设置文件无法读取"


def _visible_texts(win) -> list[str]:
    texts = [win.windowTitle()]
    for w in win.findChildren(QLabel):
        texts.append(w.text())
    for w in win.findChildren(QLineEdit):
        texts.append(w.placeholderText())
    for w in win.findChildren(QComboBox):
        texts.append(w.itemText(0))  # the rest are data (cities) or status labels
    for w in win.findChildren(QGroupBox):
        texts.append(w.title())
    for w in win.findChildren(QAbstractButton):
        texts.append(w.text())
    for menu in win.findChildren(QMenu):
        texts.append(menu.title())
        texts.extend(a.text() for a in menu.actions() if not a.isSeparator())
    model = win.model
    texts.extend(model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount()))
    # Symbols such as the status dot "●" are not words to translate.
    return [t for t in texts if t and any(ch.isalpha() for ch in t)]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_visible_string_is_translated(qtbot, ctx, language):
    from hostdesk import app

    assert i18n.install(language), "build the .qm files first: make i18n"
    win = MainWindow(
        ctx.catalogue, [], onair=app.build_onair(ctx), sessions=ctx.sessions, settings=ctx.settings
    )
    qtbot.addWidget(win)
    with qtbot.waitSignals([win.catalogue_loaded, win.session_loaded], timeout=10_000):
        win.load_catalogue(demo_on_first_run=True)
        win.load_session()
    win.obs_status.show_status(LinkStatus(LinkState.NOT_RUNNING))
    texts = _visible_texts(win)
    assert len(texts) >= 40
    if language == "zh_CN":
        untranslated = [t for t in texts if not CJK.search(t)]
        assert untranslated == []
    else:
        assert win.windowTitle() == "HostDesk – live recruitment assistant"
        assert not [t for t in texts if CJK.search(t)]
    i18n.install("zh_CN")
