"""A sign-up sheet for an employer, by the hub's rule (issue 14 item 4): only viewers who
ticked the separate employer consent, still signed up; their names and numbers in full (the
consent is for exactly that); employer-facing columns only (no internal ids, show codes,
notice versions or sync states), in the hub's employer export's order."""

from __future__ import annotations

from collections.abc import Collection, Generator
from pathlib import Path

from hostdesk.core.registrations import Registration, RegQuery, RegStatus
from hostdesk.sheets.registrations_export import (
    _local,
    frozen_query,
    iter_query,
    write_rows_steps,
)

# As hostdesk/hub/employer_leads.py's HEADER: the same sheet whoever makes it.
EMPLOYER_HEADERS = ("姓名", "手机号", "岗位", "报名时间", "年龄", "期望城市")


def for_employer(reg: Registration, job_codes: Collection[str] | None = None) -> bool:
    """The employer may receive this sign-up: consent ticked, not withdrawn, one of its jobs."""
    if not reg.employer_consent or reg.status != RegStatus.ACTIVE:
        return False
    return job_codes is None or reg.job_code in job_codes


def employer_row(reg: Registration) -> list[str | int | None]:
    """One sign-up as the employer's cells, in EMPLOYER_HEADERS order, unmasked."""
    return [reg.name, reg.phone, reg.job_title, _local(reg.created_at)[:16], reg.age,
            reg.expected_city]  # fmt: skip


def employer_export_steps(
    service, query: RegQuery, path: Path, *, job_codes: Collection[str] | None = None
) -> Generator[tuple[int, int], None, int]:
    """What `query` matches (a show, ended or not, by its session_id; a job) that the
    employer may receive, to `path` (.xlsx or .csv); yields (done, total), returns the count.

    `job_codes`: the employer's jobs (None: every job the query matches). The file appears
    whole or not at all.
    """
    query = frozen_query(query)
    regs = (r for r in iter_query(service.list, query) if for_employer(r, job_codes))
    # No total: the consent is checked row by row, so the query's count would overstate it.
    return (
        yield from write_rows_steps(
            (employer_row(r) for r in regs), path, total=0, headers=EMPLOYER_HEADERS
        )
    )
