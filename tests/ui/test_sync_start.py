"""The hub's worker starts once the catalogue is first listed, or after a few seconds anyway."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from hostdesk.ui import launch


class Window(QObject):
    """What start_sync_after_first_listing uses of the main window."""

    catalogue_loaded = Signal(int)

    def __init__(self):
        super().__init__()
        self.starts = 0

    def start_sync(self) -> None:
        self.starts += 1


def test_sync_starts_at_the_first_listing_and_only_once(qtbot):
    window = Window()
    launch.start_sync_after_first_listing(window)
    assert window.starts == 0  # not beside the first read
    window.catalogue_loaded.emit(5000)
    assert window.starts == 1
    window.catalogue_loaded.emit(5000)  # a reload: the worker is already running
    assert window.starts == 1


def test_sync_starts_anyway_when_the_catalogue_is_never_listed(qtbot, monkeypatch):
    """A first run's guide, or a failed read: the outbox is not left waiting."""
    monkeypatch.setattr(launch, "SYNC_START_LATEST_MS", 50)
    window = Window()
    launch.start_sync_after_first_listing(window)
    qtbot.waitUntil(lambda: window.starts == 1, timeout=10_000)
    window.catalogue_loaded.emit(1)
    assert window.starts == 1
