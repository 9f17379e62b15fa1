"""The first-run guide: welcome, connect to OBS and to the hub (each skippable), then the catalogue."""

from __future__ import annotations

import copy
from pathlib import Path
from urllib.parse import urlsplit

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from hostdesk.config import Settings
from hostdesk.ui import tasks
from hostdesk.ui.hub_form import HubConnectionTest
from hostdesk.ui.obs_form import ObsConnectionForm, message_label
from hostdesk.ui.settings_dialog import keyring_notice, save_obs_and_settings

CHOICES = ("demo", "import", "empty")


class FirstRunGuide(QWizard):
    """Four short pages; Finish saves the OBS connection, the hub (address, token) and
    `first_run_done`, then closes.

    `choice()` says what the user wants next ("demo", "import" or "empty"): loading the
    demo catalogue or opening the import dialog is the caller's job, after `accepted`.
    Cancel saves nothing, so the guide comes back at the next start.
    """

    settings_saved = Signal(object)  # the saved Settings, emitted before the guide closes
    notice = Signal(str)  # e.g. the keyring refused the password: for the main window to show

    def __init__(self, settings: Settings, data_dir: Path, password: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to HostDesk"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self._settings = settings
        self._data_dir = data_dir
        self._saving = False
        self._saved = False
        self.addPage(self._welcome_page())
        self.obs_page = self._obs_page(settings, password)
        self.addPage(self.obs_page)
        self.hub_page = self._hub_page(settings)
        self.addPage(self.hub_page)
        self.addPage(self._catalogue_page())

    # -- pages ---------------------------------------------------------------------------

    def _welcome_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(self.tr("Welcome"))
        text = QLabel(
            self.tr(
                "HostDesk puts job cards and sign-up QR codes into your live stream through "
                "OBS Studio. A few quick steps: connect to OBS, to the agency's hub if you "
                "have one, then choose your job list."
            )
        )
        text.setWordWrap(True)
        QVBoxLayout(page).addWidget(text)
        return page

    def _obs_page(self, settings: Settings, password: str) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(self.tr("Connect to OBS"))
        page.setSubTitle(
            self.tr(
                "In OBS open Tools → WebSocket Server Settings, tick “Enable WebSocket server”, "
                "then click “Show Connect Info” for the port and the password."
            )
        )
        self.obs_form = ObsConnectionForm(settings.obs.url, password)
        skip = QLabel(self.tr("No OBS yet? Click Next: you can set it up later in Settings."))
        skip.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.obs_form)
        layout.addStretch(1)
        layout.addWidget(skip)
        return page

    def _hub_page(self, settings: Settings) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(self.tr("Connect to the hub"))
        page.setSubTitle(
            self.tr(
                "The agency's hub puts each job's sign-up page behind the QR code and gathers "
                "the sign-ups of every PC. The office gives you its address and this PC's token."
            )
        )
        self.hub_url_edit = QLineEdit(settings.signup.hub_url)
        self.hub_url_edit.setObjectName("hub_url")
        self.hub_url_edit.setPlaceholderText("https://hub.example.cn")
        self.hub_url_error = message_label("hub_url_error")
        # Empty: the saved token (if any) stays; it is never read here (the keyring may block).
        self.hub_token_edit = QLineEdit()
        self.hub_token_edit.setObjectName("hub_token")
        self.hub_token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.hub_test = HubConnectionTest(self.hub_url_edit, self.hub_token_edit)
        form = QFormLayout()
        form.addRow(self.tr("Hub address"), self.hub_url_edit)
        form.addRow("", self.hub_url_error)
        form.addRow(self.tr("Token for this PC"), self.hub_token_edit)
        skip = QLabel(self.tr("No hub yet? Click Next: you can set it up later in Settings."))
        skip.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.hub_test)
        layout.addStretch(1)
        layout.addWidget(skip)
        self.hub_url_edit.textEdited.connect(lambda _t: self.hub_url_error.setVisible(False))
        return page

    def _check_hub_url(self) -> bool:
        """An address, if given, must be a web address; the typed text stays as it is."""
        url = self.hub_url_edit.text().strip()
        parts = urlsplit(url)
        if url and (parts.scheme not in ("http", "https") or not parts.netloc):
            self.hub_url_error.setText(
                self.tr("The hub address must start with https:// or http://")
            )
            self.hub_url_error.setVisible(True)
            return False
        self.hub_url_error.setVisible(False)
        return True

    def _catalogue_page(self) -> QWizardPage:
        page = QWizardPage()
        page.setTitle(self.tr("Your job list"))
        page.setFinalPage(True)
        self.choice_group = QButtonGroup(page)
        labels = {
            "demo": self.tr("Load the demo jobs, to try everything out first"),
            "import": self.tr("Import my own job sheet (.xlsx or .csv)"),
            "empty": self.tr("Start with an empty list"),
        }
        layout = QVBoxLayout(page)
        self.choice_buttons: dict[str, QRadioButton] = {}
        for index, choice in enumerate(CHOICES):
            button = QRadioButton(labels[choice])
            button.setObjectName(f"choice_{choice}")
            self.choice_group.addButton(button, index)
            self.choice_buttons[choice] = button
            layout.addWidget(button)
        self.choice_buttons["demo"].setChecked(True)
        layout.addStretch(1)
        self.save_error = message_label("save_error")
        layout.addWidget(self.save_error)
        return page

    def choice(self) -> str:
        """ "demo", "import" or "empty": what to do with the catalogue once the guide closed."""
        return CHOICES[max(0, self.choice_group.checkedId())]

    # -- moving on and finishing ---------------------------------------------------------

    def validateCurrentPage(self) -> bool:  # Qt's virtual, hence the name
        if self.currentPage() is self.obs_page and not self.obs_form.check_url():
            self.obs_form.url_edit.setFocus()
            return False
        if self.currentPage() is self.hub_page and not self._check_hub_url():
            self.hub_url_edit.setFocus()
            return False
        return super().validateCurrentPage()

    def accept(self) -> None:
        """Finish: save on a worker, and close only once the settings are on disk."""
        if self._saved:
            super().accept()
            return
        if self._saving:
            return
        settings = copy.deepcopy(self._settings)
        settings.obs.url = self.obs_form.url()
        settings.signup.hub_url = self.hub_url_edit.text().strip()
        settings.general.first_run_done = True
        password, data_dir = self.obs_form.password(), self._data_dir
        token = self.hub_token_edit.text().strip() or None  # None: keep the saved one
        self._saving = True
        self._set_buttons_enabled(False)
        self.save_error.setVisible(False)
        tasks.run(lambda: save_obs_and_settings(data_dir, settings, password, token),
                  self._on_saved, self._on_save_failed)  # fmt: skip

    def reject(self) -> None:
        if not self._saving:  # a save under way finishes first: then the guide closes itself
            super().reject()

    def _on_saved(self, result) -> None:
        if not shiboken6.isValid(self):
            return
        settings, warning = result
        self._saving, self._saved = False, True
        self._set_buttons_enabled(True)
        self._settings = settings
        self.settings_saved.emit(settings)
        if warning is not None:
            self.notice.emit(keyring_notice())
        self.accept()

    def _on_save_failed(self, exc: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        self._saving = False
        self._set_buttons_enabled(True)
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        self.save_error.setText(
            self.tr("The settings could not be saved ({detail}): check the disk and try again").format(
                detail=detail
            )
        )  # fmt: skip
        self.save_error.setVisible(True)

    def _set_buttons_enabled(self, enabled: bool) -> None:
        buttons = QWizard.WizardButton
        for which in (buttons.FinishButton, buttons.BackButton, buttons.CancelButton):
            button: QWidget | None = self.button(which)
            if button is not None:
                button.setEnabled(enabled)
