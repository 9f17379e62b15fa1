"""Age-band parsing and display."""

from __future__ import annotations

import pytest

from hostdesk.core.age import AgeParseError, age_label, format_age, parse_age
from hostdesk.core.jobs import Job


@pytest.mark.parametrize(
    ("text", "expected", "display"),
    [
        ("18-45岁", (18, 45), "18-45岁"),
        ("18-45周岁", (18, 45), "18-45岁"),
        ("18～45", (18, 45), "18-45岁"),
        ("18~45岁", (18, 45), "18-45岁"),
        ("18至45岁", (18, 45), "18-45岁"),
        ("18到45岁", (18, 45), "18-45岁"),
        ("18岁-45岁", (18, 45), "18-45岁"),
        ("18—45岁", (18, 45), "18-45岁"),
        ("１８－４５岁", (18, 45), "18-45岁"),
        (" 18 - 45 岁 ", (18, 45), "18-45岁"),
        ("年龄：18-45岁", (18, 45), "18-45岁"),
        ("16-50", (16, 50), "16-50岁"),
        ("45岁以下", (None, 45), "45岁以下"),
        ("45周岁以下", (None, 45), "45岁以下"),
        ("45岁以内", (None, 45), "45岁以下"),
        ("不超过45岁", (None, 45), "45岁以下"),
        ("不超过45周岁", (None, 45), "45岁以下"),
        ("18岁以上", (18, None), "18岁以上"),
        ("18周岁以上", (18, None), "18岁以上"),
        ("年满18周岁", (18, None), "18岁以上"),
        ("年满18岁", (18, None), "18岁以上"),
        ("不限", (None, None), ""),
        ("年龄不限", (None, None), ""),
        ("", (None, None), ""),
        ("   ", (None, None), ""),
        # Under-16 bands parse; refusing them is compliance's job (rule age_under_16).
        ("15-45岁", (15, 45), "15-45岁"),
        ("18-80", (18, 80), "18-80岁"),
        # Issue 15: notations from real postings.
        ("25--45岁", (25, 45), "25-45岁"),
        ("16一45岁", (16, 45), "16-45岁"),
        ("18周岁—50周岁", (18, 50), "18-50岁"),
        ("18--30岁以内", (18, 30), "18-30岁"),
        ("16-29岁以下", (16, 29), "16-29岁"),
        ("18-", (18, None), "18岁以上"),
        ("-36", (None, 36), "36岁以下"),
        ("18以上", (18, None), "18岁以上"),
        ("18岁以上，45岁以下", (18, 45), "18-45岁"),
        ("男女不限16-40岁", (16, 40), "16-40岁"),
        ("年龄18-45岁，身体健康", (18, 45), "18-45岁"),
        # Bands split by sex: the band the job admits as a whole (the lint flags the split).
        ("男:18-38岁 女:18-40岁", (18, 40), "18-40岁"),
        ("女16-40，男16-35", (16, 40), "16-40岁"),
        ("女18-45岁、男18-50岁", (18, 50), "18-50岁"),
        ("男18-45岁，女18岁以上", (18, None), "18岁以上"),
        ("①18到38岁之内", (18, 38), "18-38岁"),
        ("1、年龄18-28周岁", (18, 28), "18-28岁"),
    ],
)
def test_parse_age(text, expected, display):
    assert parse_age(text) == expected
    assert format_age(*expected) == display


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("abc", "unparseable"),
        ("45", "unparseable"),
        ("岁", "unparseable"),
        ("身体健康", "unparseable"),
        ("18-45-50", "unparseable"),
        ("45-18岁", "min_gt_max"),
        ("18-81岁", "out_of_range"),
        ("90岁以下", "out_of_range"),
        ("-5岁以上", "out_of_range"),
        ("18~-5", "out_of_range"),
    ],
)
def test_parse_age_rejects(text, reason):
    with pytest.raises(AgeParseError) as caught:
        parse_age(text)
    assert caught.value.reason == reason
    assert isinstance(caught.value, ValueError)
    assert text in str(caught.value)


@pytest.mark.parametrize(
    ("low", "high", "display"),
    [
        (18, 45, "18-45岁"),
        (None, 45, "45岁以下"),
        (18, None, "18岁以上"),
        (None, None, ""),
        (18, 18, "18岁"),
    ],
)
def test_format_age(low, high, display):
    assert format_age(low, high) == display


@pytest.mark.parametrize("display", ["18-45岁", "45岁以下", "18岁以上"])
def test_display_parses_back(display):
    assert format_age(*parse_age(display)) == display


@pytest.mark.parametrize(
    ("low", "high"), [(18, 45), (None, 45), (18, None), (18, 18), (None, None)]
)
def test_format_then_parse_round_trips(low, high):
    # The exporter writes format_age; the importer must read it back unchanged.
    assert parse_age(format_age(low, high)) == (low, high)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "About N is fine" sets the top of the band (held-out corpus gap).
        ("50岁左右均可", (None, 50)),
        ("48周岁左右也可", (None, 48)),
        # 在 typed for 到 between the two ages of a band.
        ("年龄在20岁在40岁之间", (20, 40)),
        ("20周岁在40周岁之间", (20, 40)),
        # Unchanged: an approximate single age, and 在 that is no dash.
        ("25岁左右", (25, 25)),
        ("年龄在18-35岁", (18, 35)),
    ],
)
def test_parse_age_reads_the_held_out_corpus_notations(text, expected):
    assert parse_age(text) == expected


@pytest.mark.parametrize(
    ("low", "high", "text", "shown"),
    [
        (18, 45, "18-45周岁", "18-45岁"),  # read: the band, as the card says bands
        (None, 45, "", "45岁以下"),  # no text kept (a job stored before schema 10)
        (None, None, "年龄可根据个人形象而定", "年龄可根据个人形象而定"),  # unread: as written
        (None, None, " 十八岁左右 ", "十八岁左右"),
        (None, None, "不限", ""),  # no limit: nothing, as an empty cell
        (None, None, "身体健康，年龄不限", ""),
        (None, None, "", ""),
    ],
)
def test_age_label_shows_the_band_else_the_words_as_written(low, high, text, shown):
    assert age_label(low, high, text) == shown


def test_age_text_goes_through_the_job_json_unchanged():
    job = Job(code="X-1", title="普工", age_text="年龄可根据个人形象而定")
    data = job.to_json()
    assert (data["age_min"], data["age_max"], data["age_text"]) == (
        None, None, "年龄可根据个人形象而定",
    )  # fmt: skip
    assert Job.from_json(data).content_equal(job)
    assert Job.from_json({"code": "X-2", "title": "普工"}).age_text == ""  # older senders
