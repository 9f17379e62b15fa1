"""Mobile numbers: every documented way of typing one, the rejects, masks and the keyed hash."""

from __future__ import annotations

import re

import pytest

from hostdesk.core.phone import (
    PhoneError,
    mask_name,
    mask_phone,
    normalize_phone,
    phone_hash,
    phone_warning,
)


@pytest.mark.parametrize(
    "typed",
    [
        "13800138000",
        "+8613800138000",
        "+86 138 0013 8000",
        "0086 138-0013-8000",
        "008613800138000",
        "86 13800138000",
        "8613800138000",
        "(+86) 138 0013 8000",
        "（+86）138-0013-8000",
        "１３８００１３８０００",
        "＋８６　１３８　００１３　８０００",
        "138.0013.8000",
        "138—0013—8000",
        "138－0013－8000",
        "[138] 0013 8000",
        "【138】00138000",
        "138\u200b0013\u200b8000",
        "\u200f13800138000",
        " \t13800138000\n",
    ],
)
def test_every_documented_form_normalises(typed):
    assert normalize_phone(typed) == "13800138000"


def test_86_prefix_only_when_eleven_digits_follow():
    # "86" then 11 digits is a prefix; 13 digits starting 1 must not lose anything.
    assert normalize_phone("8615912345678") == "15912345678"
    with pytest.raises(PhoneError):
        normalize_phone("861591234567")  # 86 + 10 digits


@pytest.mark.parametrize(
    "typed, reason",
    [
        ("", "empty"),
        ("   ", "empty"),
        ("()-", "empty"),
        ("138001380001", "not_mobile"),  # 12 digits
        ("1380013800", "not_mobile"),  # 10 digits
        ("23800138000", "not_mobile"),  # 2xxxxxxxxxx
        ("12800138000", "not_mobile"),  # 12x is not a mobile range
        ("010-88886666", "not_mobile"),  # Beijing landline
        ("0755-8888 8888", "not_mobile"),  # Shenzhen landline
        ("+1 415 555 0100", "not_mobile"),
        ("+86 +86 13800138000", "not_mobile"),
        ("1380013800a", "not_mobile"),
        ("١٣٨٠٠١٣٨٠٠٠", "not_mobile"),  # Arabic-Indic digits are not a Chinese number
        ("138\x0000138000", "not_mobile"),
    ],
)
def test_rejects(typed, reason):
    with pytest.raises(PhoneError) as info:
        normalize_phone(typed)
    assert info.value.reason == reason


def test_error_message_never_contains_the_number():
    with pytest.raises(PhoneError) as info:
        normalize_phone("138 0013 80001")
    assert not re.search(r"\d{4}", str(info.value))


def test_unassigned_ranges_are_only_a_warning():
    # These pass the hard rule ^1[3-9]\d{9}$ but no operator has them (libphonenumber).
    for number in ("14000000000", "15400000000", "16000000000", "17900000000", "19400000000"):
        assert re.fullmatch(r"1[3-9]\d{9}", number)
        assert normalize_phone(number) == number
        assert phone_warning(number) == "unassigned"
    for number in ("13800138000", "15912345678", "17712345678", "19912345678", "16212345678"):
        assert phone_warning(number) is None


def test_masks():
    assert mask_phone("13800135678") == "138****5678"
    assert mask_phone("") == ""
    assert mask_phone("123") == "***"
    # Always two stars, as on the overlay: the mask never tells the name's length.
    assert mask_name("张三") == mask_name("张三丰") == mask_name("张") == "张**"
    assert mask_name("欧阳娜娜") == "欧**"
    assert mask_name("") == mask_name("  ") == ""
    assert mask_name("Zoë") == "Z**"
    # A name stored before names were cleaned: never a lone override or an invisible mask.
    assert mask_name("\u202e张三") == "张**"
    assert mask_name("\u200b\ufeff") == ""


def test_phone_hash_is_keyed():
    a, b = b"a" * 32, b"b" * 32
    assert phone_hash(a, "13800138000") == phone_hash(a, "13800138000")
    assert phone_hash(a, "13800138000") != phone_hash(b, "13800138000")
    assert phone_hash(a, "13800138000") != phone_hash(a, "13800138001")
    assert re.fullmatch(r"[0-9a-f]{64}", phone_hash(a, "13800138000"))
