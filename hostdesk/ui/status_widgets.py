"""The status bar's parts: the OBS link with retry and set-up, how sign-ups arrive, the clock."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from hostdesk.services.obs_state import LinkState, LinkStatus

_COLOURS = {
    LinkState.NOT_CONFIGURED: "#8b919a",
    LinkState.CONNECTING: "#f0b429",
    LinkState.CONNECTED: "#3ecf8e",
    LinkState.RECONNECTING: "#f0b429",
    LinkState.WRONG_PASSWORD: "#e5484d",
    LinkState.NOT_RUNNING: "#e5484d",
}


class LinkStatusRelay(QObject):
    """The link thread reports here; the signal delivers on the GUI thread (queued)."""

    status_changed = Signal(object)  # LinkStatus

    def report(self, status: LinkStatus) -> None:  # called on the link's thread
        self.status_changed.emit(status)


class ObsStatusWidget(QWidget):
    retry_requested = Signal()
    setup_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.dot = QLabel("●")
        self.label = QLabel()
        self.label.setObjectName("obs_state")
        self.retry_button = QPushButton(self.tr("Connect now"))
        self.setup_button = QPushButton(self.tr("Set up overlay in OBS"))
        for button in (self.retry_button, self.setup_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # hotkeys keep working
            button.setFlat(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.dot)
        layout.addWidget(self.label)
        layout.addWidget(self.retry_button)
        layout.addWidget(self.setup_button)
        self.retry_button.clicked.connect(self.retry_requested)
        self.setup_button.clicked.connect(self.setup_requested)
        self.state = LinkState.NOT_CONFIGURED
        self.show_status(LinkStatus(LinkState.NOT_CONFIGURED))

    def state_text(self, status: LinkStatus) -> str:
        state = status.state
        if status.conflict is not None:
            return self.tr(
                "OBS has a source named “{name}” of another kind: rename it in OBS"
            ).format(name=status.conflict.name)
        if state == LinkState.CONNECTED:
            if status.canvas is not None:
                return self.tr("OBS connected · canvas {w}x{h}").format(
                    w=status.canvas.base_width, h=status.canvas.base_height
                )
            return self.tr("OBS connected")
        return {
            LinkState.NOT_CONFIGURED: self.tr("OBS not set up: images go to the output folder"),
            LinkState.CONNECTING: self.tr("Connecting to OBS…"),
            LinkState.RECONNECTING: self.tr("OBS connection lost, reconnecting…"),
            LinkState.WRONG_PASSWORD: self.tr("OBS refused the password: check it in Settings"),
            LinkState.NOT_RUNNING: self.tr("OBS is not running (or its WebSocket server is off)"),
        }[state]

    def show_status(self, status: LinkStatus) -> None:
        self.state = status.state
        self.dot.setStyleSheet(f"color:{_COLOURS[status.state]};")
        self.label.setText(self.state_text(status))
        self.label.setToolTip(status.detail)
        connected = status.state == LinkState.CONNECTED
        self.retry_button.setVisible(not connected and status.state != LinkState.NOT_CONFIGURED)
        self.retry_button.setText(
            self.tr("Retry") if status.state == LinkState.WRONG_PASSWORD else self.tr("Connect now")
        )
        self.setup_button.setVisible(connected)


# How the hub's sign-ups arrive (SignupDeliveryLabel.mode).
PUSH = "push"  # the hub's event stream is held: each one as it is made
POLL = "poll"  # asked for every status.pull_every seconds
_DELIVERY_COLOURS = {PUSH: "#3ecf8e", POLL: "#f0b429"}


class SignupDeliveryLabel(QLabel):
    """实时推送 while the sync worker holds the hub's event stream, 每 N 秒查询 while it polls.

    Fed the sync worker's status (hostdesk.sync.worker.SyncStatus: streaming, pull_every);
    hidden while sync is not online, since then neither comes and the sync state says why."""

    mode_changed = Signal(str)  # PUSH | POLL | "" (hidden)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("sync_delivery")
        self.mode = ""
        self.setHidden(True)

    def show_status(self, status) -> None:
        """`status`: a SyncStatus, or None when there is no sync worker."""
        mode = ""
        if status is not None and status.state == "online":
            mode = PUSH if status.streaming else POLL
        if mode == PUSH:
            self.setText(self.tr("Live push"))
            self.setToolTip(self.tr("Sign-ups from the hub arrive the moment they are made"))
        elif mode == POLL:
            seconds = f"{status.pull_every:g}"
            self.setText(self.tr("Polling every {s} s").format(s=seconds))
            self.setToolTip(
                self.tr("No live link to the hub: new sign-ups are fetched every {s} s").format(
                    s=seconds
                )
            )
        else:
            self.clear()
            self.setToolTip("")
        self.setStyleSheet(f"color:{_DELIVERY_COLOURS[mode]};" if mode else "")
        self.setHidden(not mode)
        if mode != self.mode:
            self.mode = mode
            self.mode_changed.emit(mode)
