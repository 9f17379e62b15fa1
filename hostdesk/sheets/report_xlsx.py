"""The show report as an .xlsx with native Excel charts, for an agency to forward to an employer.

Sheet 1 holds the headline figures, the per-job table, the comparison with earlier shows
and two charts (sign-ups per minute coloured by the job on air; sign-ups per job); sheet 3
compares the show with the earlier shows of the same room and of the same host, each
beside their pooled figures (core.show_report.baseline); sheet 2 holds the per-minute data
the first chart reads: one column per job, filled only in the
minutes that job was on air, so a stacked column chart colours each bar by its job and
its legend names them, as in the desktop's picture. Counts only: nothing personal.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from hostdesk.core.show_report import ShowReport, baseline
from hostdesk.fileio import atomic_writer
from hostdesk.private_files import FILE_MODE
from hostdesk.sheets.reader import SheetError

# The desktop chart's colours (render.report_chart.PALETTE), without the '#'.
PALETTE = (
    "4E79A7", "F28E2B", "59A14F", "E15759", "B07AA1",
    "76B7B2", "EDC948", "9C755F", "FF9DA7", "BAB0AC",
)  # fmt: skip
OFF_AIR = "C7CCD4"

TEXT = {
    "zh_CN": {
        "summary": "复盘", "minutes": "每分钟", "title": "直播复盘", "when": "时间",
        "length": "时长", "signups": "报名", "in_show": "直播中报名", "per_hour": "每小时报名",
        "jobs_on_air": "上屏岗位", "best": "最佳岗位", "opens": "页面打开", "conversion": "打开→报名",
        "job": "岗位", "code": "岗位编号", "air": "上屏时长(分钟)", "takes": "上屏次数",
        "on_air": "上屏时报名", "tail": "下屏后10分钟", "other": "其他时间", "per10": "每10分钟上屏报名",
        "submissions": "页面提交", "contacted": "已联系", "interviewed": "已约面", "hired": "已录用",
        "jobs": "各岗位", "compare": "与本直播间往场对比", "show": "场次", "this": "本场",
        "minute": "时间", "nothing": "无岗位在屏", "on_air_job": "在屏岗位",
        "chart_minutes": "每分钟报名（按在屏岗位着色）", "chart_jobs": "各岗位报名",
        "minutes_unit": "分钟", "note": "报名计入所报岗位；下屏后10分钟：该岗位下屏后10分钟内的报名（即使已换上其他岗位）。",
        "comparison": "往期对比", "cmp_title": "与往期直播对比", "same_room": "同一直播间",
        "same_host": "同一主播", "start": "开始时间", "room": "直播间", "host": "主播",
        "length_min": "时长(分钟)", "together": "往期合计（{n} 场）", "none_room": "这个直播间还没有往期直播。",
        "none_host": "这位主播还没有往期直播。", "pooled": "报名、页面打开、已联系/已约面/已录用为每场平均；比率为合并计算。",
    },
    "en": {
        "summary": "Report", "minutes": "Per minute", "title": "Show report", "when": "When",
        "length": "Length", "signups": "Sign-ups", "in_show": "During the show",
        "per_hour": "Sign-ups per hour", "jobs_on_air": "Jobs on air", "best": "Best job",
        "opens": "Page opens", "conversion": "Opens → sign-ups", "job": "Job", "code": "Code",
        "air": "On air (min)", "takes": "Takes", "on_air": "While on air", "tail": "10 min after",
        "other": "Other times", "per10": "Per 10 air-min", "submissions": "Page sign-ups",
        "contacted": "Contacted", "interviewed": "Interviewed", "hired": "Hired", "jobs": "Jobs",
        "compare": "Compared with earlier shows in this room", "show": "Show", "this": "This show",
        "minute": "Minute", "nothing": "Nothing on air", "on_air_job": "Job on air",
        "chart_minutes": "Sign-ups per minute, by the job on air", "chart_jobs": "Sign-ups per job",
        "minutes_unit": "min", "note": "Sign-ups count for the job they name; 10 min after: within "
        "10 minutes after the job left the screen, even if another job was on air by then.",
        "comparison": "Comparison", "cmp_title": "Compared with earlier shows",
        "same_room": "Same room", "same_host": "Same host", "start": "Start", "room": "Room",
        "host": "Host", "length_min": "Length (min)", "together": "Earlier shows together ({n})",
        "none_room": "No earlier show in this room yet.",
        "none_host": "No earlier show of this host yet.",
        "pooled": "Sign-ups, page opens and contacted/interviewed/hired are per show; the "
        "rates are pooled.",
    },
}  # fmt: skip

BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="EEF1F5")


def write_report_xlsx(
    path: Path,
    report: ShowReport,
    titles: Mapping[str, str],
    heading: str,
    local_start: datetime,
    *,
    language: str = "zh_CN",
) -> Path:
    """Write the workbook to `path` atomically, owner-only; SheetError when it cannot."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise SheetError(path, "wrong_type", "export")
    workbook = build_workbook(report, titles, heading, local_start, language=language)
    try:
        with atomic_writer(path, mode=FILE_MODE) as out:
            workbook.save(out)
    except OSError as exc:
        raise SheetError(path, "unwritable", exc.strerror or type(exc).__name__) from None
    return path


