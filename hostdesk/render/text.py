"""Text that fits its box: shrink to a floor, then ellipsise; every drawn run is recorded."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from hostdesk.render.fonts import card_font

# A text row is LINE em tall with the baseline BASELINE em below its top. Measured on the
# bundled font: hanzi ink spans -0.85..+0.09 em around the baseline, accented capitals reach
# -0.93 and descenders +0.25, so every glyph stays inside the row and hanzi sit centred.
LINE = 1.3
BASELINE = 1.0
# Optical centre of hanzi above the baseline, for centring text inside pills and badges.
HANZI_MIDDLE = 0.38


@dataclass(frozen=True)
class DrawnText:
    """One run of text as drawn: the box it had to stay in and the ink it actually covers."""

    role: str
    source: str
    text: str
    box: QRectF
    ink: QRectF
    pixel_size: int

    @property
    def fits(self) -> bool:
        # A quarter pixel of slack for antialiasing arithmetic, never a visible overflow.
        return self.box.adjusted(-0.25, -0.25, 0.25, 0.25).contains(self.ink)

    @property
    def elided(self) -> bool:
        return self.text != self.source


def ink_width(metrics: QFontMetricsF, text: str) -> float:
    """Horizontal extent from the pen position: the advance, or the glyphs if they overhang."""
    if not text:
        return 0.0
    tight = metrics.tightBoundingRect(text)
    return max(metrics.horizontalAdvance(text), tight.right()) - min(0.0, tight.left())


def ink_rect(metrics: QFontMetricsF, text: str, origin: QPointF) -> QRectF:
    """Where `text` drawn with its baseline at `origin` puts ink (advance-wide at least)."""
    tight = metrics.tightBoundingRect(text)
    left = origin.x() + min(0.0, tight.left())
    return QRectF(left, origin.y() + tight.top(), ink_width(metrics, text), tight.height())


def elide(metrics: QFontMetricsF, text: str, width: float) -> str:
    """Qt's elision, tightened until the ink (not just the advance) fits."""
    if ink_width(metrics, text) <= width + 1e-6:
        return text
    budget = width
    while budget > 0:
        out = metrics.elidedText(text, Qt.TextElideMode.ElideRight, budget)
        if ink_width(metrics, out) <= width:
            return out
        budget -= 1
    return ""


def fit(text: str, width: float, px: int, floor: int, *, bold: bool) -> tuple[QFont, str]:
    """The largest size in [floor, px] at which `text` fits `width`; elided at the floor."""
    font = card_font(px, bold=bold)
    if ink_width(QFontMetricsF(font), text) <= width:
        return font, text
    low, high = floor, px - 1  # binary search: wider text at bigger sizes
    best = None
    while low <= high:
        mid = (low + high) // 2
        candidate = card_font(mid, bold=bold)
        if ink_width(QFontMetricsF(candidate), text) <= width:
            best, low = candidate, mid + 1
        else:
            high = mid - 1
    if best is not None:
        return best, text
    font = card_font(floor, bold=bold)
    return font, elide(QFontMetricsF(font), text, width)


def row_height(px: int) -> float:
    return px * LINE


def draw_run(
    painter: QPainter,
    role: str,
    source: str,
    text: str,
    font: QFont,
    color: QColor,
    origin: QPointF,
    box: QRectF,
) -> DrawnText:
    """Draw one run at a baseline origin and record it against the box it belongs to."""
    painter.setFont(font)
    painter.setPen(color)
    painter.drawText(origin, text)
    ink = ink_rect(QFontMetricsF(font), text, origin)
    return DrawnText(role, source, text, QRectF(box), ink, font.pixelSize())


def draw_line(
    painter: QPainter,
    role: str,
    text: str,
    box: QRectF,
    px: int,
    floor: int,
    color: QColor,
    *,
    bold: bool = False,
    align_right: bool = False,
) -> DrawnText | None:
    """One line in a row box (which must be at least row_height(px) tall); None if empty."""
    if not text:
        return None
    font, shown = fit(text, box.width(), px, floor, bold=bold)
    # Keep the row's baseline where the full-size text would have it: shrunk text stays
    # aligned with its neighbours instead of floating up.
    baseline = box.top() + (box.height() - row_height(px)) / 2 + BASELINE * px
    x = box.left()
    if align_right:
        x = box.right() - ink_width(QFontMetricsF(font), shown)
    return draw_run(painter, role, text, shown, font, color, QPointF(x, baseline), box)
