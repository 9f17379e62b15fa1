"""The hub's "Test connection" button and its answer, and the in-place warning when the QR
address is one a viewer's phone cannot open (settings and first run)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from hostdesk.core.hub_reach import LINK_LOCAL, LOOPBACK, PRIVATE, UNSPECIFIED, phone_unreachable
from hostdesk.i18n import translated
from hostdesk.services.hub_probe import HubProbe, probe_hub
from hostdesk.sync import client as reasons
from hostdesk.ui import tasks
from hostdesk.ui.obs_form import ERROR_STYLE, OK_STYLE, message_label

CONTEXT = "HubConnectionTest"
WARN_STYLE = "color:#b9770e;"

# hostdesk.sync.client's reasons → what the user reads.
PROBE_PROBLEMS = {
    reasons.NOT_CONFIGURED: QT_TRANSLATE_NOOP(
        "HubConnectionTest", "Fill in the hub address and this PC's token first"
    ),
    reasons.UNAUTHORIZED: QT_TRANSLATE_NOOP(
        "HubConnectionTest",
        "The hub at {address} does not know this token, or it was revoked: ask the office for this PC's token",
    ),
    reasons.FORBIDDEN: QT_TRANSLATE_NOOP(
        "HubConnectionTest",
        "The hub at {address} refused this token (its account is disabled): ask the office for a new one",
    ),
    reasons.BAD_URL: QT_TRANSLATE_NOOP(
        "HubConnectionTest",
        "No hub answers at {address}: check the address (the hub's own, like https://hub.example.cn)",
    ),
    reasons.NETWORK: QT_TRANSLATE_NOOP(
        "HubConnectionTest",
        "Could not reach {address}: check the address and this PC's network connection",
    ),
    reasons.CAPTIVE_PORTAL: QT_TRANSLATE_NOOP(
        "HubConnectionTest",
        "{address} answered, but not as the hub: a Wi-Fi login page, or the wrong address?",
    ),
    reasons.SERVER: QT_TRANSLATE_NOOP(
        "HubConnectionTest",
        "The hub at {address} has a problem right now: try again in a minute, or tell the office",
    ),
}
UNREACHABLE = {
    LOOPBACK: QT_TRANSLATE_NOOP(
        "HubConnectionTest",
        "{address} is this computer's own address: no viewer's phone can open the QR code. Put the hub's public address here",
    ),
    UNSPECIFIED: QT_TRANSLATE_NOOP(
        "HubConnectionTest",
        "{address} is a listening address, not one a phone can go to: put the hub's public address here",
    ),
    LINK_LOCAL: QT_TRANSLATE_NOOP(
        "HubConnectionTest",
        "{address} only works on this cable: viewers' phones cannot open the QR code. Put the hub's public address here",
    ),
    PRIVATE: QT_TRANSLATE_NOOP(
        "HubConnectionTest",
        "{address} is an address of this local network: viewers of a public stream cannot open the QR code. Put the hub's public address here",
    ),
}


class HubConnectionTest(QWidget):
    """A test button with its answer below, for an address and a token edited elsewhere.

    The test runs on a worker (never the GUI thread); an answer for an address or token that
    has changed since is dropped. The reach warning follows the address as it is typed.
    """

    test_finished = Signal(bool)  # True when the hub answered and knows the token

    def __init__(self, url_edit: QLineEdit, token_edit: QLineEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self._url_edit, self._token_edit = url_edit, token_edit
        self._asked: tuple[str, str] | None = None
        self.public_url = ""  # what the hub said phones open (after a successful test)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("hub_test")
        self.result_label = message_label("hub_result")
        self.reach_label = message_label("hub_reach", WARN_STYLE)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.reach_label)
        layout.addLayout(row)
        layout.addWidget(self.result_label)
        self.test_button.clicked.connect(self.start)
        url_edit.textChanged.connect(self._on_fields_changed)
        token_edit.textChanged.connect(self._on_fields_changed)
        self._show_reach()

    def _fields(self) -> tuple[str, str]:
        return self._url_edit.text().strip(), self._token_edit.text().strip()

    def start(self) -> None:
        """Ask the hub now (on a worker); the answer replaces the result line."""
        url, token = self._fields()
        self._asked = (url, token)
        self.test_button.setEnabled(False)
        self._show_result(self.tr("Connecting to the hub…"), "")
        tasks.run(lambda: probe_hub(url, token), self._on_done, self._on_failed)

    def _on_done(self, result: HubProbe) -> None:
        if not shiboken6.isValid(self):  # the dialog was closed while the hub was asked
            return
        self.test_button.setEnabled(True)
        if self._asked != self._fields():  # typed over while the hub was asked: stale
            return
        address = self._asked[0]
        if result.ok:
            self.public_url = result.public_url
            text = self.tr("Connected: this PC is “{name}” on the hub").format(name=result.name)
            self._show_result(text, OK_STYLE)
        else:
            problem = PROBE_PROBLEMS.get(result.reason, PROBE_PROBLEMS[reasons.SERVER])
            self._show_result(translated(CONTEXT, problem).format(address=address), ERROR_STYLE)
        self._show_reach()
        self.test_finished.emit(result.ok)

    def _on_failed(self, exc: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        self.test_button.setEnabled(True)
        text = self.tr("The test failed unexpectedly ({detail})").format(detail=type(exc).__name__)
        self._show_result(text, ERROR_STYLE)
        self.test_finished.emit(False)

    def _on_fields_changed(self, _text: str = "") -> None:
        if self._asked is not None and self._asked != self._fields():
            self.result_label.setVisible(False)  # that answer was for other fields
        self._show_reach()

    def reach_problem(self) -> str | None:
        """The warning for the address as typed (None: a phone can open it, or it is empty)."""
        url = self._fields()[0]
        reason = phone_unreachable(url)
        if reason not in UNREACHABLE:
            return None
        text = translated(CONTEXT, UNREACHABLE[reason]).format(address=url)
        if self.public_url and phone_unreachable(self.public_url) is None:
            text += self.tr(" (the hub says its public address is {public})").format(
                public=self.public_url
            )
        return text

    def _show_reach(self) -> None:
        text = self.reach_problem()
        self.reach_label.setText(text or "")
        self.reach_label.setVisible(bool(text))

    def _show_result(self, text: str, style: str) -> None:
        self.result_label.setStyleSheet(style)
        self.result_label.setText(text)
        self.result_label.setVisible(True)
