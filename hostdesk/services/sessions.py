"""Tonight's session: going live and stopping, its rundown, and its record of takes.

Every method but `elapsed` touches the database and is meant for worker threads
(tasks.run); each is its own transaction, so calls from several threads are safe.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta

from hostdesk.core.rundown import Rundown
from hostdesk.core.sessions import Platform, Session, SessionError, new_session_id
from hostdesk.store.sessions_repo import SessionRepository
from hostdesk.store.takes_repo import Take


def _utc_now() -> datetime:
    return datetime.now(UTC)


class SessionService:
    """The current session and its rundown.

    `current()` is the newest session that has not ended. When there is none (first
    run, or the last stream was stopped) a planned session is created: a draft with no
    platform or room yet, so the assistant can build the rundown before going live. Its
    rundown starts as a copy of the previous session's, because someone preparing
    tomorrow's stream expects yesterday's list to edit, not an empty one.

    Lifecycle: planned → `start(platform, room, host)` → live → `stop()` → ended. Bad input or
    a step out of order raises SessionError with a reason code (see core.sessions).
    """

    def __init__(
        self,
        repo: SessionRepository,
        *,
        clock: Callable[[], datetime] = _utc_now,
        new_id: Callable[[], str] = new_session_id,
    ):
        self.repo = repo
        self._clock = clock
        self._new_id = new_id
        # The last session any call saw, so the status bar's clock never reads the DB.
        self.last_known: Session | None = None

    def _seen(self, session: Session) -> Session:
        self.last_known = session
        return session

    def current(self) -> Session:
        """Tonight's session: the one not ended, or a new planned one (see the class)."""
        session, _created = self.repo.open_or_create(
            lambda: Session(id=self._new_id(), created_at=self._clock())
        )
        return self._seen(session)

    def start(self, platform: str | Platform, room: str, host: str = "") -> Session:
        """Go live on `platform` in room `room` (trimmed, required, at most 60 characters)
        with `host` on camera (optional, at most 30). The hub hears of it through the outbox."""
        at = self._clock()
        session = self.current()
        return self._seen(
            self.repo.update(session.id, lambda s: s.start(platform, room, at, host=host))
        )

    def stop(self) -> Session:
        """End the live session and return it; SessionError "not_live" when none is live."""
        at = self._clock()
        session = self.current()
        return self._seen(self.repo.update(session.id, lambda s: s.end(at)))

    def elapsed(self, now: datetime | None = None) -> timedelta | None:
        """Time on air of the last session seen, for the status bar; no database access,
        so the GUI thread may call it. None when that session has not started."""
        session = self.last_known
        if session is None:
            return None
        return session.elapsed(now or self._clock())

    # -- the rundown of the current session ------------------------------------------------

    def rundown(self) -> Rundown:
        return self.repo.rundown(self.current().id)

    def _edit(self, change: Callable[[Rundown], object]) -> Rundown:
        session = self.current()
        try:
            return self.repo.edit_rundown(session.id, change)
        except SessionError:
            # Stopped by another thread between the two transactions: edit the new draft.
            return self.repo.edit_rundown(self.current().id, change)

    def set_rundown(self, codes: Iterable[str]) -> Rundown:
        """Replace the whole order (duplicates dropped, first place kept)."""
        wanted = Rundown(codes).codes

        def replace(rundown: Rundown) -> None:
            for code in rundown.codes:
                rundown.remove(code)
            for code in wanted:
                rundown.add(code)

        return self._edit(replace)

    def add(self, code: str, at: int | None = None) -> Rundown:
        """Add a job (at the end, or before index `at`); a code already listed stays put."""
        return self._edit(lambda rundown: rundown.add(code, at))

    def remove(self, code: str) -> Rundown:
        return self._edit(lambda rundown: rundown.remove(code))

    def move(self, src: int, dst: int) -> Rundown:
        """Drag and drop: the item at `src` ends at `dst` (clamped); IndexError for a bad src."""
        return self._edit(lambda rundown: rundown.move(src, dst))

    # -- the record ---------------------------------------------------------------------

    def takes(self, session_id: str | None = None) -> list[Take]:
        """What was on air when during a session (default: the current one)."""
        return self.repo.takes_of(session_id or self.current().id)
