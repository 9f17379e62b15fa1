"""Pay as employers write it (6-8K, 22元/小时, 月薪3500左右, 底薪3500+提成, 年薪5-10万), read and shown.

Reading is a small grammar rather than a list of special cases:

1. normalise: NFKC, no spaces, one "-" for every range dash (～ 至 到 -- --- 一一), 工资面试 → 面议;
2. tokenise: split into clauses at punctuation and find the *figures* in each: an amount or a
   range, with what is written right after it (元, a unit such as /月 一天 每小时, 以上 起 + 左右
   以下); a number that is not pay (6天, 8小时工作制, 15号, 9:00) is not a figure;
3. read: the first figure is the pay, its unit from the figure, else from the words around it
   (月薪 时薪 日薪 年薪 计件), else by size (the 工价 convention); a trial figure followed by a
   regular one (试用期…转正…) is a range; base pay with something added (底薪3500+提成) is a
   minimum with no maximum; 以上/起/+ leave the top open; 左右/约 keep the stated figure.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

NEGOTIABLE = "面议"
NOTE_ALL_IN = "综合工资"
NOTE_BASE_PLUS_PIECE = "底薪+计件"
NOTE_PIECE = "计件"


class PayUnit(StrEnum):
    MONTH = "month"
    HOUR = "hour"
    DAY = "day"
    PIECE = "piece"
    YEAR = "year"


_UNIT_SUFFIX = {
    PayUnit.MONTH: "元/月",
    PayUnit.HOUR: "元/小时",
    PayUnit.DAY: "元/天",
    PayUnit.PIECE: "元/件",
    PayUnit.YEAR: "元/年",
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
        return no_amount and (self.note == NEGOTIABLE or NEGOTIABLE in _normalise(self.text))

    @property
    def is_missing(self) -> bool:
        return (
            self.min is None
            and self.max is None
            and self.unit is None
            and not self.note
            and not self.text.strip()
        )

    @property
    def is_read(self) -> bool:
        """Whether the figures were understood (False for text kept as written, unread)."""
        return self.min is not None or self.max is not None or bool(self.note) or bool(self.unit)


class PayParseError(ValueError):
    """Unreadable pay text. `reason` is one of "unparseable", "min_gt_max", "negative"."""

    def __init__(self, reason: str, message: str, text: str = "") -> None:
        super().__init__(message)
        self.reason = reason
        self.text = text


# --- 1. normalise -------------------------------------------------------------------------

# A run of one dash character between two figures is a range: 3000--3500, 2400---6000,
# 2500元一一8000元, 6000～8000 (NFKC makes ～ a ~). Mixed runs (~-) are a dash and a minus.
_DASH_RUN_RE = re.compile(r"(?<=[\dkw千万元])(?:-+|~+|〜+|—+|–+|―+|−+|‐+|一+|至|到)(?=\d)")
_CURRENCY_RE = re.compile(r"人民币|rmb|[¥￥]")
_TYPOS = (("工资面试", "工资面议"), ("薪资面试", "薪资面议"), ("块钱", "元"), ("块", "元"))


_ENUMERATION_RE = re.compile(r"[\u2460-\u24ff\u2776-\u2793]")  # ① ⑴ ⒈: list marks, not amounts
# Amounts in Chinese numerals: 八千, 两万, 三千五, 一万二 (a digit, 千 or 万, maybe one more digit).
_CN_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_AMOUNT_RE = re.compile(
    r"([一二两三四五六七八九])([千万])([一二两三四五六七八九](?![千万百十]))?"
)
# "3000元/月-4000元/月": the unit written on both ends of a range, kept once at the end.
_UNIT_BOTH_ENDS_RE = re.compile(r"(\d元?)/(月|天|小时|时|年)-(?=\d+(?:\.\d+)?元?/\2)")


def _cn_amount(match: re.Match) -> str:
    step = 1000 if match.group(2) == "千" else 10000
    tail = _CN_DIGITS[match.group(3)] * step // 10 if match.group(3) else 0
    return str(_CN_DIGITS[match.group(1)] * step + tail)


def _normalise(text: str) -> str:
    s = unicodedata.normalize("NFKC", _ENUMERATION_RE.sub("", text)).lower()
    s = "".join(re.sub(r"[\r\n]+", ";", s).split())  # a line break ends a clause
    for wrong, right in _TYPOS:
        s = s.replace(wrong, right)
    s = _CN_AMOUNT_RE.sub(_cn_amount, _CURRENCY_RE.sub("", s))
    return _UNIT_BOTH_ENDS_RE.sub(r"\1-", _DASH_RUN_RE.sub("-", s))


# --- 2. tokenise --------------------------------------------------------------------------

_CLAUSE_SPLIT_RE = re.compile(r"[,;。、\n()\[\]【】《》]")
_AMOUNT = r"(\d+(?:\.\d+)?)([kw千万]?)"
# A pay unit needs "元", "/", 每 or 一 before it: "6天" counts days, "200一天" is pay.
_UNIT_WORD = r"(小时|个月|月|天|日|时|hr|h|件|年|周)"
_FIGURE_RE = re.compile(
    rf"{_AMOUNT}(元)?(?:-{_AMOUNT}(元)?)?"
    rf"(?:(/|每个?|一个?)?{_UNIT_WORD})?"
    r"(及以上|以上|起步|起|\+|多|-(?!\d)|左右|上下|及以下|以下|以内)?"
    rf"(?:(/|每个?|一个?){_UNIT_WORD})?"  # "500-/天": the unit after the open end
)
_UNIT_OF_WORD = {
    "小时": PayUnit.HOUR, "时": PayUnit.HOUR, "h": PayUnit.HOUR, "hr": PayUnit.HOUR,
    "天": PayUnit.DAY, "日": PayUnit.DAY,
    "月": PayUnit.MONTH, "个月": PayUnit.MONTH,
    "件": PayUnit.PIECE, "年": PayUnit.YEAR,
}  # fmt: skip
# Words before a figure that give its unit ("月薪6000", "时薪22", "年薪5-10万").
_CONTEXT_UNITS = (
    (re.compile(r"年薪|年收入|年终?综合"), PayUnit.YEAR),
    # 月$: 月 right before the figure ("计件制工资月3000元", "满3个月2110"), ahead of 计件.
    (re.compile(r"月薪|月工资|月收入|月均|月入|每月|月综合|综合月|月纯收入|月$"), PayUnit.MONTH),
    (re.compile(r"时薪|小时工资|每小时"), PayUnit.HOUR),
    (re.compile(r"日薪|日工资|每天|一天"), PayUnit.DAY),
    (re.compile(r"计件|每件"), PayUnit.PIECE),
)
# Words that make a bare number in the same clause a pay figure.
_PAY_WORDS_RE = re.compile(
    r"薪|资|工资|待遇|收入|工价|底薪|保底|到手|税前|税后|日结|周结|月结|提成|报酬|酬劳|综合|面议|计件|月入|日入"
    r"|加班费|全勤|津贴|奖金|试用|转正"  # 1820+加班费+全勤奖; 试用期1950，满3个月2110
)
# What may sit around a bare number that is still the whole pay cell: "约4000", "4000左右".
_BARE_FILLER_RE = re.compile(r"约|大约|大概|左右|上下|不等|以上|以下|起|[:：+]")
_NOT_PAY_AFTER_RE = re.compile(r"[岁号点:%人名个次倍分米层楼栋期届级]|cm|kg|周岁|小时|天|年|月|日")
_CHAIN_RE = re.compile(r"\d-\d+(?:\.\d+)?[kw千万]?-\d")
_SLASHED_NUMBERS_RE = re.compile(r"\d/\d")
_DOUBLE_UNIT_RE = re.compile(rf"/{_UNIT_WORD}/{_UNIT_WORD}")
_NEGATIVE_RE = re.compile(r"(?:^|[^\dkw千万元.\-])-\d")
_OPEN_WORDS = ("及以上", "以上", "起步", "起", "+", "多", "-")  # "500-/天": the top left open
_CAP_WORDS = ("及以下", "以下", "以内")


@dataclass(frozen=True)
class _Figure:
    """One amount or range as written, with what the clause around it says."""

    low: int | float
    high: int | float | None  # None for a single amount
    unit: PayUnit | None  # written right after the figure
    tail: str  # 以上, 起, +, 左右, 以下…
    clause: str
    before: str  # the clause's text before the figure
    after: str  # the whole text after the figure

    @property
    def top(self) -> int | float:
        return self.high if self.high is not None else self.low


def _number(digits: str, suffix: str) -> int | float:
    multiplier = {"": 1, "k": 1000, "千": 1000, "w": 10000, "万": 10000}[suffix]
    value = Decimal(digits) * multiplier
    return int(value) if value == value.to_integral_value() else float(value)


_SENTENCE_SPLIT_RE = re.compile(r"[;。!?]")


def _figures(s: str) -> list[_Figure]:
    """The pay figures of a normalised text, in order."""
    found: list[_Figure] = []
    offset = 0
    for sentence in _SENTENCE_SPLIT_RE.split(s):
        about_pay = bool(_PAY_WORDS_RE.search(sentence))
        for clause in _CLAUSE_SPLIT_RE.split(sentence):
            for match in _FIGURE_RE.finditer(clause):
                figure = _figure(match, clause, s[offset + match.end() :], about_pay)
                if figure is not None:
                    found.append(figure)
            offset += len(clause) + 1
    return found


def _figure(match: re.Match, clause: str, after: str, about_pay: bool) -> _Figure | None:
    low_d, low_x, yuan1, high_d, high_x, yuan2, prefix, unit_word, tail, prefix2, unit_word2 = (
        match.groups()
    )
    if unit_word is None and unit_word2 is not None:
        prefix, unit_word = prefix2, unit_word2
    before, rest = clause[: match.start()], clause[match.end() :]
    if before.endswith("第") or re.search(r"\d:$", before):
        return None  # 第1, the minutes of 9:00
    written_unit = _UNIT_OF_WORD[unit_word] if unit_word else None
    has_yuan = bool(yuan1 or yuan2)
    if unit_word and not (prefix or has_yuan):
        return None  # "6天", "8小时工作制", "3个月": a count, not pay
    if not (has_yuan or low_x or high_x or written_unit):
        if tail is None and _NOT_PAY_AFTER_RE.match(rest):
            return None  # 15号, 9:00, 18岁, 30人
        if high_d is None and re.match(r"、|\.(?!\d)|\)", after):
            return None  # "1、", "2.", "3)": a list number
        # A bare range (180-260) reads as pay; a bare number needs pay words in its sentence
        # (薪资日结，600) or nothing else around it (约4000).
        remainder = _BARE_FILLER_RE.sub("", before + rest)
        if high_d is None and not (about_pay or not remainder):
            return None
    if high_d is not None and not low_x and high_x and Decimal(low_d) <= Decimal(high_d):
        low_x = high_x  # "6-8K": the multiplier written once applies to both ends
    low = _number(low_d, low_x or "")
    high = _number(high_d, high_x or "") if high_d is not None else None
    return _Figure(low, high, written_unit, tail or "", clause, before, after)


def _context_unit(text: str) -> PayUnit | None:
    for pattern, unit in _CONTEXT_UNITS:
        if pattern.search(text):
            return unit
    return None


def _unit_by_magnitude(value: int | float) -> PayUnit:
    """The 工价 convention for a unitless number: < 100 hourly, 100-999 daily, >= 1000 monthly."""
    if value < 100:
        return PayUnit.HOUR
    if value < 1000:
        return PayUnit.DAY
    return PayUnit.MONTH


# --- 3. read ------------------------------------------------------------------------------


# A sheet repeats its notations (one employer, one template): each is read once. Pay is frozen.
@lru_cache(maxsize=8192)
def parse_pay(text: str) -> Pay:
    """Read one pay cell. Empty text is a missing pay, not an error; what cannot be read raises.

    A number without a unit gets one by the 工价 convention (see `_unit_by_magnitude`), judged
    on the top of the range: "22" is 22元/小时, "260" 260元/天, "6000-8000" 6000-8000元/月.
    Remarks around the figure (包吃包住, 6天8小时工作制) are left for the host to read out.
    """
    if not text or not text.strip():
        return Pay()
    s = _normalise(text)

    def fail(reason: str, message: str) -> PayParseError:
        return PayParseError(reason, f"{message}: {text!r}", text)

    if _NEGATIVE_RE.search(s):
        raise fail("negative", "pay is negative")
    if _SLASHED_NUMBERS_RE.search(s) or _CHAIN_RE.search(s) or _DOUBLE_UNIT_RE.search(s):
        raise fail("unparseable", "pay is not a recognisable amount or range")

    figures = _figures(s)
    if not figures:
        if NEGOTIABLE in s:
            return Pay.negotiable(text)
        if NOTE_PIECE in s:
            return Pay(unit=PayUnit.PIECE, note=NOTE_PIECE, text=text)
        raise fail("unparseable", "pay has no amount")

    first = figures[0]
    unit = first.unit or _context_unit(first.before) or _context_unit(s)
    if unit is PayUnit.PIECE and first.unit is None and "底薪" in s:
        unit = None  # 底薪3800+计件: the base is monthly, the piece work comes on top
    low, high = first.low, first.high
    regular = _regular_after_trial(figures, first)
    parallel = _parallel(figures, first, unit) if regular is None else []
    if regular is not None:
        high = None if regular.tail in _OPEN_WORDS else regular.top
    elif parallel:
        low = min(low, *(f.low for f in parallel))
        high = max(first.top, *(f.top for f in parallel))
    elif high is None:
        high = low
        if first.tail in _OPEN_WORDS or "上不封顶" in s or first.before.endswith("起薪"):
            high = None
        elif first.tail in _CAP_WORDS:
            low = None

    note = ""
    added = first.tail == "+" or re.search(r"\+|加|提成|计件", first.after)
    if "底薪" in first.clause and (added or first.high is None):
        high = None  # base pay (plus commission, piece work or bonuses): a minimum
        if NOTE_PIECE in s:
            note = NOTE_BASE_PLUS_PIECE
    elif "综合" in first.before:
        note = NOTE_ALL_IN
    if low is not None and high is not None and low > high:
        raise fail("min_gt_max", "pay range starts above where it ends")
    if unit is None:
        unit = _unit_by_magnitude(high if high is not None else low)
    return Pay(min=low, max=high, unit=unit, note=note, text=text)


# A figure after the first one that is another post's or shift's pay, not an add-on or overtime.
_NOT_PARALLEL_RE = re.compile(
    r"加班|节|倍|补|奖|提成|扣|罚|押|费|餐|住|保险|基本|底薪|绩效|全勤|超过|超出|额外|另|按|试用|转正"
)


def _parallel(figures: list[_Figure], first: _Figure, unit: PayUnit | None) -> list[_Figure]:
    """白班16元/小时，晚班17元/小时; 炒锅320/天，打荷280/天: the pay of each post or shift.

    Each later figure must have its own clause, a short label (the post or shift) before it,
    the first figure's unit, and no word saying it is overtime or an add-on.
    """
    unit = unit or _unit_by_magnitude(first.top)
    found = []
    for figure in figures[1:]:
        label = figure.before
        its_unit = figure.unit or _context_unit(label) or _unit_by_magnitude(figure.top)
        if (
            figure.clause is not first.clause
            and its_unit == unit
            and 0 < len(label) <= 8
            and not _NOT_PARALLEL_RE.search(label)
            and not figure.tail
        ):
            found.append(figure)
    return found


# What marks the regular pay after a trial: 转正, or the months served (满3个月).
_REGULAR_RE = re.compile(r"转正|满\d+个?月")


def _regular_after_trial(figures: list[_Figure], first: _Figure) -> _Figure | None:
    """试用期3200元/月，转正3500元/月: the regular figure that closes the trial one's range."""
    if "试用" not in first.before and "试用" not in first.clause:
        return None
    for figure in figures[1:]:
        if _REGULAR_RE.search(figure.before) or _REGULAR_RE.search(figure.clause):
            same_unit = figure.unit is None or first.unit is None or figure.unit == first.unit
            return figure if same_unit else None
    return None


# --- display ------------------------------------------------------------------------------


def format_number(value: int | float) -> str:
    """4500 not 4500.0, 22.5 stays 22.5 (values read back from JSON may be floats)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _wan(value: int | float | None) -> str | None:
    """50000 as "5", 120000 as "12" for 年薪…万; None when the value is not whole 万."""
    if value is None or value % 10000:
        return None
    return format_number(value / 10000)


def format_pay(pay: Pay) -> str:
    """The pay as the host says it: 6000-8000元/月, 22元/小时, 年薪5-10万, 面议.

    Pay that could not be read shows as the sheet wrote it.
    """
    if pay.is_negotiable:
        return NEGOTIABLE
    if pay.min is None and pay.max is None:
        if pay.unit is PayUnit.PIECE:
            return NOTE_PIECE
        return pay.text.strip()
    if pay.unit is PayUnit.YEAR and pay.min is not None and _wan(pay.min) and _wan(pay.max or 0):
        low, high = _wan(pay.min), _wan(pay.max)
        if pay.max is None:
            return f"年薪{low}万起"
        return f"年薪{low}万" if low == high else f"年薪{low}-{high}万"
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
