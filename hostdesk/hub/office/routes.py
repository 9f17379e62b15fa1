"""The staff's web desk under /office/: login, logout, password, the lead list and one lead.

Server-rendered (Jinja2, autoescaped) with one small script for the keyboard. Every POST
passes the same-origin check (as the sign-up page) and the session's CSRF token; a refusal
is a page (or JSON for the script) and a row in the audit log. Who sees and changes what:
hostdesk.hub.access; the rules of stages and calls: hostdesk.hub.leads.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from hostdesk.hub import access, leads, staff
from hostdesk.hub.db import HubDB
from hostdesk.hub.office import text
from hostdesk.hub.signup_page import HEADERS, SecureStaticFiles, _same_origin
from hostdesk.hub.staff import Staff

HERE = Path(__file__).resolve().parent
COOKIE = "hd_office"
LOGIN_COOKIE = "hd_office_login"  # binds the login form's CSRF token to this browser
PATH = "/office"
FORM_MAX_FIELDS = 600  # a bulk assignment sends one field per lead (leads.BULK_MAX)
REFUSALS = {
    "stale": "Someone changed this lead meanwhile: look again and retry.",
    "stage": "That change is not allowed from this stage.",
    "gone": "This sign-up was withdrawn or erased: it cannot be changed.",
    "owner": "That owner cannot take leads.",
    "note": "The note is too long (at most 200 characters).",
    "forbidden": "You may not do that.",
    "unknown": "No such lead.",
    "outcome": "Bad request.",
    "minutes": "A number from 1 to 1440.",
}
STATUS = {"unknown": 404, "forbidden": 403, "stale": 409, "gone": 409}


class Office:
    """What the routes share: the database, templates, the login form's secret."""

    def __init__(self, db: HubDB):
        self.db = db
        self.secret = db.page_secret()
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(HERE / "templates"),
            autoescape=True,  # every value shown is text: names, notes, job titles
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["china_time"] = _china_time
        digest = hashlib.sha256()
        for path in sorted((HERE / "static").iterdir()):
            digest.update(path.read_bytes())
        self.asset_version = digest.hexdigest()[:10]


def _office(request: Request) -> Office:
    return request.app.state.office


def _china_time(value: str, short: bool = True) -> str:
    try:
        moment = datetime.fromisoformat(value).astimezone(leads.CHINA)
    except (TypeError, ValueError):
        return ""
    return moment.strftime("%m-%d %H:%M" if short else "%Y-%m-%d %H:%M:%S")


def _language(request: Request, user: Staff | None) -> str:
    return text.pick(user.lang if user else "", request.headers.get("accept-language", ""))


def _render(request: Request, template: str, user: Staff | None = None, csrf: str = "",
            status: int = 200, **context) -> HTMLResponse:  # fmt: skip
    office = _office(request)
    lang = _language(request, user)
    html = office.env.get_template(template).render(
        _=text.translator(lang), lang=lang, user=user, csrf=csrf, v=office.asset_version,
        stages=text.STAGE_TEXT, outcomes=text.OUTCOME_TEXT, sources=text.SOURCE_TEXT,
        roles=text.ROLE_TEXT, path=request.url.path, **context,
    )  # fmt: skip
    return HTMLResponse(html, status_code=status, headers=HEADERS)


LEAD_ID_MAX = 2**31 - 1


def _wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def _refuse(request: Request, user: Staff | None, csrf: str, status: int, message: str,
            action: str = "", object_id: str = "") -> Response:  # fmt: skip
    """A refusal: logged in the audit (when `action`), then a page or JSON for the script."""
    if action:
        staff.record(_office(request).db, user.name if user else "?", action, object_id)
    if _wants_json(request):
        _ = text.translator(_language(request, user))
        return JSONResponse({"error": _(message)}, status, headers=HEADERS)
    return _render(request, "error.html", user, csrf, status, message=message)


def _to_login() -> RedirectResponse:
    return RedirectResponse(f"{PATH}/login", 303, headers=HEADERS)


