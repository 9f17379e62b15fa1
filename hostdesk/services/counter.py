"""The live sign-up counter for the job on air: read, word, mask, render (throttled), show.

`refresh()` is cheap when nothing changed (one indexed query, no drawing, nothing sent):
the console calls it once a second while a job is on air and the counter is on, and
right after anything that may have changed it (a take, a save at the desk, a hub pull).
Sign-ups made elsewhere (`hostdesk reg add` in another process) are seen by the polling.

Throttle: at most one render every MIN_INTERVAL seconds. A change inside that window is
not dropped: `refresh()` says how long to wait, and the call after that renders the
newest state (the caller schedules it; the once-a-second poll would catch it anyway).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from hostdesk.core.look import CounterImage, Look
from hostdesk.core.phone import mask_name  # the desk's mask: the same on air
from hostdesk.fileio import atomic_write_bytes
from hostdesk.services.onair_renderer import OverlayRenderer
from hostdesk.store.counter_reader import CounterRow

log = logging.getLogger(__name__)

MIN_INTERVAL = 0.5  # seconds between renders: at most twice a second
TICKER_FOR = 10 * 60  # seconds a sign-up stays in the ticker
JUST_NOW = 2 * 60  # "just signed up" below this age, "N min ago" from it on
RENDER_VERSION = 1  # bump when the counter's drawing changes for the same text
KEEP_FILES = 48  # counter images kept in the cache (each new count makes one)


ReadCounter = Callable[[str], CounterRow]  # a job's count and newest sign-up (store)


class CounterScreen(Protocol):
    """What the counter shows its images on: the on-air service (services/onair.py), which
    owns the job on air; passed in, so the counter never imports it."""

    look: Look
    cache_dir: Path

    @property
    def on_air(self): ...  # the job on air (its `.code`), or None

    def counter_image(self, code: str) -> CounterImage | None: ...

    def show_counter(self, image: CounterImage) -> Future | None: ...

    def write_live_counter(self, file: Path | None) -> None: ...


def ticker_text(row: CounterRow, now: datetime, words) -> str | None:
    """The ticker line for the newest sign-up, or None when it is 10 minutes old or more.
    `words(name, title, minutes)` says it in the installed language (the renderer's)."""
    masked = mask_name(row.name)
    if row.newest_at is None or not masked:
        return None
    age = max(0.0, (now - row.newest_at).total_seconds())  # a hub clock ahead: "just now"
    if age >= TICKER_FOR:
        return None
    if age < JUST_NOW:
        return words(masked, row.title, None)
    return words(masked, row.title, int(age // 60))


@dataclass(frozen=True)
class Refresh:
    """What one refresh did: `rendered` a new image; `again_in` seconds until the caller
    must refresh again (a change waited out the throttle); `count` shown (None: nothing)."""

    rendered: bool = False
    sent: bool = False
    again_in: float | None = None
    count: int | None = None


class CounterService:
    def __init__(
        self,
        onair: CounterScreen,
        read: ReadCounter,
        renderer: OverlayRenderer,
        *,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        min_interval: float = MIN_INTERVAL,
    ):
        self._onair, self._read, self._renderer = onair, read, renderer
        self._clock, self._now, self._min_interval = clock, now, min_interval
        self._lock = threading.Lock()  # the poll and an immediate refresh may overlap
        self._last_render = float("-inf")
        self._shown: str | None = None  # key of the image last handed to the overlay
        self.renders = 0  # how many images were drawn (for tests and the bench)

    def refresh(self) -> Refresh:
        """Bring the counter of the job on air up to date; see the module's docstring."""
        with self._lock:
            onair = self._onair
            look, on_air = onair.look, onair.on_air
            if on_air is None or not look.counter:
                if self._shown is not None and not look.counter:  # just switched off
                    onair.write_live_counter(None)
                self._shown = None  # shown again from scratch once back on
                return Refresh()
            row = self._read(on_air.code)
            renderer = self._renderer
            ticker = ticker_text(row, self._now(), renderer.ticker)
            right, top = look.counter_anchor()
            size = tuple(look.counter_rect()[2:])
            material = [RENDER_VERSION, on_air.code, row.count, ticker, list(size), look.theme,
                        right, top, renderer.language()]  # fmt: skip
            key = _digest(material)
            if key == self._shown and onair.counter_image(on_air.code) is not None:
                return Refresh(count=row.count)
            wait = self._last_render + self._min_interval - self._clock()
            if wait > 0:
                return Refresh(again_in=wait, count=row.count)
            self._last_render = self._clock()
            file = onair.cache_dir / f"{key}-counter.png"
            rendered = not file.exists()
            if rendered:
                atomic_write_bytes(file, renderer.counter(row.count, ticker, size, look))
                self.renders += 1
                _prune(onair.cache_dir, keep=file)
            else:
                os.utime(file)  # in use again: the newest, as far as pruning goes
            self._shown = key
            future = onair.show_counter(
                CounterImage(on_air.code, file, look.counter_look(), row.count)
            )
            if onair.on_air is not None and onair.on_air.code == on_air.code:
                onair.write_live_counter(file)
            return Refresh(rendered, future is not None, None, row.count)


def _digest(material: list) -> str:
    text = json.dumps(material, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def _prune(folder: Path, keep: Path) -> None:
    """Drop the oldest counter images beyond KEEP_FILES (each count leaves one behind)."""
    files = list(folder.glob("*-counter.png"))
    if len(files) <= KEEP_FILES:
        return
    files.sort(key=lambda f: f.stat().st_mtime)
    for old in files[: len(files) - KEEP_FILES // 2]:
        if old != keep:
            old.unlink(missing_ok=True)
