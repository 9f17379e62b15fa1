"""帮助 menu: the guide offline, the shortcuts as the window binds them, About with the version."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QKeySequence, QShortcut

import hostdesk
from hostdesk import i18n
from hostdesk.ui import help_menu
from tests.ui.console_window import open_console

NATIVE = QKeySequence.SequenceFormat.NativeText
TEXTS = {
    "zh_CN": ("帮助", "使用说明", "快捷键", "关于 HostDesk"),
    "en": ("Help", "User guide", "Keyboard shortcuts", "About HostDesk"),
}


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_help_menu_has_guide_shortcuts_about(qtbot, ctx, lang):
    i18n.install(lang)
    win = open_console(qtbot, ctx)
    menu = win.help_menu
    titles = [a.text().replace("&", "") for a in win.menuBar().actions()]
    assert titles[-1].startswith(TEXTS[lang][0])
    shown = [a.text() for a in menu.menu.actions() if not a.isSeparator()]
    assert shown == list(TEXTS[lang][1:])

    about = menu.open_about()
    assert hostdesk.__version__ in about.text() and "SIL Open Font License" in about.text()
    about.reject()


def test_guide_is_a_local_file():
    path = help_menu.guide_path()
    assert path.is_file() and path.name == "user-guide.md"


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_shortcuts_dialog_lists_every_bound_key(qtbot, ctx, lang):
    i18n.install(lang)
    win = open_console(qtbot, ctx)
    bound = [s.toString(NATIVE) for a in win.findChildren(QAction) for s in a.shortcuts()]
    bound += [s.key().toString(NATIVE) for s in win.findChildren(QShortcut) if s.isEnabled()]
    bound = [key for key in bound if key]
    assert "Ctrl+Q" in bound and "Ctrl+1" in bound  # a menu key and a console hotkey

    dialog = win.help_menu.open_shortcuts()
    qtbot.waitUntil(dialog.isVisible)
    assert sorted(dialog.bound_keys()) == sorted(bound)
    described = [dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())]
    assert all(described), [k for k, d in zip(dialog.bound_keys(), described, strict=True) if not d]
    dialog.reject()

    # Rebinding (Settings) changes the list: it is read from the shortcuts, not a copy.
    keys = win.settings.hotkeys
    from dataclasses import replace

    win.bind_hotkeys(replace(keys, take="F9"))
    dialog = win.help_menu.open_shortcuts()
    assert "F9" in dialog.bound_keys()
    dialog.reject()
