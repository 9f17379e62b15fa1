"""Registrations written to .xlsx or .csv, page by page, optionally masked, with progress.

Memory stays flat whatever the count: registrations are read a page at a time and written
as they come. The .xlsx is streamed by hand (inline strings, one sheet), the same XML that
XlsxWriter's constant_memory mode writes, because neither library is fast enough here:
100,000 rows took 36 s with openpyxl's write-only mode (no lxml in the bundle) and 20 s
with XlsxWriter (not a run-time dependency), against about 4 s for this writer.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import zipfile
from collections.abc import Callable, Generator, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from hostdesk.core.phone import mask_name, mask_phone
from hostdesk.core.registrations import Registration, RegQuery
from hostdesk.fileio import atomic_writer
from hostdesk.private_files import FILE_MODE
from hostdesk.sheets.reader import SheetError

EXPORT_HEADERS = (
    "编号", "岗位编号", "岗位", "场次", "称呼", "手机号", "年龄", "出生年份", "性别", "现居城市",
    "期望城市", "备注", "来源", "同意方式", "告知版本", "同意时间", "同意提供给用人单位", "状态",
    "登记时间", "更新时间", "同步状态",
)  # fmt: skip
# The sheet is for the people who call viewers back, so values read as they speak.
SOURCE_TEXT = {
    "phone": "电话", "comment": "评论", "dm": "私信", "walk_in": "现场", "qr": "扫码",
    "import": "导入",
}  # fmt: skip
CONSENT_TEXT = {"verbal": "口头", "checkbox": "勾选", "written": "书面"}
STATUS_TEXT = {"active": "有效", "withdrawn": "已撤回"}
GENDER_TEXT = {"male": "男", "female": "女", "": ""}
SYNC_TEXT = {
    "pending": "待同步", "sending": "同步中", "acked": "已同步", "retry_wait": "等待重试",
    "attention": "需处理",
}  # fmt: skip
SHEET_NAME = "登记"
PAGE_SIZE = 2000  # rows per database read: big enough to be fast, small enough to stay flat
PROGRESS_EVERY = 1000  # rows between (done, total) reports
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
_TICK = timedelta(microseconds=1)  # the finest step of a stored time

# A mobile number written into the note, possibly spaced or dashed: masked like the phone.
_PHONE_IN_TEXT = re.compile(r"(?<!\d)(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?!\d)")


def _local(moment: datetime | None) -> str:
    """Local wall-clock time, as the people reading the sheet think of it."""
    if moment is None:
        return ""
    if moment.tzinfo is None:  # the store keeps UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime(TIME_FORMAT)


def _mask_note(note: str) -> str:
    return _PHONE_IN_TEXT.sub(lambda m: f"{m[1]}****{m[3]}", note)


def export_row(reg: Registration, *, masked: bool = False) -> list[str | int | None]:
    """One registration as the sheet's cells, in EXPORT_HEADERS order."""
    created = _local(reg.created_at)
    # The three times are usually one instant: format it once (a third of the export's time).
    consented = created if reg.consented_at == reg.created_at else _local(reg.consented_at)
    updated = created if reg.updated_at == reg.created_at else _local(reg.updated_at)
    return [
        reg.id,
        reg.job_code,
        reg.job_title,
        reg.session_id,
        mask_name(reg.name) if masked else reg.name,
        mask_phone(reg.phone) if masked else reg.phone,
        reg.age,
        reg.birth_year,
        GENDER_TEXT.get(str(reg.gender), str(reg.gender)),
        reg.current_city,
        reg.expected_city,
        _mask_note(reg.note) if masked else reg.note,
        SOURCE_TEXT.get(str(reg.source), str(reg.source)),
        CONSENT_TEXT.get(str(reg.consent_method), str(reg.consent_method)),
        reg.notice_version,
        consented,
        "是" if reg.employer_consent else "否",
        STATUS_TEXT.get(str(reg.status), str(reg.status)),
        created,
        updated,
        SYNC_TEXT.get(str(reg.sync_state), str(reg.sync_state)),
    ]


