"""The lookup every message module shares: a reason code's sentence, translated and filled in."""

from __future__ import annotations

from hostdesk.i18n import translated


def fill(context: str, table: dict, code: str, /, **params) -> str:
    """The sentence `table` holds for `code`, in the user's language, with `params` filled in."""
    source = table.get(code)
    if source is None:  # a code this build has no text for: still say something useful
        return f"{code}: {params.get('text', '')}".strip()
    return translated(context, source).format(**params)
