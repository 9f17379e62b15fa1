"""Warnings, before a job goes on air, for text that Chinese law or the platforms punish."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from hostdesk.core.jobs import Job
from hostdesk.core.salary import format_pay

# Rules whose phrases come from resources/wordlists/<rule>.txt, in the order warnings list them.
WORDLIST_RULE_IDS = (
    "gender_only",
    "appearance",
    "ethnicity",
    "region_exclusion",
    "marital_status",
    "absolute_claim",
)
# Rules judged from the job's values rather than its wording.
VALUE_RULE_IDS = ("age_under_16", "age_min_gt_max", "pay_missing", "pay_min_gt_max")
RULE_IDS = WORDLIST_RULE_IDS + VALUE_RULE_IDS

# Text fields scanned, with the Job's value fields interleaved in declaration order so warnings
# read top to bottom like the job editor. `company` is not scanned: it is the employer's name.
FIELD_ORDER = (
    "title",
    "pay",
    "benefits",
    "age_min",
    "age_max",
    "age_text",
    "shift",
    "requirements",
    "highlights",
)
# age_text: an age cell the reader could not turn into a band may still say 限男 or 未婚.
TEXT_FIELDS = ("title", "benefits", "age_text", "shift", "requirements", "highlights")

MINIMUM_WORKING_AGE = 16  # 劳动法 §15
REGEX_PREFIX = "re:"
# "allow:" lines name lawful wording (男女不限, 安全第一, 最低工资): a match inside it is no warning.
ALLOW_PREFIX = "allow:"


@dataclass(frozen=True)
class LintWarning:
    """One problem: which job, which field, which rule, and the offending text as written."""

    code: str
    field: str
    rule: str
    text: str


@dataclass(frozen=True)
class WordLists:
    """Rule id -> entries as `parse_wordlist` returns them (plain phrases and "re:" patterns)."""

    rules: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_texts(cls, texts: Mapping[str, str]) -> WordLists:
        """Rule id -> the word-list file's text, as the caller read it from disk."""
        return cls({rule: parse_wordlist(text) for rule, text in texts.items()})


class WordListError(ValueError):
    """A word-list line that cannot be used; `line` is 1-based, as an editor shows it."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line


def parse_wordlist(text: str) -> tuple[str, ...]:
    """The entries of one word-list file: one per line, `#` comments and blank lines skipped.

    A line starting with "re:" is a regular expression and is kept with its prefix; it is
    compiled here so a typo is reported with its line number instead of failing mid-stream.
    A line starting with "allow:" (phrase, or "allow:re:" pattern) is a lawful exception.
    Only whole-line comments exist: "#" inside a phrase or regex is part of it.
    """
    entries: list[str] = []
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        body = line[len(ALLOW_PREFIX) :].strip() if line.startswith(ALLOW_PREFIX) else line
        if not body:
            raise WordListError(number, "empty exception")
        if body.startswith(REGEX_PREFIX):
            if not body[len(REGEX_PREFIX) :].strip():
                raise WordListError(number, "empty regular expression")
            try:
                _compile(line)
            except re.error as exc:
                raise WordListError(number, f"bad regular expression: {exc}") from exc
        if line not in entries:
            entries.append(line)
    return tuple(entries)


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=4096)
def _compile(entry: str) -> re.Pattern[str]:
    # Patterns are NFKC'd like the text they run on: a full-width character in a pattern could
    # otherwise never match. IGNORECASE is what makes "NO.1" match "no.1".
    if entry.startswith(ALLOW_PREFIX):
        entry = entry[len(ALLOW_PREFIX) :].strip()
    if entry.startswith(REGEX_PREFIX):
        pattern = _normalise(entry[len(REGEX_PREFIX) :].strip())
    else:
        pattern = re.escape(_normalise(entry))
    return re.compile(pattern, re.IGNORECASE)


_BACKREFERENCE = re.compile(r"\\\d|\(\?P=")


@lru_cache(maxsize=256)
def _any_of(entries: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern matching wherever any entry would, to skip a rule in a single scan.

    Most text matches nothing; running every entry separately made linting 5,000 jobs take
    about a second. None when combining could change a pattern's meaning (backreferences
    are numbered across the whole pattern).
    """
    if not entries or any(_BACKREFERENCE.search(entry) for entry in entries):
        return None
    return re.compile("|".join(f"(?:{_compile(e).pattern})" for e in entries), re.IGNORECASE)


def _normalise_with_map(text: str) -> tuple[str, list[int]]:
    """NFKC text plus, for each of its characters, the index of the original it came from.

    Character by character, so a match in the normalised text can be quoted from the original
    exactly as the employer wrote it (full-width digits and all).
    """
    if _normalise(text) == text:  # the common case: nothing to map
        return text, list(range(len(text)))
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        normalised = _normalise(char)
        out.append(normalised)
        origin.extend([index] * len(normalised))
    return "".join(out), origin


