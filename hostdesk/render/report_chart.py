"""The show report drawn with QPainter: headline figures, sign-ups per minute, jobs, earlier shows.

No chart library (the bundle stays small). `draw_report` paints onto any QPainter (the
dialog's widget, or a QImage for a screenshot and the bench); `report_height` says how tall
the page is at a width. Safe on a worker thread with a QImage (fonts: see render.fonts).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from hostdesk.core.show_report import JobRow, ShowReport, ShowSummary, baseline
from hostdesk.render.fonts import card_font

# Distinct on white and for common colour blindness (Tableau 10, reordered).
PALETTE = (
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1",
    "#76b7b2", "#edc948", "#9c755f", "#ff9da7", "#bab0ac",
)  # fmt: skip
INK, MUTED, RULE, PAPER, OFF_AIR = "#1f2430", "#6b7280", "#e5e7eb", "#ffffff", "#c7ccd4"
ACCENT = "#c62828"
MARGIN = 36
CHART_HEIGHT = 300
ROW = 34
TILE_HEIGHT = 96


# Called by this name with literal strings so that lupdate finds them (see
# tests/test_i18n.py: a wrapper taking only the text hides them).
translate = QCoreApplication.translate


def _font(px: int, bold: bool = False) -> QFont:
    return card_font(px, bold=bold)


def colours(report: ShowReport) -> dict[str, QColor]:
    """One colour per job that was on air, in order of first air time (then the rest)."""
    aired = [j.job_code for j in report.jobs if j.takes]
    return {code: QColor(PALETTE[i % len(PALETTE)]) for i, code in enumerate(aired)}


def duration_text(minutes: float) -> str:
    whole = round(minutes)
    if whole < 60:
        return translate("ShowReport", "{m} min").format(m=whole)
    return translate("ShowReport", "{h} h {m} min").format(h=whole // 60, m=whole % 60)


def rate_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def percent_text(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


@dataclass(frozen=True)
class ReportPage:
    """What the page shows: the report and how to name its jobs and its show."""

    report: ShowReport
    titles: dict[str, str]
    heading: str  # e.g. the room and platform
    local_start: datetime  # the show's start in the PC's time zone (axis labels)

    def job_name(self, code: str) -> str:
        title = self.titles.get(code, "")
        return title or code


def _legend_rows(page: ReportPage, width: float) -> list[list[tuple[str, QColor]]]:
    metrics = QFontMetricsF(_font(14))
    items = [(page.job_name(c), col) for c, col in colours(page.report).items()]
    items.append((translate("ShowReport", "Nothing on air"), QColor(OFF_AIR)))
    rows: list[list[tuple[str, QColor]]] = [[]]
    used = 0.0
    for name, col in items:
        w = 22 + min(metrics.horizontalAdvance(name), 260) + 22
        if rows[-1] and used + w > width:
            rows.append([])
            used = 0.0
        rows[-1].append((name, col))
        used += w
    return rows


def _has_pipeline(report: ShowReport) -> bool:
    return report.pipeline_totals is not None


def report_height(page: ReportPage, width: int) -> int:
    inner = width - 2 * MARGIN
    legend = len(_legend_rows(page, inner)) * 24
    jobs = max(1, len(page.report.jobs))
    comparisons = _comparisons(page.report)
    # per comparison (_draw_comparison): the header row, this show, the earlier ones, their
    # total (when there are some), and the gap below (the note's row when there are none)
    comparison = sum(
        1 + 1 + len(shows) + (1 if shows else 0) + 1.4 for _kind, _whose, shows in comparisons
    )
    return int(
        MARGIN
        + 84
        + TILE_HEIGHT
        + 36  # heading, tiles
        + 40
        + legend
        + 8
        + CHART_HEIGHT
        + 12  # chart block
        + 48
        + ROW * (jobs + 1)  # jobs table
        + 48 * len(comparisons)
        + ROW * comparison  # comparisons (a note in place of the total when alone)
        + 56
        + MARGIN  # notes
    )


def render_report(page: ReportPage, width: int = 1400, ratio: float = 1.0) -> QImage:
    """The whole page as an image `width` logical pixels wide, for a screen scale `ratio`.

    Plain QImage work: the dialog calls it on a worker thread.
    """
    height = report_height(page, width)
    image = QImage(
        round(width * ratio), round(height * ratio), QImage.Format.Format_ARGB32_Premultiplied
    )
    image.setDevicePixelRatio(ratio)
    image.fill(QColor(PAPER))
    painter = QPainter(image)
    try:
        draw_report(painter, page, width)
    finally:
        painter.end()
    return image


def draw_report(p: QPainter, page: ReportPage, width: int) -> None:
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    inner = width - 2 * MARGIN
    y = float(MARGIN)
    y = _draw_heading(p, page, y, inner)
    y = _draw_tiles(p, page, y, inner)
    y = _draw_chart(p, page, y, inner)
    y = _draw_jobs(p, page, y, inner)
    for kind, whose, shows in _comparisons(page.report):
        y = _draw_comparison(p, page, y, inner, kind, whose, shows)
    _draw_notes(p, y, inner)


# -- pieces -----------------------------------------------------------------------------


def _text(
    p: QPainter,
    rect: QRectF,
    text: str,
    px: int,
    *,
    bold=False,
    colour=INK,
    align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
) -> None:
    font = _font(px, bold)
    p.setFont(font)
    p.setPen(QColor(colour))
    elided = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    p.drawText(rect, int(align), elided)


def _draw_heading(p: QPainter, page: ReportPage, y: float, inner: float) -> float:
    r = page.report
    _text(p, QRectF(MARGIN, y, inner, 40), translate("ShowReport", "Show report"), 30, bold=True)
    title_w = QFontMetricsF(_font(30, True)).horizontalAdvance(
        translate("ShowReport", "Show report")
    )
    _text(
        p,
        QRectF(MARGIN + title_w + 18, y + 4, inner - title_w - 18, 36),
        page.heading,
        20,
        colour=MUTED,
    )
    start = page.local_start
    end = start + (r.end - r.start)
    when = f"{start:%Y-%m-%d %H:%M} – {end:%H:%M} · " + duration_text(r.duration_minutes)
    _text(p, QRectF(MARGIN, y + 44, inner, 26), when, 16, colour=MUTED)
    p.setPen(QPen(QColor(ACCENT), 3))
    p.drawLine(QPointF(MARGIN, y + 80), QPointF(MARGIN + 64, y + 80))
    return y + 84


def _tiles(page: ReportPage) -> list[tuple[str, str, str]]:
    r = page.report
    best = r.best_job
    tiles = [
        (
            translate("ShowReport", "Sign-ups"),
            str(r.signups),
            translate("ShowReport", "{n} during the show").format(n=r.in_show),
        ),
        (translate("ShowReport", "Sign-ups per hour"), rate_text(r.per_hour), ""),
        (
            translate("ShowReport", "Jobs on air"),
            str(sum(1 for j in r.jobs if j.takes)),
            duration_text(sum(j.air_minutes for j in r.jobs))
            + " "
            + translate("ShowReport", "on air"),
        ),
        (
            translate("ShowReport", "Best job"),
            page.job_name(best.job_code) if best else "—",
            translate("ShowReport", "{n} sign-ups").format(n=best.signups) if best else "",
        ),
    ]
    if r.opens:
        tiles.append(
            (
                translate("ShowReport", "Page opens → sign-ups"),
                percent_text(r.conversion),
                f"{r.opens} → {r.submissions}",
            )
        )
    if r.earlier and r.per_hour is not None and r.earlier[0].per_hour:
        change = r.per_hour / r.earlier[0].per_hour - 1
        tiles.append(
            (
                translate("ShowReport", "Per hour vs last show"),
                f"{change * 100:+.0f}%",
                translate("ShowReport", "last show {rate}/h").format(
                    rate=rate_text(r.earlier[0].per_hour)
                ),
            )
        )
    totals = r.pipeline_totals
    if totals:
        tiles.append(
            (
                translate("ShowReport", "Hired"),
                str(totals[2]),
                translate("ShowReport", "{c} contacted · {i} interviewed").format(
                    c=totals[0], i=totals[1]
                ),
            )
        )
    return tiles


def _draw_tiles(p: QPainter, page: ReportPage, y: float, inner: float) -> float:
    tiles = _tiles(page)
    gap = 14
    w = (inner - gap * (len(tiles) - 1)) / len(tiles)
    for i, (label, value, note) in enumerate(tiles):
        x = MARGIN + i * (w + gap)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#f5f6f8"))
        p.drawRoundedRect(QRectF(x, y + 18, w, TILE_HEIGHT), 8, 8)
        _text(p, QRectF(x + 16, y + 26, w - 32, 22), label, 14, colour=MUTED)
        # the largest size that fits: a long job title steps down rather than being cut
        value_px = next(
            (
                px
                for px in (30, 24, 20)
                if QFontMetricsF(_font(px, True)).horizontalAdvance(value) <= w - 32
            ),
            16,
        )
        _text(p, QRectF(x + 16, y + 48, w - 32, 38), value, value_px, bold=True)
        _text(p, QRectF(x + 16, y + 86, w - 32, 20), note, 13, colour=MUTED)
    return y + 18 + TILE_HEIGHT + 18


def _nice_step(top: int) -> int:
    """A y-axis step giving 3-6 gridlines."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if top / step <= 5:
            return step
    return 10 ** int(math.log10(max(top, 1)))


