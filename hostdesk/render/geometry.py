"""The overlay's geometry for the desktop's words: layout and position labels, translated.

The geometry itself is plain data in hostdesk/core/look_geometry.py (the on-air service
uses it without Qt); its names are re-exported here for the renderers and the dialogs.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from hostdesk.core.look_geometry import (  # noqa: F401 (re-exported)
    COUNTER_BOX,
    QR_TILE,
    VERTICAL_KEEP_CLEAR_BOTTOM,
    VERTICAL_KEEP_CLEAR_RIGHT,
    VERTICAL_KEEP_CLEAR_TOP,
    Canvas,
    Layout,
    Position,
    Rect,
    card_geometry,
    counter_anchor,
    counter_geometry,
    layout_named,
    overlay_geometry,
    position_named,
    qr_geometry,
    unit,
)

LAYOUT_LABELS = {
    Layout.LANDSCAPE: QT_TRANSLATE_NOOP("Layout", "Lower third (landscape)"),
    Layout.SIDE: QT_TRANSLATE_NOOP("Layout", "Side card (landscape)"),
    Layout.VERTICAL: QT_TRANSLATE_NOOP("Layout", "Vertical (phone)"),
}

POSITION_LABELS = {
    (Layout.LANDSCAPE, Position.STANDARD): QT_TRANSLATE_NOOP(
        "Position", "Card left, QR code right"
    ),
    (Layout.LANDSCAPE, Position.MIRRORED): QT_TRANSLATE_NOOP(
        "Position", "QR code left, card right"
    ),
    (Layout.SIDE, Position.STANDARD): QT_TRANSLATE_NOOP("Position", "Along the left edge"),
    (Layout.SIDE, Position.MIRRORED): QT_TRANSLATE_NOOP("Position", "Along the right edge"),
    (Layout.VERTICAL, Position.STANDARD): QT_TRANSLATE_NOOP("Position", "Low, above the comments"),
    (Layout.VERTICAL, Position.MIRRORED): QT_TRANSLATE_NOOP(
        "Position", "High, below the streamer's name"
    ),
}


def layout_label(name: str | Layout) -> str:
    """The layout's name for the settings UI, in the installed language."""
    return QCoreApplication.translate("Layout", LAYOUT_LABELS[layout_named(name)])


def position_label(position: str | Position, layout: str | Layout) -> str:
    """What `position` means for `layout`, for the settings UI, in the installed language."""
    key = (layout_named(layout), position_named(position))
    return QCoreApplication.translate("Position", POSITION_LABELS[key])
