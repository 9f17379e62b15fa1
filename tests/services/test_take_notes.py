"""What a take tells the assistant about the code on air (services.take_notes)."""

from __future__ import annotations

from dataclasses import replace

from hostdesk.core.hub_reach import PRIVATE
from hostdesk.core.jobs import Job
from hostdesk.services.take_notes import Note, TakeNote, take_notes
from hostdesk.store.publish_repo import HubCopy

HUB = "https://hub.example.cn"
JOB = Job(code="X-1", title="普工")
URL = f"{HUB}/j/X-1?s=S1&d="


def test_a_published_job_with_a_public_hub_needs_no_note():
    assert take_notes(JOB, URL, HUB, HubCopy.PUBLISHED, {"X-1"}) == []


def test_no_hub_address_means_no_code_on_screen_and_nothing_else():
    assert take_notes(JOB, "/j/X-1?s=&d=", "", HubCopy.PENDING, set()) == [TakeNote(Note.NO_QR)]


def test_the_hubs_copy_decides_the_note_only_when_the_code_leads_to_the_hub():
    assert take_notes(JOB, URL, HUB, HubCopy.CONFLICT, None) == [TakeNote(Note.HUB_CONFLICT)]
    assert take_notes(JOB, URL, HUB, HubCopy.WITHDRAWN, None) == [TakeNote(Note.HUB_WITHDRAWN)]
    assert take_notes(JOB, URL, HUB, HubCopy.PENDING, None) == [TakeNote(Note.HUB_PENDING)]
    own = replace(JOB, signup_url="https://employer.example.cn/apply")
    assert take_notes(own, own.signup_url, HUB, HubCopy.WITHDRAWN, None) == []


def test_without_a_hub_link_a_job_missing_from_the_last_pull_is_said():
    assert take_notes(JOB, URL, HUB, None, {"Y-2"}) == [TakeNote(Note.HUB_MISSING)]
    assert take_notes(JOB, URL, HUB, None, None) == []  # no pull yet: unknown, nothing said
    assert take_notes(JOB, URL, HUB, None, {"X-1"}) == []


def test_a_lan_address_is_said_with_the_hubs_public_one_when_it_is_usable():
    lan = "http://192.168.1.20:8000"
    url = f"{lan}/j/X-1"
    [note] = take_notes(JOB, url, lan, HubCopy.PUBLISHED, None)
    assert (note.note, note.address, note.reach, note.public) == (
        Note.UNREACHABLE,
        lan,
        PRIVATE,
        "",
    )
    [note] = take_notes(JOB, url, lan, HubCopy.PUBLISHED, None, hub_public_url=HUB)
    assert note.public == HUB
