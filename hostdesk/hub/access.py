"""Who may see and change which sign-ups: the one policy every route and query asks.

Roles today: a device (a broadcast PC's token) and an admin. The back office's staff
(recruiters, employers) will be further roles here: each answers the same three questions —
which rows it sees (`visible`), how much of a row it receives (`shape`), and which rows it
may change (`may_change`).

- admin: every row, in full; may change every row.
- device: the sign-ups it made itself (origin "device", device = its name), in full — it
  typed them; and the page's sign-ups credited to it (origin "hub", device = its name,
  the `d=` of the QR link), with the name and phone masked (张**, 138****5678): the
  on-stream ticker needs a masked name and the job, the desk's list shows them masked,
  and nothing it does needs the number. It may change only the sign-ups it made.
- stats: anonymous counts (per job and session, no person in them) for every token, over
  the whole hub — the number a job shows on stream is the job's, not one PC's.

The back office's staff (hostdesk.hub.staff.Staff, signed in at /office/):
- recruiter: every lead (they work the agency's whole list), names and numbers masked
  until a reveal (logged); may work every lead (stages, calls, owners) except that a
  lead at 已入职 stays there.
- office admin: as a recruiter, and may move a lead out of 已入职.
- employer: no lead on the desk. Its own view (/office/employer) and export: the sign-ups
  for its own jobs (the catalogue job's company is the account's), of viewers who ticked the
  separate employer consent, still active (not withdrawn or erased) — name and number in
  full (the consent covers them), in an employer-facing shape (`employer_shape`: no internal
  ids, show codes, notice versions or sync states). The agency (admin, recruiter) exporting
  "for employer X" gets exactly the same rows (`employer_rows` with X).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, false, true

from hostdesk.core.phone import mask_name, mask_phone
from hostdesk.hub.auth import Principal
from hostdesk.hub.models import REGS
from hostdesk.hub.staff import Staff

NOT_OWNER = "not_owner"
# What a device never receives of a page sign-up in full; the rest of the row it may see.
MASKED = {"name": mask_name, "phone": mask_phone}


def is_admin(principal: Principal) -> bool:
    return principal.admin


def visible(principal: Principal) -> ColumnElement[bool]:
    """The WHERE clause of the rows `principal` may read (every read of REGS uses it)."""
    if is_admin(principal):
        return true()
    # A device's own rows and the page rows credited to it share one column: device.
    return and_(REGS.c.device == principal.name, REGS.c.origin.in_(("device", "hub")))


def shape(principal: Principal, row: dict) -> dict:
    """The row as `principal` receives it: a device gets page sign-ups masked."""
    if is_admin(principal) or row.get("origin") != "hub":
        return row
    return {**row, **{key: mask(row.get(key) or "") for key, mask in MASKED.items()}}


def may_change(principal: Principal, origin: str, device: str | None) -> bool:
    """Amend or withdraw: an admin any row, a device only a sign-up it made itself."""
    if is_admin(principal):
        return True
    return origin == "device" and device == principal.name


def stats_scope(_principal: Principal) -> ColumnElement[bool]:
    """Rows the anonymous counts cover: all of them, for every token (see the module doc)."""
    return true()


LEAD_WORKERS = ("admin", "recruiter")
FINAL_STAGE = "hired"  # 已入职: only an office admin moves a lead out of it


def works_leads(staff: Staff) -> bool:
    """May open the lead desk at all (employers: not yet)."""
    return staff.role in LEAD_WORKERS


def leads_visible(staff: Staff) -> ColumnElement[bool]:
    """The WHERE clause of the sign-ups `staff` sees on the lead desk."""
    return true() if works_leads(staff) else false()


def lead_shape(staff: Staff, row: dict, *, revealed: bool = False) -> dict:
    """A lead as `staff` receives it: name and number masked unless revealed (and logged)."""
    if revealed and works_leads(staff):
        return row
    return {**row, **{key: mask(row.get(key) or "") for key, mask in MASKED.items()}}


def may_change_lead(staff: Staff, stage: str) -> bool:
    """Change a lead now at `stage` (its stage, calls, owner)."""
    if not works_leads(staff):
        return False
    return stage != FINAL_STAGE or staff.role == "admin"


# What an employer receives of a lead, in this order: the employer-facing columns.
EMPLOYER_COLUMNS = ("name", "phone", "job_title", "created_at", "age", "expected_city")


def employer_company(staff: Staff, asked: str = "") -> str | None:
    """Whose employer view `staff` may open: an employer its own company only (asking for
    another is refused: None); the agency (admin, recruiter) the company it names."""
    if staff.role == "employer":
        own = staff.employer.strip()
        return own if own and asked.strip() in ("", own) else None
    if works_leads(staff):
        return asked.strip() or None
    return None


def employer_jobs(company: str, jobs: dict[str, dict]) -> list[str]:
    """The catalogue's job codes of `company` (jobs: code -> {title, company})."""
    return [code for code, job in jobs.items() if job["company"].strip() == company.strip()]


def employer_rows(job_codes: list[str]) -> ColumnElement[bool]:
    """The WHERE clause of the leads an employer (or the agency for it) may see: its jobs,
    the viewer's employer consent ticked, still active."""
    if not job_codes:
        return false()
    return and_(
        REGS.c.job_code.in_(job_codes),
        REGS.c.employer_consent.is_(True),
        REGS.c.status == "active",
    )


def employer_shape(row: dict, jobs: dict[str, dict]) -> dict:
    """A lead as an employer receives it: only EMPLOYER_COLUMNS (the job's catalogue title)."""
    title = jobs.get(row.get("job_code"), {}).get("title") or row.get("job_title") or ""
    return {key: (title if key == "job_title" else row.get(key)) for key in EMPLOYER_COLUMNS}
