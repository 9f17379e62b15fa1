"""Loading the compliance word lists: the bundled ones plus the user's own additions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hostdesk import resources
from hostdesk.core.compliance import WORDLIST_RULE_IDS, WordListError, WordLists, parse_wordlist

USER_DIR = "wordlists"  # inside the data dir: <rule>.txt files whose phrases are added


@dataclass(frozen=True)
class WordListProblem:
    """A user's word-list file that was skipped; `reason` is "encoding" or "bad_line"."""

    path: Path
    reason: str
    line: int = 0
    detail: str = ""


def load_wordlists(data_dir: Path | None = None) -> tuple[WordLists, list[WordListProblem]]:
    """Bundled lists, extended (never replaced) by `<data dir>/wordlists/<rule>.txt`.

    A broken user file is skipped and reported, so one typo cannot stop the app or
    silence the bundled rules.
    """
    rules: dict[str, tuple[str, ...]] = {}
    problems: list[WordListProblem] = []
    bundled = resources.path("wordlists")
    for rule in WORDLIST_RULE_IDS:
        phrases = list(parse_wordlist((bundled / f"{rule}.txt").read_text(encoding="utf-8-sig")))
        user_file = data_dir / USER_DIR / f"{rule}.txt" if data_dir else None
        if user_file is not None and user_file.is_file():
            try:
                phrases.extend(parse_wordlist(user_file.read_text(encoding="utf-8-sig")))
            except UnicodeDecodeError:
                problems.append(WordListProblem(user_file, "encoding"))
            except WordListError as exc:
                problems.append(WordListProblem(user_file, "bad_line", exc.line, str(exc)))
        rules[rule] = tuple(dict.fromkeys(phrases))
    return WordLists(rules=rules), problems
