"""Publishing this PC's jobs to the hub's catalogue (POST /api/v1/jobs/publish), per job.

Runs on the sync worker's thread (after each pull) or the CLI's. Each job goes with the hub
version its change was based on; the hub answers per job, and a conflict (changed on the hub
or another PC too) is parked for a person, never overwritten either way. Raises the
client's HubError subclasses unchanged, like the pull.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from hostdesk.store.publish_repo import PublishRepository, parse_answer
from hostdesk.sync.client import CAPTIVE_PORTAL, HubClient, HubUnavailable

log = logging.getLogger(__name__)

PUBLISH_BATCH = 1000  # the hub's limit per request (schemas.MAX_PUBLISH)


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class PublishSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)  # codes parked for a person
    removed: list[str] = field(default_factory=list)  # removed on the hub: sent again as new

    @property
    def sent(self) -> int:
        return (
            self.created + self.updated + self.unchanged + len(self.conflicts) + len(self.removed)
        )


class Publisher:
    """Sends the unpublished jobs of one data dir's store; thread-agnostic."""

    def __init__(
        self,
        repo: PublishRepository,
        *,
        clock: Callable[[], datetime] = _utc_now,
        batch: int = PUBLISH_BATCH,
    ):
        self.repo = repo
        self._clock = clock
        self._batch = batch

    def publish(self, client: HubClient, codes: set[str] | None = None) -> PublishSummary:
        """Every job the hub lacks (or only `codes`), in batches; each batch is recorded at
        once, so an interruption loses nothing and the next run sends only the rest."""
        pending = self.repo.unpublished(codes)
        counts = {"created": 0, "updated": 0, "unchanged": 0}
        conflicts: list[str] = []
        removed: list[str] = []
        for start in range(0, len(pending), self._batch):
            chunk = pending[start : start + self._batch]
            body = {
                "items": [
                    {"job": item.job.to_json(), "base_version": item.base_version} for item in chunk
                ]
            }
            answer = client.post_json("/api/v1/jobs/publish", body)
            results = answer.get("results") if isinstance(answer, dict) else None
            if not isinstance(results, list):
                raise HubUnavailable(CAPTIVE_PORTAL, "the publish answer is not the expected JSON")
            answers = [parse_answer(item) for item in results]
            usable = [a for a in answers if a is not None]
            self.repo.record(chunk, usable, self._clock())
            for a in usable:
                if a.status in counts:
                    counts[a.status] += 1
                elif a.theirs is not None:
                    conflicts.append(a.code)
                else:
                    removed.append(a.code)
        summary = PublishSummary(**counts, conflicts=conflicts, removed=removed)
        if summary.sent:
            log.info(
                "jobs published: %d created, %d updated, %d unchanged, %d conflicts",
                summary.created,
                summary.updated,
                summary.unchanged,
                len(conflicts),
            )
        return summary
