"""Validation of a registration draft: every reason, the warnings, and the text kept exactly."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hostdesk.core.registrations import (
    CITY_MAX,
    NAME_MAX,
    NOTE_MAX,
    ConsentMethod,
    RegistrationDraft,
    RegistrationError,
    Source,
    validate,
)

BASE = RegistrationDraft(job_code="HX-001", name="张三", phone="13800138000", age=30)


def check(job_title="冰箱总装普工", job_open=True, **changes):
    return validate(replace(BASE, **changes), job_title=job_title, job_open=job_open, year=2026)


def reason_of(**kwargs) -> tuple[str, str, int | None]:
    with pytest.raises(RegistrationError) as info:
        check(**kwargs)
    return info.value.field, info.value.reason, info.value.limit


def test_a_good_draft():
    clean, warnings = check(
        source="walk_in", consent_method="written", current_city=" 深圳 ", note=" 夜班 "
    )
    assert warnings == []
    assert clean["phone"] == "13800138000"
    assert clean["job_title"] == "冰箱总装普工"
    assert clean["source"] is Source.WALK_IN
    assert clean["consent_method"] is ConsentMethod.WRITTEN
    assert (clean["current_city"], clean["note"]) == ("深圳", "夜班")
    assert clean["notice_version"] == "2026-11"


@pytest.mark.parametrize(
    "kwargs, expected",
    [
        ({"job_title": None}, ("job_code", "job_unknown", None)),
        ({"job_code": "  "}, ("job_code", "job_unknown", None)),
        ({"job_open": False}, ("job_code", "job_closed", None)),
        ({"name": ""}, ("name", "name_missing", None)),
        ({"name": " \u3000\t"}, ("name", "name_missing", None)),
        ({"name": "\u200b\u200f"}, ("name", "name_missing", None)),
        ({"name": "张" * (NAME_MAX + 1)}, ("name", "name_too_long", NAME_MAX)),
        ({"name": "张\x00三"}, ("name", "invalid_char", None)),
        ({"name": "张\n三"}, ("name", "invalid_char", None)),
        ({"name": "\ud83d张"}, ("name", "invalid_char", None)),
        ({"phone": ""}, ("phone", "phone_empty", None)),
        ({"phone": "010-88886666"}, ("phone", "phone_not_mobile", None)),
        ({"age": 15}, ("age", "under_16", 16)),
        ({"age": 81}, ("age", "age_out_of_range", 80)),
        ({"age": True}, ("age", "age_out_of_range", 80)),
        ({"age": None, "birth_year": 2011}, ("birth_year", "under_16", 16)),
        ({"age": None, "birth_year": 1940}, ("birth_year", "age_out_of_range", 80)),
        ({"gender": "其他"}, ("gender", "gender_invalid", None)),
        ({"current_city": "城" * (CITY_MAX + 1)}, ("current_city", "city_too_long", CITY_MAX)),
        ({"expected_city": "城" * (CITY_MAX + 1)}, ("expected_city", "city_too_long", CITY_MAX)),
        ({"current_city": "北\x00京"}, ("current_city", "invalid_char", None)),
        ({"note": "x" * (NOTE_MAX + 1)}, ("note", "note_too_long", NOTE_MAX)),
        ({"note": "x" * 10_000}, ("note", "note_too_long", NOTE_MAX)),
        ({"note": "a\x00b"}, ("note", "invalid_char", None)),
        ({"note": "a\x1b[2Jb"}, ("note", "invalid_char", None)),
        ({"source": "tiktok"}, ("source", "source_invalid", None)),
        ({"consent_method": "nod"}, ("consent_method", "consent_invalid", None)),
        ({"notice_version": " "}, ("notice_version", "consent_invalid", None)),
    ],
)
def test_every_reason(kwargs, expected):
    assert reason_of(**kwargs) == expected


def test_ages_and_birth_years():
    assert check(age=16)[1] == ["minor"]
    assert check(age=17)[1] == ["minor"]
    assert check(age=18)[1] == []
    assert check(age=80)[1] == []
    assert check(age=None)[0]["age"] is None
    clean, warnings = check(age=None, birth_year=2009)  # 17 in 2026
    assert (clean["age"], clean["birth_year"], warnings) == (None, 2009, ["minor"])
    assert check(age=40, birth_year=2015)[0]["age"] == 40  # a typed age wins


def test_unassigned_phone_warns():
    assert check(phone="14000000000")[1] == ["phone_unassigned"]
    assert check(phone="14000000000", age=17)[1] == ["minor", "phone_unassigned"]


@pytest.mark.parametrize(
    "name",
    [
        "王小明😀",
        "'); DROP TABLE registrations;--"[:NAME_MAX],
        "<b>张三</b>",
        "Zoe\u0308",  # not NFC/NFKC-normalised: kept as typed
        "ＡＢＣ",
        "%_\\",
    ],
)
def test_names_are_kept_exactly(name):
    assert check(name=name)[0]["name"] == name


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("\u202e张三", "张三"),  # right-to-left override
        ("张\u200b三", "张三"),  # zero-width space
        ("\ufeff张三\u200e", "张三"),  # byte order mark, left-to-right mark
        ("张三\U000e0041\U000e007f", "张三"),  # tag characters
        ("\u2066张\u2069三\u00ad", "张三"),  # isolates, soft hyphen
        ("张\u200d三", "张三"),  # a joiner between characters it cannot join
        ("👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧"),  # joiners inside an emoji: one picture, kept
        (" \u202e 张三 ", "张三"),  # stripped once the invisible ones are gone
    ],
)
def test_names_lose_invisible_characters(typed, stored):
    assert check(name=typed)[0]["name"] == stored


@pytest.mark.parametrize("name", ["\u202e", "\u200b\u200d\ufeff", "\U000e0001 \u2066"])
def test_a_name_of_invisible_characters_only_is_missing(name):
    assert reason_of(name=name) == ("name", "name_missing", None)


def test_cities_and_note_lose_invisible_characters_too():
    clean, _ = check(current_city="深\u202e圳", expected_city="\u200b东莞", note="夜\ufeff班\n白班")
    assert (clean["current_city"], clean["expected_city"], clean["note"]) == (
        "深圳",
        "东莞",
        "夜班\n白班",
    )


def test_note_keeps_lines_and_tabs():
    note = "第一行\n第二行\t制表\r\n<script>alert('x')</script>; DELETE FROM outbox"
    assert check(note=note)[0]["note"] == note


def test_error_text_has_no_personal_data():
    with pytest.raises(RegistrationError) as info:
        check(name="秘密名字" * 6)
    assert "秘密" not in str(info.value)
    assert "秘密" not in repr(replace(BASE, name="秘密"))
