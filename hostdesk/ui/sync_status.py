"""The console's sync: the status-bar widget (state, counters, sync now) and the worker's keeper.

The worker reports on its own thread; SyncStatusRelay brings each status to the GUI
thread. Everything the widget shows comes from the worker's status (counted from the
database) or from small reads run through tasks.run: the GUI thread never waits.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from hostdesk import messages
from hostdesk.config import Settings
from hostdesk.ui import tasks
from hostdesk.ui.status_widgets import SignupDeliveryLabel

# (settings, on_status) -> a SyncWorker, not started, or None when sync is off. May block
# (the token may be in the OS keyring): called on a worker thread.
SyncFactory = Callable[[Settings, Callable[[object], None]], object | None]

POLL_MS = 3000  # how often the console looks for what a pull brought (one tiny read)

_COLOURS = {
    "online": "#3ecf8e",
    "offline": "#f0b429",
    "paused": "#e5484d",
    "disabled": "#8b919a",
}


class SyncStatusRelay(QObject):
    """The worker reports here; the signal delivers on the GUI thread (queued)."""

    status_changed = Signal(object)  # SyncStatus

    def report(self, status) -> None:  # called on the worker's thread
        self.status_changed.emit(status)


def _clock_text(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%H:%M") if moment else ""


class SyncStatusWidget(QWidget):
    """online/offline/paused (why) · unsynced N · needs attention M · last hh:mm · next in Xs."""

    sync_now_requested = Signal()
    attention_requested = Signal()
    conflicts_requested = Signal()

    def __init__(self, parent=None, *, clock: Callable[[], datetime] | None = None):
        super().__init__(parent)
        self._clock = clock or (lambda: datetime.now(UTC))
        self.dot = QLabel("●")
        self.state_label = QLabel()
        self.state_label.setObjectName("sync_state")
        self.delivery = SignupDeliveryLabel()  # 实时推送 / 每 2 秒查询
        self.unsynced_label = QLabel()
        self.unsynced_label.setObjectName("sync_unsynced")
        self.attention_button = QPushButton()
        self.attention_button.setObjectName("sync_attention")
        self.conflicts_button = QPushButton()
        self.conflicts_button.setObjectName("sync_conflicts")
        self.last_label = QLabel()
        self.last_label.setObjectName("sync_last")
        self.next_label = QLabel()
        self.next_label.setObjectName("sync_next")
        self.sync_now_button = QPushButton(self.tr("Sync now"))
        self.sync_now_button.setObjectName("sync_now")
        for button in (self.attention_button, self.conflicts_button, self.sync_now_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the console's keys keep working
            button.setFlat(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.dot, self.state_label, self.delivery, self.unsynced_label, self.attention_button,
            self.conflicts_button, self.last_label, self.next_label, self.sync_now_button,
        ):  # fmt: skip
            layout.addWidget(widget)
        self.sync_now_button.clicked.connect(self.sync_now_requested)
        self.attention_button.clicked.connect(self.attention_requested)
        self.conflicts_button.clicked.connect(self.conflicts_requested)
        self._next_try: datetime | None = None
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self._show_next_try)
        self.status = None
        self.conflicts = 0
        self.show_not_configured()

    # -- texts ---------------------------------------------------------------------------

    def state_text(self, status) -> str:
        reason = messages.sync_reason(status.reason)
        if status.state == "online":
            return self.tr("Sync online")
        if status.state == "paused":
            return self.tr("Sync paused: {reason}").format(reason=reason)
        if status.state == "disabled":
            return self.tr("Sync off")
        if reason:
            return self.tr("Sync offline: {reason}").format(reason=reason)
        return self.tr("Sync offline")

    # -- showing -------------------------------------------------------------------------

    def show_not_configured(self) -> None:
        """No worker (sync switched off in the settings)."""
        self.status = None
        self.dot.setStyleSheet(f"color:{_COLOURS['disabled']};")
        self.state_label.setText(self.tr("Sync off"))
        self.delivery.show_status(None)
        for widget in (self.unsynced_label, self.last_label, self.next_label):
            widget.setText("")
        self.attention_button.setVisible(False)
        self.sync_now_button.setVisible(False)
        self._next_try = None
        self.countdown.stop()
        self.next_label.setVisible(False)

    def show_status(self, status) -> None:
        self.status = status
        self.dot.setStyleSheet(f"color:{_COLOURS.get(status.state, '#8b919a')};")
        self.state_label.setText(self.state_text(status))
        self.state_label.setToolTip(messages.sync_reason(status.reason))
        self.delivery.show_status(status)
        self.unsynced_label.setText(self.tr("Unsynced {n}").format(n=status.unsynced))
        self.attention_button.setText(self.tr("Needs attention {n}").format(n=status.attention))
        self.attention_button.setVisible(status.attention > 0)
        self.attention_button.setStyleSheet("color:#ff8a80;font-weight:bold;")
        self.last_label.setText(
            self.tr("Last sync {time}").format(time=_clock_text(status.last_success))
            if status.last_success
            else self.tr("Never synced")
        )
        self.sync_now_button.setVisible(status.state != "disabled")
        self.sync_now_button.setEnabled(True)
        self._next_try = status.next_try
        self._show_next_try()
        if self._next_try is not None:
            self.countdown.start()
        else:
            self.countdown.stop()

    def show_conflicts(self, count: int) -> None:
        self.conflicts = count
        self.conflicts_button.setText(self.tr("Job conflicts {n}").format(n=count))
        self.conflicts_button.setVisible(count > 0)
        self.conflicts_button.setStyleSheet("color:#f0b429;font-weight:bold;")

    def next_try_seconds(self) -> int | None:
        if self._next_try is None:
            return None
        return max(0, round((self._next_try - self._clock()).total_seconds()))

    def _show_next_try(self) -> None:
        seconds = self.next_try_seconds()
        self.next_label.setVisible(seconds is not None)
        if seconds is not None:
            self.next_label.setText(self.tr("next try in {s} s").format(s=seconds))
        if seconds == 0:
            self.countdown.stop()


class SyncControl(QObject):
    """The window's hold on the sync worker: builds it off the GUI thread, relays its status,
    opens the attention list and the catalogue conflicts, notices what a pull brought."""

    failed = Signal(str)
    catalogue_pulled = Signal()  # hub jobs were applied here: reload the catalogue
    registrations_pulled = Signal()  # hub sign-ups arrived: refresh the list
    registrations_settled = Signal()  # the hub answered our events: re-read the rows' state
    device_named = Signal(str)  # the hub told this PC's name (for {device} in the links)
    attention_shown = Signal(object)  # the AttentionListDialog opened (tests, screenshots)
    conflicts_shown = Signal(object)  # the JobConflictsDialog opened
    # The jobs the hub's catalogue dropped but kept open for tonight's show (Job list).
    withdrawn_changed = Signal(object)

    def __init__(
        self,
        factory: SyncFactory | None,
        widget: SyncStatusWidget,
        *,
        outbox=None,  # OutboxRepository: attention() (read on workers)
        hub=None,  # HubRepository: state(), conflict_count(), conflicts(), resolve()
        registrations=None,  # RegistrationService: the attention list's "fix"
        parent=None,
    ):
        super().__init__(parent)
        self._factory, self.widget = factory, widget
        self._outbox, self._hub, self._registrations = outbox, hub, registrations
        self.worker = None
        self.relay = SyncStatusRelay(self)
        self.relay.status_changed.connect(self._on_worker_status_changed)
        widget.sync_now_requested.connect(self.sync_now)
        widget.attention_requested.connect(self.open_attention)
        widget.conflicts_requested.connect(self.open_conflicts)
        self._stopped = False
        self._settings_key: tuple | None = None
        self._builds = 0  # starts so far: only the newest build's worker is kept
        self._building = False
        # Workers a build started that the GUI thread has not yet taken: a quit stops them
        # itself, since after the event loop ends no build's answer is ever delivered.
        self._build_lock = threading.Lock()
        self._unclaimed: set = set()
        self._seen_state: dict[str, str] | None = None
        self._polling = False
        self._pull_often = False
        self._pulled_seen = 0  # SyncStatus.pulled last seen (a new worker counts from 0)
        self._settled_seen = 0  # SyncStatus.settled likewise
        self._withdrawn_seen: list | None = None  # (code, title) of the held jobs last shown
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self.attention_dialog = None
        self.conflicts_dialog = None

    # -- the worker ------------------------------------------------------------------------

    def start(self, settings: Settings) -> None:
        """(Re)build the worker for these settings; the old one stops on a worker thread."""
        if self._factory is None:
            self.widget.show_not_configured()
            return
        key = (settings.signup.hub_url, repr(settings.sync))
        if key == self._settings_key and (self.worker is not None or self._building):
            return  # another section changed: a new worker would only resend the batch in flight
        self._settings_key = key
        factory, report = self._factory, self.relay.report
        old, self.worker = self.worker, None
        self._stopped = False
        # A build still on its way is superseded: its worker never starts, and one it already
        # started is stopped before the new one is built, so two workers never send from one
        # outbox.
        with self._build_lock:
            self._builds += 1
            build = self._builds
            earlier, self._unclaimed = self._unclaimed, set()
        if old is not None:
            earlier.add(old)
        self._building = True

        def work():
            for replaced in earlier:
                replaced.stop()
            worker = factory(settings, report)
            if worker is None:
                return None
            with self._build_lock:
                if build != self._builds:
                    return None  # superseded or quit while built: it never starts
                worker.start()
                self._unclaimed.add(worker)
            return worker

        tasks.run(work, partial(self._on_worker_built, build),
                  partial(self._on_build_failed, build))  # fmt: skip

    def stop(self) -> None:
        """At quit: the thread ends (bounded wait) after the request in flight. A build still
        on its way never starts its worker; one it started but not yet handed over (its answer
        would come after the event loop has ended) is stopped here."""
        self._stopped = True
        with self._build_lock:
            self._builds += 1
            orphans, self._unclaimed = self._unclaimed, set()
        self._building = False
        self.poll_timer.stop()
        worker, self.worker = self.worker, None
        if worker is not None:
            orphans.add(worker)
        for started in orphans:
            started.stop()

    def sync_now(self) -> None:
        if self.worker is None:
            return
        self.widget.sync_now_button.setEnabled(False)  # until the next status arrives
        self.worker.sync_now()  # a queue put: never waits
        self.poll()

    def notify(self) -> None:
        """A sign-up was just saved: the worker looks at the outbox now, not at its next poll."""
        if self.worker is not None:
            self.worker.notify()

    def publish_soon(self) -> None:
        """Jobs were imported or edited, or one goes on air the hub lacks: publish now."""
        if self.worker is not None:
            self.worker.publish_soon()

    @property
    def hub(self):
        """The HubRepository this window reads hub state from (None without sync)."""
        return self._hub

    def pull_often(self, on: bool) -> None:
        """A counter is on air: hub sign-ups are pulled every few seconds (this worker and the
        next one, should the settings change)."""
        self._pull_often = on
        if self.worker is not None:
            self.worker.pull_often(on)

    def retry(self, event_ids: list[str]) -> None:
        if self.worker is not None and event_ids:
            self.worker.retry(event_ids)
            self.worker.sync_now()

    def _on_worker_built(self, build: int, worker) -> None:
        with self._build_lock:
            self._unclaimed.discard(worker)
        # Superseded by a later start, or stopped meanwhile: that start or the quit took and
        # stopped its worker, or it never started.
        if build != self._builds:
            return
        self._building = False
        self.worker = worker
        if worker is None:
            self.widget.show_not_configured()
            return
        self._pulled_seen = 0
        self._settled_seen = 0
        if self._pull_often:
            worker.pull_often(True)
        self.poll_timer.start()
        self.poll()

    def _on_worker_status_changed(self, status) -> None:
        # Reports arrive in order: a replaced worker stopped before its successor started.
        if self._stopped:
            return
        self.widget.show_status(status)
        if status.pulled != self._pulled_seen:
            self._pulled_seen = status.pulled
            self.registrations_pulled.emit()
        if status.settled != self._settled_seen:
            self._settled_seen = status.settled
            self.registrations_settled.emit()
        if self.attention_dialog is not None and self.attention_dialog.isVisible():
            self.attention_dialog.reload()

    # -- what a pull brought ----------------------------------------------------------------

    def poll(self) -> None:
        """Read the hub state (ETag, cursor, open conflicts) on a worker; act on changes."""
        hub = self._hub
        if hub is None or self._polling:
            return
        self._polling = True

        def work():
            return hub.state(), hub.conflict_count(), hub.withdrawn_held()

        tasks.run(work, self._on_poll_read, self._on_poll_failed)

    def _on_poll_read(self, result) -> None:
        self._polling = False
        state, conflicts, held = result
        self.widget.show_conflicts(conflicts)
        self._on_withdrawn_read(held)
        seen, self._seen_state = self._seen_state, state
        if seen is None:
            # A pull may have landed between the window's first load and this first look:
            # reload once if the hub has given us anything, rather than miss it.
            seen = {}
        if state.get("jobs_etag") != seen.get("jobs_etag"):
            self.catalogue_pulled.emit()
        if state.get("registrations_cursor") != seen.get("registrations_cursor"):
            self.registrations_pulled.emit()
        if state.get("device_name", "") != seen.get("device_name", ""):
            self.device_named.emit(state.get("device_name", ""))

    def _on_withdrawn_read(self, held) -> None:
        shown = [(job.code, job.title) for job in held]
        if shown != self._withdrawn_seen:
            self._withdrawn_seen = shown
            self.withdrawn_changed.emit(held)

    def decide_withdrawn(self, code: str, keep: bool) -> None:
        """A person kept or closed a held job: stored on a worker, then the banner is redrawn."""
        hub = self._hub
        if hub is None:
            return

        def work():
            hub.decide_withdrawn(code, keep, datetime.now(UTC))
            return hub.withdrawn_held()

        tasks.run(work, self._on_withdrawn_decided, self._on_task_failed)

    def _on_withdrawn_decided(self, held) -> None:
        self._on_withdrawn_read(held)
        self.catalogue_pulled.emit()  # a closed job greys out in the catalogue and rundown

    def _on_poll_failed(self, exc: Exception) -> None:
        self._polling = False
        self._on_task_failed(exc)

    # -- the lists -------------------------------------------------------------------------

    def open_attention(self):
        if self._outbox is None:
            return None
        from hostdesk.ui.attention_list import AttentionListDialog  # opened rarely

        parent = self.widget.window()
        dialog = AttentionListDialog(self._outbox, self._registrations, self.retry, parent)
        self.attention_dialog = dialog
        dialog.finished.connect(self._on_attention_finished)
        dialog.open()
        dialog.reload()
        self.attention_shown.emit(dialog)
        return dialog

    def _on_attention_finished(self, _result: int) -> None:
        dialog, self.attention_dialog = self.attention_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def open_conflicts(self):
        if self._hub is None:
            return None
        from hostdesk.ui.job_conflicts import JobConflictsDialog  # opened rarely

        dialog = JobConflictsDialog(self._hub, self.widget.window())
        self.conflicts_dialog = dialog
        dialog.resolved.connect(self._on_conflict_resolved)
        dialog.finished.connect(self._on_conflicts_finished)
        dialog.open()
        dialog.reload()
        self.conflicts_shown.emit(dialog)
        return dialog

    def _on_conflict_resolved(self, _code: str, took_theirs: bool) -> None:
        if took_theirs:
            self.catalogue_pulled.emit()
        else:  # this PC's version was chosen: the hub gets it now (on top of its own)
            self.publish_soon()
        self.poll()

    def _on_conflicts_finished(self, _result: int) -> None:
        dialog, self.conflicts_dialog = self.conflicts_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _on_build_failed(self, build: int, exc: Exception) -> None:
        if build != self._builds:  # superseded: the newer build reports for itself
            return
        self._building = False
        self._settings_key = None  # the next start builds again, even with these settings
        self._on_task_failed(exc)

    def _on_task_failed(self, exc: Exception) -> None:
        self.failed.emit(messages.error_text(exc))
