"""The job catalogue written to .xlsx or .csv with headers the importer reads back."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from hostdesk.core.age import format_age
from hostdesk.core.jobs import Job, JobStatus
from hostdesk.core.salary import format_pay
from hostdesk.fileio import atomic_writer
from hostdesk.sheets.reader import SheetError

# (header, value) in column order; every header is an alias in reader.FIELD_ALIASES.
EXPORT_HEADERS = (
    "编号", "岗位", "企业", "地点", "薪资", "福利", "招聘人数", "年龄", "班次", "要求", "亮点",
    "报名链接", "急招", "状态",
)  # fmt: skip
STATUS_TEXT = {JobStatus.OPEN: "招聘中", JobStatus.PAUSED: "暂停", JobStatus.CLOSED: "已关闭"}
BENEFIT_JOINER = "、"


def _row(job: Job) -> list[str | int]:
    return [
        job.code,
        job.title,
        job.company,
        job.city,
        job.pay.text or format_pay(job.pay),
        BENEFIT_JOINER.join(job.benefits),
        "" if job.headcount is None else job.headcount,
        job.age_text or format_age(job.age_min, job.age_max),
        job.shift,
        job.requirements,
        job.highlights,
        job.signup_url,
        "是" if job.urgent else "否",
        STATUS_TEXT[job.status],
    ]


def export_jobs(jobs: Iterable[Job], path: Path) -> int:
    """Write the jobs to `path` (.xlsx or .csv, by the suffix asked for); return how many.

    The file appears whole or not at all: it is written beside the target and moved into place,
    so a failure (disk full, file open in Excel) never leaves a truncated sheet behind.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise SheetError(path, "wrong_type", "export")
    rows = [_row(job) for job in jobs]
    write = _write_xlsx if suffix == ".xlsx" else _write_csv
    try:
        with atomic_writer(path) as out:
            write(rows, out)
    except OSError as exc:
        raise SheetError(path, "unwritable", exc.strerror or type(exc).__name__) from None
    return len(rows)


def _write_csv(rows: list[list[str | int]], out) -> None:
    # utf-8-sig: Excel reads a BOM-less CSV as the ANSI code page and garbles the Chinese.
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(EXPORT_HEADERS)
    writer.writerows(rows)
    text.flush()
    text.detach()  # leave `out` open for the fsync


def _write_xlsx(rows: list[list[str | int]], out) -> None:
    from openpyxl import Workbook  # deferred: only xlsx export pays for it
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def value_of(value: str | int):
        if not isinstance(value, str):
            return value
        # Control characters pasted from web pages are invisible but make openpyxl refuse the row.
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if value.startswith("="):
            # openpyxl stores a string starting with "=" as a formula; job text must stay text.
            cell = WriteOnlyCell(sheet, value)
            cell.data_type = "s"
            return cell
        return value

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("岗位")
    sheet.append(EXPORT_HEADERS)
    for row in rows:
        sheet.append([value_of(value) for value in row])
    workbook.save(out)
