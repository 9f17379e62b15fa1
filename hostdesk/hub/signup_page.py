"""The viewers' sign-up page behind the QR code: GET/POST /j/{code}, the success page, static.

A plain HTML form (works without JavaScript; /static/signup.js only checks as you type),
rendered by Jinja2 with autoescaping. Every page GET is rate limited per client address.
Every POST passes, in order: the per-IP rate limit, the same-origin check (Origin or
Referer must name this host: a POST with neither is refused), the job (open), the CSRF
token (made for this job and bound to the visitor's cookie), the honeypot, the field
checks; then one write transaction spends the token (once only, across every process)
and stores the sign-up unless the same phone signed up for the same job on this page in
the last 24 h. Limits live in the database on PostgreSQL (hostdesk.hub.ratelimit).
Page text: see signup_form's docstring.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote, urlsplit

import jinja2
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import delete, select, text
from sqlalchemy.dialects import postgresql, sqlite
from starlette.concurrency import run_in_threadpool

from hostdesk.core.age import age_label
from hostdesk.core.jobs import Job
from hostdesk.core.salary import format_pay
from hostdesk.hub import ingest, page_opens, signup_form
from hostdesk.hub.checks import iso
from hostdesk.hub.db import HubDB
from hostdesk.hub.limits import BodyLimit
from hostdesk.hub.models import JOBS, REGS, SPENT_TOKENS, TOKENS
from hostdesk.hub.ratelimit import Limiter, make_limiter
from hostdesk.hub.signup_form import VISITOR_COOKIE

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
PAGE_MAX_BODY = 16 * 1024  # the form is a few hundred bytes; the API's 1 MiB is not needed
# Viewers on one mobile carrier often share an address (CGNAT), so the default is generous.
DEFAULT_PAGE_RATE_LIMIT = 20  # sign-up POSTs per client IP per PAGE_RATE_WINDOW
GETS_PER_POST = 3  # page GETs allowed per POST allowed, unless set apart (60 per minute)
PAGE_RATE_WINDOW = 60.0
CODE_MAX = 64  # as the catalogue's codes: a longer or unprintable one names no job
SPENT_PURGE_EVERY = 600.0  # seconds between removals of spent tokens that expired anyway
DEFAULT_RETENTION_DAYS = 180
REPEAT_WINDOW = timedelta(hours=24)  # same phone, same job: one row
DONE_COOKIE = "hd_done"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}
HEADERS = {
    **SECURITY_HEADERS,
    "Cache-Control": "no-store",  # the form may hold what the viewer typed
}


class SecureStaticFiles(StaticFiles):
    """/static/ with the pages' security headers (a script or style is a page's part too)."""

    async def get_response(self, path: str, scope) -> Response:
        response = await super().get_response(path, scope)
        response.headers.update(SECURITY_HEADERS)
        return response


def _asset_version() -> str:
    digest = hashlib.sha256()
    for path in sorted((HERE / "static").iterdir()):
        if path.is_file():  # vendor/ holds libraries versioned by their own release
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


@dataclass
class Settings:
    agency: str
    retention_days: int
    secret: bytes
    limiter: Limiter  # POSTs per client address
    get_limiter: Limiter  # page GETs per client address
    env: jinja2.Environment
    asset_version: str
    purge_lock: threading.Lock
    purged_at: float = 0.0


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
    """The friendly page for a refused request: kind is origin, rate (POSTs), rate_view,
    too_large, bad, internal."""
    return _render(request, "error.html", status, headers, kind=kind)


def _secure(request: Request) -> bool:
    """Served over HTTPS: directly, or behind a trusted proxy (uvicorn applies its
    X-Forwarded-Proto only for --forwarded-allow-ips)."""
    return request.url.scheme == "https"


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _too_many(request: Request, limiter: Limiter, kind: str = "rate") -> HTMLResponse | None:
    """The 429 page when this client address is over `limiter`'s limit (counted here)."""
    wait = limiter.check(_client(request))
    if wait is None:
        return None
    return error_page(request, 429, kind, {"Retry-After": str(wait)})


def _valid_code(code: str) -> bool:
    """A code the catalogue could hold: others (NUL, control characters) never reach a query."""
    return 0 < len(code) <= CODE_MAX and code.isprintable()


