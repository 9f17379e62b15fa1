"""Issue 15 figures: the real-postings corpus scored, and the 5,000-row import before/after.

The corpus part runs the importer and the lint on tests/data/postings and prints the issue's
measures. The timing part runs the same 5,000-row sheet through two copies of the code side by
side, alternating, each in its own child process: the working tree ("after") and the working
tree's hostdesk and resources as they were at `--before` ("before").
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus_eval import (
    ABSOLUTE_PRECISION_TARGET,
    ABSOLUTE_RECALL_TARGET,
    DISCRIMINATION,
    DISCRIMINATION_TARGET,
    PAY_EXACT_TARGET,
    SPLITS,
    evaluate,
    load_corpus,
)
from make_catalogue import write_sheet

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
# Run in a child with the copy first on sys.path: read + plan the sheet, then lint every job.
CHILD = r"""
import json, sys, time
from pathlib import Path
t0 = time.perf_counter()
import hostdesk
from hostdesk.sheets.jobs_import import plan_import
from hostdesk.services.wordlists import load_wordlists
from hostdesk.core.compliance import lint_job
t1 = time.perf_counter()
plan = plan_import(Path(sys.argv[1]))
t2 = time.perf_counter()
words, _ = load_wordlists()
warnings = sum(len(lint_job(job, words)) for _, job in plan.jobs)
t3 = time.perf_counter()
print(json.dumps({"code": hostdesk.__file__, "plan_import": t2 - t1, "lint": t3 - t2,
                  "jobs": len(plan.jobs), "warnings": warnings}))
"""


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


def corpus_table(split: str | None = None) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        r = evaluate(Path(tmp), load_corpus(split=split))
    d, a = r.discrimination, r.families["absolute"]
    ok = {True: "pass", False: "FAIL"}
    lines = [
        f"Corpus: {r.rows} postings (tests/data/postings/postings.jsonl, "
        f"{'all rows' if split is None else 'set = ' + split})",
        "",
        "| Measure | result | target | |",
        "|---|--:|--:|:-:|",
        f"| rows refused for a notation | {len(r.refused)} | 0 | {ok[not r.refused]} |",
        f"| pay read exactly (rows stating a figure) | {r.pay_exact}/{r.pay_stated} = "
        f"{percent(r.pay_exact, r.pay_stated)} | ≥ 95% | "
        f"{ok[r.pay_exact >= PAY_EXACT_TARGET * r.pay_stated]} |",
        f"| age read exactly (rows stating an age) | {r.age_exact}/{r.age_stated} = "
        f"{percent(r.age_exact, r.age_stated)} | | |",
        f"| discrimination recall (5 families pooled) | {d.tp}/{d.tp + d.fn} = "
        f"{percent(d.tp, d.tp + d.fn)} | ≥ 90% | {ok[d.recall >= DISCRIMINATION_TARGET]} |",
        f"| discrimination precision | {d.tp}/{d.tp + d.fp} = {percent(d.tp, d.tp + d.fp)} "
        f"| ≥ 90% | {ok[d.precision >= DISCRIMINATION_TARGET]} |",
        f"| absolute claims recall | {a.tp}/{a.tp + a.fn} = {percent(a.tp, a.tp + a.fn)} "
        f"| 100% | {ok[a.recall >= ABSOLUTE_RECALL_TARGET]} |",
        f"| absolute claims precision | {a.tp}/{a.tp + a.fp} = {percent(a.tp, a.tp + a.fp)} "
        f"| ≥ 80% | {ok[a.precision >= ABSOLUTE_PRECISION_TARGET]} |",
        "",
        "| Rule family (rows) | labelled | warned, right | false alarms | missed |",
        "|---|--:|--:|--:|--:|",
    ]
    for family, score in r.families.items():
        kind = "discrimination" if family in DISCRIMINATION else "claim"
        lines.append(
            f"| {family} ({kind}) | {score.tp + score.fn} | {score.tp} | {score.fp} | {score.fn} |"
        )
    lines += ["", "Misreads and lint errors, for reading:"]
    lines += [f"- pay {i}: {t!r} read as {got}" for i, t, got in r.pay_misses]
    lines += [f"- age {i}: {t!r} read as {got}" for i, t, got in r.age_misses]
    for family, score in r.families.items():
        lines += [f"- {family}: {miss}" for miss in score.misses]
    return "\n".join(lines)


def before_copy(rev: str, dest: Path) -> Path:
    """hostdesk and resources as they were at `rev`, whole: the code has moved on since issue 15
    (the CLI and the messages became packages), so overlaying a few old files on today's tree
    no longer imports."""
    dest.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(
        ["git", "archive", rev, "hostdesk", "resources"], cwd=REPO, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


def timings(runs: int, rows: int, rev: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sheet = write_sheet(tmp / "jobs.xlsx", rows)
        copies = {"before": before_copy(rev, tmp / "before"), "after": REPO}
        got: dict[str, list[dict]] = {"before": [], "after": []}
        for _ in range(runs):
            for name, root in copies.items():  # alternate, so load drifts hit both alike
                env = dict(os.environ, PYTHONPATH=str(root))
                out = subprocess.run(
                    [sys.executable, "-c", CHILD, str(sheet)],
                    cwd=tmp,
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                result = json.loads(out)
                assert result["code"].startswith(str(root)), result["code"]
                data_dir = Path(tempfile.mkdtemp(dir=tmp))
                start = time.perf_counter()
                subprocess.run(
                    [sys.executable, "-m", "hostdesk", "jobs", "import", str(sheet)],
                    cwd=tmp, env=dict(env, HOSTDESK_DATA_DIR=str(data_dir)),
                    capture_output=True, check=True,
                )  # fmt: skip
                result["cli_import"] = time.perf_counter() - start
                got[name].append(result)
    lines = [
        f"{rows:,}-row import (n = {runs}, alternating; before = hostdesk at {rev})",
        "",
        "| Measurement | before median s | after median s | after min–max s |",
        "|---|--:|--:|--:|",
    ]
    for key, label in (("cli_import", "`hostdesk jobs import` (child process, empty store)"),
                       ("plan_import", "`plan_import` (read sheet + rows to jobs)"),
                       ("lint", "`lint_job` on every imported job")):  # fmt: skip
        b = statistics.median(r[key] for r in got["before"])
        a_all = [r[key] for r in got["after"]]
        lines.append(
            f"| {label} | {b:.3f} | {statistics.median(a_all):.3f} "
            f"| {min(a_all):.3f}–{max(a_all):.3f} |"
        )
    lines.append(
        f"| jobs read / lint warnings | {got['before'][0]['jobs']} / "
        f"{got['before'][0]['warnings']} | {got['after'][0]['jobs']} / "
        f"{got['after'][0]['warnings']} | |"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--before", default="075f078", help="revision before issue 15")
    parser.add_argument("--no-timing", action="store_true")
    parser.add_argument("--set", choices=SPLITS, help="score one split only (default: all rows)")
    args = parser.parse_args()
    print(corpus_table(args.set))
    if not args.no_timing:
        print()
        print(timings(args.runs, args.rows, args.before))


if __name__ == "__main__":
    main()
