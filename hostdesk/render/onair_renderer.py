"""The Qt drawing behind the on-air service: cards, QR tiles, the counter, previews (PNG bytes)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSize, Qt
from PySide6.QtGui import QImage, QPainter

from hostdesk.core.jobs import Job
from hostdesk.core.look import Box, Look
from hostdesk.render.card import png_bytes, render_overlay
from hostdesk.render.counter import render_counter

log = logging.getLogger(__name__)


class QtOverlayRenderer:
    """services.onair_renderer.OverlayRenderer, drawn with QPainter (any thread)."""

    def overlay(
        self, job: Job, url: str, look: Look, logo: bytes, with_qr: bool
    ) -> tuple[bytes, bytes]:
        drawn = render_overlay(job, url, layout=look.layout, theme=look.theme,
                               canvas=look.canvas, logo=_logo_image(logo))  # fmt: skip
        # A link a phone cannot open (no hub address yet) gets no code on screen: a viewer
        # scanning it would land nowhere. The tile stays, transparent.
        tile = drawn.qr if with_qr else transparent(drawn.qr.size())
        return png_bytes(drawn.card), png_bytes(tile)

    def counter(self, count: int, ticker: str | None, size: tuple[int, int], look: Look) -> bytes:
        right, top = look.counter_anchor()
        return png_bytes(render_counter(count, ticker, size, look.theme, right=right, top=top))

    def ticker(self, name: str, title: str, minutes: int | None) -> str:
        if minutes is None:
            text = QCoreApplication.translate("Counter", "{name} just signed up for {title}")
            return text.format(name=name, title=title)
        text = QCoreApplication.translate(
            "Counter", "{name} signed up {minutes} min ago for {title}"
        )
        return text.format(name=name, minutes=minutes, title=title)

    def blank(self) -> bytes:
        return png_bytes(transparent())

    def language(self) -> str:
        return QLocale().name()

    def preview(self, canvas: tuple[int, int], width: int, layers: Sequence[tuple[Box, Path]]):
        cw, ch = canvas
        scale = width / cw
        image = QImage(width, max(1, round(ch * scale)), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        if layers:
            p = QPainter(image)
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            p.scale(scale, scale)
            for at, file in layers:
                p.drawImage(at.x, at.y, QImage(str(file)))
            p.end()
        return image


def _logo_image(data: bytes) -> QImage | None:
    """The logo as an image; an unreadable file draws no logo rather than failing the take."""
    if not data:
        return None
    image = QImage.fromData(data)
    if image.isNull():
        log.warning("a logo file could not be read as an image; drawing the card without it")
        return None
    return image


def transparent(size: QSize | None = None) -> QImage:
    image = QImage(size or QSize(1, 1), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    return image
