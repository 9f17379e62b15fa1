"""Any employer sheet (xlsx, or CSV in UTF-8/GBK/GB18030) read into a header map and data rows."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

HEADER_SCAN_ROWS = 15

# One line per field: adding an alias is adding a word. Matching ignores case, width (NFKC),
# spaces, "*" (required-field marks) and colons; see `header_key`.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "code": ("编号", "岗位编号", "职位编号", "code"),
    "title": ("岗位", "职位", "岗位名称", "职位名称", "招聘岗位", "工种", "title"),
    "company": ("企业", "公司", "用工企业", "用工单位", "企业名称", "公司名称", "company"),
    "city": ("地点", "工作地点", "城市", "工作城市", "地区", "city"),
    "salary": ("薪资", "工资", "薪资待遇", "工价", "薪酬", "月薪", "salary", "pay"),
    "benefits": ("福利", "福利待遇", "待遇", "benefits"),
    "headcount": ("招聘人数", "人数", "招聘数量", "名额", "headcount"),
    "age": ("年龄", "年龄要求", "age"),
    "shift": ("班次", "班制", "工作时间", "shift"),
    "requirements": ("要求", "岗位要求", "任职要求", "招聘要求", "requirements"),
    "highlights": ("亮点", "岗位亮点", "highlights"),
    "signup_url": ("报名链接", "链接", "signup_url"),
    "urgent": ("急招", "是否急招", "urgent"),
    "status": ("状态", "status"),
    "gender": ("性别", "性别要求", "gender", "sex"),
}

_KEY_STRIP_RE = re.compile(r"[\s*:]")
# "薪资(元/月)", "招聘人数（人）": a unit in brackets after the name does not change the column.
_UNIT_SUFFIX_RE = re.compile(r"\([^()]*\)$")

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")
_BINARY_MAGIC = (
    (b"%PDF", "pdf"),
    (b"\x89PNG", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
    (b"Rar!", "rar"),
    (b"7z\xbc\xaf", "7z"),
    (b"{\\rtf", "rtf"),
)
_CSV_DELIMITERS = (",", "\t", ";")
_TEXT_ENCODINGS = ("utf-8", "gb18030")


def header_key(text: str) -> str:
    """The form a header cell is compared in: NFKC, case-folded, no spaces, "*" or colons."""
    return _KEY_STRIP_RE.sub("", unicodedata.normalize("NFKC", text).casefold())


def _build_alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for name, aliases in FIELD_ALIASES.items():
        for alias in aliases:
            key = header_key(alias)
            if index.setdefault(key, name) != name:
                raise AssertionError(f"alias {alias!r} names both {index[key]} and {name}")
    return index


_ALIAS_INDEX = _build_alias_index()


def field_for_header(text: str) -> str | None:
    """The job field a header cell names, or None for a column HostDesk does not read."""
    key = header_key(text)
    if not key:
        return None
    found = _ALIAS_INDEX.get(key)
    if found is None:
        found = _ALIAS_INDEX.get(_UNIT_SUFFIX_RE.sub("", key))
    return found


@dataclass(frozen=True)
class HeaderRule:
    """How a sheet's header row is found: which field each header cell names, and the field a
    header must name (job sheets: the title; a platform's lead export: the phone)."""

    field_for: Callable[[str], str | None]
    required: str
    missing_reason: str  # the SheetError reason when no row in the first rows names it


JOB_HEADER = HeaderRule(field_for_header, "title", "no_title_column")


_MESSAGES = {
    "not_found": "{path} was not found: check that the file still exists and has not been moved.",
    "unreadable": (
        "{name} could not be read ({detail}): if it is open in Excel or WPS, close it and try "
        "again; otherwise open it there and save it again as .xlsx."
    ),
    "empty": "{name} is empty: choose the sheet that holds the jobs.",
    "wrong_type": (
        "{name} is not a spreadsheet (it looks like {detail}): choose an .xlsx or .csv file, or "
        "open it in Excel or WPS and save it as .xlsx."
    ),
    "old_xls": "{name} is an old .xls file: open it in Excel or WPS and save it as .xlsx.",
    "encoding": (
        "{name} is not in a text encoding HostDesk knows (tried {detail}): open it in Excel or "
        "WPS and save it as .xlsx or as CSV UTF-8."
    ),
    "no_title_column": (
        "{name} has no job title column in its first {rows} rows: add a header row with a "
        "column named 岗位 (or 职位, 岗位名称, 工种, title)."
    ),
    "no_phone_column": (
        "{name} has no phone number column in its first {rows} rows: add a header row with a "
        "column named 手机号 (or 电话, 手机, 联系电话)."
    ),
    "unwritable": (
        "{name} could not be written ({detail}): if it is open in Excel or WPS, close it; "
        "otherwise choose another folder."
    ),
}
_DETAIL_MESSAGES = {
    ("unreadable", "encrypted"): (
        "{name} is protected by a password: open it in Excel or WPS, remove the password and "
        "save it again as .xlsx."
    ),
}


class SheetReason(StrEnum):
    """Why a whole file cannot be used; the desktop (messages) and the hub say each."""

    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"
    EMPTY = "empty"
    WRONG_TYPE = "wrong_type"
    OLD_XLS = "old_xls"
    ENCODING = "encoding"
    NO_TITLE_COLUMN = "no_title_column"
    NO_PHONE_COLUMN = "no_phone_column"  # a platform's lead export (the hub's lead import)
    UNWRITABLE = "unwritable"  # export only


class SheetError(Exception):
    """A whole file cannot be used, and why (`reason`, a SheetReason).

    `detail` is the machine-ish particular (the encodings tried, the file type seen, the OS
    error) that a translated message can include.
    """

    def __init__(self, path: Path | str, reason: SheetReason | str, detail: str = "") -> None:
        self.path = Path(path)
        self.reason = SheetReason(reason)
        self.detail = detail
        template = _DETAIL_MESSAGES.get((reason, detail)) or _MESSAGES.get(
            reason, "{name}: {reason}"
        )
        super().__init__(
            template.format(
                path=self.path,
                name=self.path.name,
                detail=detail,
                reason=reason,
                rows=HEADER_SCAN_ROWS,
            )
        )

    @property
    def message(self) -> str:
        return str(self)

    def __reduce__(self):
        return (type(self), (self.path, self.reason, self.detail))


@dataclass(frozen=True)
class Column:
    """Where a recognised field sits: 0-based index into each row's cells, and its header text."""

    index: int
    header: str


@dataclass
class Table:
    """A sheet's header row and the non-blank rows under it."""

    path: Path
    kind: str  # "xlsx" or "csv"
    header_row: int  # 1-based, as Excel/WPS number the row
    columns: dict[str, Column]  # field -> column; the first of two columns naming a field wins
    headers: list[str]  # every header cell as written (whitespace stripped, NFKC)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # (sheet row, cells)
    encoding: str = ""  # CSV only: the encoding that decoded it
    delimiter: str = ""  # CSV only
    sheet_name: str = ""  # xlsx only

    def value(self, cells: list[str], name: str) -> str:
        """The cell of field `name` in a row, or "" when the sheet has no such column or cell."""
        column = self.columns.get(name)
        if column is None or column.index >= len(cells):
            return ""
        return cells[column.index]


def read_table(path: Path, rule: HeaderRule = JOB_HEADER) -> Table:
    """Read a sheet, detecting its type from its bytes (employers rename files freely).

    `rule` finds the header: a job sheet's by default; the hub reads platform lead exports
    with its own rule through the same decoding, title-row skipping and type checks."""
    path = Path(path)
    data = _read_bytes(path)
    if not data:
        raise SheetError(path, "empty")
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(path, data, rule)
    if data.startswith(_OLE2_MAGIC):
        # An OLE2 container is either a real .xls or an encrypted .xlsx (Office wraps those).
        if _ENCRYPTED_MARK in data:
            raise SheetError(path, "unreadable", "encrypted")
        raise SheetError(path, "old_xls")
    text, encoding = _decode(path, data)
    return _read_csv(path, text, encoding, rule)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise SheetError(path, "not_found") from None
    except IsADirectoryError:
        raise SheetError(path, "wrong_type", "folder") from None
    except OSError as exc:
        # Windows: a file Excel holds open raises PermissionError here.
        raise SheetError(path, "unreadable", exc.strerror or type(exc).__name__) from None


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(path, data, "utf-8-sig"), "utf-8-sig"
    # Excel's "Unicode text" export: UTF-16 with a BOM, tab-separated.
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(path, data, "utf-16"), "utf-16"
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            raise SheetError(path, "wrong_type", kind)
    if b"\x00" in data[:8192]:
        raise SheetError(path, "wrong_type", "binary")
    for encoding in _TEXT_ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise SheetError(path, "encoding", ", ".join(e.upper() for e in _TEXT_ENCODINGS))


def _strict(path: Path, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise SheetError(path, "encoding", encoding.upper()) from None


def _is_blank(cells: list[str]) -> bool:
    return all(not cell.strip() for cell in cells)


def _header_text(cell: str) -> str:
    return unicodedata.normalize("NFKC", cell).strip()


def _find_header(rows: list[list[str]], rule: HeaderRule = JOB_HEADER) -> tuple[int, int] | None:
    """(0-based index, recognised-field count) of the header among the first rows, or None.

    The header is the first row naming a title column and the most fields: a title row such as
    "海信2024秋季招聘岗位表" above it names at most one.
    """
    best: tuple[int, int] | None = None
    for i, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
        fields = {rule.field_for(cell) for cell in cells} - {None}
        if rule.required in fields and (best is None or len(fields) > best[1]):
            best = (i, len(fields))
    return best


def _columns(header: list[str], rule: HeaderRule) -> dict[str, Column]:
    columns: dict[str, Column] = {}
    for index, text in enumerate(header):
        name = rule.field_for(text)
        if name is not None and name not in columns:
            columns[name] = Column(index, text)
    return columns


def _make_table(path: Path, kind: str, numbered: list[tuple[int, list[str]]], rule: HeaderRule,
                **extra) -> Table:  # fmt: skip
    """Build the table from (sheet row, cells) of the whole sheet, blank rows included."""
    if all(_is_blank(cells) for _, cells in numbered):
        raise SheetError(path, "empty")
    # The scan counts sheet rows, so blank rows at the top use up the 15.
    by_number = {number: cells for number, cells in numbered if number <= HEADER_SCAN_ROWS}
    top = [by_number.get(n, []) for n in range(1, HEADER_SCAN_ROWS + 1)]
    found = _find_header(top, rule)
    if found is None:
        raise SheetError(path, rule.missing_reason)
    header_row = found[0] + 1
    header = [_header_text(cell) for cell in top[found[0]]]
    rows = [(n, cells) for n, cells in numbered if n > header_row and not _is_blank(cells)]
    return Table(
        path=path,
        kind=kind,
        header_row=header_row,
        columns=_columns(header, rule),
        headers=header,
        rows=rows,
        **extra,
    )


def _read_csv(path: Path, text: str, encoding: str, rule: HeaderRule) -> Table:
    if not text.strip():
        raise SheetError(path, "empty")
    delimiter = _sniff_delimiter(text, rule)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise SheetError(path, "unreadable", str(exc)) from None
    # A CSV record is one spreadsheet row even when a quoted cell spans lines.
    numbered = list(enumerate(records, start=1))
    return _make_table(path, "csv", numbered, rule, encoding=encoding, delimiter=delimiter)


def _sniff_delimiter(text: str, rule: HeaderRule) -> str:
    """The delimiter under which the header names the most fields; "," when none stands out.

    csv.Sniffer guesses from character frequencies and is easily fooled by a title row or by
    commas inside cells; the header itself is the reliable signal.
    """
    best, best_score = ",", -1
    for delimiter in _CSV_DELIMITERS:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        head = []
        try:
            for _ in range(HEADER_SCAN_ROWS):
                head.append(next(reader))
        except (StopIteration, csv.Error):
            pass
        found = _find_header(head, rule)
        score = found[1] if found else 0
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_xlsx(path: Path, data: bytes, rule: HeaderRule) -> Table:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise SheetError(path, "unreadable", f"damaged zip: {exc}") from None
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        kind = "ods" if "mimetype" in names else "docx" if "word/document.xml" in names else "zip"
        raise SheetError(path, "wrong_type", kind)

    # Deferred: importing openpyxl costs more than reading a typical CSV.
    from hostdesk.sheets.xlsx_rows import read_first_visible_sheet

    try:
        found = read_first_visible_sheet(data)
    except Exception as exc:  # openpyxl raises KeyError, ValueError, XML errors... on bad files
        raise SheetError(path, "unreadable", f"{type(exc).__name__}: {exc}") from None
    if found is None:
        raise SheetError(path, "empty")
    sheet_name, numbered = found
    return _make_table(path, "xlsx", numbered, rule, sheet_name=sheet_name)
