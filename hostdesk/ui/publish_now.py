"""The window's 发布到中心: publish the catalogue now on a worker, and say what happened
(published, conflicts waiting for a person, or the hub unreachable) in words."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, Signal

from hostdesk import config, messages
from hostdesk.config import Settings
from hostdesk.services.publish_now import Published, publish_catalogue
from hostdesk.sync.client import NOT_CONFIGURED, HubError, HubRefused
from hostdesk.ui import tasks


class PublishNow(QObject):
    """One publish at a time; `finished(text, ok)` on the GUI thread when it is over."""

    finished = Signal(str, bool)  # what to show; False: conflicts, or nothing reached the hub

    def __init__(self, hub: object, settings: Callable[[], Settings], parent=None):
        super().__init__(parent)
        self._hub = hub  # the store's hub state, handed to publish_catalogue on the worker
        self._settings = settings
        self.running = False

    def start(self) -> bool:
        """Publish now (False: one is already under way). Never waits on this thread."""
        if self.running:
            return False
        self.running = True
        hub, settings = self._hub, self._settings()

        def work() -> Published:
            url, token = config.hub_connection(settings)  # the keyring: not on the GUI thread
            return publish_catalogue(hub, url, token)

        tasks.run(work, self._on_done, self._on_failed)
        return True

    def _on_done(self, published: Published) -> None:
        if not shiboken6.isValid(self):
            return
        self.running = False
        summary = published.summary
        if published.conflicts_open:
            text = self.tr(
                "Published to the hub: {created} new, {updated} updated. {conflicts} were changed on the hub too and wait for you under Job conflicts"
            ).format(
                created=summary.created, updated=summary.updated,
                conflicts=published.conflicts_open,
            )  # fmt: skip
            self.finished.emit(text, False)
        elif summary.sent == 0:
            self.finished.emit(self.tr("The hub already has every job as it is here"), True)
        else:
            text = self.tr("Published to the hub: {created} new, {updated} updated").format(
                created=summary.created, updated=summary.updated + summary.unchanged
            )
            self.finished.emit(text, True)

    def _on_failed(self, exc: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        self.running = False
        if isinstance(exc, HubError) and exc.reason == NOT_CONFIGURED:
            text = self.tr("No hub is set up: fill in its address and this PC's token in Settings")
        elif isinstance(exc, HubRefused):
            text = self.tr(
                "The hub refused the publish ({reason}): check the address and token in Settings"
            ).format(reason=messages.sync_reason(exc.reason))
        elif isinstance(exc, HubError):
            text = self.tr(
                "The hub cannot be reached ({reason}): nothing was published. The jobs stay here and go to the hub once it answers"
            ).format(reason=messages.sync_reason(exc.reason))
        else:
            text = messages.error_text(exc)
        self.finished.emit(text, False)
