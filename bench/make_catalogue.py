"""Deterministic employer-style job sheets (.xlsx or .csv) for the benchmarks."""

from __future__ import annotations

import argparse
import csv
import random
import re
import zipfile
from pathlib import Path

HEADER = ("编号", "岗位", "企业", "地点", "薪资", "福利", "招聘人数", "年龄", "班次", "要求")
COMPANIES = (
    ("GE", "歌尔股份"), ("HX", "海信"), ("AKM", "澳柯玛"), ("LX", "立讯精密"),
    ("FSK", "富士康"), ("BYD", "比亚迪"), ("LS", "蓝思科技"), ("JD", "京东物流"),
    ("SF", "顺丰速运"), ("WHH", "娃哈哈"), ("QD", "青岛啤酒"), ("HR", "海尔智家"),
)  # fmt: skip
TITLES = (
    "电子厂普工", "质检员", "SMT操作工", "注塑操作工", "仓管", "叉车司机", "焊工", "包装工",
    "物流分拣员", "冰箱总装普工", "食品厂普工", "CNC操作工", "装配工", "快递分拣员", "机修工",
)  # fmt: skip
CITIES = ("青岛", "潍坊", "威海", "烟台", "苏州", "昆山", "东莞", "深圳", "郑州", "成都", "长沙")
BENEFITS = (
    "包吃住", "五险一金", "班车", "餐补", "高温补贴", "4-6人间", "夫妻间", "住宿补贴",
    "全勤奖", "节日福利", "带薪年假", "免费体检", "工作服免费发放",
)  # fmt: skip
SHIFTS = ("两班倒", "长白班", "三班倒", "两班倒，上六休一", "长白班，做五休二", "12小时两班倒")
REQUIREMENTS = (
    "身体健康，能适应站立作业",
    "初中及以上学历，细心负责，能长时间目检",
    "能适应夜班，有电子厂经验优先",
    "持有效叉车证（N1），两年以上驾驶经验",
    "持有效焊工证，有氩弧焊经验",
    "会使用电脑，熟悉出入库操作",
    "服从班组安排，能吃苦耐劳",
)


def _pay(rng: random.Random) -> str:
    low = rng.randrange(45, 75) * 100
    kind = rng.randrange(7)
    if kind == 0:
        return f"{low}-{low + rng.choice((1000, 1500, 2000, 3000))}元/月"
    if kind == 1:
        return f"{rng.randrange(18, 30)}元/小时"
    if kind == 2:
        return f"{rng.randrange(20, 36) * 10}元/天"
    if kind == 3:
        return f"综合工资{low}+"
    if kind == 4:
        return f"{rng.randrange(30, 45) * 100}底薪+计件"
    if kind == 5:
        return "面议"
    k = rng.randrange(4, 9)
    return f"{k}-{k + rng.randrange(1, 4)}K"


def _row(rng: random.Random, index: int) -> list[str | int]:
    prefix, company = rng.choice(COMPANIES)
    joiner = rng.choice(("、", "，"))
    low_age = rng.choice((16, 18, 18, 18, 20, 22))
    return [
        f"{prefix}-{index:05d}",
        rng.choice(TITLES),
        company,
        rng.choice(CITIES),
        _pay(rng),
        joiner.join(rng.sample(BENEFITS, rng.randrange(2, 6))),
        rng.choice((5, 10, 20, 30, 50, 80, 100, 150, 200, "若干")),
        f"{low_age}-{rng.randrange(35, 56)}岁",
        rng.choice(SHIFTS),
        rng.choice(REQUIREMENTS),
    ]


def rows_for(rows: int, seed: int = 1) -> list[list[str | int]]:
    """The title row, the header row and `rows` jobs with unique codes; same seed, same rows."""
    rng = random.Random(seed)
    title = ["2025年秋季招聘岗位汇总表（内部资料，请勿外传）"]
    return [title, list(HEADER), *(_row(rng, i) for i in range(1, rows + 1))]


def write_sheet(path: Path, rows: int, seed: int = 1, *, shared_strings: bool = False) -> Path:
    """Write the sheet as .xlsx (openpyxl write-only) or .csv (UTF-8 with BOM) by `path`'s suffix.

    openpyxl writes text cells inline; `shared_strings` rewrites them into a sharedStrings
    table, as Excel and WPS save them.
    """
    path = Path(path)
    data = rows_for(rows, seed)
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as out:
            csv.writer(out, lineterminator="\r\n").writerows(data)
        return path
    if path.suffix.lower() != ".xlsx":
        raise ValueError(f"{path}: choose a .xlsx or .csv name")
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("岗位表")
    for row in data:
        sheet.append(row)
    workbook.save(path)
    if shared_strings:
        _to_shared_strings(path)
    return path


_INLINE_RE = re.compile(r'<c r="([A-Z]+\d+)" t="inlineStr"><is><t>(.*?)</t></is></c>', re.S)
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_SST_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
_SST_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def _to_shared_strings(path: Path) -> None:
    with zipfile.ZipFile(path) as old:
        parts = {name: old.read(name).decode("utf-8") for name in old.namelist()}
    index: dict[str, int] = {}

    def shared(match: re.Match) -> str:
        number = index.setdefault(match.group(2), len(index))
        return f'<c r="{match.group(1)}" t="s"><v>{number}</v></c>'

    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = _INLINE_RE.sub(shared, parts[sheet])
    items = "".join(f"<si><t>{text}</t></si>" for text in index)  # already XML-escaped
    parts["xl/sharedStrings.xml"] = (
        f'<sst xmlns="{_MAIN_NS}" uniqueCount="{len(index)}">{items}</sst>'
    )
    rels = "xl/_rels/workbook.xml.rels"
    parts[rels] = parts[rels].replace(
        "</Relationships>",
        f'<Relationship Type="{_SST_TYPE}" Target="sharedStrings.xml" Id="rIdSst"/>'
        "</Relationships>",
    )
    types = "[Content_Types].xml"
    parts[types] = parts[types].replace(
        "</Types>",
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SST_CONTENT}"/></Types>',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name, text in parts.items():
            new.writestr(name, text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path, help="OUT.xlsx or OUT.csv")
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--shared-strings",
        action="store_true",
        help="xlsx: text in a sharedStrings table, as Excel",
    )
    args = parser.parse_args()
    write_sheet(args.out, args.rows, args.seed, shared_strings=args.shared_strings)
    print(f"wrote {args.rows} jobs to {args.out}")


if __name__ == "__main__":
    main()
