"""A live session (one stream): its platform, room, host, id and planned → live → ended lifecycle."""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from hostdesk.core.text import has_control, strip_invisible

ROOM_MAX_LEN = 60
HOST_MAX_LEN = 30  # a host's name or stage name (主播), as the agency calls her
ID_LENGTH = 8
# Lowercase letters and digits only: the id goes into the QR sign-up URL (`?s=<id>`),
# where it must stay short, unambiguous to read aloud, and need no escaping.
ID_ALPHABET = string.ascii_lowercase + string.digits


class Platform(StrEnum):
    KUAISHOU = "kuaishou"  # 快手
    DOUYIN = "douyin"  # 抖音
    CHANNELS = "channels"  # 视频号 (WeChat Channels)
    OTHER = "other"


class SessionState(StrEnum):
    PLANNED = "planned"
    LIVE = "live"
    ENDED = "ended"


class SessionReason(StrEnum):
    """Why a session refuses an input or a step; messages has a sentence for each."""

    PLATFORM_INVALID = "platform_invalid"
    ROOM_MISSING = "room_missing"
    ROOM_TOO_LONG = "room_too_long"
    HOST_TOO_LONG = "host_too_long"
    HOST_INVALID = "host_invalid"
    ALREADY_LIVE = "already_live"
    NOT_LIVE = "not_live"
    ENDED = "ended"


class SessionError(ValueError):
    """Input or a lifecycle step the session refuses, and why (`reason`, a SessionReason)."""

    def __init__(self, reason: SessionReason | str, text: str = "", limit: int | None = None):
        super().__init__(f"{reason}: {text}" if text else str(reason))
        self.reason = SessionReason(reason)
        self.text = text
        self.limit = limit  # the bound a too-long value broke


def new_session_id() -> str:
    return "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH))


def check_platform(platform: str | Platform) -> Platform:
    try:
        return Platform(str(platform).strip().lower())
    except ValueError:
        raise SessionError("platform_invalid", str(platform)) from None


def check_room(room: str) -> str:
    """The room name trimmed; required to go live, at most ROOM_MAX_LEN characters."""
    trimmed = (room or "").strip()
    if not trimmed:
        raise SessionError("room_missing")
    if len(trimmed) > ROOM_MAX_LEN:
        raise SessionError("room_too_long", trimmed, limit=ROOM_MAX_LEN)
    return trimmed


def check_host(host: str) -> str:
    """The host's name trimmed; optional ("" = not said), at most HOST_MAX_LEN characters,
    one plain line (it goes to the hub and into reports)."""
    trimmed = strip_invisible(host or "").strip()
    if has_control(trimmed):
        raise SessionError("host_invalid")
    if len(trimmed) > HOST_MAX_LEN:
        raise SessionError("host_too_long", trimmed, limit=HOST_MAX_LEN)
    return trimmed


@dataclass(frozen=True)
class Session:
    """One stream. A planned session is a draft: the rundown can be built before going
    live, and the platform and room name are only required when it starts."""

    id: str
    created_at: datetime
    platform: Platform = Platform.OTHER
    room: str = ""
    started_at: datetime | None = None
    ended_at: datetime | None = None
    host: str = ""  # the host (主播) on camera; "" when not said

    @property
    def state(self) -> SessionState:
        if self.ended_at is not None:
            return SessionState.ENDED
        if self.started_at is not None:
            return SessionState.LIVE
        return SessionState.PLANNED

    def start(self, platform: str | Platform, room: str, at: datetime, host: str = "") -> Session:
        if self.state is not SessionState.PLANNED:
            raise SessionError("already_live" if self.state is SessionState.LIVE else "ended")
        return replace(
            self,
            platform=check_platform(platform),
            room=check_room(room),
            host=check_host(host),
            started_at=at,
        )

    def end(self, at: datetime) -> Session:
        if self.state is not SessionState.LIVE:
            raise SessionError("not_live")
        return replace(self, ended_at=at)

    def elapsed(self, now: datetime) -> timedelta | None:
        """Time on air for the status bar: None before the start, frozen once ended."""
        if self.started_at is None:
            return None
        end = self.ended_at or now
        return max(timedelta(0), end - self.started_at)
