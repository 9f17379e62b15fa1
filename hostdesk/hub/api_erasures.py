"""The admin's erasure route: one person's data removed everywhere on the hub, on request."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field, model_validator

from hostdesk.hub import deps, retention
from hostdesk.hub.deps import ADMIN_ERRORS, WRITE_ERRORS
from hostdesk.hub.schemas import ErrorOut, Id
from hostdesk.hub.strict_json import StrictJSONRoute

router = APIRouter(prefix="/api/v1/erasures", tags=["erasures"], route_class=StrictJSONRoute)


class ErasureIn(BaseModel):
    """Exactly one key: the viewer's phone number, or one registration's client id."""

    phone: str | None = Field(default=None, min_length=1, max_length=32)
    client_id: Id | None = None

    @model_validator(mode="after")
    def _one_key(self) -> ErasureIn:
        if (self.phone is None) == (self.client_id is None):
            raise ValueError("give exactly one of phone and client_id")
        return self


class ErasureOut(BaseModel):
    count: int  # registrations erased by this request (0: nothing held, or erased before)


@router.post(
    "",
    response_model=ErasureOut,
    responses={
        **ADMIN_ERRORS,
        **WRITE_ERRORS,
        400: {
            "model": ErrorOut,
            "description": "the body is not JSON, or phone_invalid: not a mobile number",
        },
    },
    summary="Erase one person's data everywhere on the hub (admin); desktops follow on their pull",
)
async def create_erasure(
    body: ErasureIn,
    principal: deps.AdminWriter,
    hub: deps.HubDep,
) -> ErasureOut:
    try:
        count = await run_in_threadpool(
            retention.erase,
            hub.db,
            phone=body.phone,
            client_id=body.client_id,
            actor=principal.name,
        )
    except ValueError:  # the number is not a mobile number (never echoed: it is personal)
        raise HTTPException(400, "phone_invalid") from None
    return ErasureOut(count=count)
