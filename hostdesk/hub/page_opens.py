"""Anonymous opens of a sign-up page, counted per job, show, PC and minute (table page_opens).

Nothing personal is kept: no address, no cookie, no user agent — only the QR link's own
s= (the show) and d= (the PC, when it names a device token) and the minute. Opens of
codes the catalogue does not hold are never counted (the caller counts only a page it
showed), so junk URLs do not grow the table. One atomic upsert per open: parallel opens
add up exactly on SQLite and PostgreSQL.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from hostdesk.hub.checks import iso
from hostdesk.hub.db import HubDB
from hostdesk.hub.models import PAGE_OPENS, TOKENS
from hostdesk.hub.signup_form import clean_device, clean_session

log = logging.getLogger(__name__)


def minute_of(moment: datetime) -> str:
    """The stored minute: ISO-8601 UTC, seconds and below cut off."""
    return iso(moment.astimezone(UTC).replace(second=0, microsecond=0))


def count_open(db: HubDB, job_code: str, query: Mapping[str, str]) -> None:
    """Add one open of `job_code`'s page (a job the catalogue holds) from a link's query.

    Never fails the page: a database error is logged (its kind only) and the open is lost.
    """
    session = clean_session(query.get("s", ""))
    device_name = clean_device(query.get("d", ""))
    try:
        _add(db, job_code, session, device_name, minute_of(datetime.now(UTC)))
    except SQLAlchemyError as exc:
        log.warning("page open not counted: %s", type(exc).__name__)


def _add(db: HubDB, job_code: str, session: str, device_name: str, minute: str) -> None:
    dialect = postgresql if db.dialect == "postgresql" else sqlite
    stmt = dialect.insert(PAGE_OPENS).values(job_code=job_code, session_code=session, minute=minute)
    stmt = stmt.on_conflict_do_update(
        index_elements=["job_code", "session_code", "device", "minute"],
        set_={"opens": PAGE_OPENS.c.opens + 1},
    )
    # d= counts only when it names a device token (any other text would add a row per
    # made-up name); read in the same statement, so an open costs one round trip.
    known = (
        select(TOKENS.c.name)
        .where(TOKENS.c.name == device_name, TOKENS.c.admin.is_(False))
        .scalar_subquery()
    )
    values = {"device": func.coalesce(known, "") if device_name else "", "opens": 1}
    if db.dialect == "sqlite":
        # The hub's SQLite writers queue in-process (HubDB.write) rather than in the
        # busy handler's sleeps.
        with db.write() as conn:
            conn.execute(stmt.values(**values))
        return
    # PostgreSQL: the upsert is atomic on its own; HubDB.write's lock on the change counter
    # (for registrations' cursors) would queue every page view behind the sign-ups.
    with db.engine.begin() as conn:
        conn.execute(stmt.values(**values))
