"""The hub link's local state: ETag and cursor, hub-owned jobs' last pulled content, conflicts."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from hostdesk.core.jobs import Job, JobStatus, valid_code
from hostdesk.store.db import Database
from hostdesk.store.job_rows import job_to_row, row_to_job
from hostdesk.store.tables import HubJobRow, HubStateRow, JobRow
from hostdesk.store.withdrawn_jobs import HELD, encode, held_codes, on_show

JOBS = JobRow.__table__
STATE = HubStateRow.__table__
HUB_JOBS = HubJobRow.__table__

# hub_state keys
HUB_URL = "hub_url"
JOBS_ETAG = "jobs_etag"
REGISTRATIONS_CURSOR = "registrations_cursor"
LAST_PULL_AT = "last_pull_at"
# This PC's name on the hub (its device token's name, from GET /api/v1/me) and a digest of
# the token it belongs to: a new token in the settings asks again.
DEVICE_NAME = "device_name"
DEVICE_TOKEN = "device_token_digest"
# The address the hub says phones open (`hostdesk-hub serve --public-url`), learnt with the name.
HUB_PUBLIC_URL = "hub_public_url"
# hub_jobs.base for a job that clashed with a local one before anything was pulled for it:
# never equal to a job's JSON, so the first pull can never pass for "unedited here".
NO_BASE = ""


def job_json(job: Job) -> str:
    """The hub-visible content of a job (the `jobs list --json` keys), canonical for comparing."""
    return json.dumps(job.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _aware(value: datetime) -> datetime:
    return value if value.utcoffset() is not None else value.replace(tzinfo=UTC)


@dataclass(frozen=True)
class CatalogueApplied:
    """What one catalogue pull did to the local jobs."""

    created: int = 0
    updated: int = 0  # hub-owned, not edited here: now the hub's version
    kept_local: int = 0  # edited here, unchanged on the hub: the local edit stays
    conflicts: int = 0  # edited here and changed on the hub: kept, shown to the assistant
    closed: int = 0  # gone from the hub's catalogue, not edited here: closed
    held: int = 0  # gone from the hub's catalogue but on tonight's show: kept open, asked
    unchanged: int = 0
    invalid: int = 0  # items the hub sent that are not jobs (skipped)


@dataclass(frozen=True)
class JobConflict:
    """A hub-owned job edited here while the hub changed it too; nothing was overwritten."""

    code: str
    mine: Job | None  # the local version (None: the job is gone here)
    theirs: Job  # the hub's version waiting
    at: datetime  # when the clash was found
    local_origin: bool  # the code was a local job before the hub sent one with the same code


def parse_hub_job(item, now: datetime) -> Job | None:
    """One item of GET /api/v1/jobs as a Job, or None when it is not a usable job."""
    if not isinstance(item, dict):
        return None
    try:
        job = Job.from_json(item)
    except (KeyError, ValueError, TypeError, AttributeError):
        return None
    if not isinstance(job.code, str) or not valid_code(job.code):
        return None
    if not isinstance(job.title, str) or not job.title.strip():
        return None
    if not all(isinstance(tag, str) for tag in job.benefits):
        return None
    return replace(job, updated_at=now)


class HubRepository:
    """hub_state, hub_jobs and the jobs they guard; each write is one IMMEDIATE transaction."""

    def __init__(self, db: Database):
        self._db = db

    @property
    def db(self) -> Database:
        """The store it reads (PublishRepository works on the same tables)."""
        return self._db

    # -- key/value state ----------------------------------------------------------------------

    def state(self) -> dict[str, str]:
        with self._db.engine.connect() as conn:
            return {r.key: r.value for r in conn.execute(select(STATE))}

    def public_url(self) -> str:
        """The hub's public address as it last told this PC ("" before the first pull)."""
        return self.state().get(HUB_PUBLIC_URL, "")

    def set_state(self, values: dict[str, str]) -> None:
        with self._db.write() as conn:
            put_state(conn, values)

    def use_hub(self, hub_url: str) -> bool:
        """Remember which hub the ETag and cursor belong to; a different hub starts them over.

        Returns True when they were reset (a first pull, or the settings name another hub).
        """
        with self._db.write() as conn:
            current = conn.execute(select(STATE.c.value).where(STATE.c.key == HUB_URL)).scalar()
            if current == hub_url:
                return False
            stale = [JOBS_ETAG, REGISTRATIONS_CURSOR, DEVICE_NAME, DEVICE_TOKEN]
            conn.execute(delete(STATE).where(STATE.c.key.in_(stale)))
            put_state(conn, {HUB_URL: hub_url})
            return True

    # -- the catalogue ----------------------------------------------------------------------

    def apply_catalogue(
        self,
        jobs: list[Job | None],
        etag: str,
        now: datetime,
        versions: dict[str, int] | None = None,
    ) -> CatalogueApplied:
        """Merge the hub's catalogue (None items: invalid) and store its ETag, in one commit.

        Three-way per code, base = the hub's content when last applied here:
        local == hub → nothing to do; local == base (not edited here) → the hub's version;
        hub == base (the hub did not change it) → the local edit stays; otherwise a conflict
        is recorded and the local version stays until the assistant chooses.
        """
        now = _aware(now)
        counts = dict.fromkeys(CatalogueApplied.__dataclass_fields__, 0)
        valid = {job.code: job for job in jobs if job is not None}  # the last of a code wins
        counts["invalid"] = sum(1 for job in jobs if job is None)
        with self._db.write() as conn:
            local = {r.code: r for r in conn.execute(select(JOBS))}
            bases = {r.code: r for r in conn.execute(select(HUB_JOBS))}
            for code, theirs in valid.items():
                outcome = _merge_one(conn, local.get(code), bases.get(code), theirs, now)
                counts[outcome] += 1
            missing = bases.keys() - valid.keys()
            # Never close a job under a live show: one in tonight's rundown or on air (or
            # already held) stays takeable until a person keeps or closes it.
            show = (on_show(conn) | set(held_codes(conn))) if missing else set()
            held = []
            for code in missing:
                outcome = _withdrawn(conn, local.get(code), bases[code], now, code in show)
                held += [code] if outcome == "held" else []
                counts[outcome] += 1
            put_state(conn, {HELD: encode(sorted(held))})
            _remember_versions(conn, {c: v for c, v in (versions or {}).items() if c in valid})
            put_state(conn, {JOBS_ETAG: etag})
        return CatalogueApplied(**counts)

    def conflicts(self) -> list[JobConflict]:
        stmt = (
            select(HUB_JOBS, JOBS)
            .join_from(HUB_JOBS, JOBS, JOBS.c.code == HUB_JOBS.c.code, isouter=True)
            .where(HUB_JOBS.c.theirs.is_not(None))
            .order_by(HUB_JOBS.c.conflict_at, HUB_JOBS.c.code)
        )
        out = []
        with self._db.engine.connect() as conn:
            for row in conn.execute(stmt):
                m = row._mapping
                code = m[HUB_JOBS.c.code]
                mine = row_to_job({c.name: m[c] for c in JOBS.columns}) if m[JOBS.c.id] else None
                theirs = Job.from_json(json.loads(m[HUB_JOBS.c.theirs]))
                out.append(
                    JobConflict(
                        code=code,
                        mine=mine,
                        theirs=theirs,
                        at=_aware(m[HUB_JOBS.c.conflict_at]),
                        local_origin=m[HUB_JOBS.c.base] == NO_BASE,
                    )
                )
        return out

    def hub_codes(self) -> set[str] | None:
        """The codes the hub's catalogue held at the last pull; None before any pull (unknown).

        Only these have a sign-up page on the hub: a job made only here has none.
        """
        with self._db.engine.connect() as conn:
            pulled = conn.execute(select(STATE.c.value).where(STATE.c.key == JOBS_ETAG)).scalar()
            if pulled is None:
                return None
            return set(conn.execute(select(HUB_JOBS.c.code)).scalars())

    def withdrawn_held(self) -> list[Job]:
        """The jobs the hub's catalogue dropped but kept open here for tonight's show."""
        with self._db.engine.connect() as conn:
            codes = held_codes(conn)
            rows = conn.execute(select(JOBS).where(JOBS.c.code.in_(codes))) if codes else []
            jobs = {r.code: row_to_job(r._mapping) for r in rows}
        return [jobs[c] for c in codes if c in jobs and jobs[c].status is not JobStatus.CLOSED]

    def decide_withdrawn(self, code: str, keep: bool, now: datetime) -> bool:
        """A person's answer for a held job: keep it (now this PC's own job) or close it.

        False when the job is no longer held (the hub listed it again, or already decided).
        """
        with self._db.write() as conn:
            codes = held_codes(conn)
            if code not in codes:
                return False
            put_state(conn, {HELD: encode(c for c in codes if c != code)})
            local = conn.execute(select(JOBS).where(JOBS.c.code == code)).first()
            if local is None:
                return True
            if keep:  # no longer the hub's job here: no later pull closes it
                conn.execute(update(JOBS).where(JOBS.c.code == code).values(origin="local"))
                conn.execute(delete(HUB_JOBS).where(HUB_JOBS.c.code == code))
            else:
                _close(conn, row_to_job(local._mapping), _aware(now))
            return True

    def conflict_count(self) -> int:
        stmt = select(func.count()).select_from(HUB_JOBS).where(HUB_JOBS.c.theirs.is_not(None))
        with self._db.engine.connect() as conn:
            return conn.execute(stmt).scalar_one()

    def resolve(self, code: str, take_theirs: bool, now: datetime) -> bool:
        """Close a conflict: the hub's version replaces the local one, or the local one stays.

        Either way the job is hub-owned afterwards and the hub's version becomes the base, so
        the next pull only asks again when the hub changes the job again. False: no conflict.
        """
        now = _aware(now)
        with self._db.write() as conn:
            row = conn.execute(select(HUB_JOBS).where(HUB_JOBS.c.code == code)).first()
            if row is None or row.theirs is None:
                return False
            if take_theirs:
                theirs = replace(Job.from_json(json.loads(row.theirs)), updated_at=now)
                local = conn.execute(select(JOBS).where(JOBS.c.code == code)).first()
                _put_job(conn, local, theirs)
            else:
                conn.execute(update(JOBS).where(JOBS.c.code == code).values(origin="hub"))
            conn.execute(
                update(HUB_JOBS)
                .where(HUB_JOBS.c.code == code)
                .values(base=row.theirs, theirs=None, conflict_at=None)
            )
            return True


