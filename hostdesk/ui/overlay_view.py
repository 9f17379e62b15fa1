"""A small monitor of the OBS canvas: the overlay image drawn to scale on a dark screen."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

_SCREEN = QColor("#101216")
_GRID = QColor("#1c1f26")


class OverlayView(QWidget):
    """Shows exactly the images OBS gets, at the canvas's aspect ratio, with a coloured frame."""

    def __init__(self, frame_colour: str, parent=None):
        super().__init__(parent)
        self._image: QImage | None = None
        self._aspect = 16 / 9
        self._frame = QColor(frame_colour)
        self._caption = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 135)

    def show_image(self, image: QImage | None, caption: str = "") -> None:
        self._image = image
        if image is not None and not image.isNull() and image.height():
            self._aspect = image.width() / image.height()
        self._caption = caption
        self.update()

    def image(self) -> QImage | None:
        return self._image

    def caption(self) -> str:
        return self._caption

    def sizeHint(self) -> QSize:
        return QSize(480, 270)

    def _screen_rect(self) -> QRectF:
        w, h = self.width() - 8, self.height() - 8
        if w / max(1, h) > self._aspect:
            w = h * self._aspect
        else:
            h = w / self._aspect
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        screen = self._screen_rect()
        p.fillRect(screen, _SCREEN)
        p.setPen(QPen(_GRID, 1))
        # Thirds, as a camera viewfinder shows them: helps judge where the card sits.
        for i in (1, 2):
            x = screen.left() + screen.width() * i / 3
            y = screen.top() + screen.height() * i / 3
            p.drawLine(round(x), round(screen.top()), round(x), round(screen.bottom()))
            p.drawLine(round(screen.left()), round(y), round(screen.right()), round(y))
        if self._image is not None and not self._image.isNull():
            p.drawImage(screen, self._image)
        p.setPen(QPen(self._frame, 3))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(screen.adjusted(-1.5, -1.5, 1.5, 1.5))
        if self._caption:
            p.setPen(QColor("#c9ced6"))
            p.drawText(
                screen.adjusted(10, 8, -10, -8),
                Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft,
                self._caption,
            )
        p.end()
