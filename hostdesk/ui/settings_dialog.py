"""The settings dialog: OBS connection, overlay look, sign-up link, hotkeys and language."""

from __future__ import annotations

import copy
from pathlib import Path
from urllib.parse import urlsplit

import shiboken6
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hostdesk import config
from hostdesk.config import Settings
from hostdesk.core.jobs import Job
from hostdesk.render.geometry import Layout, Position, layout_label, position_label
from hostdesk.render.qr import signup_url
from hostdesk.render.themes import DEFAULT_THEME, THEMES, theme_label
from hostdesk.ui import tasks
from hostdesk.ui.hotkeys import HotkeysForm
from hostdesk.ui.hub_form import HubConnectionTest
from hostdesk.ui.obs_form import ObsConnectionForm, message_label

LANGUAGE_NAMES = {"zh_CN": "中文", "en": "English"}  # each in its own language: not translated
EXAMPLE_CODE, EXAMPLE_SESSION = "A1024", "s8k2m4qx"
EXAMPLE_DEVICE = "pc-1"  # what the hub calls this PC (its device token's name)


def save_obs_and_settings(
    data_dir: Path, settings: Settings, password: str, token: str | None = None
):
    """Worker side of OK/Finish: the secrets where they belong, then the file (atomic, 0600).

    Returns (settings, keyring warning or None): plain data for the GUI thread.
    """
    warning = config.store_obs_password(data_dir, settings, password)
    if token is not None:
        warning = config.store_sync_token(data_dir, settings, token) or warning
    config.save_settings(data_dir, settings)
    return settings, warning


