"""The sign-up page's form: its messages, the checks (the hub's own rules), the CSRF token.

The page is for viewers in mainland China and the hub never imports Qt, so its text is
not in Qt's translation system: every string the page shows is Chinese and lives here
(messages) or in hostdesk/hub/templates/ (the page copy), nowhere else.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string
import time
import unicodedata
from dataclasses import dataclass, field

from hostdesk.core.phone import PhoneError, normalize_phone
from hostdesk.core.registrations import AGE_MAX, AGE_MIN, CITY_MAX, NAME_MAX
from hostdesk.hub.checks import Rejected, registration_fields

NOTICE_VERSION = "qr-2026-11"  # the privacy notice in templates/job.html; change both together
CSRF_MAX_AGE = 6 * 3600  # seconds a form may stay open before its token expires
CSRF_SKEW = 300  # seconds of clock difference tolerated between hub workers
SESSION_MAX = 64
HONEYPOT = "website"  # the hidden field only a bot fills in
DEVICE_MAX = 64  # d=: a token name; anything longer or not printable names no device
VISITOR_COOKIE = "hd_v"  # random per browser: the form's CSRF token is bound to it
VISITOR_BYTES = 18
VISITOR_LENGTH = 24  # token_urlsafe(18)
TOKEN_ID_BYTES = 12
TOKEN_ID_LENGTH = 16  # token_urlsafe(12)
_URLSAFE = frozenset(string.ascii_letters + string.digits + "-_")

# Reason code → what the viewer reads. The same table goes to signup.js through data-*
# attributes on the form, so the browser and the server can never word a rule differently.
MESSAGES = {
    "name_missing": "请填写称呼，例如：张先生",
    "name_too_long": f"称呼最多 {NAME_MAX} 个字",
    "name_invalid_char": "称呼里有无法识别的字符，请重新输入",
    "phone_empty": "请填写手机号",
    "phone_not_mobile": "请填写 11 位手机号，例如 138 0013 8000",
    "age_missing": "请填写年龄",
    "age_invalid": "年龄请填数字，例如 25",
    "age_under_16": f"很抱歉，这个岗位要求年满 {AGE_MIN} 周岁。等你满 {AGE_MIN} 岁再来报名吧！",
    "age_out_of_range": f"年龄请填 {AGE_MIN} 到 {AGE_MAX} 之间的数字",
    "expected_city_too_long": f"期望城市最多 {CITY_MAX} 个字",
    "expected_city_invalid_char": "期望城市里有无法识别的字符，请重新输入",
    "consent_missing": "请先勾选同意，我们才能联系你",
    "csrf": "页面停留太久了，请再点一次“提交报名”",
}
# The form's fields, in page order, and which reason codes belong to which field.
FIELDS = ("name", "phone", "age", "expected_city", "consent")
_FIELD_OF = {"birth_year": "age"}

# A sign-up the hub's rules accept, used to check one field at a time: each field's
# message comes from checks.registration_fields itself, so the page cannot drift from
# what every other hub write enforces.
_VALID = {
    "job_code": "J", "name": "名", "phone": "13800138000", "age": 30, "source": "qr",
    "consent_method": "checkbox", "notice_version": NOTICE_VERSION,
}  # fmt: skip


@dataclass
class Checked:
    """What the viewer typed (kept for a re-render), the messages, and the row's fields."""

    typed: dict[str, str]
    consent: bool
    employer_consent: bool
    errors: dict[str, str] = field(default_factory=dict)  # field → message
    phone: str = ""  # normalised, when valid
    fields: dict | None = None  # registration_fields' columns when there is no error


