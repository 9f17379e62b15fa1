"""Sign-ups' texts (core.registrations, services.registrations): labels, problems, warnings."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from hostdesk.i18n import translated
from hostdesk.messages.base import fill

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
    return fill("Registrations", REG_WARNINGS, code)


def registration_problem(error) -> str:
    """An error of the registration service as one sentence saying what to do.

    Each of them (core.registrations: RegistrationError, DuplicateRegistration,
    PhoneWarningNotConfirmed, RegistrationNotFound, RegistrationStoreError) carries its
    `reason`; the table has a sentence for every one.
    """
    field = getattr(error, "field", "")
    return fill(
        "Registrations", REG_PROBLEMS, error.reason,
        limit=getattr(error, "limit", "") or "", detail=getattr(error, "detail", ""),
        field=reg_field_label(field) if field else "",
        count=len(getattr(error, "earlier", ()) or ()),
    )  # fmt: skip
