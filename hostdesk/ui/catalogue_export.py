"""Exporting the catalogue from the window: a save dialog, the writing on a worker, a message."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from hostdesk import messages
from hostdesk.services.catalogue import CatalogueService
from hostdesk.sheets.reader import SheetError
from hostdesk.ui import tasks

SUFFIXES = (".xlsx", ".csv")


class CatalogueExport(QObject):
    """One export: ask for a file, write it off the GUI thread, then say what happened.

    The message box is opened, not exec'd, so the window keeps running meanwhile.
    """

    finished = Signal(bool, str)  # succeeded, the message shown

    def __init__(self, parent: QWidget, catalogue: CatalogueService):
        super().__init__(parent)
        self._parent = parent
        self._catalogue = catalogue
        self.message_box: QMessageBox | None = None

    def ask_and_export(self) -> bool:
        """Ask where to save; False when the user cancelled the dialog."""
        xlsx, csv = self.tr("Excel workbook (*.xlsx)"), self.tr("CSV, UTF-8 (*.csv)")
        name, chosen = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Export the catalogue"),
            self.tr("jobs.xlsx"),
            f"{xlsx};;{csv}",
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() not in SUFFIXES:  # the filter chosen decides a missing suffix
            path = path.with_name(path.name + (".csv" if chosen == csv else ".xlsx"))
        self.export_to(path)
        return True

    def export_to(self, path: Path) -> None:
        """Write the catalogue to `path` (.xlsx or .csv by its suffix) on a worker."""
        catalogue = self._catalogue
        path = Path(path)
        tasks.run(
            lambda: catalogue.export(path),
            lambda count: self._on_export_done(path, count),
            self._on_export_failed,
        )

    def _on_export_done(self, path: Path, count: int) -> None:
        text = self.tr("{count} jobs exported to {file}").format(count=count, file=str(path))
        self._show(QMessageBox.Icon.Information, self.tr("Catalogue exported"), text)
        self.finished.emit(True, text)

    def _on_export_failed(self, exc: Exception) -> None:
        if isinstance(exc, SheetError):
            text = messages.sheet_error(exc)
        else:
            text = self.tr("The catalogue could not be exported ({detail})").format(
                detail=f"{type(exc).__name__}: {exc}"
            )
        self._show(QMessageBox.Icon.Warning, self.tr("Export failed"), text)
        self.finished.emit(False, text)

    def _show(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        self.message_box = QMessageBox(
            icon, title, text, QMessageBox.StandardButton.Ok, self._parent
        )
        # Qt's own button texts are not translated in the app.
        self.message_box.button(QMessageBox.StandardButton.Ok).setText(self.tr("OK"))
        self.message_box.open()


def export_catalogue(parent: QWidget, catalogue: CatalogueService) -> CatalogueExport:
    """File → Export: the save dialog, then the export; the returned object reports the end.

    It deletes itself once done (or when the dialog was cancelled): connect to `finished`
    right away rather than keeping it.
    """
    export = CatalogueExport(parent, catalogue)
    export.finished.connect(export.deleteLater)
    if not export.ask_and_export():
        export.deleteLater()
    return export
