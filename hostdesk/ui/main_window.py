"""The host console: catalogue, tonight's rundown, preview and on-air monitors, hotkeys, status."""

from __future__ import annotations

import copy
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
)

from hostdesk import config, messages
from hostdesk.config import HotkeySettings, Settings
from hostdesk.core.jobs import Job
from hostdesk.core.look import Look
from hostdesk.core.sessions import Session, SessionState
from hostdesk.services.catalogue import CatalogueService
from hostdesk.services.obs_state import ObsLink
from hostdesk.services.onair import OnAirService, scannable
from hostdesk.services.onair_look import build_look
from hostdesk.services.sessions import SessionService
from hostdesk.ui import console_layout, tasks, window_wiring
from hostdesk.ui.catalogue_panel import CataloguePanel
from hostdesk.ui.console import NO_ANSWER, Console
from hostdesk.ui.hotkey_router import HotkeyRouter
from hostdesk.ui.obs_control import LinkFactory
from hostdesk.ui.overlay_view import OverlayView
from hostdesk.ui.registration_panel import RegistrationPanel
from hostdesk.ui.rundown_panel import RundownPanel
from hostdesk.ui.session_bar import SessionBar
from hostdesk.ui.sync_status import SyncFactory
from hostdesk.ui.withdrawn_banner import WithdrawnBanner

if TYPE_CHECKING:
    from hostdesk.services.registrations import RegistrationService
    from hostdesk.services.show_reports import ShowReports
    from hostdesk.ui.import_wizard import ImportWizard
    from hostdesk.ui.job_editor import JobEditorDialog
    from hostdesk.ui.settings_dialog import SettingsDialog
    from hostdesk.ui.show_report_dialog import ShowReportDialog

# A changed auto-rotate interval is saved once the spin box has been still this long, so
# holding an arrow key does not queue a settings write per step on the writer lane.
SAVE_ROTATE_AFTER_MS = 800


