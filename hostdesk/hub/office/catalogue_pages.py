"""The catalogue on the web under /office/catalogue: upload a sheet, preview, publish; edit,
close and reopen a job. Administrators only.

An agency's recruiters work leads; what goes on air and onto the sign-up page is the
administrator's (as `PUT /api/v1/jobs` is admin-only), so a recruiter or an employer asking
for any of these pages is refused and logged. The sheet goes through the desktop's importer
and compliance lint (catalogue_plan); every change goes through hostdesk.hub.catalogue's
per-job versions, so a job changed meanwhile (by a PC's publish or another admin) is shown
as a conflict, never overwritten. Uploads and edits are in the audit log.
"""

from __future__ import annotations

import hmac
import json
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from hostdesk.core.age import age_label
from hostdesk.hub import catalogue, staff
from hostdesk.hub.models import JOBS
from hostdesk.hub.office import catalogue_plan as cp
from hostdesk.hub.office.catalogue_text import catalogue_note, upload_message
from hostdesk.hub.office.routes import (
    HEADERS,
    PATH,
    _field,
    _office,
    _post,
    _refuse,
    _render,
    _same_origin,
    _signed_in,
)  # fmt: skip
from hostdesk.hub.staff import Staff

HOME = f"{PATH}/catalogue"
BODY_SLACK = 64 * 1024  # the form's other fields and the multipart framing
router = APIRouter(include_in_schema=False)


async def _admin(request: Request) -> tuple[Staff | None, str, Response | None]:
    """An administrator's session, else the login redirect or the logged refusal."""
    user, csrf, response = await _signed_in(request)
    if response is not None:
        return None, "", response
    if user.role != "admin":
        return None, "", await run_in_threadpool(
            _refuse, request, user, csrf, 403, "You may not do that.", "refused_catalogue",
            request.url.path[:80],
        )  # fmt: skip
    return user, csrf, None


def _list_page(request: Request, user: Staff, csrf: str, status: int = 200, **context):
    with _office(request).db.read() as conn:
        rows = conn.execute(
            select(JOBS.c.code, JOBS.c.data, JOBS.c.version, JOBS.c.updated_by, JOBS.c.updated_at)
            .order_by(JOBS.c.position, JOBS.c.code)
        ).all()  # fmt: skip
    jobs = [{"code": r.code, "version": r.version, "by": r.updated_by, "at": r.updated_at,
             **json.loads(r.data)} for r in rows]  # fmt: skip
    for job in jobs:  # the band read, else the age as the sheet wrote it
        job["age"] = age_label(job.get("age_min"), job.get("age_max"), job.get("age_text") or "")
    return _render(request, "catalogue.html", user, csrf, status, jobs=jobs, **context)


@router.get(HOME, response_class=HTMLResponse)
async def job_list(request: Request) -> Response:
    user, csrf, response = await _admin(request)
    if response is not None:
        return response
    done = request.query_params.get("done", "")
    return await run_in_threadpool(_list_page, request, user, csrf, done=done[:20])


@router.get(f"{HOME}/upload", response_class=HTMLResponse)
async def upload_form(request: Request) -> Response:
    user, csrf, response = await _admin(request)
    return response or _render(request, "catalogue_upload.html", user, csrf, preview=None)


def _upload_refused(request, user, csrf, reason: str, status: int = 422) -> Response:
    return _render(request, "catalogue_upload.html", user, csrf, status, preview=None,
                   message=upload_message(reason))  # fmt: skip


@router.post(f"{HOME}/upload", response_class=HTMLResponse)
async def upload(request: Request) -> Response:
    """The sheet → the preview (nothing written). The body is bounded before it is parsed
    (hostdesk.hub.limits lets these paths past its 1 MiB, up to UPLOAD_BODY)."""
    user, csrf, response = await _admin(request)
    if response is not None:
        return response
    length = request.headers.get("content-length", "")
    if not length.isdigit() or int(length) > cp.UPLOAD_MAX + BODY_SLACK:
        return _upload_refused(request, user, csrf, "too_big", 413)
    data, name, sent = None, "", ""
    try:
        async with request.form(max_files=1, max_fields=8) as form:
            sent = form.get("csrf", "")
            upload = form.get("file")
            if isinstance(upload, UploadFile):
                name = (upload.filename or "")[-120:]
                data = await upload.read(cp.UPLOAD_MAX + 1)
    except Exception:  # a malformed body: Starlette's parsers raise several kinds
        sent = ""
    good = isinstance(sent, str) and hmac.compare_digest(sent.encode(), csrf.encode())
    if not (_same_origin(request) and good):
        message = "The form expired or came from elsewhere: reload the page and try again."
        return await run_in_threadpool(
            _refuse, request, user, csrf, 403, message, "csrf_refused", request.url.path[:80]
        )
    if not data:
        return _upload_refused(request, user, csrf, "no_file" if not name else "empty")
    office = _office(request)

    def plan():
        try:
            preview = cp.plan_upload(office.db, data, name)
        except cp.UploadError as exc:
            return _upload_refused(request, user, csrf, exc.reason, 413 if exc.reason == "too_big" else 422)  # fmt: skip
        preview.token = cp.hold(office.secret, csrf, preview)
        staff.record(office.db, user.name, "catalogue_preview", f"{len(preview.jobs)} jobs",
                     " ".join(f"{k}={v}" for k, v in preview.counts.items()))  # fmt: skip
        return _render(request, "catalogue_upload.html", user, csrf, preview=preview,
                       note_text=catalogue_note)  # fmt: skip

    return await run_in_threadpool(plan)


