"""QR sign-up codes as crisp images: error correction M, 4-module quiet zone, integer scaling."""

from __future__ import annotations

import qrcode
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from qrcode.constants import ERROR_CORRECT_M

QUIET_ZONE = 4  # modules; scanners need at least 4


def qr_matrix(data: str) -> list[list[bool]]:
    """The module grid including the quiet zone."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(data)
    code.make(fit=True)
    return code.get_matrix()


def qr_image(data: str, max_px: int) -> QImage:
    """The largest whole-pixel module size that fits `max_px`; never smoothed, never blurred."""
    matrix = qr_matrix(data)
    modules = len(matrix)
    scale = max(1, max_px // modules)
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
