"""Import a platform's lead export under /office/lead-import: upload, map the columns (guessed),
check (masked sample, repeats, bad rows), import. Administrators and recruiters.

Recruiters may import: they are the ones who download the day's leads from 抖音来客 or the
快手 back office, and everything imported lands on the desk they work. Employers may not.
Between the upload and the import the rows (personal data) wait in an owner-only file keyed
by the session, deleted at the import or within the hour. The rules: lead_import_plan.
"""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from hostdesk.hub import access
from hostdesk.hub.office import catalogue_plan as cp
from hostdesk.hub.office import lead_import_plan as plan
from hostdesk.hub.office.catalogue_text import upload_message
from hostdesk.hub.office.routes import (
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

HOME = f"{PATH}/lead-import"
router = APIRouter(include_in_schema=False)


async def _worker(request: Request) -> tuple[Staff | None, str, Response | None]:
    user, csrf, response = await _signed_in(request)
    if response is not None:
        return None, "", response
    if not access.works_leads(user):
        return None, "", await run_in_threadpool(
            _refuse, request, user, csrf, 403, "You may not do that.", "refused_lead_import",
            request.url.path[:80],
        )  # fmt: skip
    return user, csrf, None


def _form_page(request, user, csrf, status: int = 200, message: str = "", platform: str = ""):
    return _render(request, "lead_import.html", user, csrf, status, held=None,
                   message=message, platform=platform)  # fmt: skip


@router.get(HOME, response_class=HTMLResponse)
async def import_form(request: Request) -> Response:
    user, csrf, response = await _worker(request)
    return response or _form_page(request, user, csrf)


def _check_page(request, user, csrf, token: str, held: dict, mapping: dict[str, int],
                fallback: str, status: int = 200, message: str = "") -> Response:  # fmt: skip
    db = _office(request).db
    checked = plan.check(db, held["platform"], held["rows"], mapping, fallback)
    return _render(
        request, "lead_import.html", user, csrf, status, held=held, token=token,
        mapping=mapping, fallback=fallback, checked=checked, jobs=plan.catalogue_jobs(db),
        fields=plan.FIELDS, message=message, platform=held["platform"],
    )  # fmt: skip


@router.post(HOME, response_class=HTMLResponse)
async def upload(request: Request) -> Response:
    user, csrf, response = await _worker(request)
    if response is not None:
        return response
    length = request.headers.get("content-length", "")
    if not length.isdigit() or int(length) > cp.UPLOAD_MAX + 64 * 1024:
        return _form_page(request, user, csrf, 413, upload_message("too_big"))
    data, name, sent, platform = None, "", "", ""
    try:
        async with request.form(max_files=1, max_fields=8) as form:
            sent, platform = form.get("csrf", ""), form.get("platform", "")
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
    platform = platform if platform in plan.PLATFORMS else "import"
    if not data:
        return _form_page(request, user, csrf, 422, upload_message("no_file" if not name else "empty"), platform)  # fmt: skip
    office = _office(request)

    def read():
        try:
            table = cp.read_upload(data, name, plan.LEAD_HEADER)
        except cp.UploadError as exc:
            status = 413 if exc.reason == "too_big" else 422
            return _form_page(request, user, csrf, status, upload_message(exc.reason), platform)
        if not table.rows:
            return _form_page(request, user, csrf, 422, upload_message("no_rows"), platform)
        held = {"platform": platform, "headers": table.headers,
                "rows": [[n, cells] for n, cells in table.rows]}  # fmt: skip
        token = cp.hold_data(office.secret, csrf, "leads", held)
        return _check_page(request, user, csrf, token, held, plan.guess(table.headers), "")

    return await run_in_threadpool(read)


def _mapping(form, headers: list[str]) -> dict[str, int]:
    found = {}
    for name in plan.FIELDS:
        raw = _field(form, f"map_{name}")
        if raw.isascii() and raw.isdigit() and int(raw) < len(headers):
            found[name] = int(raw)
    return found


@router.post(f"{HOME}/confirm", response_class=HTMLResponse)
async def confirm(request: Request) -> Response:
    user, csrf, form, refusal = await _post(request)
    if refusal is not None:
        return refusal
    if not access.works_leads(user):
        return await run_in_threadpool(
            _refuse, request, user, csrf, 403, "You may not do that.", "refused_lead_import", "confirm"
        )  # fmt: skip
    office = _office(request)
    token, fallback = _field(form, "token"), _field(form, "fallback")[:64]
    importing = _field(form, "action") == "import"

    def run():
        try:
            held = cp.held_data(office.secret, csrf, "leads", token, use=False)
        except cp.UploadError as exc:
            return _form_page(request, user, csrf, 409, upload_message(exc.reason))
        mapping = _mapping(form, held["headers"])
        if "phone" not in mapping or "name" not in mapping:
            return _check_page(request, user, csrf, token, held, mapping, fallback, 422,
                               "Choose the phone and name columns.")  # fmt: skip
        if not importing:
            return _check_page(request, user, csrf, token, held, mapping, fallback)
        checked = plan.check(office.db, held["platform"], held["rows"], mapping, fallback)
        try:  # used once: a second click finds it gone
            cp.held_data(office.secret, csrf, "leads", token)
        except cp.UploadError as exc:
            return _form_page(request, user, csrf, 409, upload_message(exc.reason))
        stored = plan.store(office.db, user.name, held["platform"], checked)
        return _render(request, "lead_import.html", user, csrf, held=None, done=True,
                       stored=stored, repeat=checked.repeat, platform=held["platform"])  # fmt: skip

    return await run_in_threadpool(run)
