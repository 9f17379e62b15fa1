"""The overlay's look as plain data: the Look, where images go (Box) and what OBS shows (frame).

Qt-free: the on-air service, the OBS link and the renderers share these. How a Look is
built from the settings, OBS's canvas, the show and this PC: services/onair_look.py.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from hostdesk.core.look_geometry import (
    Layout,
    Position,
    counter_anchor,
    counter_geometry,
    overlay_geometry,
)

# The card themes render/themes.py draws (a test keeps the two lists equal).
THEME_NAMES = ("dark", "light")
DEFAULT_THEME = "dark"


def theme_name(name: str) -> str:
    """The theme for a settings value; ValueError naming the valid ones otherwise."""
    if name not in THEME_NAMES:
        valid = ", ".join(THEME_NAMES)
        raise ValueError(f"unknown card theme {name!r}; choose one of: {valid}")
    return name


@dataclass(frozen=True)
class Box:
    """Where an image goes on the canvas, in canvas pixels (images are rendered 1:1)."""

    x: int
    y: int


@dataclass(frozen=True)
class OverlayFrame:
    """What OBS should show: the images' files and places, and whether the overlay is on.

    The counter has its own switch (`counter_visible`, its scene item in our scene) under
    the overlay's (`visible`, our scene in the program): clearing hides it with the rest.
    A None file or place leaves what OBS has.
    """

    card_file: Path | None
    qr_file: Path | None
    card_at: Box
    qr_at: Box
    visible: bool
    counter_file: Path | None = None
    counter_at: Box | None = None
    counter_visible: bool = False

    def counter_only_change(self, previous: OverlayFrame | None) -> bool:
        """Whether `previous` differs from this frame in its counter alone (a new count)."""
        if previous is None or previous == self:
            return False
        counter = ("counter_file", "counter_at", "counter_visible")
        same = {name: getattr(previous, name) for name in counter}
        return replace(self, **same) == previous


@dataclass(frozen=True)
class Look:
    """How cards look: from the settings, and the canvas from OBS (or the default)."""

    layout: Layout
    theme: str
    canvas: tuple[int, int]
    url_template: str
    hub: str
    session: str = ""
    position: Position = Position.STANDARD
    device: str = ""  # this PC's name on the hub, for {device} in the sign-up link
    counter: bool = True  # the live sign-up counter is switched on

    def boxes(self) -> tuple[Box, Box]:
        """Where the card and the QR tile go on the canvas."""
        card, qr = overlay_geometry(self.layout, self.canvas, self.position)
        return Box(*card[:2]), Box(*qr[:2])

    def counter_box(self) -> Box:
        """Where the counter image goes on the canvas."""
        return Box(*self.counter_rect()[:2])

    def counter_rect(self) -> tuple[int, int, int, int]:
        """The counter's box on the canvas: x, y, width, height."""
        return counter_geometry(self.layout, self.canvas, self.position)

    def counter_anchor(self) -> tuple[bool, bool]:
        """(right, top): the edges of its box the counter's pill keeps to."""
        return counter_anchor(self.layout, self.position)

    def counter_look(self) -> tuple:
        """What the counter's image depends on besides its text: another look draws it anew."""
        return (self.layout.value, self.theme, tuple(self.canvas), self.position.value)


@dataclass(frozen=True)
class CounterImage:
    """A rendered counter for one job, and the look (`Look.counter_look`) it was drawn for."""

    code: str
    file: Path
    look: tuple
    count: int = 0  # the number it shows


def fitted_layout(layout: Layout, canvas: tuple[int, int]) -> Layout:
    """The layout that fits the canvas: a vertical canvas takes only the vertical layout,
    and a landscape one never takes it."""
    if canvas[1] > canvas[0]:
        return Layout.VERTICAL
    return Layout.LANDSCAPE if layout is Layout.VERTICAL else layout
