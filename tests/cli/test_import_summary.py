"""`hostdesk jobs import` lists the importer's warnings and says the three row counts."""

from __future__ import annotations

from tests.conftest import run_cli


def test_import_lists_warnings_and_counts_rows(data_dir, tmp_path):
    sheet = tmp_path / "mixed.csv"
    sheet.write_text(
        "编号,岗位,薪资\nS1,普工,5000元/月\nS2,质检员,看情况\nS3,包装工🎉急招,5000元/月\n,,5000元/月\n",
        encoding="utf-8",
    )
    result = run_cli("--lang", "zh_CN", "jobs", "import", str(sheet), data_dir=data_dir)
    assert result.returncode == 2  # a row was refused
    assert "Traceback" not in result.stderr
    warnings = result.stderr.strip().splitlines()
    assert "mixed.csv 第 3 行「薪资」列：薪资「看情况」按原文导入" in warnings[1]
    assert warnings[2].startswith("mixed.csv 第 4 行「岗位」列：字卡字体里没有「🎉」")
    assert result.stdout.strip().splitlines()[-1] == (
        "行数：完整读取 1 行，带提醒读取 2 行，未导入 1 行"
    )

    dry = run_cli("--lang", "en", "jobs", "import", str(sheet), "--dry-run", data_dir=data_dir)
    assert dry.stdout.strip().splitlines()[-1] == (
        "Rows: 1 read fully, 2 read with warnings, 1 refused"
    )
