"""The OBS address and password fields with a "Test connection" button (settings and first run)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hostdesk.i18n import translated
from hostdesk.services.obs_probe import BadObsUrl, ProbeResult, parse_obs_url, probe
from hostdesk.ui import tasks

ERROR_STYLE = "color:#c0392b;"
OK_STYLE = "color:#1e8449;"

# Reason codes from hostdesk.services.obs_probe → what the user reads (context ObsConnectionForm).
URL_PROBLEMS = {
    "scheme": QT_TRANSLATE_NOOP(
        "ObsConnectionForm", "The address must start with ws://, for example ws://127.0.0.1:4455"
    ),
    "wss": QT_TRANSLATE_NOOP(
        "ObsConnectionForm",
        "OBS's WebSocket server does not use encryption: write ws:// instead of wss://",
    ),
    "host": QT_TRANSLATE_NOOP(
        "ObsConnectionForm",
        "The address names no computer: write it like ws://127.0.0.1:4455 (127.0.0.1 is this computer)",
    ),
    "port": QT_TRANSLATE_NOOP(
        "ObsConnectionForm",
        "The port must be a number from 1 to 65535, as shown in OBS (4455 unless changed)",
    ),
}
PROBE_PROBLEMS = {
    "not_running": QT_TRANSLATE_NOOP(
        "ObsConnectionForm",
        "OBS is not running at {address}, or its WebSocket server is off: start OBS and turn the server on in Tools → WebSocket Server Settings",
    ),
    "wrong_password": QT_TRANSLATE_NOOP(
        "ObsConnectionForm",
        "OBS at {address} refused the password: copy it from Tools → WebSocket Server Settings → Show Connect Info",
    ),
    "timeout": QT_TRANSLATE_NOOP(
        "ObsConnectionForm",
        "{address} did not answer like OBS within a few seconds: check the address and port, or restart OBS",
    ),
    "no_connection": QT_TRANSLATE_NOOP(
        "ObsConnectionForm",
        "Could not connect to OBS at {address}: check the address and port in Tools → WebSocket Server Settings",
    ),
    "refused": QT_TRANSLATE_NOOP(
        "ObsConnectionForm",
        "OBS at {address} connected but refused a request: update OBS to version 28 or later",
    ),
}


class ObsConnectionForm(QWidget):
    """URL, password (with show/hide) and a test whose result is shown under the button."""

    test_finished = Signal(bool)  # True when OBS answered

    def __init__(self, url: str = "", password: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.url_edit = QLineEdit(url)
        self.url_edit.setObjectName("obs_url")
        self.url_edit.setPlaceholderText("ws://127.0.0.1:4455")
        self.url_error = message_label("obs_url_error")
        self.password_edit = QLineEdit(password)
        self.password_edit.setObjectName("obs_password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_password = QPushButton(self.tr("Show"))
        self.show_password.setObjectName("obs_show_password")
        self.show_password.setCheckable(True)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("obs_test")
        self.result_label = message_label("obs_result")

        password_row = QHBoxLayout()
        password_row.addWidget(self.password_edit, 1)
        password_row.addWidget(self.show_password)
        form = QFormLayout()
        form.addRow(self.tr("Address"), self.url_edit)
        form.addRow("", self.url_error)
        form.addRow(self.tr("Password"), password_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        layout.addLayout(test_row)
        layout.addWidget(self.result_label)

        self.show_password.toggled.connect(self._on_show_password_toggled)
        self.test_button.clicked.connect(self._on_test_clicked)
        self.url_edit.textEdited.connect(self._on_url_edited)

    def url(self) -> str:
        return self.url_edit.text().strip()

    def password(self) -> str:
        return self.password_edit.text()

    def check_url(self) -> bool:
        """Show what is wrong with the address next to it; the typed text stays as it is."""
        try:
            parse_obs_url(self.url())
        except BadObsUrl as bad:
            self.url_error.setText(translated("ObsConnectionForm", URL_PROBLEMS[bad.reason]))
            self.url_error.setVisible(True)
            return False
        self.url_error.setVisible(False)
        return True

    # -- the test ----------------------------------------------------------------------------

    def _on_test_clicked(self) -> None:
        if not self.check_url():
            self.url_edit.setFocus()
            return
        url, password = self.url(), self.password()
        self.test_button.setEnabled(False)
        self._show_result(self.tr("Connecting to OBS…"), "")
        tasks.run(lambda: probe(url, password), self._on_probe_done, self._on_probe_failed)

    def _on_probe_done(self, result: ProbeResult) -> None:
        if not shiboken6.isValid(self):  # the dialog was closed while OBS was being asked
            return
        self.test_button.setEnabled(True)
        if result.ok:
            fps = f"{result.fps:.2f}".rstrip("0").rstrip(".")  # 30, 29.97
            text = self.tr(
                "Connected: OBS {obs} (obs-websocket {ws}), canvas {width}×{height} at {fps} fps"
            ).format(
                obs=result.obs_version, ws=result.ws_version,
                width=result.canvas[0], height=result.canvas[1], fps=fps,
            )  # fmt: skip
            self._show_result(text, OK_STYLE)
        else:
            text = translated("ObsConnectionForm", PROBE_PROBLEMS[result.reason]).format(
                address=result.address
            )
            self._show_result(text, ERROR_STYLE)
        self.test_finished.emit(result.ok)

    def _on_probe_failed(self, exc: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        self.test_button.setEnabled(True)
        text = self.tr("The test failed unexpectedly ({detail})").format(detail=type(exc).__name__)
        self._show_result(text, ERROR_STYLE)
        self.test_finished.emit(False)

    def _show_result(self, text: str, style: str) -> None:
        self.result_label.setStyleSheet(style)
        self.result_label.setText(text)
        self.result_label.setVisible(True)

    def _on_show_password_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.password_edit.setEchoMode(mode)
        self.show_password.setText(self.tr("Hide") if shown else self.tr("Show"))

    def _on_url_edited(self, _text: str) -> None:
        self.url_error.setVisible(False)  # the next check says again what is still wrong


def message_label(name: str, style: str = ERROR_STYLE) -> QLabel:
    """A hidden, wrapping label for a message shown in place (under a field or a button)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.setVisible(False)
    return label
