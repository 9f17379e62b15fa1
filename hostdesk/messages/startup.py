"""What opening a data folder can report: bad settings, skipped word lists, an unsafe database."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from hostdesk.messages.base import fill

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


def settings_warning(warning) -> str:
    return fill(
        "Problems", SETTINGS_WARNINGS, warning.reason,
        file=str(warning.path), key=warning.key, detail=warning.detail,
    )  # fmt: skip


def wordlist_problem(problem) -> str:
    return fill(
        "Problems", WORDLIST_PROBLEMS, problem.reason, file=str(problem.path), line=problem.line
    )


def startup_notices(settings_warnings, wordlist_problems) -> list[str]:
    """What the user must see after opening a data dir: bad settings, skipped word lists."""
    return [settings_warning(w) for w in settings_warnings] + [
        wordlist_problem(p) for p in wordlist_problems
    ]


def store_error(reason: str, file: str, detail: str = "") -> str:
    return fill("Problems", STORE_ERRORS, reason, file=file, detail=detail)


def store_problem(error) -> str:
    """Why the database cannot be opened, for the store's typed errors (PragmaError,
    SchemaTooNewError). Imported here, not at the top: only an error path needs the store."""
    from hostdesk.store.migrations import SchemaTooNewError
    from hostdesk.store.pragmas import PragmaError

    if isinstance(error, PragmaError):
        return store_error("pragma", str(error.path), f"{error.pragma}={error.found}")
    if isinstance(error, SchemaTooNewError):
        return store_error("schema_too_new", str(error.path))
    raise TypeError(f"not a store error: {type(error).__name__}")
