"""User-facing texts for the reasons the domain, sheets, store and sync report, and for any
error a background task hands back (by its class: errors.py).

The lower layers report codes or typed errors (they must not depend on Qt); these modules
turn them into sentences in the user's language, one module per area. QT_TRANSLATE_NOOP
marks each source text for lupdate; `translated` looks it up at display time, when the
translator is installed. Callers use `from hostdesk import messages` and the names below.
"""

from __future__ import annotations

from hostdesk.messages.errors import (
    TASK_ERRORS,
    error_text,
)
from hostdesk.messages.jobs import (
    FIELD_LABELS,
    FIELD_WARNING,
    IMPORT_ROWS,
    LINT_RULES,
    ROW_PROBLEMS,
    SHEET_ERRORS,
    STATUS_LABELS,
    WHERE_ROW,
    WHERE_ROW_NO_COLUMN,
    field_label,
    field_warning,
    import_rows,
    lint_warning,
    row_problem,
    sheet_error,
    status_label,
)
from hostdesk.messages.registrations import (
    CONSENT_LABELS,
    GENDER_LABELS,
    REG_FIELD_LABELS,
    REG_PROBLEMS,
    REG_STATUS_LABELS,
    REG_WARNINGS,
    SOURCE_LABELS,
    SYNC_STATE_LABELS,
    consent_label,
    gender_label,
    reg_field_label,
    reg_status_label,
    registration_problem,
    registration_warning,
    source_label,
    sync_state_label,
)
from hostdesk.messages.sessions import (
    PLATFORM_LABELS,
    SESSION_PROBLEMS,
    platform_label,
    session_problem,
)
from hostdesk.messages.startup import (
    SETTINGS_WARNINGS,
    STORE_ERRORS,
    WORDLIST_PROBLEMS,
    settings_warning,
    startup_notices,
    store_error,
    store_problem,
    wordlist_problem,
)
from hostdesk.messages.sync import (
    SYNC_ATTENTION,
    SYNC_REASONS,
    SYNC_STATES,
    sync_attention_reason,
    sync_reason,
    sync_state_name,
)

__all__ = [
    "CONSENT_LABELS",
    "FIELD_LABELS",
    "FIELD_WARNING",
    "GENDER_LABELS",
    "IMPORT_ROWS",
    "LINT_RULES",
    "PLATFORM_LABELS",
    "REG_FIELD_LABELS",
    "REG_PROBLEMS",
    "REG_STATUS_LABELS",
    "REG_WARNINGS",
    "ROW_PROBLEMS",
    "SESSION_PROBLEMS",
    "SETTINGS_WARNINGS",
    "SHEET_ERRORS",
    "SOURCE_LABELS",
    "STATUS_LABELS",
    "STORE_ERRORS",
    "SYNC_ATTENTION",
    "SYNC_REASONS",
    "SYNC_STATES",
    "SYNC_STATE_LABELS",
    "TASK_ERRORS",
    "WHERE_ROW",
    "WHERE_ROW_NO_COLUMN",
    "WORDLIST_PROBLEMS",
    "consent_label",
    "error_text",
    "field_label",
    "field_warning",
    "gender_label",
    "import_rows",
    "lint_warning",
    "platform_label",
    "reg_field_label",
    "reg_status_label",
    "registration_problem",
    "registration_warning",
    "row_problem",
    "session_problem",
    "settings_warning",
    "sheet_error",
    "source_label",
    "startup_notices",
    "status_label",
    "store_error",
    "store_problem",
    "sync_attention_reason",
    "sync_reason",
    "sync_state_label",
    "sync_state_name",
    "wordlist_problem",
]
