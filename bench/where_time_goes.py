"""Where `hostdesk jobs list --json` spends its time: cli.main's steps replayed, timed per phase."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

from make_catalogue import write_sheet

REPO = Path(__file__).resolve().parent.parent


def child(data_dir: Path) -> None:
    """The steps of `python -m hostdesk --data-dir D jobs list --json`, in cli.main's order."""
    marks = [("start", time.monotonic())]

    def mark(name: str) -> None:
        marks.append((name, time.monotonic()))

    import hostdesk  # noqa: F401  - __version__ from importlib.metadata

    mark("import hostdesk (importlib.metadata)")
    from hostdesk import cli

    mark("import hostdesk.cli")
    cli._early_parser().parse_known_args([])
    settings = cli.config.load_settings(data_dir)
    mark("early parser + load_settings")
    cli._parser()  # its help strings call translate(), which imports PySide6.QtCore
    mark("_parser() (imports PySide6.QtCore)")
    import sqlmodel  # noqa: F401

    mark("import sqlmodel (+sqlalchemy, pydantic)")
    from hostdesk import app

    mark("import rest of hostdesk.app")
    app.setup_logging(data_dir)
    ctx = app.build(data_dir, settings)
    mark("setup_logging + app.build")
    jobs = ctx.jobs.list_jobs()
    mark("list_jobs (ORM, 5,000 rows)")
    data = [job.to_json() for job in jobs]
    mark("Job.to_json")
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    mark("json.dumps(indent=2)")
    sys.stdout.write(text)
    sys.stdout.flush()
    ctx.close()
    mark("write + close")
    os.write(2, json.dumps(marks).encode())  # then the interpreter tears down, timed by the parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child)

    env = dict(os.environ, PYTHONPATH=str(REPO))  # see RESULTS.md on the editable install
    phases: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="hostdesk-where-") as tmp:
        seeded = Path(tmp, "seeded")
        sheet = write_sheet(Path(tmp, "catalogue.xlsx"), args.rows)
        hostdesk = [sys.executable, "-m", "hostdesk", "--data-dir"]
        subprocess.run(
            [*hostdesk, seeded, "jobs", "import", sheet], env=env, check=True, capture_output=True
        )
        for run in range(args.runs):
            data = Path(tmp, f"run-{run}")
            shutil.copytree(seeded, data)
            start = time.monotonic()  # CLOCK_MONOTONIC: one clock for every process (Linux)
            done = subprocess.run(
                [sys.executable, __file__, "--child", data],
                env=env,
                cwd=REPO,
                capture_output=True,
                check=True,
            )
            end = time.monotonic()
            marks = [("spawn", start), *json.loads(done.stderr), ("teardown (exit)", end)]
            marks[1] = ("interpreter start, script's own imports", marks[1][1])
            for (_, before), (name, at) in pairwise(marks):
                phases.setdefault(name, []).append(at - before)
            phases.setdefault("TOTAL (spawn to exit)", []).append(end - start)
            start = time.monotonic()
            subprocess.run(
                [*hostdesk, data, "jobs", "list", "--json"], env=env, cwd=REPO, capture_output=True
            ).check_returncode()
            phases.setdefault("the real `hostdesk jobs list --json`", []).append(
                time.monotonic() - start
            )

    print(f"| Phase (n = {args.runs}) | median ms | min ms | max ms |\n|---|--:|--:|--:|")
    for name, values in phases.items():
        ms = [1000 * v for v in values]
        print(f"| {name} | {statistics.median(ms):.0f} | {min(ms):.0f} | {max(ms):.0f} |")


if __name__ == "__main__":
    main()
