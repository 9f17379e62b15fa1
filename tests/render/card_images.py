"""Contact sheets of the demo cards for docs/images: `python -m tests.render.card_images`.

Cards are shown as they go on air: card and QR composited at their canvas geometry onto a
dim studio-like background (a stand-in for the camera picture), both orientations, both
themes, in Chinese.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QRadialGradient,
)

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "images"


def studio_background(canvas: tuple[int, int]) -> QImage:
    """A dim gradient with a soft light and a figure-like shape, so edges and shadows show."""
    width, height = canvas
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    gradient = QLinearGradient(QPointF(0, 0), QPointF(width, height))
    gradient.setColorAt(0, QColor("#3A4350"))
    gradient.setColorAt(0.5, QColor("#5B5247"))
    gradient.setColorAt(1, QColor("#20262E"))
    p.fillRect(image.rect(), gradient)
    light = QRadialGradient(QPointF(width * 0.5, height * 0.35), max(width, height) * 0.4)
    light.setColorAt(0, QColor(255, 240, 220, 60))
    light.setColorAt(1, QColor(255, 240, 220, 0))
    p.fillRect(image.rect(), light)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(20, 24, 30, 90))
    side = min(width, height)
    p.drawEllipse(QRectF(width / 2 - side * 0.14, height * 0.2, side * 0.28, side * 0.28))
    p.drawRoundedRect(
        QRectF(width / 2 - side * 0.3, height * 0.2 + side * 0.3, side * 0.6, height), 60, 60
    )
    p.end()
    return image


def _on_air(job, layout: str, theme: str, canvas: tuple[int, int]) -> tuple[QImage, QRect]:
    """The composited frame and the rect around card + QR (for cropping contact sheets)."""
    from hostdesk.render.card import compose, render_overlay
    from hostdesk.render.qr import signup_url

    url = signup_url(job, hub="https://hub.example.cn", session="2025-06-01-live")
    overlay = render_overlay(job, url, layout=layout, theme=theme, canvas=canvas)
    frame = compose(overlay, canvas, studio_background(canvas))
    area = QRect(*overlay.card_rect).united(QRect(*overlay.qr_rect))
    return frame, area


def _sheet(tiles: list[QImage], columns: int, gap: int = 12) -> QImage:
    width = max(t.width() for t in tiles)
    height = max(t.height() for t in tiles)
    rows = (len(tiles) + columns - 1) // columns
    sheet = QImage(
        columns * width + (columns + 1) * gap,
        rows * height + (rows + 1) * gap,
        QImage.Format.Format_RGB32,
    )
    sheet.fill(QColor("#15181D"))
    p = QPainter(sheet)
    for i, tile in enumerate(tiles):
        row, col = divmod(i, columns)
        p.drawImage(gap + col * (width + gap), gap + row * (height + gap), tile)
    p.end()
    return sheet


def _scaled(image: QImage, factor: float) -> QImage:
    return image.scaled(
        round(image.width() * factor),
        round(image.height() * factor),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def _save(image: QImage, name: str, *, palette: bool = False) -> None:
    from PIL import Image

    path = OUT / name
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    pil = Image.frombuffer(
        "RGB", (rgb.width(), rgb.height()), bytes(rgb.constBits()), "raw", "RGB",
        rgb.bytesPerLine(), 1,
    )  # fmt: skip
    if palette:
        # Contact sheets are mostly flat colour and text: 256 colours keep them under 400 KB.
        pil = pil.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    pil.save(path, "PNG", optimize=True)
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # alive while drawing
    from hostdesk import i18n
    from tests.render.conftest import DEMO_JOBS

    i18n.install("zh_CN")
    OUT.mkdir(parents=True, exist_ok=True)
    themes = ("dark", "light")

    # Full frames, as a viewer sees them.
    frame, _ = _on_air(DEMO_JOBS[3], "landscape", "dark", (1920, 1080))
    _save(_scaled(frame, 0.5), "card_landscape_dark.png")
    frame, _ = _on_air(DEMO_JOBS[0], "vertical", "light", (1080, 1920))
    _save(_scaled(frame, 0.5), "card_vertical_light.png")
    frame, _ = _on_air(DEMO_JOBS[6], "side", "light", (1920, 1080))
    _save(_scaled(frame, 0.5), "card_side_light.png")

    # The whole catalogue, cropped to the overlay, themes alternating.
    tiles = []
    for i, job in enumerate(DEMO_JOBS):
        frame, area = _on_air(job, "landscape", themes[i % 2], (1920, 1080))
        tiles.append(_scaled(frame.copy(area.adjusted(-16, -16, 16, 16)), 0.5))
    _save(_sheet(tiles, 2), "card_sheet_landscape.png", palette=True)
    tiles = []
    for i, job in enumerate(DEMO_JOBS):
        frame, area = _on_air(job, "vertical", themes[i % 2], (1080, 1920))
        tiles.append(_scaled(frame.copy(area.adjusted(-16, -16, 16, 16)), 0.5))
    _save(_sheet(tiles, 4), "card_sheet_vertical.png", palette=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
