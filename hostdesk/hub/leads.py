"""The lead desk's domain: stages and their checked transitions, calls, owners, the list.

No HTTP and no Qt. A sign-up is a lead from the moment it is stored; its desk state (stage,
owner, calls) lives in `leads`, made on the first change (no row = 新报名, no owner). Each
stage change appends a `lead_history` row (never updated), so time in each stage can be
measured. Who may see and change what is asked of hostdesk.hub.access.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone

from sqlalchemy import Connection, and_, func, insert, literal_column, or_, select, update

from hostdesk.core.registrations import Source
from hostdesk.hub import access, search_index
from hostdesk.hub.db import HubDB
from hostdesk.hub.models import COUNTERS, JOBS, LEAD_CALLS, LEAD_HISTORY, LEADS, REGS, STAFF
from hostdesk.hub.staff import Staff, audit, now_iso

# The pipeline, in order, then the exits. Codes are stored; labels are the desk's words.
PIPELINE = ("new", "contacted", "booked", "interviewed", "offered", "hired")
EXITS = ("no_answer", "not_interested", "unsuitable", "no_show", "declined", "duplicate")
STAGES = PIPELINE + EXITS
# Where a recruiter may move a lead from each stage (an office admin: anywhere).
NEXT = {
    "new": ("contacted", "no_answer", "not_interested", "unsuitable", "duplicate"),
    "no_answer": ("contacted", "not_interested", "unsuitable", "duplicate"),
    "contacted": ("booked", "not_interested", "unsuitable", "duplicate"),
    "booked": ("interviewed", "no_show", "not_interested"),
    "no_show": ("booked", "not_interested"),
    "interviewed": ("offered", "unsuitable", "not_interested"),
    "offered": ("hired", "declined"),
    "hired": (),
    # Someone who said no may call back: the lead opens again.
    "not_interested": ("contacted",),
    "unsuitable": ("contacted",),
    "declined": ("contacted",),
    "duplicate": ("contacted",),
}
OPEN = ("new", "no_answer", "contacted", "booked", "no_show", "interviewed", "offered")
OUTCOMES = ("answered", "no_answer", "busy", "invalid")
# The desk's source filter: the desktop's sources, and the platforms leads are imported from
# (hostdesk.hub.office.lead_import_plan.PLATFORMS; "import" is already a desktop source).
SOURCES = (*(s.value for s in Source), "douyin", "kuaishou")
# A call's outcome moves a lead still waiting for its first conversation.
CALL_MOVES = {
    ("new", "answered"): "contacted",
    ("no_answer", "answered"): "contacted",
    ("new", "no_answer"): "no_answer",
    ("new", "busy"): "no_answer",
}
NOTE_MAX = 200
PAGE_SIZE = 50
COUNT_MAX = 1000  # the list counts up to this many ("1000+"): an exact count scans them all
BULK_MAX = 500
CALL_WITHIN = "office_call_minutes"  # COUNTERS row: minutes before an uncalled lead is late
DEFAULT_CALL_WITHIN = 5
CHINA = timezone(timedelta(hours=8))  # the desk's dates and times are China time
STAGE_OF = func.coalesce(LEADS.c.stage, "new")
# Literal arguments: the expression must read exactly as its index (models.LEAD_DESK_INDEXES).
PHONE_TAIL = func.substr(REGS.c.phone, literal_column("8"), literal_column("4"))


class Refused(ValueError):
    """A change that may not happen; `reason`: forbidden, unknown, gone, stage, stale, owner."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def next_stages(staff: Staff, stage: str) -> tuple[str, ...]:
    """Where `staff` may move a lead now at `stage`."""
    if not access.may_change_lead(staff, stage):
        return ()
    if staff.role == "admin":
        return tuple(s for s in STAGES if s != stage)
    return NEXT.get(stage, ())


@dataclass
class Filters:
    """The list's filters, as the page's query string gives them (all optional)."""

    job: str = ""
    employer: str = ""
    session: str = ""
    device: str = ""
    day: str = ""  # YYYY-MM-DD, China time
    source: str = ""
    stage: str = ""
    owner: str = ""  # an account id, "me" or "none"
    q: str = ""
    queue: bool = False  # my queue: mine, open, oldest sign-up first
    page: int = 1
    extra: dict = field(default_factory=dict)