def frozen_query(query: RegQuery, now: datetime | None = None) -> RegQuery:
    """The query bounded at `now`: rows saved during a long export neither shift the pages
    (the list is newest first) nor make the count wrong."""
    now = now or datetime.now(UTC)
    until = query.until
    if until is not None and until.tzinfo is None:  # as the store reads it: UTC
        until = until.replace(tzinfo=UTC)
    until = now if until is None else min(until, now)
    return dataclasses.replace(query, until=until, offset=0)


def iter_query(
    list_page: Callable[[RegQuery], list[Registration]],
    query: RegQuery,
    page_size: int = PAGE_SIZE,
) -> Iterator[Registration]:
    """Every registration `query` matches (ignoring its limit), read `page_size` at a time.

    Pages are keyed on the list's order (created_at, then seq, newest first): each next page
    ends just after the last row's time and skips the rows of that same time already read.
    An OFFSET instead makes SQLite walk every earlier row again: 0.24 s for the last page
    of 100,000, and the export quadratic.
    """
    until, skip = query.until, 0
    while True:
        page = list_page(dataclasses.replace(query, until=until, limit=page_size, offset=skip))
        yield from page
        if len(page) < page_size:
            return
        last = page[-1].created_at
        ties = sum(1 for reg in page if reg.created_at == last)
        next_until = last + _TICK
        # Usually one tie (the last row itself); a whole page of one instant keeps the bound.
        skip = skip + ties if next_until == until else ties
        until = next_until


def export_steps(
    service, query: RegQuery, path: Path, *, masked: bool = False
) -> Generator[tuple[int, int], None, int]:
    """Export what `query` matches from `service` (its `count` and `list`) to `path`.

    A generator for ui.tasks.run_steps: yields (done, total), returns the row count. The
    file appears whole or not at all, also when the generator is closed (cancelled).
    """
    query = frozen_query(query)
    total = service.count(query)
    return (
        yield from write_steps(iter_query(service.list, query), path, total=total, masked=masked)
    )


def export_file(service, query: RegQuery, path: Path, *, masked: bool = False) -> int:
    """export_steps without the progress: the number of rows written."""
    return _drain(export_steps(service, query, path, masked=masked))


def write_registrations(
    registrations: Iterable[Registration], path: Path, *, masked: bool = False
) -> int:
    """Write the registrations given to `path` (.xlsx or .csv by suffix); return how many."""
    return _drain(write_steps(registrations, path, total=0, masked=masked))


def _drain(steps: Generator) -> int:
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value


def write_steps(
    registrations: Iterable[Registration], path: Path, *, total: int, masked: bool = False
) -> Generator[tuple[int, int], None, int]:
    """Write to `path` atomically, yielding (done, total) every PROGRESS_EVERY rows."""
    rows = (export_row(reg, masked=masked) for reg in registrations)
    return (yield from write_rows_steps(rows, path, total=total, headers=EXPORT_HEADERS))


