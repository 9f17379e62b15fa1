"""An employer's leads: the page's rows and the xlsx export (streamed), by one rule (access).

No HTTP. Which rows: hostdesk.hub.access.employer_rows (its jobs, the employer consent ticked,
still active); their shape: access.employer_shape. The export reads the rows in batches and
writes them with openpyxl's write-only workbook (rows go to a temporary file as they come),
so memory stays flat however many rows there are; each export is one audit row (who, which
company and job, how many rows; never a name or number).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from sqlalchemy import func, select

from hostdesk.hub import access
from hostdesk.hub.db import HubDB
from hostdesk.hub.leads import CHINA, jobs_map
from hostdesk.hub.models import REGS
from hostdesk.hub.staff import Staff, audit

PAGE_SIZE = 100
BATCH = 1000  # rows fetched per round trip while exporting
# The export's header, in access.EMPLOYER_COLUMNS' order: the employer reads Chinese.
HEADER = ("姓名", "手机号", "岗位", "报名时间", "年龄", "期望城市")
_COLUMNS = (REGS.c.id, REGS.c.job_code, REGS.c.job_title, REGS.c.name, REGS.c.phone,
            REGS.c.age, REGS.c.expected_city, REGS.c.created_at)  # fmt: skip
_ORDER = (REGS.c.created_at.desc(), REGS.c.id.desc())


class NotYours(LookupError):
    """A job that is not the company's (or no such job): refused like any foreign id."""


@dataclass
class EmployerPage:
    company: str
    jobs: dict[str, str]  # the company's job codes → titles, the job filter's choices
    rows: list[dict]  # employer-shaped (access.employer_shape)
    total: int
    page: int
    pages: int


def china_time(value: str) -> str:
    try:
        return datetime.fromisoformat(value).astimezone(CHINA).strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return ""


def _scope(all_jobs: dict[str, dict], company: str, job: str) -> list[str]:
    codes = access.employer_jobs(company, all_jobs)
    if job:
        if job not in codes:
            raise NotYours(job)
        return [job]
    return codes


def companies(db: HubDB) -> list[str]:
    """The catalogue's employers: the agency's choices for "export for employer X"."""
    with db.read() as conn:
        jobs = jobs_map(conn)
    return sorted({j["company"].strip() for j in jobs.values() if j["company"].strip()})


def page_of(db: HubDB, company: str, job: str = "", page: int = 1) -> EmployerPage:
    """One page of `company`'s visible leads (newest first); NotYours for a foreign job."""
    with db.read() as conn:
        all_jobs = jobs_map(conn)
        where = access.employer_rows(_scope(all_jobs, company, job))
        total = conn.execute(select(func.count()).select_from(REGS).where(where)).scalar_one()
        pages = max(1, -(-total // PAGE_SIZE))
        page = min(max(1, page), pages)
        found = conn.execute(
            select(*_COLUMNS).where(where).order_by(*_ORDER)
            .limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)
        ).all()  # fmt: skip
    own = {c: all_jobs[c]["title"] for c in access.employer_jobs(company, all_jobs)}
    rows = [access.employer_shape(dict(r._mapping), all_jobs) for r in found]
    return EmployerPage(company, own, rows, total, page, pages)


def _rows(db: HubDB, company: str, job: str) -> Iterator[dict]:
    with db.read() as conn:
        all_jobs = jobs_map(conn)
        where = access.employer_rows(_scope(all_jobs, company, job))
        # yield_per: a server-side cursor on PostgreSQL, batches on SQLite: never all rows.
        result = conn.execution_options(yield_per=BATCH).execute(
            select(*_COLUMNS).where(where).order_by(*_ORDER)
        )
        for row in result:
            yield access.employer_shape(dict(row._mapping), all_jobs)


def _text(sheet, value: str | None) -> str | WriteOnlyCell:
    """A value stored as text, always: a name such as "=HYPERLINK(…)" must not become a
    formula (openpyxl reads a leading "=" so). Only those get a cell object: it costs."""
    value = value or ""
    if not value.startswith("="):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


def export(db: HubDB, who: Staff, company: str, job: str, path: Path) -> int:
    """Write `company`'s visible leads (of `job`, or all its jobs) as xlsx to `path`; the
    export is audited. Returns how many rows. NotYours for a foreign job (nothing written)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("报名名单")
    sheet.append(HEADER)
    count = 0
    for row in _rows(db, company, job):
        sheet.append([
            _text(sheet, row["name"]), _text(sheet, row["phone"]), _text(sheet, row["job_title"]),
            china_time(row["created_at"]), row["age"], _text(sheet, row["expected_city"]),
        ])  # fmt: skip
        count += 1
    book.save(path)
    with db.write() as conn:
        conn.info.pop("seq", None)
        audit(conn, who.name, "export", company[:80], f"job={job or '*'} rows={count}")
    return count