def build_workbook(
    report: ShowReport,
    titles: Mapping[str, str],
    heading: str,
    local_start: datetime,
    *,
    language: str = "zh_CN",
) -> Workbook:
    t = TEXT.get(language, TEXT["zh_CN"])

    def name(code: str | None) -> str:
        return (titles.get(code) or code) if code else ""

    wb = Workbook()
    ws = wb.active
    ws.title = t["summary"]
    data = wb.create_sheet(t["minutes"])

    # -- per-minute data (sheet 2): time, total, job on air, then one column per job
    aired = [j.job_code for j in report.jobs if j.takes]
    series = [*aired, None]  # None: minutes with nothing on air
    data.append([t["minute"], t["signups"], t["on_air_job"]] + [name(c) for c in aired]
                + [t["nothing"]])  # fmt: skip
    for m in report.minutes:
        row = [f"{local_start + timedelta(minutes=m.index):%H:%M}", m.signups, name(m.job_code)]
        row += [m.signups if m.job_code == code else None for code in series]
        data.append(row)
    for cell in data[1]:
        cell.font, cell.fill = BOLD, HEAD_FILL
    data.column_dimensions["A"].width = 8
    data.column_dimensions["C"].width = 22
    data.freeze_panes = "A2"

    # -- summary (sheet 1)
    end = local_start + (report.end - report.start)
    ws.append([f"{t['title']} · {heading}"])
    ws["A1"].font = Font(bold=True, size=16)
    best = report.best_job
    facts = [
        (t["when"], f"{local_start:%Y-%m-%d %H:%M} – {end:%H:%M}"),
        (t["length"], round(report.duration_minutes), t["minutes_unit"]),
        (t["signups"], report.signups),
        (t["in_show"], report.in_show),
        (t["per_hour"], round(report.per_hour, 1) if report.per_hour is not None else None),
        (t["jobs_on_air"], len(aired)),
        (t["best"], name(best.job_code) if best else "", best.signups if best else None),
    ]
    if report.opens:
        facts.append((t["opens"], report.opens, report.submissions))
        facts.append((t["conversion"], report.conversion))
    ws.append([])
    for fact in facts:
        ws.append(list(fact))
        ws.cell(ws.max_row, 1).font = BOLD
    if report.conversion is not None:
        ws.cell(ws.max_row, 2).number_format = "0.0%"

    # per-job table
    ws.append([])
    ws.append([t["jobs"]])
    ws.cell(ws.max_row, 1).font = Font(bold=True, size=13)
    pipeline = report.pipeline_totals is not None
    head = [t["job"], t["code"], t["air"], t["takes"], t["on_air"], t["tail"], t["other"],
            t["signups"], t["per10"], t["opens"], t["submissions"], t["conversion"]]  # fmt: skip
    if pipeline:
        head += [t["contacted"], t["interviewed"], t["hired"]]
    ws.append(head)
    head_row = ws.max_row
    for cell in ws[head_row]:
        cell.font, cell.fill = BOLD, HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for job in report.jobs:
        row = [
            name(job.job_code), job.job_code, round(job.air_minutes, 1), job.takes, job.on_air,
            job.tail, job.signups - job.on_air - job.tail, job.signups,
            job.per_10_air_min,
            job.opens, job.submissions, job.conversion,
        ]  # fmt: skip
        if pipeline:
            row += [job.contacted, job.interviewed, job.hired]
        ws.append(row)
        ws.cell(ws.max_row, 9).number_format = "0.0"  # the value stays exact for formulas
        ws.cell(ws.max_row, 12).number_format = "0.0%"
    first_job, last_job = head_row + 1, ws.max_row

    # comparison with earlier shows
    ws.append([])
    ws.append([t["compare"]])
    ws.cell(ws.max_row, 1).font = Font(bold=True, size=13)
    ws.append([t["show"], t["length"], t["signups"], t["per_hour"], t["best"]])
    for cell in ws[ws.max_row]:
        cell.font, cell.fill = BOLD, HEAD_FILL
    for current, s in [(True, report.summary(t["this"])), *((False, e) for e in report.earlier)]:
        ws.append([
            s.label, round(s.minutes), s.signups,
            round(s.per_hour, 1) if s.per_hour is not None else None,
            f"{name(s.best_job)} ({s.best_job_signups})" if s.best_job else "",
        ])  # fmt: skip
        if current:
            for cell in ws[ws.max_row]:
                cell.font = BOLD
    ws.append([])
    ws.append([t["note"]])

    ws.column_dimensions["A"].width = 26
    for col in range(2, len(head) + 1):
        ws.column_dimensions[get_column_letter(col)].width = 11
    ws.column_dimensions["B"].width = 20  # the dates and the best job's name above the table
    ws.row_dimensions[head_row].height = 32

    # Printed (or made a PDF) on one A4 page: the tables, then their charts below.
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = ws.page_setup.fitToHeight = 1

    # -- charts, under the tables (rows are about 0.5 cm high)
    below = ws.max_row + 2
    minutes_chart = _minutes_chart(data, report, series, t)
    ws.add_chart(minutes_chart, f"A{below}")
    if report.jobs:
        ws.add_chart(_jobs_chart(ws, first_job, last_job, t), f"A{below + 22}")
    _comparison_sheet(wb.create_sheet(t["comparison"]), report, heading, local_start, t, name)
    return wb


