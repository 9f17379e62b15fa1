"""Where cards and QR tiles go: scaled with the canvas, and clear of the phone apps' overlays."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QRect

from hostdesk.render.card import compose, render_overlay
from hostdesk.render.geometry import (
    COUNTER_BOX,
    VERTICAL_KEEP_CLEAR_BOTTOM,
    VERTICAL_KEEP_CLEAR_RIGHT,
    VERTICAL_KEEP_CLEAR_TOP,
    Layout,
    Position,
    card_geometry,
    counter_anchor,
    counter_geometry,
    overlay_geometry,
    position_label,
    qr_geometry,
    unit,
)
from hostdesk.render.themes import THEMES
from tests.render.conftest import DEMO_JOBS

CANVASES = [(1920, 1080), (1280, 720), (1080, 1920), (720, 1280), (3840, 2160)]
VERTICAL_CANVASES = [(1080, 1920), (720, 1280)]


def _forbidden(canvas: tuple[int, int]) -> list[QRect]:
    width, height = canvas
    bottom = int(height * (1 - VERTICAL_KEEP_CLEAR_BOTTOM))
    right = int(width * (1 - VERTICAL_KEEP_CLEAR_RIGHT))
    return [QRect(0, bottom, width, height - bottom), QRect(right, 0, width - right, height)]


@pytest.mark.parametrize("canvas", CANVASES)
@pytest.mark.parametrize("layout", list(Layout))
def test_rects_lie_on_the_canvas_and_apart(layout, canvas):
    card, qr = (QRect(*r) for r in overlay_geometry(layout, canvas))
    whole = QRect(0, 0, *canvas)
    assert whole.contains(card) and whole.contains(qr)
    assert not card.intersects(qr)  # either can be hidden without leaving a hole
    assert card_geometry(layout, canvas) == card.getRect()
    assert qr_geometry(layout, canvas) == qr.getRect()


@pytest.mark.parametrize("canvas", [(1920, 1080), (1280, 720)])
def test_landscape_card_is_a_lower_third(canvas):
    _, y, w, _ = card_geometry("landscape", canvas)
    assert y >= canvas[1] * 2 / 3 - 1
    assert w >= canvas[0] * 0.6


@pytest.mark.parametrize("canvas", [(1920, 1080), (1280, 720)])
def test_side_card_stays_in_the_left_third(canvas):
    for rect in overlay_geometry("side", canvas):
        assert rect[0] + rect[2] <= canvas[0] / 3 + 1


@pytest.mark.parametrize("canvas", VERTICAL_CANVASES)
def test_vertical_geometry_keeps_clear(canvas):
    for rect in overlay_geometry("vertical", canvas):
        for zone in _forbidden(canvas):
            assert not QRect(*rect).intersects(zone), (rect, zone)


@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize("canvas", VERTICAL_CANVASES)
def test_vertical_pixels_keep_clear(family, canvas, theme):
    """Composite card + QR where the overlay puts them: nothing at all in the keep-clear zones."""
    for job in DEMO_JOBS:
        url = f"https://hub.example.cn/j/{job.code}?s=S1"
        overlay = render_overlay(job, url, layout="vertical", theme=theme, canvas=canvas)
        image = compose(overlay, canvas)
        for zone in _forbidden(canvas):
            for y in range(zone.top(), zone.bottom() + 1, 3):
                for x in range(zone.left(), zone.right() + 1, 3):
                    assert image.pixelColor(x, y).alpha() == 0, (job.code, x, y)
        # and the overlay really is there, not an empty canvas
        x, y, w, h = overlay.card_rect
        assert image.pixelColor(x + w // 2, y + h // 2).alpha() > 200


# --- Position: "standard" (the default, above) and "mirrored".

POSITIONS = list(Position)


def _top_zone(canvas: tuple[int, int]) -> QRect:
    width, height = canvas
    return QRect(0, 0, width, math.ceil(height * VERTICAL_KEEP_CLEAR_TOP))


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("canvas", CANVASES)
@pytest.mark.parametrize("layout", list(Layout))
def test_every_position_lies_on_the_canvas_and_apart(layout, canvas, position):
    card, qr = (QRect(*r) for r in overlay_geometry(layout, canvas, position))
    whole = QRect(0, 0, *canvas)
    assert whole.contains(card) and whole.contains(qr)
    assert not card.intersects(qr)
    assert card.width() > 0 and qr.width() > 0


@pytest.mark.parametrize("canvas", CANVASES)
@pytest.mark.parametrize("layout", list(Layout))
def test_standard_is_the_default(layout, canvas):
    assert overlay_geometry(layout, canvas) == overlay_geometry(layout, canvas, "standard")


@pytest.mark.parametrize("canvas", [(1920, 1080), (1280, 720), (3840, 2160)])
def test_mirrored_landscape_swaps_card_and_qr(canvas):
    card, qr = overlay_geometry("landscape", canvas, "mirrored")
    std_card, std_qr = overlay_geometry("landscape", canvas)
    assert qr[0] < card[0] and std_card[0] < std_qr[0]
    # the same sizes and rows, mirrored left to right
    assert (card[2:], qr[2:], card[1], qr[1]) == (std_card[2:], std_qr[2:], std_card[1], std_qr[1])
    assert card[0] + card[2] == canvas[0] - std_card[0]
    assert qr[0] == std_card[0]


@pytest.mark.parametrize("canvas", [(1920, 1080), (1280, 720)])
def test_mirrored_side_card_stays_in_the_right_third(canvas):
    for rect in overlay_geometry("side", canvas, "mirrored"):
        assert rect[0] >= canvas[0] * 2 / 3 - 1


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("canvas", VERTICAL_CANVASES)
def test_vertical_positions_keep_clear_of_every_zone(canvas, position):
    for rect in overlay_geometry("vertical", canvas, position):
        for zone in [*_forbidden(canvas), _top_zone(canvas)]:
            assert not QRect(*rect).intersects(zone), (position, rect, zone)


@pytest.mark.parametrize("canvas", VERTICAL_CANVASES)
def test_mirrored_vertical_sits_high(canvas):
    card, qr = overlay_geometry("vertical", canvas, "mirrored")
    std_card, _ = overlay_geometry("vertical", canvas)
    for rect in (card, qr):
        assert rect[1] + rect[3] <= canvas[1] / 2  # in the top half, not at the bottom
    assert card[1] < std_card[1]
    assert card[2:] == std_card[2:]  # same card size: the card image does not change


def test_unknown_position_is_refused():
    with pytest.raises(ValueError, match="standard, mirrored"):
        overlay_geometry("landscape", (1920, 1080), "left")


@pytest.mark.parametrize("layout", list(Layout))
def test_every_position_has_a_label(layout):
    labels = {position_label(position, layout) for position in Position}
    assert len(labels) == 2 and all(labels)


# --- The sign-up counter: a third rect, per layout and position, never over the others.

COUNTER_CANVASES = [(1920, 1080), (1280, 720), (1080, 1920), (720, 1280)]


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("canvas", COUNTER_CANVASES)
@pytest.mark.parametrize("layout", list(Layout))
def test_counter_lies_on_the_canvas_apart_from_card_and_qr(layout, canvas, position):
    counter = QRect(*counter_geometry(layout, canvas, position))
    card, qr = (QRect(*r) for r in overlay_geometry(layout, canvas, position))
    assert QRect(0, 0, *canvas).contains(counter), (counter, canvas)
    assert not counter.intersects(card) and not counter.intersects(qr)
    assert counter.width() <= card.width()  # it belongs to the card, never wider
    assert counter.height() >= round(COUNTER_BOX[1] * unit(canvas)) - 1


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("canvas", VERTICAL_CANVASES)
def test_vertical_counter_keeps_clear_of_every_zone(canvas, position):
    counter = QRect(*counter_geometry("vertical", canvas, position))
    for zone in [*_forbidden(canvas), _top_zone(canvas)]:
        assert not counter.intersects(zone), (position, counter, zone)


@pytest.mark.parametrize("canvas", COUNTER_CANVASES)
@pytest.mark.parametrize("layout", list(Layout))
def test_counter_sits_just_above_the_card(layout, canvas):
    cx, cy, *_ = counter_geometry(layout, canvas)
    x, y, *_ = card_geometry(layout, canvas)
    gap = round(16 * unit(canvas))
    assert cy + counter_geometry(layout, canvas)[3] + gap == y  # touching distance, above
    assert cx == x  # on the card's left edge, where its pill starts


@pytest.mark.parametrize("canvas", VERTICAL_CANVASES)
def test_mirrored_vertical_counter_sits_below_card_and_qr(canvas):
    counter = counter_geometry("vertical", canvas, "mirrored")
    card, qr = overlay_geometry("vertical", canvas, "mirrored")
    assert counter[1] > max(card[1] + card[3], qr[1] + qr[3])
    assert counter_anchor("vertical", "mirrored") == (False, True)  # its pill hugs the card


@pytest.mark.parametrize("layout", [Layout.LANDSCAPE, Layout.SIDE])
@pytest.mark.parametrize("canvas", [(1920, 1080), (1280, 720)])
def test_mirrored_landscape_counter_follows_the_card_right(layout, canvas):
    counter = counter_geometry(layout, canvas, "mirrored")
    card, _ = overlay_geometry(layout, canvas, "mirrored")
    assert counter[0] + counter[2] == card[0] + card[2]
    assert counter_anchor(layout, "mirrored") == (True, False)


@pytest.mark.parametrize("canvas", [(1920, 1080), (1280, 720)])
def test_side_column_leaves_the_card_where_it_is_and_fits(canvas):
    counter, (card, qr) = counter_geometry("side", canvas), overlay_geometry("side", canvas)
    u = unit(canvas)
    assert counter[1] >= round(48 * u)  # the top margin is kept
    assert counter[1] + counter[3] < card[1]
    assert qr[1] + qr[3] <= canvas[1] - round(48 * u)  # and the bottom one
