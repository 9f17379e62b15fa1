"""Registration export: exact cells in xlsx and csv, masking, progress, paging, atomicity, memory."""

from __future__ import annotations

import csv
import re
import tracemalloc
import zipfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook

from hostdesk.core.jobs import Job
from hostdesk.core.registrations import (
    ConsentMethod,
    Registration,
    RegistrationDraft,
    RegQuery,
    RegStatus,
    Source,
    SyncState,
)
from hostdesk.sheets import registrations_export as rx
from hostdesk.sheets.reader import SheetError

T0 = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def _reg(i: int = 0, **kw) -> Registration:
    fields = dict(
        id=f"00000000-0000-4000-8000-{i:012d}", seq=i + 1, job_code="A1", job_title="普工",
        session_id="s1", name="张三丰", phone="13812345678", phone_hash="h", age=23,
        birth_year=None, gender="", current_city="青岛", expected_city="烟台", note="夜班可以",
        source=Source.COMMENT, consent_method=ConsentMethod.VERBAL, notice_version="2026-11",
        consented_at=T0, status=RegStatus.ACTIVE, phone_warning_overridden=False,
        created_at=T0 + timedelta(seconds=i), updated_at=T0 + timedelta(seconds=i),
        erased_at=None, sync_state=SyncState.PENDING,
    )  # fmt: skip
    fields.update(kw)
    return Registration(**fields)


# Everything a name or note may hold once validation let it through (see core.registrations).
HOSTILE_TEXT = [
    "=1+1",
    "+SUM(A1)",
    "-2+3",
    "@cmd",
    "_x0041_ literal",
    "<b>粗体</b> & 'x' \"y\"",
    "Robert'); DROP TABLE registrations;--",
    "emoji 👷\u200d♀️ 🏭",
    "\u202eRTL\u202c mark \u200f",
    "zero\u200bwidth\ufeff",
    "line one\nline two\ttabbed\r\nend",
    "  inner  spaces  ",
]