class SettingsDialog(QDialog):
    """Edits a copy of the settings; OK checks every field, then saves on a worker thread.

    `settings_saved(Settings)` follows a completed save; `language_changed(code)` too, when
    the language changed (the caller applies it); `notice(text)` carries anything the
    main window should show after the dialog closed (the keyring refused the password).
    """

    settings_saved = Signal(object)
    language_changed = Signal(str)
    notice = Signal(str)

    def __init__(self, settings: Settings, data_dir: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        self._original = settings
        self._data_dir = data_dir
        self._errors: dict[str, QLabel] = {}
        self._saving = False

        self.tabs = QTabWidget()
        self.tabs.addTab(self._obs_tab(settings), self.tr("OBS"))
        self.tabs.addTab(self._overlay_tab(settings), self.tr("Overlay"))
        self.tabs.addTab(self._signup_tab(settings), self.tr("Sign-up link"))
        self.hotkeys_form = HotkeysForm(settings.hotkeys)
        self.hotkey_edits = self.hotkeys_form.edits
        self.tabs.addTab(self.hotkeys_form, self.tr("Hotkeys"))
        self.tabs.addTab(self._language_tab(settings), self.tr("Language"))
        self.save_error = message_label("save_error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.save_error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self._load_password()

    # -- tabs ----------------------------------------------------------------------------

    def _obs_tab(self, settings: Settings) -> QWidget:
        self.obs_form = ObsConnectionForm(settings.obs.url)
        # The stored password may be in the keyring, which must not be asked on this thread.
        self.obs_form.password_edit.setEnabled(False)
        self.obs_form.password_edit.setPlaceholderText(self.tr("Reading the saved password…"))
        note = QLabel(
            self.tr(
                "Find these in OBS under Tools → WebSocket Server Settings (Show Connect Info)."
            )
        )
        note.setWordWrap(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addWidget(self.obs_form)
        layout.addStretch(1)
        return page

    def _overlay_tab(self, settings: Settings) -> QWidget:
        overlay = settings.overlay
        self.layout_combo = QComboBox()
        self.layout_combo.setObjectName("layout")
        for layout in Layout:
            self.layout_combo.addItem(layout_label(layout), layout.value)
        self.layout_combo.setCurrentIndex(max(0, self.layout_combo.findData(overlay.layout)))
        self.theme_combo = QComboBox()
        self.theme_combo.setObjectName("theme")
        for name in THEMES:
            self.theme_combo.addItem(theme_label(name), name)
        theme = overlay.theme or DEFAULT_THEME
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(theme)))
        self.position_combo = QComboBox()
        self.position_combo.setObjectName("position")
        for position in Position:
            self.position_combo.addItem("", position.value)
        self.position_combo.setCurrentIndex(max(0, self.position_combo.findData(overlay.position)))
        self._relabel_positions()
        self.rotate_spin = QSpinBox()
        self.rotate_spin.setObjectName("rotate_seconds")
        self.rotate_spin.setRange(*config.ROTATE_BOUNDS)
        self.rotate_spin.setSuffix(self.tr(" s"))
        self.rotate_spin.setValue(settings.rundown.rotate_seconds)
        self.counter_check = QCheckBox(
            self.tr("Show how many signed up and the newest sign-up (name masked) over the card")
        )
        self.counter_check.setObjectName("show_counter")
        self.counter_check.setChecked(overlay.show_counter)
        form = QFormLayout()
        form.addRow(self.tr("Card layout"), self.layout_combo)
        form.addRow(self.tr("Position"), self.position_combo)
        form.addRow(self.tr("Colours"), self.theme_combo)
        form.addRow(self.tr("Auto-rotate: each job on air for"), self.rotate_spin)
        form.addRow(self.tr("Sign-up counter"), self.counter_check)
        self.layout_combo.currentIndexChanged.connect(self._on_layout_combo_changed)
        return _page(form)

    def _signup_tab(self, settings: Settings) -> QWidget:
        self.hub_edit = QLineEdit(settings.signup.hub_url)
        self.hub_edit.setObjectName("hub_url")
        self.hub_edit.setPlaceholderText("https://hub.example.cn")
        self.template_edit = QLineEdit(settings.signup.url_template)
        self.template_edit.setObjectName("url_template")
        self.example_label = QLabel()
        self.example_label.setObjectName("signup_example")
        self.example_label.setWordWrap(True)
        help_label = QLabel(
            self.tr(
                "{hub} is the hub address above, {code} the job's code, {session} tonight's "
                "session, {device} this PC's name on the hub: sign-ups can then be traced to "
                "the job, the stream and the PC."
            )
        )
        help_label.setWordWrap(True)
        # The hub token is read from the keyring on a worker, like the OBS password.
        self.token_edit = QLineEdit()
        self.token_edit.setObjectName("hub_token")
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setEnabled(False)
        self.token_edit.setPlaceholderText(self.tr("Reading the saved token…"))
        self.retention_spin = QSpinBox()
        self.retention_spin.setObjectName("retention_days")
        self.retention_spin.setRange(*config.RETENTION_BOUNDS)
        self.retention_spin.setValue(settings.registrations.retention_days)
        self.retention_spin.setSuffix(self.tr(" days"))
        form = QFormLayout()
        form.addRow(self.tr("Hub address"), self.hub_edit)
        form.addRow("", self._error_label("hub_url"))
        form.addRow(self.tr("Token for this PC"), self.token_edit)
        form.addRow(
            "", QLabel(self.tr("The agency's back office gives it (hostdesk hub token create)."))
        )
        # 测试连接 on a worker, and a warning in place when phones cannot open the address.
        self.hub_test = HubConnectionTest(self.hub_edit, self.token_edit)
        form.addRow("", self.hub_test)
        form.addRow(self.tr("Erase sign-ups' personal data after"), self.retention_spin)
        form.addRow(self.tr("Link template"), self.template_edit)
        form.addRow("", self._error_label("url_template"))
        form.addRow("", help_label)
        form.addRow(self.tr("Example"), self.example_label)
        self.hub_edit.textChanged.connect(self._on_signup_text_changed)
        self.template_edit.textChanged.connect(self._on_signup_text_changed)
        self._on_signup_text_changed()
        return _page(form)

    def _language_tab(self, settings: Settings) -> QWidget:
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language")
        for code in config.LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[code], code)
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(settings.general.language))
        )
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language_combo)
        return _page(form)

    def _error_label(self, name: str) -> QLabel:
        label = message_label(f"{name}_error")
        self._errors[name] = label
        return label

    # -- live updates --------------------------------------------------------------------

    def _load_password(self) -> None:
        settings = self._original
        tasks.run(lambda: (config.obs_password(settings), config.sync_token(settings)),
                  self._on_password_read, self._on_password_failed)  # fmt: skip

    def _on_password_read(self, secrets: tuple[str, str]) -> None:
        if not shiboken6.isValid(self):
            return
        for edit, secret in zip((self.obs_form.password_edit, self.token_edit), secrets,
                                strict=True):  # fmt: skip
            if not edit.text():  # never overwrite what the user already typed
                edit.setText(secret)
            edit.setPlaceholderText("")
            edit.setEnabled(True)

    def _on_password_failed(self, _exc: Exception) -> None:
        self._on_password_read(("", ""))

    def _relabel_positions(self) -> None:
        layout = self.layout_combo.currentData()
        for index in range(self.position_combo.count()):
            text = position_label(self.position_combo.itemData(index), layout)
            self.position_combo.setItemText(index, text)

    def _on_layout_combo_changed(self, _index: int) -> None:
        self._relabel_positions()

    def _on_signup_text_changed(self, _text: str = "") -> None:
        problem, _blocking = self._signup_problem()
        self._show_error("url_template", problem)
        if problem is None:
            self.example_label.setText(self._example_url())
        else:
            self.example_label.setText("—")

    # -- checking and saving -------------------------------------------------------------

    def _example_url(self) -> str:
        job = Job(code=EXAMPLE_CODE, title="")
        hub = self.hub_edit.text().strip()
        return signup_url(
            job, self.template_edit.text().strip(), hub, EXAMPLE_SESSION, EXAMPLE_DEVICE
        )

    def _signup_problem(self) -> tuple[str | None, bool]:
        """(what is wrong with the sign-up link template, in words, or None; must it block OK?)

        A template using {hub} while the hub address is empty (the shipped defaults) is
        only noted: other settings must stay savable before the hub is set up.
        """
        template = self.template_edit.text().strip()
        try:
            url = self._example_url()
        except Exception:  # ValueError, or AttributeError for a {hub.x} str.format allows
            text = self.tr(
                "The template may only use {hub}, {code}, {session} and {device}, each in braces"
            )
            return text, True
        if "{code}" not in template:
            text = self.tr("The template must contain {code}: each job needs its own link")
            return text, True
        if "{hub}" in template and not self.hub_edit.text().strip():
            text = self.tr(
                "Fill in the hub address above: until then only jobs with their own sign-up link get a QR code"
            )
            return text, False
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            text = self.tr(
                "The link must start with https:// or http:// (or with {hub}), so phones can open it"
            )
            return text, True
        return None, False

    def _hub_problem(self) -> str | None:
        hub = self.hub_edit.text().strip()
        parts = urlsplit(hub)
        if hub and (parts.scheme not in ("http", "https") or not parts.netloc):
            return self.tr("The hub address must start with https:// or http://")
        return None

    def _show_error(self, name: str, text: str | None) -> None:
        label = self._errors[name]
        label.setText(text or "")
        label.setVisible(bool(text))

    def _check(self) -> bool:
        """Show every problem next to its field; switch to the first tab that has one."""
        problems: list[tuple[int, QWidget]] = []
        if not self.obs_form.check_url():
            problems.append((0, self.obs_form.url_edit))
        template_problem, blocking = self._signup_problem()
        for name, text, widget, blocks in (
            ("hub_url", self._hub_problem(), self.hub_edit, True),
            ("url_template", template_problem, self.template_edit, blocking),
        ):
            self._show_error(name, text)
            if text and blocks:
                problems.append((2, widget))
        bad_hotkey = self.hotkeys_form.check()
        if bad_hotkey is not None:
            problems.append((3, bad_hotkey))
        if problems:
            tab, widget = problems[0]
            self.tabs.setCurrentIndex(tab)
            widget.setFocus()
        return not problems

    def edited_settings(self) -> Settings:
        """The settings as the fields say (the password apart: it goes via the keyring)."""
        settings = copy.deepcopy(self._original)
        settings.obs.url = self.obs_form.url()
        settings.overlay.layout = self.layout_combo.currentData()
        settings.overlay.position = self.position_combo.currentData()
        settings.overlay.theme = self.theme_combo.currentData()
        settings.overlay.show_counter = self.counter_check.isChecked()
        settings.rundown.rotate_seconds = self.rotate_spin.value()
        settings.signup.hub_url = self.hub_edit.text().strip()
        settings.registrations.retention_days = self.retention_spin.value()
        settings.signup.url_template = self.template_edit.text().strip()
        for action, value in self.hotkeys_form.values().items():
            setattr(settings.hotkeys, action, value)
        settings.general.language = self.language_combo.currentData()
        return settings

    def _on_buttons_accepted(self) -> None:
        if self._saving or not self._check():
            return
        if not self.obs_form.password_edit.isEnabled():
            # The saved password has not been read yet: saving now would erase it.
            self.save_error.setText(self.tr("Still reading the saved password: try again"))
            self.save_error.setVisible(True)
            return
        settings, password = self.edited_settings(), self.obs_form.password()
        token = self.token_edit.text().strip()
        data_dir = self._data_dir
        self._saving = True
        self.buttons.setEnabled(False)
        self.save_error.setVisible(False)
        tasks.run(lambda: save_obs_and_settings(data_dir, settings, password, token),
                  self._on_saved, self._on_save_failed)  # fmt: skip

    def reject(self) -> None:
        if not self._saving:  # a save under way finishes first: then the dialog closes itself
            super().reject()

    def _on_saved(self, result) -> None:
        if not shiboken6.isValid(self):
            return
        settings, warning = result
        self._saving = False
        self.buttons.setEnabled(True)
        old_language = self._original.general.language
        self._original = settings
        self.settings_saved.emit(settings)
        if settings.general.language != old_language:
            self.language_changed.emit(settings.general.language)
        if warning is not None:
            self.notice.emit(keyring_notice())
        self.accept()

    def _on_save_failed(self, exc: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        self._saving = False
        self.buttons.setEnabled(True)
        self.save_error.setText(
            self.tr("The settings could not be saved ({detail}): check the disk and try again").format(
                detail=exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
            )
        )  # fmt: skip
        self.save_error.setVisible(True)


def keyring_notice() -> str:
    """Said after a save when the system keyring refused the password and the file has it."""
    return QCoreApplication.translate(
        "SettingsDialog",
        "The system keyring refused the OBS password, so it is kept in HostDesk's settings file, readable only by you",
    )


def _page(form: QFormLayout) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addLayout(form)
    layout.addStretch(1)
    return page
