"""Age bands as employers write them (18-45岁, 25--45岁, 45岁以下, 18-, 男:18-38岁 女:18-40岁).

The same small grammar as pay: normalise the dashes, find the *bands* (a range, an open lower
bound such as 18岁以上 / 年满18 / 18-, an open upper bound such as 45岁以下 / 不超过45 / -36,
or one age such as 18岁), then combine them: bands given per sex are the band the job admits
as a whole (the widest); an open lower bound and an open upper bound written apart close each
other (18岁以上，45岁以下).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

AGE_LIMIT = 80

_DASH_RUN_RE = re.compile(r"(?<=[\d岁])(?:-+|~+|〜+|—+|–+|―+|−+|‐+|一+|至|到)(?=\d)")
# 在 typed for 到 between two ages of one band: "年龄在25岁在45岁之间".
_TYPO_DASH_RE = re.compile(r"(?<=岁)在(?=\d{1,3}(?:周岁|岁)?之间)")
_YEARS = r"(\d{1,3})(?:周岁|岁)?"
_BAND_RE = re.compile(
    rf"(?P<range>{_YEARS}-{_YEARS}(?:之间|以内|以下|左右)?)"
    rf"|(?:不超过|不大于|不高于){_YEARS}"
    rf"|(?:年满|满|不低于|不小于){_YEARS}(?:以上|及以上)?"
    rf"|(?P<up>{_YEARS}(?:以上|及以上|-(?!\d)))"
    rf"|(?P<down>{_YEARS}(?:以下|以内|之内|及以下|左右(?:均可|也可|都可)))"  # 55岁左右均可
    rf"|(?P<cap>(?<![\d])-{_YEARS})"
    r"|(?P<exact>(\d{1,3})(?:周岁|岁))"
)
_SEX_BEFORE_RE = re.compile(r"(男|女)[性士生]?[:：]?$")
_NO_LIMIT = {"", "不限", "年龄不限", "无", "无要求", "不限年龄", "年龄无要求"}
# A minus sign after a range dash (18~-5) or before an open lower bound (-5岁以上).
_NEGATIVE_RE = re.compile(r"[~〜至到]-\d|^-\d+(?:周岁|岁)?(?:以上|及以上)")
_CHAIN_RE = re.compile(r"\d-\d+(?:周岁|岁)?-\d")


class AgeParseError(ValueError):
    """An age band that cannot be read. `reason`: "unparseable", "min_gt_max", "out_of_range"."""

    def __init__(self, reason: str, message: str, text: str = "") -> None:
        super().__init__(message)
        self.reason = reason
        self.text = text


@dataclass(frozen=True)
class _Band:
    low: int | None
    high: int | None
    sex: str  # "男"/"女" when the band is given for one sex, else ""


_ENUMERATION_RE = re.compile(r"[\u2460-\u24ff\u2776-\u2793]")  # ①: a list mark, not an age


def _normalise(text: str) -> str:
    s = "".join(unicodedata.normalize("NFKC", _ENUMERATION_RE.sub("", text)).split())
    return _DASH_RUN_RE.sub("-", _TYPO_DASH_RE.sub("-", s))


def _bands(s: str) -> list[_Band]:
    found: list[_Band] = []
    for match in _BAND_RE.finditer(s):
        numbers = [int(n) for n in match.groups() if n is not None and n.isdigit()]
        kind = match.lastgroup
        if kind == "range":
            low, high = numbers[0], numbers[1]
        elif kind == "up" or match.group(0).startswith(("年满", "满", "不低于", "不小于")):
            low, high = numbers[0], None
        elif kind == "exact":
            low = high = numbers[0]
        else:  # down, cap, 不超过…
            low, high = None, numbers[0]
        sex = _SEX_BEFORE_RE.search(s[: match.start()])
        found.append(_Band(low, high, sex.group(1) if sex else ""))
    return found


def _combine(bands: list[_Band]) -> tuple[int | None, int | None]:
    if any(band.sex for band in bands):
        # 女18-45岁、男18-50岁: the job admits 18-50; the lint flags the split by sex.
        lows, highs = [b.low for b in bands], [b.high for b in bands]
        low = None if None in lows else min(lows)
        high = None if None in highs else max(highs)
        return low, high
    low, high = bands[0].low, bands[0].high
    for band in bands[1:]:  # 18岁以上，45岁以下
        low = band.low if low is None else low
        high = band.high if high is None else high
    return low, high


@lru_cache(maxsize=8192)  # sheets repeat their age bands; the result is an immutable tuple
def parse_age(text: str) -> tuple[int | None, int | None]:
    """(min, max) in whole years, either end None when open; 不限 or empty gives (None, None).

    Out-of-range ages (over 80, below 0) raise rather than clamp: they are typos to fix in the
    sheet. Ages under 16 do parse; refusing them is the compliance lint's job, not the parser's.
    """
    s = _normalise(text or "")
    stripped = re.sub(r"^年龄(?:要求)?[:：]?", "", s).rstrip("。,，;；")
    if stripped in _NO_LIMIT or (not re.search(r"\d", s) and "不限" in s):
        return None, None

    def fail(reason: str, message: str) -> AgeParseError:
        return AgeParseError(reason, f"{message}: {text!r}", text)

    if _NEGATIVE_RE.search(stripped):
        raise fail("out_of_range", "age is negative")
    if _CHAIN_RE.search(stripped):
        raise fail("unparseable", "age is not a recognisable band")
    bands = _bands(stripped)
    if not bands:
        raise fail("unparseable", "age is not a recognisable band")
    low, high = _combine(bands)
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


def age_label(min: int | None, max: int | None, text: str = "") -> str:
    """The age as the card and the page show it: the band read, else the cell as written.

    Words that set no limit (不限, 年龄不限) show nothing, as an empty cell does; words the
    reader could not turn into a band (年龄可根据个人形象而定) show as the employer wrote them.
    """
    shown = format_age(min, max)
    text = (text or "").strip()
    if shown or not text:
        return shown
    try:
        no_limit = parse_age(text) == (None, None)
    except AgeParseError:
        no_limit = False
    return "" if no_limit else text
