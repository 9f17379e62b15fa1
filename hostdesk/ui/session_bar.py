"""The session bar: tonight's session (live or not, where, who hosts, how long), start and stop."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from hostdesk import messages
from hostdesk.core.sessions import Session, SessionState
from hostdesk.services.sessions import SessionService
from hostdesk.ui import tasks
from hostdesk.ui.session_dialog import SessionDialog


class SessionBar(QWidget):
    loaded = Signal(object, list)  # the current Session and its rundown's codes
    changed = Signal(object)  # the Session after a start
    ended = Signal(object)  # the Session just stopped (the window opens its report)
    failed = Signal(str)  # a message for the status bar
    host_used = Signal(str)  # the host a show went live with: the window remembers it

    def __init__(self, sessions: SessionService | None, parent=None):
        super().__init__(parent)
        self._sessions = sessions
        self.session: Session | None = None
        self.dialog: SessionDialog | None = None
        self.default_host = ""  # offered in 开始直播 (the window sets it from its settings)
        self.label = QLabel()
        self.label.setObjectName("session")
        self.button = QPushButton(self.tr("Start session…"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must never press it
        self.button.setEnabled(sessions is not None)
        self.clock_label = QLabel()  # the window puts it in the status bar
        self.clock_label.setObjectName("clock")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)  # the elapsed time ticks in seconds; cheap when idle
        self._clock.timeout.connect(self._on_clock_timeout)
        self.button.clicked.connect(self.start_or_stop)

    def load(self) -> None:
        """Tonight's session and its rundown, read on the writer lane (after pending saves)."""
        sessions = self._sessions
        if sessions is None:
            return
        tasks.run_serial(
            lambda: (sessions.current(), list(sessions.rundown().codes)),
            self._on_session_read,
            self._on_task_failed,
        )

    def _on_session_read(self, result) -> None:
        session, codes = result
        self.show_session(session)
        self.loaded.emit(session, codes)

    def _on_task_failed(self, exc: Exception) -> None:
        self.failed.emit(messages.error_text(exc))

    def show_session(self, session: Session) -> None:
        self.session = session
        live = session.state is SessionState.LIVE
        self.button.setText(self.tr("Stop session") if live else self.tr("Start session…"))
        if live:
            self._clock.start()
        else:
            self._clock.stop()
        self._on_clock_timeout()

    def _on_clock_timeout(self) -> None:
        session = self.session
        if session is None or session.state is SessionState.PLANNED:
            self.label.setText(self.tr("Not live yet · the rundown is ready for the next session"))
            self.clock_label.setText("")
            return
        where = f"{messages.platform_label(session.platform.value)} · {session.room}"
        if session.host:
            where += " · " + self.tr("Host {host}").format(host=session.host)
        elapsed = self._sessions.elapsed() if self._sessions else None
        seconds = int(elapsed.total_seconds()) if elapsed is not None else 0
        clock = f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
        if session.state is SessionState.LIVE:
            self.label.setText(self.tr("● LIVE  {where}").format(where=where))
        else:
            self.label.setText(self.tr("Ended  {where}").format(where=where))
        self.clock_label.setText(self.tr("On air {clock}").format(clock=clock))

    def _on_stopped(self, session: Session) -> None:
        self.load()
        self.ended.emit(session)

    def start_or_stop(self) -> None:
        sessions = self._sessions
        if sessions is None:
            return
        if self.session is not None and self.session.state is SessionState.LIVE:
            answer = QMessageBox.question(
                self,
                self.tr("Stop the session"),
                self.tr("Stop the live session in {room}? The record of takes is kept.").format(
                    room=self.session.room
                ),
            )
            if answer == QMessageBox.StandardButton.Yes:
                tasks.run_serial(sessions.stop, self._on_stopped, self._on_task_failed)
            return
        dialog = SessionDialog(self, host=self.default_host)
        self.dialog = dialog

        def on_started(session: Session) -> None:
            dialog.accept()
            self.show_session(session)
            self.host_used.emit(session.host)
            self.changed.emit(session)

        def on_failed(exc: Exception) -> None:
            field = "host" if getattr(exc, "reason", "").startswith("host_") else "room"
            dialog.show_problem(messages.error_text(exc), field)

        dialog.submitted.connect(
            lambda platform, room, host: tasks.run_serial(
                lambda: sessions.start(platform, room, host), on_started, on_failed
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
