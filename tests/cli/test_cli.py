"""The command line, run as a real child process: output, exit codes, no tracebacks."""

from __future__ import annotations

import json

from hostdesk import __version__
from hostdesk.core.jobs import JOB_JSON_KEYS
from tests.conftest import ROOT, run_cli

DEMO = ROOT / "resources" / "demo" / "jobs.csv"


def _no_traceback(result):
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout


def test_version(data_dir):
    result = run_cli("--version", data_dir=data_dir)
    assert result.returncode == 0
    assert result.stdout.strip() == f"hostdesk {__version__}"


def test_import_then_list_json_has_exactly_the_agreed_keys(data_dir):
    imported = run_cli("jobs", "import", str(DEMO), data_dir=data_dir)
    assert imported.returncode == 0, imported.stderr
    result = run_cli("jobs", "list", "--json", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    jobs = json.loads(result.stdout)["jobs"]
    assert 15 <= len(jobs) <= 25
    for job in jobs:
        assert tuple(job) == JOB_JSON_KEYS
        assert job["salary_unit"] in ("month", "hour", "day", "piece", None)
        assert isinstance(job["benefits"], list)
        assert isinstance(job["urgent"], bool)
        assert job["status"] in ("open", "paused", "closed")
    hx = next(j for j in jobs if j["company"] == "海信" and j["salary_unit"] == "month")
    assert hx["salary_min"] <= hx["salary_max"]


def test_import_is_idempotent_and_dry_run_changes_nothing(data_dir, tmp_path):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("编号,岗位,企业,薪资\nA1,普工,海信,6000-8000\n", encoding="utf-8")
    assert run_cli("jobs", "import", str(sheet), data_dir=data_dir).returncode == 0
    sheet.write_text(
        "编号,岗位,企业,薪资\nA1,普工,海信,7000-9000\nA2,焊工,雷沃,面议\n", encoding="utf-8"
    )
    dry = run_cli("--lang", "en", "jobs", "import", str(sheet), "--dry-run", data_dir=data_dir)
    assert dry.returncode == 0
    assert "1 new, 1 updated, 0 unchanged" in dry.stdout
    jobs = json.loads(run_cli("jobs", "list", "--json", data_dir=data_dir).stdout)["jobs"]
    assert [(j["code"], j["salary_min"]) for j in jobs] == [("A1", 6000)]
    real = run_cli("--lang", "en", "jobs", "import", str(sheet), data_dir=data_dir)
    assert "1 new, 1 updated, 0 unchanged" in real.stdout
    jobs = json.loads(run_cli("jobs", "list", "--json", data_dir=data_dir).stdout)["jobs"]
    assert [(j["code"], j["salary_min"]) for j in jobs] == [("A1", 7000), ("A2", None)]


def test_row_problems_name_file_row_column_and_keep_valid_rows(data_dir, tmp_path):
    sheet = tmp_path / "海信.csv"
    sheet.write_text("岗位,薪资\n普工,6000-8000\n焊工,看心情\n,5000\n", encoding="gbk")
    result = run_cli("--lang", "zh_CN", "jobs", "import", str(sheet), data_dir=data_dir)
    assert result.returncode == 2  # row 4 has no title
    _no_traceback(result)
    lines = result.stderr.strip().splitlines()
    assert lines == [
        "海信.csv 第 4 行「岗位」列：岗位名称为空：请填写或删除该行",
        # Issue 15: an unread pay is a warning; the job is imported with the text as written.
        "海信.csv 第 3 行「薪资」列：薪资「看心情」按原文导入，未识别出数字：请写成 6000-8000元/月、22元/小时 或 面议 以便识别",
    ]
    jobs = json.loads(run_cli("jobs", "list", "--json", data_dir=data_dir).stdout)["jobs"]
    assert [(j["title"], j["salary_text"]) for j in jobs] == [
        ("普工", "6000-8000"),
        ("焊工", "看心情"),
    ]


def test_fatal_problem_is_one_line_exit_2_and_changes_nothing(data_dir, tmp_path):
    run_cli("jobs", "import", str(DEMO), data_dir=data_dir)
    before = run_cli("jobs", "list", "--json", data_dir=data_dir).stdout
    old_xls = tmp_path / "岗位.xls"
    old_xls.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600)
    for path in (old_xls, tmp_path / "missing.xlsx"):
        result = run_cli("--lang", "en", "jobs", "import", str(path), data_dir=data_dir)
        assert result.returncode == 2
        _no_traceback(result)
        assert len(result.stderr.strip().splitlines()) == 1
        assert path.name in result.stderr
    assert (
        "save it as .xlsx"
        in run_cli("--lang", "en", "jobs", "import", str(old_xls), data_dir=data_dir).stderr
    )
    assert run_cli("jobs", "list", "--json", data_dir=data_dir).stdout == before


