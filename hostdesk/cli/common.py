"""What every verb module of the command line shares: exit codes, errors, translation, output."""

from __future__ import annotations

import contextlib
import json
import sys
import unicodedata

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2


class CliError(Exception):
    """A message for the user (already translated) and the exit code to leave with."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT):
        super().__init__(message)
        self.code = code


_translating = False  # set once the translator is installed; JSON-only runs never load Qt
# No verb: the window's own QApplication must be the first application object, so the
# parser's help is translated by a translator installed on no application.
_help_translator = None


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """QCoreApplication.translate once a translator is installed, else the source text."""
    if _help_translator is not None:
        return _help_translator.translate(context, text, disambiguation, n) or text
    if not _translating:
        return text
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text, disambiguation, n)


def install_translator(language: str) -> None:
    """Qt's translator for `language` on the application: every later text is translated."""
    global _translating
    from hostdesk import i18n

    i18n.install(language)
    _translating = True


@contextlib.contextmanager
def help_translation(language: str):
    """Translate with a translator installed on no application (see `_help_translator`)."""
    global _help_translator
    from hostdesk import i18n

    _help_translator = i18n.load(language)
    try:
        yield
    finally:
        _help_translator = None


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table(rows: list[list[str]]) -> str:
    """Rows as aligned columns; a Chinese character counts as two columns wide."""
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)).rstrip()
        for row in rows
    )


def print_json(data) -> None:
    # JSON is UTF-8 for whoever reads it, whatever the console's code page (GBK on
    # Chinese Windows when piped).
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
