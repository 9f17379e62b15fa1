"""The card's facts: an age the importer could not read is drawn as the sheet wrote it (issue 15)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hostdesk.render.card import render_card_traced
from hostdesk.render.geometry import Layout
from tests.render.conftest import DEMO_JOBS

UNREAD = "年龄可根据个人形象而定"  # a real posting's words (tests/data/postings, ssjzw-97995)
CANVAS = {Layout.LANDSCAPE: (1920, 1080), Layout.SIDE: (1920, 1080), Layout.VERTICAL: (1080, 1920)}


def _facts(job, layout) -> list:
    image, texts = render_card_traced(job, layout=layout, canvas=CANVAS[layout])
    for text in texts:
        assert text.fits, f"{text.role} {text.text!r}: ink {text.ink} outside {text.box}"
    return image, [t for t in texts if t.role == "meta"]


@pytest.mark.parametrize("layout", list(CANVAS))
def test_an_unread_age_is_drawn_as_written(family, layout, tmp_path):
    job = replace(DEMO_JOBS[0], age_min=None, age_max=None, age_text=UNREAD)
    image, facts = _facts(job, layout)
    assert UNREAD in [t.text for t in facts]
    image.save(str(tmp_path / f"card-{layout.value}.png"))


@pytest.mark.parametrize("layout", list(CANVAS))
def test_a_read_age_is_drawn_as_the_band_and_no_limit_not_at_all(family, layout):
    read = replace(DEMO_JOBS[0], age_min=18, age_max=45, age_text="18-45周岁")
    assert "18-45岁" in [t.text for t in _facts(read, layout)[1]]
    open_age = replace(DEMO_JOBS[0], age_min=None, age_max=None, age_text="年龄不限")
    assert not any("年龄" in t.text or "岁" in t.text for t in _facts(open_age, layout)[1])