def test_export_round_trips_through_import(data_dir, tmp_path):
    run_cli("jobs", "import", str(DEMO), data_dir=data_dir)
    original = json.loads(run_cli("jobs", "list", "--json", data_dir=data_dir).stdout)["jobs"]
    for name in ("out.xlsx", "out.csv"):
        out = tmp_path / name
        result = run_cli("--lang", "en", "jobs", "export", str(out), data_dir=data_dir)
        assert result.returncode == 0, result.stderr
        assert f"Jobs exported to {out}: {len(original)}" in result.stdout
        other = tmp_path / f"data-{name}"
        assert run_cli("jobs", "import", str(out), data_dir=other).returncode == 0
        listed = run_cli("jobs", "list", "--json", data_dir=other).stdout
        assert json.loads(listed)["jobs"] == original


def test_export_to_unknown_type_is_bad_input(data_dir, tmp_path):
    result = run_cli("--lang", "en", "jobs", "export", str(tmp_path / "out.pdf"), data_dir=data_dir)
    assert result.returncode == 2
    _no_traceback(result)
    assert not (tmp_path / "out.pdf").exists()


def test_lint_json_shape(data_dir, tmp_path):
    sheet = tmp_path / "jobs.csv"
    sheet.write_text(
        "编号,岗位,薪资,要求,年龄\nB1,普工,6000-8000,限男性，最好的工厂,15-40岁\nB2,焊工,面议,,18-45岁\n",
        encoding="utf-8",
    )
    run_cli("jobs", "import", str(sheet), data_dir=data_dir)
    result = run_cli("jobs", "lint", "--json", data_dir=data_dir)
    assert result.returncode == 0
    warnings = json.loads(result.stdout)
    assert all(tuple(w) == ("code", "field", "rule", "text") for w in warnings)
    found = {(w["code"], w["field"], w["rule"]) for w in warnings}
    assert ("B1", "requirements", "gender_only") in found
    assert ("B1", "requirements", "absolute_claim") in found
    assert ("B1", "age_min", "age_under_16") in found
    assert not [w for w in warnings if w["code"] == "B2"]
    text = run_cli("--lang", "en", "jobs", "lint", data_dir=data_dir)
    assert f"Warnings: {len(warnings)}" in text.stdout


def test_corrupt_settings_warns_and_still_works(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "settings.toml").write_text("[general\nlanguage=", encoding="utf-8")
    result = run_cli("--lang", "en", "jobs", "list", data_dir=data_dir)
    assert result.returncode == 0
    assert "could not be read" in result.stderr
    assert (data_dir / "settings.toml.bak").exists()


def test_data_dir_flag_beats_environment(data_dir, tmp_path):
    other = tmp_path / "flag"
    run_cli("--data-dir", str(other), "jobs", "import", str(DEMO), data_dir=data_dir)
    assert (other / "hostdesk.db").exists()
    assert not (data_dir / "hostdesk.db").exists()


def test_unsafe_database_is_refused_in_one_line(data_dir):
    # A database someone set to a journal mode we cannot trust: verification must stop us.
    import sqlite3

    data_dir.mkdir(parents=True)
    (data_dir / "hostdesk.db").write_bytes(b"")
    conn = sqlite3.connect(data_dir / "hostdesk.db")
    conn.execute(f"PRAGMA user_version = {99}")
    conn.close()
    result = run_cli("--lang", "en", "jobs", "list", data_dir=data_dir)
    assert result.returncode == 1
    _no_traceback(result)
    assert "newer HostDesk" in result.stderr


def test_data_dir_that_is_a_file_is_one_line_exit_2(tmp_path):
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    result = run_cli(
        "--lang", "en", "--data-dir", str(not_a_dir), "jobs", "list", data_dir=tmp_path
    )
    assert result.returncode == 2
    _no_traceback(result)
    assert len(result.stderr.strip().splitlines()) == 1
    assert "--data-dir" in result.stderr


def test_json_output_keeps_notices_on_stderr(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "settings.toml").write_text("[general\n", encoding="utf-8")
    (data_dir / "wordlists").mkdir()
    (data_dir / "wordlists" / "gender_only.txt").write_text("re:(\n", encoding="utf-8")
    result = run_cli("--lang", "en", "jobs", "list", "--json", data_dir=data_dir)
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"jobs": []}
    assert "could not be read" in result.stderr
    assert "line 1" in result.stderr


def test_usage_errors_name_the_program(data_dir):
    result = run_cli("--lang", "xx", "jobs", "list", data_dir=data_dir)
    assert result.returncode == 2
    assert result.stderr.startswith("usage: hostdesk")


def test_a_closed_job_is_refused_before_any_connection_to_obs(data_dir, tmp_path):
    sheet = tmp_path / "closed.csv"
    sheet.write_text("编号,岗位,企业,状态\nCL-1,仓库分拣员,顺丰,已关闭\n", encoding="utf-8")
    assert run_cli("jobs", "import", str(sheet), data_dir=data_dir).returncode == 0
    # A port nothing listens on: the refusal must come first, without trying OBS.
    result = run_cli("--obs-url", "ws://127.0.0.1:9", "live", "CL-1", data_dir=data_dir)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "CL-1" in lines[0] and "OBS" not in lines[0], lines
