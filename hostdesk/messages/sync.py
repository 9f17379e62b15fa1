"""Sync's texts (sync.worker.SyncStatus, the outbox's attention reasons): states and what to do."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from hostdesk.i18n import translated
from hostdesk.messages.base import fill
from hostdesk.messages.registrations import REG_FIELD_LABELS, reg_field_label

SYNC_STATES = {
    "online": QT_TRANSLATE_NOOP("Sync", "Online"),
    "offline": QT_TRANSLATE_NOOP("Sync", "Offline"),
    "paused": QT_TRANSLATE_NOOP("Sync", "Paused"),
    "disabled": QT_TRANSLATE_NOOP("Sync", "Sync off"),
}

SYNC_REASONS = {
    "unauthorized": QT_TRANSLATE_NOOP(
        "Sync", "The hub did not accept the device token: enter a new token in Settings"
    ),
    "forbidden": QT_TRANSLATE_NOOP(
        "Sync", "This token may not send sign-ups: ask the agency for a device token"
    ),
    "bad_url": QT_TRANSLATE_NOOP(
        "Sync", "No HostDesk hub answers at this address: check the hub address in Settings"
    ),
    "not_configured": QT_TRANSLATE_NOOP(
        "Sync", "Sync is not set up: enter the hub address and the device token in Settings"
    ),
    "network": QT_TRANSLATE_NOOP(
        "Sync", "The hub cannot be reached; sign-ups are kept here and sent when it can"
    ),
    "server": QT_TRANSLATE_NOOP("Sync", "The hub is busy or has a problem; trying again later"),
    "captive_portal": QT_TRANSLATE_NOOP(
        "Sync",
        "The network answered with a web page instead of the hub (a Wi-Fi login?): log in to the network",
    ),
}

SYNC_ATTENTION = {
    "conflict": QT_TRANSLATE_NOOP(
        "Sync", "The hub already has a different copy of this change: check the sign-up, then retry"
    ),
    "conflict:client_id_exists": QT_TRANSLATE_NOOP(
        "Sync", "The hub already has this sign-up under another record: contact the agency"
    ),
    "conflict:version": QT_TRANSLATE_NOOP(
        "Sync", "The hub's copy changed in the meantime: retry to send this change again"
    ),
    "rejected:unknown_registration": QT_TRANSLATE_NOOP(
        "Sync", "The hub does not have this sign-up yet: retry"
    ),
    # The hub's access rule: a PC changes only the sign-ups it made itself (issue 13).
    "rejected:not_owner": QT_TRANSLATE_NOOP(
        "Sync",
        "This sign-up was made on another PC or on the sign-up page: only the agency can change it, ask them",
    ),
    "rejected:erased": QT_TRANSLATE_NOOP(
        "Sync",
        "The agency erased this person's data on the hub: the change cannot be sent and is not needed",
    ),
    "rejected_field": QT_TRANSLATE_NOOP(
        "Sync", "The hub refused the sign-up because of {field}: correct it, then retry"
    ),
    "rejected": QT_TRANSLATE_NOOP(
        "Sync", "The hub refused this sign-up ({reason}): correct it, then retry"
    ),
}


def sync_state_name(state: str) -> str:
    source = SYNC_STATES.get(state)
    return translated("Sync", source) if source else state


def sync_reason(reason: str) -> str:
    """Why sync is offline or paused, and what to do; "" for no reason."""
    return fill("Sync", SYNC_REASONS, reason) if reason else ""


def sync_attention_reason(reason: str) -> str:
    """An attention event's reason ("rejected:phone_invalid", "conflict:version") as text."""
    if reason in SYNC_ATTENTION:
        return fill("Sync", SYNC_ATTENTION, reason)
    kind, _, detail = reason.partition(":")
    if kind == "conflict":
        return fill("Sync", SYNC_ATTENTION, "conflict")
    # "<field>_<problem>": name the longest field it starts with (job_code before job).
    fields = sorted((f for f in REG_FIELD_LABELS if detail.startswith(f + "_")), key=len)
    if fields:
        return fill("Sync", SYNC_ATTENTION, "rejected_field", field=reg_field_label(fields[-1]))
    return fill("Sync", SYNC_ATTENTION, "rejected", reason=detail or reason)
