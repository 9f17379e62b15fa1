"""The console's keys: bound as window shortcuts, routed to the console or back to the form.

The words keep the window's translation context (its Help ▸ Keyboard shortcuts lists them).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication

from hostdesk.config import HotkeySettings

if TYPE_CHECKING:
    from hostdesk.ui.main_window import MainWindow

SLOTS = range(1, 10)
# The only console keys that still act while the sign-up form has the focus: the panic clear
# and the host's presenter clicker. Every other key belongs to the form (Enter saves it).
OVERLAY_KEYS_IN_FORM = {Qt.Key.Key_Escape, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


class HotkeyRouter(QObject):
    """Owns the window's console shortcuts; `bind` (re)binds them from the settings."""

    def __init__(self, win: MainWindow):
        super().__init__(win)
        self._win = win
        self.shortcuts: list[QShortcut] = []

    def bind(self, keys: HotkeySettings) -> None:
        """(Re)bind the console keys; they work anywhere in the window but typing fields."""
        win = self._win
        for shortcut in self.shortcuts:
            shortcut.setEnabled(False)
            shortcut.deleteLater()
        self.shortcuts = []

        def bind(text: str, slot, what: str) -> None:
            for sequence in QKeySequence.listFromString(text):
                if sequence.isEmpty():
                    continue
                shortcut = QShortcut(sequence, win)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.setAutoRepeat(False)  # a held key must not fire take after take
                shortcut.setWhatsThis(what)  # its line in Help ▸ Keyboard shortcuts
                shortcut.activated.connect(partial(self._on_hotkey, slot, sequence))
                self.shortcuts.append(shortcut)

        bind(
            keys.take,
            self._on_take_key,
            QCoreApplication.translate("MainWindow", "Take the preview"),
        )
        bind(
            keys.next,
            lambda _s: win.console.take_next(+1),
            QCoreApplication.translate("MainWindow", "Next job"),
        )
        bind(
            keys.previous,
            lambda _s: win.console.take_next(-1),
            QCoreApplication.translate("MainWindow", "Previous job"),
        )
        bind(
            keys.clear,
            lambda _s: win.console.clear(),
            QCoreApplication.translate("MainWindow", "Clear the overlay"),
        )
        rotate = win.rundown_panel.rotate_box
        bind(
            keys.rotate,
            lambda _s: rotate.toggle(),
            QCoreApplication.translate("MainWindow", "Auto-rotate on or off"),
        )
        for slot in SLOTS:
            bind(str(slot), partial(self._on_slot_key, slot),
                 QCoreApplication.translate("MainWindow", "Preview rundown slot {slot}").format(slot=slot))  # fmt: skip
            bind(f"Ctrl+{slot}", partial(self._on_slot_take_key, slot),
                 QCoreApplication.translate("MainWindow", "Take rundown slot {slot}").format(slot=slot))  # fmt: skip

    def _on_hotkey(self, slot, sequence: QKeySequence) -> None:
        """A console key; in the sign-up panel only the overlay's panic and clicker keys act."""
        panel = self._win.registration_panel
        combo = sequence[0]
        if not panel.owns_focus() or (
            combo.key() in OVERLAY_KEYS_IN_FORM
            and combo.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
        ):
            slot(sequence)
            return
        if combo.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if panel.form.isAncestorOf(QApplication.focusWidget()):
                panel.form.submit()
            return
        # The shortcut took the key from the focused field: give it back (a combo box opens
        # on Space, a table moves on the arrows).
        text = chr(combo.key()) if combo.key() < 0x7F and not combo.keyboardModifiers() else ""
        press = QKeyEvent(QKeyEvent.Type.KeyPress, combo.key(), combo.keyboardModifiers(), text)
        for shortcut in self.shortcuts:  # or the key would fire this shortcut again
            shortcut.setEnabled(False)
        try:
            QApplication.sendEvent(QApplication.focusWidget(), press)
        finally:
            for shortcut in self.shortcuts:
                shortcut.setEnabled(True)

    def _on_take_key(self, sequence: QKeySequence) -> None:
        enter = sequence[0].key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self._win.catalogue_panel.has_focus():
            self._win.catalogue_panel.activate_current()  # Enter in the catalogue adds, not takes
            return
        self._win.console.take_cued()

    def _on_slot_key(self, slot: int, _sequence) -> None:
        if self._win.console.cue_slot(slot):
            self._win.rundown_panel.select_row(slot - 1)
            self._win.rundown_panel.view.setFocus()
        else:
            self._win.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Slot {slot} is empty").format(slot=slot),
                4000,
            )

    def _on_slot_take_key(self, slot: int, _sequence) -> None:
        self._win.console.take_slot(slot)
