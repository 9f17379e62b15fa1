"""Text the card font cannot draw: another font's glyph when the PC has one, never a ☒ box.

The bundled font is a subset: an emoji or a rare hanzi in a sheet is outside it. Qt's own
fallback draws such a character with a system font when one has it; when none has it, Qt
would draw .notdef (a box), so the card leaves emoji and symbols out and shows 〓 (the
typesetter's mark for a missing character) for the rest.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import replace

from PySide6.QtGui import QFont, QTextLayout

from hostdesk.core.jobs import Job
from hostdesk.render.fonts import card_font
from hostdesk.sheets.card_glyphs import card_charset, invisible

STAND_IN = "〓"  # in the bundled font
_lock = threading.Lock()  # cards may be rendered on a worker thread
_drawable: dict[str, bool] = {}  # character -> some font on this PC draws it
_SPACES = re.compile(r" {2,}")


def _fallback_draws(char: str, font: QFont) -> bool:
    """Whether Qt's font fallback finds a real glyph (not .notdef) for `char`."""
    layout = QTextLayout(char, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    return bool(runs) and all(0 not in run.glyphIndexes() for run in runs)


def _is_picture(char: str) -> bool:
    """Emoji and symbols: decoration the text reads fine without."""
    return unicodedata.category(char) in ("So", "Sk", "Cs", "Co") or ord(char) >= 0x1F000


def _joiner(char: str) -> bool:
    """Format characters and variation selectors: they only shape a neighbour (an emoji)."""
    return unicodedata.category(char) in ("Cf", "Mn")


def drawable(text: str) -> str:
    """`text` with every character the card would draw as a box left out or replaced by 〓."""
    charset = card_charset()
    if not text or charset is None or all(ord(c) in charset or invisible(c) for c in text):
        return text
    font = card_font(32)
    out = []
    for char in text:
        if ord(char) in charset:
            out.append(char)
            continue
        if invisible(char):  # spaces and line breaks stay; joiners and selectors (emoji) go
            if not _joiner(char):
                out.append(char)
            continue
        with _lock:
            known = _drawable.get(char)
            if known is None:
                known = _drawable[char] = _fallback_draws(char, font)
        if known:
            out.append(char)
        elif not _is_picture(char):
            out.append(STAND_IN)
    # A picture left out of "急招 🎉 包装" must not leave two spaces behind.
    return _SPACES.sub(" ", "".join(out)).strip(" ")


def drawable_job(job: Job) -> Job:
    """The job with every text the card draws made drawable (the job itself is unchanged)."""
    pay = replace(job.pay, text=drawable(job.pay.text), note=drawable(job.pay.note))
    return replace(
        job,
        title=drawable(job.title),
        company=drawable(job.company),
        city=drawable(job.city),
        shift=drawable(job.shift),
        benefits=tuple(t for t in (drawable(b) for b in job.benefits) if t),
        pay=pay,
    )
