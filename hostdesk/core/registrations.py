"""A viewer's sign-up for a job: the draft typed in, its validation, and the stored record.

Documented normalisation (what "stored exactly as given" means):
- name, cities and note: invisible format characters are removed (core.text.strip_invisible:
  direction overrides and marks, zero-width spaces and joiners, BOM, tag characters), then
  surrounding whitespace is stripped (str.strip); everything else is kept exactly as typed:
  no NFKC, no case change, emoji, quotes, SQL or HTML fragments included. A name is the
  person's own spelling, so it is not normalised.
- rejected with "invalid_char": NUL and other control characters (tab and line breaks
  are allowed in the note only) and unpaired surrogates: SQLite would keep them, but
  they break exports and terminals.
- a name with nothing visible in it (only spaces, or nothing left once the invisible
  characters are gone) is "name_missing".
- the phone number: see core.phone.normalize_phone; the job code: stripped.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from hostdesk.core.phone import PhoneError, normalize_phone, phone_warning
from hostdesk.core.text import strip_invisible

NAME_MAX = 20
NOTE_MAX = 500
CITY_MAX = 20
AGE_MIN = 16  # the Labour Law's minimum working age
AGE_ADULT = 18  # 16-17: a warning (minors need special protection), not a refusal
AGE_MAX = 80
NOTICE_VERSION = "2026-11"  # the privacy notice read to (or shown to) the viewer
NOTICE_VERSION_MAX = 32
GENDERS = ("", "male", "female")


class Source(StrEnum):
    PHONE = "phone"  # 电话
    COMMENT = "comment"  # 评论
    DM = "dm"  # 私信
    WALK_IN = "walk_in"  # 现场
    QR = "qr"  # 扫码
    IMPORT = "import"  # 导入


class ConsentMethod(StrEnum):
    VERBAL = "verbal"  # 口头
    CHECKBOX = "checkbox"  # 勾选
    WRITTEN = "written"  # 书面


class RegStatus(StrEnum):
    ACTIVE = "active"
    WITHDRAWN = "withdrawn"


class SyncState(StrEnum):
    """The outbox state of a registration's newest event."""

    PENDING = "pending"
    SENDING = "sending"
    ACKED = "acked"
    RETRY_WAIT = "retry_wait"
    ATTENTION = "attention"


class EventType(StrEnum):
    CREATE = "create"
    AMEND = "amend"
    WITHDRAW = "withdraw"


# Draft fields `amend` may change (job_code included: a sign-up typed under the wrong job).
AMENDABLE = (
    "job_code", "name", "phone", "age", "birth_year", "gender", "current_city",
    "expected_city", "note", "source", "consent_method", "notice_version",
)  # fmt: skip


class RegistrationReason(StrEnum):
    """Why a draft or an edit cannot be saved: messages has a sentence for each."""

    NAME_MISSING = "name_missing"
    NAME_TOO_LONG = "name_too_long"
    PHONE_EMPTY = "phone_empty"
    PHONE_NOT_MOBILE = "phone_not_mobile"
    UNDER_16 = "under_16"
    AGE_OUT_OF_RANGE = "age_out_of_range"
    NOTE_TOO_LONG = "note_too_long"
    CITY_TOO_LONG = "city_too_long"
    JOB_UNKNOWN = "job_unknown"
    JOB_CLOSED = "job_closed"
    SOURCE_INVALID = "source_invalid"
    CONSENT_INVALID = "consent_invalid"
    GENDER_INVALID = "gender_invalid"
    INVALID_CHAR = "invalid_char"
    WITHDRAWN = "withdrawn"
    ERASED = "erased"
    # Not input faults: the other errors below carry these.
    DUPLICATE = "duplicate"
    PHONE_UNASSIGNED = "phone_unassigned"
    NOT_FOUND = "not_found"


class StoreReason(StrEnum):
    """Why the database refused a write (RegistrationStoreError); nothing was saved."""

    READ_ONLY = "read_only"
    DISK_FULL = "disk_full"
    UNSAFE = "unsafe"  # a durability pragma is off
    BUSY = "busy"  # another HostDesk holds the write lock
    IO = "io"  # anything else the disk reported
    KEY = "key"  # the data folder's key file is damaged


