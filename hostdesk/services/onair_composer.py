"""The overlay's intended state, and the only caller of the OBS link, on a thread of its own.

The composer owns the job on air, the newest counter image of each job and the look, and
builds every frame OBS gets from them under one lock: a take and a new count can never
undo each other. Its single thread ("the take's lane") tells OBS in the order asked
(takes, clears, new looks) and never waits on the store's writer, so a take never queues
behind a sign-up save, an export or a purge.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from hostdesk.core.look import Box, CounterImage, Look, OverlayFrame


@dataclass(frozen=True)
class Rendered:
    """A job's card and QR tile for one look, and the link behind the code."""

    code: str
    url: str
    card: Path
    qr: Path
    card_at: Box
    qr_at: Box

    def frame(self, visible: bool = True) -> OverlayFrame:
        return OverlayFrame(self.card, self.qr, self.card_at, self.qr_at, visible)


class Link(Protocol):
    """What the composer needs of obs/link.ObsLink: a frame handed over, OBS's answer later."""

    def show(self, frame: OverlayFrame) -> Future: ...


class Composer:
    def __init__(self, look: Look, blank_counter: Callable[[], Path], link: Link | None = None):
        """`blank_counter()`: a transparent image file for a counter not drawn yet."""
        self.look = look
        self.on_air: Rendered | None = None
        self.link = link
        self._blank_counter = blank_counter
        # The newest counter image per job: a take shows the job's last count at once, and
        # the counter's next refresh brings it up to date.
        self._counters: dict[str, CounterImage] = {}
        # Held while a frame is built and handed to the link (takes on the lane, counter
        # refreshes on a worker): the last frame sent always has both news.
        self._lock = threading.RLock()
        self._lane = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hostdesk-onair")

    # -- the lane ----------------------------------------------------------------------------

    def submit(self, fn: Callable, *args) -> Future:
        """`fn(*args)` on the lane, after everything asked before. Plain objects only: the
        lane must never hold the last reference to a Qt object."""
        return self._lane.submit(fn, *args)

    def lane_idle(self, timeout: float = 10.0) -> bool:
        """For shutdown and tests: True once everything asked of the lane is done."""
        try:
            return self._lane.submit(lambda: None).result(timeout) is None
        except TimeoutError:
            return False

    # -- the state, and the frames OBS gets --------------------------------------------------

    def put_on_air(self, rendered: Rendered) -> Future | None:
        """`rendered` is on air; OBS is told (None without a link)."""
        with self._lock:
            self.on_air = rendered
            return self.link.show(self.frame(rendered)) if self.link else None

    def take_off_air(self) -> Future | None:
        """Nothing on air; OBS is told to hide the overlay, even when nothing was on air
        here (the panic key must also hide an overlay left visible by an earlier run)."""
        with self._lock:
            on_air, self.on_air = self.on_air, None
            if self.link is None:
                return None
            return self.link.show(
                self.frame(on_air, visible=False) if on_air else self.hidden_frame()
            )

    def change_look(
        self, look: Look, redraw: Callable[[str], Rendered | None]
    ) -> tuple[Future | None, Rendered | None]:
        """A new canvas or new settings: the job on air is drawn again (`redraw(code)`, None
        when the job is gone) and OBS told. Returns OBS's future and the redrawn job."""
        with self._lock:
            self.look = look
            on_air = self.on_air
            redrawn = redraw(on_air.code) if on_air is not None else None
            if redrawn is not None:
                self.on_air = redrawn
            if self.link is None:
                return None, redrawn
            if redrawn is None:
                return self.link.show(self.hidden_frame()), None
            return self.link.show(self.frame(redrawn)), redrawn

    def show_counter(self, image: CounterImage) -> Future | None:
        """A new counter image for its job; OBS is told when that job is on air."""
        with self._lock:
            self._counters[image.code] = image
            on_air = self.on_air
            if self.link is None or on_air is None or on_air.code != image.code:
                return None
            return self.link.show(self.frame(on_air))

    def counter_image(self, code: str) -> CounterImage | None:
        """The newest counter drawn for `code` in the current look, if any."""
        counter = self._counters.get(code)
        return counter if counter and counter.look == self.look.counter_look() else None

    def frame(self, rendered: Rendered, visible: bool = True) -> OverlayFrame:
        """The whole frame for `rendered`: card, QR and this job's newest counter.

        The counter's scene item follows the switch alone (hiding it costs OBS a wait on
        its UI thread); a job whose count is not drawn yet shows a blank counter image.
        """
        look = self.look
        counter = self.counter_image(rendered.code)
        return OverlayFrame(
            rendered.card, rendered.qr, rendered.card_at, rendered.qr_at, visible,
            counter.file if counter else self._blank_counter(), look.counter_box(),
            look.counter,
        )  # fmt: skip

    def hidden_frame(self) -> OverlayFrame:
        """Nothing on air: OBS gets our sources, placed for this look, and hidden."""
        look = self.look
        return OverlayFrame(None, None, *look.boxes(), visible=False,
                            counter_at=look.counter_box(), counter_visible=look.counter)  # fmt: skip

    def current_frame(self) -> OverlayFrame:
        """What OBS should show now."""
        with self._lock:
            on_air = self.on_air
            return self.frame(on_air) if on_air else self.hidden_frame()
