"""The real-postings corpus (tests/data/postings) run through the importer and the lint, scored."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from hostdesk.core.compliance import WORDLIST_RULE_IDS, WordLists, lint_job
from hostdesk.sheets.jobs_import import plan_import

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "data" / "postings" / "postings.jsonl"
WORDLIST_DIR = REPO / "resources" / "wordlists"

# Label family in the corpus -> lint rule id.
FAMILY_RULES = {
    "sex": "gender_only",
    "appearance": "appearance",
    "region": "region_exclusion",
    "ethnicity": "ethnicity",
    "marital": "marital_status",
    "absolute": "absolute_claim",
}
DISCRIMINATION = ("sex", "appearance", "region", "ethnicity", "marital")
# The targets.
PAY_EXACT_TARGET = 0.95
DISCRIMINATION_TARGET = 0.90
ABSOLUTE_RECALL_TARGET = 1.0
ABSOLUTE_PRECISION_TARGET = 0.80


# Each row's `set`: "dev" rows were looked at while the grammar and word lists were written;
# "heldout" rows were labelled and scored before any rule was changed for them (then tuned on);
# "heldout2" rows were labelled after that tuning and scored with no rule changed since.
SPLITS = ("dev", "heldout", "heldout2")
MIN_ROWS = 300  # the corpus size


def load_corpus(path: Path = CORPUS, split: str | None = None) -> list[dict]:
    """The corpus rows, or only those of one split."""
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return rows if split is None else [row for row in rows if row["set"] == split]


def bundled_wordlists() -> WordLists:
    return WordLists.from_texts(
        {r: (WORDLIST_DIR / f"{r}.txt").read_text("utf-8") for r in WORDLIST_RULE_IDS}
    )


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)  # row ids, for reading the failures

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Result:
    rows: int
    refused: list[str]  # row ids the importer kept out (the target is none)
    pay_stated: int
    pay_exact: int
    pay_misses: list[tuple[str, str, tuple]]  # (id, text, what was read)
    age_stated: int
    age_exact: int
    age_misses: list[tuple[str, str, tuple]]
    families: dict[str, Score]

    @property
    def discrimination(self) -> Score:
        pooled = Score()
        for family in DISCRIMINATION:
            score = self.families[family]
            pooled.tp += score.tp
            pooled.fp += score.fp
            pooled.fn += score.fn
        return pooled


def write_sheet(rows: list[dict], path: Path) -> Path:
    """The corpus as an employer sheet: code, title, pay, age and requirements columns."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["编号", "岗位", "薪资", "年龄", "要求"])
        for row in rows:
            writer.writerow(
                [row["id"], row["title"], row["pay_text"], row["age_text"], row["text"]]
            )
    return path


def _same(got: int | float | None, want: int | float | None) -> bool:
    return got == want if got is None or want is None else abs(got - want) < 1e-9


def evaluate(sheet_dir: Path, rows: list[dict] | None = None) -> Result:
    """Import the corpus as a sheet, lint every job, and score both against the labels."""
    rows = rows if rows is not None else load_corpus()
    plan = plan_import(write_sheet(rows, sheet_dir / "postings.csv"))
    jobs = {job.code: job for _, job in plan.jobs}
    refused = sorted({rows[p.row - 2]["id"] for p in plan.problems})
    words = bundled_wordlists()
    pay_stated = pay_exact = age_stated = age_exact = 0
    pay_misses, age_misses = [], []
    families = {family: Score() for family in FAMILY_RULES}
    for row in rows:
        job = jobs.get(row["id"])
        if job is None:
            continue
        if isinstance(row["pay"], dict):
            pay_stated += 1
            want = row["pay"]
            got = (job.pay.min, job.pay.max, job.pay.unit.value if job.pay.unit else None)
            if _same(got[0], want["min"]) and _same(got[1], want["max"]) and got[2] == want["unit"]:
                pay_exact += 1
            else:
                pay_misses.append((row["id"], row["pay_text"], got))
        if isinstance(row["age"], dict):
            age_stated += 1
            got = (job.age_min, job.age_max)
            if got == (row["age"]["min"], row["age"]["max"]):
                age_exact += 1
            else:
                age_misses.append((row["id"], row["age_text"], got))
        fired = {w.rule for w in lint_job(job, words)}
        for family, rule in FAMILY_RULES.items():
            truth, said = family in row["lint"], rule in fired
            score = families[family]
            if truth and said:
                score.tp += 1
            elif said:
                score.fp += 1
                score.misses.append(f"{row['id']} (false alarm)")
            elif truth:
                score.fn += 1
                score.misses.append(f"{row['id']} (missed)")
    return Result(
        rows=len(rows),
        refused=refused,
        pay_stated=pay_stated,
        pay_exact=pay_exact,
        pay_misses=pay_misses,
        age_stated=age_stated,
        age_exact=age_exact,
        age_misses=age_misses,
        families=families,
    )
