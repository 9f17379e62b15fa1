"""Catalogue benchmarks: CLI import and list, and GUI start-up, with 5,000 jobs; Markdown out."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

from make_catalogue import write_sheet

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent  # first on the children's path: see RESULTS.md on the editable install
PY = sys.executable
TIMEOUT = 180

# (key, label, target in seconds or None); the order of the table.
ROWS = (
    ("import_cli", "`hostdesk jobs import` 5,000-row xlsx (child process)", 5.0),
    ("import_read", "  in-process: `read_table` (openpyxl read of the sheet)", None),
    ("import_read_sst", "  in-process: `read_table`, same sheet with Excel's sharedStrings", None),
    ("import_plan_table", "  in-process: `plan_table` (cells to jobs)", None),
    ("import_plan", "  in-process: `plan_import` = the two above", None),
    ("import_upsert", "  in-process: `upsert_many` (DB write, one transaction)", None),
    ("list_cli", "`hostdesk jobs list --json`, 5,000 jobs (child process)", 1.0),
    ("floor_pass", "  floor: `python -c pass`", None),
    ("floor_sqlmodel", '  floor: `python -c "import sqlmodel"`', None),
    ("gui_imported", "  GUI, since spawn: imports done (PySide6, hostdesk.ui)", None),
    ("gui_qapp+i18n", "  GUI, since spawn: QApplication + settings + translator", None),
    ("gui_store opened", "  GUI, since spawn: `app.build` (store opened)", None),
    ("gui_window built", "  GUI, since spawn: `MainWindow(...)` constructed", None),
    ("gui_window shown", "GUI start to window shown, 5,000 jobs (child process)", 1.5),
    ("gui_first paint", "  GUI, since spawn: first paint of the window", None),
    ("gui_catalogue loaded", "GUI start to catalogue loaded, 5,000 rows in the model", None),
    ("gui_session loaded", "GUI start to session and rundown loaded", None),
    ("gui_interactive", "GUI start to interactive (shown, catalogue and session loaded)", None),
)


def child_env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ, HOSTDESK_DATA_DIR=str(data_dir))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def timed_run(argv: list[str], data_dir: Path) -> tuple[float, str]:
    """Wall time of a child process from spawn to exit, and its stdout; a failure raises."""
    start = time.perf_counter()
    done = subprocess.run(
        argv, cwd=REPO, env=child_env(data_dir), capture_output=True, text=True, timeout=TIMEOUT
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{argv} exited {done.returncode}: {done.stderr[-2000:]}")
    return elapsed, done.stdout


def cli_argv(data_dir: Path, *args: str) -> list[str]:
    return [PY, "-m", "hostdesk", "--data-dir", str(data_dir), *args]


def startup(data_dir: Path, rows: int) -> dict[str, float]:
    """Spawn the probe; each line it prints is timestamped here, from just before the spawn.

    A returning user's start: without a settings file the first-run guide would open and
    wait for a click, so one with `first_run_done` is written first.
    """
    from hostdesk.config import SETTINGS_FILE, Settings, save_settings

    if not (data_dir / SETTINGS_FILE).exists():
        settings = Settings()
        settings.general.first_run_done = True
        save_settings(data_dir, settings)
    start = time.perf_counter()
    probe = subprocess.Popen(
        [PY, str(BENCH / "startup_probe.py")],
        cwd=REPO,
        env=child_env(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    watchdog = threading.Timer(TIMEOUT, probe.kill)
    watchdog.start()
    marks: dict[str, float] = {}
    try:
        for line in probe.stdout:
            now = time.perf_counter() - start
            phase, _, detail = line.rstrip("\n").partition("\t")
            marks[f"gui_{phase}"] = now
            if phase == "catalogue loaded" and detail != f"{rows} {rows}":
                raise RuntimeError(f"model holds {detail} rows, expected {rows}")
    finally:
        watchdog.cancel()
        code = probe.wait()
    if code != 0 or "gui_interactive" not in marks:
        raise RuntimeError(f"startup probe exited {code} after {sorted(marks)}")
    return marks


def in_process_import(sheet: Path, data_dir: Path) -> dict[str, float]:
    """What CatalogueService.import_file does, step by step (modules already imported)."""
    from hostdesk import app
    from hostdesk.sheets.jobs_import import plan_table
    from hostdesk.sheets.reader import read_table

    ctx = app.build(data_dir)
    try:
        t0 = time.perf_counter()
        table = read_table(sheet)
        t1 = time.perf_counter()
        plan = plan_table(table)
        t2 = time.perf_counter()
        result = ctx.catalogue.repo.upsert_many([job for _row, job in plan.jobs])
        t3 = time.perf_counter()
    finally:
        ctx.close()
    if result.created != len(plan.jobs) or plan.problems:
        raise RuntimeError(f"unexpected import result {result}, {len(plan.problems)} problems")
    return {
        "import_read": t1 - t0,
        "import_plan_table": t2 - t1,
        "import_plan": t2 - t0,
        "import_upsert": t3 - t2,
    }


def read_time(sheet: Path) -> float:
    from hostdesk.sheets.reader import read_table

    start = time.perf_counter()
    read_table(sheet)
    return time.perf_counter() - start


def table(samples: dict[str, list[float]], runs: int) -> str:
    lines = [
        f"| Measurement (n = {runs}) | median s | min s | max s | target | result |",
        "|---|--:|--:|--:|--:|:-:|",
    ]
    for key, label, target in ROWS:
        values = samples.get(key)
        if not values:
            continue
        median = statistics.median(values)
        verdict = "" if target is None else ("pass" if median <= target else "**FAIL**")
        goal = "" if target is None else f"≤ {target:g} s"
        lines.append(
            f"| {label} | {median:.3f} | {min(values):.3f} | {max(values):.3f} "
            f"| {goal} | {verdict} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="one run: a smoke check")
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="where each run's fresh data dir is made (default: the system temp dir); "
        "hostdesk gets it as --data-dir and HOSTDESK_DATA_DIR",
    )
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    if args.data_dir:
        args.data_dir.mkdir(parents=True, exist_ok=True)

    # Modules for the in-process split, imported now so they are not timed.
    sys.path.insert(0, str(REPO))
    for module in ("hostdesk", "hostdesk.app", "hostdesk.sheets.xlsx_rows"):
        importlib.import_module(module)

    with tempfile.TemporaryDirectory(prefix="hostdesk-bench-", dir=args.data_dir) as tmp:
        root = Path(tmp)
        sheet = write_sheet(root / "catalogue.xlsx", args.rows)
        excel_like = write_sheet(root / "excel.xlsx", args.rows, shared_strings=True)
        notes = []
        try:
            read_time(excel_like)
        except Exception as exc:  # reported under the table, not fatal to the other rows
            notes.append(f"The sharedStrings sheet (as Excel/WPS save) does not import: {exc}")
            excel_like = None
        seeded = root / "seeded"  # a data dir holding the catalogue, copied for every run
        timed_run(cli_argv(seeded, "jobs", "import", str(sheet)), seeded)
        samples: dict[str, list[float]] = defaultdict(list)
        made = iter(range(1_000_000))

        def fresh(*, seed: bool = False) -> Path:
            path = root / f"data-{next(made)}"
            if seed:
                shutil.copytree(seeded, path)
            return path

        for run in range(runs):  # interleaved, so the machine's noise spreads over every row
            print(f"run {run + 1}/{runs}", file=sys.stderr)
            data = fresh()
            elapsed, _ = timed_run(cli_argv(data, "jobs", "import", str(sheet)), data)
            samples["import_cli"].append(elapsed)
            for key, value in in_process_import(sheet, fresh()).items():
                samples[key].append(value)
            if excel_like:
                samples["import_read_sst"].append(read_time(excel_like))
            data = fresh(seed=True)
            elapsed, out = timed_run(cli_argv(data, "jobs", "list", "--json"), data)
            samples["list_cli"].append(elapsed)
            if len(json.loads(out)["jobs"]) != args.rows:
                raise RuntimeError("jobs list --json did not list every job")
            samples["floor_pass"].append(timed_run([PY, "-c", "pass"], root)[0])
            samples["floor_sqlmodel"].append(timed_run([PY, "-c", "import sqlmodel"], root)[0])
            for key, value in startup(fresh(seed=True), args.rows).items():
                samples[key].append(value)

    print(table(samples, runs))
    for note in notes:
        print(f"\n**{note}**")


if __name__ == "__main__":
    main()
