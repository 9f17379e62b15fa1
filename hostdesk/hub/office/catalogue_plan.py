"""The web catalogue's work without HTTP: an uploaded sheet read by the desktop's importer and
compliance lint, compared with the hub's jobs, held between preview and confirm, published
per job (hostdesk.hub.catalogue: a stale base is a conflict, never an overwrite)."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import select

from hostdesk import resources
from hostdesk.core.age import format_age
from hostdesk.core.compliance import WORDLIST_RULE_IDS, WordListError, WordLists, lint_job
from hostdesk.core.compliance import parse_wordlist as _parse_wordlist
from hostdesk.core.jobs import Job, JobStatus
from hostdesk.hub import catalogue, staff
from hostdesk.hub.db import HubDB
from hostdesk.hub.models import JOBS
from hostdesk.hub.schemas import Job as HubJob
from hostdesk.sheets.jobs_import import ImportPlan, plan_table
from hostdesk.sheets.reader import JOB_HEADER, Column, HeaderRule, SheetError, Table, read_table

UPLOAD_MAX = 5 * 1024 * 1024  # bytes: a sheet of thousands of jobs is well under it
HOLD_SECONDS = 3600  # a preview not confirmed within this is forgotten
HOLD_PREFIX = "hostdesk-catalogue-"
# The edit form's fields, each under the sheet header the importer reads it by: the form is
# checked by exactly the rules of an uploaded row.
FORM_FIELDS = {
    "title": "岗位", "company": "企业", "city": "地点", "salary": "薪资", "benefits": "福利",
    "headcount": "招聘人数", "age": "年龄", "shift": "班次", "requirements": "要求",
    "signup_url": "报名链接", "urgent": "急招",
}  # fmt: skip
STATUS_WORD = {"open": "招聘中", "paused": "暂停", "closed": "已关闭"}


class UploadError(Exception):
    """The whole file cannot be used: `reason` names the message (the sheet reader's reasons,
    plus too_big, no_rows and expired)."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Note:
    """One thing the preview says about a row: refused, a cell kept as written, a glyph the
    card lacks, or a compliance warning (`reason` "lint_<rule>")."""

    row: int
    kind: str  # refused | cell | glyph | lint
    reason: str
    column: str = ""
    text: str = ""
    first_row: int | None = None
    code: str = ""


@dataclass
class Planned:
    """A row as a job for the hub: its JSON, the change it makes, the version it is based on."""

    row: int
    job: dict
    change: str  # new | changed | same
    base: int


@dataclass
class Preview:
    """What publishing the sheet would do; nothing is written until it is confirmed."""

    header_row: int
    jobs: list[Planned]
    notes: list[Note]
    lint_ready: bool
    token: str = ""
    counts: dict[str, int] = field(default_factory=dict)


@cache
def wordlists() -> WordLists | None:
    """The bundled compliance lists (the desktop adds a PC's own); None when not installed."""
    try:
        folder = resources.path("wordlists")
        return WordLists({
            rule: _parse_wordlist((folder / f"{rule}.txt").read_text(encoding="utf-8-sig"))
            for rule in WORDLIST_RULE_IDS
        })  # fmt: skip
    except (OSError, WordListError, UnicodeDecodeError):
        return None


def hub_job(job: Job) -> dict | str:
    """The job as the hub stores it (its schema's dump), or the fields the hub refuses."""
    try:
        return HubJob.model_validate(job.to_json()).model_dump()
    except ValidationError as exc:
        return ", ".join(sorted({str(e["loc"][0]) for e in exc.errors() if e["loc"]})) or "job"


# lint field → sheet field
LINT_COLUMN = {"pay": "salary", "age_min": "age", "age_max": "age", "age_text": "age"}


def _lint_notes(job: Job, row: int, columns: dict[str, str], words: WordLists) -> list[Note]:
    """The compliance warnings of one job, each under the column as the sheet names it."""
    notes = []
    for w in lint_job(job, words):
        name = LINT_COLUMN.get(w.field, w.field)
        notes.append(Note(row, "lint", f"lint_{w.rule}", columns.get(name, name), w.text, code=job.code))  # fmt: skip
    return notes


