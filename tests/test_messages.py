"""Typed errors carry their reason; messages says each one in Chinese and English, by class.

messages.error_text used to pick a text by the error's class *name* (a string), so a
subclass or a renamed class fell to "something went wrong" and a stranger with the same
name was taken for ours. Now a registry keyed by class (nearest in the MRO) chooses.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hostdesk import i18n
from hostdesk import messages as m
from hostdesk.core.registrations import (
    DuplicateRegistration,
    PhoneWarningNotConfirmed,
    RegistrationError,
    RegistrationNotFound,
    RegistrationReason,
    RegistrationStoreError,
    StoreReason,
)
from hostdesk.core.rundown import IntervalError
from hostdesk.core.sessions import SessionError, SessionReason
from hostdesk.services.onair import JobClosed, UnknownJob
from hostdesk.sheets.reader import SheetError, SheetReason
from hostdesk.store.migrations import SchemaTooNewError
from hostdesk.store.pragmas import PragmaError

# A platform's lead export is read by the hub only (its office says it); the desktop reads
# job sheets and writes exports.
DESKTOP_SHEETS = set(SheetReason) - {SheetReason.NO_PHONE_COLUMN}
CJK = re.compile(r"[\u4e00-\u9fff]")
SHEET = Path("jobs.xlsx")


def _sheet_error(key: str) -> SheetError:
    reason, _, detail = key.partition(":")  # "unreadable:encrypted": a detail with its own text
    return SheetError(SHEET, reason, detail or "EIO")


CASES = [
    *(RegistrationError("name", reason, limit=20) for reason in RegistrationReason),
    DuplicateRegistration([]),
    PhoneWarningNotConfirmed(),
    RegistrationNotFound("r1"),
    *(RegistrationStoreError(reason, "hostdesk.db") for reason in StoreReason),
    *(SheetError(SHEET, reason, "EIO") for reason in SheetReason if reason in DESKTOP_SHEETS),
    *(_sheet_error(key) for key in m.SHEET_ERRORS if ":" in key),
    *(SessionError(reason, "x", limit=40) for reason in SessionReason),
    IntervalError(9999),
    UnknownJob("A1"),
    JobClosed("A1"),
    OSError(28, "No space left on device"),
    PragmaError(Path("hostdesk.db"), "synchronous", 0, 2),
    SchemaTooNewError(Path("hostdesk.db"), 99),
]


def _id(exc: BaseException) -> str:
    return f"{type(exc).__name__}-{getattr(exc, 'reason', '')}"


def _said(exc: BaseException, language: str) -> str:
    i18n.install(language)
    return m.error_text(exc)


@pytest.fixture
def languages(qapp):
    yield
    i18n.install("zh_CN")


@pytest.mark.parametrize("exc", CASES, ids=_id)
def test_every_typed_error_reason_reads_in_chinese_and_english(languages, exc):
    en, zh = _said(exc, "en"), _said(exc, "zh_CN")
    reason = str(getattr(exc, "reason", ""))
    for text in (en, zh):
        assert "{" not in text, text  # every placeholder filled
        assert not (reason and text.startswith(f"{reason}:")), text  # no code without a text
    assert "something went wrong" not in en  # its class is known
    assert CJK.search(zh) and zh != en, zh  # translated, not the English source


def test_a_subclass_reads_as_its_base_and_a_namesake_is_not_taken_for_ours(languages):
    i18n.install("en")

    class CatalogueSheetError(SheetError):
        pass

    late = CatalogueSheetError(SHEET, "not_found")
    assert (
        m.error_text(late)
        == m.sheet_error(late)
        == ("jobs.xlsx: the file does not exist: check the path")
    )

    namesake = type("SheetError", (Exception,), {"reason": "not_found", "path": SHEET})
    assert m.error_text(namesake()) == "something went wrong (SheetError): see the log file"


def test_reasons_are_typed_and_every_one_has_a_text():
    assert RegistrationError("name", "name_missing").reason is RegistrationReason.NAME_MISSING
    assert DuplicateRegistration([]).reason is RegistrationReason.DUPLICATE
    assert RegistrationStoreError("disk_full").reason is StoreReason.DISK_FULL
    with pytest.raises(ValueError):  # a reason messages has no text for is a bug, said at once
        RegistrationError("name", "name_mising")
    missing = [r for r in (*RegistrationReason, *StoreReason) if r not in m.REG_PROBLEMS]
    assert missing == []
    assert SheetError(SHEET, "empty").reason is SheetReason.EMPTY
    with pytest.raises(ValueError):
        SheetError(SHEET, "emtpy")
    assert [r for r in DESKTOP_SHEETS if r not in m.SHEET_ERRORS] == []
    assert SessionError("not_live").reason is SessionReason.NOT_LIVE
    with pytest.raises(ValueError):
        SessionError("not_alive")
    assert [r for r in SessionReason if r not in m.SESSION_PROBLEMS] == []