def _comparison_sheet(ws, report: ShowReport, heading: str, local_start: datetime, t: dict,
                      name) -> None:  # fmt: skip
    """This show beside the earlier shows of its room and of its host, and their totals."""
    ws.append([f"{t['cmp_title']} · {heading}"])
    ws["A1"].font = Font(bold=True, size=16)
    shift = local_start - report.start  # the PC's time zone, as on the first sheet
    head = [t["show"], t["start"], t["room"], t["host"], t["length_min"], t["signups"],
            t["per_hour"], t["per10"], t["opens"], t["submissions"], t["conversion"],
            t["contacted"], t["interviewed"], t["hired"], t["best"]]  # fmt: skip
    groups = [(t["same_room"], report.room, report.earlier, t["none_room"])]
    if report.host:
        groups.append((t["same_host"], report.host, report.same_host, t["none_host"]))
    this = report.summary(t["this"])
    # The desk's columns only when a show has its figures (a desktop's own report has none).
    every = [this, *report.earlier, *report.same_host]
    keep = len(head) if any(s.contacted is not None for s in every) else len(head) - 4
    head = head[:keep] + head[-1:] if keep < len(head) else head
    for title, whose, shows, none in groups:
        ws.append([])
        ws.append([f"{title}: {whose}" if whose else title])
        ws.cell(ws.max_row, 1).font = Font(bold=True, size=13)
        ws.append(head)
        for cell in ws[ws.max_row]:
            cell.font, cell.fill = BOLD, HEAD_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for s in (this, *shows):
            row = [
                s.label, (s.start + shift).replace(tzinfo=None), s.room, s.host, round(s.minutes),
                s.signups, s.per_hour, s.per_10_air_min, s.opens, s.submissions, s.conversion,
                s.contacted, s.interviewed, s.hired,
                f"{name(s.best_job)} ({s.best_job_signups})" if s.best_job else "",
            ]  # fmt: skip
            ws.append(row[:keep] + row[-1:] if keep < len(row) else row)
            _number_formats(ws, ws.max_row)
            if s is this:
                for cell in ws[ws.max_row]:
                    cell.font = BOLD
        b = baseline(shows)
        if b is None:
            ws.append([none])
            continue
        ws.append([
            t["together"].format(n=b.shows), None, None, None, None, b.signups, b.per_hour,
            b.per_10_air_min, b.opens, None, b.conversion, b.contacted, b.interviewed, b.hired,
        ][:keep])  # fmt: skip
        _number_formats(ws, ws.max_row, average=True)
        for cell in ws[ws.max_row]:
            cell.font, cell.fill = BOLD, HEAD_FILL
    ws.append([])
    ws.append([t["pooled"]])
    ws.column_dimensions["A"].width = 24
    for col in range(4, len(head)):
        ws.column_dimensions[get_column_letter(col)].width = 11
    ws.column_dimensions["B"].width = 18
    ws.column_dimensions["C"].width = 18
    ws.column_dimensions[get_column_letter(len(head))].width = 28
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0


