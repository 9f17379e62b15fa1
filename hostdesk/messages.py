"""User-facing texts for the stable reason codes the domain, sheets and store report.

The lower layers report codes (they must not depend on Qt); this module turns a code
into a sentence in the user's language. QT_TRANSLATE_NOOP marks each source text for
lupdate; `tr` looks it up at display time, when the translator is installed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from hostdesk.i18n import translated

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
        "age “{text}” is imported as written, in the requirements: write it like 18-45岁 or 45岁以下 to have it read",
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

SETTINGS_WARNINGS = {
    "corrupt": QT_TRANSLATE_NOOP(
        "Problems",
        "The settings file {file} could not be read; defaults are in use and the file was kept as {file}.bak",
    ),
    "bad_value": QT_TRANSLATE_NOOP(
        "Problems",
        "The setting {key} in {file} has an invalid value {detail}; the default is in use",
    ),
}

WORDLIST_PROBLEMS = {
    "encoding": QT_TRANSLATE_NOOP(
        "Problems", "Word list {file} is not saved as UTF-8 and was skipped: save it as UTF-8"
    ),
    "bad_line": QT_TRANSLATE_NOOP(
        "Problems",
        "Word list {file}, line {line}: the regular expression is invalid, so the file was skipped: correct or delete that line",
    ),
}

STORE_ERRORS = {
    "pragma": QT_TRANSLATE_NOOP(
        "Problems",
        "The database {file} cannot be written safely (PRAGMA {detail}); HostDesk will not write to it. "
        "Move it to a local disk or contact support",
    ),
    "schema_too_new": QT_TRANSLATE_NOOP(
        "Problems",
        "The database {file} was written by a newer HostDesk; install that version to open it",
    ),
}

FIELD_WARNING = QT_TRANSLATE_NOOP("Lint", "{field}: {message}")
WHERE_ROW = QT_TRANSLATE_NOOP("Problems", "{file}, row {row}, column “{column}”: {message}")
# The import's three row counts (issue 15), said the same in the wizard and the CLI.
IMPORT_ROWS = QT_TRANSLATE_NOOP(
    "Problems", "Rows: {full} read fully, {warned} read with warnings, {refused} refused"
)
WHERE_ROW_NO_COLUMN = QT_TRANSLATE_NOOP("Problems", "{file}, row {row}: {message}")


def _format(context: str, table: dict, code: str, /, **params) -> str:
    source = table.get(code)
    if source is None:  # a code this build has no text for: still say something useful
        return f"{code}: {params.get('text', '')}".strip()
    return translated(context, source).format(**params)


def field_label(name: str) -> str:
    source = FIELD_LABELS.get(name)
    return translated("Fields", source) if source else name


def status_label(status: str) -> str:
    return translated("Fields", STATUS_LABELS[status])


def row_problem(problem, file: str) -> str:
    """One line naming the file, row and column, and what to do."""
    message = _format(
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
    return _format(
        "Problems", SHEET_ERRORS, specific if specific in SHEET_ERRORS else error.reason,
        file=str(error.path), detail=detail,
    )  # fmt: skip


def lint_warning(warning) -> str:
    specific = f"{warning.rule}:{warning.field}"  # e.g. an under-16 maximum age
    rule = specific if specific in LINT_RULES else warning.rule
    return _format("Lint", LINT_RULES, rule, text=warning.text)


def field_warning(warning) -> str:
    """A lint warning prefixed with the label of the field it is about."""
    return translated("Lint", FIELD_WARNING).format(
        field=field_label(warning.field), message=lint_warning(warning)
    )


def settings_warning(warning) -> str:
    return _format(
        "Problems", SETTINGS_WARNINGS, warning.reason,
        file=str(warning.path), key=warning.key, detail=warning.detail,
    )  # fmt: skip


def wordlist_problem(problem) -> str:
    return _format(
        "Problems", WORDLIST_PROBLEMS, problem.reason, file=str(problem.path), line=problem.line
    )


def startup_notices(settings_warnings, wordlist_problems) -> list[str]:
    """What the user must see after opening a data dir: bad settings, skipped word lists."""
    return [settings_warning(w) for w in settings_warnings] + [
        wordlist_problem(p) for p in wordlist_problems
    ]


def store_error(reason: str, file: str, detail: str = "") -> str:
    return _format("Problems", STORE_ERRORS, reason, file=file, detail=detail)


# Live sessions (core.sessions, core.rundown): platform names and the reasons a step is refused.
PLATFORM_LABELS = {
    "kuaishou": QT_TRANSLATE_NOOP("Sessions", "Kuaishou"),
    "douyin": QT_TRANSLATE_NOOP("Sessions", "Douyin"),
    "channels": QT_TRANSLATE_NOOP("Sessions", "WeChat Channels"),
    "other": QT_TRANSLATE_NOOP("Sessions", "Other"),
}

SESSION_PROBLEMS = {
    "platform_invalid": QT_TRANSLATE_NOOP(
        "Sessions",
        "platform “{text}” is not known: choose Kuaishou, Douyin, WeChat Channels or Other",
    ),
    "room_missing": QT_TRANSLATE_NOOP(
        "Sessions", "the room name is empty: type the name of the live room"
    ),
    "room_too_long": QT_TRANSLATE_NOOP(
        "Sessions", "the room name is longer than {limit} characters: shorten it"
    ),
    "already_live": QT_TRANSLATE_NOOP(
        "Sessions", "this session is already live: stop it before starting a new one"
    ),
    "not_live": QT_TRANSLATE_NOOP("Sessions", "no session is live: start one first"),
    "ended": QT_TRANSLATE_NOOP(
        "Sessions", "this session has ended: tonight's list is in the new session"
    ),
    "interval_out_of_range": QT_TRANSLATE_NOOP(
        "Sessions", "rotate every {min} to {max} seconds: change the interval"
    ),
}


def platform_label(platform: str) -> str:
    """快手/抖音/视频号/其他 in Chinese; an unknown value is shown as it is."""
    source = PLATFORM_LABELS.get(str(platform))
    return translated("Sessions", source) if source else str(platform)


def session_problem(error) -> str:
    """A SessionError or IntervalError as one sentence saying what to do."""
    return _format(
        "Sessions", SESSION_PROBLEMS, error.reason, text=getattr(error, "text", ""),
        limit=getattr(error, "limit", ""),
        min=f"{getattr(error, 'min_s', 0):g}", max=f"{getattr(error, 'max_s', 0):g}",
    )  # fmt: skip


# Errors a background task can hand back to the console; anything else is named by its type.
TASK_ERRORS = {
    "UnknownJob": QT_TRANSLATE_NOOP("Problems", "no job has the code {code}: reload the catalogue"),
    "JobClosed": QT_TRANSLATE_NOOP(
        "Problems", "job {code} is closed and cannot go on air: reopen it first"
    ),
    "OSError": QT_TRANSLATE_NOOP(
        "Problems", "a file could not be written ({detail}): check the disk and the data folder"
    ),
    "other": QT_TRANSLATE_NOOP("Problems", "something went wrong ({detail}): see the log file"),
}


def error_text(exc: BaseException) -> str:
    """Any error a worker reported, as one sentence for the window (never with personal data)."""
    if hasattr(exc, "reason") and type(exc).__name__ in ("SessionError", "IntervalError"):
        return session_problem(exc)
    if type(exc).__name__ == "SheetError":
        return sheet_error(exc)
    name = type(exc).__name__
    if name in _REG_ERRORS:
        return registration_problem(exc)
    if name in TASK_ERRORS:
        return _format("Problems", TASK_ERRORS, name, code=getattr(exc, "code", ""))
    if isinstance(exc, OSError):
        return _format("Problems", TASK_ERRORS, "OSError", detail=exc.strerror or str(exc))
    return _format("Problems", TASK_ERRORS, "other", detail=name)


# Registrations (core.registrations, services.registrations): labels and reasons.
REG_FIELD_LABELS = {
    "job_code": QT_TRANSLATE_NOOP("Registrations", "Job"),
    "name": QT_TRANSLATE_NOOP("Registrations", "Name"),
    "phone": QT_TRANSLATE_NOOP("Registrations", "Phone"),
    "age": QT_TRANSLATE_NOOP("Registrations", "Age"),
    "birth_year": QT_TRANSLATE_NOOP("Registrations", "Birth year"),
    "gender": QT_TRANSLATE_NOOP("Registrations", "Gender"),
    "current_city": QT_TRANSLATE_NOOP("Registrations", "Current city"),
    "expected_city": QT_TRANSLATE_NOOP("Registrations", "Expected city"),
    "note": QT_TRANSLATE_NOOP("Registrations", "Note"),
    "source": QT_TRANSLATE_NOOP("Registrations", "Source"),
    "consent_method": QT_TRANSLATE_NOOP("Registrations", "Consent"),
    "notice_version": QT_TRANSLATE_NOOP("Registrations", "Privacy notice version"),
    "status": QT_TRANSLATE_NOOP("Registrations", "Status"),
}

SOURCE_LABELS = {
    "phone": QT_TRANSLATE_NOOP("Registrations", "Phone call"),
    "comment": QT_TRANSLATE_NOOP("Registrations", "Comment"),
    "dm": QT_TRANSLATE_NOOP("Registrations", "Direct message"),
    "walk_in": QT_TRANSLATE_NOOP("Registrations", "Walk-in"),
    "qr": QT_TRANSLATE_NOOP("Registrations", "QR code"),
    "import": QT_TRANSLATE_NOOP("Registrations", "Import"),
}

CONSENT_LABELS = {
    "verbal": QT_TRANSLATE_NOOP("Registrations", "Verbal"),
    "checkbox": QT_TRANSLATE_NOOP("Registrations", "Checkbox"),
    "written": QT_TRANSLATE_NOOP("Registrations", "Written"),
}

REG_STATUS_LABELS = {
    "active": QT_TRANSLATE_NOOP("Registrations", "Active"),
    "withdrawn": QT_TRANSLATE_NOOP("Registrations", "Withdrawn"),
}

SYNC_STATE_LABELS = {
    "pending": QT_TRANSLATE_NOOP("Registrations", "Not synced yet"),
    "sending": QT_TRANSLATE_NOOP("Registrations", "Syncing"),
    "acked": QT_TRANSLATE_NOOP("Registrations", "Synced"),
    "retry_wait": QT_TRANSLATE_NOOP("Registrations", "Will retry"),
    "attention": QT_TRANSLATE_NOOP("Registrations", "Needs attention"),
}

GENDER_LABELS = {
    "": QT_TRANSLATE_NOOP("Registrations", "Not given"),
    "male": QT_TRANSLATE_NOOP("Registrations", "Male"),
    "female": QT_TRANSLATE_NOOP("Registrations", "Female"),
}

REG_PROBLEMS = {
    "name_missing": QT_TRANSLATE_NOOP(
        "Registrations", "Enter the person's name or how to address them (e.g. 张先生)"
    ),
    "name_too_long": QT_TRANSLATE_NOOP(
        "Registrations", "The name is longer than {limit} characters: shorten it"
    ),
    "phone_empty": QT_TRANSLATE_NOOP("Registrations", "Enter a mobile number"),
    "phone_not_mobile": QT_TRANSLATE_NOOP(
        "Registrations",
        "This is not a mainland mobile number: enter 11 digits starting with 13 to 19 (+86 in front is fine)",
    ),
    "under_16": QT_TRANSLATE_NOOP(
        "Registrations", "Under 16: the law forbids employing them, so this sign-up cannot be saved"
    ),
    "age_out_of_range": QT_TRANSLATE_NOOP(
        "Registrations", "The age must be from 16 to 80: check the age or birth year"
    ),
    "note_too_long": QT_TRANSLATE_NOOP(
        "Registrations", "The note is longer than {limit} characters: shorten it"
    ),
    "city_too_long": QT_TRANSLATE_NOOP(
        "Registrations", "The city is longer than {limit} characters: shorten it"
    ),
    "job_unknown": QT_TRANSLATE_NOOP(
        "Registrations", "No job has this code: choose a job from the list"
    ),
    "job_closed": QT_TRANSLATE_NOOP("Registrations", "This job is closed: choose an open job"),
    "source_invalid": QT_TRANSLATE_NOOP(
        "Registrations",
        "Unknown source: choose phone call, comment, direct message, walk-in, QR code or import",
    ),
    "consent_invalid": QT_TRANSLATE_NOOP(
        "Registrations",
        "Record how the person agreed (verbal, checkbox or written) and the notice version",
    ),
    "gender_invalid": QT_TRANSLATE_NOOP(
        "Registrations", "Gender must be male, female or left empty"
    ),
    "invalid_char": QT_TRANSLATE_NOOP(
        "Registrations",
        "{field} contains control characters (such as NUL) that cannot be saved: retype it",
    ),
    "withdrawn": QT_TRANSLATE_NOOP(
        "Registrations", "This sign-up was withdrawn and can no longer be edited"
    ),
    "erased": QT_TRANSLATE_NOOP(
        "Registrations",
        "The personal data of this sign-up was erased after the retention period; it cannot be edited",
    ),
    "not_found": QT_TRANSLATE_NOOP(
        "Registrations", "This sign-up no longer exists: refresh the list"
    ),
    "duplicate": QT_TRANSLATE_NOOP(
        "Registrations",
        "This phone number has already signed up for this job (earlier sign-ups: {count}): save again only if that is intended",
    ),
    "phone_unassigned": QT_TRANSLATE_NOOP(
        "Registrations",
        "This number is not in any assigned mobile range: check it with the person, or confirm to save it anyway",
    ),
    "read_only": QT_TRANSLATE_NOOP(
        "Registrations",
        "The database is read-only, so the sign-up was NOT saved: check the data folder's permissions",
    ),
    "disk_full": QT_TRANSLATE_NOOP(
        "Registrations",
        "The disk is full, so the sign-up was NOT saved: free some space and save again",
    ),
    "unsafe": QT_TRANSLATE_NOOP(
        "Registrations",
        "The database is not in safe-write mode (PRAGMA {detail}), so the sign-up was NOT saved: restart HostDesk",
    ),
    "busy": QT_TRANSLATE_NOOP(
        "Registrations",
        "The database is busy (another HostDesk is writing), so the sign-up was NOT saved: save again",
    ),
    "io": QT_TRANSLATE_NOOP(
        "Registrations",
        "The disk reported an error ({detail}), so the sign-up was NOT saved: check the disk and save again",
    ),
    "key": QT_TRANSLATE_NOOP(
        "Registrations",
        "The key file {detail} in the data folder is damaged, so nothing can be saved: restore it from a backup",
    ),
}

REG_WARNINGS = {
    "minor": QT_TRANSLATE_NOOP(
        "Registrations",
        "Aged 16 or 17: a minor; the employer must follow the rules for young workers",
    ),
    "phone_unassigned": QT_TRANSLATE_NOOP(
        "Registrations",
        "This number is not in any assigned mobile range: check it with the person, or confirm to save it anyway",
    ),
}


def _reg_label(table: dict, value) -> str:
    source = table.get(str(value))
    return translated("Registrations", source) if source else str(value)


def source_label(value) -> str:
    """电话/评论/私信/现场/扫码/导入 in Chinese; an unknown value is shown as it is."""
    return _reg_label(SOURCE_LABELS, value)


def consent_label(value) -> str:
    return _reg_label(CONSENT_LABELS, value)


def reg_status_label(value) -> str:
    return _reg_label(REG_STATUS_LABELS, value)


def sync_state_label(value) -> str:
    return _reg_label(SYNC_STATE_LABELS, value)


def gender_label(value) -> str:
    return _reg_label(GENDER_LABELS, value)


def reg_field_label(name: str) -> str:
    return _reg_label(REG_FIELD_LABELS, name)


def registration_warning(code: str) -> str:
    """A warning code of RegistrationService.check ("minor", "phone_unassigned") as text."""
    return _format("Registrations", REG_WARNINGS, code)


_REG_ERRORS = (
    "RegistrationError", "DuplicateRegistration", "PhoneWarningNotConfirmed",
    "RegistrationNotFound", "RegistrationStoreError",
)  # fmt: skip


def registration_problem(error) -> str:
    """Any error of the registration service as one sentence saying what to do."""
    name = type(error).__name__
    if name == "DuplicateRegistration":
        code = "duplicate"
    elif name == "RegistrationNotFound":
        code = "not_found"
    else:
        code = getattr(error, "reason", "") or "io"
    field = getattr(error, "field", "")
    return _format(
        "Registrations", REG_PROBLEMS, code,
        limit=getattr(error, "limit", "") or "", detail=getattr(error, "detail", ""),
        field=reg_field_label(field) if field else "",
        count=len(getattr(error, "earlier", ()) or ()),
    )  # fmt: skip


# Sync with the hub (hostdesk.sync.worker.SyncStatus, outbox attention reasons).
SYNC_STATES = {
    "online": QT_TRANSLATE_NOOP("Sync", "Online"),
    "offline": QT_TRANSLATE_NOOP("Sync", "Offline"),
    "paused": QT_TRANSLATE_NOOP("Sync", "Paused"),
    "disabled": QT_TRANSLATE_NOOP("Sync", "Sync off"),
}

SYNC_REASONS = {
    "unauthorized": QT_TRANSLATE_NOOP(
        "Sync", "The hub did not accept the device token: enter a new token in Settings"
    ),
    "forbidden": QT_TRANSLATE_NOOP(
        "Sync", "This token may not send sign-ups: ask the agency for a device token"
    ),
    "bad_url": QT_TRANSLATE_NOOP(
        "Sync", "No HostDesk hub answers at this address: check the hub address in Settings"
    ),
    "not_configured": QT_TRANSLATE_NOOP(
        "Sync", "Sync is not set up: enter the hub address and the device token in Settings"
    ),
    "network": QT_TRANSLATE_NOOP(
        "Sync", "The hub cannot be reached; sign-ups are kept here and sent when it can"
    ),
    "server": QT_TRANSLATE_NOOP("Sync", "The hub is busy or has a problem; trying again later"),
    "captive_portal": QT_TRANSLATE_NOOP(
        "Sync",
        "The network answered with a web page instead of the hub (a Wi-Fi login?): log in to the network",
    ),
}

SYNC_ATTENTION = {
    "conflict": QT_TRANSLATE_NOOP(
        "Sync", "The hub already has a different copy of this change: check the sign-up, then retry"
    ),
    "conflict:client_id_exists": QT_TRANSLATE_NOOP(
        "Sync", "The hub already has this sign-up under another record: contact the agency"
    ),
    "conflict:version": QT_TRANSLATE_NOOP(
        "Sync", "The hub's copy changed in the meantime: retry to send this change again"
    ),
    "rejected:unknown_registration": QT_TRANSLATE_NOOP(
        "Sync", "The hub does not have this sign-up yet: retry"
    ),
    # The hub's access rule: a PC changes only the sign-ups it made itself (issue 13).
    "rejected:not_owner": QT_TRANSLATE_NOOP(
        "Sync",
        "This sign-up was made on another PC or on the sign-up page: only the agency can change it, ask them",
    ),
    "rejected:erased": QT_TRANSLATE_NOOP(
        "Sync",
        "The agency erased this person's data on the hub: the change cannot be sent and is not needed",
    ),
    "rejected_field": QT_TRANSLATE_NOOP(
        "Sync", "The hub refused the sign-up because of {field}: correct it, then retry"
    ),
    "rejected": QT_TRANSLATE_NOOP(
        "Sync", "The hub refused this sign-up ({reason}): correct it, then retry"
    ),
}


def sync_state_name(state: str) -> str:
    source = SYNC_STATES.get(state)
    return translated("Sync", source) if source else state


def sync_reason(reason: str) -> str:
    """Why sync is offline or paused, and what to do; "" for no reason."""
    return _format("Sync", SYNC_REASONS, reason) if reason else ""


def sync_attention_reason(reason: str) -> str:
    """An attention event's reason ("rejected:phone_invalid", "conflict:version") as text."""
    if reason in SYNC_ATTENTION:
        return _format("Sync", SYNC_ATTENTION, reason)
    kind, _, detail = reason.partition(":")
    if kind == "conflict":
        return _format("Sync", SYNC_ATTENTION, "conflict")
    # "<field>_<problem>": name the longest field it starts with (job_code before job).
    fields = sorted((f for f in REG_FIELD_LABELS if detail.startswith(f + "_")), key=len)
    if fields:
        return _format("Sync", SYNC_ATTENTION, "rejected_field", field=reg_field_label(fields[-1]))
    return _format("Sync", SYNC_ATTENTION, "rejected", reason=detail or reason)
