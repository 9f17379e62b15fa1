"""The show report: sign-ups per minute, per job on air, the funnel and earlier shows (pure).

Shared by the desktop (local store) and the hub (its tables); no Qt, no database.

Rules (the tests in tests/core/test_show_report.py pin each one):
- Times are tz-aware; a span is half-open ``[start, end)``; ``end=None`` means still on air
  and is read as the show's end. Spans are clipped to ``[show_start, show_end)``; a span
  wholly outside the show is dropped (its job may still appear through its sign-ups).
- A job's air time is the UNION of its clipped spans (two PCs reporting the same take, or
  an overlapping duplicate, are not counted twice). Instant takes (start == end) add no
  air time but do start a 10-minute tail.
- Minute ``i`` covers ``[show_start + i min, show_start + (i+1) min)``; the last minute may
  be partial. Each minute is tagged with the job that was on air longest in it (ties: the
  job taken later), or ``None`` if nothing was on air.
- A sign-up is credited to the job it names (``SignUp.job_code``), never to whichever job
  happened to be on screen: the viewer chose that job's form. It counts as "on air" if it
  falls inside one of that job's spans, else as "tail" if it falls within 10 minutes after
  the end of one of that job's spans — EVEN IF another job is on air by then (the viewer
  is still acting on the earlier card; the form stays open). Each sign-up is counted once:
  on air wins over tail. Tail windows may run past the show's end (late form submits).
- Per 10 air-minutes = (on air + tail) / air minutes * 10; ``None`` without air time.
- Page opens → submissions: opens summed per job; submissions are the job's sign-ups
  with ``via_page`` (the hub form), conversion = submissions / opens (``None`` without
  opens). Sign-ups typed in from calls or comments count everywhere else but not here.
- The per-minute chart counts only sign-ups inside the show; ``after_show`` and
  ``before_show`` count the rest (all given sign-ups are the show's, the caller filters).
- Best job: the most sign-ups in the show; ties go to the higher per-10-air-minute rate,
  then the job code.
- Comparison: earlier shows of the same room (``earlier``) and of the same host
  (``same_host``), newest first, each a ShowSummary; their ``baseline`` pools them: sign-ups
  and pipeline counts averaged per show, the rates pooled (all credited sign-ups over all
  air minutes, all submissions over all opens), so a short show does not weigh as much as
  a long one.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

MINUTE = timedelta(minutes=1)
TAIL = timedelta(minutes=10)


@dataclass(frozen=True)
class AirSpan:
    """One job on air from start until end (None: still on air at the report's end)."""

    job_code: str
    start: datetime
    end: datetime | None


@dataclass(frozen=True)
class SignUp:
    at: datetime
    job_code: str
    via_page: bool = True  # came through the job's sign-up page (the funnel's last step)


@dataclass(frozen=True)
class PageOpen:
    minute: datetime
    job_code: str
    opens: int


@dataclass(frozen=True)
class Pipeline:
    job_code: str
    contacted: int
    interviewed: int
    hired: int


@dataclass(frozen=True)
class MinuteRow:
    index: int
    start: datetime
    signups: int
    job_code: str | None  # the job on air longest in this minute


@dataclass(frozen=True)
class JobRow:
    job_code: str
    air_seconds: float
    takes: int  # spans that touch the show (instant ones included)
    signups: int  # all of the show's sign-ups for this job
    on_air: int
    tail: int  # within 10 minutes after one of its spans, not while it was on air
    per_10_air_min: float | None
    opens: int
    submissions: int  # sign-ups through the page
    conversion: float | None
    contacted: int | None = None  # None: no pipeline figures given for this job
    interviewed: int | None = None
    hired: int | None = None

    @property
    def air_minutes(self) -> float:
        return self.air_seconds / 60


@dataclass(frozen=True)
class ShowSummary:
    """One row of the comparison with earlier shows."""

    label: str
    start: datetime
    end: datetime
    signups: int
    minutes: float
    per_hour: float | None
    best_job: str | None
    best_job_signups: int
    hired: int | None = None
    room: str = ""
    host: str = ""
    air_minutes: float = 0.0
    credited: int = 0  # sign-ups while their job was on air or in the 10 minutes after
    opens: int = 0
    submissions: int = 0  # sign-ups through the page of a job whose page was opened
    contacted: int | None = None  # None: no pipeline figures (the desktop has none)
    interviewed: int | None = None

    @property
    def per_10_air_min(self) -> float | None:
        return self.credited / self.air_minutes * 10 if self.air_minutes > 0 else None

    @property
    def conversion(self) -> float | None:
        return self.submissions / self.opens if self.opens else None


@dataclass(frozen=True)
class Baseline:
    """Earlier shows taken together, to hold this show against (see the module's rules)."""

    shows: int
    signups: float  # per show
    per_hour: float | None
    per_10_air_min: float | None
    opens: float  # per show
    conversion: float | None
    contacted: float | None  # per show, over the shows with pipeline figures
    interviewed: float | None
    hired: float | None


def baseline(shows: Iterable[ShowSummary]) -> Baseline | None:
    """The pooled figures of `shows`; None without any."""
    shows = list(shows)
    if not shows:
        return None
    n = len(shows)
    hours = sum(s.minutes for s in shows) / 60
    air = sum(s.air_minutes for s in shows)
    opens = sum(s.opens for s in shows)
    piped = [s for s in shows if s.contacted is not None]

    def per_piped(name: str) -> float | None:
        return sum(getattr(s, name) or 0 for s in piped) / len(piped) if piped else None

    return Baseline(
        shows=n,
        signups=sum(s.signups for s in shows) / n,
        per_hour=sum(s.signups for s in shows) / hours if hours > 0 else None,
        per_10_air_min=sum(s.credited for s in shows) / air * 10 if air > 0 else None,
        opens=opens / n,
        conversion=sum(s.submissions for s in shows) / opens if opens else None,
        contacted=per_piped("contacted"),
        interviewed=per_piped("interviewed"),
        hired=per_piped("hired"),
    )


@dataclass(frozen=True)
class ShowReport:
    start: datetime
    end: datetime
    minutes: tuple[MinuteRow, ...]
    jobs: tuple[JobRow, ...]  # in order of first air time, then jobs only signed up for
    spans: tuple[AirSpan, ...]  # clipped to the show, end always set, sorted by start
    signups: int  # all sign-ups given
    in_show: int
    before_show: int
    after_show: int
    opens: int
    submissions: int
    earlier: tuple[ShowSummary, ...] = field(default=())  # the same room's, newest first
    same_host: tuple[ShowSummary, ...] = field(default=())  # the same host's, newest first
    room: str = ""
    host: str = ""

    @property
    def duration_minutes(self) -> float:
        return (self.end - self.start).total_seconds() / 60

    @property
    def per_hour(self) -> float | None:
        hours = self.duration_minutes / 60
        return self.signups / hours if hours > 0 else None

    @property
    def conversion(self) -> float | None:
        return self.submissions / self.opens if self.opens else None

    @property
    def best_job(self) -> JobRow | None:
        ranked = [j for j in self.jobs if j.signups > 0]
        if not ranked:
            return None
        return min(ranked, key=lambda j: (-j.signups, -(j.per_10_air_min or 0.0), j.job_code))

    @property
    def pipeline_totals(self) -> tuple[int, int, int] | None:
        rows = [j for j in self.jobs if j.contacted is not None]
        if not rows:
            return None
        return (
            sum(j.contacted or 0 for j in rows),
            sum(j.interviewed or 0 for j in rows),
            sum(j.hired or 0 for j in rows),
        )

    def summary(self, label: str = "") -> ShowSummary:
        best = self.best_job
        totals = self.pipeline_totals
        return ShowSummary(
            label=label,
            start=self.start,
            end=self.end,
            signups=self.signups,
            minutes=self.duration_minutes,
            per_hour=self.per_hour,
            best_job=best.job_code if best else None,
            best_job_signups=best.signups if best else 0,
            hired=totals[2] if totals else None,
            room=self.room,
            host=self.host,
            air_minutes=sum(j.air_minutes for j in self.jobs),
            credited=sum(j.on_air + j.tail for j in self.jobs),
            opens=self.opens,
            submissions=self.submissions,
            contacted=totals[0] if totals else None,
            interviewed=totals[1] if totals else None,
        )


def spans_from_takes(
    takes: Iterable[tuple[str, str | None, datetime]], until: datetime | None = None
) -> list[AirSpan]:
    """(action, job_code, at) take/clear records in time order → spans; a take ends the last."""
    spans: list[AirSpan] = []
    current: tuple[str, datetime] | None = None
    for action, job_code, at in sorted(takes, key=lambda t: t[2]):
        if current is not None:
            spans.append(AirSpan(current[0], current[1], at))
            current = None
        if action == "take" and job_code:
            current = (job_code, at)
    if current is not None:
        spans.append(AirSpan(current[0], current[1], until))
    return spans


def _clip(spans: Iterable[AirSpan], start: datetime, end: datetime) -> list[AirSpan]:
    clipped = []
    for span in spans:
        s = max(span.start, start)
        e = min(span.end if span.end is not None else end, end)
        starts_after = span.start > end or (span.start == end and start < end)
        if starts_after or e < s:  # wholly after the show, or ended before it began
            continue
        clipped.append(AirSpan(span.job_code, s, e))
    clipped.sort(key=lambda sp: (sp.start, sp.end, sp.job_code))
    return clipped


def _union(spans: list[AirSpan]) -> list[tuple[datetime, datetime]]:
    """Merged [start, end) intervals of one job's spans (sorted by start)."""
    merged: list[tuple[datetime, datetime]] = []
    for sp in spans:
        assert sp.end is not None
        if merged and sp.start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], sp.end))
        else:
            merged.append((sp.start, sp.end))
    return merged


