"""Catalogue reloads that finish out of order: the window shows the newest read, not the last."""

from __future__ import annotations

import threading
from dataclasses import replace

from hostdesk.core.jobs import Job
from hostdesk.ui import tasks
from hostdesk.ui.main_window import MainWindow


class FirstReadHeldBack:
    """The real catalogue; the first read returns what it saw only once `release` is set."""

    def __init__(self, catalogue):
        self._catalogue = catalogue
        self.repo = self
        self.reads = 0
        self.first_has_read = threading.Event()
        self.release = threading.Event()

    def list_jobs(self):
        self.reads += 1
        jobs = self._catalogue.repo.list_jobs()
        if self.reads == 1:
            self.first_has_read.set()
            assert self.release.wait(30)
        return jobs

    def lint(self, jobs):
        return self._catalogue.lint(jobs)

    def load_demo_if_empty(self):
        return self._catalogue.load_demo_if_empty()


def test_an_older_read_finishing_last_does_not_undo_a_newer_one(qtbot, qapp, ctx):
    ctx.jobs.upsert_many([Job(code="R1", title="旧标题")])
    catalogue = FirstReadHeldBack(ctx.catalogue)
    win = MainWindow(catalogue, [])
    qtbot.addWidget(win)
    win.load_catalogue()  # read 1 sees the old title, then waits
    assert catalogue.first_has_read.wait(30)
    ctx.jobs.update(replace(ctx.jobs.get("R1"), title="新标题"))  # e.g. a resolved conflict
    with qtbot.waitSignal(win.catalogue_loaded, timeout=10_000):
        win.load_catalogue()  # read 2 sees the new title and is shown
    assert win.console.jobs["R1"].title == "新标题"

    catalogue.release.set()
    assert tasks.wait_idle()  # read 1 has finished and its result is queued for delivery
    with qtbot.waitCallback(timeout=10_000) as barrier:  # delivered after read 1's result
        tasks.run(lambda: None, barrier)
    assert win.console.jobs["R1"].title == "新标题"
    assert win.model.rowCount() == 1
