"""Where the card and the QR tile sit on an OBS canvas, per layout; sizes follow the canvas."""

from __future__ import annotations

import math
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

Rect = tuple[int, int, int, int]  # x, y, width, height in canvas pixels
Canvas = tuple[int, int]

# Phone apps draw comments, gifts and the input bar over the bottom quarter of a vertical
# stream, and the like/share/gift buttons down the right edge.
VERTICAL_KEEP_CLEAR_BOTTOM = 0.25
VERTICAL_KEEP_CLEAR_RIGHT = 0.15

# Reference sizes at a 1920x1080 (or 1080x1920) canvas; everything scales with `unit()`.
_MARGIN_X = 56
_MARGIN_Y = 48
_GAP = 16
QR_TILE = (264, 300)
_LANDSCAPE_H = 300
_SIDE_W = 576
_SIDE_H = 470
_VERTICAL_H = 470


class Layout(StrEnum):
    LANDSCAPE = "landscape"  # a lower third across a landscape canvas
    SIDE = "side"  # a tall card in the left third of a landscape canvas
    VERTICAL = "vertical"  # a vertical (phone) canvas, clear of the app's own overlays


LAYOUT_LABELS = {
    Layout.LANDSCAPE: QT_TRANSLATE_NOOP("Layout", "Lower third (landscape)"),
    Layout.SIDE: QT_TRANSLATE_NOOP("Layout", "Side card (landscape)"),
    Layout.VERTICAL: QT_TRANSLATE_NOOP("Layout", "Vertical (phone)"),
}


def layout_named(name: str | Layout) -> Layout:
    """The layout for a settings value; ValueError naming the valid ones otherwise."""
    try:
        return Layout(name)
    except ValueError:
        valid = ", ".join(layout.value for layout in Layout)
        raise ValueError(f"unknown card layout {name!r}; choose one of: {valid}") from None


def unit(canvas: Canvas) -> float:
    """Pixels per reference pixel: 1.0 at 1920x1080 and 1080x1920, 2/3 at 1280x720."""
    width, height = canvas
    if width <= 0 or height <= 0:
        raise ValueError(f"canvas must be positive, got {width}x{height}")
    return min(max(width, height) / 1920, min(width, height) / 1080)


def _px(value: float, u: float) -> int:
    return max(1, round(value * u))


def overlay_geometry(layout: str | Layout, canvas: Canvas) -> tuple[Rect, Rect]:
    """(card rect, QR tile rect) on the canvas. They never overlap: either can be hidden."""
    layout = layout_named(layout)
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
        top = max(my, (height - card_h - gap - qr_h) // 2)
        card = (mx, top, card_w, card_h)
        qr = (mx, top + card_h + gap, min(qr_w, card_w), qr_h)
    else:
        # Keep a gap from the keep-clear zones too: compression smears edges.
        right = math.floor(width * (1 - VERTICAL_KEEP_CLEAR_RIGHT)) - gap
        bottom = math.floor(height * (1 - VERTICAL_KEEP_CLEAR_BOTTOM)) - gap
        card_h = _px(_VERTICAL_H, u)
        qr = (right - qr_w, bottom - qr_h, qr_w, qr_h)
        card = (mx, bottom - card_h, right - qr_w - gap - mx, card_h)
    return card, qr


def card_geometry(layout: str | Layout, canvas: Canvas) -> Rect:
    """Where the card image goes on the canvas (its size is the image's size)."""
    return overlay_geometry(layout, canvas)[0]


def qr_geometry(layout: str | Layout, canvas: Canvas) -> Rect:
    """Where the QR tile image goes on the canvas (its size is the image's size)."""
    return overlay_geometry(layout, canvas)[1]


def layout_label(name: str | Layout) -> str:
    """The layout's name for the settings UI, in the installed language."""
    return QCoreApplication.translate("Layout", LAYOUT_LABELS[layout_named(name)])
