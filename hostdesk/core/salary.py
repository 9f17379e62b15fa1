"""Pay as employer sheets write it (6-8K, 22元/小时, 综合工资6000+, 面议), parsed and shown."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

NEGOTIABLE = "面议"
NOTE_ALL_IN = "综合工资"
NOTE_BASE_PLUS_PIECE = "底薪+计件"
NOTE_PIECE = "计件"


class PayUnit(StrEnum):
    MONTH = "month"
    HOUR = "hour"
    DAY = "day"
    PIECE = "piece"


_UNIT_SUFFIX = {
    PayUnit.MONTH: "元/月",
    PayUnit.HOUR: "元/小时",
    PayUnit.DAY: "元/天",
    PayUnit.PIECE: "元/件",
}


@dataclass(frozen=True)
class Pay:
    """What a job pays, in yuan; `text` keeps the sheet's own wording for display and export."""

    min: int | float | None = None
    max: int | float | None = None
    unit: PayUnit | None = None
    note: str = ""
    text: str = ""

    @classmethod
    def negotiable(cls, text: str = NEGOTIABLE) -> Pay:
        return cls(note=NEGOTIABLE, text=text)

    @property
    def is_negotiable(self) -> bool:
        # Job.from_json drops `note`, so a 面议 that went through JSON survives only in text.
        no_amount = self.min is None and self.max is None
        return no_amount and (self.note == NEGOTIABLE or NEGOTIABLE in self.text)

    @property
    def is_missing(self) -> bool:
        return (
            self.min is None
            and self.max is None
            and self.unit is None
            and not self.note
            and not self.text.strip()
        )


class PayParseError(ValueError):
    """Unreadable pay text. `reason` is one of "unparseable", "min_gt_max", "negative"."""

    def __init__(self, reason: str, message: str, text: str = "") -> None:
        super().__init__(message)
        self.reason = reason
        self.text = text


# Range separators as typed in sheets; ～ and full-width hyphen become ~ and - under NFKC.
_SEP = r"(?:——|[-~〜—–−‐]|至|到)"
_AMOUNT = r"(\d+(?:\.\d+)?)([kw千万]?)"
_CORE_RE = re.compile(rf"{_AMOUNT}(?:{_SEP}{_AMOUNT})?")
_NEGATIVE_RE = re.compile(r"(?:^|[^\dkw千万.])[-−]\d")
_MULTIPLIER = {"": 1, "k": 1000, "千": 1000, "w": 10000, "万": 10000}

_CURRENCY = ("人民币", "rmb", "¥", "￥", "元", "块")
# Longest first within the alternation so "/小时" wins over "小时" and "/hr" over "/h".
_UNIT_WORDS = {
    PayUnit.MONTH: ("每个月", "一个月", "月工资", "/month", "月薪", "每月", "/月"),
    PayUnit.HOUR: ("每小时", "一小时", "/小时", "/hour", "时薪", "/hr", "小时", "/时", "/h"),
    PayUnit.DAY: ("每天", "一天", "日薪", "/day", "/天", "/日"),
    PayUnit.PIECE: ("每件", "一件", "/件"),
}
_UNIT_BY_WORD = {word: unit for unit, words in _UNIT_WORDS.items() for word in words}
_UNIT_RE = re.compile("|".join(re.escape(w) for w in sorted(_UNIT_BY_WORD, key=len, reverse=True)))
# Words that say "this is pay" without changing its meaning.
_FILLER_RE = re.compile(r"工资|薪资|薪水|薪酬|待遇|税前|到手|工价|[:：,，。;；]")
_ALL_IN_RE = re.compile(r"综合(?:工资|薪资|薪酬|收入)?")
_OPEN_SUFFIXES = ("及以上", "以上", "起步", "起", "+")
_CAP_SUFFIXES = ("及以下", "以下", "以内")  # "5000元/月以下": what format_pay writes for a max only


def _normalise(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).lower()
    s = "".join(s.split())
    for word in _CURRENCY:
        s = s.replace(word, "")
    return s


def _number(digits: str, suffix: str) -> int | float:
    value = Decimal(digits) * _MULTIPLIER[suffix]
    return int(value) if value == value.to_integral_value() else float(value)


def _unit_by_magnitude(value: int | float) -> PayUnit:
    """The 工价 convention for a unitless number: < 100 hourly, 100-999 daily, >= 1000 monthly."""
    if value < 100:
        return PayUnit.HOUR
    if value < 1000:
        return PayUnit.DAY
    return PayUnit.MONTH


