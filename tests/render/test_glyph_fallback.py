"""Text outside the card font (an emoji, a rare or unassigned character) is never drawn as ☒."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QImage, QTextLayout

from hostdesk.core.jobs import Job
from hostdesk.render.card import render_card, render_card_traced
from hostdesk.render.fonts import card_font
from hostdesk.render.glyphs import STAND_IN, drawable
from hostdesk.sheets.card_glyphs import card_charset, font_charset
from tests.render.conftest import DEMO_JOBS

EMOJI_JOB = replace(DEMO_JOBS[0], title="包装工🎉急招", benefits=("包吃住🏠", "五险一金"))


def _notdef_glyphs(text: str) -> int:
    """How many .notdef glyphs (drawn as a box) Qt lays out for `text` in the card font."""
    layout = QTextLayout(text, card_font(40, bold=True))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return sum(list(run.glyphIndexes()).count(0) for run in layout.glyphRuns())


def test_the_cmap_reader_agrees_with_fonttools():
    from fontTools.ttLib import TTFont

    from hostdesk import resources

    for name in ("fonts/HostDeskSans-Regular.otf", "fonts/HostDeskSans-Bold.otf"):
        path = resources.path(name)
        assert font_charset(path.read_bytes()) == frozenset(TTFont(path).getBestCmap())
    assert ord("🎉") not in card_charset() and ord("招") in card_charset()


def test_an_emoji_would_be_a_box_and_is_left_out(family):
    assert _notdef_glyphs("包装工🎉急招") > 0  # what the card drew before: ☒
    assert drawable("包装工🎉急招") == "包装工急招"
    assert drawable("急招 🎉 包装") == "急招 包装"  # no double space where it was
    assert drawable("👨\u200d👩\u200d👧 家庭工") == "家庭工"  # the joiners go with the emoji
    assert drawable("普工\n包装工") == "普工\n包装工"  # untouched when nothing is missing


def test_a_character_no_font_has_is_a_stand_in(family):
    unassigned = "\u0378"
    assert _notdef_glyphs(unassigned) == 1
    assert drawable(f"普工{unassigned}") == f"普工{STAND_IN}"
    assert _notdef_glyphs(STAND_IN) == 0


def test_a_rare_hanzi_another_font_has_is_kept(family):
    rare = "龘"  # outside the bundled subset; Noto Sans CJK (a system font) has it
    assert ord(rare) not in card_charset()
    assert _notdef_glyphs(rare) == 0  # Qt's own fallback finds it
    assert drawable(f"{rare}记餐饮") == f"{rare}记餐饮"


def test_the_card_draws_no_box_for_an_emoji(family, tmp_path):
    image, texts = render_card_traced(EMOJI_JOB)
    title = next(t for t in texts if t.role == "title")
    assert title.source == "包装工急招"
    for text in texts:
        assert _notdef_glyphs(text.text) == 0, text
    # Pixel for pixel the card of the same job without the emoji: nothing was drawn for it.
    plain = render_card(replace(EMOJI_JOB, title="包装工急招", benefits=("包吃住", "五险一金")))
    assert image == plain
    image.save(str(tmp_path / "emoji_card.png"))
    assert not QImage(str(tmp_path / "emoji_card.png")).isNull()


def test_the_job_itself_keeps_its_text(family):
    job = Job(code="E-1", title="包装工🎉急招")
    render_card(job)
    assert job.title == "包装工🎉急招"  # only the card leaves it out; the page shows it
