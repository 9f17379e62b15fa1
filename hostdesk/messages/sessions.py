"""Live sessions' texts (core.sessions, core.rundown): platform names and why a step is refused."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from hostdesk.i18n import translated
from hostdesk.messages.base import fill

PLATFORM_LABELS = {
    "kuaishou": QT_TRANSLATE_NOOP("Sessions", "Kuaishou"),
    "douyin": QT_TRANSLATE_NOOP("Sessions", "Douyin"),
    "channels": QT_TRANSLATE_NOOP("Sessions", "WeChat Channels"),
    "other": QT_TRANSLATE_NOOP("Sessions", "Other"),
}

SESSION_PROBLEMS = {
    "platform_invalid": QT_TRANSLATE_NOOP(
        "Sessions",
        "platform “{text}” is not known: choose Kuaishou, Douyin, WeChat Channels or Other",
    ),
    "room_missing": QT_TRANSLATE_NOOP(
        "Sessions", "the room name is empty: type the name of the live room"
    ),
    "room_too_long": QT_TRANSLATE_NOOP(
        "Sessions", "the room name is longer than {limit} characters: shorten it"
    ),
    "host_too_long": QT_TRANSLATE_NOOP(
        "Sessions", "the host's name is longer than {limit} characters: shorten it"
    ),
    "host_invalid": QT_TRANSLATE_NOOP(
        "Sessions", "the host's name holds a line break or a control character: type it again"
    ),
    "already_live": QT_TRANSLATE_NOOP(
        "Sessions", "this session is already live: stop it before starting a new one"
    ),
    "not_live": QT_TRANSLATE_NOOP("Sessions", "no session is live: start one first"),
    "ended": QT_TRANSLATE_NOOP(
        "Sessions", "this session has ended: tonight's list is in the new session"
    ),
    "interval_out_of_range": QT_TRANSLATE_NOOP(
        "Sessions", "rotate every {min} to {max} seconds: change the interval"
    ),
}


def platform_label(platform: str) -> str:
    """快手/抖音/视频号/其他 in Chinese; an unknown value is shown as it is."""
    source = PLATFORM_LABELS.get(str(platform))
    return translated("Sessions", source) if source else str(platform)


def session_problem(error) -> str:
    """A SessionError or IntervalError as one sentence saying what to do."""
    return fill(
        "Sessions", SESSION_PROBLEMS, error.reason, text=getattr(error, "text", ""),
        limit=getattr(error, "limit", ""),
        min=f"{getattr(error, 'min_s', 0):g}", max=f"{getattr(error, 'max_s', 0):g}",
    )  # fmt: skip
