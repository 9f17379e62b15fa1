"""The job catalogue's texts: field labels, a sheet's row problems and whole-file errors, lint."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from hostdesk.i18n import translated
from hostdesk.messages.base import fill

FIELD_LABELS = {
    "code": QT_TRANSLATE_NOOP("Fields", "Code"),
    "title": QT_TRANSLATE_NOOP("Fields", "Job title"),
    "company": QT_TRANSLATE_NOOP("Fields", "Employer"),
    "city": QT_TRANSLATE_NOOP("Fields", "Location"),
    "pay": QT_TRANSLATE_NOOP("Fields", "Pay"),
    "salary": QT_TRANSLATE_NOOP("Fields", "Pay"),
    "benefits": QT_TRANSLATE_NOOP("Fields", "Benefits"),
    "headcount": QT_TRANSLATE_NOOP("Fields", "Openings"),
    "age": QT_TRANSLATE_NOOP("Fields", "Age"),
    "age_min": QT_TRANSLATE_NOOP("Fields", "Minimum age"),
    "age_max": QT_TRANSLATE_NOOP("Fields", "Maximum age"),
    "age_text": QT_TRANSLATE_NOOP("Fields", "Age"),  # the age cell as written (lint warnings)
    "shift": QT_TRANSLATE_NOOP("Fields", "Shift"),
    "requirements": QT_TRANSLATE_NOOP("Fields", "Requirements"),
    "highlights": QT_TRANSLATE_NOOP("Fields", "Highlights"),
    "signup_url": QT_TRANSLATE_NOOP("Fields", "Sign-up link"),
    "urgent": QT_TRANSLATE_NOOP("Fields", "Urgent"),
    "status": QT_TRANSLATE_NOOP("Fields", "Status"),
}

STATUS_LABELS = {
    "open": QT_TRANSLATE_NOOP("Fields", "Open"),
    "paused": QT_TRANSLATE_NOOP("Fields", "Paused"),
    "closed": QT_TRANSLATE_NOOP("Fields", "Closed"),
}

ROW_PROBLEMS = {
    "title_missing": QT_TRANSLATE_NOOP(
        "Problems", "the job title is empty: fill it in or delete the row"
    ),
    "pay_unparseable": QT_TRANSLATE_NOOP(
        "Problems",
        "pay “{text}” is not understood: write it like 6000-8000元/月, 22元/小时, 260元/天 or 面议",
    ),
    "pay_min_gt_max": QT_TRANSLATE_NOOP(
        "Problems", "pay “{text}” has its minimum above its maximum: swap the two numbers"
    ),
    "age_unparseable": QT_TRANSLATE_NOOP(
        "Problems", "age “{text}” is not understood: write it like 18-45岁 or 45岁以下"
    ),
    "age_min_gt_max": QT_TRANSLATE_NOOP(
        "Problems", "age “{text}” has its minimum above its maximum: swap the two numbers"
    ),
    "age_out_of_range": QT_TRANSLATE_NOOP(
        "Problems", "age “{text}” is outside 0-80: check the numbers"
    ),
    "headcount_invalid": QT_TRANSLATE_NOOP(
        "Problems",
        "openings “{text}” is not a whole number: write a number such as 30, or leave it empty",
    ),
    "code_invalid": QT_TRANSLATE_NOOP(
        "Problems",
        "code “{text}” may only use letters, digits, - _ and . (at most 32): change it or leave it empty",
    ),
    "duplicate_code": QT_TRANSLATE_NOOP(
        "Problems", "code “{text}” is already used by row {first_row}: give this job its own code"
    ),
    "status_invalid": QT_TRANSLATE_NOOP(
        "Problems", "status “{text}” is not understood: write 招聘中, 暂停 or 已关闭"
    ),
    "urgent_invalid": QT_TRANSLATE_NOOP(
        "Problems", "urgent “{text}” is not understood: write 是 or 否"
    ),
    # Warnings on rows that are imported all the same (issue 15: no job lost to a notation).
    "pay_unread": QT_TRANSLATE_NOOP(
        "Problems",
        "pay “{text}” is imported as written, without figures: write it like 6000-8000元/月, 22元/小时 or 面议 to have it read",
    ),
    "age_unread": QT_TRANSLATE_NOOP(
        "Problems",
        "age “{text}” is imported as written, without a band: write it like 18-45岁 or 45岁以下 to have it read",
    ),
    "code_replaced": QT_TRANSLATE_NOOP(
        "Problems",
        "code “{text}” cannot be used, so the job got a generated one: use letters, digits, - _ and . (at most 32)",
    ),
    "status_paused": QT_TRANSLATE_NOOP(
        "Problems",
        "status “{text}” is not understood, so the job is paused: write 招聘中, 暂停 or 已关闭",
    ),
    "glyph_missing": QT_TRANSLATE_NOOP(
        "Problems",
        "the card's font has no “{text}”: the card shows it in another font if this PC has one, else leaves emoji out and shows other characters as 〓",
    ),
}

SHEET_ERRORS = {
    "not_found": QT_TRANSLATE_NOOP("Problems", "{file}: the file does not exist: check the path"),
    "unreadable": QT_TRANSLATE_NOOP(
        "Problems",
        "{file}: the file cannot be read ({detail}): close it in Excel/WPS and try again",
    ),
    "unreadable:encrypted": QT_TRANSLATE_NOOP(
        "Problems",
        "{file}: the workbook is password-protected: remove the password in Excel/WPS and save it again",
    ),
    "empty": QT_TRANSLATE_NOOP("Problems", "{file}: the file is empty: choose the right file"),
    "wrong_type:export": QT_TRANSLATE_NOOP(
        "Problems",
        "{file}: jobs can only be exported to .xlsx or .csv: end the file name with one of them",
    ),
    "wrong_type": QT_TRANSLATE_NOOP(
        "Problems", "{file}: this is not a spreadsheet: use an .xlsx or .csv file"
    ),
    "old_xls": QT_TRANSLATE_NOOP(
        "Problems", "{file}: this is an old .xls file: open it in Excel or WPS and save it as .xlsx"
    ),
    "encoding": QT_TRANSLATE_NOOP(
        "Problems",
        "{file}: the text is neither UTF-8 nor GBK: save the sheet again as .xlsx or UTF-8 CSV",
    ),
    "unwritable": QT_TRANSLATE_NOOP(
        "Problems",
        "{file}: cannot write the file ({detail}): close it in Excel/WPS or choose another folder",
    ),
    "no_title_column": QT_TRANSLATE_NOOP(
        "Problems",
        "{file}: no job title column found in the first rows: name a column 岗位 (or 职位, 岗位名称)",
    ),
}

LINT_RULES = {
    "gender_only": QT_TRANSLATE_NOOP(
        "Lint", "gender requirement “{text}” is discrimination under Chinese law: remove it"
    ),
    "appearance": QT_TRANSLATE_NOOP(
        "Lint", "looks or height requirement “{text}” is discrimination: remove it"
    ),
    "ethnicity": QT_TRANSLATE_NOOP(
        "Lint", "ethnic requirement “{text}” is unlawful discrimination: remove it"
    ),
    "region_exclusion": QT_TRANSLATE_NOOP(
        "Lint", "excluding people by region (“{text}”) is unlawful discrimination: remove it"
    ),
    "marital_status": QT_TRANSLATE_NOOP(
        "Lint", "marital or pregnancy condition “{text}” is unlawful: remove it"
    ),
    "absolute_claim": QT_TRANSLATE_NOOP(
        "Lint", "absolute claim “{text}” is banned by advertising law: reword it"
    ),
    "age_under_16:age_max": QT_TRANSLATE_NOOP(
        "Lint", "maximum age {text} is under 16, which the Labour Law forbids: correct the age band"
    ),
    "age_under_16": QT_TRANSLATE_NOOP(
        "Lint",
        "minimum age {text} is under 16, which the Labour Law forbids: raise it to 16 or more",
    ),
    "pay_missing": QT_TRANSLATE_NOOP(
        "Lint", "no pay given: viewers ask first about pay; write a range or 面议"
    ),
    "pay_min_gt_max": QT_TRANSLATE_NOOP(
        "Lint", "pay minimum is above its maximum ({text}): correct the range"
    ),
    "age_min_gt_max": QT_TRANSLATE_NOOP(
        "Lint", "minimum age is above the maximum ({text}): correct the range"
    ),
}

FIELD_WARNING = QT_TRANSLATE_NOOP("Lint", "{field}: {message}")
WHERE_ROW = QT_TRANSLATE_NOOP("Problems", "{file}, row {row}, column “{column}”: {message}")
# The import's three row counts (issue 15), said the same in the wizard and the CLI.
IMPORT_ROWS = QT_TRANSLATE_NOOP(
    "Problems", "Rows: {full} read fully, {warned} read with warnings, {refused} refused"
)
WHERE_ROW_NO_COLUMN = QT_TRANSLATE_NOOP("Problems", "{file}, row {row}: {message}")


def field_label(name: str) -> str:
    source = FIELD_LABELS.get(name)
    return translated("Fields", source) if source else name


def status_label(status: str) -> str:
    return translated("Fields", STATUS_LABELS[status])


def row_problem(problem, file: str) -> str:
    """One line naming the file, row and column, and what to do."""
    message = fill(
        "Problems", ROW_PROBLEMS, problem.reason,
        text=problem.text, first_row=getattr(problem, "first_row", None) or "?",
    )  # fmt: skip
    if problem.column:
        return translated("Problems", WHERE_ROW).format(
            file=file, row=problem.row, column=problem.column, message=message
        )
    return translated("Problems", WHERE_ROW_NO_COLUMN).format(
        file=file, row=problem.row, message=message
    )


def import_rows(plan) -> str:
    """How many rows of an ImportPlan were read fully, read with warnings, and refused."""
    return translated("Problems", IMPORT_ROWS).format(
        full=plan.rows_read_fully, warned=plan.rows_with_warnings, refused=plan.rows_refused
    )


def sheet_error(error) -> str:
    detail = getattr(error, "detail", "") or ""
    specific = f"{error.reason}:{detail}"  # some details deserve their own advice
    return fill(
        "Problems", SHEET_ERRORS, specific if specific in SHEET_ERRORS else error.reason,
        file=str(error.path), detail=detail,
    )  # fmt: skip


def lint_warning(warning) -> str:
    specific = f"{warning.rule}:{warning.field}"  # e.g. an under-16 maximum age
    rule = specific if specific in LINT_RULES else warning.rule
    return fill("Lint", LINT_RULES, rule, text=warning.text)


def field_warning(warning) -> str:
    """A lint warning prefixed with the label of the field it is about."""
    return translated("Lint", FIELD_WARNING).format(
        field=field_label(warning.field), message=lint_warning(warning)
    )