def _matches(normalised: str, origin: list[int], entries: Iterable[str]) -> set[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    for entry in entries:
        for match in _compile(entry).finditer(normalised):
            if match.end() > match.start():
                found.add((origin[match.start()], origin[match.end() - 1] + 1))
    return found


@lru_cache(maxsize=256)
def _split(entries: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(entries that warn, lawful exceptions) of one rule."""
    allowed = tuple(e for e in entries if e.startswith(ALLOW_PREFIX))
    return tuple(e for e in entries if not e.startswith(ALLOW_PREFIX)), allowed


def _spans(normalised: str, origin: list[int], entries: tuple[str, ...]) -> list[tuple[int, int]]:
    """Original-text spans matched by any entry, dropping those inside a longer match and those
    touching a lawful exception ("allow:" entries)."""
    denied, allowed = _split(entries)
    found = _matches(normalised, origin, denied)
    if found and allowed:
        lawful = _matches(normalised, origin, allowed)
        found = {
            (start, end)
            for start, end in found
            if not any(start < a_end and a_start < end for a_start, a_end in lawful)
        }
    kept: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda span: (span[0], -span[1])):
        if not any(k_start <= start and end <= k_end for k_start, k_end in kept):
            kept.append((start, end))
    return kept


def _rule_rank(rule: str) -> tuple[int, str]:
    # User-added rule files sort after the built-in ones, alphabetically.
    return (RULE_IDS.index(rule), "") if rule in RULE_IDS else (len(RULE_IDS), rule)


def _text_items(job: Job) -> Iterable[tuple[str, int, str]]:
    for name in TEXT_FIELDS:
        if name == "benefits":
            for index, tag in enumerate(job.benefits):
                yield name, index, tag
        else:
            yield name, 0, getattr(job, name)


def _value_warnings(job: Job) -> Iterable[tuple[str, str, str]]:
    """(field, rule, text) for problems in the job's values."""
    pay = job.pay
    if pay.is_missing:
        yield "pay", "pay_missing", ""
    elif pay.min is not None and pay.max is not None and pay.min > pay.max:
        yield "pay", "pay_min_gt_max", pay.text or format_pay(pay)
    if job.age_min is not None and job.age_min < MINIMUM_WORKING_AGE:
        yield "age_min", "age_under_16", str(job.age_min)
    elif job.age_min is None and job.age_max is not None and job.age_max < MINIMUM_WORKING_AGE:
        # "15岁以下" targets children only, with no lower bound to flag.
        yield "age_max", "age_under_16", str(job.age_max)
    if job.age_min is not None and job.age_max is not None and job.age_min > job.age_max:
        yield "age_min", "age_min_gt_max", f"{job.age_min}-{job.age_max}"


class _Rules:
    """The word lists' rules, built once per WordLists object. Hashed by identity: a cache
    key built from the rules themselves would hash every entry at every lookup."""

    __slots__ = ("items",)

    def __init__(self, words: WordLists):
        self.items = tuple((rule, tuple(entries)) for rule, entries in words.rules.items())


_RULE_SETS: dict[int, tuple[WordLists, _Rules]] = {}


def _rule_set(words: WordLists) -> _Rules:
    cached = _RULE_SETS.get(id(words))
    if cached is None or cached[0] is not words:
        if len(_RULE_SETS) > 16:
            _RULE_SETS.clear()
        cached = (words, _Rules(words))
        _RULE_SETS[id(words)] = cached
    return cached[1]


@lru_cache(maxsize=16384)
def _scan(value: str, rules: _Rules) -> tuple:
    """(rule, start, end) of every match in one text. Catalogues repeat their texts (benefit
    tags, shifts, one employer's requirements), so each distinct text is scanned once."""
    normalised, origin = _normalise_with_map(value)
    found = []
    for rule, entries in rules.items:
        screen = _any_of(_split(entries)[0])
        if screen is not None and screen.search(normalised) is None:
            continue
        found.extend((rule, start, end) for start, end in _spans(normalised, origin, entries))
    return tuple(found)


def lint_job(job: Job, words: WordLists) -> list[LintWarning]:
    """Every warning for one job, ordered by field (FIELD_ORDER), then position, then rule."""
    keyed: list[tuple[tuple, LintWarning]] = []
    rules = _rule_set(words)
    for name, item, value in _text_items(job):
        if not value:
            continue
        for rule, start, end in _scan(value, rules):
            warning = LintWarning(job.code, name, rule, value[start:end])
            key = (FIELD_ORDER.index(name), item, start, -end, _rule_rank(rule))
            keyed.append((key, warning))
    for name, rule, text in _value_warnings(job):
        key = (FIELD_ORDER.index(name), 0, 0, 0, _rule_rank(rule))
        keyed.append((key, LintWarning(job.code, name, rule, text)))
    keyed.sort(key=lambda pair: pair[0])
    return [warning for _, warning in keyed]
