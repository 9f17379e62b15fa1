"""Render fixtures: the demo catalogue as jobs, and the bundled font family."""

from __future__ import annotations

import pytest

from hostdesk import resources
from hostdesk.core.jobs import Job
from hostdesk.sheets.jobs_import import plan_import


def demo_jobs() -> list[Job]:
    plan = plan_import(resources.path("demo/jobs.csv"))
    assert not plan.problems, plan.problems
    return [job for _, job in plan.jobs]


DEMO_JOBS = demo_jobs()


@pytest.fixture
def family(qapp) -> str:
    from hostdesk.render.fonts import load_fonts

    return load_fonts()
