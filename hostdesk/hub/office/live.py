"""The live show view under /office/live: a show's sign-ups as they arrive, for the agency.

Per show (the desktop's session code): sign-ups per job and per broadcast PC, the job on air
(hub table air_spans, when the desktop reports it), the newest leads (masked, as the desk
shows them) and the unassigned leads waiting. The page is server-rendered; a small script
(static/live.js) asks /office/live/data every second and redraws the numbers. For admins and
recruiters (access.works_leads); an employer is refused and logged.
"""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy import and_, case, func, select
from starlette.concurrency import run_in_threadpool

from hostdesk.hub import access, leads
from hostdesk.hub.db import HubDB
from hostdesk.hub.leads import CHINA, OPEN, STAGE_OF
from hostdesk.hub.models import AIR_SPANS, LEADS, REGS
from hostdesk.hub.office import text
from hostdesk.hub.office.routes import (
    HEADERS,
    PATH,
    _language,
    _office,
    _refuse,
    _render,
    _signed_in,
)
from hostdesk.hub.staff import Staff

NEWEST = 12  # leads listed as they arrive
SHOWS = 40  # shows offered to pick from (the latest)
SHOW_MAX = 64  # a session code's length (schemas.ID_MAX)
router = APIRouter(include_in_schema=False)
_FROM = REGS.outerjoin(LEADS, LEADS.c.reg_id == REGS.c.id)


def _clock(iso: str, fmt: str = "%H:%M:%S") -> str:
    try:
        return datetime.fromisoformat(iso).astimezone(CHINA).strftime(fmt)
    except (TypeError, ValueError):
        return ""


def shows(db: HubDB, staff: Staff) -> list[dict]:
    """The latest shows: their code, sign-ups, first and last sign-up (China time), whether
    a job of theirs is on air now."""
    with db.read() as conn:
        rows = conn.execute(
            select(REGS.c.session_id, func.count(), func.min(REGS.c.created_at),
                   func.max(REGS.c.created_at).label("last"))
            .where(REGS.c.session_id != "", access.leads_visible(staff))
            .group_by(REGS.c.session_id).order_by(func.max(REGS.c.created_at).desc())
            .limit(SHOWS)
        ).all()  # fmt: skip
        on_air = set(
            conn.execute(
                select(AIR_SPANS.c.session_code).distinct()
                .where(AIR_SPANS.c.ended_at.is_(None), AIR_SPANS.c.session_code.is_not(None))
            ).scalars()
        )  # fmt: skip
    listed = [
        {"code": r[0], "count": r[1], "first": _clock(r[2], "%m-%d %H:%M"),
         "last": _clock(r[3], "%H:%M"), "on_air": r[0] in on_air}
        for r in rows
    ]  # fmt: skip
    known = {s["code"] for s in listed}
    fresh = [{"code": c, "count": 0, "first": "", "last": "", "on_air": True}
             for c in sorted(on_air - known) if c]  # fmt: skip
    return fresh + listed


