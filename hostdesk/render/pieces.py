"""The parts a card is made of: body, badge, pay line, benefit chips and the logo plate."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

from hostdesk.render.fonts import card_font
from hostdesk.render.text import (
    BASELINE,
    HANZI_MIDDLE,
    DrawnText,
    draw_line,
    draw_run,
    elide,
    ink_width,
    row_height,
)
from hostdesk.render.themes import Theme

# "综合工资" + "6000-7500" + "元/月起": the amount is what viewers compare, so it is biggest.
_PAY_RE = re.compile(r"^(\D*?)(\d[\d.,]*(?:\s*[-~]\s*\d[\d.,]*)?)(.*)$")
SMALL_RATIO = 0.52  # unit and qualifier next to the amount
# Room around a card or tile body for draw_shadow (left, top, right, bottom; reference px).
SHADOW_INSET = (12, 8, 12, 16)


def draw_shadow(painter: QPainter, body: QRectF, theme: Theme, radius: float, u: float) -> None:
    """A soft drop shadow (stacked translucent outlines: QtGui has no blur) below `body`."""
    painter.setPen(Qt.PenStyle.NoPen)
    steps = 8
    for i in range(steps):
        spread = (steps - i) * 1.5 * u
        shade = theme.color("shadow")
        shade.setAlphaF(0.035 + 0.01 * i)
        painter.setBrush(shade)
        r = body.adjusted(-spread, -spread + 4 * u, spread, spread + 4 * u)
        painter.drawRoundedRect(r, radius + spread, radius + spread)


def draw_body(painter: QPainter, body: QRectF, theme: Theme, radius: float, u: float) -> None:
    """Soft shadow, vertical gradient, hairline border and the accent bar at the left edge."""
    draw_shadow(painter, body, theme, radius, u)

    gradient = QLinearGradient(body.topLeft(), body.bottomLeft())
    gradient.setColorAt(0.0, theme.color("card_top"))
    gradient.setColorAt(1.0, theme.color("card_bottom"))
    painter.setBrush(gradient)
    painter.drawRoundedRect(body, radius, radius)

    outline = QPainterPath()
    outline.addRoundedRect(body, radius, radius)
    painter.save()
    painter.setClipPath(outline)
    painter.fillRect(QRectF(body.left(), body.top(), 10 * u, body.height()), theme.color("accent"))
    painter.restore()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(theme.color("card_border"), max(1.0, 1.5 * u)))
    painter.drawRoundedRect(body.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)


def pill_text(
    painter: QPainter,
    role: str,
    source: str,
    pill: QRectF,
    px: int,
    fill: QColor,
    text_color: QColor,
    *,
    bold: bool,
    border: QColor | None = None,
    pad: float,
) -> DrawnText:
    """A rounded pill with its label centred on the hanzi's optical middle."""
    font = card_font(px, bold=bold)
    metrics = QFontMetricsF(font)
    shown = elide(metrics, source, pill.width() - 2 * pad)
    painter.setPen(QPen(border, max(1.0, px / 14)) if border else Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    radius = pill.height() / 2
    painter.drawRoundedRect(pill, radius, radius)
    baseline = pill.center().y() + HANZI_MIDDLE * px
    x = pill.center().x() - ink_width(metrics, shown) / 2
    return draw_run(painter, role, source, shown, font, text_color, QPointF(x, baseline), pill)


def pill_width(text: str, px: int, pad: float, *, bold: bool) -> float:
    return ink_width(QFontMetricsF(card_font(px, bold=bold)), text) + 2 * pad


BADGE_RATIO = 0.5  # badge type size against the title's
BADGE_FLOOR = 0.42  # ... but it stays readable when a long title shrinks


def badge_size(text: str, title_px: int, full_px: int, max_width: float) -> tuple[int, float]:
    """(type size, pill width) of the 急招 badge next to a title shrunk from `full_px`."""
    px = max(1, round(title_px * BADGE_RATIO), round(full_px * BADGE_FLOOR))
    return px, min(pill_width(text, px, px * 0.55, bold=True), max_width)


def draw_badge(
    painter: QPainter, text: str, left: float, middle: float, px: int, width: float, theme: Theme
) -> DrawnText:
    """The 急招 badge, centred vertically on `middle` (the title's hanzi centre)."""
    height = px * 1.55
    pill = QRectF(left, middle - height / 2, width, height)
    fill, ink = theme.color("badge_fill"), theme.color("badge_text")
    return pill_text(painter, "badge", text, pill, px, fill, ink, bold=True, pad=px * 0.55)


def split_pay(text: str) -> tuple[str, str, str]:
    """(qualifier, amount, unit): ("综合工资", "6500", "元/月起"); ("", "面议", "") if no number."""
    match = _PAY_RE.match(text)
    if not match:
        return "", text, ""
    return match.group(1), match.group(2), match.group(3)


def draw_pay(
    painter: QPainter, text: str, row: QRectF, px: int, floor: int, theme: Theme
) -> list[DrawnText]:
    """The pay, amount large and qualifier/unit small on one baseline; shrinks, then elides."""
    if not text:
        return []
    prefix, amount, suffix = split_pay(text)
    if not prefix and not suffix:
        drawn = draw_line(painter, "pay", text, row, px, floor, theme.color("pay"), bold=True)
        return [drawn] if drawn else []

    def widths(size: int) -> tuple[float, float, float, float]:
        small = max(1, round(size * SMALL_RATIO))
        gap = size * 0.08
        w_pre = ink_width(QFontMetricsF(card_font(small, bold=True)), prefix)
        w_amt = ink_width(QFontMetricsF(card_font(size, bold=True)), amount)
        w_suf = ink_width(QFontMetricsF(card_font(small, bold=True)), suffix)
        total = w_pre + w_amt + w_suf + gap * (bool(prefix) + bool(suffix))
        return total, w_pre, w_amt, gap

    size = px
    while size > floor and widths(size)[0] > row.width():
        size -= 1
    total, w_pre, w_amt, gap = widths(size)
    if total > row.width():  # even the floor is too wide: one run, elided
        drawn = draw_line(painter, "pay", text, row, px, floor, theme.color("pay"), bold=True)
        return [drawn] if drawn else []

    baseline = row.top() + (row.height() - row_height(px)) / 2 + BASELINE * px
    small = max(1, round(size * SMALL_RATIO))
    out: list[DrawnText] = []
    x = row.left()
    if prefix:
        font = card_font(small, bold=True)
        pos = QPointF(x, baseline)
        out.append(
            draw_run(painter, "pay", prefix, prefix, font, theme.color("pay_small"), pos, row)
        )
        x += w_pre + gap
    font = card_font(size, bold=True)
    out.append(
        draw_run(
            painter, "pay", amount, amount, font, theme.color("pay"), QPointF(x, baseline), row
        )
    )
    x += w_amt + gap
    if suffix:
        font = card_font(small, bold=True)
        pos = QPointF(x, baseline)
        out.append(
            draw_run(painter, "pay", suffix, suffix, font, theme.color("pay_small"), pos, row)
        )
    return out


def chip_height(px: int) -> float:
    return round(px * 1.65)


def chips_height(px: int, lines: int) -> float:
    return 0.0 if lines <= 0 else lines * chip_height(px) + (lines - 1) * round(px * 0.45)


@dataclass(frozen=True)
class _Chip:
    line: int
    x: float
    width: float
    label: str
    more: bool = False  # the "+N" chip standing for the benefits left out


def plan_chips(benefits: tuple[str, ...], width: float, px: int, lines: int) -> list[_Chip]:
    """Benefit pills in reading order over at most `lines` lines; what does not fit becomes +N."""
    labels = [b.strip() for b in benefits if b.strip()]
    pad, gap = px * 0.7, round(px * 0.45)

    def pill(label: str) -> float:
        return min(pill_width(label, px, pad, bold=False), width)

    placed: list[_Chip] = []
    line, x = 0, 0.0
    for label in labels:
        w = pill(label)
        if x > 0 and x + w > width:
            line, x = line + 1, 0.0
        if line >= lines:
            break
        placed.append(_Chip(line, x, w, label))
        x += w + gap

    hidden = len(labels) - len(placed)
    while hidden:
        label = f"+{hidden}"
        w = pill(label)
        spot = (placed[-1].line, placed[-1].x + placed[-1].width + gap) if placed else (0, 0.0)
        if spot[1] + w > width and spot[0] + 1 < lines:
            spot = (spot[0] + 1, 0.0)
        if spot[1] + w <= width:
            return [*placed, _Chip(spot[0], spot[1], w, label, more=True)]
        if not placed:
            return []
        placed.pop()  # make room for the +N by showing one benefit fewer
        hidden += 1
    return placed


def chip_lines(benefits: tuple[str, ...], width: float, px: int, lines: int) -> int:
    """How many lines the chips take (0 without benefits): the card closes up the rest."""
    plan = plan_chips(benefits, width, px, lines)
    return max((chip.line for chip in plan), default=-1) + 1


def draw_chips(
    painter: QPainter, benefits: tuple[str, ...], box: QRectF, px: int, theme: Theme, lines: int
) -> list[DrawnText]:
    """The chips of `plan_chips`, drawn from the top-left of `box`."""
    pad, gap = px * 0.7, round(px * 0.45)
    height = chip_height(px)
    fill, border, ink = (
        theme.color("chip_fill"),
        theme.color("chip_border"),
        theme.color("chip_text"),
    )
    out = []
    for chip in plan_chips(benefits, box.width(), px, lines):
        pill = QRectF(
            box.left() + chip.x, box.top() + chip.line * (height + gap), chip.width, height
        )
        role = "chip-more" if chip.more else "chip"
        out.append(
            pill_text(
                painter, role, chip.label, pill, px, fill, ink, bold=False, border=border, pad=pad
            )
        )
    return out


def draw_facts(
    painter: QPainter,
    facts: list[tuple[str, bool]],
    row: QRectF,
    px: int,
    floor: int,
    theme: Theme,
) -> list[DrawnText]:
    """招150人 | 18-45岁 | 两班倒: short facts with hairline dividers, emphasised ones bold.

    Shrinks to `floor` together; if still too wide, the last facts are elided or left out.
    """
    facts = [(text, bold) for text, bold in facts if text]
    if not facts:
        return []

    def layout(size: int) -> tuple[float, list[float], float]:
        widths = [ink_width(QFontMetricsF(card_font(size, bold=b)), t) for t, b in facts]
        sep = size * 1.1
        return sum(widths) + sep * (len(facts) - 1), widths, sep

    size = px
    while size > floor and layout(size)[0] > row.width():
        size -= 1
    total, widths, sep = layout(size)
    shown = [text for text, _ in facts]
    while total > row.width() and facts:
        # Too wide even at the floor: elide the last fact, or drop it if hardly any room is left.
        room = row.width() - (total - widths[-1])
        if room >= 2 * size:
            metrics = QFontMetricsF(card_font(size, bold=facts[-1][1]))
            shown[-1] = elide(metrics, shown[-1], room)
            widths[-1] = ink_width(metrics, shown[-1])
            break
        facts, shown = facts[:-1], shown[:-1]
        total, widths, sep = layout(size)
    baseline = row.top() + (row.height() - row_height(px)) / 2 + BASELINE * px
    out = []
    x = row.left()
    pen = QPen(theme.color("divider"), max(1.0, size / 14))
    for i, ((text, bold), w, drawn) in enumerate(zip(facts, widths, shown, strict=True)):
        if i:
            painter.setPen(pen)
            middle = x + sep / 2
            painter.drawLine(
                QPointF(middle, baseline - 0.82 * size), QPointF(middle, baseline + 0.08 * size)
            )
            x += sep
        colour = theme.color("title" if bold else "meta")
        font = card_font(size, bold=bold)
        out.append(draw_run(painter, "meta", text, drawn, font, colour, QPointF(x, baseline), row))
        x += w
    return out


def draw_logo(painter: QPainter, logo: QImage, plate: QRectF, radius: float, theme: Theme) -> None:
    """The employer's logo on a white plate (logos are made for white), aspect kept."""
    painter.setPen(QPen(theme.color("divider"), 1.0))
    painter.setBrush(QColor("#FFFFFF"))
    painter.drawRoundedRect(plate, radius, radius)
    if logo.isNull():
        return
    inset = plate.adjusted(
        plate.width() * 0.1, plate.height() * 0.1, -plate.width() * 0.1, -plate.height() * 0.1
    )
    scaled = logo.scaled(
        round(inset.width()),
        round(inset.height()),
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    x = inset.left() + (inset.width() - scaled.width()) / 2
    y = inset.top() + (inset.height() - scaled.height()) / 2
    painter.drawImage(QPointF(x, y), scaled)
