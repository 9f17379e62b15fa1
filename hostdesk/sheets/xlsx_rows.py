"""The cells of an .xlsx's first visible sheet as text, read in one streaming pass with openpyxl."""

from __future__ import annotations

import io
import warnings
from datetime import date, datetime, time, timedelta

import openpyxl

Rows = list[tuple[int, list[str]]]


def read_first_visible_sheet(data: bytes) -> tuple[str, Rows] | None:
    """(sheet title, [(row number, cell texts)]) or None when the workbook has no worksheet.

    Rows are numbered as Excel numbers them; empty rows are left out. Only openpyxl's public
    read-only API is used: strings may be shared (Excel, WPS) or inline (openpyxl, web
    exporters). Raises whatever openpyxl raises on a damaged file.
    """
    with warnings.catch_warnings():
        # openpyxl warns about styles and extensions it ignores; none matter for values.
        warnings.simplefilter("ignore")
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheets = workbook.worksheets
        if not sheets:
            return None
        sheet = next((s for s in sheets if s.sheet_state == "visible"), sheets[0])
        # Some generators write a wrong <dimension> record (often "A1"), which read-only
        # iteration would trust and cut every row to column A; openpyxl's documented remedy.
        sheet.reset_dimensions()
        rows = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            texts = _row_texts(values)
            if texts:
                rows.append((number, texts))
        return sheet.title, rows
    finally:
        workbook.close()


def _row_texts(values: tuple) -> list[str]:
    texts = [cell_text(value) for value in values]
    while texts and not texts[-1]:
        texts.pop()
    return texts


def cell_text(value: object) -> str:
    """A typed xlsx value as the text a person sees: 30 not 30.0, 22.5, dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        # Excel shows 15 significant digits; repr would show 0.30000000000000004.
        return format(value, ".15g")
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)