def _time_step(minutes: int) -> int:
    for step in (5, 10, 15, 30, 60, 120):
        if minutes / step <= 12:
            return step
    return 240


def _draw_chart(p: QPainter, page: ReportPage, y: float, inner: float) -> float:
    r = page.report
    _text(
        p,
        QRectF(MARGIN, y, inner, 30),
        translate("ShowReport", "Sign-ups per minute, by the job on air"),
        18,
        bold=True,
    )
    y += 40
    palette = colours(r)
    for row in _legend_rows(page, inner):
        x = float(MARGIN)
        for name, col in row:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(col)
            p.drawRoundedRect(QRectF(x, y + 5, 14, 14), 3, 3)
            name_w = min(QFontMetricsF(_font(14)).horizontalAdvance(name), 260)
            _text(p, QRectF(x + 20, y, name_w + 2, 24), name, 14)
            x += 22 + name_w + 22
        y += 24
    y += 8
    axis_w = 40
    plot = QRectF(MARGIN + axis_w, y, inner - axis_w, CHART_HEIGHT - 28)
    n = max(1, len(r.minutes))
    top = max([m.signups for m in r.minutes] + [1])
    step = _nice_step(top)
    top = step * math.ceil(top / step)
    # bands: the exact on-air spans, pale, behind everything
    span_px = plot.width() / (n * 60.0)
    for sp in r.spans:
        col = QColor(palette.get(sp.job_code, QColor(OFF_AIR)))
        col.setAlpha(46)
        x0 = plot.left() + (sp.start - r.start).total_seconds() * span_px
        x1 = plot.left() + (sp.end - r.start).total_seconds() * span_px
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(col)
        p.drawRect(QRectF(x0, plot.top(), max(x1 - x0, 1.5), plot.height()))
    # gridlines and the y axis
    for value in range(0, top + 1, step):
        gy = plot.bottom() - value / top * plot.height()
        p.setPen(QPen(QColor(RULE), 1))
        p.drawLine(QPointF(plot.left(), gy), QPointF(plot.right(), gy))
        _text(
            p,
            QRectF(MARGIN, gy - 10, axis_w - 8, 20),
            str(value),
            12,
            colour=MUTED,
            align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        )
    # bars
    bar_w = plot.width() / n
    gap = min(2.0, bar_w * 0.2) if bar_w >= 3 else 0.0
    p.setPen(Qt.PenStyle.NoPen)
    for m in r.minutes:
        if not m.signups:
            continue
        h = m.signups / top * plot.height()
        p.setBrush(palette.get(m.job_code, QColor(OFF_AIR)) if m.job_code else QColor(OFF_AIR))
        p.drawRect(
            QRectF(
                plot.left() + m.index * bar_w + gap / 2, plot.bottom() - h, max(bar_w - gap, 1.0), h
            )
        )
    # x axis: wall-clock labels on round minutes
    p.setPen(QPen(QColor(MUTED), 1))
    p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
    tstep = _time_step(n)
    start = page.local_start
    first = (tstep - (start.hour * 60 + start.minute) % tstep) % tstep
    for i in range(first, n + 1, tstep):
        x = plot.left() + i * bar_w
        p.setPen(QPen(QColor(MUTED), 1))
        p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 5))
        label = f"{start + timedelta(minutes=i):%H:%M}"
        _text(
            p,
            QRectF(x - 30, plot.bottom() + 6, 60, 18),
            label,
            12,
            colour=MUTED,
            align=Qt.AlignmentFlag.AlignCenter,
        )
    return y + CHART_HEIGHT + 12