async def _signed_in(request: Request) -> tuple[Staff | None, str, Response | None]:
    """(user, csrf, None) for a live session, else (None, "", the login redirect). A disabled
    account's old cookie is logged."""
    token = request.cookies.get(COOKIE, "")
    if not token:
        return None, "", _to_login()
    db = _office(request).db
    user, csrf_or_why = await run_in_threadpool(staff.session_of, db, token)
    if user is None:
        if csrf_or_why == "disabled":
            await run_in_threadpool(staff.record, db, "?", "session_refused", "", "disabled")
        response = _to_login()
        response.delete_cookie(COOKIE, path=PATH)
        return None, "", response
    return user, csrf_or_why, None


async def _form(request: Request) -> FormData | None:
    try:
        async with request.form(max_files=0, max_fields=FORM_MAX_FIELDS) as form:
            return form
    except Exception:  # a malformed body: Starlette's parsers raise several kinds
        return None


async def _post(request: Request) -> tuple[Staff | None, str, FormData | None, Response | None]:
    """A state-changing request: signed in, same origin, the session's CSRF token; else the
    refusal (logged)."""
    user, csrf, response = await _signed_in(request)
    if response is not None:
        if _wants_json(request):
            return None, "", None, JSONResponse({"error": "login"}, 401, headers=HEADERS)
        return None, "", None, response
    form = await _form(request)
    sent = form.get("csrf", "") if form is not None else ""
    good = isinstance(sent, str) and hmac.compare_digest(sent.encode(), csrf.encode())
    if not (_same_origin(request) and good):
        message = "The form expired or came from elsewhere: reload the page and try again."
        refusal = await run_in_threadpool(
            _refuse, request, user, csrf, 403, message, "csrf_refused", request.url.path[:80]
        )
        return None, "", None, refusal
    return user, csrf, form, None


def _login_token(office: Office, nonce: str) -> str:
    return hmac.new(office.secret, f"office-login:{nonce}".encode(), "sha256").hexdigest()


router = APIRouter(include_in_schema=False)


@router.get(PATH)
def home() -> Response:
    return RedirectResponse(f"{PATH}/leads", 303, headers=HEADERS)


def _login_page(request: Request, status: int = 200, message: str = "", name: str = ""):
    office = _office(request)
    nonce = request.cookies.get(LOGIN_COOKIE, "")
    if not (20 <= len(nonce) <= 64 and nonce.isascii() and nonce.isalnum()):
        nonce = secrets.token_hex(16)
    response = _render(request, "login.html", None, _login_token(office, nonce), status,
                       message=message, name=name)  # fmt: skip
    response.set_cookie(LOGIN_COOKIE, nonce, max_age=3600, path=f"{PATH}/login", httponly=True,
                        samesite="strict", secure=request.url.scheme == "https")  # fmt: skip
    return response


