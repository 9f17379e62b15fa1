"""The bundled card font (HostDesk Sans, a Noto Sans CJK SC subset), registered with Qt once."""

from __future__ import annotations

import threading

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from hostdesk import resources

FAMILY = "HostDesk Sans"
FONT_FILES = ("fonts/HostDeskSans-Regular.otf", "fonts/HostDeskSans-Bold.otf")

_lock = threading.Lock()  # the overlay may pre-render cards on a worker thread
_loaded_for: int | None = None  # id() of the application the fonts were registered with


def load_fonts() -> str:
    """Register both weights with Qt (once per application object) and return the family.

    Application fonts belong to the QGuiApplication: a new application (a second test
    session, a CLI verb after a GUI one) needs them registered again, hence the id check.
    """
    global _loaded_for
    app = QGuiApplication.instance()
    if app is None:
        raise RuntimeError("load_fonts() needs a QGuiApplication: create one before rendering")
    with _lock:
        if _loaded_for == id(app):
            return FAMILY
        families: set[str] = set()
        for relative in FONT_FILES:
            path = resources.path(relative)
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                raise RuntimeError(f"Qt could not load the bundled font {path}")
            families.update(QFontDatabase.applicationFontFamilies(font_id))
        if FAMILY not in families:
            raise RuntimeError(f"bundled fonts declare {sorted(families)}, not {FAMILY!r}")
        _loaded_for = id(app)
    return FAMILY


def card_font(pixel_size: int, *, bold: bool = False) -> QFont:
    """The card family at a pixel size (cards are laid out in pixels, never points)."""
    font = QFont(load_fonts())
    font.setPixelSize(max(1, int(pixel_size)))
    font.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    # Unhinted outlines give the same advances on FreeType and DirectWrite, so a card lays
    # out identically on the Linux CI and on the Windows broadcast PC.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(True)
    return font