def _job_columns(report: ShowReport) -> list[tuple[str, float]]:
    """(header, share of the width) of the jobs table."""
    cols = [
        (translate("ShowReport", "Job"), 0.24),
        (translate("ShowReport", "On air"), 0.09),
        (translate("ShowReport", "Takes"), 0.06),
        (translate("ShowReport", "While on air"), 0.09),
        (translate("ShowReport", "10 min after"), 0.10),
        (translate("ShowReport", "Per 10 air-min"), 0.12),
        (translate("ShowReport", "Sign-ups"), 0.15),
        (translate("ShowReport", "Opens → sign-ups"), 0.15),
    ]
    if _has_pipeline(report):
        cols[0] = (translate("ShowReport", "Job"), 0.19)
        cols[6] = (translate("ShowReport", "Sign-ups"), 0.11)
        cols[7] = (translate("ShowReport", "Opens → sign-ups"), 0.12)
        cols.append((translate("ShowReport", "Contacted / interviewed / hired"), 0.15))
    return cols


def _job_cells(page: ReportPage, job: JobRow) -> list[str]:
    cells = [
        page.job_name(job.job_code),
        duration_text(job.air_minutes) if job.takes else "—",
        str(job.takes),
        str(job.on_air),
        str(job.tail),
        rate_text(job.per_10_air_min),
        str(job.signups),
        f"{job.opens} → {job.submissions}  {percent_text(job.conversion)}" if job.opens else "—",
    ]
    if _has_pipeline(page.report):
        cells.append(
            "—" if job.contacted is None else f"{job.contacted} / {job.interviewed} / {job.hired}"
        )
    return cells


