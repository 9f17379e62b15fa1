"""What "synced correctly" means, checked against the real hub's database and the desktop's.

After the faults stop and the worker quiesces: zero lost (every saved registration is
on the hub, or visibly in attention), zero duplicated (one hub row per client id, one
hub event per event id), fingerprints equal, hub versions equal the acked events, the
counters shown equal the database, and no phone number in any log.
"""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path

from sqlalchemy import create_engine, text

from hostdesk.hub.db import normalize_url


def hub_rows(db_url: str) -> tuple[list[tuple[str, int]], list[tuple[str, str, str]]]:
    """([(client_id, version)], [(event_id, client_id, fingerprint)]) straight from the hub's DB."""
    engine = create_engine(normalize_url(db_url))
    try:
        with engine.connect() as conn:
            regs = [
                tuple(r) for r in conn.execute(text("SELECT client_id, version FROM registrations"))
            ]
            events = [
                tuple(r)
                for r in conn.execute(text("SELECT event_id, client_id, fingerprint FROM events"))
            ]
    finally:
        engine.dispose()
    return regs, events


def local_rows(ctx):
    with ctx.db.engine.connect() as conn:
        regs = list(conn.execute(text("SELECT id FROM registrations")).scalars())
        events = conn.execute(
            text("SELECT event_id, registration_id, fingerprint, state FROM outbox ORDER BY id")
        ).all()
        phones = list(conn.execute(text("SELECT phone FROM registrations")).scalars())
        integrity = conn.execute(text("PRAGMA integrity_check")).scalar_one()
    return regs, events, phones, integrity


def verify(ctx, db_url: str, status, logs: list[Path], *, extra_phones=()) -> dict:
    """Assert the pass criteria; returns a few numbers for the test to look at."""
    hub_regs, hub_events = hub_rows(db_url)
    regs, events, phones, integrity = local_rows(ctx)
    assert integrity == "ok"
    # Zero duplicated.
    dup_regs = [c for c, n in Counter(c for c, _ in hub_regs).items() if n > 1]
    dup_events = [e for e, n in Counter(e for e, _, _ in hub_events).items() if n > 1]
    assert dup_regs == [] and dup_events == []
    # Nothing left to send.
    states = Counter(state for *_, state in events)
    assert states["pending"] == states["sending"] == states["retry_wait"] == 0, states
    # Zero lost: every registration is on the hub or has an event in attention.
    on_hub = {c: v for c, v in hub_regs}
    in_attention = {reg for _, reg, _, state in events if state == "attention"}
    lost = [r for r in regs if r not in on_hub and r not in in_attention]
    assert lost == []
    # Fingerprints equal; hub versions equal the acked events (none skipped, none twice).
    hub_fp = {e: fp for e, _, fp in hub_events}
    acked = [(e, r, fp) for e, r, fp, state in events if state == "acked"]
    assert all(hub_fp.get(e) == fp for e, _, fp in acked), "an acked event's fingerprint differs"
    per_reg = Counter(r for _, r, _ in acked)
    for reg in regs:
        if reg not in in_attention:
            assert on_hub[reg] == per_reg[reg], "hub version != acked events"
    # The counters shown equal the database.
    assert status.unsynced == 0
    assert status.attention == states["attention"]
    # No phone number in any log.
    for path in logs:
        body = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
        for phone in [*phones, *extra_phones]:
            assert not phone or phone not in body, f"a phone number is in {path.name}"
    return {"registrations": len(regs), "events": len(events), "attention": len(in_attention)}


class LogFile:
    """The root logger also into a file for the duration (as the app's rotating log does)."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._handler = logging.FileHandler(path, encoding="utf-8")
        self._handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        self._level = logging.getLogger().level

    def __enter__(self) -> Path:
        root = logging.getLogger()
        root.addHandler(self._handler)
        root.setLevel(logging.DEBUG)  # the most talkative the app could be
        return self.path

    def __exit__(self, *exc) -> None:
        root = logging.getLogger()
        root.removeHandler(self._handler)
        root.setLevel(self._level)
        self._handler.close()
