"""A job the hub's catalogue dropped but this PC holds open for tonight's show is not on the hub:
PublishRepository.hub_copy says WITHDRAWN, never PUBLISHED (issue 15 items 5 and 7), against a
real hub process on SQLite and PostgreSQL."""

from __future__ import annotations

import requests

from hostdesk.services.take_publish import TakePublishing
from hostdesk.store.publish_repo import HubCopy, PublishRepository
from hostdesk.sync.client import HubClient
from hostdesk.sync.publish import Publisher
from tests.sync.test_pull_withdrawn import NOW, _on_show, pull


def test_a_held_job_is_withdrawn_not_published_until_a_person_keeps_it(ctx, hub):
    repo = _on_show(ctx, hub)  # HX01 in the rundown, HX02 on air; the upload drops both
    copies = PublishRepository(ctx.db)
    assert copies.hub_copy("HX01") is HubCopy.PUBLISHED  # pulled: the hub has it as it is
    pull(ctx, hub)
    assert [j.code for j in repo.withdrawn_held()] == ["HX01", "HX02"]
    assert copies.hub_copy("HX01") is HubCopy.WITHDRAWN
    assert copies.hub_copy("HX02") is HubCopy.WITHDRAWN
    assert copies.hub_copy("HX09") is HubCopy.PUBLISHED  # the upload's own job
    page = requests.get(f"{hub.url}/api/v1/jobs", headers=hub.headers(), timeout=10).json()
    assert {"HX01", "HX02"}.isdisjoint(item["code"] for item in page["jobs"])
    # A take of a held job asks for no publish: the admin dropped it, a person decides.
    asked: list[str] = []
    taking = TakePublishing(copies, lambda: asked.append("now"))
    assert taking.before_take("HX02") is HubCopy.WITHDRAWN and asked == []

    # Kept: this PC's job now, pending, and published at the next send.
    assert repo.decide_withdrawn("HX02", keep=True, now=NOW)
    assert copies.hub_copy("HX02") is HubCopy.PENDING
    client = HubClient(hub.url, hub.token)
    try:
        assert Publisher(copies).publish(client).created == 1
    finally:
        client.close()
    assert copies.hub_copy("HX02") is HubCopy.PUBLISHED
    assert copies.hub_copy("HX01") is HubCopy.WITHDRAWN  # still waiting for its person
