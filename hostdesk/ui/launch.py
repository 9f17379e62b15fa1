"""Starting the desktop window: the application object, translations, the store, the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from hostdesk import app, config, i18n, messages
from hostdesk.store.migrations import SchemaTooNewError
from hostdesk.store.pragmas import PragmaError
from hostdesk.ui.gc_guard import GuiThreadGarbageCollector
from hostdesk.ui.main_window import MainWindow


def launch(data_dir: Path, language: str | None = None) -> int:
    qt_app = QApplication.instance() or QApplication(sys.argv)
    qt_app.setApplicationName("HostDesk")
    qt_app.setApplicationDisplayName("HostDesk")
    collector = GuiThreadGarbageCollector(qt_app)  # before any worker thread starts
    data_dir.mkdir(parents=True, exist_ok=True)
    app.setup_logging(data_dir)
    loaded = config.load_settings(data_dir)
    i18n.install(language or loaded[0].general.language)
    try:
        ctx = app.build(data_dir, loaded)
    except PragmaError as exc:
        text = messages.store_error("pragma", str(exc.path), f"{exc.pragma}={exc.found}")
        QMessageBox.critical(None, "HostDesk", text)
        return 1
    except SchemaTooNewError as exc:
        QMessageBox.critical(
            None, "HostDesk", messages.store_error("schema_too_new", str(exc.path))
        )
        return 1
    window = MainWindow(
        ctx.catalogue, [messages.settings_warning(w) for w in ctx.settings_warnings]
    )
    window.show()
    window.load_catalogue(demo_on_first_run=True)
    try:
        return qt_app.exec()
    finally:
        from hostdesk.ui import tasks

        tasks.wait_idle()
        ctx.close()
        del window
        collector.stop()
        # Destroy Qt's objects now, in order, not in the interpreter's final GC pass.
        qt_app.shutdown()