def _notes(plan: ImportPlan) -> list[Note]:
    notes = []
    for p in plan.problems:
        notes.append(Note(p.row, "refused", p.reason, p.column, p.text, p.first_row))
    for p in plan.warnings:
        kind = "glyph" if p.reason == "glyph_missing" else "cell"
        notes.append(Note(p.row, kind, p.reason, p.column, p.text, p.first_row))
    return notes


def check_jobs(conn, plan: ImportPlan) -> tuple[list[Planned], list[Note], bool]:
    """The plan's jobs against the hub's (new, changed, same; the base version), with the
    lint's and the hub schema's notes added."""
    notes = _notes(plan)
    words = wordlists()
    current = dict(conn.execute(select(JOBS.c.code, JOBS.c.data)).all()) if plan.jobs else {}
    versions = catalogue.versions(conn) if plan.jobs else {}
    planned: list[Planned] = []
    for row, job in plan.jobs:
        stored = hub_job(job)
        if isinstance(stored, str):
            notes.append(Note(row, "refused", "invalid", "", stored, code=job.code))
            continue
        if words is not None:
            notes += _lint_notes(job, row, plan.columns, words)
        before = current.get(job.code)
        change = "new" if before is None else "same" if before == catalogue.job_text(stored) else "changed"  # fmt: skip
        planned.append(Planned(row, stored, change, versions.get(job.code, 0)))
    notes.sort(key=lambda n: (n.row, n.kind != "refused"))
    return planned, notes, words is not None


def read_upload(data: bytes, name: str, rule: HeaderRule = JOB_HEADER) -> Table:
    """An uploaded sheet (bytes) read as the desktop reads a file. Raises UploadError."""
    if len(data) > UPLOAD_MAX:
        raise UploadError("too_big")
    # An owner-only file, gone before this returns: the reader takes a path.
    handle, temp = tempfile.mkstemp(prefix="hostdesk-upload-", suffix=Path(name).suffix[:8])
    path = Path(temp)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        return read_table(path, rule)
    except SheetError as exc:
        raise UploadError(exc.reason, exc.detail) from None
    finally:
        path.unlink(missing_ok=True)


def plan_upload(db: HubDB, data: bytes, name: str) -> Preview:
    """The preview of an uploaded job sheet. Raises UploadError."""
    table = read_upload(data, name)
    plan = plan_table(table)
    if plan.rows_total == 0:
        raise UploadError("no_rows")
    with db.read() as conn:
        jobs, notes, lint_ready = check_jobs(conn, plan)
    counts = {key: sum(1 for j in jobs if j.change == key) for key in ("new", "changed", "same")}
    counts["refused"] = len({n.row for n in notes if n.kind == "refused"})
    return Preview(table.header_row, jobs, notes, lint_ready, counts=counts)


# --- A held upload between its preview and its confirmation, in an owner-only file keyed by
# the session (another browser or account cannot confirm it), gone once used or after an hour.


def _hold_dir() -> Path:
    return Path(tempfile.gettempdir())


def _hold_path(secret: bytes, session_csrf: str, kind: str, token: str) -> Path:
    key = hmac.new(secret, f"{kind}:{session_csrf}:{token}".encode(), hashlib.sha256)
    return _hold_dir() / f"{HOLD_PREFIX}{key.hexdigest()[:40]}.json"


def _purge_old(now: float) -> None:
    for path in _hold_dir().glob(f"{HOLD_PREFIX}*.json"):
        try:
            info = path.stat()
            if info.st_uid == os.getuid() and now - info.st_mtime > HOLD_SECONDS:
                path.unlink()
        except OSError:
            continue  # another process took it meanwhile


def hold_data(secret: bytes, session_csrf: str, kind: str, data) -> str:
    """Keep `data` (JSON) for this session; returns the token the page sends back."""
    _purge_old(time.time())
    token = secrets.token_urlsafe(18)
    path = _hold_path(secret, session_csrf, kind, token)
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False)
    return token


def held_data(secret: bytes, session_csrf: str, kind: str, token: str, *, use: bool = True):
    """The held data (`use`: the file is gone afterwards). Raises UploadError("expired")."""
    if not (10 <= len(token) <= 64 and token.replace("-", "").replace("_", "").isalnum()):
        raise UploadError("expired")
    path = _hold_path(secret, session_csrf, kind, token)
    try:
        if time.time() - path.stat().st_mtime > HOLD_SECONDS:
            path.unlink(missing_ok=True)
            raise OSError("too old")
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise UploadError("expired") from None
    if use:
        path.unlink(missing_ok=True)
    return data


