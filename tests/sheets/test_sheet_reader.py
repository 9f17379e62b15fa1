"""read_table: type detection from bytes, encodings, delimiters, header detection, fatal errors."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from hostdesk.sheets.reader import FIELD_ALIASES, SheetError, field_for_header, read_table
from hostdesk.sheets.xlsx_rows import cell_text

TITLE_ROW = ["海信2024秋季招聘岗位表"]
HEADER = ["编号", "岗位", "企业", "地点", "薪资", "福利", "招聘人数"]
DATA = [
    ["HX-001", "冰箱总装普工", "海信", "青岛", "6000-8000元/月", "包吃住、五险一金", "150"],
    ["HX-002", "注塑操作工", "海信", "青岛", "22元/小时", "餐补，班车", "40"],
]


def test_xlsx_header_below_title_row_and_blank_row(make_xlsx):
    path = make_xlsx([TITLE_ROW, [], HEADER, DATA[0], [], DATA[1]])
    table = read_table(path)
    assert table.kind == "xlsx"
    assert table.header_row == 3
    assert table.columns["title"].index == 1
    assert table.columns["headcount"].header == "招聘人数"
    assert [number for number, _ in table.rows] == [4, 6]
    assert table.rows[1][1][:2] == ["HX-002", "注塑操作工"]


def test_xlsx_typed_cells_become_the_text_people_see(make_xlsx):
    path = make_xlsx(
        [
            ["岗位", "招聘人数", "薪资", "截止", "开始", "急招"],
            ["普工", 30, 22.5, date(2024, 9, 1), datetime(2024, 9, 1, 8, 30), True],
            ["焊工", 30.0, 0.1 + 0.2, datetime(2024, 9, 2), None, False],
        ]
    )
    rows = [cells for _, cells in read_table(path).rows]
    assert rows[0] == ["普工", "30", "22.5", "2024-09-01", "2024-09-01 08:30:00", "TRUE"]
    assert rows[1] == ["焊工", "30", "0.3", "2024-09-02", "", "FALSE"]


def test_xlsx_reader_gives_the_text_openpyxl_reads(tmp_path):
    # Typed values (numbers, dates, rich text, booleans) become the text a person sees.
    workbook = Workbook()
    sheet = workbook.active
    bold = TextBlock(InlineFont(b=True), "急招")
    sheet.append(["岗位", "要求", "人数", "工价", "日期", "时间", "急招", "公式"])
    sheet.append(["普工", CellRichText([bold, " 能上夜班"]), 30, 22.5, date(2024, 8, 26)])
    sheet.append([" 焊工 ", "", None, 1e20, datetime(2024, 8, 26, 9), time(8, 30), True, "=1+1"])
    sheet.cell(row=7, column=10, value="#N/A")
    path = tmp_path / "typed.xlsx"
    workbook.save(path)

    def trimmed(texts: list[str]) -> list[str]:
        # Trailing empty cells are how a row is stored, not what it holds.
        while texts and not texts[-1]:
            texts = texts[:-1]
        return texts

    reference = load_workbook(path, read_only=True, data_only=True)
    expected = [
        (number, trimmed([cell_text(value) for value in values]))
        for number, values in enumerate(reference.active.iter_rows(values_only=True), 1)
    ]
    reference.close()
    expected = [(number, texts) for number, texts in expected if number > 1 and texts]
    assert expected[0][1][1] == "急招 能上夜班"
    assert [(number, trimmed(texts)) for number, texts in read_table(path).rows] == expected


def test_xlsx_reads_the_first_visible_sheet(make_xlsx):
    path = make_xlsx([["岗位"], ["叉车司机"]], hidden_first=[["岗位"], ["旧岗位"]])
    table = read_table(path)
    assert table.sheet_name == "jobs"
    assert table.rows == [(2, ["叉车司机"])]


def test_xlsx_with_a_wrong_dimension_record_keeps_all_columns(make_xlsx, tmp_path):
    # Some generators write <dimension ref="A1"/>; read-only openpyxl would cut every row to A.
    source = make_xlsx([HEADER, DATA[0]])
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1"', data)
            dst.writestr(item, data)
    assert read_table(broken).rows == [(2, DATA[0])]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_encodings_decode_identically(make_csv, encoding):
    path = make_csv([TITLE_ROW, HEADER, *DATA], encoding=encoding)
    table = read_table(path)
    assert table.kind == "csv"
    assert table.encoding == {"gbk": "gb18030"}.get(encoding, encoding)
    assert table.header_row == 2
    assert table.rows == [(3, DATA[0]), (4, DATA[1])]


def test_gb18030_characters_outside_gbk(make_csv):
    # 㐀 (CJK Extension A) and 𠀀 (Extension B) exist in GB18030 but not GBK.
    path = make_csv([["岗位", "企业"], ["普工", "㐀𠀀科技"]], encoding="gb18030")
    assert read_table(path).rows == [(2, ["普工", "㐀𠀀科技"])]


def test_utf16_unicode_text_export_from_excel(make_csv):
    path = make_csv([HEADER, DATA[0]], name="jobs.txt", encoding="utf-16", delimiter="\t")
    table = read_table(path)
    assert (table.encoding, table.delimiter) == ("utf-16", "\t")
    assert table.rows == [(2, DATA[0])]


@pytest.mark.parametrize("name", ["jobs.txt", "jobs.xlsx", "jobs"])
def test_csv_bytes_under_any_name_read_as_csv(make_csv, name):
    table = read_table(make_csv([HEADER, *DATA], name=name, encoding="gbk"))
    assert table.kind == "csv"
    assert [cells for _, cells in table.rows] == DATA


def test_xlsx_bytes_named_csv_read_as_xlsx(make_xlsx):
    table = read_table(make_xlsx([HEADER, DATA[0]], name="jobs.csv"))
    assert table.kind == "xlsx"
    assert table.rows == [(2, DATA[0])]


@pytest.mark.parametrize("delimiter", [",", "\t", ";"])
def test_delimiter_is_sniffed(make_csv, delimiter):
    # The benefits cell holds commas and semicolons, which must not fool the sniffing.
    rows = [TITLE_ROW, HEADER, [*DATA[0][:5], "包吃住,五险一金;餐补", "150"]]
    table = read_table(make_csv(rows, delimiter=delimiter))
    assert table.delimiter == delimiter
    assert table.rows == [(3, rows[2])]


def test_quoted_multiline_cell_is_one_row(make_csv):
    path = make_csv([["岗位", "要求"], ["焊工", "持证上岗\n有经验优先"], ["仓管", "会电脑"]])
    assert read_table(path).rows == [(2, ["焊工", "持证上岗\n有经验优先"]), (3, ["仓管", "会电脑"])]


def test_english_headers(make_csv):
    header = ["Code", "TITLE", "Company", "City", "Salary", "Benefits", "Headcount", "Age"]
    header += ["Shift", "Requirements", "Highlights", "signup_url", "Urgent", "Status", "Gender"]
    table = read_table(make_csv([header, ["X-1", "Welder"] + [""] * 13]))
    assert list(table.columns) == list(FIELD_ALIASES)
    assert table.columns["title"].header == "TITLE"


@pytest.mark.parametrize("name", list(FIELD_ALIASES))
def test_every_alias_names_its_field(make_csv, name):
    for alias in FIELD_ALIASES[name]:
        header = [alias] if name == "title" else ["工种", alias]
        table = read_table(make_csv([header, ["x"] * len(header)]))
        assert table.columns[name].header == alias, alias


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("*岗位名称：", "title"),
        ("岗位:", "title"),
        ("Ｔｉｔｌｅ", "title"),
        ("  工作 地点 ", "city"),
        ("薪资(元/月)", "salary"),
        ("招聘人数（人）", "headcount"),
        ("ＳＡＬＡＲＹ", "salary"),
        ("备注", None),
        ("", None),
    ],
)
def test_header_matching_ignores_case_width_marks_and_units(written, name):
    assert field_for_header(written) == name


def test_header_text_is_nfkc_and_stripped_but_data_is_not(make_csv):
    table = read_table(make_csv([[" 岗位 ", "ＳＡＬＡＲＹ"], [" 普工 ", "６０００"]]))
    assert table.headers == ["岗位", "SALARY"]
    assert table.rows == [(2, [" 普工 ", "６０００"])]


def test_header_is_the_row_with_the_most_fields(make_csv):
    # A notes row that happens to say 岗位 must not beat the real header below it.
    rows = [["岗位", "说明"], HEADER, DATA[0]]
    table = read_table(make_csv(rows))
    assert table.header_row == 2
    assert len(table.columns) == len(HEADER)


def test_header_tie_goes_to_the_first_row(make_csv):
    table = read_table(make_csv([["岗位", "企业"], ["职位", "公司"], ["普工", "海信"]]))
    assert table.header_row == 1
    assert table.rows[0] == (2, ["职位", "公司"])


def test_first_column_naming_a_field_wins(make_csv):
    table = read_table(make_csv([["岗位", "职位名称", "工资", "月薪"], ["a", "b", "c", "d"]]))
    assert table.columns["title"].index == 0
    assert table.columns["salary"].index == 2
    assert table.value(table.rows[0][1], "title") == "a"
    assert table.value(table.rows[0][1], "city") == ""


def test_short_rows_read_as_empty_cells(make_csv):
    table = read_table(make_csv([HEADER, ["HX-9", "普工"]]))
    assert table.value(table.rows[0][1], "headcount") == ""


def test_header_within_the_first_15_rows(make_csv):
    blank_then_header = [[""]] * 14 + [HEADER, DATA[0]]
    assert read_table(make_csv(blank_then_header)).header_row == 15
    too_low = [["说明"]] * 15 + [HEADER, DATA[0]]
    with pytest.raises(SheetError) as caught:
        read_table(make_csv(too_low, name="low.csv"))
    assert caught.value.reason == "no_title_column"


# Fatal, file-level problems ------------------------------------------------------------------


def _ole2_bytes(extra: bytes = b"") -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + extra


def _zip_bytes(names: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "x")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "reason", "detail"),
    [
        (b"", "empty", ""),
        (b"\r\n , ,\r\n\r\n", "empty", ""),
        (_ole2_bytes(), "old_xls", ""),
        (_ole2_bytes("EncryptedPackage".encode("utf-16-le")), "unreadable", "encrypted"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "wrong_type", "png"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "wrong_type", "pdf"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "wrong_type", "jpeg"),
        (b"\x01\x02\x00\x00garbage", "wrong_type", "binary"),
        (_zip_bytes(["word/document.xml", "[Content_Types].xml"]), "wrong_type", "docx"),
        (_zip_bytes(["notes.txt"]), "wrong_type", "zip"),
        (b"PK\x03\x04 this is not really a zip", "unreadable", None),
        ("岗位,企业\n普工,".encode() + b"\xff\xfe\x80", "encoding", "UTF-8, GB18030"),
        ("单位,说明\n海信,冰箱\n".encode(), "no_title_column", ""),
    ],
)
def test_fatal_files_raise_sheet_error(tmp_path, data, reason, detail):
    path = tmp_path / "jobs.xlsx"
    path.write_bytes(data)
    with pytest.raises(SheetError) as caught:
        read_table(path)
    error = caught.value
    assert (error.path, error.reason) == (path, reason)
    if detail is not None:
        assert error.detail == detail
    assert "jobs.xlsx" in error.message


def test_missing_file(tmp_path):
    with pytest.raises(SheetError) as caught:
        read_table(tmp_path / "nowhere.xlsx")
    assert caught.value.reason == "not_found"
    assert "nowhere.xlsx" in str(caught.value)


def test_folder_is_not_a_sheet(tmp_path):
    with pytest.raises(SheetError) as caught:
        read_table(tmp_path)
    assert caught.value.reason in {"wrong_type", "unreadable"}


def test_xlsx_with_only_blank_cells_is_empty(make_xlsx):
    with pytest.raises(SheetError) as caught:
        read_table(make_xlsx([[None, ""], [], ["  "]]))
    assert caught.value.reason == "empty"


def test_messages_say_what_to_do(tmp_path):
    path = tmp_path / "岗位.xls"
    path.write_bytes(_ole2_bytes())
    with pytest.raises(SheetError) as caught:
        read_table(path)
    assert caught.value.message == (
        "岗位.xls is an old .xls file: open it in Excel or WPS and save it as .xlsx."
    )
    no_title = SheetError(Path("a.csv"), "no_title_column")
    assert "岗位" in no_title.message and "15" in no_title.message
    encoding = SheetError(Path("a.csv"), "encoding", "UTF-8, GB18030")
    assert "UTF-8, GB18030" in encoding.message and "save it as" in encoding.message


def test_excel_style_workbook_with_shared_strings(tmp_path):
    """Excel and WPS keep text in a shared-strings table (openpyxl writes it inline)."""
    import xlsxwriter

    path = tmp_path / "海信招聘.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("岗位表")
    sheet.merge_range("A1:E1", "海信2024秋季招聘岗位表")  # the usual title row above the header
    for col, name in enumerate(["岗位名称", "用工单位", "工作地点", "薪资待遇", "招聘人数"]):
        sheet.write_string(2, col, name)
    rows = [
        ["冰箱总装普工", "海信", "青岛", "6000-8000元/月", 50],
        ["注塑操作工", "海信", "青岛", "22元/小时", 20],
    ]
    for r, values in enumerate(rows, start=3):
        for c, value in enumerate(values):
            sheet.write(r, c, value)
    book.close()
    with zipfile.ZipFile(path) as archive:
        assert "xl/sharedStrings.xml" in archive.namelist()
    table = read_table(path)
    assert table.header_row == 3
    assert [cells for _, cells in table.rows] == [
        ["冰箱总装普工", "海信", "青岛", "6000-8000元/月", "50"],
        ["注塑操作工", "海信", "青岛", "22元/小时", "20"],
    ]
    assert [n for n, _ in table.rows] == [4, 5]
