"""`hostdesk reg add/list/export`: exit codes, one-line messages, masking, the hostile corpus."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from hostdesk.cli import reg as cli_reg
from hostdesk.core.jobs import Job, JobStatus
from hostdesk.core.phone import phone_warning
from hostdesk.core.registrations import ConsentMethod, RegQuery, Source
from hostdesk.sheets.registrations_export import EXPORT_HEADERS
from tests.conftest import ROOT, run_cli

CORPUS = ROOT / "tests" / "data" / "hostile_registrations.json"
UNASSIGNED = "14012345678"  # matches ^1[3-9]\d{9}$, but no operator has the 140 range

# Runs many `hostdesk` command lines in ONE child process (a child per command costs ~1 s):
# argv lists as JSON on stdin, [{rc, out, err}] as JSON on stdout.
DRIVER = r"""
import contextlib, io, json, sys
from hostdesk import cli
results = []
for argv in json.loads(sys.stdin.read()):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = cli.main(argv)
        except SystemExit as exc:  # argparse usage errors
            rc = exc.code
    results.append({"rc": rc, "out": out.getvalue(), "err": err.getvalue()})
sys.__stdout__.write(json.dumps(results))
"""


def run_cli_batch(calls: list[list[str]], data_dir: Path) -> list[dict]:
    """Each argv through hostdesk.cli.main in one child process: exit code, stdout, stderr."""
    env = {"HOSTDESK_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-c", DRIVER], input=json.dumps(calls), capture_output=True,
        text=True, encoding="utf-8", env={**__import__("os").environ, **env}, cwd=ROOT,
        timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    return json.loads(done.stdout)


def _jobs(ctx) -> None:
    ctx.jobs.upsert_many(
        [
            Job(code="A1", title="冰箱总装普工", company="海信"),
            Job(code="B2", title="仓库分拣员", company="雷沃"),
            Job(code="HX-001", title="冰箱总装普工"),
            Job(code="HX-CLOSED", title="已招满岗位", status=JobStatus.CLOSED),
        ]
    )


def _one_line(result: dict) -> str:
    """The single stderr line of a refused command (no traceback, nothing on stdout)."""
    assert "Traceback" not in result["err"] + result["out"]
    lines = result["err"].strip().splitlines()
    assert len(lines) == 1, result["err"]
    assert result["out"] == ""
    return lines[0]


def _add(*args: str) -> list[str]:
    return ["--lang", "en", "reg", "add", *args]


def test_real_process_add_prints_the_id_and_exits_2_or_3_with_one_line(ctx, data_dir):
    _jobs(ctx)
    saved = run_cli("reg", "add", "--job", "A1", "--name", "张三丰", "--phone", "+86 138-1234-5678", data_dir=data_dir)  # fmt: skip
    assert saved.returncode == 0, saved.stderr
    reg_id = saved.stdout.strip()
    assert ctx.registrations.get(reg_id).phone == "13812345678"
    bad = run_cli("--lang", "en", "reg", "add", "--job", "A1", "--name", "张三丰", "--phone", "12345", data_dir=data_dir)  # fmt: skip
    assert bad.returncode == 2
    assert _one_line({"out": bad.stdout, "err": bad.stderr}).startswith("hostdesk: --phone: ")
    dup = run_cli("--lang", "en", "reg", "add", "--job", "A1", "--name", "张三", "--phone", "13812345678", data_dir=data_dir)  # fmt: skip
    assert dup.returncode == 3
    line = _one_line({"out": dup.stdout, "err": dup.stderr})
    assert reg_id in line and "张**" in line and "--force" in line
    assert "三丰" not in line and "13812345678" not in line
    assert ctx.registrations.count(RegQuery()) == 1


def test_invalid_options_are_one_line_naming_the_option(ctx, data_dir):
    _jobs(ctx)
    cases = [
        (_add("--job", "A1", "--name", "张三", "--phone", "13800000001", "--age", "abc"), "--age: write a whole number"),
        (_add("--job", "A1", "--name", "张三", "--phone", "13800000001", "--age", "15"), "--age: Under 16"),
        (_add("--job", "A1", "--name", "张三", "--phone", "13800000001", "--birth-year", "1900"), "--birth-year: The age must be from 16 to 80"),
        (_add("--job", "A1", "--name", "   ", "--phone", "13800000001"), "--name: Enter the person's name"),
        (_add("--job", "A1", "--name", "张" * 21, "--phone", "13800000001"), "--name: The name is longer than 20 characters"),
        (_add("--job", "A1", "--name", "张三", "--phone", ""), "--phone: Enter a mobile number"),
        (_add("--job", "A1", "--name", "张三", "--phone", "010-12345678"), "--phone: This is not a mainland mobile number"),
        (_add("--job", "NOPE", "--name", "张三", "--phone", "13800000001"), "--job: No job has this code"),
        (_add("--job", "HX-CLOSED", "--name", "张三", "--phone", "13800000001"), "--job: This job is closed"),
        (_add("--job", "A1", "--name", "张三", "--phone", "13800000001", "--source", "tiktok"), "--source: Unknown source"),
        (_add("--job", "A1", "--name", "张三", "--phone", "13800000001", "--consent", "nod"), "--consent: Record how the person agreed"),
        (_add("--job", "A1", "--name", "张三", "--phone", "13800000001", "--gender", "x"), "--gender: Gender must be"),
        (_add("--job", "A1", "--name", "张三", "--phone", "13800000001", "--note", "n" * 501), "--note: The note is longer than 500"),
        (["--lang", "en", "reg", "list", "--since", "yesterday"], "--since: write a day such as 2026-11-26"),
        (["--lang", "en", "reg", "list", "--limit", "0"], "--limit: write a whole number"),
        (["--lang", "en", "reg", "export", "out.xls"], "out.xls: sign-ups can only be exported to .xlsx or .csv"),
    ]  # fmt: skip
    results = run_cli_batch([argv for argv, _ in cases], data_dir)
    for (argv, expected), result in zip(cases, results, strict=True):
        assert result["rc"] == 2, (argv, result)
        assert _one_line(result).startswith(f"hostdesk: {expected}"), (argv, result)
    assert ctx.registrations.count(RegQuery()) == 0


def test_duplicate_and_unassigned_number_need_force(ctx, data_dir):
    _jobs(ctx)
    assert phone_warning(UNASSIGNED) == "unassigned"
    first = _add("--job", "A1", "--name", "王五", "--phone", "139 0000 0001", "--age", "17")
    results = run_cli_batch(
        [
            first,
            _add("--job", "A1", "--name", "王六", "--phone", "13900000001"),
            _add("--job", "B2", "--name", "王五", "--phone", "13900000001"),  # other job: fine
            _add("--job", "A1", "--name", "王六", "--phone", "13900000001", "--force"),
            _add("--job", "A1", "--name", "赵七", "--phone", UNASSIGNED),
            _add("--job", "A1", "--name", "赵七", "--phone", UNASSIGNED, "--force"),
        ],
        data_dir,
    )
    rcs = [r["rc"] for r in results]
    assert rcs == [0, 3, 0, 0, 3, 0]
    first_id = results[0]["out"].strip()
    assert "minor" in results[0]["err"]  # 17: saved, with the warning on stderr
    duplicate = _one_line(results[1])
    assert first_id in duplicate and "王**" in duplicate and "job A1" in duplicate
    unassigned = _one_line(results[4])
    assert "140****5678" in unassigned and "--force" in unassigned
    assert UNASSIGNED not in unassigned
    forced = ctx.registrations.get(results[5]["out"].strip())
    assert forced.phone == UNASSIGNED and forced.phone_warning_overridden
    assert ctx.registrations.count(RegQuery(job_code="A1")) == 3


def test_chinese_labels_for_source_and_consent_and_list_filters(ctx, data_dir, tmp_path):
    _jobs(ctx)
    adds = [
        _add("--job", "A1", "--name", "张三", "--phone", "13800000001", "--source", "评论", "--consent", "书面", "--gender", "女"),
        _add("--job", "A1", "--name", "李四", "--phone", "13800000002", "--source", "walk_in", "--consent", "勾选"),
        _add("--job", "B2", "--name", "王五", "--phone", "13800005678", "--source", "扫码", "--age", "３０岁"),
    ]  # fmt: skip
    lists = [
        ["reg", "list", "--json"],
        ["reg", "list", "--json", "--reveal", "--job", "A1"],
        ["reg", "list", "--json", "--source", "现场"],
        ["reg", "list", "--json", "--search", "5678"],
        ["reg", "list", "--json", "--search", "仓库"],
        ["reg", "list", "--json", "--since", "2000-01-01", "--until", "2000-12-31"],
        ["reg", "list", "--json", "--until", "2999-01-01 00:00", "--limit", "2"],
        ["--lang", "en", "reg", "list"],
    ]
    results = run_cli_batch(adds + lists, data_dir)
    assert [r["rc"] for r in results] == [0] * len(results), results
    ids = [r["out"].strip() for r in results[:3]]
    stored = [ctx.registrations.get(i) for i in ids]
    assert (stored[0].source, stored[0].consent_method, stored[0].gender) == (
        Source.COMMENT, ConsentMethod.WRITTEN, "female",
    )  # fmt: skip
    assert (stored[1].source, stored[1].consent_method) == (Source.WALK_IN, ConsentMethod.CHECKBOX)
    assert (stored[2].source, stored[2].age) == (Source.QR, 30)

    every, a1, walk_in, by_phone, by_title, old, limited = (
        json.loads(r["out"]) for r in results[3:10]
    )
    assert [r["id"] for r in every] == ids[::-1]  # newest first
    for row in every:
        assert tuple(row) == cli_reg.JSON_KEYS == (
            "id", "job_code", "name", "phone", "age", "source", "consent_method", "status",
            "created_at", "sync_state",
        )  # fmt: skip
        assert row["status"] == "active" and row["sync_state"] == "pending"
    assert [(r["name"], r["phone"]) for r in every] == [
        ("王**", "138****5678"), ("李**", "138****0002"), ("张**", "138****0001"),
    ]  # fmt: skip
    assert [(r["name"], r["phone"]) for r in a1] == [("李四", "13800000002"), ("张三", "13800000001")]  # fmt: skip
    assert [r["id"] for r in walk_in] == [ids[1]]
    assert [r["id"] for r in by_phone] == [ids[2]]
    assert [r["id"] for r in by_title] == [ids[2]]
    assert old == [] and len(limited) == 2
    table = results[10]["out"]
    assert "张**" in table and "138****0001" in table and "Comment" in table
    assert "张三" not in table and "13800000001" not in table
    assert table.splitlines()[-1] == "Shown: 3 of 3"


FORMULA = '=HYPERLINK("http://example.com", "点我")'


def test_export_writes_xlsx_and_csv_and_prints_the_count(ctx, data_dir, tmp_path):
    _jobs(ctx)
    xlsx, csv_path = tmp_path / "登记.xlsx", tmp_path / "masked.csv"
    results = run_cli_batch(
        [
            _add("--job", "A1", "--name", "张三", "--phone", "13800000001", "--note", FORMULA),
            _add("--job", "B2", "--name", "李四", "--phone", "13800000002"),
            ["--lang", "en", "reg", "export", str(xlsx)],
            ["--lang", "en", "reg", "export", str(csv_path), "--masked", "--job", "A1"],
            ["--lang", "en", "reg", "export", str(tmp_path / "no-such-dir" / "x.xlsx")],
        ],
        data_dir,
    )
    assert [r["rc"] for r in results] == [0, 0, 0, 0, 2]
    assert results[2]["out"].strip() == f"Sign-ups exported to {xlsx}: 2"
    assert results[3]["out"].strip().endswith(": 1")
    assert "x.xlsx" in _one_line(results[4])
    sheet = load_workbook(xlsx, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == EXPORT_HEADERS
    assert {(r[1], r[4], r[5]) for r in rows[1:]} == {
        ("A1", "张三", "13800000001"), ("B2", "李四", "13800000002"),
    }  # fmt: skip
    with csv_path.open(encoding="utf-8-sig", newline="") as f:
        masked = list(csv.reader(f))
    assert masked[1][4:6] == ["张**", "138****0001"]
    assert masked[1][11] == "'" + FORMULA  # never a formula when Excel opens it
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp files left


def _option_args(entry: dict) -> list[str]:
    """A corpus entry as `reg add` options; "--opt=value" so values starting "-" stay values."""
    options = {**cli_reg.OPTIONS, "consent_method": "--consent"}
    args = []
    for field, value in entry.items():
        if field in options and value is not None:
            args.append(f"{options[field]}={value}")
    if entry.get("override_phone_warning"):
        args.append("--force")
    return args


def test_hostile_corpus_through_the_cli_is_stored_exactly_or_refused_in_one_line(ctx, data_dir):
    from hostdesk.messages import REG_PROBLEMS

    corpus = json.loads(CORPUS.read_text(encoding="utf-8"))
    for job in corpus["jobs"]:
        ctx.jobs.insert(Job(code=job["code"], title=job["title"], status=JobStatus(job["status"])))
    entries = corpus["entries"]
    assert len(entries) >= 100
    results = run_cli_batch([_add(*_option_args(e)) for e in entries], data_dir)
    stored = 0
    for entry, result in zip(entries, results, strict=True):
        what = entry["what"]
        if entry["expect"] == "stored":
            assert result["rc"] == 0, (what, result)
            assert "Traceback" not in result["err"]
            reg = ctx.registrations.get(result["out"].strip())
            assert reg is not None, what
            stored += 1
            assert reg.phone == entry.get("phone_stored", entry["phone"]), what
            for field in ("name", "note", "current_city", "expected_city", "notice_version"):
                if field in entry:
                    assert getattr(reg, field) == _stored_text(entry, field), what
            for field in ("age", "birth_year", "gender"):
                if field in entry:
                    assert getattr(reg, field) == entry[field], what
            for field in ("source", "consent_method"):
                if field in entry:
                    assert str(getattr(reg, field)) == entry[field], what
            continue
        line = _one_line(result)
        if entry["expect"] == "phone_unassigned":
            assert result["rc"] == 3 and "--force" in line, (what, line)
            continue
        assert result["rc"] == 2, (what, result)
        # The English source text up to its first placeholder: the reason's own message.
        message = REG_PROBLEMS[entry["expect"]].split("{")[0]
        assert message in line, (what, line)
    assert stored == sum(e["expect"] == "stored" for e in entries)
    with ctx.db.engine.connect() as conn:  # nothing half-written: a row and an event each
        regs = conn.exec_driver_sql("SELECT count(*) FROM registrations").scalar_one()
        events = conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar_one()
    assert regs == events == stored


def _stored_text(entry: dict, field: str) -> str:
    """What the desk keeps of a typed text: the corpus's `<field>_stored` (invisible format
    characters removed) or the text without its surrounding whitespace."""
    return entry.get(f"{field}_stored", entry[field].strip())
