"""The job catalogue use cases: import, export, lint and the demo catalogue."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hostdesk import resources
from hostdesk.core.compliance import LintWarning, WordLists, lint_job
from hostdesk.core.jobs import Job
from hostdesk.sheets.jobs_export import export_jobs
from hostdesk.sheets.jobs_import import ImportPlan, plan_import
from hostdesk.store.jobs_repo import JobRepository, UpsertResult

DEMO_CATALOGUE = "demo/jobs.csv"


@dataclass(frozen=True)
class ImportOutcome:
    plan: ImportPlan
    result: UpsertResult  # what was written, or for a dry run what would be
    dry_run: bool


class CatalogueService:
    def __init__(self, repo: JobRepository, wordlists: WordLists):
        self.repo = repo
        self.wordlists = wordlists

    def import_file(self, path: Path, *, dry_run: bool = False) -> ImportOutcome:
        """Valid rows are written in one transaction; SheetError means nothing changed."""
        plan = plan_import(path)
        jobs = [job for _row, job in plan.jobs]
        result = self.repo.upsert_many(jobs, dry_run=dry_run)
        return ImportOutcome(plan=plan, result=result, dry_run=dry_run)

    def export(self, path: Path) -> int:
        return export_jobs(self.repo.list_jobs(), path)

    def lint(self, jobs: list[Job] | None = None) -> list[LintWarning]:
        jobs = self.repo.list_jobs() if jobs is None else jobs
        return [w for job in jobs for w in lint_job(job, self.wordlists)]

    def load_demo_if_empty(self) -> bool:
        """First run: an empty catalogue gets the demo jobs so the window is not blank."""
        if self.repo.count():
            return False
        self.import_file(resources.path(DEMO_CATALOGUE))
        return True
