"""Where the card, the QR tile and the sign-up counter sit on an OBS canvas, per layout (Qt-free)."""

from __future__ import annotations

import math
from enum import StrEnum

Rect = tuple[int, int, int, int]  # x, y, width, height in canvas pixels
Canvas = tuple[int, int]

# Phone apps draw comments, gifts and the input bar over the bottom quarter of a vertical
# stream, and the like/share/gift buttons down the right edge.
VERTICAL_KEEP_CLEAR_BOTTOM = 0.25
VERTICAL_KEEP_CLEAR_RIGHT = 0.15
# And the streamer's name, avatar, follow button and viewer count across the top ~12%.
VERTICAL_KEEP_CLEAR_TOP = 0.12

# Reference sizes at a 1920x1080 (or 1080x1920) canvas; everything scales with `unit()`.
_MARGIN_X = 56
_MARGIN_Y = 48
_GAP = 16
QR_TILE = (264, 300)
_LANDSCAPE_H = 300
_SIDE_W = 576
_SIDE_H = 470
_VERTICAL_H = 470
# The sign-up counter (已报名 N 人 over a one-line ticker), shadow room included; its pill
# hugs the text inside this box, on the side that touches the card.
COUNTER_BOX = (640, 156)


class Layout(StrEnum):
    LANDSCAPE = "landscape"  # a lower third across a landscape canvas
    SIDE = "side"  # a tall card in the left third of a landscape canvas
    VERTICAL = "vertical"  # a vertical (phone) canvas, clear of the app's own overlays


class Position(StrEnum):
    STANDARD = "standard"  # card left, QR right / left edge / above the comments
    MIRRORED = "mirrored"  # QR left, card right / right edge / near the top


def layout_named(name: str | Layout) -> Layout:
    """The layout for a settings value; ValueError naming the valid ones otherwise."""
    try:
        return Layout(name)
    except ValueError:
        valid = ", ".join(layout.value for layout in Layout)
        raise ValueError(f"unknown card layout {name!r}; choose one of: {valid}") from None


def position_named(name: str | Position) -> Position:
    """The position for a settings value; ValueError naming the valid ones otherwise."""
    try:
        return Position(name)
    except ValueError:
        valid = ", ".join(position.value for position in Position)
        raise ValueError(f"unknown overlay position {name!r}; choose one of: {valid}") from None


def unit(canvas: Canvas) -> float:
    """Pixels per reference pixel: 1.0 at 1920x1080 and 1080x1920, 2/3 at 1280x720."""
    width, height = canvas
    if width <= 0 or height <= 0:
        raise ValueError(f"canvas must be positive, got {width}x{height}")
    return min(max(width, height) / 1920, min(width, height) / 1080)


def _px(value: float, u: float) -> int:
    return max(1, round(value * u))


def overlay_geometry(
    layout: str | Layout, canvas: Canvas, position: str | Position = Position.STANDARD
) -> tuple[Rect, Rect]:
    """(card rect, QR tile rect) on the canvas. They never overlap: either can be hidden.

    `position` "mirrored" swaps sides on a landscape canvas (same sizes, mirrored left to
    right) and, on a vertical one, moves both up under the top keep-clear zone.
    """
    layout = layout_named(layout)
    mirrored = position_named(position) is Position.MIRRORED
    width, height = canvas
    u = unit(canvas)
    mx, my, gap = _px(_MARGIN_X, u), _px(_MARGIN_Y, u), _px(_GAP, u)
    qr_w, qr_h = _px(QR_TILE[0], u), _px(QR_TILE[1], u)

    if layout is Layout.LANDSCAPE:
        card_h = _px(_LANDSCAPE_H, u)
        top = height - my - card_h
        qr = (width - mx - qr_w, height - my - qr_h, qr_w, qr_h)
        card = (mx, top, width - 2 * mx - qr_w - gap, card_h)
    elif layout is Layout.SIDE:
        card_w = min(_px(_SIDE_W, u), round(width * 0.42))
        card_h = _px(_SIDE_H, u)
        # The column holds the counter above the card whether it is shown or not: switching
        # the counter on or off never moves the card.
        counter_h = _px(COUNTER_BOX[1], u) + gap
        top = max(my + counter_h, (height - counter_h - card_h - gap - qr_h) // 2 + counter_h)
        card = (mx, top, card_w, card_h)
        qr = (mx, top + card_h + gap, min(qr_w, card_w), qr_h)
    else:
        # Keep a gap from the keep-clear zones too: compression smears edges.
        right = math.floor(width * (1 - VERTICAL_KEEP_CLEAR_RIGHT)) - gap
        card_h = _px(_VERTICAL_H, u)
        if mirrored:  # the right keep-clear zone stays where it is: nothing swaps sides
            top = math.ceil(height * VERTICAL_KEEP_CLEAR_TOP) + gap
            qr = (right - qr_w, top, qr_w, qr_h)
            card = (mx, top, right - qr_w - gap - mx, card_h)
            return card, qr
        bottom = math.floor(height * (1 - VERTICAL_KEEP_CLEAR_BOTTOM)) - gap
        qr = (right - qr_w, bottom - qr_h, qr_w, qr_h)
        card = (mx, bottom - card_h, right - qr_w - gap - mx, card_h)
        return card, qr
    if mirrored:
        return _mirror(card, width), _mirror(qr, width)
    return card, qr


def counter_geometry(
    layout: str | Layout, canvas: Canvas, position: str | Position = Position.STANDARD
) -> Rect:
    """Where the sign-up counter goes: just above the card (vertical mirrored: below the card
    and the QR tile, which sit right under the top keep-clear zone). Never over either.

    Its side follows the card's outer edge, so mirroring moves it along with the card.
    """
    layout = layout_named(layout)
    position = position_named(position)
    card, qr = overlay_geometry(layout, canvas, position)
    u = unit(canvas)
    gap = _px(_GAP, u)
    w, h = _px(COUNTER_BOX[0], u), _px(COUNTER_BOX[1], u)
    cx, cy, cw, ch = card
    w = min(w, cw)  # never wider than the card it belongs to
    if layout is Layout.VERTICAL and position is Position.MIRRORED:
        y = max(cy + ch, qr[1] + qr[3]) + gap
    else:
        y = cy - gap - h
    if counter_anchor(layout, position)[0]:  # the card's outer edge is its right one
        return (cx + cw - w, y, w, h)
    return (cx, y, w, h)


def counter_anchor(
    layout: str | Layout, position: str | Position = Position.STANDARD
) -> tuple[bool, bool]:
    """(right, top): which edges of its box the counter's pill keeps to, so it hugs the card."""
    layout, position = layout_named(layout), position_named(position)
    mirrored = position is Position.MIRRORED
    right = mirrored and layout in (Layout.LANDSCAPE, Layout.SIDE)
    top = mirrored and layout is Layout.VERTICAL
    return right, top


def _mirror(rect: Rect, width: int) -> Rect:
    x, y, w, h = rect
    return (width - x - w, y, w, h)


def card_geometry(layout: str | Layout, canvas: Canvas) -> Rect:
    """Where the card image goes on the canvas (its size is the image's size)."""
    return overlay_geometry(layout, canvas)[0]


def qr_geometry(layout: str | Layout, canvas: Canvas) -> Rect:
    """Where the QR tile image goes on the canvas (its size is the image's size)."""
    return overlay_geometry(layout, canvas)[1]
