"""The hub's show report under /office/reports: what each show (and each PC in it) brought.

The numbers are hostdesk.core.show_report's, the same computation as the desktop's report,
fed from the hub's tables: registrations (sign-ups of the show), air_spans (what was on
air), page_opens (the funnel's first step) and the lead desk's stages (contacted,
interviewed, hired). Earlier shows of the same broadcast PC are compared. The chart is drawn
in the browser by Apache ECharts, vendored at /static/vendor/echarts/ (static/report.js).
For admins and recruiters; an employer is refused and logged. The hub knows no host name
(neither sign-ups nor air spans carry one), so "per host" is per PC here.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool

from hostdesk.core import show_report as sr
from hostdesk.hub import leads
from hostdesk.hub.db import HubDB
from hostdesk.hub.leads import CHINA
from hostdesk.hub.models import AIR_SPANS, LEAD_HISTORY, LEADS, PAGE_OPENS, REGS
from hostdesk.hub.office import live, text
from hostdesk.hub.office.routes import PATH, _language, _office, _render
from hostdesk.hub.staff import Staff

ECHARTS_VERSION = "5.6.0"  # static/vendor/echarts/README.md
LAST = timedelta(seconds=1)
SHOW_MAX = timedelta(hours=24)
EARLIER = 5  # earlier shows of the same PC in the comparison
DEVICE_MAX = 64
# A lead that reached one of these stages was spoken to / interviewed / started work.
CONTACTED = {"contacted", "booked", "interviewed", "offered", "hired", "not_interested",
             "unsuitable", "no_show", "declined"}  # fmt: skip
INTERVIEWED = {"interviewed", "offered", "hired", "declined"}
HIRED = {"hired"}
router = APIRouter(include_in_schema=False)


@dataclass
class HubReport:
    """One show's report as the page shows it."""

    show: str
    device: str  # "" = every PC of the show
    report: sr.ShowReport
    devices: list[tuple[str, int]]  # the show's PCs and their sign-ups
    titles: dict[str, str]