def _draw_table_header(p: QPainter, cols, y: float, inner: float, left=(0,), indent=()) -> None:
    """Headers over their columns: text columns (`left`) read from the left, numbers right."""
    x = float(MARGIN)
    for i, (header, share) in enumerate(cols):
        w = inner * share
        align = Qt.AlignmentFlag.AlignVCenter | (
            Qt.AlignmentFlag.AlignLeft if i in left else Qt.AlignmentFlag.AlignRight
        )
        pad = 24 if i in indent else 8
        _text(
            p,
            QRectF(x + pad, y, w - pad - 8, ROW),
            header,
            13,
            bold=True,
            colour=MUTED,
            align=align,
        )
        x += w
    p.setPen(QPen(QColor(INK), 1.2))
    p.drawLine(QPointF(MARGIN, y + ROW), QPointF(MARGIN + inner, y + ROW))


def _draw_jobs(p: QPainter, page: ReportPage, y: float, inner: float) -> float:
    r = page.report
    _text(p, QRectF(MARGIN, y + 8, inner, 30), translate("ShowReport", "Jobs"), 18, bold=True)
    y += 48
    cols = _job_columns(r)
    _draw_table_header(p, cols, y, inner)
    y += ROW
    palette = colours(r)
    best = r.best_job
    most = max([j.signups for j in r.jobs] + [1])
    sign_col = sum(share for _h, share in cols[:6]) * inner
    sign_w = cols[6][1] * inner
    if not r.jobs:
        _text(
            p,
            QRectF(MARGIN + 8, y, inner, ROW),
            translate("ShowReport", "No job was on air and nobody signed up."),
            14,
            colour=MUTED,
        )
        return y + ROW
    for job in r.jobs:
        if best is not None and job.job_code == best.job_code:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#fff5e6"))
            p.drawRect(QRectF(MARGIN, y, inner, ROW))
        # the sign-up count as a small bar behind its number
        p.setPen(Qt.PenStyle.NoPen)
        bar = QColor(palette.get(job.job_code, QColor(OFF_AIR)))
        bar.setAlpha(150)
        p.setBrush(bar)
        bar_w = (sign_w - 64) * job.signups / most  # the number keeps the right 48 px
        p.drawRect(QRectF(MARGIN + sign_col + 8, y + 9, bar_w, ROW - 18))
        x = float(MARGIN)
        for i, (cell, (_h, share)) in enumerate(zip(_job_cells(page, job), cols, strict=True)):
            w = inner * share
            if i == 0:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(palette.get(job.job_code, QColor(OFF_AIR)))
                p.drawRoundedRect(QRectF(x + 8, y + 11, 12, 12), 2, 2)
                _text(p, QRectF(x + 28, y, w - 36, ROW), cell, 14, bold=True)
            else:
                _text(
                    p,
                    QRectF(x + 8, y, w - 16, ROW),
                    cell,
                    14,
                    align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                )
            x += w
        y += ROW
        p.setPen(QPen(QColor(RULE), 1))
        p.drawLine(QPointF(MARGIN, y), QPointF(MARGIN + inner, y))
    return y


