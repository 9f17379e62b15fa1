"""Start to interactive with 5,000 jobs: this tree against an older commit, side by side.

The older commit is checked out in a `git worktree` under the temp dir; each tree gets a data
dir holding 5,000 jobs (imported once by its own CLI, so each has its own schema), copied
fresh for every start. Starts alternate between the trees (the order flips every run) so the
machine's noise spreads over both. Each start runs bench/startup_probe.py (this tree's, on
the path of the tree measured): the real `launch()`, offscreen, printing a line at each step,
time-stamped here from the spawn, and the child's CPU time (all threads) at window shown and
at interactive, a figure a loaded machine disturbs much less than the wall clock.
Interactive = the window shown, the catalogue listed in the job list, tonight's session and
rundown loaded. Prints Markdown (machine, command, table) to stdout; progress to stderr.

Bytecode: by default both trees are compiled first (`compileall`), as every start after the
first one finds them on a user's machine and as `make run` and the bundle leave them;
`--bytecode none` removes the trees' `__pycache__` and forbids writing it, so every start
compiles hostdesk's own modules (a first start straight after an editable install).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
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
REPO = BENCH.parent
PY = sys.executable
TIMEOUT = 180
SETTINGS = "[general]\nfirst_run_done = true\n"  # a returning user: no first-run guide

# (probe line, label); the order of the table.
PHASES = (
    ("imported", "since spawn: imports done"),
    ("window built", "since spawn: `MainWindow(...)` constructed"),
    ("first paint", "start to first paint of the window"),
    ("window shown", "start to window shown"),
    ("session loaded", "start to session and rundown loaded"),
    ("catalogue loaded", "start to catalogue listed (5,000 rows in the job list)"),
    ("store opened", "since spawn: the full store open (SQLAlchemy)"),
    ("interactive", "**start to interactive**"),
    ("cpu window shown", "CPU seconds (all threads) to window shown"),
    ("cpu interactive", "**CPU seconds (all threads) to interactive**"),
    ("cpu imports", "CPU seconds: the window's imports (`hostdesk.cli`, `hostdesk.ui.launch`)"),
    ("cpu sql", "  of which the SQL stack alone (SQLAlchemy, SQLModel, the store's modules)"),
)

# The store modules the window's start imports (through app.build and the services).
SQL_STACK = (
    "sqlalchemy", "sqlmodel", "hostdesk.store.db", "hostdesk.store.tables",
    "hostdesk.store.jobs_repo", "hostdesk.store.takes_repo", "hostdesk.store.sessions_repo",
    "hostdesk.store.hub_repo", "hostdesk.store.publish_repo",
    "hostdesk.store.registrations_repo", "hostdesk.store.outbox_repo",
)  # fmt: skip


def env_for(tree: Path, data_dir: Path) -> dict[str, str]:
    env = dict(os.environ, HOSTDESK_DATA_DIR=str(data_dir))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The tree first on the path: the venv's editable install points at the main checkout.
    env["PYTHONPATH"] = str(tree)
    return env


def prepare_bytecode(tree: Path, mode: str) -> None:
    """Both trees on the same footing: hostdesk compiled ahead, or no bytecode at all."""
    for cache in (tree / "hostdesk").rglob("__pycache__"):
        shutil.rmtree(cache)
    if mode == "cached":
        subprocess.run([PY, "-m", "compileall", "-q", "hostdesk"], cwd=tree, check=True,
                       capture_output=True)  # fmt: skip


def build_translations(tree: Path) -> None:
    """A fresh worktree has no .qm files (generated, not in git): without them the window
    would start in the source language and skip loading the translators."""
    if not list((tree / "resources" / "i18n").glob("*.qm")):
        subprocess.run([PY, "scripts/i18n.py", "build"], cwd=tree, env=env_for(tree, tree),
                       check=True, capture_output=True)  # fmt: skip


def seed(tree: Path, sheet: Path, data_dir: Path) -> None:
    """A returning user's data dir, its 5,000 jobs imported by that tree's own CLI."""
    build_translations(tree)
    argv = [PY, "-m", "hostdesk", "--data-dir", str(data_dir), "jobs", "import", str(sheet)]
    subprocess.run(argv, cwd=tree, env=env_for(tree, data_dir), check=True, capture_output=True)
    (data_dir / "settings.toml").write_text(SETTINGS, encoding="utf-8")


def start(tree: Path, data_dir: Path, rows: int) -> dict[str, float]:
    """One start of the probe on that tree; seconds since the spawn for each line it printed.

    This tree's probe drives both trees (launch() has the same steps in both), so both are
    measured by one definition of interactive.
    """
    began = time.perf_counter()
    probe = subprocess.Popen(
        [PY, str(BENCH / "startup_probe.py")],
        cwd=tree,
        env=env_for(tree, data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    watchdog = threading.Timer(TIMEOUT, probe.kill)
    watchdog.start()
    marks: dict[str, float] = {}
    try:
        for line in probe.stdout:
            now = time.perf_counter() - began
            phase, _, detail = line.rstrip("\n").partition("\t")
            # "cpu …" lines carry the child's own CPU time; the others are stamped here.
            marks.setdefault(phase, float(detail) if phase.startswith("cpu ") else now)
            if phase == "catalogue loaded" and detail != f"{rows} {rows}":
                raise RuntimeError(f"{tree}: the job list holds {detail} rows, expected {rows}")
    finally:
        watchdog.cancel()
        code = probe.wait()
    if code != 0 or "interactive" not in marks:
        raise RuntimeError(f"{tree}: the probe exited {code} after {sorted(marks)}")
    return marks


def import_cpu(tree: Path, modules: tuple[str, ...]) -> float:
    """CPU seconds a fresh interpreter spends importing `modules` (from that tree)."""
    code = (
        "import importlib, time\n"
        "start = time.process_time()\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(time.process_time() - start)"
    )
    done = subprocess.run([PY, "-c", code], cwd=tree, env=env_for(tree, tree), check=True,
                          capture_output=True, text=True)  # fmt: skip
    return float(done.stdout)


def commit_of(tree: Path, rev: str = "HEAD") -> str:
    return subprocess.run(
        ["git", "rev-parse", "--short", rev], cwd=tree, check=True, capture_output=True,
        text=True,
    ).stdout.strip()  # fmt: skip


def dirty(tree: Path) -> bool:
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no", "--", "hostdesk", "bench"],
        cwd=tree, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return bool(status.strip())


def machine() -> str:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")), platform.processor(),
    )  # fmt: skip
    return f"{os.cpu_count()} cores ({cpu}), Linux {platform.release()}, Python {platform.python_version()}"


def report(samples: dict, names: dict[str, str], runs: int) -> str:
    old, new = names["old"], names["new"]
    lines = [
        f"| Start-up, 5,000 jobs (n = {runs} each) | {old} median s | min | max "
        f"| {new} median s | min | max |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    for phase, label in PHASES:
        cells = []
        for tree in ("old", "new"):
            values = samples[tree].get(phase)
            cells += (
                [f"{statistics.median(values):.3f}", f"{min(values):.3f}", f"{max(values):.3f}"]
                if values and len(values) == runs else ["–", "", ""]
            )  # fmt: skip
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", required=True, help="the older commit to compare against")
    parser.add_argument(
        "--new", help="a newer commit, also checked out in a worktree (default: this tree as it is)"
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument(
        "--bytecode",
        choices=("cached", "none"),
        default="cached",
        help="hostdesk's modules compiled ahead (default) or at every start",
    )
    args = parser.parse_args()
    if args.bytecode == "none":  # the children inherit it: nothing compiled is kept
        os.environ["PYTHONDONTWRITEBYTECODE"] = "1"

    with tempfile.TemporaryDirectory(prefix="hostdesk-startup-") as tmp:
        root = Path(tmp)
        trees = {"old": root / "old-tree", "new": root / "new-tree" if args.new else REPO}
        try:
            for tree_name, rev in (("old", args.base), ("new", args.new)):
                if rev:
                    subprocess.run(
                        ["git", "worktree", "add", "--detach", str(trees[tree_name]), rev],
                        cwd=REPO, check=True, capture_output=True,
                    )  # fmt: skip
            names = {
                "old": f"`{commit_of(trees['old'])}`",
                "new": f"`{commit_of(trees['new'])}`" + (
                    " + working tree" if not args.new and dirty(REPO) else ""),
            }  # fmt: skip
            sheet = write_sheet(root / "catalogue.xlsx", args.rows)
            seeded = {}
            for tree_name, tree in trees.items():
                seeded[tree_name] = root / f"seeded-{tree_name}"
                seed(tree, sheet, seeded[tree_name])
                prepare_bytecode(tree, args.bytecode)
            samples: dict[str, dict[str, list[float]]] = {"old": defaultdict(list),
                                                          "new": defaultdict(list)}  # fmt: skip
            loads = []
            for run in range(args.runs):
                order = ("old", "new") if run % 2 == 0 else ("new", "old")
                for tree_name in order:
                    print(f"run {run + 1}/{args.runs}: {tree_name}", file=sys.stderr)
                    data = root / f"run-{run}-{tree_name}"
                    shutil.copytree(seeded[tree_name], data)
                    for phase, value in start(trees[tree_name], data, args.rows).items():
                        samples[tree_name][phase].append(value)
                    shutil.rmtree(data)
                    tree = trees[tree_name]
                    imports = ("hostdesk.cli", "hostdesk.ui.launch")
                    samples[tree_name]["cpu imports"].append(import_cpu(tree, imports))
                    samples[tree_name]["cpu sql"].append(import_cpu(tree, SQL_STACK))
                loads.append(os.getloadavg()[0])
        finally:
            for tree in trees.values():
                if tree != REPO and tree.exists():
                    subprocess.run(["git", "worktree", "remove", "--force", str(tree)],
                                   cwd=REPO, check=False, capture_output=True)  # fmt: skip

    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"Machine: {machine()}. {now}; load average (1 min) {min(loads):.1f}–{max(loads):.1f}.")
    new = f" --new {args.new}" if args.new else ""
    print(f"Command: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_startup.py "
          f"--base {args.base}{new} --runs {args.runs} --bytecode {args.bytecode}`\n")  # fmt: skip
    print(report(samples, names, args.runs))


if __name__ == "__main__":
    main()
