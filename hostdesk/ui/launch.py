"""Starting the desktop window: the application object, translations, the store, the window."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from hostdesk import app, config, i18n, messages
from hostdesk.private_files import private_dir
from hostdesk.ui import single_instance, tasks
from hostdesk.ui.gc_guard import GuiThreadGarbageCollector
from hostdesk.ui.main_window import MainWindow
from hostdesk.ui.style import apply_console_style

if TYPE_CHECKING:
    from hostdesk.ui.first_run import FirstRunGuide

CHECKPOINT_EVERY_MS = 30_000
RETENTION_EVERY_MS = 6 * 3600 * 1000
SYNC_START_LATEST_MS = 5_000


def first_run(window: MainWindow, ctx: app.AppContext) -> FirstRunGuide:
    """The short guide (OBS, then a catalogue); the catalogue loads once it closes.

    Closed without finishing, the demo catalogue loads so the window is not blank, and
    the guide comes back next time.
    """
    from hostdesk.ui.first_run import FirstRunGuide  # only ever needed once

    guide = FirstRunGuide(ctx.settings, ctx.data_dir, parent=window)
    guide.settings_saved.connect(window.apply_settings)
    guide.notice.connect(window.show_notice)

    def on_finished(result: int) -> None:
        choice = guide.choice() if result == QDialog.DialogCode.Accepted else "demo"
        window.load_catalogue(demo_on_first_run=choice == "demo")
        if choice == "import":
            window.open_import_wizard()

    guide.finished.connect(on_finished)
    guide.open()
    return guide


def start_sync_after_first_listing(window: MainWindow) -> None:
    """The hub's worker is built once the catalogue is first listed, or after a few seconds
    (a first run's guide, a failed read). Built beside the first read, it only took turns
    with it for Python's lock: the operator waited longer for the job list, and the hub for
    nothing (bench/RESULTS.md, start-up)."""
    started = False

    def start(*_args) -> None:
        nonlocal started
        if not started:
            started = True
            window.start_sync()

    window.catalogue_loaded.connect(start)
    QTimer.singleShot(SYNC_START_LATEST_MS, window, start)


def launch(data_dir: Path, language: str | None = None) -> int:
    qt_app = QApplication.instance() or QApplication(sys.argv)
    qt_app.setApplicationName("HostDesk")
    qt_app.setApplicationDisplayName("HostDesk")
    collector = GuiThreadGarbageCollector(qt_app)  # before any worker thread starts
    apply_console_style(qt_app)
    private_dir(data_dir)  # owner-only (0700) before the lock file and the log go in
    app.setup_logging(data_dir)
    loaded = config.load_settings(data_dir)
    i18n.install(language or loaded[0].general.language)
    try:  # before the store opens: one writer per data folder
        guard = single_instance.claim(data_dir)
    except single_instance.InstanceBusyError:
        QMessageBox.critical(None, "HostDesk", single_instance.busy_message(data_dir))
        return 1
    if guard is None:  # the running instance came forward instead
        single_instance.say(single_instance.forwarded_message())
        return 0
    try:
        ctx = app.build(data_dir, loaded)
    except app.store_errors() as exc:
        QMessageBox.critical(None, "HostDesk", messages.store_problem(exc))
        return 1
    window = MainWindow(
        ctx.catalogue,
        [messages.settings_warning(w) for w in ctx.settings_warnings],
        onair=app.build_onair(ctx),
        sessions=ctx.sessions,
        settings=ctx.settings,
        link_factory=app.build_link,
        registrations=ctx.registrations,
        # Settings saved in the window replace ctx's: the worker is built with the new ones.
        sync_factory=lambda settings, on_status: app.build_sync(
            dataclasses.replace(ctx, settings=settings), on_status
        ),
        sync_stores=app.build_sync_stores(ctx),
        reports=app.build_reports(ctx),
    )
    guard.bring_forward_on_request(window)
    # The reads start before the window is shown: they run on workers while it paints.
    if ctx.settings.general.first_run_done:
        window.load_catalogue()
    window.load_session()
    window.show()
    if not ctx.settings.general.first_run_done:
        first_run(window, ctx)  # parented to the window, which keeps it
    window.start_obs_link()
    # WAL checkpoints off the save path, so a sign-up's commit never pays for one.
    checkpoints = QTimer(window)
    checkpoints.setInterval(CHECKPOINT_EVERY_MS)
    checkpoints.timeout.connect(lambda: tasks.run(ctx.db.checkpoint, lambda _r: None))
    checkpoints.start()

    # Retention: at start and every few hours, off the GUI thread, on the writer lane.
    def purge() -> None:
        tasks.run_serial(lambda: app.run_retention(ctx), lambda _n: None)

    retention = QTimer(window)
    retention.setInterval(RETENTION_EVERY_MS)
    retention.timeout.connect(purge)
    retention.start()
    purge()
    start_sync_after_first_listing(window)
    try:
        return qt_app.exec()
    finally:
        window.stop_obs_link()
        window.stop_sync()
        tasks.wait_idle()
        ctx.close()
        guard.release()
        del window
        collector.stop()
        # Destroy Qt's objects now, in order, not in the interpreter's final GC pass.
        qt_app.shutdown()
