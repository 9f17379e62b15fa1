"""Routes for the job catalogue (GET with ETag / If-None-Match, PUT by an admin, a PC's per-job
publish) and the stats."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Header, Response
from pydantic import ValidationError
from sqlalchemy import func, select

from hostdesk.hub import access, catalogue, deps
from hostdesk.hub.deps import ADMIN_ERRORS, AUTH_ERRORS, WRITE_ERRORS
from hostdesk.hub.models import COUNTERS, JOBS, REGS
from hostdesk.hub.schemas import (
    Job,
    JobsIn,
    JobsOut,
    JobsPutOut,
    PublishIn,
    PublishOut,
    PublishResult,
    StatsOut,
)
from hostdesk.hub.strict_json import StrictJSONRoute

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/v1", tags=["catalogue"], route_class=StrictJSONRoute)
IF_NONE_MATCH_MAX = 1024  # a few dozen tags; a longer header is not a cache asking
ETAG_HEADER = {"ETag": {"description": "the catalogue's version", "schema": {"type": "string"}}}


def current_etag(conn) -> str:
    """The catalogue's ETag as GET /jobs gives it (also the event stream's)."""
    text = conn.execute(select(COUNTERS.c.text).where(COUNTERS.c.name == "jobs")).scalar_one()
    return text or catalogue.etag_of([])


def _matches(if_none_match: str | None, etag: str) -> bool:
    if not if_none_match:
        return False
    tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
    return "*" in tags or etag in tags


@router.get(
    "/jobs",
    response_model=JobsOut,
    responses={
        200: {"headers": ETAG_HEADER},
        304: {"description": "the catalogue is unchanged (If-None-Match)"},
        **AUTH_ERRORS,
    },
    summary="The catalogue, keys as `hostdesk jobs list --json`",
)
def get_jobs(
    response: Response,
    _principal: deps.Caller,
    hub: deps.HubDep,
    if_none_match: Annotated[str | None, Header(max_length=IF_NONE_MATCH_MAX)] = None,
):
    with hub.db.read() as conn:
        etag = current_etag(conn)
        if _matches(if_none_match, etag):
            return Response(status_code=304, headers={"ETag": etag})
        rows = conn.execute(
            select(JOBS.c.data, JOBS.c.version).order_by(JOBS.c.position, JOBS.c.code)
        ).all()
    response.headers["ETag"] = etag
    jobs = _valid_jobs(rows)
    return JobsOut(jobs=[job for job, _v in jobs], versions={j.code: v for j, v in jobs})


def _valid_jobs(rows) -> list[tuple[Job, int]]:
    """The stored jobs today's rules accept: a catalogue stored before a rule was tightened
    (a 400-digit headcount, a code with a line break) must not break every desktop's pull."""
    jobs = []
    for position, (data, version) in enumerate(rows):
        try:
            jobs.append((Job.model_validate_json(data), version))
        except ValidationError as exc:
            kinds = ", ".join(sorted({e["type"] for e in exc.errors()}))
            log.warning("catalogue job at position %d left out: %s", position, kinds)
    return jobs


@router.put(
    "/jobs",
    response_model=JobsPutOut,
    responses={200: {"headers": ETAG_HEADER}, **ADMIN_ERRORS, **WRITE_ERRORS},
    summary="Replace the catalogue (admin)",
)
def put_jobs(
    body: JobsIn,
    response: Response,
    principal: deps.AdminWriter,
    hub: deps.HubDep,
) -> JobsPutOut:
    with hub.db.write() as conn:
        etag = catalogue.replace_all(conn, [job.model_dump() for job in body.jobs], principal.name)
    response.headers["ETag"] = etag
    return JobsPutOut(count=len(body.jobs))


@router.post(
    "/jobs/publish",
    response_model=PublishOut,
    responses={**AUTH_ERRORS, **WRITE_ERRORS},
    summary="Publish jobs from a PC, each with the hub version it was based on",
    description="Per job: created (new, base_version 0), updated (base_version was the hub's "
    "version), unchanged (the hub has exactly this job), or conflict (the hub's job changed "
    "since, or is new there too): the hub's job and version come back, untouched. The hub "
    "records the token's name as who changed it.",
)
def publish_jobs(body: PublishIn, principal: deps.Writer, hub: deps.HubDep) -> PublishOut:
    items = [(item.job.model_dump(), item.base_version) for item in body.items]
    with hub.db.write() as conn:
        outcomes = catalogue.publish(conn, items, principal.name)
    changed = sum(1 for o in outcomes if o.status in (catalogue.CREATED, catalogue.UPDATED))
    conflicts = sum(1 for o in outcomes if o.status == catalogue.CONFLICT)
    log.info("jobs published: %d changed, %d conflicts, %d sent", changed, conflicts, len(items))
    return PublishOut(results=[_result(o) for o in outcomes])


def _result(outcome: catalogue.Outcome) -> PublishResult:
    job = None
    if outcome.data is not None:
        try:
            job = Job.model_validate_json(outcome.data)
        except ValidationError:  # stored before a rule was tightened: the version still tells
            job = None
    return PublishResult(
        code=outcome.code,
        status=outcome.status,
        version=outcome.version,
        job=job,
        updated_by=outcome.updated_by,
        updated_at=outcome.updated_at,
    )


@router.get(
    "/stats",
    response_model=StatsOut,
    responses=AUTH_ERRORS,
    summary="Active sign-ups: total, per job, per session",
    description="Anonymous counts over the whole hub for every token (no person in them; "
    "the number a job shows on stream is the job's): see hostdesk/hub/access.py.",
    tags=["stats"],
)
def stats(
    principal: deps.Caller,
    hub: deps.HubDep,
) -> StatsOut:
    active = (REGS.c.status == "active") & access.stats_scope(principal)
    with hub.db.read() as conn:
        by_job = dict(
            conn.execute(
                select(REGS.c.job_code, func.count()).where(active).group_by(REGS.c.job_code)
            ).all()
        )
        by_session = dict(
            conn.execute(
                select(REGS.c.session_id, func.count()).where(active).group_by(REGS.c.session_id)
            ).all()
        )
    return StatsOut(total=sum(by_job.values()), by_job=by_job, by_session=by_session)
