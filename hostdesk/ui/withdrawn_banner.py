"""The console's loud notice for jobs the hub dropped during a show: keep or close each one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

_STYLE = "QFrame#withdrawn_banner{background:#7a1f1f;} QLabel{color:#ffe3e3;}"


class WithdrawnBanner(QFrame):
    """One line per held job (title and code) with 继续保留 / 关闭岗位; hidden when none.

    A held job stays takeable: the hub's catalogue no longer has it, so its QR may lead
    viewers nowhere, and only a person should take it off the show.
    """

    decided = Signal(str, bool)  # code, keep (False: close it)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("withdrawn_banner")
        self.setStyleSheet(_STYLE)
        self.label = QLabel()
        self.label.setObjectName("withdrawn_text")
        self.label.setWordWrap(True)
        self._rows = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addLayout(self._rows)
        self.buttons: dict[str, tuple[QPushButton, QPushButton]] = {}  # code -> (keep, close)
        self.setVisible(False)

    def show_jobs(self, jobs) -> None:
        """Show these held jobs (Job objects), replacing what was shown."""
        while self._rows.count():
            row = self._rows.takeAt(0).widget()
            if row is not None:
                row.deleteLater()
        self.buttons.clear()
        names = self.tr("、").join(f"{job.title}（{job.code}）" for job in jobs)
        self.label.setText(
            self.tr(
                "The hub's catalogue no longer has these jobs, but they are in tonight's rundown or on air: {jobs}. They stay takeable until you decide; their QR codes may lead viewers to “job not found”."
            ).format(jobs=names)
        )
        for job in jobs:
            self._rows.addWidget(self._row(job))
        self.setVisible(bool(jobs))

    def _row(self, job) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(QLabel(f"{job.title}（{job.code}）"), 1)
        keep = QPushButton(self.tr("Keep offering it"))
        close = QPushButton(self.tr("Close the job"))
        keep.setObjectName(f"withdrawn_keep_{job.code}")
        close.setObjectName(f"withdrawn_close_{job.code}")
        for button, keep_it in ((keep, True), (close, False)):
            button.clicked.connect(lambda _c=False, k=keep_it, code=job.code: self._decide(code, k))
            line.addWidget(button)
        self.buttons[job.code] = (keep, close)
        return row

    def _decide(self, code: str, keep: bool) -> None:
        for button in self.buttons.get(code, ()):
            button.setEnabled(False)  # one answer per job; the next read redraws the banner
        self.decided.emit(code, keep)
