"""The employer view under /office/employer: its consented leads, and their xlsx export.

An employer account sees its own company only; the agency (admin, recruiter) picks the
company ("export for employer X") and gets exactly the same rows. The rule is
hostdesk.hub.access (employer_company, employer_rows, employer_shape); reading and writing
the rows: hostdesk.hub.employer_leads. A foreign company or job is refused and logged.
"""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from hostdesk.hub import access, employer_leads
from hostdesk.hub.leads import CHINA
from hostdesk.hub.office.routes import (
    HEADERS,
    PATH,
    _field,
    _office,
    _post,
    _refuse,
    _render,
    _signed_in,
)  # fmt: skip
from hostdesk.hub.staff import Staff

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHUNK = 64 * 1024
router = APIRouter(include_in_schema=False)


def _clean(value: str, limit: int) -> str:
    value = value.strip()
    return value if len(value) <= limit and value.isprintable() else ""


def _company(db, user: Staff, asked: str) -> str | None:
    """The company `user` may open, known to the catalogue; None: refused."""
    company = access.employer_company(user, asked)
    if company is None:
        return None
    if user.role != "employer" and company not in employer_leads.companies(db):
        return None
    return company


def _page(request: Request, user: Staff, csrf: str, asked: str, job: str, page: int) -> Response:
    db = _office(request).db
    if user.role != "employer" and not asked:  # the agency: which employer first
        return _render(request, "employer_pick.html", user, csrf,
                       companies=employer_leads.companies(db))  # fmt: skip
    company = _company(db, user, asked)
    if company is None:
        return _refuse(request, user, csrf, 403, "You may not do that.", "refused_employer", asked[:80])  # fmt: skip
    try:
        view = employer_leads.page_of(db, company, job, page)
    except employer_leads.NotYours:
        return _refuse(request, user, csrf, 404, "No such job.", "refused_job", job[:80])
    return _render(request, "employer.html", user, csrf, view=view, job=job,
                   asked=asked if user.role != "employer" else "",
                   china_time=employer_leads.china_time)  # fmt: skip


@router.get(f"{PATH}/employer", response_class=HTMLResponse)
async def employer_view(request: Request) -> Response:
    user, csrf, response = await _signed_in(request)
    if response is not None:
        return response
    q = request.query_params
    raw_page = q.get("page", "")
    page = int(raw_page) if raw_page.isascii() and raw_page.isdigit() and len(raw_page) < 7 else 1
    return await run_in_threadpool(
        _page, request, user, csrf, _clean(q.get("company", ""), 100), _clean(q.get("job", ""), 64), page,
    )  # fmt: skip


def _filename(company: str) -> str:
    day = datetime.now(CHINA).strftime("%Y%m%d")
    return f"报名名单_{company}_{day}.xlsx".replace("/", "_").replace("\\", "_")


@router.post(f"{PATH}/employer/export")
async def export(request: Request) -> Response:
    user, csrf, form, refusal = await _post(request)
    if refusal is not None:
        return refusal
    asked, job = _clean(_field(form, "company"), 100), _clean(_field(form, "job"), 64)
    db = _office(request).db

    def write():  # one worker-thread trip: the rows, the file, the audit row
        company = _company(db, user, asked)
        if company is None:
            return _refuse(request, user, csrf, 403, "You may not do that.", "refused_export", asked[:80])  # fmt: skip
        handle, name = tempfile.mkstemp(prefix="hostdesk-export-", suffix=".xlsx")
        os.close(handle)
        path = Path(name)
        try:
            employer_leads.export(db, user, company, job, path)
            # Open, then gone from the disk at once: the people in it never outlive the
            # answer, even when the browser goes away mid-download (no clean-up to miss).
            stream = path.open("rb")
        except employer_leads.NotYours:
            return _refuse(request, user, csrf, 404, "No such job.", "refused_export", job[:80])
        finally:
            path.unlink(missing_ok=True)
        return stream, company

    done = await run_in_threadpool(write)
    if isinstance(done, Response):
        return done
    stream, company = done
    disposition = (
        f"attachment; filename=\"leads.xlsx\"; filename*=UTF-8''{quote(_filename(company))}"
    )
    return StreamingResponse(
        _chunks(stream), media_type=XLSX,
        headers={**HEADERS, "Content-Disposition": disposition, "Cache-Control": "no-store"},
    )  # fmt: skip


def _chunks(stream: BinaryIO):
    with stream:
        while chunk := stream.read(CHUNK):
            yield chunk
