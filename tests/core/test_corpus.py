"""Issue 15 targets measured on real employer postings (tests/data/postings), not synthetic text."""

from __future__ import annotations

import re

import pytest

from bench.corpus_eval import (
    ABSOLUTE_PRECISION_TARGET,
    ABSOLUTE_RECALL_TARGET,
    DISCRIMINATION_TARGET,
    FAMILY_RULES,
    MIN_ROWS,
    PAY_EXACT_TARGET,
    SPLITS,
    evaluate,
    load_corpus,
)


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return evaluate(tmp_path_factory.mktemp("corpus"))


def test_corpus_rows_carry_provenance_labels_and_no_phone_numbers():
    rows = load_corpus()
    assert len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        assert row["source"] and row["index_file"] and row["source_row"], row["id"]
        assert isinstance(row["pay"], dict) or row["pay"] in ("none", "unreadable"), row["id"]
        assert isinstance(row["age"], dict) or row["age"] == "none", row["id"]
        assert set(row["lint"]) <= set(FAMILY_RULES), row["id"]
        assert row["set"] in SPLITS, row["id"]
        for field in ("title", "pay_text", "age_text", "text"):
            assert not re.search(r"1[3-9]\d{9}", row[field]), (row["id"], field)


def test_corpus_has_the_issues_size_and_a_held_out_split():
    rows = load_corpus()
    assert len(rows) >= MIN_ROWS
    held_out = load_corpus(split="heldout")
    assert held_out and {row["source"] for row in held_out}.isdisjoint(
        {row["source"] for row in load_corpus(split="dev")}
    )


def test_no_row_is_refused_for_a_notation(result):
    assert result.refused == []


def test_pay_stated_with_a_figure_is_read_exactly(result):
    rate = result.pay_exact / result.pay_stated
    assert rate >= PAY_EXACT_TARGET, result.pay_misses


def test_age_stated_is_read_exactly(result):
    rate = result.age_exact / result.age_stated
    assert rate >= PAY_EXACT_TARGET, result.age_misses


def test_discrimination_lint_recall_and_precision(result):
    pooled = result.discrimination
    misses = {f: s.misses for f, s in result.families.items()}
    assert pooled.recall >= DISCRIMINATION_TARGET, misses
    assert pooled.precision >= DISCRIMINATION_TARGET, misses


def test_absolute_claims_recall_and_precision(result):
    score = result.families["absolute"]
    assert score.recall >= ABSOLUTE_RECALL_TARGET, score.misses
    assert score.precision >= ABSOLUTE_PRECISION_TARGET, score.misses
