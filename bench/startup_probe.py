"""Child process for bench_catalogue: hostdesk.ui.launch.launch's steps (as of b094f27), each printed."""

from __future__ import annotations

import sys


def mark(phase: str, detail: object = "") -> None:
    print(f"{phase}\t{detail}", flush=True)  # the parent timestamps each line as it arrives


def main() -> int:
    # The same imports as `python -m hostdesk` with no arguments: cli -> app.run_gui -> ui.launch.
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from hostdesk import (
        app,
        cli,  # noqa: F401
        config,
        i18n,
        messages,
    )
    from hostdesk.ui import (
        launch,  # noqa: F401
        tasks,
    )
    from hostdesk.ui.gc_guard import GuiThreadGarbageCollector
    from hostdesk.ui.main_window import MainWindow

    mark("imported")
    data_dir = config.resolve_data_dir()  # HOSTDESK_DATA_DIR, set by the parent
    qt_app = QApplication(sys.argv)
    qt_app.setApplicationName("HostDesk")
    qt_app.setApplicationDisplayName("HostDesk")
    collector = GuiThreadGarbageCollector(qt_app)  # as launch(): before any worker starts
    data_dir.mkdir(parents=True, exist_ok=True)
    app.setup_logging(data_dir)
    loaded = config.load_settings(data_dir)
    i18n.install(loaded[0].general.language)
    mark("qapp+i18n")
    ctx = app.build(data_dir, loaded)
    mark("store opened")
    window = MainWindow(
        ctx.catalogue, [messages.settings_warning(w) for w in ctx.settings_warnings]
    )
    mark("window built")

    model = window.model

    def on_loaded(count: int) -> None:
        mark("catalogue loaded", f"{count} {model.rowCount()}")
        qt_app.quit()

    window.catalogue_loaded.connect(on_loaded)
    QTimer.singleShot(120_000, lambda: (mark("timeout"), qt_app.exit(1)))
    window.show()
    window.load_catalogue(demo_on_first_run=True)  # as launch() does: right after show()
    qt_app.processEvents()  # the first expose and paint; the worker thread is reading meanwhile
    mark("window shown", window.windowHandle().isExposed())
    try:
        return qt_app.exec()
    finally:
        tasks.wait_idle()
        ctx.close()
        del window
        collector.stop()
        qt_app.shutdown()


if __name__ == "__main__":
    sys.exit(main())
