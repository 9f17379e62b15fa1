"""The window's hold on OBS: builds the link off the GUI thread, restarts it, shows its state."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from hostdesk import messages
from hostdesk.config import Settings
from hostdesk.core.look import Look
from hostdesk.services.obs_state import LinkState, LinkStatus, ObsLink
from hostdesk.services.onair import OnAirService
from hostdesk.services.onair_look import build_look
from hostdesk.ui import tasks
from hostdesk.ui.status_widgets import LinkStatusRelay, ObsStatusWidget

LinkFactory = Callable[[Settings, Callable[[LinkStatus], None]], ObsLink | None]


class ObsControl(QObject):
    canvas_changed = Signal(tuple)  # OBS's canvas (width, height), when it differs
    failed = Signal(str)
    look_shown = Signal()  # the job on air was drawn again for a new look (its link may differ)
    look_sent = Signal(object)  # that frame's future from the link (None without a link)
    stopped = Signal()  # stop(): the old link has let go of OBS (its thread ended or gave up)

    def __init__(
        self,
        onair: OnAirService | None,
        factory: LinkFactory | None,  # may block (keyring): called on a worker
        status: ObsStatusWidget,
        parent=None,
    ):
        super().__init__(parent)
        self._onair, self._factory, self._status = onair, factory, status
        self.link: ObsLink | None = None
        self.canvas = onair.look.canvas if onair else (1920, 1080)
        self.relay = LinkStatusRelay(self)
        self.relay.status_changed.connect(self._on_link_status_changed)
        status.retry_requested.connect(self._on_status_retry_requested)
        status.setup_requested.connect(self._on_status_setup_requested)
        self._settings: Settings | None = None
        # Links being stopped on a worker: a new link waits for them before it connects.
        self._stopping: list[threading.Event] = []

    def start(self, settings: Settings) -> None:
        """(Re)connect with these settings; the old link stops on a worker."""
        if self._factory is None or self._onair is None:
            return
        self._settings = settings
        factory, report = self._factory, self.relay.report
        old, self.link = self.link, None
        stopping = list(self._stopping)

        def work():
            for released in stopping:  # an earlier stop() still under way on another worker
                released.wait()
            if old is not None:
                old.stop()
            return factory(settings, report)

        tasks.run(work, self._on_link_built, self._on_task_failed)

    def stop(self) -> None:
        """The link thread is told to stop and joined on a worker (bounded by the link's own
        timeouts); `stopped` follows. At quit, tasks.wait_idle() waits for that worker."""
        link, self.link = self.link, None
        if link is None:
            self.stopped.emit()
            return
        released = threading.Event()
        self._stopping.append(released)

        def work():
            try:
                link.stop()
            finally:
                released.set()

        def done(_result=None) -> None:
            self._stopping.remove(released)
            self.stopped.emit()

        tasks.run(work, done, lambda exc: (done(), self._on_task_failed(exc)))

    def show_look(self, look: Look) -> None:
        """Draw the job on air (or the hidden overlay) for a new look, in order with takes."""
        onair = self._onair
        if onair is not None:  # on the take's lane: in order with takes and clears
            tasks.when_done(
                onair.look_soon(look),
                lambda future: (self.look_shown.emit(), self.look_sent.emit(future)),
                self._on_task_failed,
            )

    def _on_link_built(self, link: ObsLink | None) -> None:
        self.link = link
        self._onair.use_link(link)
        if link is None:
            self._status.show_status(LinkStatus(LinkState.NOT_CONFIGURED))
            return
        link.start()
        # The first frame makes the link set the overlay up in OBS.
        look = self._onair.look
        self.show_look(build_look(self._settings, self.canvas, look.session, look.device))

    def _on_link_status_changed(self, status: LinkStatus) -> None:
        self._status.show_status(status)
        if status.state is LinkState.CONNECTED and status.canvas is not None:
            canvas = (status.canvas.base_width, status.canvas.base_height)
            if canvas != self.canvas:  # OBS's canvas decides the card's size and layout
                self.canvas = canvas
                self.canvas_changed.emit(canvas)

    def _on_status_retry_requested(self) -> None:
        if self.link is not None:
            self.link.retry_now()
        elif self._settings is not None:
            self.start(self._settings)

    def _on_status_setup_requested(self) -> None:
        if self.link is not None:
            self.link.resync()

    def _on_task_failed(self, exc: Exception) -> None:
        self.failed.emit(messages.error_text(exc))