class RegistrationError(ValueError):
    """A draft that cannot be saved. `field`: the draft field; `reason`: why.

    The message never contains what was typed (it may be personal data).
    """

    def __init__(self, field: str, reason: RegistrationReason | str, limit: int | None = None):
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = RegistrationReason(reason)
        self.limit = limit


class DuplicateRegistration(Exception):
    """The same phone already signed up for the same job; `.earlier` lists those records."""

    reason = RegistrationReason.DUPLICATE

    def __init__(self, earlier: list[Registration]):
        super().__init__(f"duplicate of {len(earlier)} earlier registration(s)")
        self.earlier = earlier


class PhoneWarningNotConfirmed(Exception):
    """The number passes the hard rule but is not an assigned mobile range; confirm to save."""

    def __init__(self, warning: str = "phone_unassigned"):
        super().__init__(warning)
        self.reason = RegistrationReason(warning)


class RegistrationNotFound(LookupError):
    reason = RegistrationReason.NOT_FOUND

    def __init__(self, reg_id: str):
        super().__init__(f"no registration {reg_id}")
        self.reg_id = reg_id


class RegistrationStoreError(RuntimeError):
    """The database refused the write; nothing was saved. `detail`: the file or what the disk
    said (never personal data)."""

    def __init__(self, reason: StoreReason | str, detail: str = ""):
        super().__init__(f"registration not saved: {reason}" + (f" ({detail})" if detail else ""))
        self.reason = StoreReason(reason)
        self.detail = detail


@dataclass(frozen=True)
class RegistrationDraft:
    """What a form or the CLI gives; nothing is checked until `validate`."""

    job_code: str
    # repr=False: a draft or record printed into a log or traceback shows no personal data.
    name: str = field(repr=False)
    phone: str = field(repr=False)  # as typed
    age: int | None = None
    birth_year: int | None = None
    gender: str = ""  # only when the job requires it; "" otherwise
    current_city: str = field(default="", repr=False)
    expected_city: str = field(default="", repr=False)
    note: str = field(default="", repr=False)
    source: Source | str = Source.PHONE
    consent_method: ConsentMethod | str = ConsentMethod.VERBAL
    notice_version: str = NOTICE_VERSION


@dataclass(frozen=True)
class Registration:
    id: str  # uuid4, made on this machine: the hub's idempotency key
    seq: int  # local sequence, 0 until stored
    job_code: str
    job_title: str  # the title when the viewer signed up
    session_id: str
    name: str = field(repr=False)  # "" once erased by retention
    phone: str = field(repr=False)  # 11 digits; "" once erased
    phone_hash: str = field(repr=False)
    age: int | None
    birth_year: int | None
    gender: str
    current_city: str = field(repr=False)
    expected_city: str = field(repr=False)
    note: str = field(repr=False)
    source: Source
    consent_method: ConsentMethod
    notice_version: str
    consented_at: datetime
    status: RegStatus
    phone_warning_overridden: bool
    created_at: datetime
    updated_at: datetime
    erased_at: datetime | None = None
    sync_state: SyncState = SyncState.PENDING
    # A separate tick (the sign-up page's second box): the employer may receive the details.
    employer_consent: bool = False

    def draft(self) -> RegistrationDraft:
        """The record as a draft again (for amending)."""
        return RegistrationDraft(
            job_code=self.job_code, name=self.name, phone=self.phone, age=self.age,
            birth_year=self.birth_year, gender=self.gender, current_city=self.current_city,
            expected_city=self.expected_city, note=self.note, source=self.source,
            consent_method=self.consent_method, notice_version=self.notice_version,
        )  # fmt: skip


@dataclass(frozen=True)
class RegQuery:
    """A filter of the recent-registrations list; empty values do not filter."""

    text: str = ""  # name, job title, job code, note or phone digits (partial)
    session_id: str = ""
    job_code: str = ""
    source: str = ""
    since: datetime | None = None  # created_at >= since
    until: datetime | None = None  # created_at < until
    limit: int = 200
    offset: int = 0


# --- validation ------------------------------------------------------------------------

_LINE_BREAKS = "\n\r\t"


