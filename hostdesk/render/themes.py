"""Colour themes for cards and QR tiles: plain data, chosen by name in the settings."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor


@dataclass(frozen=True)
class Theme:
    """Colours as #RRGGBB or #AARRGGBB. `label` is an English source string (context "Theme")."""

    name: str
    label: str
    card_top: str
    card_bottom: str
    card_border: str
    accent: str
    title: str
    secondary: str
    pay: str
    pay_small: str
    meta: str
    chip_fill: str
    chip_border: str
    chip_text: str
    badge_fill: str
    badge_text: str
    divider: str
    shadow: str
    caption_fill: str
    caption_text: str

    def color(self, role: str) -> QColor:
        return QColor(getattr(self, role))


DARK = Theme(
    name="dark",
    label=QT_TRANSLATE_NOOP("Theme", "Dark: navy and gold"),
    card_top="#F5182650",
    card_bottom="#F50B1433",
    card_border="#40FFFFFF",
    accent="#FFB81C",
    title="#FFFFFF",
    secondary="#B4C3E3",
    pay="#FFC73A",
    pay_small="#F2CF7A",
    meta="#E3E9F5",
    chip_fill="#2BFFC73A",
    chip_border="#99FFC73A",
    chip_text="#FFE6A6",
    badge_fill="#E8302A",
    badge_text="#FFFFFF",
    divider="#2EFFFFFF",
    shadow="#000000",
    caption_fill="#FFB81C",
    caption_text="#0E1838",
)

LIGHT = Theme(
    name="light",
    label=QT_TRANSLATE_NOOP("Theme", "Light: white and red"),
    card_top="#FCFFFFFF",
    card_bottom="#FCF3F4F7",
    card_border="#1F000000",
    accent="#E1251B",
    title="#15181F",
    secondary="#596070",
    pay="#E1251B",
    pay_small="#B8342B",
    meta="#2A2F3A",
    chip_fill="#16E1251B",
    chip_border="#80E1251B",
    chip_text="#B01C13",
    badge_fill="#E1251B",
    badge_text="#FFFFFF",
    divider="#1F000000",
    shadow="#000000",
    caption_fill="#E1251B",
    caption_text="#FFFFFF",
)

THEMES: dict[str, Theme] = {theme.name: theme for theme in (DARK, LIGHT)}
DEFAULT_THEME = DARK.name


def theme_named(name: str | Theme) -> Theme:
    """The theme for a settings value; ValueError naming the valid ones otherwise."""
    if isinstance(name, Theme):
        return name
    try:
        return THEMES[name]
    except KeyError:
        valid = ", ".join(THEMES)
        raise ValueError(f"unknown card theme {name!r}; choose one of: {valid}") from None


def theme_label(name: str | Theme) -> str:
    """The theme's name for the settings UI, in the installed language."""
    return QCoreApplication.translate("Theme", theme_named(name).label)