def hold(secret: bytes, session_csrf: str, preview: Preview) -> str:
    """Keep the preview's jobs (no personal data) until confirmed."""
    items = [[p.job, p.base] for p in preview.jobs if p.change != "same"]
    return hold_data(secret, session_csrf, "catalogue", items)


def take_held(secret: bytes, session_csrf: str, token: str) -> list[tuple[dict, int]]:
    """The held jobs, once. Raises UploadError("expired")."""
    items = held_data(secret, session_csrf, "catalogue", token)
    return [(job, int(base)) for job, base in items]


def publish(db: HubDB, actor: str, items: list[tuple[dict, int]], action: str,
            object_id: str) -> list[catalogue.Outcome]:  # fmt: skip
    """Publish as `actor` and audit it in the same transaction (codes and counts only)."""
    with db.write() as conn:
        outcomes = catalogue.publish(conn, items, actor) if items else []
        done = {s: sum(1 for o in outcomes if o.status == s)
                for s in (catalogue.CREATED, catalogue.UPDATED, catalogue.CONFLICT)}  # fmt: skip
        detail = " ".join(f"{k}={v}" for k, v in done.items())
        if outcomes and done[catalogue.CONFLICT] == len(outcomes):
            action = "catalogue_conflict"  # nothing changed: not an edit, upload or close
        staff.audit(conn, actor, action, object_id, detail)
    return outcomes


# --- One job: the edit form through the importer's rules.


def current(db: HubDB, code: str) -> tuple[dict, int, str, str] | None:
    """(job JSON, version, updated_by, updated_at) of a hub job, or None."""
    with db.read() as conn:
        row = conn.execute(
            select(JOBS.c.data, JOBS.c.version, JOBS.c.updated_by, JOBS.c.updated_at)
            .where(JOBS.c.code == code)
        ).first()  # fmt: skip
    if row is None:
        return None
    return json.loads(row.data), row.version, row.updated_by, row.updated_at


def form_values(job: dict) -> dict[str, str]:
    """A hub job as the edit form shows it (the words a sheet would hold)."""
    return {
        "title": job.get("title") or "", "company": job.get("company") or "",
        "city": job.get("city") or "", "salary": job.get("salary_text") or "",
        "benefits": "、".join(job.get("benefits") or ()),
        "headcount": "" if job.get("headcount") is None else str(job["headcount"]),
        "age": job.get("age_text") or format_age(job.get("age_min"), job.get("age_max")),
        "shift": job.get("shift") or "", "requirements": job.get("requirements") or "",
        "signup_url": job.get("signup_url") or "", "urgent": "是" if job.get("urgent") else "否",
    }  # fmt: skip


def plan_form(code: str, values: dict[str, str], status: str) -> tuple[dict | None, list[Note]]:
    """The job the form describes, checked as a sheet row is (row 2 under a header of the
    importer's names); None when the row would be refused. Notes: every problem."""
    names = ["code", *FORM_FIELDS, "status"]
    headers = ["编号", *FORM_FIELDS.values(), "状态"]
    cells = [code, *(values.get(n, "") for n in FORM_FIELDS), STATUS_WORD.get(status, "招聘中")]
    table = Table(
        path=Path("form"), kind="form", header_row=1, headers=headers,
        columns={n: Column(i, h) for i, (n, h) in enumerate(zip(names, headers, strict=True))},
        rows=[(2, cells)],
    )  # fmt: skip
    plan = plan_table(table)
    notes = _notes(plan)
    if not plan.jobs:
        return None, notes
    job = plan.jobs[0][1]
    if job.code != code:  # the code cell itself was unusable: never a different job
        return None, [*notes, Note(2, "refused", "invalid", "", "code")]
    stored = hub_job(job)
    if isinstance(stored, str):
        return None, [*notes, Note(2, "refused", "invalid", "", stored)]
    words = wordlists()
    if words is not None:
        notes += _lint_notes(job, 2, plan.columns, words)
    return stored, notes


def with_status(job: dict, status: str) -> dict:
    return {**job, "status": JobStatus(status).value}