def snapshot(db: HubDB, staff: Staff, show: str, lang: str) -> dict:
    """The show as it stands: counts per job and PC, on air, newest leads (masked), waiting."""
    _ = text.translator(lang)
    page_only = _("Sign-up page")  # a sign-up through the QR page that named no PC
    # Unassigned and still open: the desk's "unassigned" filter.
    waiting = case((and_(LEADS.c.owner_id.is_(None), STAGE_OF.in_(OPEN)), 1), else_=0)
    where = (REGS.c.session_id == show, REGS.c.status == "active", access.leads_visible(staff))
    with db.read() as conn:
        jobs = leads.jobs_map(conn)
        groups = conn.execute(
            select(REGS.c.job_code, REGS.c.job_title, REGS.c.device, func.count(),
                   func.sum(waiting))
            .select_from(_FROM).where(*where)
            .group_by(REGS.c.job_code, REGS.c.job_title, REGS.c.device)
        ).all()  # fmt: skip
        newest = [
            dict(r._mapping)
            for r in conn.execute(
                select(REGS.c.id, REGS.c.name, REGS.c.phone, REGS.c.job_code, REGS.c.job_title,
                       REGS.c.device, REGS.c.created_at, STAGE_OF.label("stage"),
                       LEADS.c.owner_id)
                .select_from(_FROM).where(*where)
                .order_by(REGS.c.created_at.desc(), REGS.c.id.desc()).limit(NEWEST)
            )
        ]  # fmt: skip
        spans = conn.execute(
            select(AIR_SPANS.c.job_code, AIR_SPANS.c.device, AIR_SPANS.c.started_at)
            .where(AIR_SPANS.c.session_code == show, AIR_SPANS.c.ended_at.is_(None))
            .order_by(AIR_SPANS.c.started_at.desc())
        ).all()  # fmt: skip
    per_job: dict[str, dict] = {}
    per_device: dict[str, int] = {}
    for code, title, device, count, wait in groups:
        job = per_job.setdefault(code, {"code": code, "title": jobs.get(code, {}).get("title")
                                        or title, "count": 0, "waiting": 0})  # fmt: skip
        job["count"] += count
        job["waiting"] += int(wait or 0)
        pc = device or page_only
        per_device[pc] = per_device.get(pc, 0) + count
    on_air = []
    seen_devices = set()
    for code, device, started in spans:  # the newest take per PC: an older one was not cleared
        if device in seen_devices:
            continue
        seen_devices.add(device)
        on_air.append({"code": code, "title": jobs.get(code, {}).get("title", ""),
                       "device": device, "since": _clock(started, "%H:%M")})  # fmt: skip
    shown = []
    for row in newest:
        masked = access.lead_shape(staff, row)
        shown.append({
            "id": row["id"], "name": masked["name"], "code": row["job_code"],
            "title": jobs.get(row["job_code"], {}).get("title") or row["job_title"],
            "device": row["device"] or page_only, "at": _clock(row["created_at"]),
            "stage": _(text.STAGE_TEXT.get(row["stage"], "New")), "owned": row["owner_id"] is not None,
        })  # fmt: skip
    devices = sorted(per_device.items(), key=lambda kv: (-kv[1], kv[0]))
    return {
        "show": show,
        "total": sum(j["count"] for j in per_job.values()),
        "waiting": sum(j["waiting"] for j in per_job.values()),
        "jobs": sorted(per_job.values(), key=lambda j: (-j["count"], j["code"])),
        "devices": [{"device": d, "count": n} for d, n in devices],
        "on_air": on_air,
        "newest": shown,
        "updated": datetime.now(UTC).astimezone(CHINA).strftime("%H:%M:%S"),
    }


def _show(request: Request) -> str:
    value = request.query_params.get("show", "").strip()
    return value if 0 < len(value) <= SHOW_MAX and value.isprintable() else ""


async def _allowed(request: Request) -> tuple[Staff | None, str, Response | None]:
    user, csrf, response = await _signed_in(request)
    if response is not None:
        if request.url.path.endswith("/data"):
            return None, "", JSONResponse({"error": "login"}, 401, headers=HEADERS)
        return None, "", response
    if not access.works_leads(user):
        refusal = await run_in_threadpool(
            _refuse, request, user, csrf, 403, "You may not do that.", "forbidden", request.url.path
        )
        return None, "", refusal
    return user, csrf, None


@router.get(f"{PATH}/live", response_class=HTMLResponse)
async def live_page(request: Request) -> Response:
    user, csrf, refusal = await _allowed(request)
    if refusal is not None:
        return refusal
    show = _show(request)
    db = _office(request).db
    lang = _language(request, user)

    def page() -> Response:
        if not show:
            return _render(request, "show_pick.html", user, csrf, shows=shows(db, user),
                           heading="Live shows", target="/office/live")  # fmt: skip
        return _render(request, "live.html", user, csrf, show=show,
                       data=snapshot(db, user, show, lang))  # fmt: skip

    return await run_in_threadpool(page)


@router.get(f"{PATH}/live/data")
async def live_data(request: Request) -> Response:
    user, _csrf, refusal = await _allowed(request)
    if refusal is not None:
        return refusal
    show = _show(request)
    if not show:
        return JSONResponse({"error": "show"}, 404, headers=HEADERS)
    db = _office(request).db
    data = await run_in_threadpool(snapshot, db, user, show, _language(request, user))
    return JSONResponse(data, headers=HEADERS)
