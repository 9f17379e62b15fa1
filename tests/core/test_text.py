"""core.text: invisible format characters removed from free text, control characters found."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from hostdesk.core.text import has_control, strip_invisible


@pytest.mark.parametrize(
    "text, clean",
    [
        ("张三", "张三"),
        ("Zhang San", "Zhang San"),
        ("\u202e张三", "张三"),
        ("a\u200bb\u200cc\u200dd", "abcd"),
        ("\ufeffx\u2060y", "xy"),
        ("\U000e0001\U000e0041tag\U000e007f", "tag"),
        ("\u061cx\u200ey\u200fz\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069", "xyz"),
        ("Zoe\u0308 ＡＢＣ 😀\ufe0f", "Zoe\u0308 ＡＢＣ 😀\ufe0f"),  # marks, width, emoji kept
        ("  padded  ", "  padded  "),  # only invisible characters go; stripping is the caller's
        # A joiner between emoji draws one picture: kept; anywhere else it goes.
        ("👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧"),
        ("👩🏽\u200d🔧", "👩🏽\u200d🔧"),
        ("❤\ufe0f\u200d🔥", "❤\ufe0f\u200d🔥"),
        ("张\u200d三", "张三"),
        ("😀\u200d", "😀"),
        ("\u200d😀", "😀"),
        ("😀\u200d\u202e😀", "😀😀"),
    ],
)
def test_strip_invisible(text, clean):
    assert strip_invisible(text) == clean


def test_no_format_character_survives():
    every_cf = "".join(
        chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"
    )
    assert len(every_cf) > 150  # the whole category, tag characters included
    assert strip_invisible(f"张{every_cf}三") == "张三"
    assert strip_invisible(f"😀{every_cf}😀") == "😀😀"  # a joiner among others joins nothing


@pytest.mark.parametrize(
    "text, allow, found",
    [
        ("张三", "", False),
        ("a\x00b", "", True),
        ("a\r\nb", "", True),
        ("a\r\nb\t", "\r\n\t", False),
        ("a\x1b[2J", "\r\n\t", True),
        ("a\x7f", "", True),
        ("a\x85", "", True),  # C1 control (NEL)
        ("\ud83d张", "", True),  # unpaired surrogate
        ("\u202e", "", False),  # invisible, but not a control character: strip_invisible's
    ],
)
def test_has_control(text, allow, found):
    assert has_control(text, allow=allow) is found
