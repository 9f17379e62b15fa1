"""Whether a job may go on air now: allowed, needs the assistant's confirmation, or refused.

The one place these rules live: the console asks before a take, rotation asks before it
steps, the on-air service asks again before it shows (a job may have closed meanwhile).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from hostdesk.core.compliance import LintWarning
from hostdesk.core.jobs import Job, JobStatus


class Verdict(StrEnum):
    ALLOWED = "allowed"
    CONFIRM = "confirm"  # compliance warnings: the assistant must choose to show it
    REFUSED = "refused"


class Refusal(StrEnum):
    """Why a job may not go on air (the console words it for the status bar)."""

    UNKNOWN = "unknown"  # not in the catalogue
    CLOSED = "closed"  # no longer recruiting: putting it on air would collect dead sign-ups
    UNCONFIRMED = "unconfirmed"  # warnings, and nobody is there to confirm (rotation)


@dataclass(frozen=True)
class TakeAnswer:
    verdict: Verdict
    reason: Refusal | None = None  # set when refused
    warnings: tuple[LintWarning, ...] = ()  # set when a confirmation is needed

    @property
    def allowed(self) -> bool:
        return self.verdict is Verdict.ALLOWED


def refusal(job: Job | None) -> Refusal | None:
    """Why `job` can never go on air as it is (None: it can, warnings aside)."""
    if job is None:
        return Refusal.UNKNOWN
    if job.status == JobStatus.CLOSED:
        return Refusal.CLOSED
    return None


def judge(
    job: Job | None,
    warnings: Sequence[LintWarning] = (),
    *,
    confirmed: bool = False,
    manual: bool = True,
) -> TakeAnswer:
    """The answer for a take of `job` with its compliance `warnings`.

    `confirmed`: the assistant already chose to show this job despite its warnings.
    `manual`: a person pressed the key (rotation never asks: it skips such a job).
    """
    reason = refusal(job)
    if reason is not None:
        return TakeAnswer(Verdict.REFUSED, reason)
    if warnings and not confirmed:
        if not manual:
            return TakeAnswer(Verdict.REFUSED, Refusal.UNCONFIRMED, tuple(warnings))
        return TakeAnswer(Verdict.CONFIRM, warnings=tuple(warnings))
    return TakeAnswer(Verdict.ALLOWED)
