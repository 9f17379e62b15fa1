"""The sync worker is built off the GUI thread: a start or a stop while one is on its way
never leaves two workers sending from one outbox."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from hostdesk.config import Settings
from hostdesk.ui import tasks
from hostdesk.ui.sync_status import SyncControl, SyncStatusWidget


class Worker:
    def __init__(self, hub_url: str):
        self.hub_url, self.started, self.stopped = hub_url, False, False

    def start(self) -> None:
        self.started = True

    def stop(self, timeout: float = 5.0) -> None:
        self.stopped = True

    def pull_often(self, on: bool) -> None:
        pass


class Factory:
    """Builds a Worker per call, each held until the test lets it through."""

    def __init__(self):
        self.built: list[Worker] = []
        self.gates: list[threading.Event] = []
        self.overlapped: list[bool] = []
        self._lock = threading.Lock()

    def __call__(self, settings: Settings, _report) -> Worker:
        gate = threading.Event()
        with self._lock:
            self.gates.append(gate)
            # Whether a worker built earlier was still running when this build began.
            self.overlapped.append(not _no_worker_left_running(self))
        gate.wait(30)
        worker = Worker(settings.signup.hub_url)
        with self._lock:
            self.built.append(worker)
        return worker

    def release(self) -> None:
        for gate in list(self.gates):
            gate.set()


def _settings(hub: str) -> Settings:
    settings = Settings()
    return replace(settings, signup=replace(settings.signup, hub_url=hub))


@pytest.fixture
def control(qtbot):
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    factory = Factory()
    yield SyncControl(factory, widget), factory
    factory.release()
    tasks.wait_idle()


def test_settings_changed_while_the_worker_is_built_keep_only_the_newest(control, qtbot):
    sync, factory = control
    sync.start(_settings("https://a.example"))
    qtbot.waitUntil(lambda: len(factory.gates) == 1, timeout=10_000)
    sync.start(_settings("https://b.example"))  # the first build is still on its way
    qtbot.waitUntil(lambda: len(factory.gates) == 2, timeout=10_000)
    factory.release()
    qtbot.waitUntil(lambda: sync.worker is not None and len(factory.built) == 2, timeout=10_000)
    first = next(w for w in factory.built if w.hub_url == "https://a.example")
    assert not first.started  # superseded before it was built: it never sends
    assert sync.worker.hub_url == "https://b.example" and not sync.worker.stopped


def test_the_same_settings_twice_build_one_worker(control, qtbot):
    sync, factory = control
    sync.start(_settings("https://a.example"))
    sync.start(_settings("https://a.example"))  # e.g. the first listing, then the guide's save
    qtbot.waitUntil(lambda: len(factory.gates) == 1, timeout=10_000)
    factory.release()
    qtbot.waitUntil(lambda: sync.worker is not None, timeout=10_000)
    assert tasks.wait_idle()
    assert len(factory.built) == 1 and not factory.built[0].stopped


def _no_worker_left_running(factory: Factory) -> bool:
    return all(w.stopped or not w.started for w in factory.built)


def test_a_quit_stops_a_worker_whose_build_answer_never_arrives(control, qtbot):
    """At quit the event loop has ended: a build finishing then is never answered on the
    GUI thread, so the quit itself must stop what it started (the app segfaulted when its
    worker reported into Qt objects being torn down)."""
    sync, factory = control
    sync.start(_settings("https://a.example"))
    qtbot.waitUntil(lambda: len(factory.gates) == 1, timeout=10_000)
    factory.release()
    assert tasks.wait_idle()  # built and started; its answer waits in the event queue
    assert factory.built and factory.built[0].started
    sync.stop()  # no events are processed from here on, as after qt_app.exec() returns
    assert _no_worker_left_running(factory)


def test_a_quit_before_the_build_finishes_never_starts_its_worker(control, qtbot):
    sync, factory = control
    sync.start(_settings("https://a.example"))
    qtbot.waitUntil(lambda: len(factory.gates) == 1, timeout=10_000)
    sync.stop()
    factory.release()
    assert tasks.wait_idle()  # no events processed: the build's answer is never delivered
    assert len(factory.built) == 1 and not factory.built[0].started


def test_a_new_build_begins_only_once_the_worker_it_replaces_has_stopped(control, qtbot):
    sync, factory = control
    sync.start(_settings("https://a.example"))
    qtbot.waitUntil(lambda: len(factory.gates) == 1, timeout=10_000)
    factory.release()
    assert tasks.wait_idle()  # the first worker runs; its answer is not yet handed over
    sync.start(_settings("https://b.example"))
    qtbot.waitUntil(lambda: len(factory.gates) == 2, timeout=10_000)
    factory.release()
    qtbot.waitUntil(lambda: sync.worker is not None and len(factory.built) == 2, timeout=10_000)
    assert factory.overlapped == [False, False]  # never two workers on one outbox
    first, second = factory.built
    assert first.started and first.stopped and sync.worker is second and not second.stopped
