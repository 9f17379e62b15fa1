"""Job cards drawn with QPainter into transparent images, independent of any window.

The QR code is not part of the card: it is its own image (`render_qr`) with its own place
on the canvas (`qr_geometry`), because the OBS overlay shows them as two sources and a
stream may hide the QR (some platforms punish codes) without leaving a hole in the card.
`render_overlay` gives both, `render_composite` one canvas-sized image holding both.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QLineF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPen

from hostdesk.core.age import age_label
from hostdesk.core.jobs import Job
from hostdesk.core.salary import format_pay
from hostdesk.render.geometry import Canvas, Layout, Rect, layout_named, overlay_geometry, unit
from hostdesk.render.glyphs import drawable_job
from hostdesk.render.pieces import (
    SHADOW_INSET,
    badge_size,
    chip_lines,
    chips_height,
    draw_badge,
    draw_body,
    draw_chips,
    draw_facts,
    draw_logo,
    draw_pay,
)
from hostdesk.render.qr import render_qr
from hostdesk.render.text import BASELINE, HANZI_MIDDLE, DrawnText, draw_line, fit, row_height
from hostdesk.render.themes import DEFAULT_THEME, Theme, theme_named

CHIP_LINES = 2
SEPARATOR = " · "


@dataclass(frozen=True)
class _Spec:
    """Type sizes (reference pixels at a 1080-line canvas) for one layout."""

    title: int
    company: int
    pay: int
    chip: int
    meta: int
    pad_x: int
    pad_y: int
    radius: int


_SPECS = {
    Layout.LANDSCAPE: _Spec(
        title=64, company=32, pay=58, chip=28, meta=30, pad_x=34, pad_y=22, radius=22
    ),
    Layout.SIDE: _Spec(
        title=60, company=32, pay=56, chip=28, meta=30, pad_x=30, pad_y=28, radius=22
    ),
    # Phone viewers see a 1080-wide canvas on a 7 cm screen: type is as large as it fits.
    Layout.VERTICAL: _Spec(
        title=60, company=32, pay=56, chip=30, meta=32, pad_x=28, pad_y=22, radius=22
    ),
}
ACCENT_W = 10  # matches draw_body's accent bar


@dataclass(frozen=True)
class Overlay:
    """What goes on air for one job: the card and the QR tile, each with its canvas rect."""

    card: QImage
    qr: QImage
    card_rect: Rect
    qr_rect: Rect


def body_rect(width: int, height: int, u: float) -> QRectF:
    left, top, right, bottom = (v * u for v in SHADOW_INSET)
    return QRectF(left, top, width - left - right, height - top - bottom)


def _floor(px: int, ratio: float) -> int:
    return max(1, round(px * ratio))


def _facts(job: Job) -> list[tuple[str, bool]]:
    """Headcount (emphasised: it tells viewers the odds), age band (as written when unread), shift."""
    headcount = ""
    if job.headcount:
        # No %n plural: lupdate (6.11) drops the plural marker unless the count is a literal.
        headcount = QCoreApplication.translate("Card", "Hiring {count}").format(count=job.headcount)
    return [
        (headcount, True),
        (age_label(job.age_min, job.age_max, job.age_text), False),
        (job.shift.strip(), False),
    ]


def _where(job: Job) -> str:
    return SEPARATOR.join(p.strip() for p in (job.company, job.city) if p.strip())


def _title_row(p: QPainter, job: Job, row: QRectF, px: int, theme: Theme) -> list[DrawnText]:
    """The title, after the 急招 badge when urgent; the badge shrinks along with the title."""
    floor, colour = _floor(px, 0.6), theme.color("title")
    if not job.urgent:
        drawn = draw_line(p, "title", job.title, row, px, floor, colour, bold=True)
        return [drawn] if drawn else []
    badge = QCoreApplication.translate("Card", "URGENT")
    # Fit with the full-size badge, then again with the badge sized for the title that
    # came out: the badge only gets narrower, so the title still fits.
    size = px
    for _ in range(2):
        badge_px, badge_w = badge_size(badge, size, px, row.width() / 2)
        gap = size * 0.25
        box = QRectF(
            row.left() + badge_w + gap, row.top(), row.width() - badge_w - gap, row.height()
        )
        size = fit(job.title, box.width(), px, floor, bold=True)[0].pixelSize()
    baseline = row.top() + (row.height() - row_height(px)) / 2 + BASELINE * px
    middle = baseline - HANZI_MIDDLE * size
    out = [draw_badge(p, badge, row.left(), middle, badge_px, badge_w, theme)]
    drawn = draw_line(p, "title", job.title, box, px, floor, colour, bold=True)
    return out + ([drawn] if drawn else [])


def _header(
    p: QPainter,
    job: Job,
    top: float,
    left: float,
    width: float,
    s: _Spec,
    u: float,
    theme: Theme,
    logo: QImage | None,
) -> tuple[list[DrawnText], float]:
    """Logo plate, then title (with badge) over employer · city; returns texts and bottom."""
    title_px, company_px = round(s.title * u), round(s.company * u)
    title_h, company_h = row_height(title_px), row_height(company_px)
    where = _where(job)
    height = title_h + (4 * u + company_h if where else 0)
    if logo is not None and not logo.isNull():
        plate = QRectF(left, top, height, height)
        draw_logo(p, logo, plate, 12 * u, theme)
        left += height + 18 * u
        width -= height + 18 * u
    out = _title_row(p, job, QRectF(left, top, width, title_h), title_px, theme)
    if where:
        row = QRectF(left, top + title_h + 4 * u, width, company_h)
        drawn = draw_line(
            p,
            "company",
            where,
            row,
            company_px,
            _floor(company_px, 0.75),
            theme.color("secondary"),
        )
        out += [drawn] if drawn else []
    return out, top + height


def _paint_landscape(
    p: QPainter,
    job: Job,
    content: QRectF,
    s: _Spec,
    u: float,
    theme: Theme,
    logo: QImage | None,
) -> list[DrawnText]:
    """Two columns: who and how much on the left, benefits and facts on the right."""
    right_w = content.width() * 0.44
    gutter = 36 * u
    left_w = content.width() - right_w - gutter
    pay_px = round(s.pay * u)
    head_h = row_height(round(s.title * u)) + 4 * u + row_height(round(s.company * u))
    block = head_h + 10 * u + row_height(pay_px)
    top = content.top() + (content.height() - block) / 2
    out, bottom = _header(p, job, top, content.left(), left_w, s, u, theme, logo)
    pay_row = QRectF(content.left(), bottom + 10 * u, left_w, row_height(pay_px))
    out += draw_pay(p, format_pay(job.pay), pay_row, pay_px, _floor(pay_px, 0.7), theme)

    x = content.left() + left_w + gutter / 2
    p.setPen(QPen(theme.color("divider"), max(1.0, 2 * u)))
    p.drawLine(QLineF(x, top + 6 * u, x, top + block - 6 * u))

    # Right column: chips over facts, centred as one block against the left column.
    right_x = content.right() - right_w
    chip_px, meta_px = round(s.chip * u), round(s.meta * u)
    lines = chip_lines(job.benefits, right_w, chip_px, CHIP_LINES)
    facts = _facts(job)
    has_facts = any(text for text, _ in facts)
    column = chips_height(chip_px, lines) + (row_height(meta_px) if has_facts else 0)
    column += 16 * u if lines and has_facts else 0
    y = top + (block - column) / 2
    if lines:
        chips = QRectF(right_x, y, right_w, chips_height(chip_px, lines))
        out += draw_chips(p, job.benefits, chips, chip_px, theme, CHIP_LINES)
        y = chips.bottom() + 16 * u
    if has_facts:
        row = QRectF(right_x, y, right_w, row_height(meta_px))
        out += draw_facts(p, facts, row, meta_px, _floor(meta_px, 0.75), theme)
    return out


def _paint_stacked(
    p: QPainter,
    job: Job,
    content: QRectF,
    s: _Spec,
    u: float,
    theme: Theme,
    logo: QImage | None,
) -> list[DrawnText]:
    """One column: header, pay, benefits, facts; the block is centred in the card."""
    pay_px, chip_px, meta_px = round(s.pay * u), round(s.chip * u), round(s.meta * u)
    head_h = row_height(round(s.title * u)) + (
        4 * u + row_height(round(s.company * u)) if _where(job) else 0
    )
    facts = _facts(job)
    has_facts = any(text for text, _ in facts)
    lines = chip_lines(job.benefits, content.width(), chip_px, CHIP_LINES)
    block = head_h + 10 * u + row_height(pay_px)
    block += (16 * u + chips_height(chip_px, lines)) if lines else 0
    block += (16 * u + row_height(meta_px)) if has_facts else 0
    top = content.top() + max(0.0, (content.height() - block) / 2)
    out, y = _header(p, job, top, content.left(), content.width(), s, u, theme, logo)
    y += 10 * u
    pay_row = QRectF(content.left(), y, content.width(), row_height(pay_px))
    out += draw_pay(p, format_pay(job.pay), pay_row, pay_px, _floor(pay_px, 0.7), theme)
    y = pay_row.bottom()
    if lines:
        chips = QRectF(content.left(), y + 16 * u, content.width(), chips_height(chip_px, lines))
        out += draw_chips(p, job.benefits, chips, chip_px, theme, CHIP_LINES)
        y = chips.bottom()
    if has_facts:
        row = QRectF(content.left(), y + 16 * u, content.width(), row_height(meta_px))
        out += draw_facts(p, facts, row, meta_px, _floor(meta_px, 0.75), theme)
    return out


def render_card_traced(
    job: Job,
    *,
    layout: str | Layout = Layout.LANDSCAPE,
    theme: str | Theme = DEFAULT_THEME,
    canvas: Canvas = (1920, 1080),
    logo: QImage | None = None,
) -> tuple[QImage, list[DrawnText]]:
    """The card image and every text run drawn on it, with its box (for tests and checks)."""
    layout, colours = layout_named(layout), theme_named(theme)
    job = drawable_job(job)  # an emoji or rare character: another font, left out or 〓, no box
    _, _, width, height = overlay_geometry(layout, canvas)[0]
    u = unit(canvas)
    spec = _SPECS[layout]
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        body = body_rect(width, height, u)
        draw_body(p, body, colours, spec.radius * u, u)
        content = body.adjusted(
            (ACCENT_W + spec.pad_x) * u, spec.pad_y * u, -spec.pad_x * u, -spec.pad_y * u
        )
        paint = _paint_landscape if layout is Layout.LANDSCAPE else _paint_stacked
        texts = paint(p, job, content, spec, u, colours, logo)
    finally:
        p.end()
    return image, texts


def render_card(
    job: Job,
    *,
    layout: str | Layout = Layout.LANDSCAPE,
    theme: str | Theme = DEFAULT_THEME,
    canvas: Canvas = (1920, 1080),
    logo: QImage | None = None,
) -> QImage:
    """The card as a transparent ARGB32 (premultiplied) image, sized by `card_geometry`."""
    return render_card_traced(job, layout=layout, theme=theme, canvas=canvas, logo=logo)[0]


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # Quality 80 is zlib level ~2: a third faster than the default for ~15% more bytes, and
    # encoding, not drawing, is most of a card's render time.
    if not image.save(buffer, "PNG", 80):
        raise RuntimeError("Qt could not encode the image as PNG")
    buffer.close()
    return bytes(data.data())


def render_card_png(
    job: Job,
    *,
    layout: str | Layout = Layout.LANDSCAPE,
    theme: str | Theme = DEFAULT_THEME,
    canvas: Canvas = (1920, 1080),
    logo: QImage | None = None,
) -> bytes:
    """`render_card` encoded as PNG."""
    return png_bytes(render_card(job, layout=layout, theme=theme, canvas=canvas, logo=logo))


def render_overlay(
    job: Job,
    signup_url: str,
    *,
    layout: str | Layout = Layout.LANDSCAPE,
    theme: str | Theme = DEFAULT_THEME,
    canvas: Canvas = (1920, 1080),
    logo: QImage | None = None,
) -> Overlay:
    """Card and QR tile for one job, with where each goes on the canvas."""
    card_rect, qr_rect = overlay_geometry(layout, canvas)
    card = render_card(job, layout=layout, theme=theme, canvas=canvas, logo=logo)
    qr = render_qr(signup_url, (qr_rect[2], qr_rect[3]), theme=theme)
    return Overlay(card, qr, card_rect, qr_rect)


def compose(overlay: Overlay, canvas: Canvas, background: QImage | None = None) -> QImage:
    """The overlay placed on a canvas-sized image (transparent unless a background is given)."""
    if background is None:
        out = QImage(canvas[0], canvas[1], QImage.Format.Format_ARGB32_Premultiplied)
        out.fill(Qt.GlobalColor.transparent)
    else:
        out = background.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(out)
    p.drawImage(overlay.card_rect[0], overlay.card_rect[1], overlay.card)
    p.drawImage(overlay.qr_rect[0], overlay.qr_rect[1], overlay.qr)
    p.end()
    return out


def render_composite(
    job: Job,
    signup_url: str,
    *,
    layout: str | Layout = Layout.LANDSCAPE,
    theme: str | Theme = DEFAULT_THEME,
    canvas: Canvas = (1920, 1080),
    logo: QImage | None = None,
) -> QImage:
    """Card and QR on one transparent canvas-sized image: one OBS image source can show it."""
    overlay = render_overlay(job, signup_url, layout=layout, theme=theme, canvas=canvas, logo=logo)
    return compose(overlay, canvas)
