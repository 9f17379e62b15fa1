"""One sentence for any error a background task hands back, chosen by the error's class.

Each typed error carries its reason (`.reason`, or the class itself for the on-air ones);
the registry below says which text function describes which class, and a subclass is
described as its base is. Never by the class's name: two classes may share a name, and a
renamed class must not fall silently to "something went wrong".
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP

from hostdesk.messages.base import fill
from hostdesk.messages.jobs import sheet_error
from hostdesk.messages.registrations import registration_problem
from hostdesk.messages.sessions import session_problem
from hostdesk.messages.startup import store_problem

TASK_ERRORS = {
    "unknown_job": QT_TRANSLATE_NOOP(
        "Problems", "no job has the code {code}: reload the catalogue"
    ),
    "job_closed": QT_TRANSLATE_NOOP(
        "Problems", "job {code} is closed and cannot go on air: reopen it first"
    ),
    "os_error": QT_TRANSLATE_NOOP(
        "Problems", "a file could not be written ({detail}): check the disk and the data folder"
    ),
    "other": QT_TRANSLATE_NOOP("Problems", "something went wrong ({detail}): see the log file"),
}

Describe = Callable[[BaseException], str]


@functools.cache
def describers() -> dict[type[BaseException], Describe]:
    """Each error class and the function that says it. Imported at the first error, not with
    this module: the window imports messages at start-up, before the store and the on-air
    service, and the command line imports it without them."""
    from hostdesk.core.registrations import (
        DuplicateRegistration,
        PhoneWarningNotConfirmed,
        RegistrationError,
        RegistrationNotFound,
        RegistrationStoreError,
    )
    from hostdesk.core.rundown import IntervalError
    from hostdesk.core.sessions import SessionError
    from hostdesk.services.onair import JobClosed, UnknownJob
    from hostdesk.sheets.reader import SheetError
    from hostdesk.store.migrations import SchemaTooNewError
    from hostdesk.store.pragmas import PragmaError

    return {
        SessionError: session_problem,
        IntervalError: session_problem,
        SheetError: sheet_error,
        RegistrationError: registration_problem,
        DuplicateRegistration: registration_problem,
        PhoneWarningNotConfirmed: registration_problem,
        RegistrationNotFound: registration_problem,
        RegistrationStoreError: registration_problem,
        PragmaError: store_problem,
        SchemaTooNewError: store_problem,
        UnknownJob: lambda exc: fill("Problems", TASK_ERRORS, "unknown_job", code=exc.code),
        JobClosed: lambda exc: fill("Problems", TASK_ERRORS, "job_closed", code=exc.code),
        OSError: lambda exc: fill(
            "Problems", TASK_ERRORS, "os_error", detail=exc.strerror or str(exc)
        ),
    }


def error_text(exc: BaseException) -> str:
    """Any error a worker reported, as one sentence for the window (never with personal data)."""
    known = describers()
    for cls in type(exc).__mro__:  # the nearest registered class: a subclass reads as its base
        describe = known.get(cls)
        if describe is not None:
            return describe(exc)
    return fill("Problems", TASK_ERRORS, "other", detail=type(exc).__name__)
