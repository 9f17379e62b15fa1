"""The host console window's layout: its three columns, the status bar and the menus.

Built on the window (`MainWindow` keeps the widgets as attributes, named for the tests and
the benches); the words keep the window's translation context.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hostdesk.ui.help_menu import HelpMenu
from hostdesk.ui.obs_control import ObsControl
from hostdesk.ui.status_widgets import ObsStatusWidget
from hostdesk.ui.sync_status import SyncControl, SyncStatusWidget

if TYPE_CHECKING:
    from hostdesk.ui.main_window import MainWindow


def group(title: str, *widgets) -> QGroupBox:
    """A titled box holding `widgets` (and layouts) one under another."""
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for widget in widgets:
        layout.addWidget(widget) if isinstance(widget, QWidget) else layout.addLayout(widget)
    return box


def build_layout(win: MainWindow) -> None:
    """The three columns: catalogue and sign-ups, tonight's rundown, the two monitors."""
    buttons = QHBoxLayout()
    buttons.addWidget(win.take_button, 2)
    buttons.addWidget(win.clear_button, 1)
    monitors = QWidget()
    right = QVBoxLayout(monitors)
    right.setContentsMargins(0, 0, 0, 0)
    right.addWidget(
        group(
            QCoreApplication.translate("MainWindow", "Preview"), win.preview_view, win.warnings_list
        ),
        1,
    )
    right.addLayout(buttons)
    on_air_row = QHBoxLayout()
    on_air_row.addWidget(win.ack_label, 1)
    on_air_row.addWidget(win.counter_box)
    on_air = group(
        QCoreApplication.translate("MainWindow", "On air"),
        win.onair_view,
        on_air_row,
        win.link_label,
    )
    right.addWidget(on_air, 1)

    splitter = QSplitter(Qt.Orientation.Horizontal)
    win.left_tabs = QTabWidget()
    win.left_tabs.setObjectName("left_tabs")
    win.left_tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab walks fields, not tabs
    win.left_tabs.addTab(
        win.catalogue_panel, QCoreApplication.translate("MainWindow", "Job catalogue")
    )
    win.left_tabs.addTab(
        win.registration_panel, QCoreApplication.translate("MainWindow", "Sign-ups")
    )
    splitter.addWidget(win.left_tabs)
    splitter.addWidget(
        group(QCoreApplication.translate("MainWindow", "Tonight's rundown"), win.rundown_panel)
    )
    splitter.addWidget(monitors)
    splitter.setSizes([560, 330, 550])

    central = QWidget()
    layout = QVBoxLayout(central)
    layout.addWidget(win.banner)
    layout.addWidget(win.withdrawn_banner)
    layout.addWidget(win.session_bar)
    layout.addWidget(splitter, 1)
    win.setCentralWidget(central)


def build_status_bar(win: MainWindow) -> None:
    """OBS and sync state on the left, the job count and the clock on the right."""
    win.obs_status = ObsStatusWidget()
    win.obs = ObsControl(win.console.onair, win._link_factory, win.obs_status, win)
    win.sync_status = SyncStatusWidget()
    win.sync_status.setObjectName("sync")
    outbox, hub = win._sync_stores
    win.sync = SyncControl(
        win._sync_factory, win.sync_status, outbox=outbox, hub=hub,
        registrations=win._registrations, parent=win,
    )  # fmt: skip
    if hub is not None:  # a take of a job the hub lacks publishes it first (never waits)
        from hostdesk.services.take_publish import TakePublishing

        win.console.take_publishing = TakePublishing.for_hub(hub, win.sync.publish_soon)
    win.count_label = QLabel(QCoreApplication.translate("MainWindow", "Loading jobs…"))
    bar = win.statusBar()
    bar.addWidget(win.obs_status)
    bar.addWidget(win.sync_status)
    bar.addPermanentWidget(win.count_label)
    bar.addPermanentWidget(win.session_bar.clock_label)


def action(win: MainWindow, menu, text: str, slot, key: str | None = None) -> QAction:
    action = QAction(text, win)
    if key:
        action.setShortcut(QKeySequence(key))
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_menu(win: MainWindow) -> None:
    """File, Jobs, Live and Help."""
    bar = win.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    win.import_action = action(
        win,
        file_menu,
        QCoreApplication.translate("MainWindow", "&Import job sheet…"),
        win.open_import_wizard,
        "Ctrl+I",
    )
    action(win,
        file_menu, QCoreApplication.translate("MainWindow", "&Export catalogue…"),
        win.export_catalogue,
    )  # fmt: skip
    file_menu.addSeparator()
    action(
        win,
        file_menu,
        QCoreApplication.translate("MainWindow", "&Settings…"),
        win.open_settings,
        "Ctrl+,",
    )
    file_menu.addSeparator()
    quit_action = action(
        win, file_menu, QCoreApplication.translate("MainWindow", "&Quit"), win.request_quit
    )
    # Ctrl+Q everywhere (Cmd+Q on a Mac): Qt's standard Quit key is empty on Windows.
    quit_action.setShortcut(QKeySequence("Ctrl+Q"))

    jobs = bar.addMenu(QCoreApplication.translate("MainWindow", "&Jobs"))
    action(
        win,
        jobs,
        QCoreApplication.translate("MainWindow", "Find a job"),
        win.focus_search,
        "Ctrl+F",
    )
    jobs.addSeparator()
    for mode, text, key in (
        ("new", QCoreApplication.translate("MainWindow", "&New job…"), "Ctrl+N"),
        ("edit", QCoreApplication.translate("MainWindow", "&Edit job…"), "Ctrl+E"),
        ("duplicate", QCoreApplication.translate("MainWindow", "&Duplicate job…"), "Ctrl+D"),
        ("close", QCoreApplication.translate("MainWindow", "&Close job"), None),
    ):
        action(win, jobs, text, partial(win._on_job_action_triggered, mode), key)
    jobs.addSeparator()
    # 发布到中心: the catalogue to the hub now, on a worker (hostdesk/ui/publish_now.py).
    win.publish_action = action(
        win, jobs, QCoreApplication.translate("MainWindow", "Publish to the hub"), win.publish_now
    )
    win.publish_action.setEnabled(win._sync_stores[1] is not None)

    live = bar.addMenu(QCoreApplication.translate("MainWindow", "&Live"))
    action(
        win,
        live,
        QCoreApplication.translate("MainWindow", "Take the preview"),
        win.console.take_cued,
    )
    action(
        win,
        live,
        QCoreApplication.translate("MainWindow", "Next job"),
        lambda: win.console.take_next(+1),
    )
    action(
        win,
        live,
        QCoreApplication.translate("MainWindow", "Previous job"),
        lambda: win.console.take_next(-1),
    )
    action(
        win, live, QCoreApplication.translate("MainWindow", "Clear the overlay"), win.console.clear
    )
    live.addSeparator()
    action(
        win,
        live,
        QCoreApplication.translate("MainWindow", "Start or stop the session…"),
        win.session_bar.start_or_stop,
    )
    report = action(
        win,
        live,
        QCoreApplication.translate("MainWindow", "Show report…"),
        lambda: win.open_show_report(),
    )
    report.setEnabled(win._reports is not None)
    live.addSeparator()
    action(
        win,
        live,
        QCoreApplication.translate("MainWindow", "Sign-up form"),
        win.focus_registration_form,
        "Ctrl+L",
    )
    win.help_menu = HelpMenu(win)  # 帮助: guide, the shortcuts as bound, About
