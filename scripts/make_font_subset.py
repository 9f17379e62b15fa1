"""Builds the bundled card font: Noto Sans CJK SC subset to GB2312 + what HostDesk shows, renamed.

Run from the checkout after the .ts files, the demo catalogue or the word lists gained
characters outside GB2312 (tests/render/test_fonts.py says so when that happens):

    .venv/bin/python scripts/make_font_subset.py [--source-dir /usr/share/fonts/opentype/noto]

Needs Debian's fonts-noto-cjk (the .ttc collections) and fontTools.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "fonts"
FAMILY = "HostDesk Sans"
PS_FAMILY = "HostDeskSans"
WEIGHTS = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}
SOURCE_FAMILY = "Noto Sans CJK SC"

# The copyright as upstream's LICENSE states it. Noto CJK *does* carry a Reserved Font Name
# ('Source', from Source Han Sans) and "Noto" is a Google trademark: the subset uses neither.
COPYRIGHT = (
    "Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'. "
    "Modified (subset and renamed) for HostDesk from Noto Sans CJK SC."
)
LICENCE_DESCRIPTION = (
    "This Font Software is licensed under the SIL Open Font License, Version 1.1. "
    "This is a modified version of Noto Sans CJK SC; it is not endorsed by Google or Adobe."
)

# Text files whose every character the font must cover (on top of GB2312).
TEXT_SOURCES = ("i18n/*.ts", "demo/*.csv", "wordlists/*.txt")

# Horizontal layout only, and no `locl`/`pwid`/`fwid`: the SC face's cmap already gives the
# simplified forms, and those features would drag in ~5,800 JP/KR/TC and width-variant
# glyphs (2.8 MB instead of 1.6 MB per weight). Nothing on a card is set vertically.
LAYOUT_FEATURES = ["kern", "palt", "liga", "ccmp", "mark", "mkmk"]
DROP_TABLES = ["VORG", "vhea", "vmtx", "BASE", "DSIG", "meta"]


def gb2312_chars() -> set[str]:
    """Every character GB2312 encodes: rows 0xA1-0xF7, cells 0xA1-0xFE, decoded one by one."""
    chars: set[str] = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                continue  # unassigned code points in the grid
    return chars


def extra_chars() -> set[str]:
    chars = {chr(c) for c in range(0x20, 0x7F)}  # ASCII
    chars |= {chr(c) for c in range(0xFF01, 0xFF5F)}  # full-width forms
    chars |= {chr(c) for c in range(0xFFE0, 0xFFE7)}  # full-width ￠￡￢￣￤￥￦
    chars |= {chr(c) for c in range(0x3000, 0x3040)}  # CJK symbols and punctuation
    chars |= set("¥·•…—–‘’“”×÷°±·、。「」『』《》〈〉【】〔〕〖〗～＋－")
    chars |= {"\u00a0", "\u2009", "\u200b"}
    return chars


def resource_chars(root: Path = ROOT / "resources") -> set[str]:
    chars: set[str] = set()
    for pattern in TEXT_SOURCES:
        for path in sorted(root.glob(pattern)):
            chars |= set(path.read_text(encoding="utf-8-sig"))
    return {ch for ch in chars if ch.isprintable() or ch == " "}


def wanted_chars() -> set[str]:
    return gb2312_chars() | extra_chars() | resource_chars()


def _sc_font(ttc: Path) -> TTFont:
    for font in TTCollection(str(ttc)).fonts:
        if font["name"].getDebugName(1) == SOURCE_FAMILY:
            return font
    sys.exit(f"make_font_subset: {ttc} holds no {SOURCE_FAMILY!r}")


def _rename(font: TTFont, weight: str, source_version: str) -> None:
    name = font["name"]
    full = f"{FAMILY} {weight}" if weight != "Regular" else FAMILY
    ps = f"{PS_FAMILY}-{weight}"
    values = {
        0: COPYRIGHT,
        1: FAMILY,
        2: weight,
        3: f"{source_version};HostDesk;{ps}",
        4: full,
        5: f"Version {source_version}; subset for HostDesk",
        6: ps,
        13: LICENCE_DESCRIPTION,
        14: "https://openfontlicense.org",
    }
    # Drop every other record, including localised names that still say Noto/思源.
    name.names = []
    for name_id, value in values.items():
        name.setName(value, name_id, 3, 1, 0x409)
        name.setName(value, name_id, 1, 0, 0)
    cff = font["CFF "].cff
    cff.fontNames = [ps]
    top = cff.topDictIndex[0]
    top.FullName = full
    top.FamilyName = FAMILY
    top.Notice = COPYRIGHT
    top.Copyright = COPYRIGHT
    if weight == "Bold":
        font["OS/2"].usWeightClass = 700
        font["OS/2"].fsSelection = (font["OS/2"].fsSelection | 0x20) & ~0x40  # BOLD, not REGULAR
        font["head"].macStyle |= 0x01


def build(source_dir: Path, out_dir: Path = OUT) -> dict[str, int]:
    text = "".join(sorted(wanted_chars()))
    out_dir.mkdir(parents=True, exist_ok=True)
    sizes: dict[str, int] = {}
    for weight, filename in WEIGHTS.items():
        font = _sc_font(source_dir / filename)
        source_version = font["name"].getDebugName(5).split(";")[0].removeprefix("Version ")
        options = subset.Options()
        options.hinting = False  # CFF hints matter at 9-12 px; cards draw at 24 px and up
        options.layout_features = LAYOUT_FEATURES
        options.drop_tables += DROP_TABLES
        options.name_IDs = ["*"]  # renamed below
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.glyph_names = False
        options.desubroutinize = False  # subroutines are what keeps CFF small
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        _rename(font, weight, source_version)
        # Same input, same bytes: keep the source's timestamp rather than "now".
        font.recalcTimestamp = False
        font["head"].modified = font["head"].created
        target = out_dir / f"{PS_FAMILY}-{weight}.otf"
        font.save(str(target))
        sizes[target.name] = target.stat().st_size
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", type=Path, default=Path("/usr/share/fonts/opentype/noto"))
    parser.add_argument("--out-dir", type=Path, default=OUT)
    args = parser.parse_args(argv)
    print(f"{len(wanted_chars())} characters")
    for name, size in build(args.source_dir, args.out_dir).items():
        print(f"{name}: {size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
