"""The back office's words are all in Chinese (the default) and its rules hold without a
server: every t() of `hostdesk-hub user`, every _() of the office's pages; the stage moves."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from hostdesk.hub import leads
from hostdesk.hub.office import routes, text
from hostdesk.hub.staff import Staff

OFFICE = Path(routes.__file__).resolve().parent


def _placeholders(s: str) -> list[str]:
    return sorted(part.split("}")[0] for part in s.split("{")[1:])


def test_every_word_on_the_office_pages_has_its_chinese():
    used: set[str] = set()
    for template in (OFFICE / "templates").glob("*.html"):
        source = template.read_text(encoding="utf-8")
        used |= set(re.findall(r'_\("([^"]+)"', source)) | set(re.findall(r"_\('([^']+)'", source))
        # Notices named in a template's dict are passed through _() too.
        used |= set(re.findall(r'": "([A-Z][^"]+\.)"', source))
    used |= set(routes.REFUSALS.values())
    for table in (text.STAGE_TEXT, text.OUTCOME_TEXT, text.SOURCE_TEXT, text.ROLE_TEXT):
        used |= set(table.values())
    used |= {"You have been logged out.", "Wrong username or password.", "Page not found.",
             "Too many failed attempts: wait 15 minutes and try again.",
             "The form expired: please try again.", "Employer accounts have no lead desk yet.",
             "No recruiter account can take leads.", "Something went wrong."}  # fmt: skip
    assert len(used) > 100
    assert sorted(used - set(text.ZH_CN)) == []
    for english in used:
        assert _placeholders(english) == _placeholders(text.ZH_CN[english]), english
    assert set(text.STAGE_TEXT) == set(leads.STAGES)
    assert set(text.OUTCOME_TEXT) == set(leads.OUTCOMES)


def test_language_from_the_account_else_the_browser_else_chinese():
    assert text.pick("en", "zh-CN") == "en"
    assert text.pick("", "en-US,en;q=0.9") == "en"
    assert text.pick("", "zh-TW,en;q=0.5") == "zh_CN"
    assert text.pick("", "") == "zh_CN"
    assert text.pick("", "fr-FR, en;q=0.5") == "en"
    assert text.translator("zh_CN")("{total} leads", total=3) == "共 3 条线索"


def test_stage_moves_for_a_recruiter_and_an_admin():
    rec = Staff(1, "rec", "recruiter", "", "")
    admin = Staff(2, "boss", "admin", "", "")
    employer = Staff(3, "meidi", "employer", "美的", "")
    path = ["new", "contacted", "booked", "interviewed", "offered", "hired"]
    for old, new in itertools.pairwise(path):
        assert new in leads.next_stages(rec, old)
    assert leads.next_stages(rec, "new")[0] == "contacted"
    assert "hired" not in leads.next_stages(rec, "new")  # no skipping to the end
    assert leads.next_stages(rec, "hired") == ()  # nothing leaves 已入职 …
    assert "declined" in leads.next_stages(admin, "hired")  # … except by an admin
    assert leads.next_stages(employer, "new") == ()
    for stage in leads.STAGES:
        assert stage not in leads.next_stages(admin, stage)
        assert set(leads.next_stages(rec, stage)) <= set(leads.STAGES)
