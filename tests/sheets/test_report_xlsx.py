"""The show report as an .xlsx: native charts over the right cells, tables, and LibreOffice draws it."""

from __future__ import annotations

import os
import random
import re
import shutil
import stat
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from openpyxl.chart import BarChart
from PySide6.QtGui import QColor, QImage

from hostdesk.core.show_report import AirSpan, PageOpen, Pipeline, SignUp, build_report
from hostdesk.sheets.reader import SheetError
from hostdesk.sheets.report_xlsx import PALETTE, write_report_xlsx

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
TITLES = {"HX01": "海信 冰箱总装普工", "BYD2": "比亚迪 电池车间操作工", "FX03": "富士康 手机组装"}


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


@pytest.fixture
def report():
    """90 minutes: HX01 0-30, BYD2 30-55, nothing 55-60, FX03 60-90; known sign-ups."""
    spans = [AirSpan("HX01", at(0), at(30)), AirSpan("BYD2", at(30), at(55)),
             AirSpan("FX03", at(60), at(90))]  # fmt: skip
    signups = [SignUp(at(m), "HX01") for m in (1, 2, 2.5, 10, 29)]
    signups += [SignUp(at(m), "HX01", via_page=False) for m in (33, 36)]  # HX01's tail
    signups += [SignUp(at(m), "BYD2") for m in (31, 40, 41, 57)]  # 57: tail, nothing on air
    signups += [SignUp(at(m), "FX03") for m in range(60, 90, 2)]  # 15 while on air
    earlier = build_report(at(-10080), at(-10080 + 60), [], [SignUp(at(-10070), "HX01")],
                           room="蔚姐直播间", host="小周")  # fmt: skip
    # The same host two weeks ago in another room: HX01 on air 40 minutes, 8 sign-ups (6 on
    # air), 20 page opens, 4 through the page; 3 contacted, 2 interviewed, 1 hired.
    ago = -20160
    other = build_report(
        at(ago),
        at(ago + 60),
        [AirSpan("HX01", at(ago), at(ago + 40))],
        [SignUp(at(ago + m), "HX01", via_page=m < 20) for m in (1, 5, 10, 15, 20, 30, 55, 58)],
        opens=[PageOpen(at(ago), "HX01", 20)],
        pipeline=[Pipeline("HX01", 3, 2, 1)],
        room="烟台专场",
        host="蔚姐",
    )
    return build_report(
        at(0), at(90), spans, signups,
        opens=[PageOpen(at(0), "HX01", 50), PageOpen(at(60), "FX03", 120)],
        pipeline=[Pipeline("HX01", 6, 3, 1), Pipeline("FX03", 10, 4, 2)],
        earlier=[earlier.summary("11-13 20:00")], same_host=[other.summary("11-06 20:00")],
        room="蔚姐直播间", host="蔚姐",
    )  # fmt: skip