@router.get(f"{PATH}/login", response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    message = "You have been logged out." if request.query_params.get("out") else ""
    return _login_page(request, message=message)


@router.post(f"{PATH}/login", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    office = _office(request)
    form = await _form(request)
    nonce = request.cookies.get(LOGIN_COOKIE, "")
    sent = form.get("csrf", "") if form is not None else ""
    expected = _login_token(office, nonce)
    if not (nonce and isinstance(sent, str) and _same_origin(request)
            and hmac.compare_digest(sent.encode(), expected.encode())):  # fmt: skip
        await run_in_threadpool(staff.record, office.db, "?", "csrf_refused", "/office/login")
        return _login_page(request, 403, "The form expired: please try again.")
    name, password = form.get("username", ""), form.get("password", "")
    if not isinstance(name, str) or not isinstance(password, str):
        return _login_page(request, 400, "Wrong username or password.")
    address = request.client.host if request.client else "unknown"
    outcome, user = await run_in_threadpool(
        staff.login, office.db, name, password[: staff.PASSWORD_MAX + 1], address
    )
    if user is None:
        if outcome == "limited":
            return _login_page(request, 429, "Too many failed attempts: wait 15 minutes and try again.", name)  # fmt: skip
        return _login_page(request, 401, "Wrong username or password.", name)
    token, _csrf = await run_in_threadpool(staff.open_session, office.db, user)
    landing = f"{PATH}/employer" if user.role == "employer" else f"{PATH}/leads"
    response = RedirectResponse(landing, 303, headers=HEADERS)
    response.set_cookie(COOKIE, token, path=PATH, httponly=True, samesite="strict",
                        secure=request.url.scheme == "https")  # fmt: skip
    response.delete_cookie(LOGIN_COOKIE, path=f"{PATH}/login")
    return response


@router.post(f"{PATH}/logout")
async def logout(request: Request) -> Response:
    user, _csrf, _form_data, refusal = await _post(request)
    if refusal is not None:
        return refusal
    db = _office(request).db
    await run_in_threadpool(staff.close_session, db, request.cookies.get(COOKIE, ""))
    await run_in_threadpool(staff.record, db, user.name, "logout")
    response = RedirectResponse(f"{PATH}/login?out=1", 303, headers=HEADERS)
    response.delete_cookie(COOKIE, path=PATH)
    return response


@router.post(f"{PATH}/lang")
async def language(request: Request) -> Response:
    user, _csrf, form, refusal = await _post(request)
    if refusal is not None:
        return refusal
    lang = form.get("lang", "")
    if lang in text.LANGUAGES:
        await run_in_threadpool(staff.set_language, _office(request).db, user.id, lang)
    back = form.get("back", "")
    # A path of ours only: never a host from the form.
    target = back if isinstance(back, str) and back.startswith(f"{PATH}/") and "//" not in back and "\\" not in back else f"{PATH}/leads"  # fmt: skip
    return RedirectResponse(target, 303, headers=HEADERS)


@router.get(f"{PATH}/password", response_class=HTMLResponse)
async def password_form(request: Request) -> Response:
    user, csrf, response = await _signed_in(request)
    return response or _render(request, "password.html", user, csrf)


@router.post(f"{PATH}/password", response_class=HTMLResponse)
async def password_change(request: Request) -> Response:
    user, csrf, form, refusal = await _post(request)
    if refusal is not None:
        return refusal
    db = _office(request).db
    old, new, again = (form.get(k, "") for k in ("current", "new", "again"))
    if not all(isinstance(v, str) for v in (old, new, again)):
        return _render(request, "password.html", user, csrf, 400, message="Bad request.")
    if not await run_in_threadpool(staff.verify_password, db, user, old):
        await run_in_threadpool(staff.record, db, user.name, "password_refused")
        return _render(request, "password.html", user, csrf, 403, message="The current password is wrong.")  # fmt: skip
    if new != again:
        return _render(request, "password.html", user, csrf, 422, message="The two new passwords differ.")  # fmt: skip
    try:
        await run_in_threadpool(
            lambda: staff.set_password(
                db, user.name, new, actor=user.name, keep=request.cookies.get(COOKIE, "")
            )
        )
    except staff.AccountError:
        return _render(request, "password.html", user, csrf, 422, message="At least 8 characters.")  # fmt: skip
    return _render(request, "password.html", user, csrf, done=True,
                   message="Password changed: your other sessions have ended.")  # fmt: skip


def _filters(request: Request) -> leads.Filters:
    q = request.query_params

    def get(key: str, limit: int = 64) -> str:
        value = q.get(key, "").strip()
        return value if len(value) <= limit and value.isprintable() else ""

    page = get("page", 6)
    owner = get("owner")
    if owner.isdigit() and _lead_id(owner) is None:  # no account has such an id
        owner = "0"
    return leads.Filters(
        job=get("job"), employer=get("employer", 100), session=get("session"),
        device=get("device"), day=get("day", 10), source=get("source"), stage=get("stage"),
        owner=owner, q=get("q", 40), queue=q.get("queue") == "mine",
        page=int(page) if page.isdigit() else 1,
    )  # fmt: skip


def _query(f: leads.Filters, **changes) -> str:
    values = {"queue": "mine" if f.queue else "", "job": f.job, "employer": f.employer,
              "session": f.session, "device": f.device, "day": f.day, "source": f.source,
              "stage": f.stage, "owner": f.owner, "q": f.q, "page": f.page}  # fmt: skip
    values.update(changes)
    return urlencode({k: v for k, v in values.items() if v not in ("", None, 1)})


@router.get(f"{PATH}/leads", response_class=HTMLResponse)
async def lead_list(request: Request) -> Response:
    user, csrf, response = await _signed_in(request)
    if response is not None:
        return response
    if not access.works_leads(user):
        return await run_in_threadpool(
            _refuse, request, user, csrf, 403, "Employer accounts have no lead desk yet.",
            "forbidden", request.url.path,
        )  # fmt: skip
    # One trip to a worker thread for the queries and the page: rendering 50 rows and the
    # catalogue's choices would otherwise hold the event loop.
    return await run_in_threadpool(_lead_list_page, request, user, csrf, _filters(request))


def _lead_list_page(request: Request, user: Staff, csrf: str, f: leads.Filters) -> Response:
    db = _office(request).db
    page = leads.list_leads(db, user, f)
    choices = leads.distinct_values(db, user)
    with db.read() as conn:
        people = staff.recruiters(conn)
    now = datetime.now(UTC)
    for row in page.rows:
        row["late"] = leads.is_late(row, page.call_within, now)
        row["waited"] = _waited(row["created_at"], now)
    companies = sorted({j["company"].strip() for j in page.jobs.values() if j["company"].strip()})
    return _render(
        request, "leads.html", user, csrf, page=page, f=f, choices=choices, people=people,
        companies=companies, query=lambda **kw: _query(f, **kw), notice=request.query_params.get("done", ""),
    )  # fmt: skip


def _waited(created_at: str, now: datetime) -> str:
    try:
        minutes = int((now - datetime.fromisoformat(created_at)).total_seconds() // 60)
    except (TypeError, ValueError):
        return ""
    if minutes < 60:
        return f"{max(minutes, 0)}′"
    if minutes < 48 * 60:
        return f"{minutes // 60}h"
    return f"{minutes // 1440}d"


def _lead_id(raw: str) -> int | None:
    # Within the id column's INTEGER: a larger number is a DataError on PostgreSQL (a 500).
    ok = raw.isascii() and raw.isdigit() and len(raw) <= 10 and int(raw) <= LEAD_ID_MAX
    return int(raw) if ok else None


async def _lead_page(request: Request, user: Staff, csrf: str, reg_id: int, *, status: int = 200,
                     revealed: bool = False, message: str = "") -> Response:  # fmt: skip
    db = _office(request).db

    def load():  # one worker-thread trip: the database is never asked from the event loop
        with db.read() as conn:
            people = staff.recruiters(conn)
        item = leads.lead(db, user, reg_id, revealed=revealed)
        return item, people, leads.next_in_queue(db, user, reg_id) if item else None

    item, people, following = await run_in_threadpool(load)
    if item is None:
        return await run_in_threadpool(
            _refuse, request, user, csrf, 404, "No such lead.", "not_found", str(reg_id)
        )
    return _render(
        request, "lead.html", user, csrf, status, lead=item, revealed=revealed and not item["gone"],
        allowed=leads.next_stages(user, item["stage"]), may_change=access.may_change_lead(user, item["stage"]),
        people=people, following=following, message=message,
    )  # fmt: skip


@router.get(f"{PATH}/leads/{{raw_id}}", response_class=HTMLResponse)
async def lead_page(request: Request, raw_id: str) -> Response:
    user, csrf, response = await _signed_in(request)
    if response is not None:
        return response
    reg_id = _lead_id(raw_id)
    if not access.works_leads(user):
        return await run_in_threadpool(
            _refuse, request, user, csrf, 403, "Employer accounts have no lead desk yet.",
            "forbidden", raw_id[:20],
        )  # fmt: skip
    if reg_id is None:
        return await run_in_threadpool(
            _refuse, request, user, csrf, 404, "No such lead.", "not_found", raw_id[:20]
        )
    return await _lead_page(request, user, csrf, reg_id, message=request.query_params.get("done", ""))  # fmt: skip


async def _lead_action(request: Request, raw_id: str, act) -> Response:
    """A POST on one lead: checked, done by `act(db, user, reg_id, form)` (returns a notice
    key), then back to the lead (or JSON for the script). A refusal is logged."""
    user, csrf, form, refusal = await _post(request)
    if refusal is not None:
        return refusal
    reg_id = _lead_id(raw_id)
    if reg_id is None:
        return await run_in_threadpool(
            _refuse, request, user, csrf, 404, "No such lead.", "not_found", raw_id[:20]
        )
    db = _office(request).db
    try:
        result = await run_in_threadpool(act, db, user, reg_id, form)
    except leads.Refused as exc:
        return await run_in_threadpool(
            _refuse, request, user, csrf, STATUS.get(exc.reason, 422), REFUSALS[exc.reason],
            f"refused_{exc.reason}", str(reg_id),
        )  # fmt: skip
    if _wants_json(request):
        return JSONResponse(result, headers=HEADERS)
    return RedirectResponse(f"{PATH}/leads/{reg_id}?done={result['done']}", 303, headers=HEADERS)


def _field(form: FormData, key: str) -> str:
    value = form.get(key, "")
    return value if isinstance(value, str) else ""


@router.post(f"{PATH}/leads/{{raw_id}}/stage")
async def stage_change(request: Request, raw_id: str) -> Response:
    def act(db, user, reg_id, form):
        leads.change_stage(db, user, reg_id, _field(form, "to"), expected=_field(form, "from"),
                           note=_field(form, "note"))  # fmt: skip
        return {"done": "stage", "stage": _field(form, "to")}

    return await _lead_action(request, raw_id, act)


@router.post(f"{PATH}/leads/{{raw_id}}/call")
async def call(request: Request, raw_id: str) -> Response:
    def act(db, user, reg_id, form):
        stage = leads.record_call(db, user, reg_id, _field(form, "outcome"))
        lang = text.translator(_language(request, user))
        return {"done": "call", "stage": stage, "stage_text": lang(text.STAGE_TEXT[stage])}

    return await _lead_action(request, raw_id, act)


@router.post(f"{PATH}/leads/{{raw_id}}/owner")
async def owner(request: Request, raw_id: str) -> Response:
    def act(db, user, reg_id, form):
        raw = _field(form, "owner")
        leads.assign(db, user, [reg_id], _lead_id(raw))  # an account id: the same bound
        return {"done": "assign"}

    return await _lead_action(request, raw_id, act)


@router.post(f"{PATH}/leads/{{raw_id}}/reveal")
async def reveal(request: Request, raw_id: str) -> Response:
    user, csrf, _form_data, refusal = await _post(request)
    if refusal is not None:
        return refusal
    reg_id = _lead_id(raw_id)
    db = _office(request).db
    shown = None if reg_id is None else await run_in_threadpool(leads.reveal, db, user, reg_id)
    if shown is None:
        return await run_in_threadpool(
            _refuse, request, user, csrf, 404, "No such lead.", "refused_reveal", raw_id[:20]
        )
    if _wants_json(request):
        return JSONResponse(shown, headers=HEADERS)
    # The page itself, not a redirect: the number is shown in this answer only.
    return await _lead_page(request, user, csrf, reg_id, revealed=True)


@router.post(f"{PATH}/leads/assign")
async def bulk_assign(request: Request) -> Response:
    user, csrf, form, refusal = await _post(request)
    if refusal is not None:
        return refusal
    raw_ids = [v for v in form.getlist("ids") if isinstance(v, str)]
    ids = [_lead_id(v) for v in raw_ids]
    raw_owner = _field(form, "owner")
    owner_id = _lead_id(raw_owner)  # an account id: the same INTEGER bound
    if not ids or None in ids:
        return await run_in_threadpool(
            _refuse, request, user, csrf, 422, "No such lead.", "refused_unknown", "assign"
        )
    try:
        await run_in_threadpool(leads.assign, _office(request).db, user, ids, owner_id)
    except leads.Refused as exc:
        return await run_in_threadpool(
            _refuse, request, user, csrf, STATUS.get(exc.reason, 422), REFUSALS[exc.reason],
            f"refused_{exc.reason}", "assign",
        )  # fmt: skip
    return RedirectResponse(_back(form, "assign"), 303, headers=HEADERS)


def _back(form: FormData, done: str) -> str:
    query = _field(form, "back_query")
    query = query if query.isprintable() and len(query) < 600 else ""
    return f"{PATH}/leads?" + (f"{query}&" if query else "") + f"done={done}"


@router.post(f"{PATH}/leads/round-robin")
async def deal(request: Request) -> Response:
    user, csrf, form, refusal = await _post(request)
    if refusal is not None:
        return refusal
    try:
        count = await run_in_threadpool(leads.round_robin, _office(request).db, user, _field(form, "job")[:64])  # fmt: skip
    except leads.Refused as exc:
        return await run_in_threadpool(
            _refuse, request, user, csrf, STATUS.get(exc.reason, 422),
            "No recruiter account can take leads." if exc.reason == "owner" else REFUSALS[exc.reason],
            f"refused_{exc.reason}", "round_robin",
        )  # fmt: skip
    return RedirectResponse(_back(form, f"dealt{count}"), 303, headers=HEADERS)


@router.post(f"{PATH}/settings")
async def settings(request: Request) -> Response:
    user, csrf, form, refusal = await _post(request)
    if refusal is not None:
        return refusal
    raw = _field(form, "call_within")
    try:
        minutes = int(raw) if raw.isdigit() and len(raw) < 6 else 0
        await run_in_threadpool(leads.set_call_within, _office(request).db, user, minutes)
    except leads.Refused as exc:
        return await run_in_threadpool(
            _refuse, request, user, csrf, STATUS.get(exc.reason, 422), REFUSALS[exc.reason],
            f"refused_{exc.reason}", "settings",
        )  # fmt: skip
    return RedirectResponse(_back(form, "saved"), 303, headers=HEADERS)


class ServerTiming:
    """`Server-Timing: app;dur=…` on every /office/ answer: the server's own time for the
    request (bench/bench_office.py reads it; a browser's developer tools show it)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not scope["path"].startswith(f"{PATH}/"):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def timed(message):
            if message["type"] == "http.response.start":
                took = (time.perf_counter() - started) * 1000
                message["headers"] = [*message.get("headers", []),
                                      (b"server-timing", f"app;dur={took:.1f}".encode())]  # fmt: skip
            await send(message)

        await self.app(scope, receive, timed)


def install(app: FastAPI, db: HubDB) -> None:
    """Mount the office's routes and its static files on `app` (create_app calls it)."""
    from hostdesk.hub.office import catalogue_pages, employer, lead_import  # on these helpers
    from hostdesk.hub.office.live import router as live_router
    from hostdesk.hub.office.reports import router as report_router

    app.state.office = Office(db)
    app.include_router(router)
    app.include_router(employer.router)
    app.include_router(catalogue_pages.router)
    app.include_router(lead_import.router)
    app.include_router(live_router)  # the live show view
    app.include_router(report_router)  # the show report
    app.add_middleware(ServerTiming)
    app.mount(f"{PATH}/static", SecureStaticFiles(directory=HERE / "static"), name="office_static")


def error_page(request: Request, status: int) -> HTMLResponse:
    """The office's page for a refused request the routes did not answer (404, 405…)."""
    message = {404: "Page not found.", 500: "Something went wrong."}.get(status, "Bad request.")
    return _render(request, "error.html", None, "", status, message=message)