def _check_chars(field: str, text: str, *, multiline: bool = False) -> None:
    for ch in text:
        cat = unicodedata.category(ch)
        if cat == "Cs" or (cat == "Cc" and not (multiline and ch in _LINE_BREAKS)):
            raise RegistrationError(field, "invalid_char")


def _text(
    field: str, value, limit: int, reason: str, *, multiline: bool = False, free: bool = False
) -> str:
    """`free`: text a person typed (name, city, note), shown on stream or exported: its
    invisible format characters are removed first."""
    if not isinstance(value, str):
        value = "" if value is None else str(value)
    if free:
        value = strip_invisible(value)
    value = value.strip()
    _check_chars(field, value, multiline=multiline)
    if len(value) > limit:
        raise RegistrationError(field, reason, limit)
    return value


def _visible(text: str) -> bool:
    return any(unicodedata.category(ch)[0] not in "ZC" for ch in text)


def _age(draft: RegistrationDraft, year: int) -> tuple[int | None, int | None, list[str]]:
    """(age, birth_year, warnings); an age typed wins over a birth year."""
    for name, value in (("age", draft.age), ("birth_year", draft.birth_year)):
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            raise RegistrationError(name, "age_out_of_range", AGE_MAX)
        age = value if name == "age" else year - value
        if age < AGE_MIN:
            raise RegistrationError(name, "under_16", AGE_MIN)
        if age > AGE_MAX:
            raise RegistrationError(name, "age_out_of_range", AGE_MAX)
        warnings = ["minor"] if age < AGE_ADULT else []
        if name == "age":
            return value, None, warnings
        return None, value, warnings
    return None, None, []


def validate(
    draft: RegistrationDraft, *, job_title: str | None, job_open: bool, year: int | None = None
) -> tuple[dict, list[str]]:
    """(clean fields, warning codes) or RegistrationError for the first field that is wrong.

    `job_title` is the catalogue's title for draft.job_code (None: no such job);
    `year` is this year (for a birth year). Warnings: "minor", "phone_unassigned".
    Fields are checked in the form's order, so the message is about the first one.
    """
    job_code = _text("job_code", draft.job_code, 10_000, "job_unknown")
    if not job_code or job_title is None:
        raise RegistrationError("job_code", "job_unknown")
    if not job_open:
        raise RegistrationError("job_code", "job_closed")
    name = _text("name", draft.name, 10_000, "name_too_long", free=True)
    if not _visible(name):
        raise RegistrationError("name", "name_missing")
    if len(name) > NAME_MAX:
        raise RegistrationError("name", "name_too_long", NAME_MAX)
    raw_phone = draft.phone if isinstance(draft.phone, str) else ""
    try:
        phone = normalize_phone(raw_phone)
    except PhoneError as exc:
        raise RegistrationError("phone", f"phone_{exc.reason}") from None
    warnings: list[str] = []
    age, birth_year, age_warnings = _age(draft, year or datetime.now().year)
    warnings += age_warnings
    gender = _text("gender", draft.gender, 10, "gender_invalid")
    if gender not in GENDERS:
        raise RegistrationError("gender", "gender_invalid")
    current_city = _text("current_city", draft.current_city, CITY_MAX, "city_too_long", free=True)
    expected_city = _text(
        "expected_city", draft.expected_city, CITY_MAX, "city_too_long", free=True
    )
    note = _text("note", draft.note, NOTE_MAX, "note_too_long", multiline=True, free=True)
    try:
        source = Source(draft.source)
    except ValueError:
        raise RegistrationError("source", "source_invalid") from None
    try:
        consent = ConsentMethod(draft.consent_method)
    except ValueError:
        raise RegistrationError("consent_method", "consent_invalid") from None
    notice = _text("notice_version", draft.notice_version, NOTICE_VERSION_MAX, "consent_invalid")
    if not notice:
        raise RegistrationError("notice_version", "consent_invalid")
    if phone_warning(phone):
        warnings.append("phone_unassigned")
    clean = {
        "job_code": job_code, "job_title": job_title, "name": name, "phone": phone,
        "age": age, "birth_year": birth_year, "gender": gender,
        "current_city": current_city, "expected_city": expected_city, "note": note,
        "source": source, "consent_method": consent, "notice_version": notice,
    }  # fmt: skip
    return clean, warnings
