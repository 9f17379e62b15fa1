"""The show report's numbers, checked against a show built from known takes and sign-ups."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hostdesk.core.show_report import (
    AirSpan,
    PageOpen,
    Pipeline,
    SignUp,
    baseline,
    build_report,
    spans_from_takes,
)

T0 = datetime(2026, 11, 20, 20, 0, tzinfo=UTC)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def span(job: str, start: float, end: float | None) -> AirSpan:
    return AirSpan(job, at(start), None if end is None else at(end))


def signups(*pairs: tuple[str, float]) -> list[SignUp]:
    return [SignUp(at(m), job) for job, m in pairs]


# One hour: A 0-10, B 10-25, A 25-30, C taken and cleared at once at 40, D 50-70 (past the end).
SPANS = [
    span("A", 0, 10),
    span("B", 10, 25),
    span("A", 25, 30),
    span("C", 40, 40),
    span("D", 50, 70),
]
SIGNUPS = signups(
    ("A", -1),  # before the show
    ("A", 1), ("A", 9.5), ("A", 26),  # A on air
    ("A", 12),  # 2 min after A's first span, while B is on air: A's tail
    ("A", 21),  # 11 min after: nobody's
    ("A", 39),  # 9 min after A's second span: tail
    ("B", 10),  # on air from its first instant (spans are [start, end))
    ("B", 25),  # the instant B ended: tail
    ("B", 35),  # exactly 10 min after: outside the tail
    ("C", 41),  # 1 min after an instant take: tail
    ("D", 59.9),  # on air, last minute
    ("D", 65),  # after the show; D's span was cut at the show's end, so its tail
    ("X", 30),  # a job never on air
)  # fmt: skip


def the_show():
    return build_report(at(0), at(60), SPANS, SIGNUPS)


def test_air_time_is_the_clipped_spans_and_jobs_come_in_order_of_first_air():
    report = the_show()
    jobs = {j.job_code: j for j in report.jobs}
    assert [j.job_code for j in report.jobs] == ["A", "B", "C", "D", "X"]
    assert jobs["A"].air_minutes == 15
    assert jobs["B"].air_minutes == 15
    assert jobs["C"].air_minutes == 0 and jobs["C"].takes == 1
    assert jobs["D"].air_minutes == 10  # 50-70 cut at the show's end (60)
    assert jobs["X"].air_minutes == 0 and jobs["X"].takes == 0
    assert report.spans[-1] == span("D", 50, 60)


def test_on_air_and_the_ten_minute_tail_per_job():
    jobs = {j.job_code: j for j in the_show().jobs}
    assert (jobs["A"].signups, jobs["A"].on_air, jobs["A"].tail) == (7, 3, 2)
    assert (jobs["B"].signups, jobs["B"].on_air, jobs["B"].tail) == (3, 1, 1)
    assert (jobs["C"].signups, jobs["C"].on_air, jobs["C"].tail) == (1, 0, 1)
    assert (jobs["D"].signups, jobs["D"].on_air, jobs["D"].tail) == (2, 1, 1)
    assert (jobs["X"].signups, jobs["X"].on_air, jobs["X"].tail) == (1, 0, 0)


def test_sign_ups_per_ten_air_minutes():
    jobs = {j.job_code: j for j in the_show().jobs}
    assert jobs["A"].per_10_air_min == pytest.approx(5 / 15 * 10)
    assert jobs["B"].per_10_air_min == pytest.approx(2 / 15 * 10)
    assert jobs["D"].per_10_air_min == pytest.approx(2.0)
    assert jobs["C"].per_10_air_min is None  # no air time: no rate
    assert jobs["X"].per_10_air_min is None


def test_per_minute_counts_and_the_job_on_air_each_minute():
    report = the_show()
    assert len(report.minutes) == 60
    counts = {m.index: m.signups for m in report.minutes if m.signups}
    assert counts == {
        1: 1,
        9: 1,
        10: 1,
        12: 1,
        21: 1,
        25: 1,
        26: 1,
        30: 1,
        35: 1,
        39: 1,
        41: 1,
        59: 1,
    }
    tags = [m.job_code for m in report.minutes]
    assert tags[:10] == ["A"] * 10
    assert tags[10:25] == ["B"] * 15
    assert tags[25:30] == ["A"] * 5
    assert tags[30:50] == [None] * 20  # the instant take of C holds no minute
    assert tags[50:] == ["D"] * 10
    assert report.minutes[12].start == at(12)
    assert (report.signups, report.in_show, report.before_show, report.after_show) == (14, 12, 1, 1)


def test_totals_per_hour_and_best_job():
    report = the_show()
    assert report.duration_minutes == 60
    assert report.per_hour == 14
    assert report.best_job.job_code == "A"
    summary = report.summary("20:00 直播间")
    assert (summary.label, summary.signups, summary.best_job, summary.best_job_signups) == (
        "20:00 直播间", 14, "A", 7,
    )  # fmt: skip


def test_a_minute_goes_to_the_job_on_air_longest_in_it_and_ties_to_the_later_take():
    report = build_report(
        at(0), at(3), [span("A", 0, 40 / 60), span("B", 40 / 60, 1.5), span("C", 1.5, 2.5)], []
    )
    # minute 0: A 40 s, B 20 s; minute 1: B 30 s, C 30 s (tie → C, taken later); minute 2: C.
    assert [m.job_code for m in report.minutes] == ["A", "C", "C"]


def test_overlapping_takes_of_one_job_count_their_air_time_once():
    report = build_report(
        at(0),
        at(30),
        [span("A", 0, 10), span("A", 5, 15), span("B", 6, 8)],
        signups(("A", 7), ("B", 7)),
    )
    jobs = {j.job_code: j for j in report.jobs}
    assert jobs["A"].air_minutes == 15  # union of 0-10 and 5-15, not 20
    assert jobs["A"].takes == 2
    assert jobs["B"].air_minutes == 2
    assert (jobs["A"].on_air, jobs["B"].on_air) == (1, 1)
    # minutes 6 and 7: A and B both on air the whole minute → the later take (B) names it
    assert [m.job_code for m in report.minutes[5:9]] == ["A", "B", "B", "A"]


def test_a_take_running_into_the_show_and_one_still_on_air_are_clipped():
    report = build_report(
        at(0), at(20), [span("A", -5, 3), span("B", 12, None), span("Z", -30, -20)], []
    )
    jobs = {j.job_code: j for j in report.jobs}
    assert set(jobs) == {"A", "B"}  # Z ended before the show began
    assert jobs["A"].air_minutes == 3
    assert jobs["B"].air_minutes == 8  # still on air: until the show's end
    assert report.spans == (span("A", 0, 3), span("B", 12, 20))


def test_page_opens_to_submissions_counts_only_sign_ups_through_the_page():
    sign = [*signups(("A", 1), ("A", 2), ("A", 3)), SignUp(at(4), "A", via_page=False)]
    opens = [PageOpen(at(0), "A", 20), PageOpen(at(1), "A", 10), PageOpen(at(2), "B", 5)]
    report = build_report(at(0), at(10), [span("A", 0, 10)], sign, opens)
    jobs = {j.job_code: j for j in report.jobs}
    assert (jobs["A"].opens, jobs["A"].submissions, jobs["A"].signups) == (30, 3, 4)
    assert jobs["A"].conversion == pytest.approx(0.1)
    assert (jobs["B"].opens, jobs["B"].submissions, jobs["B"].conversion) == (5, 0, 0.0)
    assert (report.opens, report.submissions) == (35, 3)
    assert report.conversion == pytest.approx(3 / 35)


def test_pipeline_counts_per_job_and_per_show():
    pipe = [Pipeline("A", 5, 3, 1), Pipeline("B", 2, 1, 0)]
    report = build_report(at(0), at(30), [span("A", 0, 10)], signups(("A", 1)), pipeline=pipe)
    jobs = {j.job_code: j for j in report.jobs}
    assert (jobs["A"].contacted, jobs["A"].interviewed, jobs["A"].hired) == (5, 3, 1)
    assert jobs["B"].hired == 0
    assert report.pipeline_totals == (7, 4, 1)
    assert report.summary().hired == 1
    assert the_show().pipeline_totals is None  # none given: unknown, not zero


def test_comparison_rows_from_earlier_shows():
    earlier = build_report(at(-1440), at(-1440 + 120), [span("B", 0, 60)], signups(("B", -1430)))
    report = build_report(at(0), at(60), SPANS, SIGNUPS, earlier=[earlier.summary("上周五")])
    (row,) = report.earlier
    assert (row.label, row.signups, row.minutes, row.best_job) == ("上周五", 1, 120, "B")
    assert row.per_hour == pytest.approx(0.5)


def test_earlier_shows_pool_into_one_baseline_by_room_and_by_host():
    """Counts per show averaged, rates pooled: a short show weighs less than a long one."""
    short = build_report(at(-2880), at(-2880 + 30), [span("A", -2880, -2850)],
                         signups(("A", -2875), ("A", -2870), ("A", -2860)),
                         opens=[PageOpen(at(-2880), "A", 10)], room="R1", host="蔚姐")  # fmt: skip
    long = build_report(at(-1440), at(-1440 + 120), [span("B", -1440, -1320)],
                        signups(("B", -1430)), pipeline=[Pipeline("B", 1, 1, 0)],
                        room="R2", host="蔚姐")  # fmt: skip
    s1, s2 = short.summary("a"), long.summary("b")
    assert (s1.room, s1.host, s1.air_minutes, s1.credited, s1.opens) == ("R1", "蔚姐", 30, 3, 10)
    assert s1.per_10_air_min == pytest.approx(1.0) and s1.conversion == pytest.approx(0.3)
    assert (s1.contacted, s2.contacted, s2.interviewed, s2.hired) == (None, 1, 1, 0)
    pooled = baseline([s1, s2])
    assert pooled.shows == 2 and pooled.signups == pytest.approx(2)
    assert pooled.per_hour == pytest.approx(4 / 2.5)
    assert pooled.per_10_air_min == pytest.approx(4 / 150 * 10)  # not the mean of 1.0 and 0.083
    assert pooled.opens == pytest.approx(5) and pooled.conversion == pytest.approx(3 / 10)
    assert (pooled.contacted, pooled.hired) == (1, 0)  # over the shows with desk figures
    assert baseline([]) is None
    report = build_report(at(0), at(60), SPANS, SIGNUPS, earlier=[s1], same_host=[s2, s1],
                          room="R1", host="蔚姐")  # fmt: skip
    assert [s.label for s in report.same_host] == ["b", "a"]
    assert (report.summary().room, report.summary().host) == ("R1", "蔚姐")


def test_an_empty_show():
    report = build_report(at(0), at(0), [], [])
    assert (report.minutes, report.jobs, report.signups) == ((), (), 0)
    assert report.per_hour is None and report.best_job is None and report.conversion is None
    quiet = build_report(at(0), at(30), [], [])
    assert len(quiet.minutes) == 30
    assert all(m.signups == 0 and m.job_code is None for m in quiet.minutes)
    assert quiet.summary().best_job is None


def test_a_partial_last_minute_counts():
    report = build_report(at(0), at(2.5), [span("A", 0, 2.5)], signups(("A", 2.4)))
    assert [m.signups for m in report.minutes] == [0, 0, 1]
    assert report.minutes[-1].job_code == "A"


def test_show_end_before_start_is_refused():
    with pytest.raises(ValueError, match="before"):
        build_report(at(10), at(0), [], [])


def test_spans_from_the_take_and_clear_records():
    takes = [
        ("take", "A", at(0)),
        ("take", "B", at(10)),
        ("clear", None, at(25)),
        ("take", "A", at(30)),
    ]
    assert spans_from_takes(takes, until=at(60)) == [
        span("A", 0, 10), span("B", 10, 25), span("A", 30, 60),
    ]  # fmt: skip
    assert spans_from_takes(reversed(takes))[-1] == span("A", 30, None)  # sorted by time first