def _load_job(db: HubDB, code: str) -> dict | None:
    if not _valid_code(code):
        return None
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
        "shift": job.shift.strip(), "age": age_label(job.age_min, job.age_max, job.age_text),
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
    """Origin (else Referer) names this host, as the browser or the proxy saw it. Browsers
    send Origin with every form POST; a request with neither is a script's: refused."""
    hosts = {request.headers.get("host", "").lower()}
    forwarded = request.headers.get("x-forwarded-host")
    if forwarded:
        hosts.add(forwarded.split(",")[0].strip().lower())
    for header in ("origin", "referer"):
        value = request.headers.get(header)
        if value is not None:
            netloc = urlsplit(value).netloc.lower()
            return bool(netloc) and netloc in hosts
    return False


def _visitor(request: Request) -> str:
    return signup_form.clean_visitor(request.cookies.get(VISITOR_COOKIE, ""))


def _form_page(request: Request, job: dict, status: int = 200, **context) -> HTMLResponse:
    """The form with a fresh token, bound to the visitor's cookie (made here when missing)."""
    page = settings(request)
    visitor = _visitor(request) or signup_form.new_visitor()
    context.setdefault("typed", {})
    context.setdefault("errors", {})
    context.setdefault("session", request.query_params.get("s", ""))
    context.setdefault("device", signup_form.clean_device(request.query_params.get("d", "")))
    response = _render(
        request, "job.html", status, job=job,
        csrf=signup_form.csrf_token(page.secret, job["code"], visitor),
        messages=json.dumps(signup_form.MESSAGES, ensure_ascii=False),
        limits=json.dumps(signup_form.limits()), honeypot=signup_form.HONEYPOT, **context,
    )  # fmt: skip
    # Set again on every form: its lifetime then covers the token's on this page.
    response.set_cookie(
        VISITOR_COOKIE, visitor, max_age=signup_form.CSRF_MAX_AGE, path="/j/",
        httponly=True, samesite="lax", secure=_secure(request),
    )  # fmt: skip
    return response


def _to_done(request: Request, code: str, phone: str) -> RedirectResponse:
    """Post/redirect/get to the success page (a path: never a host from the request). The
    number's last four digits (shown there) ride in a short cookie, not the URL: URLs end
    up in access logs."""
    path = f"/j/{quote(code, safe='')}/done"
    response = RedirectResponse(path, 303, headers=HEADERS)
    if phone:
        response.set_cookie(
            DONE_COOKIE, phone[-4:], max_age=600, path=path, httponly=True,
            samesite="strict", secure=_secure(request),
        )  # fmt: skip
    return response


