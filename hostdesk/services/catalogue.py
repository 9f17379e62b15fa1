"""The job catalogue use cases: import, export, lint and the demo catalogue."""

from __future__ import annotations

from collections.abc import Collection, Generator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from hostdesk import resources
from hostdesk.core.compliance import LintWarning, WordLists, lint_job
from hostdesk.core.jobs import CODE_MAX_LEN, Job, JobStatus, make_code, valid_code
from hostdesk.sheets.jobs_export import export_jobs
from hostdesk.sheets.jobs_import import ImportPlan, plan_import
from hostdesk.store.jobs_repo import CodeTaken, JobRepository, UpsertResult

DEMO_CATALOGUE = "demo/jobs.csv"


class JobSaveError(ValueError):
    """A job the editor cannot save; nothing was written.

    `reason`: "title_missing", "code_invalid", "code_taken" (a new job with a code in use)
    or "not_found" (an edited or closed job that is no longer in the catalogue).
    """

    def __init__(self, reason: str, code: str):
        super().__init__(f"{reason}: {code!r}")
        self.reason = reason
        self.code = code


def unique_code(base: str, taken: Collection[str]) -> str:
    """`base`, or the first of base-2, base-3, … not in `taken`, within CODE_MAX_LEN."""
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = base[: CODE_MAX_LEN - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        number += 1


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

    def import_steps(
        self, plan: ImportPlan, *, chunk: int = 500
    ) -> Generator[tuple[int, int], None, ImportOutcome]:
        """Write a previewed plan's jobs, yielding (done, total) between chunks.

        All or nothing, as `import_file`: one transaction, committed after the last yield;
        closing the generator early (a cancelled import) rolls it back.
        """
        jobs = [job for _row, job in plan.jobs]
        result = yield from self.repo.upsert_steps(jobs, chunk=chunk)
        return ImportOutcome(plan=plan, result=result, dry_run=False)

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

    def codes(self) -> set[str]:
        return self.repo.codes()

    def suggest_code(self, job: Job, taken: Collection[str] | None = None) -> str:
        """The code a new job gets: as an import would make it, made unique if already used."""
        base = make_code(job.company, job.title, job.city)
        return unique_code(base, self.repo.codes() if taken is None else taken)

    def save_job(self, job: Job, *, new: bool) -> Job:
        """Write one job typed in the editor; returns it as stored. Raises JobSaveError.

        `new` refuses a code already in use rather than overwriting that job; otherwise the
        job with `job.code` is replaced. Either way it returns only after SQLite committed.
        """
        if not job.title.strip():
            raise JobSaveError("title_missing", job.code)
        if not valid_code(job.code):
            raise JobSaveError("code_invalid", job.code)
        job = replace(job, updated_at=datetime.now(UTC))
        if new:
            try:
                self.repo.insert(job)
            except CodeTaken:
                raise JobSaveError("code_taken", job.code) from None
        elif not self.repo.update(job):
            raise JobSaveError("not_found", job.code)
        return job

    def close_job(self, code: str) -> Job:
        """Stop recruiting for a job: it stays in the catalogue, closed (never taken on air)."""
        if not self.repo.set_status(code, JobStatus.CLOSED, datetime.now(UTC)):
            raise JobSaveError("not_found", code)
        job = self.repo.get(code)
        if job is None:  # deleted between the two statements
            raise JobSaveError("not_found", code)
        return job
