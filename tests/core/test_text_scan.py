"""core.text's regex fast paths equal the per-character rules over every code point."""

from __future__ import annotations

import unicodedata

from hostdesk.core.text import CF_BLOCKS, has_control, strip_invisible

ALL = range(0x110000)


def test_every_format_character_lies_in_the_blocks_the_fast_path_reads():
    # A newer Unicode with a format character elsewhere would slip past the fast path.
    format_chars = [c for c in ALL if unicodedata.category(chr(c)) == "Cf"]
    assert len(format_chars) > 100
    assert all(any(lo <= c < hi for lo, hi in CF_BLOCKS) for c in format_chars)
    for c in format_chars:
        assert strip_invisible(f"普工{chr(c)}岗") == "普工岗", hex(c)


def test_has_control_is_exactly_cc_and_cs_outside_allow():
    for allow in ("", "\n\r\t"):
        for c in ALL:
            ch = chr(c)
            cat = unicodedata.category(ch)
            expected = cat == "Cs" or (cat == "Cc" and ch not in allow)
            assert has_control(f"岗位{ch}", allow=allow) is expected, (hex(c), allow)


def test_text_without_format_characters_comes_back_as_given():
    for text in ("冰箱总装普工（急招）", "包装工🎉急招", "👨‍👩‍👧", "Ａ－Ｂ", "年薪5-10万"):
        assert strip_invisible(text) == text
