"""What this PC still has to publish to the hub's catalogue, and what the hub answered.

A job is published when the hub holds exactly its content: hub_jobs.base equals the job's
JSON and hub_jobs.version is the hub's version of it. Anything else (a job made or edited
here, never sent) is pending; a job whose hub version clashes with a local edit waits in
hub_jobs.theirs for a person (HubRepository.resolve) and is not sent until then. The state
lives in the database, so nothing is lost while the hub is unreachable or the app closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import bindparam, delete, select, update

from hostdesk.core.jobs import Job
from hostdesk.store.db import Database
from hostdesk.store.hub_repo import HUB_JOBS, JOBS, NO_BASE, job_json
from hostdesk.store.job_rows import row_to_job
from hostdesk.store.withdrawn_jobs import held_codes


class HubCopy(StrEnum):
    """Whether the hub has a job as this PC has it (what a QR on stream will show)."""

    PUBLISHED = "published"  # the hub has exactly this content
    PENDING = "pending"  # new or edited here, not yet on the hub
    CONFLICT = "conflict"  # changed on the hub and here: waits for a person
    # Dropped from the hub's catalogue while on tonight's show, held open here
    # (withdrawn_jobs.py): takeable, but the hub no longer has it until a person decides.
    WITHDRAWN = "withdrawn"
    UNKNOWN = "unknown"  # no such job here


@dataclass(frozen=True)
class Unpublished:
    job: Job
    text: str  # job_json(job): what the hub will hold once it accepts it
    base_version: int  # the hub version the change is based on; 0: new to the hub


@dataclass(frozen=True)
class HubAnswer:
    """One item of the hub's publish answer (POST /api/v1/jobs/publish)."""

    code: str
    status: str  # created | updated | unchanged | conflict
    version: int
    theirs: Job | None = None  # the hub's job, on a conflict


class PublishRepository:
    """Reads the jobs to send and records the hub's answers, each in one transaction."""

    def __init__(self, db: Database):
        self._db = db

    def unpublished(self, codes: set[str] | None = None) -> list[Unpublished]:
        """Jobs whose content the hub does not have (catalogue order), conflicts left out."""
        stmt = select(JOBS, HUB_JOBS.c.base, HUB_JOBS.c.theirs, HUB_JOBS.c.version).join_from(
            JOBS, HUB_JOBS, HUB_JOBS.c.code == JOBS.c.code, isouter=True
        )
        if codes is not None:
            stmt = stmt.where(JOBS.c.code.in_(codes))
        out = []
        with self._db.engine.connect() as conn:
            for row in conn.execute(stmt.order_by(JOBS.c.id)):
                m = row._mapping
                if m["theirs"] is not None:
                    continue
                job = row_to_job(m)
                text = job_json(job)
                base = m["base"]
                if base is not None and base != NO_BASE and base == text and m["version"] > 0:
                    continue
                known = base is not None and base != NO_BASE
                out.append(Unpublished(job, text, m["version"] if known else 0))
        return out

    def hub_copy(self, code: str) -> HubCopy:
        """Published, pending, in conflict or withdrawn (held): two small reads, no network."""
        stmt = select(JOBS, HUB_JOBS.c.base, HUB_JOBS.c.theirs, HUB_JOBS.c.version).join_from(
            JOBS, HUB_JOBS, HUB_JOBS.c.code == JOBS.c.code, isouter=True
        )
        with self._db.engine.connect() as conn:
            row = conn.execute(stmt.where(JOBS.c.code == code)).first()
            held = row is not None and code in held_codes(conn)
        if row is None:
            return HubCopy.UNKNOWN
        if held:  # its hub_jobs row still says what the hub had: the hub has it no more
            return HubCopy.WITHDRAWN
        m = row._mapping
        if m["theirs"] is not None:
            return HubCopy.CONFLICT
        job = row_to_job(m)
        if m["base"] == job_json(job) and (m["version"] or 0) > 0:
            return HubCopy.PUBLISHED
        return HubCopy.PENDING

    def record(self, sent: list[Unpublished], answers: list[HubAnswer], now: datetime) -> None:
        """Store what the hub now holds: base and version for the jobs it took; a conflict
        keeps the local job and parks the hub's version for a person to choose."""
        now = now if now.utcoffset() is not None else now.replace(tzinfo=UTC)
        texts = {item.job.code: item.text for item in sent}
        took, clashes, gone = [], [], []
        for answer in answers:
            if answer.code not in texts:
                continue
            if answer.status in ("created", "updated", "unchanged"):
                took.append(
                    {"b_code": answer.code, "base": texts[answer.code], "v": answer.version}
                )
            elif answer.theirs is not None:
                clashes.append((answer.code, job_json(answer.theirs), answer.version))
            else:  # removed on the hub after this PC saw it: sent again as a new job next time
                gone.append(answer.code)
        with self._db.write() as conn:
            have = set(
                conn.execute(
                    select(HUB_JOBS.c.code).where(HUB_JOBS.c.code.in_(list(texts)))
                ).scalars()
            )
            new = [r for r in took if r["b_code"] not in have]
            old = [r for r in took if r["b_code"] in have]
            if new:
                conn.execute(
                    HUB_JOBS.insert(),
                    [{"code": r["b_code"], "base": r["base"], "version": r["v"]} for r in new],
                )
            if old:
                conn.execute(
                    update(HUB_JOBS)
                    .where(HUB_JOBS.c.code == bindparam("b_code"))
                    .values(
                        base=bindparam("base"),
                        version=bindparam("v"),
                        theirs=None,
                        conflict_at=None,
                    ),
                    old,
                )
            if took:
                # Known to the hub now: a later pull treats it as the hub's (three-way merge).
                conn.execute(
                    update(JOBS)
                    .where(JOBS.c.code.in_([r["b_code"] for r in took]))
                    .values(origin="hub")
                )
            for code, theirs, version in clashes:
                values = {"theirs": theirs, "conflict_at": now, "version": version}
                if code in have:
                    conn.execute(update(HUB_JOBS).where(HUB_JOBS.c.code == code).values(values))
                else:
                    conn.execute(HUB_JOBS.insert().values(code=code, base=NO_BASE, **values))
            if gone:
                conn.execute(delete(HUB_JOBS).where(HUB_JOBS.c.code.in_(gone)))


def parse_answer(item) -> HubAnswer | None:
    """One result of the hub's publish answer, or None when it is not one."""
    if not isinstance(item, dict):
        return None
    code, status, version = item.get("code"), item.get("status"), item.get("version")
    if not isinstance(code, str) or status not in ("created", "updated", "unchanged", "conflict"):
        return None
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        return None
    theirs = None
    if status == "conflict" and isinstance(item.get("job"), dict):
        try:
            theirs = Job.from_json(item["job"])
        except (KeyError, ValueError, TypeError, AttributeError):
            return None
    return HubAnswer(code, status, version, theirs)