def _comparisons(report: ShowReport) -> list[tuple[str, str, tuple[ShowSummary, ...]]]:
    """(kind, whose, earlier shows): the same room's; the same host's when the host was said."""
    out = [("room", report.room, report.earlier)]
    if report.host:
        out.append(("host", report.host, report.same_host))
    return out


def _comparison_columns(rows: list[ShowSummary]) -> list[tuple[str, float]]:
    """(header, share) of a comparison table; the page's funnel and the desk's pipeline only
    when a show has them (the desktop alone has neither)."""
    cols = [
        (translate("ShowReport", "Show"), 0.22),
        (translate("ShowReport", "Host"), 0.10),
        (translate("ShowReport", "Length"), 0.11),
        (translate("ShowReport", "Sign-ups"), 0.09),
        (translate("ShowReport", "Per hour"), 0.09),
        (translate("ShowReport", "Per 10 air-min"), 0.12),
    ]
    extra = 0.0
    if any(s.opens for s in rows):
        cols.append((translate("ShowReport", "Opens → sign-ups"), 0.12))
        extra += 0.12
    if any(s.contacted is not None for s in rows):
        cols.append((translate("ShowReport", "Contacted / interviewed / hired"), 0.14))
        extra += 0.14
    cols.append((translate("ShowReport", "Best job"), 0.27 - extra / 2))
    cols[0] = (cols[0][0], 0.22 - extra / 2)
    return cols


def _summary_cells(page: ReportPage, s: ShowSummary, cols) -> list[str]:
    cells = [s.label, s.host or "—", duration_text(s.minutes), str(s.signups),
             rate_text(s.per_hour), rate_text(s.per_10_air_min)]  # fmt: skip
    headers = [h for h, _share in cols]
    if translate("ShowReport", "Opens → sign-ups") in headers:
        cells.append(f"{s.opens} → {s.submissions}  {percent_text(s.conversion)}")
    if translate("ShowReport", "Contacted / interviewed / hired") in headers:
        cells.append("—" if s.contacted is None else f"{s.contacted} / {s.interviewed} / {s.hired}")
    cells.append(f"{page.job_name(s.best_job)} ({s.best_job_signups})" if s.best_job else "—")
    return cells


