"""The demo catalogue in resources/demo imports cleanly and covers the seed article's employers."""

from __future__ import annotations

from pathlib import Path

from hostdesk.core.compliance import WORDLIST_RULE_IDS, WordLists, lint_job
from hostdesk.sheets.jobs_import import plan_import

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DEMO = RESOURCES / "demo" / "jobs.csv"
EMPLOYERS = {"歌尔股份", "海信", "澳柯玛", "雷沃", "上汽集团", "欧派家居", "三全食品", "群创光电"}
CITIES = {"北京", "天津", "青岛", "烟台", "威海", "潍坊"}


def test_demo_catalogue_imports_without_problems():
    assert DEMO.read_bytes().startswith(b"\xef\xbb\xbf")
    plan = plan_import(DEMO)
    assert plan.problems == []
    jobs = [job for _, job in plan.jobs]
    assert 20 <= len(jobs) <= 25
    assert {job.company for job in jobs} == EMPLOYERS
    assert {job.city for job in jobs} >= CITIES
    assert len({job.code for job in jobs}) == len(jobs)
    assert any(job.urgent for job in jobs) and not all(job.urgent for job in jobs)
    assert len({job.pay.unit for job in jobs}) >= 3, "monthly, hourly and daily pay"
    assert {job.pay.note for job in jobs} >= {"综合工资", "底薪+计件", "面议"}


def test_demo_catalogue_passes_the_compliance_lint():
    # The demo goes on air in trainings: it must not teach hosts wording the platforms punish.
    words = WordLists.from_texts(
        {
            rule: (RESOURCES / "wordlists" / f"{rule}.txt").read_text("utf-8")
            for rule in WORDLIST_RULE_IDS
        }
    )
    jobs = [job for _, job in plan_import(DEMO).jobs]
    assert [warning for job in jobs for warning in lint_job(job, words)] == []
    for job in jobs:
        assert job.age_min is not None and job.age_min >= 18, job.code
        assert job.title and job.pay.text and job.benefits and job.shift, job.code
