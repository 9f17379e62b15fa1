"""What the assistant must be told after a take: the code on air may lead viewers nowhere.

Qt-free decisions with the facts each message needs; the console words them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from hostdesk.core.hub_reach import phone_unreachable
from hostdesk.core.jobs import Job
from hostdesk.core.signup_link import scannable
from hostdesk.store.publish_repo import HubCopy


class Note(StrEnum):
    NO_QR = "no_qr"  # no hub address yet: no code on screen
    UNREACHABLE = "unreachable"  # the code holds an address phones cannot open
    HUB_CONFLICT = "hub_conflict"  # changed on the hub and here: viewers see the hub's
    HUB_WITHDRAWN = "hub_withdrawn"  # dropped from the hub's catalogue
    HUB_PENDING = "hub_pending"  # being sent to the hub
    HUB_MISSING = "hub_missing"  # not in the hub's catalogue (no hub link here to send it)


@dataclass(frozen=True)
class TakeNote:
    note: Note
    address: str = ""  # UNREACHABLE: the address in the code
    reach: str = ""  # UNREACHABLE: why phones cannot open it (core.hub_reach)
    public: str = ""  # UNREACHABLE: the address the hub says phones open, when usable


def take_notes(
    job: Job,
    url: str,
    hub: str,
    copy: HubCopy | None,
    hub_codes: set[str] | None,
    hub_public_url: str = "",
) -> list[TakeNote]:
    """The notes for `job` just taken with the link `url` (`hub`: the look's hub address;
    `copy`: the hub's copy as the take found it, None without a hub link; `hub_codes`: the
    hub's catalogue at the last pull, None before one)."""
    if not scannable(url):
        return [TakeNote(Note.NO_QR)]
    notes = []
    if (reach := phone_unreachable(url)) is not None:
        address = url.split("/j/", 1)[0] if "/j/" in url else url
        public = hub_public_url
        usable = public and phone_unreachable(public) is None and public != address
        notes.append(TakeNote(Note.UNREACHABLE, address, reach, public if usable else ""))
    to_hub = _leads_to_hub(job, url, hub)
    if copy is not None and copy is not HubCopy.PUBLISHED:
        if to_hub:
            kind = {HubCopy.CONFLICT: Note.HUB_CONFLICT, HubCopy.WITHDRAWN: Note.HUB_WITHDRAWN}
            notes.append(TakeNote(kind.get(copy, Note.HUB_PENDING)))
    elif copy is None and to_hub and hub_codes is not None and job.code not in hub_codes:
        notes.append(TakeNote(Note.HUB_MISSING))
    return notes


def _leads_to_hub(job: Job, url: str, hub: str) -> bool:
    """The code on air opens the hub's page for the job (not the job's own link)."""
    if job.signup_url.strip():
        return False
    hub = hub.strip().rstrip("/")
    return bool(hub) and url.startswith(f"{hub}/j/")