def test_the_workbook_carries_native_charts_over_the_report_cells(report, tmp_path):
    path = write_report_xlsx(tmp_path / "复盘.xlsx", report, TITLES, "快手 · 蔚姐直播间", T0)
    book = openpyxl.load_workbook(path)
    summary, minutes, _comparison = book.worksheets
    assert (summary.title, minutes.title) == ("复盘", "每分钟")

    # The per-minute sheet: one row a minute, the count under the job on air that minute.
    header = [c.value for c in minutes[1]]
    assert header == ["时间", "报名", "在屏岗位", *TITLES.values(), "无岗位在屏"]
    rows = list(minutes.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 90
    assert rows[2] == ("12:02", 2, TITLES["HX01"], 2, None, None, None)
    assert rows[57] == ("12:57", 1, None, None, None, None, 1)  # nothing on air
    assert sum(r[1] for r in rows) == report.in_show == 26

    charts = summary._charts
    assert len(charts) == 2 and all(isinstance(c, BarChart) for c in charts)
    per_minute, per_job = charts
    # one stacked series per job on air plus "nothing on air", reading the per-minute sheet
    refs = [s.val.numRef.f for s in per_minute.series]
    assert refs == [f"'每分钟'!${col}$2:${col}$91" for col in "DEFG"]
    assert per_minute.grouping == "stacked"
    assert per_minute.series[0].cat.strRef.f == "'每分钟'!$A$2:$A$91"
    colours = [s.graphicalProperties.solidFill.srgbClr for s in per_minute.series]
    assert colours[:3] == list(PALETTE[:3])

    # per job: on air, 10 min after, other times (columns E:G of the jobs table)
    job_refs = [s.val.numRef.f for s in per_job.series]
    table = [
        [c.value for c in row]
        for row in summary.iter_rows()
        if row[1].value in TITLES  # the code column
    ]
    first_row = next(r[0].row for r in summary.iter_rows() if r[1].value == "HX01")
    assert job_refs == [f"'复盘'!${c}${first_row}:${c}${first_row + 2}" for c in "EFG"]
    hx = table[0]
    assert hx[:9] == [TITLES["HX01"], "HX01", 30, 1, 5, 2, 0, 7, pytest.approx(7 / 3)]
    assert hx[9:] == [50, 5, pytest.approx(0.1), 6, 3, 1]
    assert table[1][4:8] == [3, 1, 0, 4]  # BYD2
    assert table[2][4:8] == [15, 0, 0, 15]  # FX03
    texts = {c.value for row in summary.iter_rows() for c in row if isinstance(c.value, str)}
    assert {"本场", "11-13 20:00", "与本直播间往场对比"} <= texts


def test_the_comparison_sheet_holds_the_same_room_and_the_same_host(report, tmp_path):
    path = write_report_xlsx(tmp_path / "复盘.xlsx", report, TITLES, "快手 · 蔚姐直播间", T0)
    sheet = openpyxl.load_workbook(path)["往期对比"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    titles = [r[0] for r in rows if r[0] and r[1] is None and r[5] is None]
    assert titles[:3] == ["与往期直播对比 · 快手 · 蔚姐直播间", "同一直播间: 蔚姐直播间",
                          "同一主播: 蔚姐"]  # fmt: skip
    by_label = {}
    for row in rows:
        by_label.setdefault(row[0], []).append(row)
    this_room, this_host = by_label["本场"]
    assert this_room == this_host
    # this show: 90 min, 26 sign-ups; 170 page opens, 20 sign-ups through the page (HX01 5,
    # FX03 15); the pipeline summed over its jobs
    assert this_room[2:6] == ["蔚姐直播间", "蔚姐", 90, 26]
    assert this_room[8:14] == [170, 20, pytest.approx(20 / 170), 16, 7, 3]
    (room_row,) = by_label["11-13 20:00"]
    assert room_row[3:6] == ["小周", 60, 1] and room_row[7] is None  # no air time
    (host_row,) = by_label["11-06 20:00"]
    assert host_row[2:6] == ["烟台专场", "蔚姐", 60, 8]
    assert host_row[7] == pytest.approx(6 / 40 * 10)  # 6 on air + 0 in the tail, 40 on air
    assert host_row[8:14] == [20, 4, pytest.approx(0.2), 3, 2, 1]
    (together_room,) = by_label["往期合计（1 场）"][:1]
    assert together_room[5:7] == [1, pytest.approx(1.0)]
    together_host = by_label["往期合计（1 场）"][1]
    assert together_host[5:14] == [8, pytest.approx(8.0), pytest.approx(1.5), 20, None,
                                   pytest.approx(0.2), 3, 2, 1]  # fmt: skip
    assert sheet["B5"].number_format == "yyyy-mm-dd hh:mm"


def test_without_desk_figures_the_comparison_has_no_desk_columns(tmp_path):
    path = write_report_xlsx(tmp_path / "复盘.xlsx", busy_show(), TITLES, "快手", T0)
    sheet = openpyxl.load_workbook(path)["往期对比"]
    heads = [[c.value for c in row if c.value is not None] for row in sheet.iter_rows()
             if row[0].value == "场次"]  # fmt: skip
    assert len(heads) == 2  # the room's and the host's
    assert heads[0][-2:] == ["打开→报名", "最佳岗位"] and "已联系" not in heads[0]
    together = [row for row in sheet.iter_rows(values_only=True)
                if str(row[0]).startswith("往期合计")]  # fmt: skip
    assert [r[0] for r in together] == ["往期合计（2 场）", "往期合计（2 场）"]


def test_owner_only_and_english_on_request(report, tmp_path):
    path = write_report_xlsx(tmp_path / "report.xlsx", report, TITLES, "Room", T0, language="en")
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    book = openpyxl.load_workbook(path)
    assert [ws.title for ws in book.worksheets] == ["Report", "Per minute", "Comparison"]
    assert book.worksheets[0]["A1"].value == "Show report · Room"


def test_a_wrong_suffix_or_an_unwritable_place_is_refused_and_writes_nothing(report, tmp_path):
    with pytest.raises(SheetError) as wrong:
        write_report_xlsx(tmp_path / "report.csv", report, TITLES, "Room", T0)
    assert wrong.value.reason == "wrong_type"
    target = tmp_path / "no-such-folder" / "report.xlsx"
    with pytest.raises(SheetError) as unwritable:
        write_report_xlsx(target, report, TITLES, "Room", T0)
    assert unwritable.value.reason == "unwritable"
    assert list(tmp_path.iterdir()) == []


def test_an_empty_show_still_makes_a_workbook(tmp_path):
    empty = build_report(T0, T0, [], [])
    path = write_report_xlsx(tmp_path / "empty.xlsx", empty, {}, "Room", T0)
    book = openpyxl.load_workbook(path)
    assert len(book.worksheets[0]._charts) == 1  # the per-minute chart, no jobs chart


def _near(image: QImage, colour: str, tolerance: int = 12) -> int:
    want = QColor(colour)
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            got = QColor(image.pixel(x, y))
            if (
                abs(got.red() - want.red()) <= tolerance
                and abs(got.green() - want.green()) <= tolerance
                and abs(got.blue() - want.blue()) <= tolerance
            ):
                count += 1
    return count


def busy_show():
    """Two hours, six jobs in rotation, a few hundred sign-ups: the docs' example."""
    rnd = random.Random(16)
    codes = [*TITLES, "LX04", "MD05", "GL06"]
    pull = {"HX01": 3.0, "BYD2": 2.0, "FX03": 4.0, "LX04": 1.0, "MD05": 2.5, "GL06": 0.7}
    spans, signups, minute = [], [], 0
    while minute < 120:
        code = codes[len(spans) % len(codes)]
        length = min(rnd.randint(8, 14), 120 - minute)
        spans.append(AirSpan(code, at(minute), at(minute + length)))
        for m in range(minute, minute + length):
            for _ in range(rnd.randint(0, round(2 * pull[code]))):
                signups.append(SignUp(at(m + rnd.random()), code, rnd.random() < 0.8))
        minute += length
    earlier = []  # (days before, room, host, minutes, sign-ups of HX01 while on air)
    for days, room, host, minutes, n in ((7, "蔚姐直播间", "小周", 90, 150), (14, "蔚姐直播间", "蔚姐", 120, 260),
                                         (10, "烟台专场", "蔚姐", 60, 70)):  # fmt: skip
        start = -days * 1440
        past = build_report(
            at(start), at(start + minutes), [AirSpan("HX01", at(start), at(start + minutes))],
            [SignUp(at(start + i * minutes / n), "HX01") for i in range(n)],
            opens=[PageOpen(at(start), "HX01", 4 * n)], room=room, host=host,
        )  # fmt: skip
        earlier.append((days, past.summary(f"{at(start):%m-%d} {room}")))
    earlier.sort(key=lambda e: e[0])
    return build_report(at(0), at(120), spans, signups,
                        opens=[PageOpen(at(0), c, int(400 * pull[c])) for c in codes],
                        earlier=[s for _d, s in earlier if s.room == "蔚姐直播间"],
                        same_host=[s for _d, s in earlier if s.host == "蔚姐"],
                        room="蔚姐直播间", host="蔚姐")  # fmt: skip


def _crop_white(image: QImage, margin: int = 24) -> QImage:
    """The page without its empty paper around the content."""
    white = QColor("white").rgb()
    rows = [y for y in range(image.height()) if any(
        image.pixel(x, y) != white for x in range(0, image.width(), 3))]  # fmt: skip
    cols = [x for x in range(image.width()) if any(
        image.pixel(x, y) != white for y in range(rows[0], rows[-1], 3))]  # fmt: skip
    left, top = max(cols[0] - margin, 0), max(rows[0] - margin, 0)
    return image.copy(left, top, cols[-1] + margin - left, rows[-1] + margin - top)


def test_libreoffice_draws_the_charts(tmp_path):
    """A real spreadsheet program opens the file and draws both charts (PDF, then a PNG)."""
    report = busy_show()
    titles = {**TITLES, "LX04": "立讯精密 质检员", "MD05": "美的 空调装配工", "GL06": "格力 仓管"}
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftoppm = shutil.which("pdftoppm")
    assert soffice and pdftoppm, "LibreOffice and poppler-utils are needed: scripts/system-deps.sh"
    book = write_report_xlsx(tmp_path / "report.xlsx", report, titles, "快手 · 蔚姐直播间", T0)
    profile = (tmp_path / "lo-profile").as_uri()  # a private profile: runs never share a lock
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(book)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "report.pdf"
    assert pdf.stat().st_size > 10_000
    subprocess.run(
        [pdftoppm, "-r", "150", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
         str(tmp_path / "page")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    image = QImage(str(tmp_path / "page.png"))
    assert not image.isNull()
    # Each job's colour is on the page: the stacked per-minute bars and their legend.
    for colour in PALETTE[:6]:
        assert _near(image, "#" + colour) > 100, colour
    assert _near(image, "#C62828") > 150  # the per-job chart's "while on air" bars
    _crop_white(image).save(str(ROOT / "docs/images/show_report_xlsx.png"))
    # The comparison sheet, the workbook's last page: its two tables and their totals.
    info = subprocess.run([shutil.which("pdfinfo") or "pdfinfo", str(pdf)], check=True,
                          capture_output=True, text=True, timeout=60).stdout  # fmt: skip
    last = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    subprocess.run(
        [pdftoppm, "-r", "110", "-png", "-f", str(last), "-l", str(last), "-singlefile", str(pdf),
         str(tmp_path / "comparison")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    page = QImage(str(tmp_path / "comparison.png"))
    assert _near(page, "#EEF1F5") > 2000  # the headers' and the totals' shading
    _crop_white(page).save(str(ROOT / "docs/images/show_report_xlsx_comparison.png"))