def _baseline_cells(shows: tuple[ShowSummary, ...], cols) -> list[str]:
    b = baseline(shows)
    assert b is not None
    headers = [h for h, _share in cols]
    cells = [
        translate("ShowReport", "Earlier shows together ({n})").format(n=b.shows), "", "",
        rate_text(b.signups), rate_text(b.per_hour), rate_text(b.per_10_air_min),
    ]  # fmt: skip
    if translate("ShowReport", "Opens → sign-ups") in headers:
        cells.append(f"{b.opens:.0f} → {percent_text(b.conversion)}")
    if translate("ShowReport", "Contacted / interviewed / hired") in headers:
        cells.append(
            "—" if b.contacted is None
            else f"{b.contacted:.1f} / {b.interviewed:.1f} / {b.hired:.1f}"
        )  # fmt: skip
    cells.append(translate("ShowReport", "per show; rates pooled"))
    return cells


def _draw_comparison(
    p: QPainter,
    page: ReportPage,
    y: float,
    inner: float,
    kind: str,
    whose: str,
    shows: tuple[ShowSummary, ...],
) -> float:
    title = (
        translate("ShowReport", "Compared with earlier shows in this room")
        if kind == "room"
        else translate("ShowReport", "Compared with earlier shows of this host")
    )
    _text(p, QRectF(MARGIN, y + 8, inner, 30), f"{title} · {whose}" if whose else title, 18,
          bold=True)  # fmt: skip
    y += 48
    this = page.report.summary(translate("ShowReport", "This show"))
    cols = _comparison_columns([this, *shows])
    last = len(cols) - 1
    text_cols = (0, 1, last)
    _draw_table_header(p, cols, y, inner, left=text_cols, indent=(last,))
    y += ROW
    rows = [(True, _summary_cells(page, this, cols))]
    rows += [(False, _summary_cells(page, s, cols)) for s in shows]
    if shows:
        rows.append((None, _baseline_cells(shows, cols)))
    for current, cells in rows:
        if current is None:  # the earlier shows together: a tinted total row
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#f5f6f8"))
            p.drawRect(QRectF(MARGIN, y, inner, ROW))
        x = float(MARGIN)
        for i, (cell, (_h, share)) in enumerate(zip(cells, cols, strict=True)):
            w = inner * share
            align = Qt.AlignmentFlag.AlignVCenter | (
                Qt.AlignmentFlag.AlignLeft if i in text_cols else Qt.AlignmentFlag.AlignRight
            )
            pad = 24 if i == last else 8  # text columns read left to right, numbers line up right
            colour = MUTED if current is None and i == last else INK
            _text(p, QRectF(x + pad, y, w - pad - 8, ROW), cell, 14, bold=current is not False,
                  colour=colour, align=align)  # fmt: skip
            x += w
        y += ROW
        p.setPen(QPen(QColor(RULE), 1))
        p.drawLine(QPointF(MARGIN, y), QPointF(MARGIN + inner, y))
    if not shows:
        none = (
            translate("ShowReport", "No earlier show in this room yet.")
            if kind == "room"
            else translate("ShowReport", "No earlier show of this host yet.")
        )
        _text(p, QRectF(MARGIN + 8, y, inner, ROW), none, 13, colour=MUTED)
    return y + ROW * 1.4


def _draw_notes(p: QPainter, y: float, inner: float) -> None:
    note = translate(
        "ShowReport",
        "Sign-ups count for the job they name. 10 min after: within 10 minutes after the job "
        "left the screen, even if another job was on air by then. Per 10 air-min: (while on "
        "air + 10 min after) for every 10 minutes on air.",
    )
    font = _font(12)
    p.setFont(font)
    p.setPen(QColor(MUTED))
    p.drawText(QRectF(MARGIN, y + 8, inner, 48), int(Qt.TextFlag.TextWordWrap), note)
