"""Free text people typed (names, cities, notes, job texts): invisible format characters out.

Format characters (Unicode category Cf) draw nothing: right-to-left overrides (U+202E)
that turn the rest of a line around on stream or in a spreadsheet, zero-width spaces and
joiners (U+200B, U+200D), the byte order mark (U+FEFF), the invisible tag characters
(U+E0000-U+E007F) and the like. They let two names look the same and make a masked name
("张**") show a lone override, so free text loses them before it is checked, stored,
shown or exported. The desk (core.registrations) and the hub (hub.checks) both use this.
One exception: a zero-width joiner between two emoji stays, because there it is not
invisible — it draws one picture (👨‍👩‍👧, 👩‍🔧) — and it reorders nothing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

ZWJ = "\u200d"
# Where format characters (Cf) live; tests/core check no Cf lies outside these blocks.
CF_BLOCKS = ((0x0000, 0x3000), (0xFE00, 0x10000), (0x10000, 0x20000), (0xE0000, 0xE1000))
# What an emoji sequence's joiner may stand after: a pictograph, or the variation selector
# and skin-tone modifiers that end one.
_EMOJI_END = {"So", "Sk", "Mn"}


def strip_invisible(text: str) -> str:
    """`text` without its format characters (Cf), except a joiner inside an emoji sequence;
    everything else exactly as given."""
    if text.isascii() or not _format_chars().search(text):  # the common cases: nothing to do
        return text
    kept: list[str] = []
    for i, ch in enumerate(text):
        if unicodedata.category(ch) != "Cf" or (ch == ZWJ and _joins_emoji(text, i, kept)):
            kept.append(ch)
    return "".join(kept)


def _joins_emoji(text: str, i: int, kept: list[str]) -> bool:
    after = text[i + 1] if i + 1 < len(text) else ""
    return (
        bool(kept)
        and unicodedata.category(kept[-1]) in _EMOJI_END
        and any(unicodedata.category(c) == "So" for c in kept[-2:])
        and after != ""
        and unicodedata.category(after) == "So"
    )


@cache
def _format_chars() -> re.Pattern:
    """Any format character, as one regex (built once, on the first non-ASCII text)."""
    found = [
        chr(c)
        for lo, hi in CF_BLOCKS
        for c in range(lo, hi)
        if unicodedata.category(chr(c)) == "Cf"
    ]
    return re.compile("[" + "".join(re.escape(ch) for ch in found) + "]")


@cache
def _controls(allow: str) -> re.Pattern:
    """Cc (U+0000-001F, U+007F-009F) outside `allow`, or a surrogate (Cs, U+D800-DFFF)."""
    chars = [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in allow]
    return re.compile("[" + "".join(re.escape(ch) for ch in chars) + "\ud800-\udfff]")


def has_control(text: str, *, allow: str = "") -> bool:
    """True when `text` holds a control character (Cc: NUL, ESC, CR, LF…) outside `allow`,
    or an unpaired surrogate (Cs), which UTF-8 cannot carry."""
    return _controls(allow).search(text) is not None
