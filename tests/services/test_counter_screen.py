"""The counter works through its small interfaces alone: any screen, any renderer, no Qt."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import Future
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

from hostdesk.config import Settings
from hostdesk.core.look import CounterImage
from hostdesk.services.counter import CounterService
from hostdesk.services.onair_look import build_look
from hostdesk.store.counter_reader import CounterRow


class PlainRenderer:
    """An OverlayRenderer that draws nothing: bytes that say what was asked."""

    def __init__(self):
        self.counters = []

    def counter(self, count, ticker, size, look) -> bytes:
        self.counters.append((count, ticker, size))
        return f"counter {count}".encode()

    def ticker(self, name, title, minutes) -> str:
        return f"{name}|{title}|{minutes}"

    def language(self) -> str:
        return "xx"


class Screen:
    """A CounterScreen: the job on air and the images it was handed."""

    def __init__(self, cache: Path):
        self.look = build_look(Settings())
        self.cache_dir = cache
        self.on_air = SimpleNamespace(code="HX-001")
        self.shown: list[CounterImage] = []
        self.live: list[Path | None] = []

    def counter_image(self, code):
        return next((i for i in reversed(self.shown) if i.code == code), None)

    def show_counter(self, image: CounterImage) -> Future:
        self.shown.append(image)
        done: Future = Future()
        done.set_result(True)
        return done

    def write_live_counter(self, file):
        self.live.append(file)


def test_the_counter_draws_through_the_renderer_and_shows_on_any_screen(tmp_path):
    signed = datetime(2026, 5, 1, 20, 0, tzinfo=UTC)
    rows = {"HX-001": CounterRow(3, "张三", signed, "普工")}
    screen, renderer = Screen(tmp_path), PlainRenderer()
    counter = CounterService(screen, rows.__getitem__, renderer, now=lambda: signed)

    result = counter.refresh()

    assert result.rendered and result.sent and result.count == 3
    size = tuple(screen.look.counter_rect()[2:])
    assert renderer.counters == [(3, "张**|普工|None", size)]
    [image] = screen.shown
    assert (image.code, image.count, image.look) == ("HX-001", 3, screen.look.counter_look())
    assert image.file.read_bytes() == b"counter 3" and screen.live == [image.file]


def test_the_on_air_services_import_no_qt_and_no_renderer():
    code = (
        "import sys; import hostdesk.services.counter, hostdesk.services.onair;"
        "import hostdesk.services.onair_look;"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'hostdesk.render'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
