"""Publishing this PC's catalogue to the hub on demand (the window's 发布到中心), as
`hostdesk jobs publish` does: the hub's catalogue first (its versions), then the jobs it lacks.

Qt-free and blocking (network, the OS keyring for the token): called on a worker thread.
Raises hostdesk.sync.client's HubError subclasses unchanged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from hostdesk.store.hub_repo import HubRepository
from hostdesk.store.publish_repo import PublishRepository
from hostdesk.sync.client import HubClient
from hostdesk.sync.publish import Publisher, PublishSummary
from hostdesk.sync.pull import Puller

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Published:
    summary: PublishSummary  # what the publish sent and the hub answered
    conflicts_open: int  # jobs changed on the hub and here, waiting for a person (all of them)


def publish_catalogue(hub: HubRepository, url: str, token: str) -> Published:
    """Pull the hub's catalogue (so every job goes with the version it is based on), then
    publish; a conflict, found by the pull or the publish, is parked for a person."""
    client = HubClient(url, token)
    try:
        if hub.use_hub(client.base_url):
            log.info("publishing to a hub not pulled from before: its catalogue first")
        # Only the catalogue is pulled: the sign-ups (and their key) stay the worker's job.
        Puller(hub, None, b"").pull_jobs(client)
        summary = Publisher(PublishRepository(hub.db)).publish(client)
    finally:
        client.close()
    return Published(summary, hub.conflict_count())
