"""The Qt runtime we ship does not lose references to None (PySide6 6.12.0 on Python 3.11 did)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QPoint


def test_void_qt_calls_keep_none_alive():
    # Each void call on 6.12.0 + Python 3.11 dropped one reference to None; after a few
    # thousand (one card render makes ~220) CPython aborted with "none_dealloc".
    point = QPoint()
    before = sys.getrefcount(None)
    for _ in range(1000):
        point.setX(1)
    assert sys.getrefcount(None) >= before