def _remember_versions(conn: Connection, versions: dict[str, int]) -> None:
    """The hub's version of each job pulled: of base, or of theirs while a conflict waits."""
    if versions:
        conn.execute(
            update(HUB_JOBS)
            .where(HUB_JOBS.c.code == bindparam("b_code"))
            .values(version=bindparam("v")),
            [{"b_code": code, "v": v} for code, v in versions.items()],
        )


def put_state(conn: Connection, values: dict[str, str]) -> None:
    """Upsert hub_state keys inside the caller's transaction."""
    for key, value in values.items():
        stmt = sqlite_insert(STATE).values(key=key, value=str(value))
        conn.execute(
            stmt.on_conflict_do_update(index_elements=[STATE.c.key], set_={"value": str(value)})
        )


def _put_job(conn: Connection, local, job: Job) -> None:
    """Write the hub's version of a job, keeping what only this PC has (the highlights)."""
    if local is None:
        conn.execute(insert(JOBS), {**job_to_row(job), "origin": "hub"})
        return
    kept = replace(job, highlights=local.highlights)
    conn.execute(
        update(JOBS).where(JOBS.c.code == job.code).values({**job_to_row(kept), "origin": "hub"})
    )


def _set_base(conn: Connection, code: str, base: str, theirs: str | None, at) -> None:
    stmt = sqlite_insert(HUB_JOBS).values(code=code, base=base, theirs=theirs, conflict_at=at)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[HUB_JOBS.c.code],
            set_={"base": base, "theirs": theirs, "conflict_at": at},
        )
    )


