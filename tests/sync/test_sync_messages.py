"""Sync reasons and attention reasons as sentences (source texts; the translator is tested apart)."""

from __future__ import annotations

import pytest

from hostdesk import i18n
from hostdesk import messages as m
from hostdesk.sync import client


@pytest.fixture(autouse=True)
def english(qapp):
    i18n.install("en")  # the English source texts, whatever an earlier test installed
    yield
    i18n.install("zh_CN")


@pytest.mark.parametrize(
    "reason",
    [client.NETWORK, client.SERVER, client.CAPTIVE_PORTAL, client.UNAUTHORIZED,
     client.FORBIDDEN, client.BAD_URL, client.NOT_CONFIGURED],
)  # fmt: skip
def test_every_status_reason_has_a_sentence(reason):
    assert m.sync_reason(reason) != reason and len(m.sync_reason(reason)) > 20


def test_no_reason_no_sentence():
    assert m.sync_reason("") == ""
    assert [m.sync_state_name(s) for s in ("online", "offline", "paused", "disabled")] == [
        "Online", "Offline", "Paused", "Sync off",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("reason", "expected"),
    [
        ("rejected:phone_not_mobile", "because of Phone"),
        ("rejected:job_code_unknown", "because of Job"),
        ("rejected:age_under_16", "because of Age"),
        ("conflict:version", "changed in the meantime"),
        ("conflict:fingerprint", "different copy"),
        ("conflict:withdrawn", "different copy"),
        ("rejected:unknown_registration", "does not have this sign-up"),
        ("rejected:not_owner", "only the agency can change it"),
        ("rejected:erased", "erased this person's data"),
        ("rejected:http_413", "(http_413)"),
    ],
)
def test_attention_reasons_say_what_to_do(reason, expected):
    assert expected in m.sync_attention_reason(reason)
