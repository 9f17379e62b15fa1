"""Which characters the card's bundled font draws, read from its cmap without Qt.

The importer warns about cells with characters outside it (an emoji, a rare hanzi): the card
shows those in another font when the PC has one, else leaves them out or shows 〓. Plain
Python, since the hub imports the sheets too (without the font, nothing is checked).
"""

from __future__ import annotations

import struct
import unicodedata
from functools import cache

from hostdesk import resources

FONT_FILES = ("fonts/HostDeskSans-Regular.otf", "fonts/HostDeskSans-Bold.otf")


def _table(data: bytes, tag: bytes) -> bytes:
    (count,) = struct.unpack_from(">H", data, 4)
    for i in range(count):
        name, _checksum, offset, length = struct.unpack_from(">4sLLL", data, 12 + 16 * i)
        if name == tag:
            return data[offset : offset + length]
    raise ValueError(f"no {tag!r} table")


def _format4(sub: bytes) -> set[int]:
    """The characters a format-4 subtable maps to a real glyph (not .notdef)."""
    (seg_x2,) = struct.unpack_from(">H", sub, 6)
    n = seg_x2 // 2
    ends = struct.unpack_from(f">{n}H", sub, 14)
    starts = struct.unpack_from(f">{n}H", sub, 16 + seg_x2)
    deltas = struct.unpack_from(f">{n}h", sub, 16 + 2 * seg_x2)
    range_at = 16 + 3 * seg_x2  # idRangeOffset[0]; each offset counts from its own slot
    ranges = struct.unpack_from(f">{n}H", sub, range_at)
    out: set[int] = set()
    for i, (start, end, delta, ro) in enumerate(zip(starts, ends, deltas, ranges, strict=True)):
        end = min(end, 0xFFFE)
        if start > end:
            continue
        if ro == 0:  # glyph = char + delta: every char but the one that lands on .notdef
            notdef = (-delta) & 0xFFFF
            out.update(c for c in range(start, end + 1) if c != notdef)
            continue
        glyphs = struct.unpack_from(f">{end - start + 1}H", sub, range_at + 2 * i + ro)
        pairs = zip(range(start, end + 1), glyphs, strict=True)
        out.update(c for c, g in pairs if g and (g + delta) & 0xFFFF)
    return out


def _format12(sub: bytes) -> set[int]:
    (groups,) = struct.unpack_from(">L", sub, 12)
    out: set[int] = set()
    for i in range(groups):
        start, end, first_glyph = struct.unpack_from(">LLL", sub, 16 + 12 * i)
        out.update(c for c in range(start, end + 1) if first_glyph + (c - start))
    return out


def font_charset(data: bytes) -> frozenset[int]:
    """Every Unicode character an OpenType font's cmap maps to a glyph."""
    cmap = _table(data, b"cmap")
    (count,) = struct.unpack_from(">H", cmap, 2)
    out: set[int] = set()
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHL", cmap, 4 + 8 * i)
        if (platform, encoding) not in ((0, 3), (0, 4), (3, 1), (3, 10)):
            continue  # not Unicode
        (fmt,) = struct.unpack_from(">H", cmap, offset)
        if fmt == 4:
            out |= _format4(cmap[offset:])
        elif fmt == 12:
            out |= _format12(cmap[offset:])
    return frozenset(out)


@cache
def card_charset() -> frozenset[int] | None:
    """What both weights of the card font draw; None when the font is not installed here."""
    try:
        sets = [font_charset(resources.path(name).read_bytes()) for name in FONT_FILES]
    except (OSError, ValueError, struct.error):
        return None
    return frozenset.intersection(*sets)


def invisible(char: str) -> bool:
    """Characters nobody sees on their own: controls, joiners, variation selectors, spaces."""
    code = ord(char)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
        return True
    return unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp")


def missing_glyphs(text: str) -> str:
    """The characters of `text` the card font lacks, each once, in order ("" when unknown)."""
    charset = card_charset()
    if charset is None or charset.issuperset(map(ord, text)):  # the common case, at C speed
        return ""
    lacking = (c for c in text if ord(c) not in charset and not invisible(c))
    return "".join(dict.fromkeys(lacking))
