"""The OBS link's state as the window shows it: re-exported so ui never imports hostdesk.obs."""

from __future__ import annotations

from hostdesk.obs.link import LinkState, LinkStatus, ObsLink

__all__ = ["LinkState", "LinkStatus", "ObsLink"]