_JOBS_CACHE: dict[str, tuple[str, dict[str, dict]]] = {}  # db url → (catalogue etag, map)
_JOBS_LOCK = threading.Lock()


def jobs_map(conn: Connection) -> dict[str, dict]:
    """Every catalogue job's code → {title, company}. Parsed again only when the catalogue's
    etag (COUNTERS "jobs", changed by every catalogue write) differs: one indexed read."""
    etag = conn.execute(select(COUNTERS.c.text).where(COUNTERS.c.name == "jobs")).scalar() or ""
    key = conn.engine.url.render_as_string(hide_password=True)
    with _JOBS_LOCK:
        cached = _JOBS_CACHE.get(key)
    if etag and cached is not None and cached[0] == etag:
        return cached[1]
    jobs = _read_jobs(conn)
    with _JOBS_LOCK:
        _JOBS_CACHE[key] = (etag, jobs)
    return jobs


def _read_jobs(conn: Connection) -> dict[str, dict]:
    jobs = {}
    for code, data in conn.execute(select(JOBS.c.code, JOBS.c.data).order_by(JOBS.c.position)):
        try:
            item = json.loads(data)
        except ValueError:
            item = {}
        jobs[code] = {"title": str(item.get("title", "")), "company": str(item.get("company", ""))}
    return jobs


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_SEARCHED = REGS.alias("searched")  # the search's own view of the rows (not the outer query's)


def _search(q: str):
    """Text search: a whole number (11 digits) or its last four digits, else a name, job
    title or code (a name or title of two characters or more: through the bigram index,
    hostdesk.hub.search_index; one character: a scan stopped by the page's limit). Partial
    numbers otherwise match nothing: a search must not reveal, digit by digit, a number the
    list masks."""
    q = q.strip()[:40]
    if not q:
        return None
    if q.isascii() and q.isdigit():
        if len(q) == 11:
            return REGS.c.phone == q
        if len(q) == 4:  # numbers are 11 digits: the last four are characters 8-11
            return q == PHONE_TAIL
        return REGS.c.job_code == q
    pattern = f"%{_like(q)}%"
    candidates = search_index.holding(q)
    if candidates is None:  # one character: the index cannot narrow it
        return or_(REGS.c.name.like(pattern, escape="\\"),
                   REGS.c.job_title.like(pattern, escape="\\"), REGS.c.job_code == q)  # fmt: skip
    # One IN over a small set of ids (the candidates confirmed by LIKE, and the job code's
    # rows): both planners look those rows up by key instead of filtering every row.
    found = _SEARCHED.c.id.in_(candidates) & or_(
        _SEARCHED.c.name.like(pattern, escape="\\"), _SEARCHED.c.job_title.like(pattern, escape="\\"))  # fmt: skip
    return REGS.c.id.in_(
        select(_SEARCHED.c.id).where(found).union(select(_SEARCHED.c.id).where(_SEARCHED.c.job_code == q))
    )  # fmt: skip


def _day_range(day: str) -> tuple[str, str] | None:
    try:
        start = datetime.combine(date.fromisoformat(day), datetime.min.time(), CHINA)
    except ValueError:
        return None
    iso = lambda d: d.astimezone(UTC).isoformat(timespec="microseconds")  # noqa: E731
    return iso(start), iso(start + timedelta(days=1))


def _where(staff: Staff, f: Filters, jobs: dict[str, dict]) -> list:
    where = [access.leads_visible(staff)]
    if f.job:
        where.append(REGS.c.job_code == f.job)
    if f.employer:
        codes = [c for c, j in jobs.items() if j["company"].strip() == f.employer]
        where.append(REGS.c.job_code.in_(codes))
    if f.session:
        where.append(REGS.c.session_id == f.session)
    if f.device:
        where.append(REGS.c.device == f.device)
    if f.day and (span := _day_range(f.day)):
        where.append(and_(REGS.c.created_at >= span[0], REGS.c.created_at < span[1]))
    if f.source:
        where.append(REGS.c.source == f.source)
    if f.stage == "new":
        where.append(or_(LEADS.c.stage.is_(None), LEADS.c.stage == "new"))
    elif f.stage in STAGES:  # on the column itself: its index finds the few at a stage
        where.append(LEADS.c.stage == f.stage)
    if f.queue or f.owner == "me":
        where.append(LEADS.c.owner_id == staff.id)
    elif f.owner == "none":
        where.append(LEADS.c.owner_id.is_(None))
    elif f.owner.isdigit():
        where.append(LEADS.c.owner_id == int(f.owner))
    if f.queue:
        where.append(STAGE_OF.in_(OPEN))
        where.append(REGS.c.status == "active")
    if (search := _search(f.q)) is not None:
        where.append(search)
    return where


