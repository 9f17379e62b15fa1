"""Checking an event's payload on the hub: the desktop's own rules, plus the strict phone rule."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime

from hostdesk.core.registrations import (
    AGE_MAX,
    AGE_MIN,
    CITY_MAX,
    GENDERS,
    NAME_MAX,
    NOTE_MAX,
    NOTICE_VERSION_MAX,
    ConsentMethod,
    Source,
)
from hostdesk.core.text import has_control, strip_invisible

PHONE_RE = re.compile(r"1[3-9][0-9]{9}", re.ASCII)
TEXT_FIELDS = (
    "job_code", "job_title", "session_id", "name", "phone", "gender", "current_city",
    "expected_city", "note", "source", "consent_method", "notice_version",
)  # fmt: skip
TIME_FIELDS = ("consented_at", "created_at", "updated_at")
# Times outside these years are a broken clock or a probe; years 1 and 9999 with an offset
# do not even fit a datetime once moved to UTC, and a desktop turns them into local time.
YEAR_MIN = 1970
YEAR_MAX = 2999
ID_MAX = 64
TITLE_MAX = 200
SOURCES = {s.value for s in Source}
CONSENTS = {c.value for c in ConsentMethod}


class Rejected(ValueError):
    """The payload cannot be stored; `reason` is "<field>_<problem>"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def utc_now() -> str:
    return iso(datetime.now(UTC))


def iso(value: datetime) -> str:
    if value.utcoffset() is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def parse_time(payload: dict, name: str, default: str) -> str:
    value = payload.get(name)
    if value is None or value == "":
        return default
    if not isinstance(value, str):
        raise Rejected(f"{name}_invalid")
    try:
        parsed = datetime.fromisoformat(value)
        if not YEAR_MIN <= parsed.year <= YEAR_MAX:
            raise ValueError("year out of range")
        stored = iso(parsed)  # OverflowError: 0001-01-01T00:00+01:00 is before year 1 in UTC
    except (ValueError, OverflowError):
        raise Rejected(f"{name}_invalid") from None
    if not YEAR_MIN <= int(stored[:4]) <= YEAR_MAX:
        raise Rejected(f"{name}_invalid")
    return stored


def _text(
    payload: dict, name: str, limit: int, *, multiline: bool = False, free: bool = False
) -> str:
    """Stripped text within `limit`, no control characters (core's rule for the same field).
    `free`: typed by a person and shown on stream or exported: invisible characters removed."""
    value = payload.get(name) or ""
    if free:
        value = strip_invisible(value)
    value = value.strip()
    if has_control(value, allow="\n\r\t" if multiline else ""):
        raise Rejected(f"{name}_invalid_char")
    if len(value) > limit:
        raise Rejected(f"{name}_too_long")
    return value


def _age(payload: dict) -> None:
    for name in ("age", "birth_year"):
        value = payload.get(name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            raise Rejected(f"{name}_invalid")
        age = value if name == "age" else datetime.now(UTC).year - value
        if age < AGE_MIN:
            raise Rejected(f"{name}_under_16")
        if age > AGE_MAX:
            raise Rejected(f"{name}_out_of_range")
        return


def registration_fields(payload: dict, now: str) -> dict:
    """The stored columns of a create/amend payload, or Rejected.

    The rules and limits of hostdesk.core.registrations.validate, field by field, without
    its soft phone check (libphonenumber would cost more than the rest of a batch) and
    without the catalogue: the hub may not know the desktop's jobs, so any code is taken.
    """
    for name in TEXT_FIELDS:
        value = payload.get(name)
        if value is not None and not isinstance(value, str):
            raise Rejected(f"{name}_invalid")
    code = _text(payload, "job_code", ID_MAX)
    if not code:
        raise Rejected("job_code_missing")
    name = _text(payload, "name", 10_000, free=True)
    if not any(unicodedata.category(ch)[0] not in "ZC" for ch in name):
        raise Rejected("name_missing")
    if len(name) > NAME_MAX:
        raise Rejected("name_too_long")
    phone = payload.get("phone") or ""
    if not phone:
        raise Rejected("phone_empty")
    if not PHONE_RE.fullmatch(phone):
        raise Rejected("phone_not_mobile")
    _age(payload)
    gender = _text(payload, "gender", 10)
    if gender not in GENDERS:
        raise Rejected("gender_invalid")
    fields = {
        "job_code": code,
        "job_title": _text(payload, "job_title", TITLE_MAX, free=True),
        "session_id": _text(payload, "session_id", ID_MAX),
        "name": name,
        "phone": phone,
        "age": payload.get("age"),
        "birth_year": None if payload.get("age") is not None else payload.get("birth_year"),
        "gender": gender,
        "current_city": _text(payload, "current_city", CITY_MAX, free=True),
        "expected_city": _text(payload, "expected_city", CITY_MAX, free=True),
        "note": _text(payload, "note", NOTE_MAX, multiline=True, free=True),
        "source": payload.get("source") or Source.PHONE.value,
        "consent_method": payload.get("consent_method") or "",
        "notice_version": _text(payload, "notice_version", NOTICE_VERSION_MAX),
    }
    if fields["source"] not in SOURCES:
        raise Rejected("source_invalid")
    if fields["consent_method"] not in CONSENTS:
        raise Rejected("consent_method_invalid")
    if not fields["notice_version"]:
        raise Rejected("notice_version_invalid")
    for name in TIME_FIELDS:
        fields[name] = parse_time(payload, name, now)
    return fields
