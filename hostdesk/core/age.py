"""Age bands as employers write them (18-45岁, 45周岁以下, 年满18周岁, 不限), parsed and shown."""

from __future__ import annotations

import re
import unicodedata

AGE_LIMIT = 80

_SEP = r"(?:——|[-~〜—–−‐]|至|到)"
_YEARS = r"(\d{1,3})(?:周岁|岁)?"
_RANGE_RE = re.compile(rf"{_YEARS}{_SEP}{_YEARS}(?:之间)?")
# "以下"/"以内" include the number itself, as in Chinese statutes: 45岁以下 admits a 45-year-old.
_MAX_RE = re.compile(rf"(?:不超过|不大于|不高于)?{_YEARS}(以下|以内|之内|及以下)?")
_MIN_RE = re.compile(rf"(?:年满|满|不低于|不小于)?{_YEARS}(以上|及以上)?")
_EXACT_RE = re.compile(r"(\d{1,3})(?:周岁|岁)")  # "18岁": what format_age writes for 18-18
_NEGATIVE_RE = re.compile(r"(?:^|[-~〜—–−‐至到])[-−]\d")
_NO_LIMIT = {"", "不限", "年龄不限", "无", "无要求", "不限年龄"}


class AgeParseError(ValueError):
    """An age band that cannot be read. `reason`: "unparseable", "min_gt_max", "out_of_range"."""

    def __init__(self, reason: str, message: str, text: str = "") -> None:
        super().__init__(message)
        self.reason = reason
        self.text = text


def _normalise(text: str) -> str:
    s = "".join(unicodedata.normalize("NFKC", text).split())
    s = re.sub(r"^年龄(?:要求)?[:：]?", "", s)
    return s.rstrip("。,，;；")


def parse_age(text: str) -> tuple[int | None, int | None]:
    """(min, max) in whole years, either end None when open; 不限 or empty gives (None, None).

    Out-of-range ages (over 80, below 0) raise rather than clamp: they are typos to fix in the
    sheet. Ages under 16 do parse; refusing them is the compliance lint's job, not the parser's.
    """
    s = _normalise(text or "")
    if s in _NO_LIMIT:
        return None, None

    def fail(reason: str, message: str) -> AgeParseError:
        return AgeParseError(reason, f"{message}: {text!r}", text)

    if _NEGATIVE_RE.search(s):
        raise fail("out_of_range", "age is negative")

    low: int | None = None
    high: int | None = None
    if m := _RANGE_RE.fullmatch(s):
        low, high = int(m.group(1)), int(m.group(2))
    elif m := _EXACT_RE.fullmatch(s):
        low = high = int(m.group(1))
    elif (m := _MAX_RE.fullmatch(s)) and (s.startswith("不") or m.group(2)):
        high = int(m.group(1))
    elif (m := _MIN_RE.fullmatch(s)) and (m.group(2) or not s[0].isdigit()):
        low = int(m.group(1))
    else:
        raise fail("unparseable", "age is not a recognisable band")

    for value in (low, high):
        if value is not None and value > AGE_LIMIT:
            raise fail("out_of_range", f"age above {AGE_LIMIT}")
    if low is not None and high is not None and low > high:
        raise fail("min_gt_max", "age band starts above where it ends")
    return low, high


def format_age(min: int | None, max: int | None) -> str:
    """18-45岁, 45岁以下, 18岁以上, or "" when the job sets no limit."""
    min_age, max_age = min, max
    if min_age is None and max_age is None:
        return ""
    if min_age is None:
        return f"{max_age}岁以下"
    if max_age is None:
        return f"{min_age}岁以上"
    if min_age == max_age:
        return f"{min_age}岁"
    return f"{min_age}-{max_age}岁"
