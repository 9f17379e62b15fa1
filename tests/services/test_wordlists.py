"""Word lists: the user's additions extend the bundled ones; a broken file is skipped, not fatal."""

from __future__ import annotations

from hostdesk.core.compliance import lint_job
from hostdesk.core.jobs import Job
from hostdesk.core.salary import parse_pay
from hostdesk.services.wordlists import load_wordlists


def _job(**kw):
    return Job(code="T1", title="普工", pay=parse_pay("6000-8000"), **kw)


def test_bundled_lists_cover_every_wordlist_rule():
    words, problems = load_wordlists(None)
    assert problems == []
    assert {rule for rule, phrases in words.rules.items() if phrases} == {
        "gender_only", "appearance", "ethnicity", "region_exclusion", "marital_status",
        "absolute_claim",
    }  # fmt: skip


def test_user_phrase_is_added_to_the_bundled_ones(tmp_path):
    (tmp_path / "wordlists").mkdir()
    (tmp_path / "wordlists" / "absolute_claim.txt").write_text("# ours\n躺赚\n", encoding="utf-8")
    words, problems = load_wordlists(tmp_path)
    assert problems == []
    found = lint_job(_job(highlights="躺赚，顶级待遇"), words)
    assert [(w.rule, w.text) for w in found] == [
        ("absolute_claim", "躺赚"),
        ("absolute_claim", "顶级"),
    ]


def test_broken_user_files_are_skipped_and_reported(tmp_path):
    folder = tmp_path / "wordlists"
    folder.mkdir()
    (folder / "gender_only.txt").write_text("限高个\nre:(unclosed\n", encoding="utf-8")
    (folder / "ethnicity.txt").write_bytes("汉族优先".encode("gbk"))
    words, problems = load_wordlists(tmp_path)
    assert sorted((p.path.name, p.reason, p.line) for p in problems) == [
        ("ethnicity.txt", "encoding", 0),
        ("gender_only.txt", "bad_line", 2),
    ]
    # The bundled rules still apply.
    assert [w.rule for w in lint_job(_job(requirements="限男性"), words)] == ["gender_only"]
