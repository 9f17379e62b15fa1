"""A job card drawn with QPainter into a transparent image, independent of any window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter

from hostdesk.core.age import format_age
from hostdesk.core.jobs import Job
from hostdesk.core.salary import format_pay
from hostdesk.render.qr import qr_image


def _fit(painter: QPainter, text: str, rect: QRect, font: QFont) -> str:
    """Shrink the font down to 60% first, then ellipsise: never clip mid-glyph."""
    base = font.pixelSize()
    size = base
    while size > base * 0.6 and QFontMetrics(font).horizontalAdvance(text) > rect.width():
        size -= 1
        font.setPixelSize(size)
    painter.setFont(font)
    return QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())


def render_card(job: Job, signup_url: str, width: int = 960, height: int = 300) -> QImage:
    """A landscape card: title, employer and city, pay emphasised, benefits, age, QR on the right."""
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(18, 24, 38, 235))
    p.drawRoundedRect(image.rect(), 24, 24)

    pad = height // 12
    qr_side = height - 2 * pad
    qr = qr_image(signup_url, qr_side)
    p.drawImage(width - pad - qr.width(), (height - qr.height()) // 2, qr)
    text_w = width - qr_side - 3 * pad

    urgent = QCoreApplication.translate("Card", "URGENT")
    lines = [
        (job.title + ("  " + urgent if job.urgent else ""), height * 0.17, QColor("#ffffff"), True),
        (
            " · ".join(x for x in (job.company, job.city) if x),
            height * 0.09,
            QColor("#b8c4d9"),
            False,
        ),
        (format_pay(job.pay), height * 0.16, QColor("#ffd166"), True),
        ("  ".join(job.benefits), height * 0.08, QColor("#9be7c4"), False),
        (format_age(job.age_min, job.age_max), height * 0.08, QColor("#b8c4d9"), False),
    ]
    y = pad
    for text, px, colour, bold in lines:
        if not text:
            continue
        font = QFont()
        font.setPixelSize(int(px))
        font.setBold(bold)
        line_h = int(px * 1.35)
        rect = QRect(pad, y, text_w, line_h)
        p.setPen(colour)
        p.drawText(
            rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            _fit(p, text, rect, font),
        )
        y += line_h
    p.end()
    return image