def _merge_one(conn: Connection, local, base_row, theirs: Job, now: datetime) -> str:
    hub = job_json(theirs)
    base = base_row.base if base_row is not None else None
    if local is None:
        _put_job(conn, None, theirs)
        _set_base(conn, theirs.code, hub, None, None)
        return "created"
    mine = job_json(row_to_job(local._mapping))
    if mine == hub:
        if local.origin != "hub" or base != hub or base_row.theirs is not None:
            conn.execute(update(JOBS).where(JOBS.c.code == theirs.code).values(origin="hub"))
            _set_base(conn, theirs.code, hub, None, None)
        return "unchanged"
    if local.origin == "hub" and mine == base:
        _put_job(conn, local, theirs)
        _set_base(conn, theirs.code, hub, None, None)
        return "updated"
    if base is not None and base != NO_BASE and hub == base:
        if base_row.theirs is not None:  # the hub went back to what it had: nothing to choose
            _set_base(conn, theirs.code, base, None, None)
        return "kept_local"
    # Edited here and changed there (or a local job the hub now also has): keep ours, ask.
    since = base_row.conflict_at if base_row is not None and base_row.theirs == hub else now
    _set_base(conn, theirs.code, base if base is not None else NO_BASE, hub, since)
    return "conflicts"


def _withdrawn(conn: Connection, local, base_row, now: datetime, hold: bool = False) -> str:
    """A hub-owned job the hub no longer lists: close it here unless it was edited here, or
    hold it open ("held") while it is on tonight's show."""
    if local is None or base_row.base == NO_BASE:
        conn.execute(delete(HUB_JOBS).where(HUB_JOBS.c.code == base_row.code))
        return "unchanged"
    if base_row.theirs is not None:  # the hub's newer version is gone: nothing left to choose
        _set_base(conn, base_row.code, base_row.base, None, None)
    mine = row_to_job(local._mapping)
    if mine.status is JobStatus.CLOSED:
        return "unchanged"
    if job_json(mine) != base_row.base:
        return "kept_local"
    if hold:
        return "held"
    _close(conn, mine, now)
    return "closed"


def _close(conn: Connection, mine: Job, now: datetime) -> None:
    closed = replace(mine, status=JobStatus.CLOSED, updated_at=now)
    conn.execute(update(JOBS).where(JOBS.c.code == mine.code).values(job_to_row(closed)))
    _set_base(conn, mine.code, job_json(closed), None, None)
