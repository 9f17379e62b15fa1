"""export_jobs: xlsx and CSV that Excel opens and plan_import reads back unchanged; atomic writes."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from hostdesk import fileio
from hostdesk.core.jobs import Job, JobStatus, make_code
from hostdesk.core.salary import Pay, PayUnit, parse_pay
from hostdesk.sheets import jobs_export
from hostdesk.sheets.jobs_export import EXPORT_HEADERS, export_jobs
from hostdesk.sheets.jobs_import import plan_import
from hostdesk.sheets.reader import SheetError, field_for_header


def sample_jobs() -> list[Job]:
    return [
        Job(
            code="HX-001",
            title="冰箱总装普工",
            company="海信",
            city="青岛",
            pay=parse_pay("6000-8000元/月"),
            benefits=("包吃住", "五险一金", "4-6人间"),
            headcount=150,
            age_min=18,
            age_max=45,
            age_text="18-45周岁",
            shift="两班倒",
            requirements='身体健康，能适应流水线作业\n"有经验优先", 可带朋友一起',
            highlights="中央空调车间",
            signup_url="https://example.com/s/HX-001?src=live&x=1",
            urgent=True,
        ),
        Job(
            code="AKM-7",
            title="焊工",
            company="澳柯玛",
            city="青岛",
            pay=parse_pay("22.5元/小时"),
            headcount=0,
            age_max=50,
            age_text="50岁以下",
            status=JobStatus.PAUSED,
        ),
        Job(
            code="LW-003",
            title="机加工操作工",
            pay=parse_pay("3800底薪+计件"),
            age_min=18,
            age_text="年满18",
        ),
        # An age the reader cannot turn into a band (words of a real posting in the corpus,
        # ssjzw-97995): kept as written, no band.
        Job(
            code="AKM-001",
            title="冷柜装配工",
            pay=parse_pay("综合工资6500+"),
            age_text="年龄可根据个人形象而定",
        ),
        Job(
            code="QC-003",
            title="物料员",
            pay=parse_pay("面议"),
            requirements="=会用电脑 (not a formula)",
            status=JobStatus.CLOSED,
        ),
        Job(code=make_code("", "叉车司机", ""), title="叉车司机", pay=parse_pay("260元/天")),
    ]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_round_trips(tmp_path, suffix):
    jobs = sample_jobs()
    path = tmp_path / f"岗位导出{suffix}"
    assert export_jobs(iter(jobs), path) == len(jobs)
    plan = plan_import(path, now=datetime(2030, 1, 1, tzinfo=UTC))
    assert plan.problems == []
    assert plan.rows_total == len(jobs)
    imported = [job for _, job in plan.jobs]
    assert len(imported) == len(jobs)
    for original, again in zip(jobs, imported, strict=True):
        assert again.content_equal(original), (original, again)
    # The unread age comes back as written, with no band, and the import says so again.
    assert [(w.row, w.reason, w.text) for w in plan.warnings] == [
        (5, "age_unread", "年龄可根据个人形象而定")
    ]
    assert (imported[3].age_min, imported[3].age_max) == (None, None)


def test_csv_has_bom_crlf_and_the_chinese_headers(tmp_path):
    path = tmp_path / "jobs.csv"
    export_jobs(sample_jobs()[:2], path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf" + ",".join(EXPORT_HEADERS).encode() + b"\r\n")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[-1] == ""
    assert "是" in lines[1] and "暂停" in data.decode("utf-8-sig")


def test_xlsx_headers_numbers_and_text_cells(tmp_path):
    path = tmp_path / "jobs.xlsx"
    export_jobs(sample_jobs(), path)
    workbook = load_workbook(path)
    sheet = workbook.active
    assert [cell.value for cell in sheet[1]] == list(EXPORT_HEADERS)
    assert sheet["G2"].value == 150  # headcount stays a number Excel can sum
    assert sheet["F2"].value == "包吃住、五险一金、4-6人间"
    assert sheet["H2"].value == "18-45周岁"  # the age as the sheet wrote it
    assert sheet["H5"].value == "年龄可根据个人形象而定"  # unread: still exported as written
    assert sheet["J6"].data_type == "s"  # "=..." stays text, not a formula
    assert [sheet.cell(row=r, column=14).value for r in (2, 3, 6)] == ["招聘中", "暂停", "已关闭"]


def test_every_export_header_is_one_the_importer_knows():
    fields = [field_for_header(header) for header in EXPORT_HEADERS]
    assert None not in fields
    assert len(set(fields)) == len(EXPORT_HEADERS)


def test_age_without_sheet_text_exports_the_formatted_band(tmp_path):
    job = Job(code="X-1", title="普工", age_min=18, age_max=45)  # e.g. from the hub's API
    path = tmp_path / "jobs.csv"
    export_jobs([job], path)
    assert ",18-45岁," in path.read_text("utf-8-sig")


def test_pay_without_sheet_text_exports_the_formatted_pay(tmp_path):
    job = Job(code="X-1", title="普工", pay=Pay(6000, 8000, PayUnit.MONTH))
    path = tmp_path / "jobs.csv"
    export_jobs([job], path)
    assert "6000-8000元/月" in path.read_text("utf-8-sig")


@pytest.mark.parametrize("name", ["jobs.xls", "jobs.txt", "jobs", "jobs.xlsx.bak"])
def test_unknown_suffix_raises_and_writes_nothing(tmp_path, name):
    with pytest.raises(SheetError) as caught:
        export_jobs(sample_jobs(), tmp_path / name)
    assert caught.value.reason == "wrong_type"
    assert list(tmp_path.iterdir()) == []


def test_suffix_case_does_not_matter(tmp_path):
    assert export_jobs(sample_jobs()[:1], tmp_path / "JOBS.XLSX") == 1
    assert plan_import(tmp_path / "JOBS.XLSX").jobs[0][1].code == "HX-001"


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "jobs.csv"
    export_jobs(sample_jobs()[:1], path)
    before = path.read_bytes()

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "replace", disk_full)
    with pytest.raises(SheetError) as caught:
        export_jobs(sample_jobs(), path)
    assert (caught.value.reason, caught.value.detail) == ("unwritable", "No space left on device")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jobs.csv"]


def test_an_error_while_writing_leaves_no_file(tmp_path, monkeypatch):
    def broken(rows, out):
        out.write(b"half a sheet")
        raise RuntimeError("writer crashed")

    monkeypatch.setattr(jobs_export, "_write_xlsx", broken)
    with pytest.raises(RuntimeError):
        export_jobs(sample_jobs(), tmp_path / "jobs.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_unwritable(tmp_path):
    with pytest.raises(SheetError) as caught:
        export_jobs(sample_jobs(), tmp_path / "no" / "such" / "jobs.xlsx")
    assert caught.value.reason == "unwritable"
    assert "jobs.xlsx" in caught.value.message


def test_export_replaces_an_existing_file(tmp_path):
    path = tmp_path / "jobs.xlsx"
    export_jobs(sample_jobs(), path)
    export_jobs(sample_jobs()[:1], path)
    assert len(plan_import(path).jobs) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["jobs.xlsx"]


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_export_keeps_usual_file_permissions(tmp_path):
    # mkstemp creates 0600 files; a shared export folder expects the umask's usual mode.
    path = tmp_path / "jobs.csv"
    export_jobs(sample_jobs(), path)
    umask = os.umask(0)
    os.umask(umask)
    assert Path(path).stat().st_mode & 0o777 == 0o666 & ~umask
