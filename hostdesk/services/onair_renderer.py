"""What the on-air service and the counter need drawn, as an interface render/ implements.

The services stay Qt-free: they hand plain data in and get PNG bytes (or, for the
console's monitors, an opaque image object they only pass on) back.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from hostdesk.core.jobs import Job
from hostdesk.core.look import Box, Look


class OverlayRenderer(Protocol):
    def overlay(
        self, job: Job, url: str, look: Look, logo: bytes, with_qr: bool
    ) -> tuple[bytes, bytes]:
        """(card PNG, QR tile PNG) for `job` in `look`. Without `with_qr` the tile is
        transparent, of the same size; an unreadable `logo` draws the card without it."""
        ...

    def counter(self, count: int, ticker: str | None, size: tuple[int, int], look: Look) -> bytes:
        """The sign-up counter's PNG (已报名 N 人 over the ticker line), `size` pixels."""
        ...

    def ticker(self, name: str, title: str, minutes: int | None) -> str:
        """The ticker's words in the installed language (`minutes` None: just now)."""
        ...

    def blank(self) -> bytes:
        """A 1x1 fully transparent PNG (what the live files hold while nothing is on air)."""
        ...

    def language(self) -> str:
        """The language the card's own words are drawn in (part of the cache keys)."""
        ...

    def preview(self, canvas: tuple[int, int], width: int, layers: Sequence[tuple[Box, Path]]):
        """The canvas with `layers` (place, image file) drawn in order, scaled to `width`
        pixels: an image object for the console's monitors (services only pass it on)."""
        ...
