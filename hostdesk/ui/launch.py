"""Starting the desktop window: the application object, translations, the store, the window."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from functools import partial
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
INTERACTIVE_AT_LATEST_MS = 5_000  # a failed first read must not leave OBS and sync unstarted


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


def when_interactive(window: MainWindow, then: Callable[[], None]) -> None:
    """Call `then` once the job list and tonight's show are both loaded (the operator can act),
    or after INTERACTIVE_AT_LATEST_MS if a read failed, so the link and sync always start."""
    waiting = {"catalogue", "session"}
    fired = False

    def loaded(part: str) -> None:
        waiting.discard(part)
        if not waiting:
            fire()

    def fire() -> None:
        nonlocal fired
        if not fired:
            fired = True
            then()

    window.catalogue_loaded.connect(lambda _count: loaded("catalogue"))
    window.session_loaded.connect(lambda _id: loaded("session"))
    QTimer.singleShot(INTERACTIVE_AT_LATEST_MS, window, fire)


def start_background(window: MainWindow, ctx: app.AppContext) -> None:
    """The OBS link, sync to the hub, retention and WAL checkpoints.

    Started once the window is interactive: their imports and first reads (the HTTP and
    obs-websocket libraries, the outbox, the purge) otherwise take the CPU and Python's lock
    from the job list's first read on a 2-core PC. Nothing is lost by the wait: the link makes
    OBS match the job meant to be on air whenever it connects.
    """
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
    window.start_sync()


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
    window.show()
    if ctx.settings.general.first_run_done:
        when_interactive(window, partial(start_background, window, ctx))
        window.load_catalogue()
    else:
        first_run(window, ctx)  # parented to the window, which keeps it
        start_background(window, ctx)  # the guide tests OBS: nothing to wait for
    window.load_session()
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
