"""Sheet rows turned into jobs, with every bad cell reported by row, column and reason.

No job is lost to a notation: a row is refused only when it cannot be a job (no title) or
would overwrite another (a code clash). A cell that cannot be read is kept as written, its
structured value left empty, and reported as a warning naming the cell.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from hostdesk.core.age import AgeParseError, parse_age
from hostdesk.core.jobs import Job, JobStatus, make_code, normalize_text, valid_code
from hostdesk.core.salary import Pay, PayParseError, parse_pay
from hostdesk.sheets.card_glyphs import missing_glyphs
from hostdesk.sheets.reader import Table, read_table

# Messages are English source strings; the UI translates by `reason` and fills in the fields.
_MESSAGES = {
    "title_missing": "{where}: the job title is empty. Fill in the {title_column}.",
    "pay_unparseable": (
        "{where}: cannot read the pay {text!r}. Write it like 6000-8000元/月, "
        "22元/小时, 260元/天, 综合工资6500+ or 面议."
    ),
    "pay_min_gt_max": (
        "{where}: the pay range {text!r} starts above where it ends. Put the lower amount first."
    ),
    "age_unparseable": (
        "{where}: cannot read the age {text!r}. Write it like 18-45岁, 45岁以下 or 不限."
    ),
    "age_min_gt_max": (
        "{where}: the age band {text!r} starts above where it ends. Put the lower age first."
    ),
    "age_out_of_range": ("{where}: the age {text!r} is outside 0-80. Correct the typo."),
    "headcount_invalid": (
        "{where}: the headcount {text!r} is not a whole number. Write a number "
        "such as 30, or 若干 / 不限."
    ),
    "code_invalid": (
        "{where}: the code {text!r} cannot be used. Use up to 32 letters, "
        "digits, '-', '_' or '.', such as HX-001, or leave it empty to have one generated."
    ),
    "duplicate_code": (
        "{where}: the code {text!r} is already used by row {first_row}. Give each job its own "
        "code; this row was not imported."
    ),
    "status_invalid": ("{where}: unknown status {text!r}. Write 招聘中, 暂停 or 已关闭."),
    "urgent_invalid": ("{where}: cannot tell whether {text!r} means urgent. Write 是 or 否."),
    "pay_unread": (
        "{where}: the pay {text!r} is imported as written, without figures. Write it like "
        "6000-8000元/月, 22元/小时 or 面议 to have it read."
    ),
    "age_unread": (
        "{where}: the age {text!r} is imported as written, without a band. Write it like "
        "18-45岁 or 45岁以下 to have it read."
    ),
    "code_replaced": (
        "{where}: the code {text!r} cannot be used, so the job got a generated code. Use up to "
        "32 letters, digits, '-', '_' or '.'."
    ),
    "status_paused": (
        "{where}: unknown status {text!r}; the job is imported paused. Write 招聘中, 暂停 or 已关闭."
    ),
    "glyph_missing": (
        "{where}: the card's font has no {text!r}; the card shows it in another font if the PC "
        "has one, else leaves emoji out and shows other characters as 〓."
    ),
}
# Only these keep a row out of the catalogue; every other problem is a warning on an imported job.
REFUSING_REASONS = frozenset({"title_missing", "duplicate_code"})


@dataclass(frozen=True)
class RowProblem:
    """One reason a sheet row was not imported.

    `column` is the header as written in the sheet ("" when the problem is the whole row),
    `field` the job field concerned, `text` the offending cell (for duplicates, the code), and
    `first_row` the row that already holds a duplicated code.
    """

    row: int
    column: str
    field: str
    reason: str
    text: str
    first_row: int | None = None

    @property
    def refuses_row(self) -> bool:
        return self.reason in REFUSING_REASONS

    @property
    def message(self) -> str:
        template = _MESSAGES.get(self.reason, "{where}: {reason} {text!r}.")
        return template.format(
            where=f"Row {self.row}, column {self.column}" if self.column else f"Row {self.row}",
            title_column=f"column {self.column}" if self.column else "title column",
            text=self.text,
            reason=self.reason,
            first_row=self.first_row,
        )


@dataclass
class ImportPlan:
    """What importing a sheet would do: the rows as jobs, the refused rows, and the warnings."""

    path: Path
    header_row: int
    jobs: list[tuple[int, Job]]  # (sheet row, job), imported rows only, in sheet order
    problems: list[RowProblem]  # refused rows (no title, a code clash), each with all its problems
    rows_total: int  # rows with something in a recognised column: len(jobs) + refused rows
    columns: dict[str, str] = field(default_factory=dict)  # field -> header as written
    warnings: list[RowProblem] = field(default_factory=list)  # cells kept as written

    @property
    def rows_refused(self) -> int:
        return len({problem.row for problem in self.problems})

    @property
    def rows_with_warnings(self) -> int:
        return len({warning.row for warning in self.warnings})

    @property
    def rows_read_fully(self) -> int:
        return len(self.jobs) - self.rows_with_warnings


_BENEFIT_SPLIT_RE = re.compile(r"[、,/;\s]+")  # after NFKC: ，／； are , / ;
_HEADCOUNT_RE = re.compile(r"(?:招)?(\d+)(?:人|名)?")
_HEADCOUNT_ANY = {"若干", "不限", "若干名", "若干人", "不限人数", "人数不限"}
_URGENT_WORDS = {
    **dict.fromkeys(("是", "y", "yes", "true", "1", "✓", "√", "急", "急招"), True),
    **dict.fromkeys(("否", "n", "no", "false", "0"), False),
}
_STATUS_WORDS = {
    **dict.fromkeys(("招聘中", "开放", "open"), JobStatus.OPEN),
    **dict.fromkeys(("暂停", "paused"), JobStatus.PAUSED),
    **dict.fromkeys(("关闭", "已关闭", "停招", "closed"), JobStatus.CLOSED),
}
_PAY_REASONS = {"min_gt_max": "pay_min_gt_max"}  # anything else (also "negative") is unread
_AGE_REASONS = {"min_gt_max": "age_min_gt_max", "out_of_range": "age_out_of_range"}
# A 性别 cell that admits everyone; anything else goes into the requirements for the lint.
# The cells the card draws (the importer warns when its font lacks a character in one).
_CARD_CELLS = ("title", "company", "city", "salary", "benefits", "shift")
_ANY_SEX = {"不限", "男女不限", "不限男女", "男女均可", "男女皆可", "性别不限", "均可", "无"}


def plan_import(path: Path, *, now: datetime | None = None) -> ImportPlan:
    """Read a sheet and sort its rows into jobs to import and problems to show. Raises SheetError.

    Nothing is saved here: the caller shows the plan, then stores `plan.jobs`.
    """
    table = read_table(Path(path))
    return plan_table(table, now=now)


def plan_table(table: Table, *, now: datetime | None = None) -> ImportPlan:
    """The import plan for an already-read table (the sheet may be previewed first)."""
    updated_at = now or datetime.now(UTC)
    jobs: list[tuple[int, Job]] = []
    problems: list[RowProblem] = []
    warnings: list[RowProblem] = []
    first_row_of_code: dict[str, int] = {}
    rows_total = 0
    recognised = [column.index for column in table.columns.values()]
    for row, cells in table.rows:
        if all(not cells[i].strip() for i in recognised if i < len(cells)):
            continue  # notes or totals in columns HostDesk does not read
        rows_total += 1
        job, row_problems = _row_to_job(table, row, cells, updated_at)
        if job is not None:
            first = first_row_of_code.setdefault(job.code, row)
            if first != row:
                code_column = table.columns.get("code")
                # A generated code clashes because the whole row repeats another, not one cell.
                column = code_column.header if code_column and _cell(table, cells, "code") else ""
                row_problems.append(
                    RowProblem(row, column, "code", "duplicate_code", job.code, first_row=first)
                )
        if any(problem.refuses_row for problem in row_problems):
            problems.extend(row_problems)  # the whole row, so one fix makes it importable
        else:
            warnings.extend(row_problems)
            jobs.append((row, job))
    return ImportPlan(
        path=table.path,
        header_row=table.header_row,
        jobs=jobs,
        problems=problems,
        rows_total=rows_total,
        columns={name: column.header for name, column in table.columns.items()},
        warnings=warnings,
    )


def _cell(table: Table, cells: list[str], name: str) -> str:
    return table.value(cells, name).strip()


def _row_to_job(
    table: Table, row: int, cells: list[str], updated_at: datetime
) -> tuple[Job | None, list[RowProblem]]:
    """The job a row describes, or None when the title is missing; with the row's problems.

    Every cell is checked even after a problem, so one pass over the sheet reports them all.
    A cell that cannot be read leaves its field empty (or at its default) and is kept as
    written where the host will see it: the pay's or the age's text, on the card and the page.
    """
    problems: list[RowProblem] = []

    def problem(name: str, reason: str, text: str) -> None:
        column = table.columns.get(name)
        problems.append(RowProblem(row, column.header if column else "", name, reason, text))

    title = normalize_text(_cell(table, cells, "title"))
    company = normalize_text(_cell(table, cells, "company"))
    city = normalize_text(_cell(table, cells, "city"))
    if not title:
        problem("title", "title_missing", "")

    code_text = unicodedata.normalize("NFKC", _cell(table, cells, "code")).strip()
    if code_text and not valid_code(code_text):
        problem("code", "code_replaced", code_text)
        code_text = ""
    code = code_text or make_code(company, title, city)

    pay_text = _cell(table, cells, "salary")
    try:
        pay = parse_pay(pay_text)
    except PayParseError as exc:
        problem("salary", _PAY_REASONS.get(exc.reason, "pay_unread"), pay_text)
        pay = Pay(text=pay_text)  # shown as written on the card and the page

    requirements = _cell(table, cells, "requirements")
    age_min = age_max = None
    age_text = _cell(table, cells, "age")  # kept as written, as the pay is: shown when unread
    try:
        age_min, age_max = parse_age(age_text)
    except AgeParseError as exc:
        problem("age", _AGE_REASONS.get(exc.reason, "age_unread"), age_text)

    sex_text = normalize_text(_cell(table, cells, "gender"))
    if sex_text and _word(sex_text) not in _ANY_SEX:
        # Not a field of its own: kept in the requirements, where the lint reads it.
        requirements = _add_line(requirements, f"性别：{sex_text}")

    headcount_text = _cell(table, cells, "headcount")
    headcount, ok = _headcount(headcount_text)
    if not ok:
        problem("headcount", "headcount_invalid", headcount_text)

    urgent_text = _cell(table, cells, "urgent")
    urgent = _URGENT_WORDS.get(_word(urgent_text)) if urgent_text else False
    if urgent is None:
        problem("urgent", "urgent_invalid", urgent_text)

    status_text = _cell(table, cells, "status")
    status = _STATUS_WORDS.get(_word(status_text)) if status_text else JobStatus.OPEN
    if status is None:
        problem("status", "status_paused", status_text)
        status = JobStatus.PAUSED  # not on air until a person says what was meant

    for name in _CARD_CELLS:  # what the card draws: an emoji there must not surprise anyone
        lacking = missing_glyphs(_cell(table, cells, name))
        if lacking:
            problem(name, "glyph_missing", lacking)

    if not title:
        return None, problems
    job = Job(
        code=code,
        title=title,
        company=company,
        city=city,
        pay=pay,
        benefits=split_benefits(_cell(table, cells, "benefits")),
        headcount=headcount,
        age_min=age_min,
        age_max=age_max,
        age_text=age_text,
        shift=normalize_text(_cell(table, cells, "shift")),
        requirements=requirements,
        highlights=_cell(table, cells, "highlights"),
        signup_url=_cell(table, cells, "signup_url"),
        urgent=bool(urgent),
        status=status,
        updated_at=updated_at,
    )
    return job, problems


def _add_line(text: str, line: str) -> str:
    return f"{text}\n{line}" if text else line


def _word(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def _headcount(text: str) -> tuple[int | None, bool]:
    """(headcount, ok): 30, 30人, 招30人 → 30; 若干, 不限, empty → None."""
    word = _word(text)
    if not word or word in _HEADCOUNT_ANY:
        return None, True
    match = _HEADCOUNT_RE.fullmatch(word)
    if match is None:
        return None, False
    return int(match.group(1)), True


def split_benefits(text: str) -> tuple[str, ...]:
    """Benefit tags from one cell: split on 、，,/／;； and whitespace, duplicates dropped."""
    parts = _BENEFIT_SPLIT_RE.split(unicodedata.normalize("NFKC", text))
    return tuple(dict.fromkeys(part for part in parts if part))
