"""The viewers' sign-up page behind the QR code: GET/POST /j/{code}, the success page, static.

A plain HTML form (works without JavaScript; /static/signup.js only checks as you type),
rendered by Jinja2 with autoescaping. Every POST passes, in order: the per-IP rate limit,
the same-origin check, the job (open), the CSRF token, the honeypot, the field checks;
then one write transaction stores the sign-up unless the same phone signed up for the
same job on this page in the last 24 h. Page text: see signup_form's docstring.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote, urlsplit

import jinja2
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import select, text
from starlette.concurrency import run_in_threadpool

from hostdesk.core.age import format_age
from hostdesk.core.jobs import Job
from hostdesk.core.salary import format_pay
from hostdesk.hub import ingest, signup_form
from hostdesk.hub.auth import RateLimiter
from hostdesk.hub.checks import iso
from hostdesk.hub.db import HubDB
from hostdesk.hub.limits import BodyLimit
from hostdesk.hub.models import JOBS, REGS, TOKENS

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
PAGE_MAX_BODY = 16 * 1024  # the form is a few hundred bytes; the API's 1 MiB is not needed
# Viewers on one mobile carrier often share an address (CGNAT), so the default is generous.
DEFAULT_PAGE_RATE_LIMIT = 20  # sign-up POSTs per client IP per PAGE_RATE_WINDOW
PAGE_RATE_WINDOW = 60.0
DEFAULT_RETENTION_DAYS = 180
REPEAT_WINDOW = timedelta(hours=24)  # same phone, same job: one row
DONE_COOKIE = "hd_done"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",  # the form may hold what the viewer typed
}


def _asset_version() -> str:
    digest = hashlib.sha256()
    for path in sorted((HERE / "static").iterdir()):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


@dataclass
class Settings:
    agency: str
    retention_days: int
    secret: bytes
    limiter: RateLimiter
    env: jinja2.Environment
    asset_version: str


def settings(request: Request) -> Settings:
    return request.app.state.signup


def _render(
    request_or_settings, template: str, status: int = 200, headers=None, **context
) -> HTMLResponse:
    page = request_or_settings
    if not isinstance(page, Settings):
        page = settings(page)
    html = page.env.get_template(template).render(
        agency=page.agency, retention_days=page.retention_days, v=page.asset_version, **context
    )
    return HTMLResponse(html, status_code=status, headers={**HEADERS, **(headers or {})})


def error_page(request: Request, status: int, kind: str, headers=None) -> HTMLResponse:
    """The friendly page for a refused request: kind is origin, rate, too_large, bad, internal."""
    return _render(request, "error.html", status, headers, kind=kind)


def _load_job(db: HubDB, code: str) -> dict | None:
    with db.read() as conn:
        data = conn.execute(select(JOBS.c.data).where(JOBS.c.code == code)).scalar()
    return json.loads(data) if data else None


def _summary(data: dict) -> dict:
    """What the page shows of a job, formatted as the job card formats it (hostdesk.core)."""
    job = Job.from_json(data)
    pay = format_pay(job.pay) or job.pay.text.strip()
    return {
        "code": job.code, "title": job.title, "company": job.company.strip(),
        "city": job.city.strip(), "pay": pay, "benefits": [b for b in job.benefits if b.strip()],
        "shift": job.shift.strip(), "age": format_age(job.age_min, job.age_max),
        "urgent": job.urgent, "status": job.status.value,
    }  # fmt: skip


def _job_or_page(request: Request, code: str) -> tuple[dict | None, HTMLResponse | None]:
    data = _load_job(request.app.state.hub.db, code)
    if data is None:
        return None, _render(request, "closed.html", 404, state="unknown")
    job = _summary(data)
    if job["status"] != "open":
        return None, _render(request, "closed.html", 410, state=job["status"], job=job)
    return job, None


def _same_origin(request: Request) -> bool:
    """Origin (else Referer), when sent, names this host: as the browser or the proxy saw it."""
    hosts = {request.headers.get("host", "").lower()}
    forwarded = request.headers.get("x-forwarded-host")
    if forwarded:
        hosts.add(forwarded.split(",")[0].strip().lower())
    for header in ("origin", "referer"):
        value = request.headers.get(header)
        if value is not None:
            netloc = urlsplit(value).netloc.lower()
            return bool(netloc) and netloc in hosts
    return True


def _form_page(request: Request, job: dict, status: int = 200, **context) -> HTMLResponse:
    page = settings(request)
    context.setdefault("typed", {})
    context.setdefault("errors", {})
    context.setdefault("session", request.query_params.get("s", ""))
    context.setdefault("device", request.query_params.get("d", ""))
    return _render(
        request, "job.html", status, job=job,
        csrf=signup_form.csrf_token(page.secret, job["code"]),
        messages=json.dumps(signup_form.MESSAGES, ensure_ascii=False),
        limits=json.dumps(signup_form.limits()), honeypot=signup_form.HONEYPOT, **context,
    )  # fmt: skip


def _to_done(code: str, phone: str) -> RedirectResponse:
    """Post/redirect/get to the success page. The number's last four digits (shown there)
    ride in a short cookie, not the URL: URLs end up in access logs."""
    path = f"/j/{quote(code, safe='')}/done"
    response = RedirectResponse(path, 303, headers=HEADERS)
    if phone:
        response.set_cookie(
            DONE_COOKIE, phone[-4:], max_age=600, path=path, httponly=True, samesite="strict"
        )
    return response


def _store(db: HubDB, checked: signup_form.Checked, device_name: str) -> bool:
    """One row unless this phone signed up for this job here in the last 24 h; True if new."""
    fields = checked.fields
    since = iso(datetime.fromisoformat(fields["created_at"]) - REPEAT_WINDOW)
    with db.read() as conn:
        device = conn.execute(
            select(TOKENS.c.name).where(TOKENS.c.name == device_name, TOKENS.c.admin.is_(False))
        ).scalar()
    with db.write() as conn:
        # origin as a literal: the planner may then use the partial (job_code, phone) index.
        repeat = conn.execute(
            select(REGS.c.id)
            .where(REGS.c.job_code == fields["job_code"], REGS.c.phone == fields["phone"])
            .where(text("origin = 'hub'"), REGS.c.status == "active", REGS.c.created_at >= since)
            .limit(1)
        ).first()
        if repeat is not None:
            conn.info.pop("seq", None)  # the counter locked by HubDB.write stays unchanged
            return False
        ingest.insert_hub_registration(
            conn, fields, str(uuid.uuid4()), device=device,
            employer_consent=checked.employer_consent,
        )  # fmt: skip
    return True


router = APIRouter(include_in_schema=False)


@router.get("/j/{code}", response_class=HTMLResponse)
def show_form(request: Request, code: str) -> Response:
    job, refusal = _job_or_page(request, code)
    return refusal or _form_page(request, job)


@router.post("/j/{code}", response_class=HTMLResponse)
async def submit(request: Request, code: str) -> Response:
    page = settings(request)
    wait = page.limiter.check(request.client.host if request.client else "unknown")
    if wait is not None:
        return error_page(request, 429, "rate", {"Retry-After": str(wait)})
    if not _same_origin(request):
        return error_page(request, 403, "origin")
    job, refusal = await run_in_threadpool(_job_or_page, request, code)
    if refusal is not None:
        return refusal
    try:
        async with request.form(max_files=0, max_fields=50) as form:
            fields = {k: v for k, v in form.items() if isinstance(v, str)}
    except Exception as exc:  # a malformed body: starlette's parsers raise several kinds
        log.info("sign-up form unreadable: %s", type(exc).__name__)
        return error_page(request, 400, "bad")
    session = signup_form.clean_session(fields.get("s", ""))
    device = fields.get("d", "")
    now = iso(datetime.now(UTC))
    checked = signup_form.check(
        fields, code=job["code"], title=job["title"], session_id=session, now=now
    )
    kept = {"typed": checked.typed, "consent": checked.consent,
            "employer_consent": checked.employer_consent, "session": fields.get("s", ""),
            "device": device}  # fmt: skip
    if not signup_form.csrf_ok(page.secret, job["code"], fields.get("csrf", "")):
        errors = {**checked.errors, "csrf": signup_form.MESSAGES["csrf"]}
        return _form_page(request, job, 403, errors=errors, **kept)
    if fields.get(signup_form.HONEYPOT, ""):
        # Answered exactly like a success, so a bot learns nothing; nothing is stored.
        return _to_done(job["code"], checked.phone)
    if checked.errors:
        return _form_page(request, job, 422, errors=checked.errors, **kept)
    created = await run_in_threadpool(_store, request.app.state.hub.db, checked, device)
    log.debug("sign-up page: job %s, %s", job["code"], "stored" if created else "repeat")
    return _to_done(job["code"], checked.phone)


@router.get("/j/{code}/done", response_class=HTMLResponse)
def done(request: Request, code: str) -> Response:
    data = _load_job(request.app.state.hub.db, code)
    n = request.cookies.get(DONE_COOKIE, "")
    tail = n if len(n) == 4 and n.isascii() and n.isdigit() else ""
    return _render(request, "done.html", title=data["title"] if data else "", tail=tail)


def install(app: FastAPI, db: HubDB, *, agency: str, retention_days: int, rate_limit: int) -> None:
    """Mount the page, its static files and its body limit on `app` (create_app calls it)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every value is escaped: job text and what viewers type is text
        trim_blocks=True,
        lstrip_blocks=True,
    )
    page = Settings(
        agency=agency.strip(),
        retention_days=retention_days,
        secret=db.page_secret(),
        limiter=RateLimiter(rate_limit, PAGE_RATE_WINDOW),
        env=env,
        asset_version=_asset_version(),
    )
    app.state.signup = page
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    too_large = _render(page, "error.html", 413, kind="too_large")
    headers = tuple(
        (k.encode(), v.encode()) for k, v in HEADERS.items()
    )  # the 413 is sent before any route runs
    app.add_middleware(
        BodyLimit, limit=PAGE_MAX_BODY, prefix="/j/", page=too_large.body, headers=headers
    )
