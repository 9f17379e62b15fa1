"""Checking an OBS address and password once: versions and canvas, or why it failed (no Qt)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from hostdesk.obs import (
    ObsClient,
    ObsConnectionError,
    ObsError,
    ObsNotRunning,
    ObsTimeout,
    ObsWrongPassword,
)

log = logging.getLogger(__name__)

# The same budget as `hostdesk obs check`: "OBS is not there" must be said within seconds.
CONNECT_TIMEOUT = 3.0
REQUEST_TIMEOUT = 5.0
DEFAULT_PORT = 4455


class BadObsUrl(ValueError):
    """The address cannot be an obs-websocket URL; `reason` says why (for the message)."""

    def __init__(self, reason: str, url: str) -> None:
        super().__init__(f"{reason}: {url!r}")
        self.reason = reason  # "scheme" | "wss" | "host" | "port"
        self.url = url


def parse_obs_url(url: str) -> tuple[str, int]:
    """(host, port) of a ws:// URL; BadObsUrl otherwise.

    wss:// is refused on its own: obs-websocket 5 itself speaks no TLS and HostDesk's
    client connects in plain ws, so accepting it would only fail later, less clearly.
    """
    text = url.strip()
    scheme = text.split("://", 1)[0].lower() if "://" in text else ""
    if scheme == "wss":
        raise BadObsUrl("wss", url)
    if scheme != "ws":
        raise BadObsUrl("scheme", url)
    parts = urlsplit(text)
    try:
        port = parts.port
    except ValueError:  # not a number, or outside 0-65535
        raise BadObsUrl("port", url) from None
    if not parts.hostname:
        raise BadObsUrl("host", url)
    if port == 0:
        raise BadObsUrl("port", url)
    return parts.hostname, port or DEFAULT_PORT


@dataclass(frozen=True)
class ProbeResult:
    """What one connection attempt found; `reason` is empty when it worked."""

    address: str
    # "not_running" | "wrong_password" | "timeout" | "no_connection" (something else is
    # there, or the network failed) | "refused" (connected, but OBS refused a request)
    reason: str = ""
    obs_version: str = ""
    ws_version: str = ""
    canvas: tuple[int, int] = (0, 0)
    fps: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.reason


def probe(
    url: str,
    password: str,
    connect_timeout: float = CONNECT_TIMEOUT,
    request_timeout: float = REQUEST_TIMEOUT,
) -> ProbeResult:
    """Connect, ask the versions and the canvas, disconnect. Blocks: run it on a worker.

    Raises BadObsUrl for an unusable URL; every OBS failure is a result, not an exception.
    """
    host, port = parse_obs_url(url)
    client = ObsClient(
        host, port, password, connect_timeout=connect_timeout, request_timeout=request_timeout
    )
    try:
        client.connect()
        obs_version, ws_version = client.version()
        video = client.video_settings()
    except (ObsConnectionError, ObsError) as exc:
        log.info("OBS test at %s: %s", client.address, type(exc).__name__)
        return ProbeResult(client.address, _reason(exc))
    finally:
        client.close()
    return ProbeResult(
        client.address, "", obs_version, ws_version,
        (video.base_width, video.base_height), video.fps,
    )  # fmt: skip


def _reason(exc: Exception) -> str:
    if isinstance(exc, ObsWrongPassword):
        return "wrong_password"
    if isinstance(exc, ObsNotRunning):
        return "not_running"
    if isinstance(exc, ObsTimeout):
        return "timeout"
    if isinstance(exc, ObsConnectionError):
        return "no_connection"
    return "refused"