def parse_pay(text: str) -> Pay:
    """Read one pay cell. Empty text is a missing pay, not an error; anything unreadable raises.

    A number without a unit gets one by the 工价 convention (see `_unit_by_magnitude`), judged
    on the top of the range: "22" is 22元/小时, "260" 260元/天, "6000-8000" 6000-8000元/月.
    """
    if not text or not text.strip():
        return Pay()
    s = _normalise(text)

    def fail(reason: str, message: str) -> PayParseError:
        return PayParseError(reason, f"{message}: {text!r}", text)

    if NEGOTIABLE in s:
        if _FILLER_RE.sub("", s.replace(NEGOTIABLE, "")):
            raise fail("unparseable", "pay mixes 面议 (negotiable) with other text")
        return Pay.negotiable(text)

    note = ""
    piece_word = False
    if "底薪" in s and NOTE_PIECE in s:
        note = NOTE_BASE_PLUS_PIECE
        s = s.replace("底薪", "").replace(NOTE_PIECE, "").replace("+", "").replace("加", "")
    elif NOTE_PIECE in s:
        piece_word = True
        s = s.replace(NOTE_PIECE, "")
    if _ALL_IN_RE.search(s):
        if note:
            raise fail("unparseable", "pay is both 综合工资 and 底薪+计件")
        note = NOTE_ALL_IN
        s = _ALL_IN_RE.sub("", s)

    units = {_UNIT_BY_WORD[m] for m in _UNIT_RE.findall(s)}
    if piece_word:
        units.add(PayUnit.PIECE)
    if len(units) > 1:
        raise fail("unparseable", "pay names more than one unit")
    s = _FILLER_RE.sub("", _UNIT_RE.sub("", s))

    open_ended = False
    for suffix in _OPEN_SUFFIXES:
        if s.endswith(suffix):
            s = s[: -len(suffix)]
            open_ended = True
            break

    capped = False
    if not open_ended:
        for suffix in _CAP_SUFFIXES:
            if s.endswith(suffix):
                s = s[: -len(suffix)]
                capped = True
                break

    if not s:
        if piece_word and not open_ended and not capped and not note:
            return Pay(unit=PayUnit.PIECE, note=NOTE_PIECE, text=text)
        raise fail("unparseable", "pay has no amount")
    match = _CORE_RE.fullmatch(s)
    if match is None:
        if _NEGATIVE_RE.search(s):
            raise fail("negative", "pay is negative")
        raise fail("unparseable", "pay is not a recognisable amount or range")

    low_digits, low_suffix, high_digits, high_suffix = match.groups()
    if high_digits is None:
        low = _number(low_digits, low_suffix)
        # 底薪3800+计件 has no top: piece work adds an unknown amount.
        high = None if open_ended or note == NOTE_BASE_PLUS_PIECE else low
        if capped:
            low, high = None, low
    else:
        if open_ended or capped:
            raise fail("unparseable", "pay is both a range and open-ended")
        # "6-8K": the multiplier written once applies to both ends; "5000-8k" keeps 5000.
        if not low_suffix and high_suffix and Decimal(low_digits) <= Decimal(high_digits):
            low_suffix = high_suffix
        low = _number(low_digits, low_suffix)
        high = _number(high_digits, high_suffix)
        if low > high:
            raise fail("min_gt_max", "pay range starts above where it ends")

    unit = units.pop() if units else _unit_by_magnitude(high if high is not None else low)
    return Pay(min=low, max=high, unit=unit, note=note, text=text)


def format_number(value: int | float) -> str:
    """4500 not 4500.0, 22.5 stays 22.5 (values read back from JSON may be floats)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def format_pay(pay: Pay) -> str:
    """The pay as the job card shows it: 6000-8000元/月, 22元/小时, 综合工资6000元/月起, 面议."""
    if pay.is_negotiable:
        return NEGOTIABLE
    if pay.min is None and pay.max is None:
        return NOTE_PIECE if pay.unit is PayUnit.PIECE else ""
    suffix = _UNIT_SUFFIX[pay.unit] if pay.unit else "元"
    if pay.min is None:
        amount, tail = format_number(pay.max), "以下"
    elif pay.max is None:
        amount = format_number(pay.min)
        tail = "" if pay.note == NOTE_BASE_PLUS_PIECE else "起"
    elif pay.min == pay.max:
        amount, tail = format_number(pay.min), ""
    else:
        amount, tail = f"{format_number(pay.min)}-{format_number(pay.max)}", ""
    if pay.note == NOTE_BASE_PLUS_PIECE:
        return f"底薪{amount}{suffix}+计件"
    prefix = NOTE_ALL_IN if pay.note == NOTE_ALL_IN else ""
    return f"{prefix}{amount}{suffix}{tail}"
