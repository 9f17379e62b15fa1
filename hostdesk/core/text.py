"""Free text people typed (names, cities, notes, job texts): invisible format characters out.

Format characters (Unicode category Cf) draw nothing: right-to-left overrides (U+202E)
that turn the rest of a line around on stream or in a spreadsheet, zero-width spaces and
joiners (U+200B, U+200D), the byte order mark (U+FEFF), the invisible tag characters
(U+E0000-U+E007F) and the like. They let two names look the same and make a masked name
("张**") show a lone override, so free text loses them before it is checked, stored,
shown or exported. The desk (core.registrations) and the hub (hub.checks) both use this.
"""

from __future__ import annotations

import unicodedata


def strip_invisible(text: str) -> str:
    """`text` without its format characters (Cf); everything else exactly as given."""
    if text.isascii():  # the common case, and ASCII has no format characters
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def has_control(text: str, *, allow: str = "") -> bool:
    """True when `text` holds a control character (Cc: NUL, ESC, CR, LF…) outside `allow`,
    or an unpaired surrogate (Cs), which UTF-8 cannot carry."""
    return any(
        (cat := unicodedata.category(ch)) == "Cs" or (cat == "Cc" and ch not in allow)
        for ch in text
    )
