"""The on-air timeline from the desktops: air_start / air_end batch events into air_spans.

A take on a PC is one span, its id minted by the desktop (the air_start event's id). Its
air_start carries {span_id, job_code, session_code, started_at}; the air_end, sent with
the clear or the next take, carries the same plus ended_at. Either may arrive first (each
is complete on its own), each event id is applied once (ingest's events table, as for
sign-ups), and a span belongs to the device whose token sent it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from hostdesk.core.jobs import valid_code
from hostdesk.hub import access
from hostdesk.hub.auth import Principal
from hostdesk.hub.checks import Rejected, parse_time
from hostdesk.hub.models import AIR_SPANS
from hostdesk.hub.signup_form import clean_session

START, END = "air_start", "air_end"
EVENT_TYPES = (START, END)


def span_fields(client_id: str, event_type: str, payload: dict) -> dict:
    """The span's columns from an event's payload, or Rejected("<field>_<problem>")."""
    if payload.get("span_id") != client_id:
        raise Rejected("payload_id_mismatch")
    code = payload.get("job_code")
    if not isinstance(code, str) or not valid_code(code):
        raise Rejected("job_code_invalid")
    session = payload.get("session_code")
    if session is not None and (not isinstance(session, str) or clean_session(session) != session):
        raise Rejected("session_code_invalid")
    fields = {"job_code": code, "session_code": session or None}
    for name in ("started_at", "ended_at"):
        value = parse_time(payload, name, "")  # "": absent
        if not value:
            if name == "started_at" or event_type == END:
                raise Rejected(f"{name}_missing")
            value = None
        fields[name] = value
    if fields["ended_at"] is not None:
        if event_type == START:
            raise Rejected("ended_at_unexpected")
        if fields["ended_at"] < fields["started_at"]:
            raise Rejected("ended_at_before_start")
    return fields


@dataclass
class _Span:
    device: str
    job_code: str
    started_at: str
    ended_at: str | None
    new: bool  # inserted by this batch
    changed: bool = False


class Timeline:
    """The spans a batch touches: read once, changed in memory, written by `write`."""

    def __init__(self, conn: Connection, span_ids: list[str]):
        self._spans: dict[str, _Span] = {}
        self._rows: dict[str, dict] = {}  # span id -> the new row's columns
        if span_ids:
            for r in conn.execute(
                select(
                    AIR_SPANS.c.event_id, AIR_SPANS.c.device, AIR_SPANS.c.job_code,
                    AIR_SPANS.c.started_at, AIR_SPANS.c.ended_at,
                ).where(AIR_SPANS.c.event_id.in_(span_ids))
            ):  # fmt: skip
                self._spans[r.event_id] = _Span(
                    r.device, r.job_code, r.started_at, r.ended_at, new=False
                )

    def apply(self, caller: Principal, span_id: str, fields: dict) -> tuple[str, str | None]:
        """Stage one event: ("created", None), or ("rejected"|"conflict", reason)."""
        span = self._spans.get(span_id)
        if span is None:
            row = {"event_id": span_id, "device": caller.name, **fields}
            self._rows[span_id] = row
            self._spans[span_id] = _Span(
                caller.name, fields["job_code"], fields["started_at"], fields["ended_at"], new=True
            )
            return "created", None
        if not access.may_change(caller, "device", span.device):
            return "rejected", access.NOT_OWNER
        if (span.job_code, span.started_at) != (fields["job_code"], fields["started_at"]):
            return "conflict", "span_mismatch"
        end = fields["ended_at"]
        if end is not None:
            if span.ended_at is not None and span.ended_at != end:
                return "conflict", "span_ended"
            if span.ended_at is None:
                span.ended_at = end
                span.changed = True
                if span.new:
                    self._rows[span_id]["ended_at"] = end
        return "created", None

    def new_rows(self) -> list[dict]:
        return list(self._rows.values())

    def ended(self) -> dict[str, str]:
        """Spans that existed before this batch and end now: span id -> ended_at."""
        return {k: s.ended_at for k, s in self._spans.items() if s.changed and not s.new}
