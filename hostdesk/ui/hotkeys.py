"""Hotkey settings as Qt key sequences: parsing and checking them, and the form that edits them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hostdesk.config import HotkeySettings
from hostdesk.i18n import translated
from hostdesk.ui.obs_form import message_label

ACTIONS = ("take", "next", "previous", "clear", "rotate")  # the fields of config.HotkeySettings
ACTION_LABELS = {
    "take": QT_TRANSLATE_NOOP("Hotkeys", "Put the selected job on air"),
    "next": QT_TRANSLATE_NOOP("Hotkeys", "Next job in the rundown"),
    "previous": QT_TRANSLATE_NOOP("Hotkeys", "Previous job in the rundown"),
    "clear": QT_TRANSLATE_NOOP("Hotkeys", "Take the overlay off air"),
    "rotate": QT_TRANSLATE_NOOP("Hotkeys", "Auto-rotate on/off"),
}
# 1-9 preview rundown slots 1-9 and Ctrl+1-9 take them (fixed), so no action may use them.
SLOT_KEYS = {getattr(Qt.Key, f"Key_{n}") for n in range(1, 10)}
SLOT_MODIFIERS = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier)
SEPARATOR = "; "  # between alternatives, as QKeySequence.listFromString expects
_PORTABLE = QKeySequence.SequenceFormat.PortableText


class HotkeyProblem(ValueError):
    """`reason`: "unknown" (not a key), "chord" (several keys in a row), "slot" (1-9, Ctrl+1-9)."""

    def __init__(self, reason: str, part: str) -> None:
        super().__init__(f"{reason}: {part!r}")
        self.reason = reason
        self.part = part


def action_label(action: str) -> str:
    return translated("Hotkeys", ACTION_LABELS[action])


def parse(text: str) -> list[QKeySequence]:
    """The key sequences in a settings value ("Space; Return"); empty text means no key.

    Splits on ";" with or without the space, so typed text need not be exact; raises
    HotkeyProblem for the first part that is not one key (with modifiers).
    """
    sequences = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        sequence = QKeySequence.fromString(part, _PORTABLE)
        if sequence.count() == 0 or any(
            sequence[i].key() == Qt.Key.Key_unknown for i in range(sequence.count())
        ):
            raise HotkeyProblem("unknown", part)
        if sequence.count() > 1:
            raise HotkeyProblem("chord", part)
        combination = sequence[0]
        modifiers = combination.keyboardModifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if combination.key() in SLOT_KEYS and modifiers in SLOT_MODIFIERS:
            raise HotkeyProblem("slot", part)
        sequences.append(sequence)
    return sequences


def normalized(text: str) -> str:
    """The settings value in Qt's own spelling ("ctrl+r;esc" → "Ctrl+R; Esc")."""
    return SEPARATOR.join(s.toString(_PORTABLE) for s in parse(text))


def clashes(values: dict[str, str]) -> dict[str, tuple[str, str]]:
    """{action: (key, earlier action)} for each action that reuses an earlier action's key.

    Values must parse (check each with `parse` first).
    """
    owner: dict[str, str] = {}
    found: dict[str, tuple[str, str]] = {}
    for action, text in values.items():
        for sequence in parse(text):
            key = sequence.toString(_PORTABLE)
            if key in owner and owner[key] != action:
                found.setdefault(action, (key, owner[key]))
            owner.setdefault(key, action)
    return found


class HotkeysForm(QWidget):
    """One row per action: the keys as text, a box to press a key in, a message in place."""

    def __init__(self, keys: HotkeySettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for action in ACTIONS:
            edit = QLineEdit(getattr(keys, action))
            edit.setObjectName(f"hotkey_{action}")
            recorder = QKeySequenceEdit()
            recorder.setToolTip(self.tr("Press a key here to add it"))
            recorder.setMaximumWidth(140)
            recorder.editingFinished.connect(
                lambda edit=edit, recorder=recorder: self._on_key_recorded(edit, recorder)
            )
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(recorder)
            form.addRow(action_label(action), row)
            self.errors[action] = message_label(f"hotkey_{action}_error")
            form.addRow("", self.errors[action])
            self.edits[action] = edit
        note = QLabel(
            self.tr(
                "Separate alternatives with “; ”, for example Right; PgDown. Keys 1 to 9 "
                "preview rundown slots 1 to 9 and Ctrl+1 to 9 put them on air: those are fixed."
            )
        )
        note.setWordWrap(True)
        defaults = QPushButton(self.tr("Restore default keys"))
        defaults.setObjectName("hotkeys_defaults")
        defaults.clicked.connect(self._on_defaults_clicked)
        form.addRow("", note)
        form.addRow("", defaults)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    def check(self) -> QLineEdit | None:
        """Show each problem next to its row; the first bad field, or None when all are fine."""
        problems: dict[str, str] = {}
        good: dict[str, str] = {}
        for action, edit in self.edits.items():
            try:
                parse(edit.text())
            except HotkeyProblem as problem:
                problems[action] = self._problem_text(problem)
            else:
                good[action] = edit.text()
        for action, (key, other) in clashes(good).items():
            problems[action] = self.tr(
                "{key} is already used for “{action}”: choose another key"
            ).format(key=key, action=action_label(other))
        for action, label in self.errors.items():
            label.setText(problems.get(action, ""))
            label.setVisible(action in problems)
        return next((self.edits[a] for a in ACTIONS if a in problems), None)

    def values(self) -> dict[str, str]:
        """{action: keys in Qt's own spelling}; call after check() found nothing wrong."""
        return {action: normalized(edit.text()) for action, edit in self.edits.items()}

    def _problem_text(self, problem: HotkeyProblem) -> str:
        if problem.reason == "slot":
            text = self.tr("{key} is kept for the rundown slots: choose another key")
        elif problem.reason == "chord":
            text = self.tr(
                "“{key}” is several keys in a row: use one key, with Ctrl/Shift/Alt if needed"
            )
        else:
            text = self.tr(
                "“{key}” is not a key name: press the key in the box on the right instead"
            )
        return text.format(key=problem.part)

    def _on_key_recorded(self, edit: QLineEdit, recorder: QKeySequenceEdit) -> None:
        recorded = recorder.keySequence()
        recorder.clear()
        if recorded.isEmpty():
            return
        parts = [p.strip() for p in edit.text().split(";") if p.strip()]
        key = recorded.toString(_PORTABLE)
        if key not in parts:
            edit.setText(SEPARATOR.join([*parts, key]))

    def _on_defaults_clicked(self) -> None:
        defaults = HotkeySettings()
        for action, edit in self.edits.items():
            edit.setText(getattr(defaults, action))
            self.errors[action].setVisible(False)
