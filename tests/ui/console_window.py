"""Opening the full host console for a test: every service wired, catalogue and session loaded."""

from __future__ import annotations

from PySide6.QtTest import QTest

from hostdesk import app
from hostdesk.ui.main_window import MainWindow


def open_console(qtbot, ctx, *, link_factory=None, active: bool = True) -> MainWindow:
    """The window launch() builds, shown (and active, so window shortcuts fire), loaded."""
    win = MainWindow(
        ctx.catalogue, [], onair=app.build_onair(ctx), sessions=ctx.sessions,
        settings=ctx.settings, link_factory=link_factory, registrations=ctx.registrations,
    )  # fmt: skip
    qtbot.addWidget(win)
    win.show()
    if active:
        win.activateWindow()
        QTest.qWaitForWindowActive(win)
    with qtbot.waitSignals([win.catalogue_loaded, win.session_loaded], timeout=15_000):
        win.load_catalogue(demo_on_first_run=True)
        win.load_session()
    return win


def wire_sync(win: MainWindow, ctx, factory) -> None:
    """The sync launch() gives the window, built by `factory(settings, on_status)`; started."""
    win.sync._factory = factory
    win.sync._outbox, win.sync._hub = app.build_sync_stores(ctx)
    win._sync_factory = factory
    win.start_sync()
