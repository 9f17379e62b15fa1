"""A take has a lane of its own: OBS is told while a write still holds the writer lane."""

from __future__ import annotations

import threading
from concurrent.futures import Future

import pytest

from hostdesk.store.takes_repo import TakeRepository
from hostdesk.ui import tasks
from tests.ui.console_window import open_console


class AnsweringLink:
    """Stands in for the OBS link: keeps each frame and answers at once, as OBS does."""

    def __init__(self):
        self.frames = []

    def show(self, frame) -> Future:
        self.frames.append(frame)
        done: Future = Future()
        done.set_result(True)
        return done


@pytest.fixture
def win(qtbot, ctx):
    window = open_console(qtbot, ctx)
    yield window
    tasks.wait_idle()
    window.console.onair.lane_idle()


@pytest.fixture
def held_writer():
    """The writer lane busy with a write that ends only when the test says (a slow fsync)."""
    holding, release = threading.Event(), threading.Event()

    def slow_write() -> None:
        holding.set()
        release.wait(60)

    tasks.run_serial(slow_write, lambda _r: None)
    assert holding.wait(10), "the writer lane never started the held write"
    yield release
    release.set()


def _records(ctx) -> list[tuple[str, str | None]]:
    return [(take.action, take.job_code) for take in TakeRepository(ctx.db).list_takes()]


def test_a_take_is_acknowledged_while_a_write_holds_the_writer_lane(win, qtbot, ctx, held_writer):
    link = AnsweringLink()
    win.console.onair.use_link(link)
    taken = []
    win.console.taken.connect(lambda code, _image: taken.append(code))

    assert win.console.take("HX-001")
    # OBS was told and its answer reached the console: the held write did not delay it.
    qtbot.waitUntil(lambda: isinstance(win.console.take_answer, float), timeout=10_000)
    assert [frame.visible for frame in link.frames] == [True]
    assert link.frames[0].card_file.name.endswith("-card.png")
    # The record is written on the writer lane, after the write ahead of it.
    assert _records(ctx) == [] and taken == []

    held_writer.set()
    qtbot.waitUntil(lambda: taken == ["HX-001"], timeout=10_000)
    assert _records(ctx) == [("take", "HX-001")]


def test_takes_and_a_clear_reach_obs_in_order_and_are_recorded_in_order(
    win, qtbot, ctx, held_writer
):
    link = AnsweringLink()
    win.console.onair.use_link(link)
    cleared = []
    win.console.cleared.connect(lambda: cleared.append(True))

    assert win.console.take("HX-001")
    assert win.console.take("GE-002")
    win.console.clear()
    qtbot.waitUntil(lambda: len(link.frames) == 3, timeout=10_000)
    assert [frame.visible for frame in link.frames] == [True, True, False]
    assert link.frames[0].card_file != link.frames[1].card_file  # two jobs, two cards
    assert _records(ctx) == [] and cleared == []

    held_writer.set()
    qtbot.waitUntil(lambda: cleared == [True], timeout=10_000)
    assert _records(ctx) == [("take", "HX-001"), ("take", "GE-002"), ("clear", None)]