def write_rows_steps(
    rows: Iterable[list], path: Path, *, total: int, headers: tuple[str, ...]
) -> Generator[tuple[int, int], None, int]:
    """Cells under `headers` to `path` (.xlsx or .csv) atomically, yielding (done, total)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise SheetError(path, "wrong_type", "export")
    write = _write_xlsx if suffix == ".xlsx" else _write_csv
    try:
        # Owner-only: names and phone numbers; whoever needs a copy gets it from the owner.
        with atomic_writer(path, mode=FILE_MODE) as out:
            count = yield from write(rows, out, total, headers)
    except OSError as exc:
        raise SheetError(path, "unwritable", exc.strerror or type(exc).__name__) from None
    yield (count, max(total, count))
    return count


def _progress(done: int, total: int) -> tuple[int, int]:
    return (done, max(total, done))


# -- CSV ------------------------------------------------------------------------------------

# A cell Excel would run as a formula when it opens the CSV (CSV injection): shown as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _write_csv(
    rows: Iterable[list], out, total: int, headers: tuple[str, ...] = EXPORT_HEADERS
) -> Generator[tuple[int, int], None, int]:
    # utf-8-sig: Excel reads a BOM-less CSV as the ANSI code page and garbles the Chinese.
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(headers)
    done = 0
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row])
        done += 1
        if done % PROGRESS_EVERY == 0:
            yield _progress(done, total)
    text.flush()
    text.detach()  # leave `out` open for the fsync
    return done


# -- xlsx -------------------------------------------------------------------------------------

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_STATIC_PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{_NS}" xmlns:r="{_REL}"><bookViews><workbookView/></bookViews>'
        f'<sheets><sheet name="{SHEET_NAME}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{_PKG_REL}">'
        f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/></Relationships>'
    ),
    "xl/styles.xml": (
        f'<styleSheet xmlns="{_NS}"><fonts count="2"><font><sz val="11"/><name val="等线"/>'
        '<family val="2"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/>'
        '</font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border>'
        '<left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1">'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
        '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
        "</cellStyles></styleSheet>"
    ),
}
# Column widths in characters (a Chinese character counts about two).
_WIDTHS = (38, 10, 16, 24, 10, 13, 6, 8, 6, 10, 10, 30, 6, 8, 9, 19, 7, 19, 19, 9)
_SHEET_HEAD = (
    f'<worksheet xmlns="{_NS}" xmlns:r="{_REL}"><sheetViews><sheetView workbookViewId="0">'
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    "</sheetView></sheetViews><cols>"
    + "".join(
        f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
        for i, w in enumerate(_WIDTHS, start=1)
    )
    + "</cols><sheetData>"
)
_SHEET_TAIL = "</sheetData></worksheet>"
_XML_ROWS_PER_WRITE = 200  # rows of XML held before compressing them: ~0.5 MB
# Excel's own escape for characters XML 1.0 cannot carry (_x0007_), and for text that
# looks like one, so that a literal "_x0041_" does not come back as "A".
_LOOKS_ESCAPED = re.compile(r"(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_NEEDS_CARE = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")


def _column_letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_COLUMNS = [_column_letters(i) for i in range(len(EXPORT_HEADERS))]


def xlsx_text(value: str) -> str:
    """A string as the XML text of an inline-string cell (Excel's escapes included)."""
    if not _NEEDS_CARE.search(value):  # nearly every cell: nothing to do
        return value
    value = _LOOKS_ESCAPED.sub(r"_x005F\1", value)
    value = _CONTROL.sub(lambda m: f"_x{ord(m[0]):04X}_", value)
    return escape(value)


def _xlsx_row(number: int, row: list, style: str = "") -> str:
    cells = []
    for column, value in zip(_COLUMNS[: len(row)], row, strict=True):  # the employer: fewer
        if value is None or value == "":
            continue
        if isinstance(value, str):
            # Inline strings are never formulas, so "=1+1" typed as a name stays text.
            cells.append(
                f'<c r="{column}{number}"{style} t="inlineStr"><is>'
                f'<t xml:space="preserve">{xlsx_text(value)}</t></is></c>'
            )
        else:
            cells.append(f'<c r="{column}{number}"{style}><v>{int(value)}</v></c>')
    return f'<row r="{number}">{"".join(cells)}</row>'


def _write_xlsx(
    rows: Iterable[list], out, total: int, headers: tuple[str, ...] = EXPORT_HEADERS
) -> Generator[tuple[int, int], None, int]:
    done = 0
    # Level 1: a fifth bigger than level 6 (14 MB for 100,000 rows), zlib's time a third.
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        for name, xml in _STATIC_PARTS.items():
            package.writestr(name, _XML_HEAD + xml)
        with package.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            chunk = [_XML_HEAD, _SHEET_HEAD, _xlsx_row(1, list(headers), ' s="1"')]
            for row in rows:
                done += 1
                chunk.append(_xlsx_row(done + 1, row))
                if done % _XML_ROWS_PER_WRITE == 0:
                    sheet.write("".join(chunk).encode("utf-8"))
                    chunk.clear()
                if done % PROGRESS_EVERY == 0:
                    yield _progress(done, total)
            chunk.append(_SHEET_TAIL)
            sheet.write("".join(chunk).encode("utf-8"))
    return done
