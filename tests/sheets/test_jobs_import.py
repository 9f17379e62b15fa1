"""plan_import: rows to jobs, per-row problems with row and column, duplicate and generated codes."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from hostdesk.core.age import age_label
from hostdesk.core.jobs import JobStatus, make_code
from hostdesk.core.salary import Pay, PayUnit, format_pay
from hostdesk.sheets.jobs_import import RowProblem, plan_import, split_benefits

NOW = datetime(2024, 8, 26, 19, 30, tzinfo=UTC)
FULL_HEADER = [
    "编号", "岗位名称", "用工企业", "工作地点", "工价", "福利待遇", "招聘人数", "年龄要求", "班次",
    "任职要求", "岗位亮点", "报名链接", "是否急招", "状态",
]  # fmt: skip


def full_row(**cells: str) -> list[str]:
    values = {
        "编号": "HX-001",
        "岗位名称": " 冰箱总装普工 ",
        "用工企业": "海信",
        "工作地点": "青岛",
        "工价": "6000-8000元/月",
        "福利待遇": "包吃住、五险一金、班车",
        "招聘人数": "150人",
        "年龄要求": "18-45岁",
        "班次": "两班倒",
        "任职要求": "身体健康\n能适应流水线作业",
        "岗位亮点": "中央空调车间",
        "报名链接": "https://example.com/s/HX-001",
        "是否急招": "是",
        "状态": "招聘中",
    }
    values.update(cells)
    return [values[h] for h in FULL_HEADER]


def plan_of(make_csv, rows, **kwargs):
    return plan_import(make_csv(rows, **kwargs), now=NOW)


def test_a_full_row_becomes_a_job(make_csv):
    plan = plan_of(make_csv, [["海信2024秋季招聘岗位表"], FULL_HEADER, full_row()])
    assert plan.problems == []
    assert (plan.header_row, plan.rows_total) == (2, 1)
    assert plan.columns["title"] == "岗位名称"
    row, job = plan.jobs[0]
    assert row == 3
    assert (job.code, job.title, job.company, job.city) == (
        "HX-001",
        "冰箱总装普工",
        "海信",
        "青岛",
    )
    assert (job.pay.min, job.pay.max, job.pay.unit) == (6000, 8000, PayUnit.MONTH)
    assert job.pay.text == "6000-8000元/月"
    assert job.benefits == ("包吃住", "五险一金", "班车")
    assert (job.headcount, job.age_min, job.age_max) == (150, 18, 45)
    assert (job.shift, job.highlights) == ("两班倒", "中央空调车间")
    assert job.requirements == "身体健康\n能适应流水线作业"
    assert job.signup_url == "https://example.com/s/HX-001"
    assert (job.urgent, job.status, job.updated_at) == (True, JobStatus.OPEN, NOW)


def test_only_a_title_is_required(make_csv):
    plan = plan_of(make_csv, [["工种"], ["叉车司机"]])
    job = plan.jobs[0][1]
    assert job.pay.is_missing
    assert (job.headcount, job.age_min, job.age_max, job.urgent) == (None, None, None, False)
    assert (job.status, job.code) == (JobStatus.OPEN, make_code("", "叉车司机", ""))


def test_xlsx_numbers_are_read_like_text(make_xlsx):
    path = make_xlsx([["岗位", "工价", "人数", "急招"], ["普工", 22.5, 30, 1]])
    job = plan_import(path).jobs[0][1]
    assert (job.pay.min, job.pay.unit, job.pay.text) == (22.5, PayUnit.HOUR, "22.5")
    assert (job.headcount, job.urgent) == (30, True)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("包吃住、五险一金、餐补", ("包吃住", "五险一金", "餐补")),
        ("包吃住，五险一金,餐补", ("包吃住", "五险一金", "餐补")),
        ("包吃住/五险一金／餐补", ("包吃住", "五险一金", "餐补")),
        ("包吃住;五险一金；餐补", ("包吃住", "五险一金", "餐补")),
        ("包吃住 五险一金\u3000餐补\n班车", ("包吃住", "五险一金", "餐补", "班车")),
        ("、包吃住、、五险一金、包吃住 ", ("包吃住", "五险一金")),
        ("４－６人间、夫妻间", ("4-6人间", "夫妻间")),
        ("", ()),
    ],
)
def test_benefits_split_dedupe_and_keep_order(cell, expected):
    assert split_benefits(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("30", 30),
        ("30人", 30),
        ("招30人", 30),
        ("３０名", 30),
        ("0", 0),
        ("若干", None),
        ("不限", None),
        ("", None),
    ],
)
def test_headcount_accepted(make_csv, cell, expected):
    plan = plan_of(make_csv, [["岗位", "招聘人数"], ["普工", cell]])
    assert plan.problems == []
    assert plan.jobs[0][1].headcount == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        *[(word, True) for word in ("是", "Y", "yes", "TRUE", "1", "✓", "√", "急", "急招")],
        *[(word, False) for word in ("否", "n", "No", "false", "0", "")],
    ],
)
def test_urgent_words(make_csv, cell, expected):
    plan = plan_of(make_csv, [["岗位", "急招"], ["普工", cell]])
    assert plan.problems == []
    assert plan.jobs[0][1].urgent is expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        *[(word, "open") for word in ("招聘中", "开放", "OPEN", "")],
        *[(word, "paused") for word in ("暂停", "Paused")],
        *[(word, "closed") for word in ("关闭", "已关闭", "停招", "closed")],
    ],
)
def test_status_words(make_csv, cell, expected):
    plan = plan_of(make_csv, [["岗位", "状态"], ["普工", cell]])
    assert plan.problems == []
    assert plan.jobs[0][1].status == JobStatus(expected)


def test_every_problem_reason_with_row_and_column(make_csv):
    # Issue 15: only a missing title or a code clash keeps a row out; every other problem is a
    # warning naming the cell, on a job imported with that cell's text kept as written.
    rows = [
        ["海信2024秋季招聘岗位表"],
        [],
        FULL_HEADER,
        full_row(岗位名称="", 编号="A-1"),  # row 4
        full_row(编号="A-2", 工价="面谈再说"),
        full_row(编号="A-3", 工价="8000-6000"),
        full_row(编号="A-4", 年龄要求="十八岁左右"),
        full_row(编号="A-5", 年龄要求="45-18岁"),
        full_row(编号="A-6", 年龄要求="18-120岁"),
        full_row(编号="A-7", 招聘人数="十个"),
        full_row(编号="HX 001"),
        full_row(编号="A-9", 状态="招满了"),
        full_row(编号="A-10", 是否急招="看情况"),
        full_row(编号="A-11"),  # row 14, valid
        full_row(编号="A-11"),  # row 15, duplicate of row 14
    ]
    plan = plan_of(make_csv, rows)
    refused = {(p.row, p.column, p.field, p.reason, p.text, p.first_row) for p in plan.problems}
    assert refused == {
        (4, "岗位名称", "title", "title_missing", "", None),
        (15, "编号", "code", "duplicate_code", "A-11", 14),
    }
    warned = {(p.row, p.column, p.field, p.reason, p.text) for p in plan.warnings}
    assert warned == {
        (5, "工价", "salary", "pay_unread", "面谈再说"),
        (6, "工价", "salary", "pay_min_gt_max", "8000-6000"),
        (7, "年龄要求", "age", "age_unread", "十八岁左右"),
        (8, "年龄要求", "age", "age_min_gt_max", "45-18岁"),
        (9, "年龄要求", "age", "age_out_of_range", "18-120岁"),
        (10, "招聘人数", "headcount", "headcount_invalid", "十个"),
        (11, "编号", "code", "code_replaced", "HX 001"),
        (12, "状态", "status", "status_paused", "招满了"),
        (13, "是否急招", "urgent", "urgent_invalid", "看情况"),
    }
    assert [row for row, _ in plan.jobs] == list(range(5, 15))
    assert plan.rows_total == 12
    assert (plan.rows_read_fully, plan.rows_with_warnings, plan.rows_refused) == (1, 9, 2)
    jobs = dict(plan.jobs)
    assert (jobs[5].pay.text, jobs[5].pay.is_read, format_pay(jobs[5].pay)) == (
        "面谈再说", False, "面谈再说",
    )  # fmt: skip
    assert (jobs[6].pay.min, jobs[6].pay.max, jobs[6].pay.text) == (None, None, "8000-6000")
    assert (jobs[7].age_min, jobs[7].age_max, jobs[7].age_text) == (None, None, "十八岁左右")
    assert "十八岁左右" not in jobs[7].requirements  # shown once, as the age
    assert jobs[8].age_text == "45-18岁"
    assert jobs[10].headcount is None
    assert jobs[11].code == make_code(jobs[11].company, jobs[11].title, jobs[11].city)
    assert jobs[12].status is JobStatus.PAUSED
    assert jobs[13].urgent is False


def test_warnings_read_as_messages_naming_the_cell(make_csv):
    plan = plan_of(make_csv, [["岗位", "工价", "年龄"], ["普工", "看情况", "十八岁左右"]])
    assert [w.message for w in plan.warnings] == [
        "Row 2, column 工价: the pay '看情况' is imported as written, without figures. "
        "Write it like 6000-8000元/月, 22元/小时 or 面议 to have it read.",
        "Row 2, column 年龄: the age '十八岁左右' is imported as written, without a band. "
        "Write it like 18-45岁 or 45岁以下 to have it read.",
    ]
    assert not any(w.refuses_row for w in plan.warnings)


CORPUS = Path(__file__).resolve().parents[1] / "data" / "postings" / "postings.jsonl"


def _corpus_row(row_id: str) -> dict:
    with CORPUS.open(encoding="utf-8") as lines:
        return next(row for row in map(json.loads, lines) if row["id"] == row_id)


def test_an_unread_age_from_a_real_posting_is_kept_as_written(make_csv):
    # ssjzw-97995, a real posting: its age remark 身高年龄可根据个人形象而定 as an employer's
    # 年龄 cell holds it; the reader finds no band in it.
    posting = _corpus_row("ssjzw-97995")
    age = re.search(r"年龄可根据个人形象而定", posting["text"]).group(0)
    plan = plan_of(make_csv, [["岗位", "薪资", "年龄要求"], [posting["title"], "面议", age]])
    assert plan.problems == []
    assert [(w.row, w.column, w.field, w.reason, w.text) for w in plan.warnings] == [
        (2, "年龄要求", "age", "age_unread", age)
    ]
    assert plan.warnings[0].message.startswith(f"Row 2, column 年龄要求: the age {age!r} ")
    ((_row, job),) = plan.jobs
    assert (job.age_min, job.age_max, job.age_text) == (None, None, age)
    assert job.requirements == ""  # shown once, as the age, not again in the requirements
    assert age_label(job.age_min, job.age_max, job.age_text) == age


def test_a_read_age_keeps_its_words_too(make_csv):
    # As the pay does: the band for the card, the words for export and the page's source.
    plan = plan_of(make_csv, [["岗位", "年龄"], ["普工", "16—35周岁"]])
    ((_row, job),) = plan.jobs
    assert (job.age_min, job.age_max, job.age_text) == (16, 35, "16—35周岁")
    assert plan.warnings == []


@pytest.mark.parametrize("cell", ["-3", "3.5", "十个", "30人左右"])
def test_headcount_unread_is_a_warning(make_csv, cell):
    plan = plan_of(make_csv, [["岗位", "人数"], ["普工", cell], ["普工2", "10-20人"]])
    assert [(p.row, p.reason, p.text) for p in plan.warnings] == [
        (2, "headcount_invalid", cell),
        (3, "headcount_invalid", "10-20人"),
    ]
    assert plan.problems == []
    assert [job.headcount for _, job in plan.jobs] == [None, None]


def test_negative_pay_is_kept_as_written(make_csv):
    plan = plan_of(make_csv, [["岗位", "薪资"], ["普工", "-5000"]])
    assert [p.reason for p in plan.warnings] == ["pay_unread"]
    assert plan.jobs[0][1].pay == Pay(text="-5000")


def test_employer_notations_are_read_without_warnings(make_csv):
    rows = [
        ["岗位", "薪资", "年龄"],
        ["普工", "月薪3500元左右", "25--45岁"],
        ["操作工", "底薪3500+提成", "18-"],
        ["包装工", "试用期3200元/月，转正3500元/月", "男:18-38岁 女:18-40岁"],
        ["主管", "年薪5-10万", "45岁以下"],
        ["普工2", "工资面试", "-36"],
    ]
    plan = plan_of(make_csv, rows)
    assert plan.problems == [] and plan.warnings == []
    got = [(j.pay.min, j.pay.max, j.pay.unit, j.age_min, j.age_max) for _, j in plan.jobs]
    assert got == [
        (3500, 3500, PayUnit.MONTH, 25, 45),
        (3500, None, PayUnit.MONTH, 18, None),
        (3200, 3500, PayUnit.MONTH, 18, 40),
        (50000, 100000, PayUnit.YEAR, None, 45),
        (None, None, None, None, 36),
    ]
    assert plan.jobs[4][1].pay.is_negotiable
    assert (plan.rows_read_fully, plan.rows_with_warnings, plan.rows_refused) == (5, 0, 0)


@pytest.mark.parametrize(
    ("cell", "requirements"),
    [
        ("男", "身体健康\n性别：男"),
        ("限女性", "身体健康\n性别：限女性"),
        ("不限", "身体健康"),
        ("", "身体健康"),
    ],
)
def test_a_sex_column_reaches_the_requirements_for_the_lint(make_csv, cell, requirements):
    plan = plan_of(make_csv, [["岗位", "性别", "要求"], ["普工", cell, "身体健康"]])
    assert plan.jobs[0][1].requirements == requirements


def test_a_row_reports_all_its_problems_and_is_not_imported(make_csv):
    rows = [["职位", "薪资", "年龄", "人数", "急招"], ["", "abc", "60-20", "很多", "?"]]
    plan = plan_of(make_csv, rows)
    assert plan.jobs == []
    assert [(p.row, p.reason) for p in plan.problems] == [
        (2, "title_missing"),
        (2, "pay_unread"),
        (2, "age_min_gt_max"),
        (2, "headcount_invalid"),
        (2, "urgent_invalid"),
    ]
    assert plan.warnings == [] and plan.rows_refused == 1


def test_codes_are_nfkc_and_stripped_and_blank_codes_are_generated(make_csv):
    rows = [["编号", "岗位", "企业", "地点"], [" ＨＸ－００１ ", "普工", "海信", "青岛"]]
    rows.append(["", "焊工", "澳柯玛", "青岛"])
    plan = plan_of(make_csv, rows)
    assert plan.problems == []
    assert [job.code for _, job in plan.jobs] == ["HX-001", make_code("澳柯玛", "焊工", "青岛")]


def test_duplicate_codes_first_row_wins(make_csv):
    rows = [
        ["编号", "岗位"],
        ["HX-1", "普工"],
        ["HX-2", "焊工"],
        ["HX-1", "仓管"],
        ["HX-1", "叉车"],
    ]
    plan = plan_of(make_csv, rows)
    assert [(row, job.title) for row, job in plan.jobs] == [(2, "普工"), (3, "焊工")]
    assert [(p.row, p.reason, p.text, p.first_row) for p in plan.problems] == [
        (4, "duplicate_code", "HX-1", 2),
        (5, "duplicate_code", "HX-1", 2),
    ]


def test_repeated_rows_without_codes_clash_as_whole_rows(make_csv):
    rows = [["岗位", "企业", "地点"], ["普工", "海信", "青岛"], ["普工", "海信", "青岛"]]
    problem = plan_of(make_csv, rows).problems[0]
    assert (problem.row, problem.column, problem.reason, problem.first_row) == (
        3,
        "",
        "duplicate_code",
        2,
    )
    assert problem.text == make_code("海信", "普工", "青岛")


def test_generated_codes_are_stable_across_reads_formats_and_spacing(make_csv, make_xlsx):
    rows = [["岗位", "企业", "地点"], ["冰箱总装普工", "海信", "青岛"], ["焊工", "澳柯玛", "青岛"]]
    first = plan_import(make_csv(rows))
    second = plan_import(make_csv(rows), now=NOW)
    as_xlsx = plan_import(make_xlsx(rows))
    spaced = [rows[0], [" 冰箱总装普工", "海信 ", "青岛"], ["焊工", "澳柯玛", " 青岛"]]
    respaced = plan_import(make_csv(spaced, name="spaced.csv"))
    codes = [[job.code for _, job in plan.jobs] for plan in (first, second, as_xlsx, respaced)]
    assert codes[0] == codes[1] == codes[2] == codes[3]
    assert len(set(codes[0])) == 2


def test_rows_empty_in_every_recognised_column_are_skipped_silently(make_csv):
    rows = [["岗位", "企业", "备注"], ["普工", "海信", ""], ["", "", "制表人：王"], ["", " ", ""]]
    plan = plan_of(make_csv, rows)
    assert (len(plan.jobs), plan.problems, plan.rows_total) == (1, [], 1)


def test_a_header_without_data_plans_nothing(make_csv):
    plan = plan_of(make_csv, [["岗位", "企业"]])
    assert (plan.jobs, plan.problems, plan.rows_total, plan.header_row) == ([], [], 0, 1)


@pytest.mark.parametrize(
    "problem",
    [
        RowProblem(4, "岗位名称", "title", "title_missing", ""),
        RowProblem(4, "", "title", "title_missing", ""),
        RowProblem(5, "工价", "salary", "pay_unparseable", "面谈"),
        RowProblem(6, "工价", "salary", "pay_min_gt_max", "8000-6000"),
        RowProblem(7, "年龄", "age", "age_unparseable", "十八"),
        RowProblem(8, "年龄", "age", "age_min_gt_max", "45-18"),
        RowProblem(9, "年龄", "age", "age_out_of_range", "18-120"),
        RowProblem(10, "人数", "headcount", "headcount_invalid", "十个"),
        RowProblem(11, "编号", "code", "code_invalid", "HX 001"),
        RowProblem(12, "编号", "code", "duplicate_code", "HX-1", first_row=3),
        RowProblem(13, "状态", "status", "status_invalid", "招满了"),
        RowProblem(14, "急招", "urgent", "urgent_invalid", "看情况"),
    ],
)
def test_problem_messages_name_row_cell_and_fix(problem):
    message = problem.message
    assert message.startswith(f"Row {problem.row}")
    assert problem.text in message
    if problem.column:
        assert problem.column in message
    if problem.first_row:
        assert f"row {problem.first_row}" in message
    assert "{" not in message and message.endswith(".")
    assert len(message.split(". ")) >= 2, "a message says what is wrong and what to do"


def test_5000_row_xlsx_plans_every_row(tmp_path):
    # Correctness at size only; the timing lives in bench/ (timed tests flake on shared CI).
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["海信2024秋季招聘岗位表"])
    sheet.append(FULL_HEADER)
    for i in range(5000):
        sheet.append(
            full_row(编号=f"HX-{i:04d}", 招聘人数=str(i % 300), 工价=f"{20 + i % 9}元/小时")
        )
    path = tmp_path / "big.xlsx"
    workbook.save(path)
    plan = plan_import(path, now=NOW)
    assert (len(plan.jobs), plan.problems) == (5000, [])
    assert plan.jobs[-1][0] == 5002  # the sheet row, after the title and header rows