def credit_windows(
    spans: Iterable[AirSpan], show_start: datetime, show_end: datetime
) -> tuple[dict[str, float], dict[str, list[tuple[datetime, datetime]]]]:
    """Per job: its air seconds, and the [start, end + TAIL) windows in which a sign-up for
    it is credited to the screen (on air or in the tail). For summing a show from grouped
    counts (an earlier show in a comparison) with the same rules as build_report."""
    by_job: dict[str, list[AirSpan]] = {}
    for sp in _clip(spans, show_start, show_end):
        by_job.setdefault(sp.job_code, []).append(sp)
    air = {
        code: sum((e - s).total_seconds() for s, e in _union(sps)) for code, sps in by_job.items()
    }
    windows = {code: [(sp.start, sp.end + TAIL) for sp in sps] for code, sps in by_job.items()}
    return air, windows


def summary_from_counts(
    label: str,
    show_start: datetime,
    show_end: datetime,
    air: dict[str, float],
    counts: dict[str, tuple[int, int]],
    *,
    room: str = "",
    host: str = "",
) -> ShowSummary:
    """A show's comparison row from per-job (sign-ups, credited) counts and air seconds
    (credit_windows): equal to build_report(...).summary(label) without opens or pipeline."""
    minutes = (show_end - show_start).total_seconds() / 60
    total = sum(n for n, _c in counts.values())

    def rate(code: str) -> float:
        seconds = air.get(code, 0.0)
        return counts[code][1] / (seconds / 60) * 10 if seconds > 0 else 0.0

    ranked = [code for code, (n, _c) in counts.items() if n > 0]
    best = min(ranked, key=lambda c: (-counts[c][0], -rate(c), c)) if ranked else None
    return ShowSummary(
        label=label,
        start=show_start,
        end=show_end,
        signups=total,
        minutes=minutes,
        per_hour=total / (minutes / 60) if minutes > 0 else None,
        best_job=best,
        best_job_signups=counts[best][0] if best else 0,
        room=room,
        host=host,
        air_minutes=sum(air.values()) / 60,
        credited=sum(c for _n, c in counts.values()),
    )


