"""The rundown panel: tonight's jobs in order, slots 1–9, and the auto-rotate controls."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hostdesk.ui.rundown_model import RundownModel

ROTATE_MIN_S, ROTATE_MAX_S = 5, 3600


class RundownPanel(QWidget):
    job_chosen = Signal(str)  # the current row changed: cue this job into the preview
    rotate_toggled = Signal(bool)
    rotate_seconds_changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = RundownModel(self)
        self.view = QListView()
        self.view.setObjectName("rundown")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setAlternatingRowColors(True)

        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.up_button.setToolTip(self.tr("Alt+Up"))
        self.down_button.setToolTip(self.tr("Alt+Down"))
        self.remove_button.setToolTip(self.tr("Delete"))
        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the list
            buttons.addWidget(button)

        self.rotate_box = QCheckBox(self.tr("Auto-rotate every"))
        self.rotate_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.rotate_seconds = QSpinBox()
        self.rotate_seconds.setRange(ROTATE_MIN_S, ROTATE_MAX_S)
        self.rotate_seconds.setSuffix(self.tr(" s"))
        self.countdown = QLabel()
        self.countdown.setObjectName("countdown")
        self._reserve_countdown()
        rotate = QHBoxLayout()
        rotate.addWidget(self.rotate_box)
        rotate.addWidget(self.rotate_seconds)
        rotate.addStretch(1)

        self.hint = QLabel(
            self.tr("Double-click, Enter or drag a job here. 1–9 preview a slot, Ctrl+1–9 take it.")
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#8b919a;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addLayout(rotate)
        layout.addWidget(self.countdown)  # its own line, its space held while empty
        layout.addWidget(self.hint)

        self.up_button.clicked.connect(lambda: self._move_current(-1))
        self.down_button.clicked.connect(lambda: self._move_current(+1))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        for key, slot, button in (
            ("Delete", self._on_remove_clicked, self.remove_button),
            ("Alt+Up", lambda: self._move_current(-1), self.up_button),
            ("Alt+Down", lambda: self._move_current(+1), self.down_button),
        ):
            shortcut = QShortcut(QKeySequence(key), self.view)
            shortcut.setWhatsThis(button.text())  # its line in Help ▸ Keyboard shortcuts
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.view.selectionModel().currentRowChanged.connect(self._on_view_current_changed)
        self.rotate_box.toggled.connect(self.rotate_toggled)
        self.rotate_seconds.valueChanged.connect(self.rotate_seconds_changed)

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(row))

    def select_code(self, code: str) -> None:
        codes = self.model.codes()
        if code in codes:
            self.select_row(codes.index(code))

    def _reserve_countdown(self) -> None:
        """Hold the widest countdown's room from the start, so its appearing moves nothing."""
        samples = (  # the Console's texts (console.py), in its translation context
            QCoreApplication.translate("Console", "Auto-rotate paused by a manual take"),
            QCoreApplication.translate("Console", "Next job in {seconds} s").format(
                seconds=ROTATE_MAX_S
            ),
        )
        metrics = self.countdown.fontMetrics()
        widest = max(metrics.boundingRect(text).width() for text in samples)
        self.countdown.setMinimumSize(widest + 2 * metrics.averageCharWidth(), metrics.height())

    def show_countdown(self, text: str) -> None:
        self.countdown.setText(text)

    def _move_current(self, step: int) -> None:
        row = self.view.currentIndex().row()
        if row >= 0 and self.model.move_row(row, row + step):
            self.select_row(row + step)

    def _on_remove_clicked(self) -> None:
        row = self.view.currentIndex().row()
        if row >= 0:
            self.model.remove_rows([row])
            self.select_row(min(row, self.model.rowCount() - 1))

    def _on_view_current_changed(self, current, _previous) -> None:
        if current.isValid():
            self.job_chosen.emit(current.data(RundownModel.CodeRole))