@router.post(f"{HOME}/publish", response_class=HTMLResponse)
async def publish(request: Request) -> Response:
    user, csrf, form, refusal = await _post(request)
    if refusal is not None:
        return refusal
    if user.role != "admin":
        return await run_in_threadpool(
            _refuse, request, user, csrf, 403, "You may not do that.", "refused_catalogue", "publish"
        )  # fmt: skip
    office = _office(request)

    def run():
        try:
            items = cp.take_held(office.secret, csrf, _field(form, "token"))
        except cp.UploadError as exc:
            return _upload_refused(request, user, csrf, exc.reason, 409)
        outcomes = cp.publish(office.db, user.name, items, "catalogue_upload", f"{len(items)} jobs")
        titles = {job["code"]: job["title"] for job, _base in items}
        status = 409 if any(o.status == catalogue.CONFLICT for o in outcomes) else 200
        return _render(request, "catalogue_done.html", user, csrf, status, results=outcomes,
                       titles=titles)  # fmt: skip

    return await run_in_threadpool(run)


def _code(raw: str) -> str | None:
    return raw if 0 < len(raw) <= 64 and raw.isascii() and raw.isprintable() else None


def _job_page(request, user, csrf, code: str, status: int = 200, *, values=None, base=None,
              notes=(), message: str = "", conflict=None) -> Response:  # fmt: skip
    found = cp.current(_office(request).db, code)
    if found is None:
        return _refuse(request, user, csrf, 404, "No such job.", "not_found", code[:80])
    job, version, by, at = found
    return _render(
        request, "catalogue_job.html", user, csrf, status, code=code, job=job, version=version,
        by=by, at=at, values=values or cp.form_values(job), base=version if base is None else base,
        notes=notes, note_text=catalogue_note, message=message, conflict=conflict,
        fields=list(cp.FORM_FIELDS), done=request.query_params.get("done", "")[:20],
    )  # fmt: skip


@router.get(f"{HOME}/job/{{raw}}", response_class=HTMLResponse)
async def job_form(request: Request, raw: str) -> Response:
    user, csrf, response = await _admin(request)
    if response is not None:
        return response
    code = _code(raw)
    if code is None:
        return await run_in_threadpool(
            _refuse, request, user, csrf, 404, "No such job.", "not_found", raw[:20]
        )
    return await run_in_threadpool(_job_page, request, user, csrf, code)


def _base(form) -> int | None:
    raw = _field(form, "base")
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 10 else None


async def _job_post(request: Request, raw: str, change) -> Response:
    """A POST on one job: an admin, the CSRF token, a known job; `change(job, form, user,
    csrf)` gives the
    new job JSON (or a response); published against the form's base version."""
    user, csrf, form, refusal = await _post(request)
    if refusal is not None:
        return refusal
    code = _code(raw)
    if user.role != "admin" or code is None:
        status, message, action = (403, "You may not do that.", "refused_catalogue") if user.role != "admin" else (404, "No such job.", "not_found")  # fmt: skip
        return await run_in_threadpool(_refuse, request, user, csrf, status, message, action, raw[:40])  # fmt: skip
    office = _office(request)

    def run():
        found = cp.current(office.db, code)
        base = _base(form)
        if found is None or base is None:
            return _refuse(request, user, csrf, 404, "No such job.", "not_found", code)
        made = change(found[0], form, user, csrf)
        if isinstance(made, Response):
            return made
        new_job, action, values, notes = made
        (outcome,) = cp.publish(office.db, user.name, [(new_job, base)], action, code)
        if outcome.status == catalogue.CONFLICT:
            now = cp.current(office.db, code)
            return _job_page(request, user, csrf, code, 409, values=values,
                             base=now[1] if now else base, notes=notes,
                             conflict={"by": outcome.updated_by, "at": outcome.updated_at,
                                       "version": outcome.version})  # fmt: skip
        if notes:  # saved, with its warnings shown on the form
            return _job_page(request, user, csrf, code, notes=notes, message="saved")
        return RedirectResponse(f"{HOME}/job/{quote(code, safe='')}?done={action}", 303, headers=HEADERS)  # fmt: skip

    return await run_in_threadpool(run)


@router.post(f"{HOME}/job/{{raw}}", response_class=HTMLResponse)
async def job_save(request: Request, raw: str) -> Response:
    def change(job, form, user, csrf):
        values = {name: _field(form, name)[:5000] for name in cp.FORM_FIELDS}
        new_job, notes = cp.plan_form(job["code"], values, job.get("status") or "open")
        if new_job is None:
            return _job_page(request, user, csrf, job["code"], 422, values=values,
                             base=_base(form), notes=notes, message="refused")  # fmt: skip
        return new_job, "catalogue_edit", values, notes

    return await _job_post(request, raw, change)


@router.post(f"{HOME}/job/{{raw}}/status", response_class=HTMLResponse)
async def job_status(request: Request, raw: str) -> Response:
    def change(job, form, user, csrf):
        to = _field(form, "to")
        if to not in ("open", "closed"):
            return _refuse(request, user, csrf, 422, "Bad request.",
                           "refused_catalogue", job["code"])  # fmt: skip
        return cp.with_status(job, to), "catalogue_reopen" if to == "open" else "catalogue_close", None, []  # fmt: skip

    return await _job_post(request, raw, change)
