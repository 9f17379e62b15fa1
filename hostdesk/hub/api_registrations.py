"""Routes for sign-ups: the devices' batch push, paging by cursor, the audit lookup, hub-made ones."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import and_, or_, select

from hostdesk.hub import access, deps, ingest
from hostdesk.hub.auth import Principal
from hostdesk.hub.checks import Rejected, registration_fields, utc_now
from hostdesk.hub.deps import ADMIN_ERRORS, AUTH_ERRORS, WRITE_ERRORS
from hostdesk.hub.models import REGS, TOKENS
from hostdesk.hub.schemas import (
    BatchIn,
    BatchOut,
    ErrorOut,
    HubRegistrationIn,
    LookupIn,
    LookupOut,
    RegistrationOut,
    RegistrationPage,
    UnprocessableOut,
)
from hostdesk.hub.strict_json import StrictJSONRoute

router = APIRouter(
    prefix="/api/v1/registrations", tags=["registrations"], route_class=StrictJSONRoute
)
CURSOR_MAX = 2**53  # beyond any real count; keeps the comparison inside every integer type
OUT_COLUMNS = [
    REGS.c[name]
    for name in (
        "client_id", "job_code", "job_title", "session_id", "name", "phone", "age", "source",
        "consent_method", "notice_version", "consented_at", "status", "version", "origin",
        "device", "employer_consent", "created_at", "updated_at", "seq",
    )
]  # fmt: skip


def shaped(row, principal: Principal) -> RegistrationOut:
    """A row of OUT_COLUMNS as `principal` receives it (access.shape), the cursor named."""
    m = access.shape(principal, dict(row._mapping))
    m["cursor"] = m.pop("seq")
    return RegistrationOut(**m)


@router.post(
    "/batch",
    response_model=BatchOut,
    responses={**AUTH_ERRORS, **WRITE_ERRORS},
    summary="Push up to 100 device events; one result per item, same order",
)
def push_batch(
    body: BatchIn,
    principal: deps.Writer,
    hub: deps.HubDep,
) -> BatchOut:
    return BatchOut(results=ingest.ingest(hub.db, principal, body.items))


@router.get(
    "",
    response_model=RegistrationPage,
    responses=AUTH_ERRORS,
    summary="Registrations changed after a cursor, in cursor order (a device: its own and the "
    "page's credited to it, those masked)",
    description="A device token reads the sign-ups it made (in full) and the page's sign-ups "
    "credited to it (d=), with name and phone masked; an admin token reads all. "
    "origin=hub: the page's sign-ups and every erasure (status erased, personal fields empty) "
    "of a row the caller can see, so a desktop that pulls only these learns of erasures too; "
    "a row the retention purge emptied (name and phone empty, status kept) comes again with a "
    "new cursor, and is an erasure too.",
)
def list_registrations(
    principal: deps.Caller,
    hub: deps.HubDep,
    since: Annotated[int, Query(ge=0, le=CURSOR_MAX)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 200,
    origin: Literal["hub", "any"] = "any",
) -> RegistrationPage:
    with hub.db.read() as conn:
        items = changed_after(conn, principal, since, limit + 1, origin)
    more = len(items) > limit
    items = items[:limit]
    return RegistrationPage(items=items, next=items[-1].cursor if more else None)


def changed_after(
    conn, principal: Principal, since: int, limit: int, origin: str = "any"
) -> list[RegistrationOut]:
    """Up to `limit` rows `principal` may see with a cursor after `since`, in cursor order,
    each shaped for it: the list route's page and the event stream's events (events.py)."""
    return [shaped(r, principal) for r in rows_after(conn, principal, since, limit, origin)]


def rows_after(conn, principal: Principal, since: int, limit: int, origin: str = "any") -> list:
    """changed_after's rows before shaping (`shaped`)."""
    stmt = select(*OUT_COLUMNS).where(REGS.c.seq > since, access.visible(principal))
    if origin == "hub":
        # Erasures too: by request (status erased) and by the retention purge (the personal
        # fields emptied, the status kept), so a desktop erases its copies of them.
        purged = and_(REGS.c.name == "", REGS.c.phone == "")
        stmt = stmt.where(or_(REGS.c.origin == "hub", REGS.c.status == "erased", purged))
    return conn.execute(stmt.order_by(REGS.c.seq).limit(limit)).all()


@router.post(
    "/lookup",
    response_model=LookupOut,
    responses={**AUTH_ERRORS, **WRITE_ERRORS},
    summary="Which of these client ids the hub has, with their versions (the audit); a device "
    "learns only of the rows it can read",
)
def lookup(
    body: LookupIn,
    principal: deps.Writer,
    hub: deps.HubDep,
) -> LookupOut:
    ids = list(set(body.client_ids))
    if not ids:
        return LookupOut(known={})
    with hub.db.read() as conn:
        rows = conn.execute(
            select(REGS.c.client_id, REGS.c.version).where(
                REGS.c.client_id.in_(ids), access.visible(principal)
            )
        ).all()
    return LookupOut(known={r.client_id: r.version for r in rows})


@router.post(
    "/hub",
    response_model=RegistrationOut,
    status_code=201,
    responses={
        **ADMIN_ERRORS,
        **WRITE_ERRORS,
        400: {
            "model": ErrorOut,
            "description": "not JSON, or a field is invalid: <field>_<problem>",
        },
        409: {"model": ErrorOut, "description": "client_id exists"},
        422: {
            "model": UnprocessableOut,
            "description": "the body does not match the schema, or device_unknown: no device "
            "token of that name",
        },
    },
    summary="A sign-up made on the hub (the QR form): origin hub, source qr (admin)",
)
def create_hub_registration(
    body: HubRegistrationIn,
    principal: deps.AdminWriter,
    hub: deps.HubDep,
) -> RegistrationOut:
    now = utc_now()
    payload = body.model_dump()
    payload["source"] = "qr"
    try:
        fields = registration_fields(payload, now)
    except Rejected as exc:
        raise HTTPException(400, exc.reason) from None
    client_id = body.client_id or str(uuid.uuid4())
    with hub.db.write() as conn:
        if conn.execute(select(REGS.c.id).where(REGS.c.client_id == client_id)).first():
            raise HTTPException(409, "client_id_exists")
        if (
            body.device is not None
            and not conn.execute(
                select(TOKENS.c.id).where(TOKENS.c.name == body.device, TOKENS.c.admin.is_(False))
            ).first()
        ):
            raise HTTPException(422, "device_unknown")
        ingest.insert_hub_registration(
            conn, fields, client_id, device=body.device, employer_consent=body.employer_consent
        )
        row = conn.execute(select(*OUT_COLUMNS).where(REGS.c.client_id == client_id)).one()
    return shaped(row, principal)