def _minute_tags(spans: list[AirSpan], start: datetime, n_minutes: int) -> list[str | None]:
    """The job on air longest in each minute (spans merged per job); ties: the later take."""
    seconds: list[dict[str, tuple[float, datetime]]] = [{} for _ in range(n_minutes)]
    for sp in spans:
        assert sp.end is not None
        if sp.end <= sp.start:
            continue
        first = int((sp.start - start) // MINUTE)
        last = min(n_minutes - 1, math.ceil((sp.end - start) / MINUTE) - 1)
        for i in range(max(first, 0), last + 1):
            m0 = start + i * MINUTE
            overlap = (min(sp.end, m0 + MINUTE) - max(sp.start, m0)).total_seconds()
            if overlap <= 0:
                continue
            had, latest = seconds[i].get(sp.job_code, (0.0, sp.start))
            seconds[i][sp.job_code] = (had + overlap, max(latest, sp.start))
    tags: list[str | None] = []
    for per_job in seconds:
        if not per_job:
            tags.append(None)
            continue
        tags.append(max(per_job.items(), key=lambda kv: (round(kv[1][0], 6), kv[1][1]))[0])
    return tags


def _in_any(at: datetime, starts: list[datetime], intervals: list[tuple[datetime, datetime]]):
    """Whether `at` lies in one of the sorted, disjoint [start, end) intervals."""
    i = bisect.bisect_right(starts, at) - 1
    return i >= 0 and at < intervals[i][1]


def _in_tail(at: datetime, ends: list[datetime]) -> bool:
    """Whether `at` lies within TAIL after one of the sorted span ends."""
    i = bisect.bisect_right(ends, at) - 1
    return i >= 0 and at - ends[i] < TAIL


def build_report(
    show_start: datetime,
    show_end: datetime,
    spans: Iterable[AirSpan],
    signups: Iterable[SignUp],
    opens: Iterable[PageOpen] = (),
    pipeline: Iterable[Pipeline] = (),
    earlier: Iterable[ShowSummary] = (),
    *,
    same_host: Iterable[ShowSummary] = (),
    room: str = "",
    host: str = "",
) -> ShowReport:
    """The report of one show from its spans, sign-ups, page opens and pipeline counts."""
    if show_end < show_start:
        raise ValueError("show_end before show_start")
    clipped = _clip(spans, show_start, show_end)
    n_minutes = math.ceil((show_end - show_start) / MINUTE)

    # Per job: merged on-air intervals and the (sorted) ends of its spans for the tail.
    by_job: dict[str, list[AirSpan]] = {}
    for sp in clipped:
        by_job.setdefault(sp.job_code, []).append(sp)
    intervals = {code: _union(sps) for code, sps in by_job.items()}
    starts = {code: [iv[0] for iv in ivs] for code, ivs in intervals.items()}
    ends = {
        code: sorted(sp.end for sp in sps if sp.end is not None) for code, sps in by_job.items()
    }

    per_minute = [0] * n_minutes
    counts: dict[str, list[int]] = {}  # code -> [signups, on_air, tail, via_page]
    total = before = after = 0
    for su in signups:
        total += 1
        if su.at < show_start:
            before += 1
        elif su.at >= show_end:
            after += 1
        else:
            per_minute[int((su.at - show_start) // MINUTE)] += 1
        row = counts.setdefault(su.job_code, [0, 0, 0, 0])
        row[0] += 1
        if su.via_page:
            row[3] += 1
        if su.job_code in intervals and _in_any(su.at, starts[su.job_code], intervals[su.job_code]):
            row[1] += 1
        elif su.job_code in ends and _in_tail(su.at, ends[su.job_code]):
            row[2] += 1

    opens_by_job: dict[str, int] = {}
    for po in opens:
        opens_by_job[po.job_code] = opens_by_job.get(po.job_code, 0) + po.opens
    pipe = {p.job_code: p for p in pipeline}

    order = list(by_job)  # first air time (clipped is sorted by start)
    order += sorted(c for c in counts if c not in by_job)
    order += sorted(c for c in opens_by_job if c not in by_job and c not in counts)
    order += sorted(
        c for c in pipe if c not in by_job and c not in counts and c not in opens_by_job
    )

    jobs = []
    for code in order:
        air = sum((e - s).total_seconds() for s, e in intervals.get(code, []))
        signed, on_air, tail, via_page = counts.get(code, [0, 0, 0, 0])
        job_opens = opens_by_job.get(code, 0)
        p = pipe.get(code)
        jobs.append(
            JobRow(
                job_code=code,
                air_seconds=air,
                takes=len(by_job.get(code, [])),
                signups=signed,
                on_air=on_air,
                tail=tail,
                per_10_air_min=(on_air + tail) / (air / 60) * 10 if air > 0 else None,
                opens=job_opens,
                submissions=via_page,
                conversion=via_page / job_opens if job_opens else None,
                contacted=p.contacted if p else None,
                interviewed=p.interviewed if p else None,
                hired=p.hired if p else None,
            )
        )

    merged = [AirSpan(code, s, e) for code, ivs in intervals.items() for s, e in ivs]
    tags = _minute_tags(merged, show_start, n_minutes)
    minutes = tuple(
        MinuteRow(i, show_start + i * MINUTE, per_minute[i], tags[i]) for i in range(n_minutes)
    )
    return ShowReport(
        start=show_start,
        end=show_end,
        minutes=minutes,
        jobs=tuple(jobs),
        spans=tuple(clipped),
        signups=total,
        in_show=total - before - after,
        before_show=before,
        after_show=after,
        opens=sum(opens_by_job.values()),
        submissions=sum(j.submissions for j in jobs if j.opens),
        earlier=tuple(earlier),
        same_host=tuple(same_host),
        room=room,
        host=host,
    )