def _text(form, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""  # an uploaded file is not text


def limits() -> dict[str, int]:
    """The numbers signup.js needs, from the same constants as the server's rules."""
    return {"name-max": NAME_MAX, "city-max": CITY_MAX, "age-min": AGE_MIN, "age-max": AGE_MAX}


def parse_age(typed: str) -> int | None:
    """Whole years typed in any width ("２５" is 25); None when it is not a plain number."""
    value = unicodedata.normalize("NFKC", typed).strip()
    if not value.isascii() or not value.isdigit() or len(value) > 3:
        return None
    return int(value)


def _problem(name: str, value) -> str | None:
    try:
        registration_fields({**_VALID, name: value}, "2000-01-01T00:00:00+00:00")
    except Rejected as exc:
        return exc.reason
    return None


def check(form, *, code: str, title: str, session_id: str, now: str) -> Checked:
    """Every field checked (all messages at once), then the whole row by the hub's rules."""
    typed = {n: _text(form, n) for n in ("name", "phone", "age", "expected_city")}
    out = Checked(
        typed=typed,
        consent=_text(form, "consent") == "yes",
        employer_consent=_text(form, "employer_consent") == "yes",
    )
    reasons: dict[str, str] = {}
    if problem := _problem("name", typed["name"]):
        reasons["name"] = problem
    try:
        out.phone = normalize_phone(typed["phone"])
    except PhoneError as exc:
        reasons["phone"] = f"phone_{exc.reason}"
    age = parse_age(typed["age"])
    if not typed["age"].strip():
        reasons["age"] = "age_missing"
    elif age is None:
        reasons["age"] = "age_invalid"
    elif problem := _problem("age", age):
        reasons["age"] = problem
    if problem := _problem("expected_city", typed["expected_city"]):
        reasons["expected_city"] = problem
    if not out.consent:
        reasons["consent"] = "consent_missing"
    if not reasons:
        payload = {
            **typed, "job_code": code, "job_title": title, "session_id": session_id,
            "phone": out.phone, "age": age, "source": "qr", "consent_method": "checkbox",
            "notice_version": NOTICE_VERSION, "consented_at": now,
        }  # fmt: skip
        try:
            out.fields = registration_fields(payload, now)
        except Rejected as exc:  # a rule the field checks above did not cover
            name = exc.reason.rsplit("_", 2)[0]
            reasons[_FIELD_OF.get(name, name if name in FIELDS else "name")] = exc.reason
    out.errors = {f: MESSAGES.get(r, MESSAGES["name_invalid_char"]) for f, r in reasons.items()}
    return out


def clean_session(value: str) -> str:
    """The desktop's session id from s=: kept only when it is short printable ASCII."""
    ok = 0 < len(value) <= SESSION_MAX and value.isascii() and value.isprintable()
    return value if ok else ""


def clean_device(value: str) -> str:
    """The PC's token name from d=: kept only when it is short and printable (no NUL or
    control character reaches a query); anything else credits the sign-up to no device."""
    return value if 0 < len(value) <= DEVICE_MAX and value.isprintable() else ""


def new_visitor() -> str:
    """The random value of a visitor's cookie, to which their form's tokens are bound."""
    return secrets.token_urlsafe(VISITOR_BYTES)


def clean_visitor(value: str) -> str:
    """The visitor cookie when it is one this hub could have made, else ""."""
    ok = len(value) == VISITOR_LENGTH and all(c in _URLSAFE for c in value)
    return value if ok else ""


@dataclass(frozen=True)
class Token:
    """A CSRF token that checked out: its random id (spent once) and when it expires."""

    id: str
    expires: int


def csrf_token(secret: bytes, code: str, visitor: str, now: float | None = None) -> str:
    """issued.id.signature: for this job and this visitor's cookie; `id` is random."""
    issued = int(time.time() if now is None else now)
    token_id = secrets.token_urlsafe(TOKEN_ID_BYTES)
    return f"{issued}.{token_id}.{_sign(secret, code, visitor, issued, token_id)}"


def csrf_check(
    secret: bytes, code: str, visitor: str, token: str, now: float | None = None
) -> Token | None:
    """The token, when this hub made it for this job and this visitor less than
    CSRF_MAX_AGE ago; whether it was spent already is the database's to say."""
    issued, _, rest = token.partition(".")
    token_id, _, signature = rest.partition(".")
    if not issued.isascii() or not issued.isdigit() or len(issued) > 12 or not visitor:
        return None
    if len(token_id) != TOKEN_ID_LENGTH or not all(c in _URLSAFE for c in token_id):
        return None
    age = (time.time() if now is None else now) - int(issued)
    if not -CSRF_SKEW <= age <= CSRF_MAX_AGE:
        return None
    if not hmac.compare_digest(signature, _sign(secret, code, visitor, int(issued), token_id)):
        return None
    return Token(token_id, int(issued) + CSRF_MAX_AGE + CSRF_SKEW)


def _sign(secret: bytes, code: str, visitor: str, issued: int, token_id: str) -> str:
    message = f"signup|{code}|{visitor}|{issued}|{token_id}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()[:40]
