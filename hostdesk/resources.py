"""The one lookup for bundled data files: a checkout, the PyInstaller bundle, or a pip install."""

from __future__ import annotations

import sys
import sysconfig
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent / "resources"


def root() -> Path:
    """The `resources/` folder: in `_MEIPASS` when frozen, beside the package in a checkout,
    else `<prefix>/share/hostdesk` where pip puts the data files (pyproject's data-files: a hub
    installed on a server needs the word lists and the card font's character set)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    if CHECKOUT.is_dir():
        return CHECKOUT
    return Path(sysconfig.get_path("data")) / "share" / "hostdesk"


def path(relative: str) -> Path:
    """`path("demo/jobs.csv")`; raises FileNotFoundError naming the file if it is missing."""
    found = root() / relative
    if not found.exists():
        raise FileNotFoundError(f"bundled resource missing: {found}")
    return found