_LIST_COLUMNS = (
    REGS.c.id, REGS.c.client_id, REGS.c.job_code, REGS.c.job_title, REGS.c.session_id,
    REGS.c.device, REGS.c.origin, REGS.c.name, REGS.c.phone, REGS.c.source, REGS.c.status,
    REGS.c.created_at, STAGE_OF.label("stage"), LEADS.c.owner_id, LEADS.c.calls,
    LEADS.c.last_call_at, LEADS.c.last_outcome, LEADS.c.stage_at,
)  # fmt: skip
_FROM = REGS.outerjoin(LEADS, LEADS.c.reg_id == REGS.c.id)
# When the filter needs a desk row (an owner, a stage past 新报名, the queue) the join is an
# inner one: the planner may then start from the leads' owner or stage index.
_FROM_WORKED = REGS.join(LEADS, LEADS.c.reg_id == REGS.c.id)


def _from(f: Filters):
    worked = f.queue or f.owner == "me" or f.owner.isdigit() or f.stage in set(STAGES) - {"new"}
    return _FROM_WORKED if worked else _FROM


@dataclass
class Page:
    rows: list[dict]
    total: int  # counted up to a cap: `more` when there are more than that
    page: int
    pages: int
    jobs: dict[str, dict]
    owners: dict[int, str]
    call_within: int
    more: bool = False


