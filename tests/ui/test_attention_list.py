"""The attention list names every kind of refused change in the user's language."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from hostdesk import i18n
from hostdesk.store.outbox_repo import AttentionEvent
from hostdesk.ui.attention_list import AttentionListDialog


class _Outbox:
    def __init__(self, events):
        self.events = events

    def attention(self, limit):
        return self.events[:limit]


@pytest.mark.parametrize(
    ("lang", "on", "off"),
    [("zh_CN", "岗位上屏", "岗位下屏"), ("en", "Job put on air", "Job taken off air")],
)
def test_on_air_events_refused_by_an_old_hub_are_named(qtbot, qapp, lang, on, off):
    i18n.install(lang)
    try:
        at = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
        events = [
            AttentionEvent("e1", "span-1", "air_start", "rejected:http_422", 1, at),
            AttentionEvent("e2", "span-1", "air_end", "rejected:http_422", 1, at),
        ]
        dialog = AttentionListDialog(_Outbox(events), None, lambda ids: None)
        qtbot.addWidget(dialog)
        dialog.reload()
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
        assert [dialog.table.item(r, 4).text() for r in range(2)] == [on, off]
    finally:
        i18n.install("zh_CN")
