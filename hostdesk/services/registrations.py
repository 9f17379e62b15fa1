"""Taking sign-ups at the desk: check, save (row + outbox event, one commit), amend, withdraw.

Every method touches the database: call them from worker threads (tasks.run). Errors
carry reason codes (hostdesk.messages.registration_problem turns them into text) and
never personal data in their messages.
"""

from __future__ import annotations

import os
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hostdesk.core.jobs import JobStatus
from hostdesk.core.phone import phone_hash
from hostdesk.core.registrations import (
    AMENDABLE,
    DuplicateRegistration,
    EventType,
    PhoneWarningNotConfirmed,
    Registration,
    RegistrationDraft,
    RegistrationError,
    RegistrationNotFound,
    RegistrationStoreError,
    RegQuery,
    RegStatus,
    SyncState,
    validate,
)
from hostdesk.private_files import tighten
from hostdesk.services.sessions import SessionService
from hostdesk.store.jobs_repo import JobRepository
from hostdesk.store.outbox_repo import OutboxEvent, OutboxRepository
from hostdesk.store.registrations_repo import RegistrationRepository
from hostdesk.store.retention import purge_expired

__all__ = [
    "Check",
    "DuplicateRegistration",
    "OutboxEvent",
    "PhoneWarningNotConfirmed",
    "RegQuery",
    "RegistrationError",
    "RegistrationNotFound",
    "RegistrationService",
    "RegistrationStoreError",
    "load_or_create_key",
]

KEY_FILE = "registration.key"
KEY_BYTES = 32


def _utc_now() -> datetime:
    return datetime.now(UTC)


