"""The OBS link: a hardened obs-websocket client (client.py) and its errors (errors.py)."""

from hostdesk.obs.client import EVENTS_ALL, ObsClient, VideoSettings
from hostdesk.obs.errors import (
    ObsClientError,
    ObsConnectionError,
    ObsConnectionLost,
    ObsError,
    ObsNotRunning,
    ObsTimeout,
    ObsWrongPassword,
)

__all__ = [
    "EVENTS_ALL",
    "ObsClient",
    "ObsClientError",
    "ObsConnectionError",
    "ObsConnectionLost",
    "ObsError",
    "ObsNotRunning",
    "ObsTimeout",
    "ObsWrongPassword",
    "VideoSettings",
]