def _at(iso: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _inputs(conn, show: str, device: str):
    """The show's spans, sign-ups, page opens and pipeline (three reads by the show's
    indexes, one more for the desk's history)."""
    span_q = select(AIR_SPANS.c.job_code, AIR_SPANS.c.started_at, AIR_SPANS.c.ended_at).where(
        AIR_SPANS.c.session_code == show
    )
    reg_q = (
        select(REGS.c.id, REGS.c.created_at, REGS.c.job_code, REGS.c.origin, LEADS.c.stage)
        .select_from(REGS.outerjoin(LEADS, LEADS.c.reg_id == REGS.c.id))
        .where(REGS.c.session_id == show)
    )
    history_q = (
        select(LEAD_HISTORY.c.reg_id, LEAD_HISTORY.c.to_stage)
        .select_from(LEAD_HISTORY.join(REGS, REGS.c.id == LEAD_HISTORY.c.reg_id))
        .where(REGS.c.session_id == show)
    )
    open_q = select(PAGE_OPENS.c.minute, PAGE_OPENS.c.job_code, PAGE_OPENS.c.opens).where(
        PAGE_OPENS.c.session_code == show
    )
    if device:
        span_q = span_q.where(AIR_SPANS.c.device == device)
        reg_q = reg_q.where(REGS.c.device == device)
        history_q = history_q.where(REGS.c.device == device)
        open_q = open_q.where(PAGE_OPENS.c.device == device)
    spans = []
    for code, started, ended in conn.execute(span_q):
        start = _at(started)
        if start is not None:
            spans.append(sr.AirSpan(code, start, _at(ended) if ended else None))
    signups, jobs, reached = [], {}, {}
    for reg_id, created, code, origin, stage in conn.execute(reg_q):
        at = _at(created)
        if at is not None:
            signups.append(sr.SignUp(at, code, via_page=origin == "hub"))
            jobs[reg_id] = code
            reached[reg_id] = {stage or "new"}
    for reg_id, stage in conn.execute(history_q):
        if reg_id in reached:
            reached[reg_id].add(stage)
    opens = [
        sr.PageOpen(minute, code, n)
        for raw, code, n in conn.execute(open_q)
        if (minute := _at(raw)) is not None
    ]
    return spans, signups, opens, _pipeline(jobs, reached)


def _pipeline(jobs: dict[int, str], reached: dict[int, set[str]]) -> list[sr.Pipeline]:
    """Per job: the leads that reached contacted, interviewed, hired (in history or now)."""
    counts: dict[str, list[int]] = {code: [0, 0, 0] for code in jobs.values()}
    for reg_id, stages in reached.items():
        row = counts[jobs[reg_id]]
        row[0] += bool(stages & CONTACTED)
        row[1] += bool(stages & INTERVIEWED)
        row[2] += bool(stages & HIRED)
    return [sr.Pipeline(code, *row) for code, row in sorted(counts.items())]


def _bounds(spans, signups) -> tuple[datetime, datetime] | None:
    """The show from its first take or sign-up to its last clear or just after its last
    sign-up (now while a job is still on air)."""
    moments = [s.start for s in spans] + [s.at for s in signups]
    if not moments:
        return None
    # A minute's window is half-open: the last sign-up lies just inside the show's end.
    ends = [s.end or datetime.now(UTC) for s in spans] + [s.at + LAST for s in signups]
    start, end = min(moments), max(max(ends), min(moments))
    # A session code kept for days is not one show: its last day is reported, the rest
    # counted as before the show (and a day of minutes bounds the work per request).
    return max(start, end - SHOW_MAX), end


def _build(conn, show: str, device: str, earlier=()) -> sr.ShowReport | None:
    spans, signups, opens, pipeline = _inputs(conn, show, device)
    bounds = _bounds(spans, signups)
    if bounds is None:
        return None
    return sr.build_report(*bounds, spans, signups, opens, pipeline, earlier)


def _room(conn, show: str, device: str) -> str:
    """The PC the comparison follows: the one asked for, else the show's busiest."""
    if device:
        return device
    row = conn.execute(
        select(REGS.c.device, func.count().label("n"))
        .where(REGS.c.session_id == show, REGS.c.device.is_not(None))
        .group_by(REGS.c.device).order_by(func.count().desc()).limit(1)
    ).first()  # fmt: skip
    return row.device if row else ""


def _earlier(conn, show: str, room: str, before: datetime) -> list[sr.ShowSummary]:
    """The same PC's shows that began before this one, the latest first (at most EARLIER)."""
    if not room:
        return []
    rows = conn.execute(
        select(REGS.c.session_id, func.min(REGS.c.created_at).label("first"))
        .where(REGS.c.device == room, REGS.c.session_id != "", REGS.c.session_id != show)
        .group_by(REGS.c.session_id)
        .having(func.min(REGS.c.created_at) < before.astimezone(UTC).isoformat())
        .order_by(func.min(REGS.c.created_at).desc()).limit(EARLIER)
    ).all()  # fmt: skip
    out = []
    for code, _first in rows:
        report = _build(conn, code, room)
        if report is not None:
            out.append(report.summary(code))
    return out


def show_report(db: HubDB, show: str, device: str = "") -> HubReport | None:
    """The report of `show` (one PC's part of it when `device`); None: no such show."""
    with db.read() as conn:
        report = _build(conn, show, device)
        if report is None:
            return None
        earlier = _earlier(conn, show, _room(conn, show, device), report.start)
        report = replace(report, earlier=tuple(earlier))
        devices = Counter(
            dict(
                conn.execute(
                    select(REGS.c.device, func.count())
                    .where(REGS.c.session_id == show, REGS.c.device.is_not(None))
                    .group_by(REGS.c.device)
                ).all()
            )
        )
        titles = {code: job["title"] for code, job in leads.jobs_map(conn).items()}
    return HubReport(show, device, report, devices.most_common(), titles)


def chart_data(hub: HubReport, lang_text) -> dict:
    """What static/report.js draws: minutes, counts, the job on air as coloured bands."""
    r = hub.report
    local = [m.start.astimezone(CHINA).strftime("%H:%M") for m in r.minutes]
    jobs = [j.job_code for j in r.jobs if j.takes]
    bands = [
        {"job": s.job_code, "from": int((s.start - r.start).total_seconds() // 60),
         "to": max(int((s.end - r.start).total_seconds() // 60), int((s.start - r.start).total_seconds() // 60))}
        for s in r.spans if s.end is not None
    ]  # fmt: skip
    return {
        "minutes": local,
        "signups": [m.signups for m in r.minutes],
        "onAir": [m.job_code or "" for m in r.minutes],
        "jobs": jobs,
        "titles": {code: hub.titles.get(code, "") for code in jobs},
        "bands": bands,
        "labels": {
            "signups": lang_text("Sign-ups per minute"),
            "none": lang_text("Nothing on air"),
        },
    }


def _device(request: Request) -> str:
    value = request.query_params.get("device", "").strip()
    return value if len(value) <= DEVICE_MAX and value.isprintable() else ""


@router.get(f"{PATH}/reports", response_class=HTMLResponse)
async def report_page(request: Request) -> Response:
    user, csrf, refusal = await live._allowed(request)
    if refusal is not None:
        return refusal
    show = live._show(request)
    device = _device(request)
    db = _office(request).db

    def page() -> Response:
        return _report_page(request, db, user, csrf, show, device)

    return await run_in_threadpool(page)


def _report_page(request: Request, db: HubDB, user: Staff, csrf: str, show: str,
                 device: str) -> Response:  # fmt: skip
    if not show:
        return _render(request, "show_pick.html", user, csrf, shows=live.shows(db, user),
                       heading="Show reports", target="/office/reports")  # fmt: skip
    hub = show_report(db, show, device)
    if hub is None:
        return _render(request, "error.html", user, csrf, 404, message="No such show.")
    _ = text.translator(_language(request, user))
    data = json.dumps(chart_data(hub, _), ensure_ascii=False).replace("<", "\\u003c")
    return _render(request, "report.html", user, csrf, hub=hub, r=hub.report, chart=data,
                   echarts=ECHARTS_VERSION, china=CHINA)  # fmt: skip
