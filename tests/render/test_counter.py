"""The sign-up counter image: its text fits, long titles are elided, nothing outside the pill."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QRect

from hostdesk import i18n
from hostdesk.render.counter import headline_parts, render_counter, render_counter_traced
from hostdesk.render.geometry import Layout, Position, counter_anchor, counter_geometry
from hostdesk.render.pieces import SHADOW_INSET
from hostdesk.render.themes import THEMES

CANVASES = [(1920, 1080), (1280, 720), (1080, 1920), (720, 1280)]
LONG_TITLE = "海信冰箱总装普工（长白班，包吃住，五险一金，月休四天，可预支工资）"


def _layout(canvas) -> Layout:
    return Layout.VERTICAL if canvas[1] > canvas[0] else Layout.LANDSCAPE


def _outside_shadow(image, body) -> list[tuple[int, int]]:
    """Pixels with ink beyond the pill and the room its shadow may take (SHADOW_INSET)."""
    left, top, right, bottom = SHADOW_INSET
    u = image.height() / 156
    shadow = body.adjusted(-left * u - 1, -top * u - 1, right * u + 1, bottom * u + 1).toRect()
    return [
        (x, y)
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if not shadow.contains(x, y) and image.pixelColor(x, y).alpha()
    ]


@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize("canvas", CANVASES)
def test_text_fits_and_the_box_is_transparent_outside_the_pill(family, canvas, theme):
    position = Position.STANDARD
    rect = counter_geometry(_layout(canvas), canvas, position)
    right, top = counter_anchor(_layout(canvas), position)
    image, texts, body = render_counter_traced(
        1234, "张** 刚刚报名 冰箱总装普工", rect[2:], theme, right=right, top=top
    )
    assert (image.width(), image.height()) == tuple(rect[2:])
    assert {t.role for t in texts} == {"count", "count-words", "ticker"}
    for text in texts:
        assert text.fits, f"{text.role} {text.text!r}: ink {text.ink} outside {text.box}"
        assert body.contains(text.ink)
    assert "1234" in "".join(t.text for t in texts)
    assert _outside_shadow(image, body) == []
    # The pill is solid where it is (a card-coloured body), and hugs the card's side: the
    # bottom of its box (a counter above the card).
    assert image.pixelColor(round(body.center().x()), round(body.center().y())).alpha() > 200
    assert image.height() - body.bottom() < 20 and body.left() < 20
    assert image.pixelColor(image.width() - 2, 2).alpha() == 0  # the far corner is see-through


def test_pill_hugs_the_right_or_the_top_when_asked(family):
    size = tuple(counter_geometry("landscape", (1920, 1080))[2:])
    _, _, right = render_counter_traced(7, "王** 刚刚报名 普工", size, right=True)
    _, _, top = render_counter_traced(7, "王** 刚刚报名 普工", size, top=True)
    assert size[0] - right.right() < 20 and right.left() > 100
    assert top.top() < 20 and size[1] - top.bottom() > 20


@pytest.mark.parametrize("canvas", [(1280, 720), (720, 1280)])
def test_a_long_title_is_elided_and_stays_legible(family, canvas):
    rect = counter_geometry(_layout(canvas), canvas)
    ticker = f"李** 3 分钟前报名 {LONG_TITLE}"
    _, texts, _ = render_counter_traced(56, ticker, rect[2:])
    line = next(t for t in texts if t.role == "ticker")
    assert line.elided and line.text.endswith("…") and line.text.startswith("李** 3 分钟前报名")
    assert line.fits
    # Legible on a 1280x720 stream: hanzi no smaller than ~17 px there.
    assert line.pixel_size >= 17


def test_without_a_ticker_the_pill_is_one_line(family):
    size = tuple(counter_geometry("landscape", (1920, 1080))[2:])
    _, _, two = render_counter_traced(3, "赵** 刚刚报名 普工", size)
    _, one_texts, one = render_counter_traced(3, None, size)
    assert one.height() < two.height() * 0.8
    assert [t.role for t in one_texts if t.role == "ticker"] == []
    assert one.bottom() == two.bottom()  # still on the card


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_both_languages_render_their_headline(qapp, family, language):
    try:
        i18n.install(language)
        before, number, after = headline_parts(42)
        assert number == "42"
        template = QCoreApplication.translate("Counter", "{count} signed up")
        assert before + number + after == template.format(count=42)
        size = tuple(counter_geometry("vertical", (1080, 1920))[2:])
        _, texts, _ = render_counter_traced(42, "张** 刚刚报名 冰箱总装普工", size)
        assert "".join(t.text for t in texts if t.role.startswith("count")) == template.format(
            count=42
        )
        assert all(t.fits for t in texts)
    finally:
        i18n.install("zh_CN")


def test_image_is_crisp_at_whole_pixels(family):
    size = tuple(counter_geometry("landscape", (1280, 720))[2:])
    _, _, body = render_counter_traced(9, "孙** 刚刚报名 普工", size)
    # The pill's edges lie on whole pixels: no half-covered row or column along them.
    assert body == body.toRect().toRectF()
    image = render_counter(9, "孙** 刚刚报名 普工", size)
    assert QRect(0, 0, *size) == image.rect()
