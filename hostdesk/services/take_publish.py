"""Before a take: does the hub have the job as it goes on air? If not, publish it now.

Qt-free. `before_take` reads one row of the local store (no network): a job the hub already
has costs nothing more; one it lacks or has stale asks the sync worker to publish at once (a
queue put) and the take goes on regardless, while the console tells the host the code on air
will work once the hub has the job.
"""

from __future__ import annotations

from collections.abc import Callable

from hostdesk.store.hub_repo import HubRepository
from hostdesk.store.publish_repo import HubCopy, PublishRepository


class TakePublishing:
    def __init__(self, repo: PublishRepository, publish_soon: Callable[[], None]):
        self._repo = repo
        self._publish_soon = publish_soon  # SyncWorker.publish_soon: never waits

    @classmethod
    def for_hub(cls, hub: HubRepository, publish_soon: Callable[[], None]) -> TakePublishing:
        return cls(PublishRepository(hub.db), publish_soon)

    def before_take(self, code: str) -> HubCopy:
        """The hub's copy of `code` now; a pending one is sent on the worker's next step."""
        copy = self._repo.hub_copy(code)
        if copy is HubCopy.PENDING:
            self._publish_soon()
        return copy
