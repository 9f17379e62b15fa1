"""QR sign-up codes: the URL from a template, crisp modules, and the captioned white tile."""

from __future__ import annotations

import qrcode
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPainterPath
from qrcode.constants import ERROR_CORRECT_M

from hostdesk.core.signup_link import DEFAULT_SIGNUP_TEMPLATE, signup_url  # noqa: F401 (re-exported)
from hostdesk.render.geometry import QR_TILE
from hostdesk.render.pieces import SHADOW_INSET, draw_shadow
from hostdesk.render.text import HANZI_MIDDLE, fit, ink_width
from hostdesk.render.themes import DEFAULT_THEME, Theme, theme_named

QUIET_ZONE = 4  # modules; scanners need at least 4


def qr_matrix(data: str) -> list[list[bool]]:
    """The module grid including the quiet zone (error correction M: survives compression)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(data)
    code.make(fit=True)
    return code.get_matrix()


def qr_image(data: str, max_px: int) -> QImage:
    """The largest whole-pixel module size that fits `max_px`; never smoothed, never blurred."""
    matrix = qr_matrix(data)
    modules = len(matrix)
    if modules > max_px:
        raise ValueError(
            f"a QR code of {modules} modules does not fit {max_px} px: shorten the URL"
        )
    scale = max_px // modules
    small = QImage(modules, modules, QImage.Format.Format_RGB32)
    small.fill(QColor("white"))
    black = QColor("black").rgb()
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                small.setPixel(x, y, black)
    return small.scaled(
        modules * scale, modules * scale,
        Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.FastTransformation,
    )  # fmt: skip


def render_qr(
    url: str, size: int | tuple[int, int], *, theme: str | Theme = DEFAULT_THEME
) -> QImage:
    """A white tile with the QR code and the caption 扫码报名 under it, transparent around.

    `size` is the tile's (width, height), as `qr_geometry` gives it, or one number for a
    tile of the reference proportions. The code is pasted 1:1 at whole pixels, so its
    modules stay sharp-edged however the tile is sized.
    """
    colours = theme_named(theme)
    if isinstance(size, int):
        size = (size, round(size * QR_TILE[1] / QR_TILE[0]))
    width, height = size
    u = height / QR_TILE[1]
    left, top, right, bottom = (v * u for v in SHADOW_INSET)
    body = QRectF(left, top, width - left - right, height - top - bottom)
    pad = 8 * u
    caption_h = 46 * u
    area = int(min(body.width() - 2 * pad, body.height() - caption_h - 2 * pad))
    code = qr_image(url, area)

    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        radius = 18 * u
        draw_shadow(p, body, colours, radius, u)
        outline = QPainterPath()
        outline.addRoundedRect(body, radius, radius)
        p.fillPath(outline, QColor("#FFFFFF"))

        code_top = body.top() + pad + (area - code.height()) / 2
        code_left = body.left() + (body.width() - code.width()) / 2
        p.drawImage(QPoint(round(code_left), round(code_top)), code)

        bar = QRectF(body.left(), body.bottom() - caption_h, body.width(), caption_h)
        p.save()
        p.setClipPath(outline)
        p.fillRect(bar, colours.color("caption_fill"))
        p.restore()
        caption = QCoreApplication.translate("Card", "Scan to sign up")
        px = round(26 * u)
        font, shown = fit(caption, bar.width() - 2 * pad, px, round(px * 0.7), bold=True)
        p.setFont(font)
        p.setPen(colours.color("caption_text"))
        x = bar.center().x() - ink_width(QFontMetricsF(font), shown) / 2
        p.drawText(QPointF(x, bar.center().y() + HANZI_MIDDLE * font.pixelSize()), shown)
    finally:
        p.end()
    return image
