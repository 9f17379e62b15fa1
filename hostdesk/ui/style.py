"""The console's look: a dark palette like OBS's, and the bundled font so Chinese reads the same everywhere."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from hostdesk.render.fonts import load_fonts

# OBS Studio's dark theme, roughly: the assistant's window sits next to OBS all evening.
_COLOURS = {
    QPalette.ColorRole.Window: "#1f2128",
    QPalette.ColorRole.WindowText: "#e4e6eb",
    QPalette.ColorRole.Base: "#16181d",
    QPalette.ColorRole.AlternateBase: "#1b1d23",
    QPalette.ColorRole.ToolTipBase: "#2b2e36",
    QPalette.ColorRole.ToolTipText: "#e4e6eb",
    QPalette.ColorRole.PlaceholderText: "#7a7f87",
    QPalette.ColorRole.Text: "#e4e6eb",
    QPalette.ColorRole.Button: "#2b2e36",
    QPalette.ColorRole.ButtonText: "#e4e6eb",
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Highlight: "#2f5fb3",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#6ea8fe",
}
_DISABLED_TEXT = "#6b7078"


def apply_console_style(app: QApplication) -> None:
    app.setStyle("Fusion")  # the same widgets on every Windows version, and it takes a palette
    palette = QPalette()
    for role, colour in _COLOURS.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DISABLED_TEXT))
    app.setPalette(palette)
    font = QFont(load_fonts())
    font.setPointSizeF(10.5)
    app.setFont(font)
