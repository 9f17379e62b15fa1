"""The one lookup for bundled data files, from a checkout and from the PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def root() -> Path:
    """The `resources/` folder: beside the package in a checkout, in `_MEIPASS` when frozen."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def path(relative: str) -> Path:
    """`path("demo/jobs.csv")`; raises FileNotFoundError naming the file if it is missing."""
    found = root() / relative
    if not found.exists():
        raise FileNotFoundError(f"bundled resource missing: {found}")
    return found
