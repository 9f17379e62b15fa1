"""Where cards and QR tiles go: scaled with the canvas, and clear of the phone apps' overlays."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect

from hostdesk.render.card import compose, render_overlay
from hostdesk.render.geometry import (
    VERTICAL_KEEP_CLEAR_BOTTOM,
    VERTICAL_KEEP_CLEAR_RIGHT,
    Layout,
    card_geometry,
    overlay_geometry,
    qr_geometry,
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
