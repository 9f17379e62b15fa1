"""The live sign-up counter: 已报名 N 人 over a one-line ticker, in a card-coloured pill.

Its image has the size `counter_geometry` gives (transparent around the pill); the pill
hugs its text and keeps to the edge of that box that touches the card (`counter_anchor`),
so the counter reads as part of the card however long its lines are.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QImage, QPainter

from hostdesk.render.fonts import card_font
from hostdesk.render.geometry import COUNTER_BOX
from hostdesk.render.pieces import SHADOW_INSET, draw_body
from hostdesk.render.text import BASELINE, DrawnText, draw_run, fit, ink_width, row_height
from hostdesk.render.themes import DEFAULT_THEME, Theme, theme_named

# Reference pixels at the reference box height (COUNTER_BOX, a 1080-line canvas). 30 px
# ticker type is ~20 px on a 1280x720 stream: the smallest hanzi that stay readable there.
HEAD_PX = 48
TICKER_PX = 30
TICKER_FLOOR = 0.85  # long titles shrink this far, then are elided
PAD_X = 24
PAD_Y = 12
LINE_GAP = 2
ACCENT_W = 10  # draw_body's accent bar
RADIUS = 22


def headline_parts(count: int) -> tuple[str, str, str]:
    """("已报名 ", "12", " 人"): the words around the number, in the installed language."""
    template = QCoreApplication.translate("Counter", "{count} signed up")
    number = str(max(0, int(count)))
    if template.count("{count}") != 1:  # a broken translation: the number alone, never an error
        return "", number, ""
    before, after = template.split("{count}")
    return before, number, after


def render_counter_traced(
    count: int,
    ticker: str | None,
    size: tuple[int, int],
    theme: str | Theme = DEFAULT_THEME,
    *,
    right: bool = False,
    top: bool = False,
) -> tuple[QImage, list[DrawnText], QRectF]:
    """The counter image, every text run drawn (with its box) and the pill's rect."""
    colours = theme_named(theme)
    width, height = size
    u = height / COUNTER_BOX[1]
    inset_l, inset_t, inset_r, inset_b = (v * u for v in SHADOW_INSET)
    head_px, tick_px = max(1, round(HEAD_PX * u)), max(1, round(TICKER_PX * u))
    pad_l, pad_r, pad_y = (ACCENT_W + PAD_X) * u, PAD_X * u, PAD_Y * u
    widest = math.floor(width - inset_l - inset_r)  # the widest pill the box allows
    room = widest - pad_l - pad_r

    before, number, after = headline_parts(count)
    # The headline is short; on a very narrow box it shrinks rather than lose its number.
    head = head_px
    while head > 1 and _head_width(before, number, after, head) > room:
        head -= 1
    head_w = _head_width(before, number, after, head)
    ticker = (ticker or "").strip()
    tick_font, tick_shown, tick_w = None, "", 0.0
    if ticker:
        tick_font, tick_shown = fit(
            ticker, room, tick_px, max(1, round(tick_px * TICKER_FLOOR)), bold=False
        )
        tick_w = ink_width(QFontMetricsF(tick_font), tick_shown)

    text_h = row_height(head_px) + ((LINE_GAP * u + row_height(tick_px)) if ticker else 0)
    body_w = min(math.ceil(max(head_w, tick_w) + pad_l + pad_r), widest)
    body_h = round(text_h + 2 * pad_y)
    x = round(width - inset_r - body_w) if right else round(inset_l)
    y = round(inset_t) if top else round(height - inset_b - body_h)
    body = QRectF(x, y, body_w, body_h)

    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    texts: list[DrawnText] = []
    p = QPainter(image)
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        radius = min(RADIUS * u, body_h / 2)
        draw_body(p, body, colours, radius, u)
        left = body.left() + pad_l
        row = QRectF(left, body.top() + pad_y, body.right() - pad_r - left, row_height(head_px))
        texts += _draw_headline(p, (before, number, after), row, head_px, head, colours)
        if ticker:
            tick_row = QRectF(left, row.bottom() + LINE_GAP * u, row.width(), row_height(tick_px))
            baseline = tick_row.top() + BASELINE * tick_px
            texts.append(
                draw_run(p, "ticker", ticker, tick_shown, tick_font, colours.color("meta"),
                         QPointF(left, baseline), tick_row)
            )  # fmt: skip
    finally:
        p.end()
    return image, texts, body


def render_counter(
    count: int,
    ticker: str | None,
    size: tuple[int, int],
    theme: str | Theme = DEFAULT_THEME,
    *,
    right: bool = False,
    top: bool = False,
) -> QImage:
    """The counter as a transparent ARGB32 (premultiplied) image of `size` (from geometry).

    `ticker` is the second line, already worded and masked (None or "": one line only);
    `right`/`top` say which edges of the box the pill keeps to (`counter_anchor`).
    """
    return render_counter_traced(count, ticker, size, theme, right=right, top=top)[0]


def _head_width(before: str, number: str, after: str, px: int) -> float:
    words = QFontMetricsF(card_font(px, bold=True))
    return sum(ink_width(words, part) for part in (before, number, after))


def _draw_headline(
    p: QPainter, parts: tuple[str, str, str], row: QRectF, px: int, size: int, theme: Theme
) -> list[DrawnText]:
    """已报名 · 12 · 人 on one baseline: the number in the pay colour, the words as titles."""
    font = card_font(size, bold=True)
    metrics = QFontMetricsF(font)
    baseline = row.top() + BASELINE * px
    x = row.left()
    out = []
    for role, part, colour in zip(
        ("count-words", "count", "count-words"), parts, ("title", "pay", "title"), strict=True
    ):
        if not part:
            continue
        out.append(
            draw_run(p, role, part, part, font, theme.color(colour), QPointF(x, baseline), row)
        )
        x += ink_width(metrics, part)
    return out
