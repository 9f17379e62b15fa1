"""Checking a hub address and token once (GET /api/v1/me): who this PC is there, or why not (no Qt)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from hostdesk.sync.client import (
    BAD_URL,
    CAPTIVE_PORTAL,
    NOT_CONFIGURED,
    HubClient,
    HubError,
)

log = logging.getLogger(__name__)

# "The hub is not there" must be said within seconds, not after the sync's 30 s read timeout.
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 10.0
OK = "ok"


@dataclass(frozen=True)
class HubProbe:
    """The answer: `reason` is OK or one of hostdesk.sync.client's reasons (for the message)."""

    reason: str
    name: str = ""  # this token's name on the hub (the PC's name in its QR links)
    admin: bool = False
    public_url: str = ""  # the address the hub says phones open; empty: not set there

    @property
    def ok(self) -> bool:
        return self.reason == OK


def probe_hub(url: str, token: str) -> HubProbe:
    """Ask the hub at `url` who `token` is; never raises for what the network or hub does."""
    url, token = (url or "").strip(), (token or "").strip()
    if not url or not token:
        return HubProbe(NOT_CONFIGURED)
    client = HubClient(url, token, connect_timeout=CONNECT_TIMEOUT, read_timeout=READ_TIMEOUT)
    try:
        _status, body, _headers = client.get_json("/api/v1/me")
    except HubError as exc:
        log.info("hub connection test: %s (%s)", exc.reason, exc.detail)
        return HubProbe(exc.reason if exc.reason != "bad_request" else BAD_URL)
    except ValueError:  # requests refuses some addresses before any request (a bad port)
        return HubProbe(BAD_URL)
    finally:
        client.close()
    name = body.get("name") if isinstance(body, dict) else None
    if not isinstance(name, str) or not name.isprintable() or not 0 < len(name) <= 64:
        return HubProbe(CAPTIVE_PORTAL)  # a 200 with JSON that is not the hub's
    public = body.get("public_url")
    usable = isinstance(public, str) and public.startswith(("https://", "http://"))
    public = public if usable and public.isprintable() and len(public) <= 200 else ""
    return HubProbe(OK, name, body.get("admin") is True, public)
