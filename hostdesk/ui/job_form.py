"""What the job editor's fields say: the job they describe, and each field's problem in words."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP

from hostdesk import messages
from hostdesk.core.age import AgeParseError, format_age, parse_age
from hostdesk.core.jobs import Job, JobStatus, make_code, normalize_text, valid_code
from hostdesk.core.salary import Pay, PayParseError, format_pay, parse_pay
from hostdesk.i18n import translated
from hostdesk.services.catalogue import unique_code

# The import's own reading of a headcount cell (30, 30人, 若干): typed text means the same.
from hostdesk.sheets.jobs_import import _headcount as parse_headcount
from hostdesk.sheets.jobs_import import split_benefits

# Problems the sheet messages do not cover (the rest reuse messages.ROW_PROBLEMS).
PROBLEMS = {
    "title_missing": QT_TRANSLATE_NOOP("JobEditorDialog", "Enter the job title"),
    "code_taken": QT_TRANSLATE_NOOP(
        "JobEditorDialog", "code “{text}” is already used by another job: choose another code"
    ),
    "not_found": QT_TRANSLATE_NOOP(
        "JobEditorDialog",
        "this job is no longer in the catalogue: close this window and reload the list",
    ),
}


@dataclass
class FormReading:
    """The job the fields describe (parse failures left empty) and each field's problem."""

    job: Job
    problems: dict[str, str] = field(default_factory=dict)  # field name -> message
    pay_shown: str = ""  # as the card shows it, when the pay parsed
    age_shown: str = ""


def problem_text(reason: str, text: str) -> str:
    """A reason code (the editor's, the sheet import's or JobSaveError's) as a sentence."""
    if reason in PROBLEMS:
        return translated("JobEditorDialog", PROBLEMS[reason]).format(text=text)
    source = messages.ROW_PROBLEMS.get(reason, messages.ROW_PROBLEMS["pay_unparseable"])
    return translated("Problems", source).format(text=text, first_row="?")


def generated_code(values: Mapping[str, str], codes: Collection[str]) -> str:
    """The code a new job gets when none is typed: as an import would make it, made unique."""
    parts = (normalize_text(values.get(name, "")) for name in ("company", "title", "city"))
    return unique_code(make_code(*parts), codes)


def read_form(
    values: Mapping[str, str],
    *,
    urgent: bool,
    status: JobStatus,
    fixed_code: str | None,
    codes: Collection[str],
) -> FormReading:
    """Read the text fields as the sheet import reads cells. `fixed_code`: editing, not typed."""
    problems: dict[str, str] = {}

    def text(name: str) -> str:
        return values.get(name, "").strip()

    title = normalize_text(text("title"))
    if not title:
        problems["title"] = problem_text("title_missing", "")

    code = fixed_code
    if code is None:
        code = unicodedata.normalize("NFKC", text("code")).strip()
        if not code:
            code = generated_code(values, codes)
        elif not valid_code(code):
            problems["code"] = problem_text("code_invalid", code)
        elif code in codes:
            problems["code"] = problem_text("code_taken", code)

    pay, pay_shown = Pay(), ""
    try:
        pay = parse_pay(text("pay"))
        pay_shown = format_pay(pay)
    except PayParseError as exc:
        reason = f"pay_{exc.reason}"  # "negative" has no text of its own: unparseable
        reason = reason if reason in messages.ROW_PROBLEMS else "pay_unparseable"
        problems["pay"] = problem_text(reason, text("pay"))

    age_min = age_max = None
    age_shown = ""
    try:
        age_min, age_max = parse_age(text("age"))
        age_shown = format_age(age_min, age_max)
    except AgeParseError as exc:
        problems["age"] = problem_text(f"age_{exc.reason}", text("age"))

    headcount, ok = parse_headcount(text("headcount"))
    if not ok:
        problems["headcount"] = problem_text("headcount_invalid", text("headcount"))

    job = Job(
        code=code,
        title=title,
        company=normalize_text(text("company")),
        city=normalize_text(text("city")),
        pay=pay,
        benefits=split_benefits(text("benefits")),
        headcount=headcount,
        age_min=age_min,
        age_max=age_max,
        age_text=text("age"),  # as typed, like the pay's text
        shift=normalize_text(text("shift")),
        requirements=text("requirements"),
        highlights=text("highlights"),
        signup_url=text("signup_url"),
        urgent=urgent,
        status=status,
    )
    return FormReading(job, problems, pay_shown, age_shown)