class MainWindow(QMainWindow):
    catalogue_loaded = Signal(int)  # number of jobs now shown
    session_loaded = Signal(str)  # the current session's id

    def __init__(
        self,
        catalogue: CatalogueService,
        notices: list[str] = (),
        *,
        onair: OnAirService | None = None,
        sessions: SessionService | None = None,
        settings: Settings | None = None,
        link_factory: LinkFactory | None = None,
        registrations: RegistrationService | None = None,
        sync_factory: SyncFactory | None = None,
        sync_stores: tuple | None = None,  # (outbox, hub) repositories, read on workers
        reports: ShowReports | None = None,
    ):
        super().__init__()
        self._link_factory = link_factory  # may block (keyring): called on a worker
        self._sync_factory, self._sync_stores = sync_factory, sync_stores or (None, None)
        self._registrations = registrations
        self._reports = reports
        self.publisher = None  # PublishNow, made at the first 发布到中心
        self.report_dialog: ShowReportDialog | None = None
        self._catalogue = catalogue
        self._sessions = sessions
        self.settings = settings or Settings()
        self._catalogue_reads = 0  # the newest catalogue read started; see load_catalogue
        # Start-up: once the catalogue and the show are both in, the job a quit or a crash
        # left on air goes back on air (console.restore); None once that was done.
        self._restore_waits: set[str] | None = {"catalogue", "session"}
        self.setWindowTitle(self.tr("HostDesk – live recruitment assistant"))
        self.resize(1440, 860)

        self.console = Console(onair, self)
        self.console.confirm = self._confirm_warnings

        self.banner = QLabel("\n".join(notices))
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background:#5c4400;color:#ffe8a3;padding:6px;")
        self.banner.setVisible(bool(notices))
        # Jobs the hub dropped during a show: loud, with keep / close for each (issue 15).
        self.withdrawn_banner = WithdrawnBanner()

        self.catalogue_panel = CataloguePanel()
        # The panel's parts, named as before for tests and the benches.
        panel = self.catalogue_panel
        self.model, self.proxy, self.table = panel.model, panel.proxy, panel.table
        self.search, self.status_filter, self.city_filter = (
            panel.search, panel.status_filter, panel.city_filter)  # fmt: skip
        self.rundown_panel = RundownPanel()
        self.rundown_panel.rotate_seconds.setValue(self.settings.rundown.rotate_seconds)
        self._rotate_save = QTimer(self)
        self._rotate_save.setSingleShot(True)
        self._rotate_save.setInterval(SAVE_ROTATE_AFTER_MS)
        self._rotate_save.timeout.connect(self._save_settings)
        # Asked before Ctrl+Q or the close button ends a live show (tests replace it).
        self.confirm_quit = self._ask_quit

        self.preview_view = OverlayView("#3ecf8e")
        self.preview_view.setObjectName("preview")
        self.onair_view = OverlayView("#e5484d")
        self.onair_view.setObjectName("on_air")
        self.warnings_list = QListWidget()
        self.warnings_list.setObjectName("warnings_list")
        self.warnings_list.setMaximumHeight(110)
        self.take_button = QPushButton(self.tr("TAKE (Space)"))
        self.take_button.setObjectName("take")
        self.take_button.setMinimumHeight(56)
        self.take_button.setStyleSheet(
            "QPushButton{background:#c62828;color:white;font-size:20px;font-weight:bold;"
            "border-radius:6px;} QPushButton:pressed{background:#8e0000;}"
        )
        self.clear_button = QPushButton(self.tr("Clear (Esc)"))
        self.clear_button.setObjectName("clear")
        self.clear_button.setMinimumHeight(56)
        for button in (self.take_button, self.clear_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must never "click" them
        self.ack_label = QLabel()
        self.ack_label.setObjectName("ack")
        # The exact link behind the QR code on air: selectable, to paste into the comments.
        self.link_label = QLabel()
        self.link_label.setObjectName("signup_link")
        self.link_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.link_label.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space stays the take key
        # The live sign-up counter on the overlay (已报名 N 人 and the newest sign-up).
        self.counter_box = QCheckBox(self.tr("Sign-up counter"))
        self.counter_box.setObjectName("show_counter")
        self.counter_box.setToolTip(
            self.tr("Show how many have signed up for the job on air, and the newest sign-up")
        )
        self.counter_box.setChecked(self.settings.overlay.show_counter)
        self.counter_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space is the take key
        self.console.set_counter_enabled(self.settings.overlay.show_counter)

        self.session_bar = SessionBar(sessions)
        self.session_bar.default_host = self.settings.session.host
        self.registration_panel = RegistrationPanel(registrations, self.settings.data_dir)
        if sessions is not None:  # the sign-up export's "for an employer": shows and employers
            self.registration_panel.recent.export_sources = (
                sessions.repo.list_sessions, catalogue.repo.list_jobs)  # fmt: skip

        console_layout.build_layout(self)
        console_layout.build_status_bar(self)
        console_layout.build_menu(self)
        self.hotkeys = HotkeyRouter(self)
        self.bind_hotkeys(self.settings.hotkeys)
        window_wiring.wire(self)
        self.session_bar.host_used.connect(self._on_session_host_used)

    # -- building ------------------------------------------------------------------------

    def bind_hotkeys(self, keys: HotkeySettings) -> None:
        """(Re)bind the console keys; they work anywhere in the window but typing fields."""
        self.hotkeys.bind(keys)

    # -- OBS -----------------------------------------------------------------------------

    @property
    def link(self) -> ObsLink | None:
        return self.obs.link

    @property
    def canvas(self) -> tuple[int, int]:
        return self.obs.canvas

    def start_obs_link(self) -> None:
        """(Re)connect to OBS with the current settings, off the GUI thread."""
        self.obs.start(self.settings)

    def stop_obs_link(self) -> None:
        """The link lets go of OBS on a worker; `self.obs.stopped` says when it has."""
        self.obs.stop()

    def start_sync(self) -> None:
        """(Re)start sending to and pulling from the hub with the current settings."""
        self.sync.start(self.settings)

    def stop_sync(self) -> None:
        self.sync.stop()

    def _on_obs_canvas_changed(self, _canvas) -> None:
        self.obs.show_look(self.look())

    # -- loading -------------------------------------------------------------------------

    def load_catalogue(self, *, demo_on_first_run: bool = False) -> None:
        """Read (and lint) the catalogue on a worker thread; the window stays responsive."""
        catalogue, hub = self._catalogue, self.sync.hub
        # Reads run on a pool of two and may finish out of order: only the newest is shown,
        # so an older read never puts back what a later write (a resolved conflict) changed.
        self._catalogue_reads += 1
        read = self._catalogue_reads

        def work():
            if demo_on_first_run:
                catalogue.load_demo_if_empty()
            jobs = catalogue.repo.list_jobs()
            codes = hub.hub_codes() if hub is not None else None
            # The hub's public address, learnt with this PC's name.
            public = hub.public_url() if hub is not None else ""
            return jobs, catalogue.lint(jobs), codes, public

        tasks.run(work, partial(self._on_catalogue_read, read), self._on_task_failed)

    def _on_catalogue_read(self, read: int, result) -> None:
        if read != self._catalogue_reads:
            return  # a newer read is on its way
        jobs, warnings, self.console.hub_codes, self.console.hub_public_url = result
        self.catalogue_panel.set_jobs(jobs, warnings)
        self.console.set_catalogue(jobs, warnings)
        self.rundown_panel.model.set_catalogue(self.console.jobs)
        self._update_counts()
        self.catalogue_loaded.emit(len(jobs))
        self._restore_when_loaded("catalogue")

    def load_session(self) -> None:
        """Tonight's session and its rundown, read on a worker."""
        self.session_bar.load()

    def _on_session_loaded(self, session: Session, codes: list[str]) -> None:
        self.rundown_panel.model.set_codes(codes)
        self.console.set_rundown(codes)
        self._on_session_changed(session)
        self.session_loaded.emit(session.id)
        self._restore_when_loaded("session")

    def _restore_when_loaded(self, part: str) -> None:
        """Reopened mid-show: what was on air is put back, not left black (once per start)."""
        waits = self._restore_waits
        if waits is None:
            return
        waits.discard(part)
        session = self.session
        if not waits and session is not None:
            self._restore_waits = None
            if session.state is SessionState.LIVE:
                self.console.restore(session.id)

    def _on_session_changed(self, session: Session) -> None:
        """The session id is in every sign-up link: the overlay is drawn again for it."""
        onair = self.console.onair
        if onair is not None and onair.look.session != self.look().session:
            self.obs.show_look(self.look())

    def _keeps_ended_show(self, onair: OnAirService | None) -> bool:
        """After 结束直播 the card still on air keeps the ended show's link: its QR must not
        switch to the next show, not started yet. Once cleared, links follow the next show."""
        session = self.session
        return (
            onair is not None and bool(self.console.on_air_code) and bool(onair.look.session)
            and session is not None and session.state is not SessionState.LIVE
        )  # fmt: skip

    def _on_task_failed(self, exc: Exception) -> None:
        self.count_label.setText(messages.error_text(exc))

    @property
    def session(self) -> Session | None:
        return self.session_bar.session

    def _on_device_named(self, name: str) -> None:
        """The hub told this PC's name: the sign-up links name it, so codes are drawn again."""
        onair = self.console.onair
        if onair is not None and onair.look.device != name:
            self.obs.show_look(self.look(device=name))

    def look(self, device: str | None = None) -> Look:
        session = self.session.id if self.session else ""
        onair = self.console.onair
        if self._keeps_ended_show(onair):  # the card on air keeps its link (and its QR)
            session = onair.look.session
        if device is None:  # the name last shown stays until the hub tells another
            device = onair.look.device if onair is not None else ""
        return build_look(self.settings, self.canvas, session, device)

    # -- keys ----------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Ctrl+F: back to the search box from anywhere, ready to type over."""
        self.left_tabs.setCurrentWidget(self.catalogue_panel)
        self.search.setFocus()
        self.search.selectAll()

    def focus_registration_form(self) -> None:
        """Ctrl+L: the sign-up form's first field, from anywhere."""
        self.left_tabs.setCurrentWidget(self.registration_panel)
        self.registration_panel.form.focus_first()

    # -- catalogue and rundown -----------------------------------------------------------

    def _on_catalogue_job_activated(self, code: str) -> None:
        model = self.rundown_panel.model
        model.add([code])
        self.rundown_panel.select_code(code)
        self.rundown_panel.view.setFocus()

    def _on_catalogue_current_changed(self, code: str) -> None:
        if code:
            self.console.cue(code)

    def _on_rundown_changed(self, codes: list[str]) -> None:
        self.console.set_rundown(codes)
        sessions = self._sessions
        if sessions is not None:  # through the one writer lane: saves land in order
            tasks.run_serial(lambda: sessions.set_rundown(codes), lambda _r: None,
                             self._on_task_failed)  # fmt: skip

    def _on_rotate_toggled(self, on: bool) -> None:
        self.console.set_rotation(on, self.rundown_panel.rotate_seconds.value())

    def _on_rotate_seconds_changed(self, seconds: int) -> None:
        """The interval is remembered across restarts (saved once the box is still)."""
        if seconds == self.settings.rundown.rotate_seconds:
            return
        self.settings.rundown.rotate_seconds = seconds
        self._rotate_save.start()

    # -- quitting ------------------------------------------------------------------------

    def show_is_live(self) -> bool:
        """A session is live or a job is on air: quitting would leave the stream unattended."""
        session = self.session_bar.session
        live = session is not None and session.state is SessionState.LIVE
        return live or bool(self.console.on_air_code)

    def request_quit(self) -> bool:
        """Ctrl+Q (File ▸ Quit): during a live show only once the host has agreed."""
        if self.show_is_live() and not self.confirm_quit():
            return False
        return self.close()

    def _ask_quit(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Quit during the show?"),
            self.tr("The show is live. Quit HostDesk anyway? The hotkeys, the sign-up form and the counter stop until HostDesk is open again."),
            parent=self,
        )  # fmt: skip
        quit_button = box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep running"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)  # an Enter or Space typed ahead must not end the show
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is quit_button

    def closeEvent(self, event: QCloseEvent) -> None:
        # The title bar's close button asks like Ctrl+Q does; close() from code (shutdown,
        # request_quit after asking, tests) does not ask again.
        if event.spontaneous() and self.show_is_live() and not self.confirm_quit():
            event.ignore()
            return
        if self._rotate_save.isActive():  # a change still waiting: saved before the exit
            self._rotate_save.stop()
            self._save_settings()
        super().closeEvent(event)

    # -- settings ------------------------------------------------------------------------

    # The dialogs are imported when first opened: start-up only pays for the console.

    def open_settings(self) -> SettingsDialog:
        from hostdesk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.settings.data_dir, self)
        dialog.settings_saved.connect(self.apply_settings)
        dialog.language_changed.connect(self._on_settings_language_changed)
        dialog.notice.connect(self.show_notice)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def apply_settings(self, settings: Settings) -> None:
        """Saved settings take effect now: keys, rotation, the look of the overlay, OBS."""
        self.settings = settings
        self.bind_hotkeys(settings.hotkeys)
        self.rundown_panel.rotate_seconds.setValue(settings.rundown.rotate_seconds)
        self.obs.show_look(self.look())
        self.counter_box.blockSignals(True)
        self.counter_box.setChecked(settings.overlay.show_counter)
        self.counter_box.blockSignals(False)
        self.console.set_counter_enabled(settings.overlay.show_counter)
        self.obs.start(settings)  # a new URL or password: reconnect (cheap when unchanged)
        if self._sync_factory is not None:
            self.sync.start(settings)  # a new hub address or token: a new worker

    def _on_settings_language_changed(self, _language: str) -> None:
        # Every widget would have to rebuild its texts; a restart does it reliably.
        self.show_notice(self.tr("The new language is used from the next start of HostDesk."))

    def publish_now(self) -> bool:
        """Send the jobs the hub lacks now; the outcome is said when the worker is done."""
        hub = self._sync_stores[1]
        if hub is None:
            return False
        if self.publisher is None:
            from hostdesk.ui.publish_now import PublishNow

            self.publisher = PublishNow(hub, lambda: self.settings, self)
            self.publisher.finished.connect(self._on_published)
        if not self.publisher.start():
            return False
        self.publish_action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Publishing the jobs to the hub…"))
        return True

    def _on_published(self, text: str, ok: bool) -> None:
        self.publish_action.setEnabled(True)
        self.sync.poll()  # conflicts and the catalogue as the publish left them
        if ok:
            self.statusBar().showMessage(text, 10_000)
        else:  # conflicts or no hub: must not be missed
            self.statusBar().clearMessage()
            self.show_notice(text)

    def show_notice(self, text: str) -> None:
        """A message that must not be missed (unlike the status bar's): the banner."""
        current = self.banner.text()
        self.banner.setText(f"{current}\n{text}" if current and self.banner.isVisible() else text)
        self.banner.setVisible(True)

    def open_show_report(self, session_id: str | None = None) -> ShowReportDialog | None:
        """The report of a show (default: the newest), read and drawn off the GUI thread."""
        if self._reports is None:
            return None
        from hostdesk.ui.show_report_dialog import ShowReportDialog

        if self.report_dialog is not None:  # one report window: the newest request wins
            self.report_dialog.close()
        dialog = ShowReportDialog(self._reports, session_id, self)
        dialog.finished.connect(partial(self._on_report_closed, dialog))
        self.report_dialog = dialog
        dialog.show()
        return dialog

    def _on_report_closed(self, dialog: ShowReportDialog, _result: int) -> None:
        if self.report_dialog is dialog:
            self.report_dialog = None
        dialog.deleteLater()

    def export_catalogue(self) -> None:
        from hostdesk.ui.catalogue_export import export_catalogue

        export_catalogue(self, self._catalogue)

    def open_import_wizard(self) -> ImportWizard:
        from hostdesk.ui.import_wizard import ImportWizard

        wizard = ImportWizard(self._catalogue, self)
        wizard.imported.connect(lambda *_counts: self.load_catalogue())
        wizard.imported.connect(lambda *_counts: self.sync.publish_soon())
        wizard.finished.connect(wizard.deleteLater)
        wizard.open()
        return wizard

    def open_job_editor(self, mode: str, code: str = "") -> JobEditorDialog | None:
        """The editor for a new job, or for the job in the preview (edit, duplicate)."""
        from hostdesk.ui.job_editor import JobEditorDialog

        job = self.console.jobs.get(code)
        look = {"layout": self.look().layout, "theme": self.look().theme, "canvas": self.canvas}
        if mode == "new":
            dialog = JobEditorDialog.create(self, self._catalogue, **look)
        elif job is None:
            self.statusBar().showMessage(self.tr("Pick a job first"), 4000)
            return None
        elif mode == "edit":
            dialog = JobEditorDialog.edit(self, self._catalogue, job, **look)
        else:
            dialog = JobEditorDialog.duplicate(self, self._catalogue, job, **look)
        dialog.job_saved.connect(lambda _code: self.load_catalogue())
        dialog.job_saved.connect(lambda _code: self.sync.publish_soon())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def close_job(self, code: str) -> None:
        job = self.console.jobs.get(code)
        if job is None:
            self.statusBar().showMessage(self.tr("Pick a job first"), 4000)
            return
        answer = QMessageBox.question(
            self, self.tr("Close job"),
            self.tr("Close {title}? It stays in the catalogue but can no longer go on air.").format(
                title=job.title),
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            catalogue = self._catalogue
            tasks.run_serial(lambda: catalogue.close_job(code), lambda _job: self.load_catalogue(),
                             self._on_task_failed)  # fmt: skip

    def _on_job_action_triggered(self, mode: str) -> None:
        if mode == "close":
            self.close_job(self.console.cued_code)
        else:
            self.open_job_editor(mode, self.console.cued_code)

    def _update_counts(self) -> None:
        total = self.model.rowCount()
        warned = sum(1 for code in self.console.warnings if self.model.job_by_code(code))
        self.count_label.setText(
            self.tr("{shown} of {total} jobs shown · {warned} with warnings").format(
                shown=self.proxy.rowCount(), total=total, warned=warned
            )
        )

    # -- what the console reports --------------------------------------------------------

    def _caption(self, code: str) -> str:
        job = self.console.jobs.get(code)
        return f"{job.code}  {job.title}" if job else code

    def _on_console_cued(self, code: str, image) -> None:
        self.preview_view.show_image(image, self._caption(code))
        self.rundown_panel.model.set_marks(cued=code)
        self.warnings_list.clear()
        job = self.console.jobs.get(code)
        if job is None:
            return
        warnings = self.console.warnings.get(code, [])
        if not warnings:
            self.warnings_list.addItem(self.tr("No warnings for {0}").format(job.title))
        for w in warnings:
            self.warnings_list.addItem(messages.field_warning(w))

    def _on_console_taken(self, code: str, image) -> None:
        self.onair_view.show_image(image, self._caption(code))
        self._show_link(code)
        self.rundown_panel.model.set_marks(on_air=code)
        self._show_take_answer()

    def _show_link(self, code: str | None) -> None:
        """The exact link behind the QR code on air (a new look may have changed it)."""
        rendered = self.console.onair.on_air if self.console.onair is not None else None
        url = rendered.url if rendered is not None and code and rendered.code == code else ""
        self.link_label.setText(
            self.tr("Sign-up link: {url}").format(url=url) if scannable(url) else ""
        )

    def _show_take_answer(self, *_why) -> None:
        """The on-air line from the console's state for the newest take: OBS's answer often
        arrives before the take's bookkeeping is done, so the order of the signals must not
        decide what the line says."""
        if not self.console.on_air_code:
            return  # cleared: the line says so already
        answer = self.console.take_answer
        if isinstance(answer, float):
            text = self.tr("On air in OBS ({ms:.0f} ms)").format(ms=answer)
        elif answer == NO_ANSWER:
            text = self.tr("OBS did not answer: check that OBS is responding")
        elif self.obs_status.state == "connected":
            text = self.tr("Sent to OBS…")
        else:
            text = self.tr("On air in the output folder only: OBS is not connected")
        self.ack_label.setText(text)

    def _on_console_cleared(self) -> None:
        onair = self.console.onair
        if onair is not None and onair.look.session != self.look().session:
            self.obs.show_look(self.look())  # the ended show's link goes with its card
        self.onair_view.show_image(None, self.tr("Off air"))
        self.link_label.clear()
        self.rundown_panel.model.set_marks(on_air="")
        self.ack_label.setText(self.tr("Overlay cleared"))

    def _on_console_counter_updated(self, code: str, image) -> None:
        if code == self.console.on_air_code:
            self.onair_view.show_image(image, self._caption(code))

    def _on_counter_box_toggled(self, on: bool) -> None:
        """The counter on or off in OBS now, and remembered (saved on the writer lane)."""
        self.settings.overlay.show_counter = on
        self.obs.show_look(self.look())
        self.console.set_counter_enabled(on)
        self._save_settings()

    def _on_session_host_used(self, host: str) -> None:
        """The host a show went live with is offered next time (saved on the writer lane)."""
        self.session_bar.default_host = host
        if host != self.settings.session.host:
            self.settings.session.host = host
            self._save_settings()

    def _save_settings(self) -> None:
        """The window's own settings (counter shown, rotate interval) written on the writer lane."""
        data_dir = self.settings.data_dir
        if data_dir is not None:
            saved = copy.deepcopy(self.settings)
            tasks.run_serial(lambda: config.save_settings(data_dir, saved), lambda _r: None,
                             self._on_task_failed)  # fmt: skip

    def _on_console_refused(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def _on_console_rotation_changed(self, on: bool) -> None:
        box = self.rundown_panel.rotate_box
        box.blockSignals(True)
        box.setChecked(on)
        box.blockSignals(False)

    def _confirm_warnings(self, job: Job, warnings) -> bool:
        text = "\n".join(messages.field_warning(w) for w in warnings)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Compliance warnings"),
                          self.tr("{title} has compliance warnings:").format(title=job.title),
                          parent=self)  # fmt: skip
        box.setInformativeText(text)
        show = box.addButton(self.tr("Show it anyway"), QMessageBox.ButtonRole.AcceptRole)
        dont = box.addButton(self.tr("Don't show"), QMessageBox.ButtonRole.RejectRole)
        # The safe answer on Enter and Escape: an Enter typed ahead must not put a job with
        # discriminatory wording on air (with no default, Qt picks the AcceptRole button).
        box.setDefaultButton(dont)
        box.setEscapeButton(dont)
        box.exec()
        return box.clickedButton() is show
