"""The on-air record keeps every take and clear, in order, with UTC times."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from hostdesk.store.db import open_database
from hostdesk.store.takes_repo import TakeRepository


def test_takes_are_recorded_in_order(tmp_path):
    database = open_database(tmp_path / "h.db")
    repo = TakeRepository(database)
    before = datetime.now(UTC)
    repo.record("take", "HX-001")
    repo.record("take", "GE-002", session="S1")
    repo.record("clear", None)
    database.close()
    reopened = open_database(tmp_path / "h.db")
    takes = TakeRepository(reopened).list_takes()
    reopened.close()
    assert [(t.action, t.job_code, t.session) for t in takes] == [
        ("take", "HX-001", None),
        ("take", "GE-002", "S1"),
        ("clear", None, None),
    ]
    assert all(before <= t.at <= datetime.now(UTC) for t in takes)
    assert takes[0].at <= takes[1].at <= takes[2].at


def test_unknown_action_is_refused(tmp_path):
    database = open_database(tmp_path / "h.db")
    with pytest.raises(ValueError):
        TakeRepository(database).record("flash", "X")
    assert TakeRepository(database).list_takes() == []
    database.close()
