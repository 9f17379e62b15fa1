"""Builders for the sheets employers send: xlsx via openpyxl, CSV by encoding strings."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import Workbook

Rows = list[list[object]]


@pytest.fixture
def make_csv(tmp_path: Path):
    """Write rows as CSV bytes in a given encoding; the file name is free (detection is by bytes)."""

    def make(
        rows: Rows, *, name: str = "jobs.csv", encoding: str = "utf-8", delimiter: str = ","
    ) -> Path:
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
        path = tmp_path / name
        path.write_bytes(buffer.getvalue().encode(encoding))
        return path

    return make


@pytest.fixture
def make_xlsx(tmp_path: Path):
    """Write rows to the first sheet of an .xlsx; `hidden_first` puts a hidden sheet before it."""

    def make(rows: Rows, *, name: str = "jobs.xlsx", hidden_first: Rows | None = None) -> Path:
        workbook = Workbook()
        sheet = workbook.active
        if hidden_first is not None:
            sheet.title = "old"
            for row in hidden_first:
                sheet.append(row)
            sheet.sheet_state = "hidden"
            sheet = workbook.create_sheet("jobs")
        for row in rows:
            sheet.append(row)
        path = tmp_path / name
        workbook.save(path)
        return path

    return make