def _spend(conn, token: signup_form.Token) -> bool:
    """Mark the token used inside the caller's transaction; False when it was used before."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    spent = conn.execute(
        dialect.insert(SPENT_TOKENS)
        .values(token_id=token.id, expires=token.expires)
        .on_conflict_do_nothing(index_elements=["token_id"])
        .returning(SPENT_TOKENS.c.token_id)
    ).first()
    return spent is not None


def _purge_due(page: Settings) -> bool:
    now = time.monotonic()
    with page.purge_lock:
        if page.purged_at and now - page.purged_at < SPENT_PURGE_EVERY:
            return False
        page.purged_at = now
        return True


def _store(
    db: HubDB, page: Settings, checked: signup_form.Checked, device_name: str,
    token: signup_form.Token,
) -> str:  # fmt: skip
    """One write transaction: spend the token, then one row unless this phone signed up for
    this job here in the last 24 h. "created", "repeat", or "spent" (the token was used
    before for another sign-up: nothing stored)."""
    fields = checked.fields
    since = iso(datetime.fromisoformat(fields["created_at"]) - REPEAT_WINDOW)
    device = None
    if device_name:
        with db.read() as conn:
            device = conn.execute(
                select(TOKENS.c.name).where(TOKENS.c.name == device_name, TOKENS.c.admin.is_(False))
            ).scalar()
    with db.write() as conn:
        if _purge_due(page):
            conn.execute(delete(SPENT_TOKENS).where(SPENT_TOKENS.c.expires < int(time.time())))
        fresh = _spend(conn, token)
        # origin as a literal: the planner may then use the partial (job_code, phone) index.
        repeat = conn.execute(
            select(REGS.c.id)
            .where(REGS.c.job_code == fields["job_code"], REGS.c.phone == fields["phone"])
            .where(text("origin = 'hub'"), REGS.c.status == "active", REGS.c.created_at >= since)
            .limit(1)
        ).first()
        if repeat is not None or not fresh:
            conn.info.pop("seq", None)  # the counter locked by HubDB.write stays unchanged
            # A double tap sends one token twice: the second lands on the success page too.
            return "repeat" if repeat is not None else "spent"
        ingest.insert_hub_registration(
            conn, fields, str(uuid.uuid4()), device=device,
            employer_consent=checked.employer_consent,
        )  # fmt: skip
    return "created"


router = APIRouter(include_in_schema=False)


@router.get("/j/{code}", response_class=HTMLResponse)
def show_form(request: Request, code: str) -> Response:
    if limited := _too_many(request, settings(request).get_limiter, "rate_view"):
        return limited
    job, refusal = _job_or_page(request, code)
    if job is not None:  # a page shown: the funnel's first step (anonymous, per minute)
        page_opens.count_open(request.app.state.hub.db, job["code"], request.query_params)
    return refusal or _form_page(request, job)


@router.get("/j/{code}/", response_class=HTMLResponse)
def trailing_slash(request: Request, code: str) -> Response:
    """An old or hand-typed link with a trailing slash: to the page, by path only (the
    framework's own redirect would name the host the request claimed)."""
    query = request.url.query
    path = f"/j/{quote(code, safe='')}" + (f"?{query}" if query else "")
    return RedirectResponse(path, 308, headers=HEADERS)


@router.post("/j/{code}", response_class=HTMLResponse)
async def submit(request: Request, code: str) -> Response:
    page = settings(request)
    if limited := await run_in_threadpool(_too_many, request, page.limiter):
        return limited
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
    device = signup_form.clean_device(fields.get("d", ""))
    now = iso(datetime.now(UTC))
    checked = signup_form.check(
        fields, code=job["code"], title=job["title"], session_id=session, now=now
    )
    kept = {"typed": checked.typed, "consent": checked.consent,
            "employer_consent": checked.employer_consent, "session": fields.get("s", ""),
            "device": device}  # fmt: skip
    token = signup_form.csrf_check(
        page.secret, job["code"], _visitor(request), fields.get("csrf", "")
    )
    if token is None:
        return _refused_token(request, job, checked, kept)
    if fields.get(signup_form.HONEYPOT, ""):
        # Answered exactly like a success, so a bot learns nothing; nothing is stored.
        return _to_done(request, job["code"], checked.phone)
    if checked.errors:
        return _form_page(request, job, 422, errors=checked.errors, **kept)
    outcome = await run_in_threadpool(
        _store, request.app.state.hub.db, page, checked, device, token
    )
    log.debug("sign-up page: job %s, %s", job["code"], outcome)
    if outcome == "spent":
        return _refused_token(request, job, checked, kept)
    return _to_done(request, job["code"], checked.phone)


def _refused_token(request: Request, job: dict, checked, kept: dict) -> HTMLResponse:
    """Missing, forged, expired, another visitor's or used: the form again, typing kept,
    with a fresh token (one more tap sends it)."""
    errors = {**checked.errors, "csrf": signup_form.MESSAGES["csrf"]}
    return _form_page(request, job, 403, errors=errors, **kept)


@router.get("/j/{code}/done", response_class=HTMLResponse)
def done(request: Request, code: str) -> Response:
    if limited := _too_many(request, settings(request).get_limiter, "rate_view"):
        return limited
    if not _valid_code(code):  # no job ever had it (a job closed since still thanks below)
        return _render(request, "closed.html", 404, state="unknown")
    data = _load_job(request.app.state.hub.db, code)
    n = request.cookies.get(DONE_COOKIE, "")
    tail = n if len(n) == 4 and n.isascii() and n.isdigit() else ""
    return _render(request, "done.html", title=data["title"] if data else "", tail=tail)


def install(
    app: FastAPI, db: HubDB, *, agency: str, retention_days: int, rate_limit: int,
    get_rate_limit: int | None = None,
) -> None:  # fmt: skip
    """Mount the page, its static files and its body limit on `app` (create_app calls it).
    `rate_limit`: POSTs per client address per minute; `get_rate_limit`: page GETs (None:
    GETS_PER_POST times the POST limit, so 0 turns both off); 0: no limit."""
    if get_rate_limit is None:
        get_rate_limit = GETS_PER_POST * rate_limit
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
        limiter=make_limiter(db, "page_post", rate_limit, PAGE_RATE_WINDOW),
        get_limiter=make_limiter(db, "page_get", get_rate_limit, PAGE_RATE_WINDOW),
        env=env,
        asset_version=_asset_version(),
        purge_lock=threading.Lock(),
    )
    app.state.signup = page
    app.include_router(router)
    app.mount("/static", SecureStaticFiles(directory=HERE / "static"), name="static")
    too_large = _render(page, "error.html", 413, kind="too_large")
    headers = tuple(
        (k.encode(), v.encode()) for k, v in HEADERS.items()
    )  # the 413 is sent before any route runs
    app.add_middleware(
        BodyLimit, limit=PAGE_MAX_BODY, prefix="/j/", page=too_large.body, headers=headers
    )
