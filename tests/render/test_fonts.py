"""The bundled card font: used by the cards, small, renamed, and covering every text we ship."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from PySide6.QtGui import QFontDatabase, QFontInfo, QFontMetrics

from hostdesk import resources
from hostdesk.render.fonts import FAMILY, FONT_FILES, card_font, load_fonts

MAX_BYTES = 2_500_000
FONT_PATHS = [resources.path(f) for f in FONT_FILES]


def _shipped_text() -> set[str]:
    root = resources.root()
    chars: set[str] = set()
    for pattern in ("i18n/*.ts", "demo/*.csv", "wordlists/*.txt"):
        for path in root.glob(pattern):
            chars |= set(path.read_text(encoding="utf-8-sig"))
    return {c for c in chars if c.isprintable() and not c.isspace()}


@pytest.mark.parametrize("bold", [False, True])
def test_cards_use_the_bundled_family(family, bold):
    info = QFontInfo(card_font(40, bold=bold))
    assert info.family() == FAMILY
    assert info.weight() == (700 if bold else 400)
    assert QFontDatabase.styles(FAMILY) == ["Regular", "Bold"]


def test_loading_twice_registers_nothing_new(family):
    count = len(QFontDatabase.families())
    assert load_fonts() == family == FAMILY
    assert len(QFontDatabase.families()) == count


@pytest.mark.parametrize("path", FONT_PATHS, ids=lambda p: p.name)
def test_font_covers_the_catalogue_the_ui_and_gb2312(path: Path):
    cmap = TTFont(path)["cmap"].getBestCmap()
    missing = sorted(c for c in _shipped_text() if ord(c) not in cmap)
    assert not missing, f"run scripts/make_font_subset.py: {path.name} lacks {''.join(missing)}"
    hanzi = [
        bytes((hi, lo)).decode("gb2312")
        for hi in range(0xB0, 0xF8)
        for lo in range(0xA1, 0xFF)
        if (hi, lo) < (0xD7, 0xFA) or hi > 0xD7
    ]
    assert len(hanzi) == 6763
    assert all(ord(c) in cmap for c in hanzi)
    for c in "¥￥，。：；！？（）【】《》“”、…—·０９ＡＺ":
        assert ord(c) in cmap, c


def test_qt_finds_every_demo_glyph_in_the_family(family):
    metrics = QFontMetrics(card_font(32))
    # inFontUcs4, not inFont: PySide6 6.12 turns a non-Latin-1 str into the wrong QChar.
    missing = [c for c in _shipped_text() if not metrics.inFontUcs4(ord(c))]
    assert not missing


@pytest.mark.parametrize("path", FONT_PATHS, ids=lambda p: p.name)
def test_font_is_small_and_renamed(path: Path):
    assert path.stat().st_size <= MAX_BYTES
    names = TTFont(path)["name"]
    for name_id in (1, 3, 4, 6, 16, 17):
        record = names.getDebugName(name_id) or ""
        # OFL: a Modified Version may not use the Reserved Font Name ('Source'); "Noto" is
        # Google's trademark.
        assert "Noto" not in record and "Source" not in record, (name_id, record)
    assert names.getDebugName(1) == FAMILY


def test_licence_ships_beside_the_fonts():
    text = resources.path("fonts/OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007" in text
    assert "Reserved Font Name 'Source'" in text
    assert "DISCLAIMER" in text
    assert resources.path("fonts/README.md").is_file()
