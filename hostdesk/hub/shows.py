"""The shows the desktops went live with: show_start / show_end batch events into `shows`.

A show is a desktop session: its code (the QR links' s=), the broadcast PC that ran it (the
token that sent it), its platform, room and host (主播), its start and end. show_start is
queued when the show goes live and show_end when it stops, each complete on its own (either
may arrive first); each event id is applied once (ingest's events table). A desktop older
than the host field sends none, and a payload without `host` is a show whose host was not
said: the reports then compare by PC only.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from hostdesk.core.sessions import HOST_MAX_LEN, ROOM_MAX_LEN
from hostdesk.core.text import has_control, strip_invisible
from hostdesk.hub import access
from hostdesk.hub.auth import Principal
from hostdesk.hub.checks import Rejected, parse_time
from hostdesk.hub.models import SHOWS
from hostdesk.hub.signup_form import clean_session

START, END = "show_start", "show_end"
EVENT_TYPES = (START, END)
PLATFORM_MAX = 20
_SAME = ("platform", "room", "host", "started_at")  # what two events of one show agree on


def _line(payload: dict, name: str, limit: int) -> str:
    value = payload.get(name)
    if value is None:
        return ""
    if not isinstance(value, str) or has_control(value):
        raise Rejected(f"{name}_invalid")
    value = strip_invisible(value).strip()
    if len(value) > limit:
        raise Rejected(f"{name}_too_long")
    return value


def show_fields(client_id: str, event_type: str, payload: dict) -> dict:
    """The show's columns from an event's payload, or Rejected("<field>_<problem>")."""
    code = payload.get("session_code")
    if code != client_id:
        raise Rejected("payload_id_mismatch")
    if not isinstance(code, str) or clean_session(code) != code:
        raise Rejected("session_code_invalid")
    fields = {
        "session_code": code,
        "platform": _line(payload, "platform", PLATFORM_MAX),
        "room": _line(payload, "room", ROOM_MAX_LEN),
        "host": _line(payload, "host", HOST_MAX_LEN),
        "started_at": parse_time(payload, "started_at", ""),
        "ended_at": parse_time(payload, "ended_at", "") or None,
    }
    if not fields["started_at"]:
        raise Rejected("started_at_missing")
    if event_type == END and fields["ended_at"] is None:
        raise Rejected("ended_at_missing")
    if event_type == START and fields["ended_at"] is not None:
        raise Rejected("ended_at_unexpected")
    if fields["ended_at"] is not None and fields["ended_at"] < fields["started_at"]:
        raise Rejected("ended_at_before_start")
    return fields


@dataclass
class _Show:
    row: dict  # the columns as stored (or to be stored)
    new: bool  # inserted by this batch
    ended_now: bool = False


class ShowBook:
    """The shows a batch touches: read once, changed in memory, written by ingest."""

    def __init__(self, conn: Connection, codes: list[str]):
        self._shows: dict[str, _Show] = {}
        if codes:
            for r in conn.execute(select(SHOWS).where(SHOWS.c.session_code.in_(codes))):
                row = dict(r._mapping)
                row.pop("id", None)
                self._shows[r.session_code] = _Show(row, new=False)

    def apply(self, caller: Principal, fields: dict) -> tuple[str, str | None]:
        """Stage one event: ("created", None), or ("rejected"|"conflict", reason)."""
        code = fields["session_code"]
        show = self._shows.get(code)
        if show is None:
            self._shows[code] = _Show({**fields, "device": caller.name}, new=True)
            return "created", None
        if not access.may_change(caller, "device", show.row["device"]):
            return "rejected", access.NOT_OWNER
        if any(show.row[k] != fields[k] for k in _SAME):
            return "conflict", "show_mismatch"
        end = fields["ended_at"]
        if end is not None:
            if show.row["ended_at"] is not None and show.row["ended_at"] != end:
                return "conflict", "show_ended"
            if show.row["ended_at"] is None:
                show.row["ended_at"] = end
                show.ended_now = not show.new
        return "created", None

    def new_rows(self) -> list[dict]:
        return [s.row for s in self._shows.values() if s.new]

    def ended(self) -> dict[str, str]:
        """Shows stored before this batch that end now: code -> ended_at."""
        return {k: s.row["ended_at"] for k, s in self._shows.items() if s.ended_now}
