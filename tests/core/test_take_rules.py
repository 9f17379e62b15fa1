"""The take rules: allowed, needs confirmation (with the warnings), refused (with the reason)."""

from __future__ import annotations

from dataclasses import replace

from hostdesk.core.compliance import LintWarning
from hostdesk.core.jobs import Job, JobStatus
from hostdesk.core.take_rules import Refusal, Verdict, judge, refusal

JOB = Job(code="X-1", title="普工")
WARNING = LintWarning(code="X-1", field="title", rule="gender", text="限男性")


def test_a_recruiting_job_without_warnings_is_allowed():
    answer = judge(JOB)
    assert answer.verdict is Verdict.ALLOWED and answer.allowed
    assert answer.reason is None and answer.warnings == ()
    assert judge(JOB, manual=False).allowed  # rotation may take it too


def test_warnings_need_the_assistants_confirmation_and_carry_them():
    answer = judge(JOB, [WARNING])
    assert answer.verdict is Verdict.CONFIRM and not answer.allowed
    assert answer.warnings == (WARNING,) and answer.reason is None


def test_confirmed_warnings_are_allowed_also_for_rotation():
    assert judge(JOB, [WARNING], confirmed=True).allowed
    assert judge(JOB, [WARNING], confirmed=True, manual=False).allowed


def test_rotation_never_asks_it_refuses_unconfirmed_warnings():
    answer = judge(JOB, [WARNING], manual=False)
    assert answer.verdict is Verdict.REFUSED and answer.reason is Refusal.UNCONFIRMED
    assert answer.warnings == (WARNING,)


def test_an_unknown_or_closed_job_is_refused_with_its_reason_even_when_confirmed():
    closed = replace(JOB, status=JobStatus.CLOSED)
    assert judge(None).reason is Refusal.UNKNOWN
    answer = judge(closed, [WARNING], confirmed=True)
    assert answer.verdict is Verdict.REFUSED and answer.reason is Refusal.CLOSED
    assert refusal(closed) is Refusal.CLOSED and refusal(None) is Refusal.UNKNOWN
    assert refusal(JOB) is None
