"""Chinese mobile numbers: normalising what was typed, masking for the screen, keyed hashing."""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata

from hostdesk.core.text import strip_invisible

# Separators people type or paste between digit groups, after NFKC (which has already
# turned full-width digits, brackets, dashes, dots and spaces into ASCII): whitespace,
# ASCII and typographic dashes, dots, and every kind of bracket.
_SEPARATORS = re.compile(r"[\s\-.()\[\]{}【】〔〕〖〗「」『』‐‑‒–—―−﹣]")
MOBILE_RE = re.compile(r"1[3-9][0-9]{9}", re.ASCII)
# Longest first: "0086" must not be read as "00" + "86".
_PREFIXES = ("+86", "0086", "86")


class PhoneError(ValueError):
    """Not a usable mobile number. `reason`: "empty" or "not_mobile".

    The message never contains the number: errors are logged by the task bridge.
    """

    def __init__(self, reason: str):
        super().__init__(f"phone number rejected: {reason}")
        self.reason = reason


def _strip(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    # Zero-width and direction marks (category Cf) ride along when a number is copied
    # out of a chat app; they are invisible, so they cannot be what the person meant.
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return _SEPARATORS.sub("", text)


def normalize_phone(text: str) -> str:
    """The 11 digits of a mainland mobile number typed in any common way.

    Accepts full-width digits, spaces, dashes, dots, brackets (ASCII and full-width),
    invisible format characters, and a +86 / 0086 / 86 prefix (only when 11 digits
    follow it). The result must match ^1[3-9]\\d{9}$; otherwise PhoneError.
    """
    digits = _strip(text)
    if not digits:
        raise PhoneError("empty")
    for prefix in _PREFIXES:
        rest = digits[len(prefix) :]
        if digits.startswith(prefix) and len(rest) == 11:
            digits = rest
            break
    if not MOBILE_RE.fullmatch(digits):
        raise PhoneError("not_mobile")
    return digits


def phone_warning(phone: str) -> str | None:
    """ "unassigned" when libphonenumber does not know the number as a CN mobile, else None.

    A soft check only: new ranges open before the library's metadata hears of them, so
    the assistant may override it (the override is recorded with the registration).
    """
    import phonenumbers  # the core package only; its geocoder/carrier data is never loaded

    try:
        number = phonenumbers.parse(phone, "CN")
    except phonenumbers.NumberParseException:
        return "unassigned"
    mobile = (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    )
    if phonenumbers.is_valid_number_for_region(number, "CN") and (
        phonenumbers.number_type(number) in mobile
    ):
        return None
    return "unassigned"


def mask_phone(phone: str) -> str:
    """138****5678; "" stays "" (an erased number); anything short is masked whole."""
    if not phone:
        return ""
    if len(phone) < 8:
        return "*" * len(phone)
    return f"{phone[:3]}{'*' * (len(phone) - 7)}{phone[-4:]}"


def mask_name(name: str) -> str:
    """张三丰 → 张**: the first character and always two stars, so the length never shows.

    The one mask everywhere (the overlay's ticker, the desk, exports, the command line, the
    hub). Invisible format characters do not count: the kept one is never a lone override.
    """
    name = strip_invisible(name or "").strip()
    return f"{name[0]}**" if name else ""


def phone_hash(key: bytes, phone: str) -> str:
    """HMAC-SHA256 (hex) of the normalised number: duplicate checks without the number."""
    return hmac.new(key, phone.encode("ascii"), hashlib.sha256).hexdigest()