def _number_formats(ws, row: int, *, average: bool = False) -> None:
    """Dates as dates, rates (and averages) with one decimal, conversions as percentages;
    the values stay exact."""
    ws.cell(row, 2).number_format = "yyyy-mm-dd hh:mm"
    for col in (6, 7, 8, 9, 12, 13, 14) if average else (7, 8):
        ws.cell(row, col).number_format = "0.0"
    ws.cell(row, 11).number_format = "0.0%"


def _text_categories(chart: BarChart, labels: Reference) -> None:
    """Category labels that are text (times, job titles): a string reference, as Excel
    writes it; set_categories would declare them numbers."""
    for series in chart.series:
        series.cat = AxDataSource(strRef=StrRef(f=str(labels)))


def _minutes_chart(data, report: ShowReport, series: list, t: dict) -> BarChart:
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.gapWidth = 30
    chart.title = t["chart_minutes"]
    chart.y_axis.title = t["signups"]
    # a label every 10 minutes (15 on long shows): a label a minute is unreadable
    chart.x_axis.tickLblSkip = chart.x_axis.tickMarkSkip = 15 if len(report.minutes) > 120 else 10
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    rows = max(1, len(report.minutes))
    values = Reference(data, min_col=4, max_col=3 + len(series), min_row=1, max_row=rows + 1)
    chart.add_data(values, titles_from_data=True)
    _text_categories(chart, Reference(data, min_col=1, min_row=2, max_row=rows + 1))
    for i, s in enumerate(chart.series):
        colour = OFF_AIR if series[i] is None else PALETTE[i % len(PALETTE)]
        s.graphicalProperties.solidFill = colour
        s.graphicalProperties.line.solidFill = colour
    chart.legend.position = "b"
    chart.width, chart.height = 30, 10
    return chart


def _jobs_chart(ws, first: int, last: int, t: dict) -> BarChart:
    """Per job: sign-ups while on air, in the 10 minutes after, and at other times, stacked."""
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = t["chart_jobs"]
    chart.add_data(Reference(ws, min_col=5, max_col=7, min_row=first - 1, max_row=last),
                   titles_from_data=True)  # fmt: skip
    _text_categories(chart, Reference(ws, min_col=1, min_row=first, max_row=last))
    for s, colour in zip(chart.series, ("C62828", "F28E2B", OFF_AIR), strict=True):
        s.graphicalProperties.solidFill = colour
        s.graphicalProperties.line.solidFill = colour
    chart.x_axis.scaling.orientation = "maxMin"  # the first job on top, as in the table
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend.position = "b"
    chart.width, chart.height = 30, max(6, 1.2 * (last - first + 1) + 3)
    return chart
