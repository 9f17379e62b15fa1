"""The hub's show report under /office/reports: what each show (and each PC in it) brought.

The numbers are hostdesk.core.show_report's, the same computation as the desktop's report,
fed from the hub's tables: registrations (sign-ups of the show), air_spans (what was on
air), page_opens (the funnel's first step) and the lead desk's stages (contacted,
interviewed, hired). The desktops send each show's room and host (hub table shows,
hostdesk.hub.shows): a show is compared with the earlier shows of the same room and of the
same host; a show from a desktop too old to send it, with the earlier shows of its PC. The
list of shows is filtered by PC and host. The chart is drawn in the browser by Apache
ECharts, vendored at /static/vendor/echarts/ (static/report.js). For admins and recruiters
(access.works_leads); an employer is refused and logged.
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
from hostdesk.hub import access, leads
from hostdesk.hub.db import HubDB
from hostdesk.hub.leads import CHINA
from hostdesk.hub.models import AIR_SPANS, LEAD_HISTORY, LEADS, PAGE_OPENS, REGS, SHOWS
from hostdesk.hub.office import live, text
from hostdesk.hub.office.routes import PATH, _language, _office, _render
from hostdesk.hub.staff import Staff

ECHARTS_VERSION = "5.6.0"  # static/vendor/echarts/README.md
LAST = timedelta(seconds=1)
SHOW_MAX = timedelta(hours=24)
EARLIER = 5  # earlier shows in each comparison (same room, same host; else same PC)
DEVICE_MAX = 64
HOST_MAX = 30  # core.sessions.HOST_MAX_LEN
LISTED = 60  # shows offered to pick from (the latest that match the filters)
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
    meta: dict | None = None  # the show's row in `shows` (room, host, PC), if the PC sent it

    @property
    def comparisons(self) -> list[tuple[str, str, tuple[sr.ShowSummary, ...]]]:
        """(kind, whose, earlier shows): kind "room", "host" or "pc" (no room known)."""
        r = self.report
        if self.meta is None:
            return [("pc", self.device or "", r.earlier)]
        out = [("room", r.room, r.earlier)]
        if r.host:
            out.append(("host", r.host, r.same_host))
        return out


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


def _meta(conn, show: str) -> dict | None:
    row = conn.execute(select(SHOWS).where(SHOWS.c.session_code == show)).first()
    return dict(row._mapping) if row else None


def _build(conn, show: str, device: str, meta: dict | None = None) -> sr.ShowReport | None:
    """The report of `show`; bounded by its start and end when its PC sent them (`meta`)."""
    spans, signups, opens, pipeline = _inputs(conn, show, device)
    bounds = _bounds(spans, signups)
    start = _at(meta["started_at"]) if meta else None
    if start is not None:
        end = _at(meta["ended_at"]) if meta["ended_at"] else None
        if end is None:  # live still: until now (or its last news, whichever is later)
            end = max(datetime.now(UTC), bounds[1] if bounds else start)
        bounds = (max(start, end - SHOW_MAX), max(end, start))
    if bounds is None:
        return None
    room, host = (meta["room"], meta["host"]) if meta else ("", "")
    return sr.build_report(*bounds, spans, signups, opens, pipeline, room=room, host=host)


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


def _earlier_alike(conn, meta: dict, column, seen: dict) -> list[sr.ShowSummary]:
    """Ended shows that began before this one with the same room (and platform) or the same
    host (`column`), the latest first (at most EARLIER); each whole, all its PCs. `seen`:
    summaries already built (a show of both comparisons is read once)."""
    if not meta[column.name]:
        return []
    alike = select(SHOWS).where(
        column == meta[column.name],
        SHOWS.c.session_code != meta["session_code"],
        SHOWS.c.started_at < meta["started_at"],
        SHOWS.c.ended_at.is_not(None),
    )
    if column is SHOWS.c.room:
        alike = alike.where(SHOWS.c.platform == meta["platform"])
    out = []
    for row in conn.execute(alike.order_by(SHOWS.c.started_at.desc()).limit(EARLIER)).all():
        if row.session_code not in seen:
            report = _build(conn, row.session_code, "", dict(row._mapping))
            seen[row.session_code] = report.summary(row.session_code) if report else None
        if seen[row.session_code] is not None:
            out.append(seen[row.session_code])
    return out


def _earlier(conn, show: str, room: str, before: datetime) -> list[sr.ShowSummary]:
    """The same PC's shows that began before this one, the latest first (at most EARLIER):
    the comparison of a show whose room and host the hub was not told."""
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
        meta = _meta(conn, show)
        if meta is not None and device and device != meta["device"]:
            meta = None  # another PC's part of the show: no room or host of its own
        report = _build(conn, show, device, meta)
        if report is None:
            return None
        if meta is not None:
            seen: dict[str, sr.ShowSummary | None] = {}
            report = replace(
                report,
                earlier=tuple(_earlier_alike(conn, meta, SHOWS.c.room, seen)),
                same_host=tuple(_earlier_alike(conn, meta, SHOWS.c.host, seen)),
            )
        else:
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
    return HubReport(show, device, report, devices.most_common(), titles, meta)


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


def report_shows(db: HubDB, staff: Staff, device: str = "", host: str = "") -> dict:
    """The shows to pick from, latest first, of one PC and/or one host when asked; with the
    PCs and hosts the filters offer. A show from an older desktop (no row in `shows`) is
    listed by its sign-ups, with its busiest PC, and never under a host."""
    with db.read() as conn:
        known = select(SHOWS)
        if device:
            known = known.where(SHOWS.c.device == device)
        if host:
            known = known.where(SHOWS.c.host == host)
        metas = {
            r.session_code: dict(r._mapping)
            for r in conn.execute(known.order_by(SHOWS.c.started_at.desc()).limit(LISTED))
        }
        counts = (
            select(REGS.c.session_id, func.count(), func.min(REGS.c.created_at))
            .where(REGS.c.session_id != "", access.leads_visible(staff))
            .group_by(REGS.c.session_id)
        )
        tallies = {r[0]: (r[1], r[2]) for r in conn.execute(
            counts.where(REGS.c.session_id.in_(list(metas)))
        )} if metas else {}  # fmt: skip
        if not host:  # shows the hub has only from their sign-ups
            by_pc = counts.order_by(func.max(REGS.c.created_at).desc()).limit(LISTED)
            if device:
                by_pc = by_pc.where(REGS.c.device == device)
            for code, n, first in conn.execute(by_pc):
                tallies.setdefault(code, (n, first))
        hosts = sorted(h for h in conn.execute(select(SHOWS.c.host).distinct()).scalars() if h)
        devices = set(conn.execute(select(SHOWS.c.device).distinct()).scalars())
        devices |= set(
            conn.execute(select(REGS.c.device).distinct().where(REGS.c.device.is_not(None)))
            .scalars()
        )  # fmt: skip
    listed = []
    for code, (n, first) in tallies.items():
        meta = metas.get(code)
        started = meta["started_at"] if meta else first
        listed.append({
            "code": code, "count": n, "started": started,
            "when": live._clock(started, "%m-%d %H:%M"),
            "room": meta["room"] if meta else "", "host": meta["host"] if meta else "",
            "device": meta["device"] if meta else "",
        })  # fmt: skip
    for code, meta in metas.items():
        if code not in tallies:  # went live, nobody signed up (yet)
            listed.append({
                "code": code, "count": 0, "started": meta["started_at"],
                "when": live._clock(meta["started_at"], "%m-%d %H:%M"), "room": meta["room"],
                "host": meta["host"], "device": meta["device"],
            })  # fmt: skip
    listed.sort(key=lambda s: s["started"] or "", reverse=True)
    return {"shows": listed[:LISTED], "hosts": hosts, "devices": sorted(devices)}


def _device(request: Request) -> str:
    value = request.query_params.get("device", "").strip()
    return value if len(value) <= DEVICE_MAX and value.isprintable() else ""


def _host(request: Request) -> str:
    value = request.query_params.get("host", "").strip()
    return value if len(value) <= HOST_MAX and value.isprintable() else ""


@router.get(f"{PATH}/reports", response_class=HTMLResponse)
async def report_page(request: Request) -> Response:
    user, csrf, refusal = await live._allowed(request)
    if refusal is not None:
        return refusal
    show = live._show(request)
    device = _device(request)
    host = _host(request)
    db = _office(request).db

    def page() -> Response:
        return _report_page(request, db, user, csrf, show, device, host)

    return await run_in_threadpool(page)


def _report_page(request: Request, db: HubDB, user: Staff, csrf: str, show: str,
                 device: str, host: str = "") -> Response:  # fmt: skip
    if not show:
        picked = report_shows(db, user, device, host)
        return _render(request, "report_pick.html", user, csrf, **picked, device=device,
                       host=host)  # fmt: skip
    hub = show_report(db, show, device)
    if hub is None:
        return _render(request, "error.html", user, csrf, 404, message="No such show.")
    _ = text.translator(_language(request, user))
    data = json.dumps(chart_data(hub, _), ensure_ascii=False).replace("<", "\\u003c")
    return _render(request, "report.html", user, csrf, hub=hub, r=hub.report, chart=data,
                   echarts=ECHARTS_VERSION, china=CHINA, baseline=sr.baseline)  # fmt: skip
