"""The 帮助 menu: the user guide (offline), the window's shortcuts as bound, and About."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

import hostdesk

CHECKOUT_GUIDE = Path(__file__).resolve().parents[2] / "docs" / "user-guide.md"
FONT_LICENCE = "SIL Open Font License 1.1"


def guide_path() -> Path:
    """docs/user-guide.md: in the bundle (build.spec ships it) or in a checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) / "docs" / "user-guide.md" if frozen else CHECKOUT_GUIDE


def bound_shortcuts(window: QMainWindow) -> list[tuple[str, str]]:
    """(what it does, key) for every enabled QAction/QShortcut the window holds, as bound now."""
    rows: list[tuple[str, str]] = []
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            if not key.isEmpty():
                rows.append((action.text().replace("&", ""), key.toString(_NATIVE)))
    for shortcut in window.findChildren(QShortcut):
        if shortcut.isEnabled() and not shortcut.key().isEmpty():
            rows.append((shortcut.whatsThis(), shortcut.key().toString(_NATIVE)))
    return rows


_NATIVE = QKeySequence.SequenceFormat.NativeText


class ShortcutsDialog(QDialog):
    """快捷键: a table built from the window's own shortcut objects, so it cannot drift."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = bound_shortcuts(window)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Does")])
        for row, (what, key) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(key))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(480, 520)

    def bound_keys(self) -> list[str]:
        return [self.table.item(row, 0).text() for row in range(self.table.rowCount())]


class HelpMenu(QObject):
    """Adds 帮助 to the window's menu bar; the dialogs it opens are kept for tests."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self._window = window
        menu = window.menuBar().addMenu(self.tr("&Help"))
        self.menu = menu
        self.guide_action = menu.addAction(self.tr("User guide"), self.open_guide)
        self.shortcuts_action = menu.addAction(self.tr("Keyboard shortcuts"), self.open_shortcuts)
        menu.addSeparator()
        self.about_action = menu.addAction(self.tr("About HostDesk"), self.open_about)
        self.dialog: QDialog | None = None

    def open_guide(self) -> bool:
        """Open the local guide in the system's viewer (no network); say so if it is missing."""
        path = guide_path()
        if path.is_file() and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return True
        self._message(
            self.tr("User guide"), self.tr("The user guide was not found: {path}").format(path=path)
        )
        return False

    def open_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self._window)
        self._keep(dialog)
        return dialog

    def about_text(self) -> str:
        return self.tr(
            "HostDesk {version}\n\nJob cards and the QR captions use HostDesk Sans, made from "
            "Noto Sans CJK SC by Adobe, under the {licence} (OFL.txt beside the fonts)."
        ).format(version=hostdesk.__version__, licence=FONT_LICENCE)

    def open_about(self) -> QMessageBox:
        return self._message(self.tr("About HostDesk"), self.about_text())

    def _message(self, title: str, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self._window)
        self._keep(box)
        return box

    def _keep(self, dialog: QDialog) -> None:
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
