"""Loading the compliance word lists: the bundled ones plus the user's own additions."""

from __future__ import annotations

from pathlib import Path

from hostdesk import resources
from hostdesk.core.compliance import WORDLIST_RULE_IDS, WordLists, parse_wordlist

USER_DIR = "wordlists"  # inside the data dir: <rule>.txt files whose phrases are added


def load_wordlists(data_dir: Path | None = None) -> WordLists:
    """Bundled lists, extended (never replaced) by `<data dir>/wordlists/<rule>.txt`."""
    rules: dict[str, tuple[str, ...]] = {}
    bundled = resources.path("wordlists")
    for rule in WORDLIST_RULE_IDS:
        phrases: list[str] = []
        sources = [bundled / f"{rule}.txt"]
        if data_dir is not None:
            sources.append(data_dir / USER_DIR / f"{rule}.txt")
        for source in sources:
            if source.is_file():
                phrases.extend(parse_wordlist(source.read_text(encoding="utf-8-sig")))
        if phrases:
            rules[rule] = tuple(dict.fromkeys(phrases))
    return WordLists(rules=rules)