def list_leads(db: HubDB, staff: Staff, f: Filters) -> Page:
    """One page of leads as `staff` sees them (masked), with repeats flagged."""
    with db.read() as conn:
        jobs = jobs_map(conn)
        where = _where(staff, f, jobs)
        # Counted up to the page asked for and COUNT_MAX past none: a filter matching most of
        # 100,000 rows stops early instead of scanning them all on every page view.
        cap = max(COUNT_MAX, f.page * PAGE_SIZE) + 1
        source = _from(f)
        capped = select(REGS.c.id).select_from(source).where(*where).limit(cap).subquery()
        total = conn.execute(select(func.count()).select_from(capped)).scalar_one()
        pages = max(1, -(-total // PAGE_SIZE))
        page = min(max(1, f.page), pages)
        order = (REGS.c.created_at.asc(), REGS.c.id.asc()) if f.queue else (
            REGS.c.created_at.desc(), REGS.c.id.desc())  # fmt: skip
        rows = [
            dict(r._mapping)
            for r in conn.execute(
                select(*_LIST_COLUMNS).select_from(source).where(*where).order_by(*order)
                .limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)
            )
        ]  # fmt: skip
        repeats = _repeats(conn, [r["phone"] for r in rows])
        owners = dict(conn.execute(select(STAFF.c.id, STAFF.c.name)).all())
        minutes = call_within(conn)
    for row in rows:
        _decorate(row, repeats, jobs)
    shaped = [access.lead_shape(staff, row) for row in rows]
    more = total >= cap
    return Page(shaped, total - more, page, pages, jobs, owners, minutes, more)


def _repeats(conn: Connection, phones: list[str]) -> dict[str, int]:
    """Sign-ups per phone (of these phones) across every job: more than one is a repeat."""
    wanted = sorted({p for p in phones if p})
    if not wanted:
        return {}
    counts = conn.execute(
        select(REGS.c.phone, func.count())
        .where(REGS.c.phone.in_(wanted), REGS.c.status == "active")
        .group_by(REGS.c.phone)
    ).all()
    return {phone: n for phone, n in counts}


def _decorate(row: dict, repeats: dict[str, int], jobs: dict[str, dict]) -> None:
    gone = row["status"] != "active"
    if gone:  # withdrawn or erased: shown as such, never its data
        row["name"] = row["phone"] = ""
    row["gone"] = gone
    row["repeat"] = 0 if gone else max(0, repeats.get(row["phone"], 0) - 1)
    row["company"] = jobs.get(row["job_code"], {}).get("company", "")
    row["stage"] = row["stage"] or "new"


def is_late(row: dict, minutes: int, now: datetime | None = None) -> bool:
    """Signed up longer than `minutes` ago and not called yet (still 新报名)."""
    if row.get("gone") or row["stage"] != "new" or row.get("calls"):
        return False
    now = now or datetime.now(UTC)
    try:
        created = datetime.fromisoformat(row["created_at"])
    except (TypeError, ValueError):
        return False
    return now - created > timedelta(minutes=minutes)


def call_within(conn: Connection) -> int:
    value = conn.execute(select(COUNTERS.c.value).where(COUNTERS.c.name == CALL_WITHIN)).scalar()
    return DEFAULT_CALL_WITHIN if value is None else int(value)


def set_call_within(db: HubDB, staff: Staff, minutes: int) -> None:
    if staff.role != "admin":
        raise Refused("forbidden")
    if not 1 <= minutes <= 24 * 60:
        raise Refused("minutes")
    with db.write() as conn:
        conn.info.pop("seq", None)
        done = conn.execute(
            update(COUNTERS).where(COUNTERS.c.name == CALL_WITHIN).values(value=minutes)
        ).rowcount
        if not done:
            conn.execute(insert(COUNTERS).values(name=CALL_WITHIN, value=minutes, text=""))
        audit(conn, staff.name, "setting", CALL_WITHIN, str(minutes))


def lead(db: HubDB, staff: Staff, reg_id: int, *, revealed: bool = False) -> dict | None:
    """One lead with its history and calls, as `staff` sees it; None when not visible."""
    with db.read() as conn:
        row = conn.execute(
            select(*_LIST_COLUMNS, REGS.c.age, REGS.c.gender, REGS.c.current_city,
                   REGS.c.expected_city, REGS.c.note, REGS.c.employer_consent)
            .select_from(_FROM)
            .where(REGS.c.id == reg_id, access.leads_visible(staff))
        ).first()  # fmt: skip
        if row is None:
            return None
        item = dict(row._mapping)
        jobs = jobs_map(conn)
        _decorate(item, _repeats(conn, [item["phone"]]), jobs)
        item["history"] = [
            dict(h._mapping)
            for h in conn.execute(
                select(LEAD_HISTORY).where(LEAD_HISTORY.c.reg_id == reg_id)
                .order_by(LEAD_HISTORY.c.id)
            )
        ]  # fmt: skip
        item["call_log"] = [
            dict(c._mapping)
            for c in conn.execute(
                select(LEAD_CALLS).where(LEAD_CALLS.c.reg_id == reg_id).order_by(LEAD_CALLS.c.id)
            )
        ]
        item["owners"] = dict(conn.execute(select(STAFF.c.id, STAFF.c.name)).all())
    if item["gone"]:
        for key in ("age", "gender", "current_city", "expected_city", "note"):
            item[key] = None if key == "age" else ""
    return access.lead_shape(staff, item, revealed=revealed and not item["gone"])


def _locked_state(conn: Connection, staff: Staff, reg_id: int) -> tuple[str, int | None]:
    """The lead's (stage, owner) inside a write, its row made when missing; Refused when the
    lead is not visible to `staff`, withdrawn or erased, or not changeable by `staff`."""
    reg = conn.execute(
        select(REGS.c.status).where(REGS.c.id == reg_id, access.leads_visible(staff))
    ).first()
    if reg is None:
        raise Refused("unknown")
    if reg.status != "active":
        raise Refused("gone")
    state = conn.execute(
        select(LEADS.c.stage, LEADS.c.owner_id).where(LEADS.c.reg_id == reg_id)
    ).first()
    if state is None:
        conn.execute(insert(LEADS).values(reg_id=reg_id, stage="new", stage_at=now_iso()))
        stage, owner = "new", None
    else:
        stage, owner = state.stage, state.owner_id
    if not access.may_change_lead(staff, stage):
        raise Refused("forbidden")
    return stage, owner


def _move(conn: Connection, staff: Staff, reg_id: int, old: str, new: str, note: str) -> None:
    at = now_iso()
    conn.execute(update(LEADS).where(LEADS.c.reg_id == reg_id).values(stage=new, stage_at=at))
    conn.execute(
        insert(LEAD_HISTORY).values(
            reg_id=reg_id, at=at, actor=staff.name, from_stage=old, to_stage=new, note=note
        )
    )
    audit(conn, staff.name, "stage", str(reg_id), f"{old}>{new}")


def clean_note(note: str) -> str:
    text = "".join(ch for ch in note if ch.isprintable() or ch == " ").strip()
    if len(text) > NOTE_MAX:
        raise Refused("note")
    return text


def change_stage(
    db: HubDB, staff: Staff, reg_id: int, to: str, *, expected: str, note: str = ""
) -> None:
    """Move a lead from `expected` (what the page showed) to `to`; Refused("stale") when it
    moved meanwhile (someone else changed it), Refused("stage") for a move not allowed."""
    note = clean_note(note)
    if to not in STAGES:
        raise Refused("stage")
    with db.write() as conn:
        conn.info.pop("seq", None)
        stage, _owner = _locked_state(conn, staff, reg_id)
        if stage != expected:
            raise Refused("stale")
        if to not in next_stages(staff, stage):
            raise Refused("stage")
        _move(conn, staff, reg_id, stage, to, note)


def record_call(db: HubDB, staff: Staff, reg_id: int, outcome: str) -> str:
    """One call attempt; a lead waiting for its first conversation moves with it (CALL_MOVES).
    Returns the lead's stage after."""
    if outcome not in OUTCOMES:
        raise Refused("outcome")
    with db.write() as conn:
        conn.info.pop("seq", None)
        stage, _owner = _locked_state(conn, staff, reg_id)
        at = now_iso()
        conn.execute(
            insert(LEAD_CALLS).values(reg_id=reg_id, at=at, actor=staff.name, outcome=outcome)
        )
        conn.execute(
            update(LEADS)
            .where(LEADS.c.reg_id == reg_id)
            .values(calls=LEADS.c.calls + 1, last_call_at=at, last_outcome=outcome)
        )
        audit(conn, staff.name, "call", str(reg_id), outcome)
        moved = CALL_MOVES.get((stage, outcome))
        if moved:
            _move(conn, staff, reg_id, stage, moved, "")
            return moved
    return stage


def _owner_id(conn: Connection, owner: int | None) -> int | None:
    if owner is None:
        return None
    allowed = conn.execute(
        select(STAFF.c.id).where(
            STAFF.c.id == owner, STAFF.c.role.in_(access.LEAD_WORKERS), STAFF.c.disabled.is_(False)
        )
    ).scalar()
    if allowed is None:
        raise Refused("owner")
    return owner


def assign(db: HubDB, staff: Staff, reg_ids: list[int], owner: int | None) -> int:
    """Give these leads to `owner` (None: nobody); all or none. Returns how many."""
    ids = sorted(set(reg_ids))
    if not ids or len(ids) > BULK_MAX:
        raise Refused("unknown")
    with db.write() as conn:
        conn.info.pop("seq", None)
        owner = _owner_id(conn, owner)
        for reg_id in ids:
            _locked_state(conn, staff, reg_id)
            conn.execute(update(LEADS).where(LEADS.c.reg_id == reg_id).values(owner_id=owner))
        audit(conn, staff.name, "assign", ",".join(map(str, ids))[:80], str(owner or "-"))
    return len(ids)


def round_robin(db: HubDB, staff: Staff, job_code: str) -> int:
    """The job's unassigned open leads dealt in turn, oldest first, to the active recruiters
    (continuing after whoever got this job's last lead). Returns how many were dealt."""
    if not access.works_leads(staff):
        raise Refused("forbidden")
    with db.write() as conn:
        conn.info.pop("seq", None)
        people = [
            r.id for r in conn.execute(
                select(STAFF.c.id).where(STAFF.c.role == "recruiter", STAFF.c.disabled.is_(False))
                .order_by(STAFF.c.name)
            )
        ]  # fmt: skip
        if not people:
            raise Refused("owner")
        waiting = [
            r.id for r in conn.execute(
                select(REGS.c.id).select_from(_FROM)
                .where(REGS.c.job_code == job_code, REGS.c.status == "active",
                       LEADS.c.owner_id.is_(None), STAGE_OF.in_(OPEN))
                .order_by(REGS.c.created_at, REGS.c.id)
            )
        ]  # fmt: skip
        last = conn.execute(
            select(LEADS.c.owner_id).select_from(_FROM)
            .where(REGS.c.job_code == job_code, LEADS.c.owner_id.in_(people))
            .order_by(REGS.c.created_at.desc(), REGS.c.id.desc()).limit(1)
        ).scalar()  # fmt: skip
        start = people.index(last) + 1 if last in people else 0
        for n, reg_id in enumerate(waiting):
            _locked_state(conn, staff, reg_id)
            owner = people[(start + n) % len(people)]
            conn.execute(update(LEADS).where(LEADS.c.reg_id == reg_id).values(owner_id=owner))
        audit(conn, staff.name, "round_robin", job_code[:80], str(len(waiting)))
    return len(waiting)


def reveal(db: HubDB, staff: Staff, reg_id: int) -> dict | None:
    """The lead's name and number in full, logged in the audit; None when not allowed or gone."""
    if not access.works_leads(staff):
        return None
    with db.read() as conn:
        row = conn.execute(
            select(REGS.c.name, REGS.c.phone, REGS.c.status)
            .where(REGS.c.id == reg_id, access.leads_visible(staff))
        ).first()  # fmt: skip
    if row is None or row.status != "active" or not row.phone:
        return None
    with db.write() as conn:
        conn.info.pop("seq", None)
        audit(conn, staff.name, "reveal", str(reg_id))
    return {"name": row.name, "phone": row.phone}


def next_in_queue(db: HubDB, staff: Staff, after: int) -> int | None:
    """The lead after `after` in `staff`'s queue (oldest sign-up first), else the first."""
    f = Filters(queue=True)
    with db.read() as conn:
        where = _where(staff, f, {})
        ids = [
            r.id for r in conn.execute(
                select(REGS.c.id).select_from(_FROM_WORKED).where(*where)
                .order_by(REGS.c.created_at, REGS.c.id).limit(BULK_MAX)
            )
        ]  # fmt: skip
    if not ids:
        return None
    if after in ids and ids.index(after) + 1 < len(ids):
        return ids[ids.index(after) + 1]
    return next((i for i in ids if i != after), None)


RECENT = 2000  # sign-ups whose shows and PCs the filters offer (the newest)


CHOICES_TTL = 10.0  # seconds the filter choices are reused (a new show shows up after that)
_CHOICES: dict[tuple[str, bool], tuple[float, dict[str, list[str]]]] = {}


def distinct_values(db: HubDB, staff: Staff) -> dict[str, list[str]]:
    """The choices the filters offer: the shows and PCs of the newest sign-ups, the sources
    (read once per CHOICES_TTL per database: every list view asks)."""
    key = (db.url, access.works_leads(staff))
    now = time.monotonic()
    with _JOBS_LOCK:
        cached = _CHOICES.get(key)
    if cached is not None and now - cached[0] < CHOICES_TTL:
        return cached[1]
    choices = _read_choices(db, staff)
    with _JOBS_LOCK:
        _CHOICES[key] = (now, choices)
    return choices


def _read_choices(db: HubDB, staff: Staff) -> dict[str, list[str]]:
    with db.read() as conn:
        rows = conn.execute(
            select(REGS.c.session_id, REGS.c.device).where(access.leads_visible(staff))
            .order_by(REGS.c.id.desc()).limit(RECENT)
        ).all()  # fmt: skip
    sessions = sorted({r.session_id for r in rows if r.session_id}, reverse=True)[:200]
    devices = sorted({r.device for r in rows if r.device})[:200]
    return {"session": sessions, "device": devices, "source": list(SOURCES)}
