"""After a quit or a crash mid-show: what becomes of the job that was left on air (Qt-free)."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hostdesk.core import take_rules
from hostdesk.core.jobs import Job
from hostdesk.core.take_rules import Refusal
from hostdesk.services.onair_composer import Rendered
from hostdesk.services.take_publish import HubCopy

if TYPE_CHECKING:
    from hostdesk.services.onair import OnAirService
    from hostdesk.services.take_publish import TakePublishing


class Restore(enum.Enum):
    NOTHING = "nothing"  # no job was left on air, or a take or a clear came first
    REFUSED = "refused"  # closed, or gone from the catalogue, since: it stays off air
    WITHDRAWN = "withdrawn"  # the hub dropped it: a code on air would lead nowhere
    RESTORED = "restored"  # back on air, OBS told on the take's lane


@dataclass(frozen=True)
class RestoreOutcome:
    kind: Restore
    code: str = ""
    refusal: Refusal | None = None  # with REFUSED: why
    rendered: Rendered | None = None  # with RESTORED: the card and QR now on air
    answer: Future | None = None  # with RESTORED: OBS's answer (None: no link yet)


def restore_left_on_air(
    onair: OnAirService,
    session_id: str,
    jobs: Mapping[str, Job],
    publishing: TakePublishing | None = None,
) -> RestoreOutcome:
    """Put back on air the job `session_id` left there, if the take rules and the hub allow.

    Blocks on the take's lane (a worker calls it, never the GUI). Not recorded again: the
    job's on-air span never ended. `jobs` is the catalogue as the console has it.
    """
    code = onair.left_on_air(session_id)
    if not code or onair.on_air is not None:  # nothing left, or a take came first
        return RestoreOutcome(Restore.NOTHING, code or "")
    refusal = take_rules.refusal(jobs.get(code))
    if refusal is not None:
        return RestoreOutcome(Restore.REFUSED, code, refusal=refusal)
    if publishing is not None and publishing.before_take(code) is HubCopy.WITHDRAWN:
        return RestoreOutcome(Restore.WITHDRAWN, code)
    # On the take's lane, in order with takes: one pressed meanwhile stands.
    restored = onair.restore_soon(code).result()
    if restored is None:
        return RestoreOutcome(Restore.NOTHING, code)
    rendered, answer = restored
    return RestoreOutcome(Restore.RESTORED, code, rendered=rendered, answer=answer)
