"""Routes for the job catalogue (GET with ETag / If-None-Match, PUT by an admin) and the stats."""

from __future__ import annotations

import hashlib
import json
import logging
from typing import Annotated

from fastapi import APIRouter, Header, Response
from pydantic import ValidationError
from sqlalchemy import delete, func, insert, select, update

from hostdesk.hub import access, deps
from hostdesk.hub.deps import ADMIN_ERRORS, AUTH_ERRORS, WRITE_ERRORS
from hostdesk.hub.models import COUNTERS, JOBS, REGS
from hostdesk.hub.schemas import Job, JobsIn, JobsOut, JobsPutOut, StatsOut
from hostdesk.hub.strict_json import StrictJSONRoute

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/v1", tags=["catalogue"], route_class=StrictJSONRoute)
IF_NONE_MATCH_MAX = 1024  # a few dozen tags; a longer header is not a cache asking
ETAG_HEADER = {"ETag": {"description": "the catalogue's version", "schema": {"type": "string"}}}


def _etag(jobs_json: list[str]) -> str:
    digest = hashlib.sha256(("[" + ",".join(jobs_json) + "]").encode("utf-8")).hexdigest()
    return f'"{digest[:32]}"'


def _current_etag(conn) -> str:
    text = conn.execute(select(COUNTERS.c.text).where(COUNTERS.c.name == "jobs")).scalar_one()
    return text or _etag([])


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
        etag = _current_etag(conn)
        if _matches(if_none_match, etag):
            return Response(status_code=304, headers={"ETag": etag})
        rows = conn.execute(select(JOBS.c.data).order_by(JOBS.c.position)).scalars().all()
    response.headers["ETag"] = etag
    return JobsOut(jobs=_valid_jobs(rows))


def _valid_jobs(rows: list[str]) -> list[Job]:
    """The stored jobs today's rules accept: a catalogue stored before a rule was tightened
    (a 400-digit headcount, a code with a line break) must not break every desktop's pull."""
    jobs = []
    for position, data in enumerate(rows):
        try:
            jobs.append(Job.model_validate_json(data))
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
    _principal: deps.AdminWriter,
    hub: deps.HubDep,
) -> JobsPutOut:
    data = [json.dumps(job.model_dump(), ensure_ascii=False) for job in body.jobs]
    etag = _etag(data)
    with hub.db.write() as conn:
        conn.execute(delete(JOBS))
        if data:
            conn.execute(
                insert(JOBS),
                [
                    {"code": job.code, "position": i, "data": text}
                    for i, (job, text) in enumerate(zip(body.jobs, data, strict=True))
                ],
            )
        conn.execute(update(COUNTERS).where(COUNTERS.c.name == "jobs").values(text=etag))
    response.headers["ETag"] = etag
    return JobsPutOut(count=len(data))


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