def load_or_create_key(data_dir: Path) -> bytes:
    """The data dir's secret for phone hashes (32 random bytes, owner-only), made once.

    Written to a temporary file and linked into place, so two processes starting at
    once agree on one key and nobody ever reads a half-written one.
    """
    path = Path(data_dir) / KEY_FILE
    tighten(path)  # made by an older version under a wide umask
    try:
        key = path.read_bytes()
    except FileNotFoundError:
        tmp = path.with_name(f"{KEY_FILE}.{secrets.token_hex(4)}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, secrets.token_bytes(KEY_BYTES))
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process won the race: use its key
        finally:
            tmp.unlink()
        key = path.read_bytes()
    if len(key) != KEY_BYTES:
        # A new key would silently stop duplicate checks matching earlier sign-ups.
        raise RegistrationStoreError("key", KEY_FILE)
    return key


@dataclass(frozen=True)
class Check:
    """What saving the draft would meet: warning codes and earlier sign-ups (same phone+job)."""

    warnings: list[str] = field(default_factory=list)
    duplicates: list[Registration] = field(default_factory=list)
    clean: dict = field(default_factory=dict)


class RegistrationService:
    def __init__(
        self,
        repo: RegistrationRepository,
        jobs: JobRepository,
        sessions: SessionService,
        key: bytes,
        *,
        clock: Callable[[], datetime] = _utc_now,
        new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
    ):
        self.repo = repo
        self._jobs = jobs
        self._sessions = sessions
        self._key = key
        self._clock = clock
        self._new_id = new_id

    def _validate(self, draft: RegistrationDraft) -> tuple[dict, list[str]]:
        code = draft.job_code.strip() if isinstance(draft.job_code, str) else ""
        job = self._jobs.get(code) if code else None
        return validate(
            draft,
            job_title=job.title if job else None,
            job_open=job is not None and job.status is not JobStatus.CLOSED,
            year=self._clock().year,
        )

    def check(self, draft: RegistrationDraft) -> Check:
        """Validate without writing; RegistrationError for a hard error."""
        clean, warnings = self._validate(draft)
        duplicates = self.repo.duplicates(clean["job_code"], phone_hash(self._key, clean["phone"]))
        return Check(warnings=warnings, duplicates=duplicates, clean=clean)

    def save(
        self,
        draft: RegistrationDraft,
        *,
        confirm_duplicate: bool = False,
        override_phone_warning: bool = False,
    ) -> Registration:
        """Store the sign-up and its "create" event in one transaction; returns after COMMIT.

        Raises RegistrationError, PhoneWarningNotConfirmed, DuplicateRegistration (nothing
        written in each case) or RegistrationStoreError (the disk refused; nothing written).
        """
        clean, warnings = self._validate(draft)
        unassigned = "phone_unassigned" in warnings
        if unassigned and not override_phone_warning:
            raise PhoneWarningNotConfirmed()
        session_id = self._sessions.current().id
        now = self._clock()
        reg = Registration(
            id=self._new_id(),
            seq=0,
            session_id=session_id,
            phone_hash=phone_hash(self._key, clean["phone"]),
            consented_at=now,
            status=RegStatus.ACTIVE,
            phone_warning_overridden=unassigned,
            created_at=now,
            updated_at=now,
            erased_at=None,
            sync_state=SyncState.PENDING,
            **clean,
        )
        return self.repo.insert(reg, refuse_duplicates=not confirm_duplicate, now=now)

    def amend(
        self, reg_id: str, changes: dict, *, override_phone_warning: bool = False
    ) -> Registration:
        """Change draft fields of a record (AMENDABLE keys); one "amend" event, same commit.

        No event when nothing actually changes. A withdrawn or erased record is refused.
        """
        unknown = set(changes) - set(AMENDABLE)
        if unknown:
            raise ValueError(f"cannot amend {sorted(unknown)}")
        now = self._clock()

        def make(current: Registration):
            if current.status is RegStatus.WITHDRAWN:
                raise RegistrationError("status", "withdrawn")
            if current.erased_at is not None:
                raise RegistrationError("status", "erased")
            draft = replace(current.draft(), **changes)
            if draft.job_code.strip() == current.job_code:
                # The job may have closed since: correcting a sign-up is still allowed.
                clean, warnings = validate(
                    draft, job_title=current.job_title, job_open=True, year=now.year
                )
            else:
                clean, warnings = self._validate(draft)
            phone_changed = clean["phone"] != current.phone
            overridden = current.phone_warning_overridden
            if phone_changed:
                overridden = "phone_unassigned" in warnings
                if overridden and not override_phone_warning:
                    raise PhoneWarningNotConfirmed()
            changed = replace(
                current,
                **clean,
                phone_hash=phone_hash(self._key, clean["phone"]),
                phone_warning_overridden=overridden,
            )
            names = [f for f in clean if getattr(changed, f) != getattr(current, f)]
            if not names:
                return None
            return replace(changed, updated_at=now), {"changed": names}

        return self._change(reg_id, EventType.AMEND, make, now)

    def withdraw(self, reg_id: str) -> Registration:
        """Mark the sign-up withdrawn (a "withdraw" event); already withdrawn: unchanged."""
        now = self._clock()

        def make(current: Registration):
            if current.status is RegStatus.WITHDRAWN:
                return None
            return replace(current, status=RegStatus.WITHDRAWN, updated_at=now), {}

        return self._change(reg_id, EventType.WITHDRAW, make, now)

    def _change(self, reg_id: str, event_type: EventType, make, now: datetime) -> Registration:
        result = self.repo.change(reg_id, event_type, make, now)
        if result is None:
            raise RegistrationNotFound(reg_id)
        return result

    # -- reading ----------------------------------------------------------------------------

    def get(self, reg_id: str) -> Registration | None:
        return self.repo.get(reg_id)

    def list(self, query: RegQuery | None = None) -> list[Registration]:
        """Newest first."""
        return self.repo.list(query or RegQuery())

    def count(self, query: RegQuery | None = None) -> int:
        return self.repo.count(query or RegQuery())

    def events(self, reg_id: str) -> list[OutboxEvent]:
        return OutboxRepository(self.repo.db).events(reg_id)

    # -- retention --------------------------------------------------------------------------

    def purge_expired(self, days: int, now: datetime | None = None) -> int:
        """Erase name, phone, note and cities of registrations older than `days` days whose
        every event the hub acknowledged; returns how many. Unsynced rows are never touched.
        """
        now = now or self._clock()
        return purge_expired(self.repo.db, now - timedelta(days=days), now)
