"""The status bar's parts: the OBS link with retry and set-up, the sync slot, the session clock."""

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