def _excel_unescape(text: str) -> str:
    """What Excel does to _xHHHH_ when it reads a cell (openpyxl leaves inline strings as is)."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m[1], 16)), text)


def _read_xlsx(path):
    workbook = load_workbook(path, read_only=True)
    sheet = workbook.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return sheet.title, rows


def _read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_xlsx_has_the_chinese_headers_and_every_field(tmp_path):
    reg = _reg(gender="female", birth_year=2000, age=None, status=RegStatus.WITHDRAWN,
               sync_state=SyncState.ACKED, source=Source.WALK_IN,
               consent_method=ConsentMethod.WRITTEN)  # fmt: skip
    path = tmp_path / "登记.xlsx"
    assert rx.write_registrations([reg], path) == 1
    title, rows = _read_xlsx(path)
    assert title == "登记"
    assert tuple(rows[0]) == rx.EXPORT_HEADERS == (
        "编号", "岗位编号", "岗位", "场次", "称呼", "手机号", "年龄", "出生年份", "性别",
        "现居城市", "期望城市", "备注", "来源", "同意方式", "告知版本", "同意时间",
        "同意提供给用人单位", "状态", "登记时间", "更新时间", "同步状态",
    )  # fmt: skip
    local = T0.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert rows[1] == [
        reg.id, "A1", "普工", "s1", "张三丰", "13812345678", None, 2000, "女", "青岛", "烟台",
        "夜班可以", "现场", "书面", "2026-11", local, "否", "已撤回", local, local, "已同步",
    ]  # fmt: skip
    # Every part is well-formed XML (Excel refuses a package with a broken part).
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            ElementTree.fromstring(package.read(name))
        assert package.testzip() is None


def test_hostile_text_comes_back_exactly_from_xlsx_and_is_never_a_formula(tmp_path):
    regs = [_reg(i, name=text[:20], note=text) for i, text in enumerate(HOSTILE_TEXT)]
    path = tmp_path / "out.xlsx"
    rx.write_registrations(regs, path)
    _, rows = _read_xlsx(path)
    for reg, row in zip(regs, rows[1:], strict=True):
        assert _excel_unescape(row[4]) == reg.name
        assert _excel_unescape(row[11]) == reg.note
    sheet_xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml  # "=1+1" is text, not a formula
    assert "_x005F_x0041_" in sheet_xml and "_x000D_" in sheet_xml


def test_csv_is_utf8_with_bom_crlf_and_guards_formulas(tmp_path):
    regs = [_reg(i, name=text[:20], note=text) for i, text in enumerate(HOSTILE_TEXT)]
    path = tmp_path / "out.csv"
    assert rx.write_registrations(regs, path) == len(regs)
    assert path.read_bytes().split(b"\r\n")[0].startswith(b"\xef\xbb\xbf\xe7\xbc\x96\xe5\x8f\xb7")
    rows = _read_csv(path)
    assert tuple(rows[0]) == rx.EXPORT_HEADERS
    for reg, row in zip(regs, rows[1:], strict=True):
        expected = "'" + reg.note if reg.note[0] in "=+-@" else reg.note
        assert row[11] == expected
        assert row[5] == "13812345678"
        assert row[6] == "23"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_masked_export_masks_names_phones_and_numbers_in_notes(tmp_path, suffix):
    regs = [
        _reg(0, name="张三丰", phone="13812345678", note="备用 139 1234 5678，或 13698765432"),
        _reg(1, name="李", phone="19912340000", note="无"),
        _reg(2, name="", phone="", note=""),  # erased by retention
    ]
    path = tmp_path / f"masked{suffix}"
    rx.write_registrations(regs, path, masked=True)
    rows = _read_xlsx(path)[1] if suffix == ".xlsx" else _read_csv(path)
    cells = [[("" if v is None else str(v)) for v in row] for row in rows[1:]]
    assert [(r[4], r[5], r[11]) for r in cells] == [
        ("张**", "138****5678", "备用 139****5678，或 136****5432"),
        ("李**", "199****0000", "无"),
        ("", "", ""),
    ]
    text = path.read_bytes()
    for secret in ("三丰", "13812345678", "1234 5678", "13698765432", "19912340000"):
        assert secret.encode() not in text
        if suffix == ".xlsx":
            assert all(
                secret.encode() not in zipfile.ZipFile(path).read(n)
                for n in zipfile.ZipFile(path).namelist()
            )


def test_wrong_suffix_and_unwritable_target_are_sheet_errors(tmp_path):
    with pytest.raises(SheetError) as wrong:
        rx.write_registrations([_reg()], tmp_path / "out.xls")
    assert wrong.value.reason == "wrong_type"
    with pytest.raises(SheetError) as unwritable:
        rx.write_registrations([_reg()], tmp_path / "missing-folder" / "out.xlsx")
    assert unwritable.value.reason == "unwritable"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_failure_or_a_cancel_midway_leaves_the_old_file_and_no_temp_file(tmp_path, suffix):
    path = tmp_path / f"out{suffix}"
    path.write_bytes(b"old")

    def failing():
        yield _reg(0)
        raise OSError(28, "No space left on device")

    with pytest.raises(SheetError) as failed:
        rx.write_registrations(failing(), path)
    assert failed.value.reason == "unwritable"
    assert path.read_bytes() == b"old"

    steps = rx.write_steps((_reg(i) for i in range(3 * rx.PROGRESS_EVERY)), path, total=3000)
    assert next(steps) == (rx.PROGRESS_EVERY, 3000)
    steps.close()  # what tasks.run_steps does on cancel
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_progress_goes_up_to_the_total_and_returns_the_count(tmp_path, monkeypatch):
    monkeypatch.setattr(rx, "PROGRESS_EVERY", 10)
    steps = rx.write_steps((_reg(i) for i in range(35)), tmp_path / "p.xlsx", total=35)
    seen = []
    with pytest.raises(StopIteration) as stop:
        while True:
            seen.append(next(steps))
    assert seen == [(10, 35), (20, 35), (30, 35), (35, 35)]
    assert stop.value.value == 35
    assert len(_read_xlsx(tmp_path / "p.xlsx")[1]) == 36


def test_memory_stays_flat_with_the_row_count(tmp_path):
    def peak(rows: int) -> int:
        tracemalloc.start()
        rx.write_registrations((_reg(i) for i in range(rows)), tmp_path / f"{rows}.xlsx")
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top

    small, large = peak(2_000), peak(20_000)
    assert large < 5_000_000, large  # a page of rows and some XML, not the sheet
    assert large < small * 1.5, (small, large)


def test_pages_read_every_row_once_when_many_share_one_instant():
    # Rows saved in one microsecond (an import) share created_at: the key is (time, seq).
    times = [T0] * 9 + [T0 + timedelta(seconds=1)] * 3 + [T0 + timedelta(seconds=2)] * 4
    regs = [_reg(i, created_at=t) for i, t in enumerate(times)]
    calls = []

    def list_page(query: RegQuery) -> list[Registration]:  # the repository's semantics
        calls.append(query)
        rows = [r for r in regs if query.until is None or r.created_at < query.until]
        rows.sort(key=lambda r: (r.created_at, r.seq), reverse=True)
        return rows[query.offset : query.offset + query.limit]

    for size in (1, 2, 3, 4, 5, 16, 17):
        calls.clear()
        got = [r.id for r in rx.iter_query(list_page, RegQuery(limit=1), page_size=size)]
        expected = sorted(regs, key=lambda r: (r.created_at, r.seq), reverse=True)
        assert got == [r.id for r in expected], size
        assert max(q.offset for q in calls) <= 9  # never an offset over what was read


# -- through the real service and store ------------------------------------------------------


def _seed(ctx, count: int, *, job="A1", **kw) -> list[Registration]:
    if ctx.jobs.get(job) is None:
        ctx.jobs.insert(Job(code=job, title=f"岗位{job}", company="海信"))
    return [
        ctx.registrations.save(
            RegistrationDraft(job_code=job, name=f"测试{i}", phone=f"138{i:08d}", age=30, **kw),
            confirm_duplicate=True,
        )
        for i in range(count)
    ]


def test_export_steps_reads_every_matching_row_once_through_pages(ctx, tmp_path, monkeypatch):
    monkeypatch.setattr(rx, "PAGE_SIZE", 7)
    monkeypatch.setattr(rx, "PROGRESS_EVERY", 5)
    saved = _seed(ctx, 23) + _seed(ctx, 4, job="B2", source="dm")
    path = tmp_path / "all.csv"
    progress = []
    steps = rx.export_steps(ctx.registrations, RegQuery(job_code="A1"), path)
    with pytest.raises(StopIteration) as stop:
        while True:
            progress.append(next(steps))
    assert stop.value.value == 23
    assert progress[-1] == (23, 23) and progress[0] == (5, 23)
    ids = [row[0] for row in _read_csv(path)[1:]]
    assert sorted(ids) == sorted(r.id for r in saved if r.job_code == "A1")
    assert len(set(ids)) == 23
    # Newest first, as in the list.
    assert ids == [r.id for r in sorted(saved[:23], key=lambda r: (r.created_at, r.seq), reverse=True)]  # fmt: skip


def test_rows_saved_during_an_export_do_not_shift_pages_or_join_it(ctx, tmp_path, monkeypatch):
    monkeypatch.setattr(rx, "PAGE_SIZE", 5)
    monkeypatch.setattr(rx, "PROGRESS_EVERY", 5)
    saved = _seed(ctx, 12)
    steps = rx.export_steps(ctx.registrations, RegQuery(), tmp_path / "live.xlsx")
    assert next(steps) == (5, 12)
    late = ctx.registrations.save(
        RegistrationDraft(job_code="A1", name="晚到", phone="13900000001", age=30)
    )
    with pytest.raises(StopIteration) as stop:
        while True:
            next(steps)
    assert stop.value.value == 12
    ids = [row[0] for row in _read_xlsx(tmp_path / "live.xlsx")[1][1:]]
    assert sorted(ids) == sorted(r.id for r in saved) and late.id not in ids


def test_export_file_filters_by_session_and_dates(ctx, tmp_path):
    saved = _seed(ctx, 3)
    first = saved[0]
    assert rx.export_file(ctx.registrations, RegQuery(session_id="nope"), tmp_path / "n.csv") == 0
    assert _read_csv(tmp_path / "n.csv") == [list(rx.EXPORT_HEADERS)]
    count = rx.export_file(
        ctx.registrations, RegQuery(session_id=first.session_id), tmp_path / "s.csv", masked=True
    )
    assert count == 3
    after = rx.export_file(
        ctx.registrations, RegQuery(since=saved[-1].created_at + timedelta(seconds=1)),
        tmp_path / "late.xlsx",
    )  # fmt: skip
    assert after == 0
    frozen = rx.frozen_query(RegQuery(until=T0), now=T0 + timedelta(days=1))
    assert frozen.until == T0
    assert replace(frozen, until=None) == RegQuery()
