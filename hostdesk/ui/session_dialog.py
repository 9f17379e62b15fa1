"""Going live: the platform, the room name and the host (主播) of tonight's stream."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from hostdesk import messages
from hostdesk.core.sessions import HOST_MAX_LEN, ROOM_MAX_LEN, Platform

# Beside the title, a window's title bar holds its icon and its buttons (Windows: about 140 px).
TITLE_BAR_EXTRA = 160


class SessionDialog(QDialog):
    """Asks for platform, room and host; the window saves, and the dialog closes only on success.

    The host is optional: the reports compare shows per host when it is said. The window
    offers the host typed last time (settings [session] host)."""

    submitted = Signal(str, str, str)  # platform value, room name and host as typed

    def __init__(
        self,
        parent=None,
        platform: str = Platform.KUAISHOU.value,
        room: str = "",
        host: str = "",
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start the live session"))
        self.platform = QComboBox()
        for value in Platform:
            self.platform.addItem(messages.platform_label(value.value), value.value)
        self.platform.setCurrentIndex(max(0, self.platform.findData(platform)))
        self.room = QLineEdit(room)
        self.room.setObjectName("room")
        self.room.setMaxLength(ROOM_MAX_LEN + 20)  # longer is refused with a message, not cut
        self.room.setPlaceholderText(self.tr("e.g. 青岛招聘直播间"))
        self.host = QLineEdit(host)
        self.host.setObjectName("host")
        self.host.setMaxLength(HOST_MAX_LEN + 20)  # longer is refused with a message, not cut
        self.host.setPlaceholderText(self.tr("optional, e.g. 蔚姐"))
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color:#e5484d;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout()
        form.addRow(self.tr("Platform"), self.platform)
        form.addRow(self.tr("Room name"), self.room)
        form.addRow(self.tr("Host"), self.host)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Go live"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._fit_texts()
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _fit_texts(self) -> None:
        """Wide enough for the title and the whole example room name, in either language."""
        room = self.room.fontMetrics()
        self.room.setMinimumWidth(
            room.horizontalAdvance(self.room.placeholderText()) + 4 * room.averageCharWidth()
        )
        title = self.fontMetrics().horizontalAdvance(self.windowTitle()) + TITLE_BAR_EXTRA
        self.setMinimumWidth(max(title, self.sizeHint().width()))

    def _on_buttons_accepted(self) -> None:
        self.buttons.setEnabled(False)  # one start at a time; re-enabled on a problem
        self.submitted.emit(self.platform.currentData(), self.room.text(), self.host.text())

    def show_problem(self, text: str, field: str = "room") -> None:
        """The save failed: say why, keep what was typed, put the cursor where to fix it."""
        self.problem.setText(text)
        self.problem.show()
        self.buttons.setEnabled(True)
        (self.host if field == "host" else self.room).setFocus()
