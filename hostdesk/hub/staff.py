"""Back-office accounts, sessions, login limits and the audit log (no HTTP here).

Passwords: argon2id (argon2-cffi), only the hash kept. Sessions live in the database (every
hub process shares them): the cookie is a random token, the table keeps its sha256, and each
lookup joins the account, so a disabled account's sessions stop at the next request. Failed
logins are counted per account and per client address in the database (rate_windows, as
the sign-up page's limits), so several processes share one count.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, delete, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from hostdesk.hub.db import HubDB
from hostdesk.hub.models import AUDIT, STAFF, STAFF_SESSIONS

ROLES = ("admin", "recruiter", "employer")
NAME_MAX = 64
PASSWORD_MIN = 8
PASSWORD_MAX = 256
EMPLOYER_MAX = 100
SESSION_IDLE = 12 * 3600.0  # seconds without a request before a session ends
SESSION_MAX = 7 * 24 * 3600.0  # seconds a session lasts at most
SEEN_EVERY = 300.0  # refresh `seen` at most this often (a write per request otherwise)
LOGIN_WINDOW = 15 * 60.0
LOGIN_FAILS_PER_ACCOUNT = 5
LOGIN_FAILS_PER_ADDRESS = 30
_HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters
# A hash to verify against when the account does not exist: the answer takes as long.
_DUMMY_HASH = _HASHER.hash(secrets.token_hex(16))
_FAIL = text(
    "INSERT INTO rate_windows (bucket, started, hits) VALUES (:bucket, :now, 1) "
    "ON CONFLICT (bucket) DO UPDATE SET "
    "started = CASE WHEN rate_windows.started <= :now - :window "
    "THEN EXCLUDED.started ELSE rate_windows.started END, "
    "hits = CASE WHEN rate_windows.started <= :now - :window "
    "THEN 1 ELSE rate_windows.hits + 1 END"
)


@dataclass(frozen=True)
class Staff:
    """A signed-in back-office user as every office route sees it."""

    id: int
    name: str
    role: str
    employer: str
    lang: str


@dataclass(frozen=True)
class Account:
    """What `user list` shows: never the hash."""

    name: str
    role: str
    employer: str
    disabled: bool
    created_at: str


class AccountError(ValueError):
    """A bad name, role, employer or password; `reason` is a key of the messages."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class AccountExists(AccountError):
    pass


class NoSuchAccount(LookupError):
    pass


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def check_name(raw: str) -> str:
    name = raw.strip()
    if not name or len(name) > NAME_MAX or not name.isprintable():
        raise AccountError("name")
    return name


def check_password(password: str) -> str:
    if not PASSWORD_MIN <= len(password) <= PASSWORD_MAX or "\x00" in password:
        raise AccountError("password")
    return password


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()


def audit(conn: Connection, actor: str, action: str, object_id: str = "", detail: str = "") -> None:
    """One audit row in the caller's transaction (codes only: callers pass no personal data)."""
    conn.execute(
        insert(AUDIT).values(
            at=now_iso(), actor=actor[:NAME_MAX], action=action,
            object_id=_printable(object_id[:80]), detail=_printable(detail[:200]),
        )
    )  # fmt: skip


def _printable(value: str) -> str:
    # An id may come from the URL (/office/leads/<raw>): a NUL there is refused by
    # PostgreSQL (a 500 instead of the refusal being recorded), a control character
    # garbles whoever reads the audit.
    return value if value.isprintable() else "".join(c if c.isprintable() else "?" for c in value)


def record(db: HubDB, actor: str, action: str, object_id: str = "", detail: str = "") -> None:
    with db.write() as conn:
        conn.info.pop("seq", None)
        audit(conn, actor, action, object_id, detail)


def create_account(
    db: HubDB, name: str, role: str, password: str, *, employer: str = "", actor: str = "cli"
) -> None:
    name = check_name(name)
    if role not in ROLES:
        raise AccountError("role")
    employer = employer.strip()
    if role == "employer" and (not employer or len(employer) > EMPLOYER_MAX):
        raise AccountError("employer")
    if role != "employer" and employer:
        raise AccountError("employer_only")
    digest = _HASHER.hash(check_password(password))
    try:
        with db.write() as conn:
            conn.info.pop("seq", None)
            conn.execute(
                insert(STAFF).values(
                    name=name, role=role, employer=employer, password_hash=digest,
                    disabled=False, lang="", created_at=now_iso(),
                )
            )  # fmt: skip
            audit(conn, actor, "user_add", name, role)
    except IntegrityError:
        raise AccountExists("exists") from None


def list_accounts(db: HubDB) -> list[Account]:
    cols = (STAFF.c.name, STAFF.c.role, STAFF.c.employer, STAFF.c.disabled, STAFF.c.created_at)
    with db.read() as conn:
        rows = conn.execute(select(*cols).order_by(STAFF.c.name)).all()
    return [Account(r.name, r.role, r.employer, bool(r.disabled), r.created_at) for r in rows]


def _user_id(conn: Connection, name: str) -> int:
    user_id = conn.execute(select(STAFF.c.id).where(STAFF.c.name == name)).scalar()
    if user_id is None:
        raise NoSuchAccount(name)
    return user_id


def disable_account(db: HubDB, name: str, *, actor: str = "cli") -> None:
    """Disabled at once: its sessions are deleted (and lookups refuse a disabled account)."""
    with db.write() as conn:
        conn.info.pop("seq", None)
        user_id = _user_id(conn, name)
        conn.execute(update(STAFF).where(STAFF.c.id == user_id).values(disabled=True))
        conn.execute(delete(STAFF_SESSIONS).where(STAFF_SESSIONS.c.user_id == user_id))
        audit(conn, actor, "user_disable", name)


def set_password(
    db: HubDB, name: str, password: str, *, actor: str = "cli", keep: str | None = None
) -> None:
    """A new password; every session of the account ends except `keep` (the cookie in use)."""
    digest = _HASHER.hash(check_password(password))
    with db.write() as conn:
        conn.info.pop("seq", None)
        user_id = _user_id(conn, name)
        conn.execute(update(STAFF).where(STAFF.c.id == user_id).values(password_hash=digest))
        ended = delete(STAFF_SESSIONS).where(STAFF_SESSIONS.c.user_id == user_id)
        if keep is not None:
            ended = ended.where(STAFF_SESSIONS.c.token_hash != _hash(keep))
        conn.execute(ended)
        audit(conn, actor, "password", name)


def set_language(db: HubDB, user_id: int, lang: str) -> None:
    with db.write() as conn:
        conn.info.pop("seq", None)
        conn.execute(update(STAFF).where(STAFF.c.id == user_id).values(lang=lang))


def _over(conn: Connection, bucket: str, limit: int, now: float) -> bool:
    row = conn.execute(
        text("SELECT started, hits FROM rate_windows WHERE bucket = :b"), {"b": bucket}
    ).first()
    return row is not None and row.started > now - LOGIN_WINDOW and row.hits >= limit


def _buckets(name: str, address: str) -> tuple[str, str]:
    return f"login_user:{_hash(name.lower())[:32]}", f"login_addr:{_hash(address)[:32]}"


def login(db: HubDB, name: str, password: str, address: str) -> tuple[str, Staff | None]:
    """("ok", staff) or ("failed" | "limited", None); every outcome is in the audit log.

    Limited: too many failures for this account or from this address in the window; the
    password is then not even checked (a right guess would learn nothing either)."""
    name = name.strip()[:NAME_MAX]
    user_bucket, addr_bucket = _buckets(name, address)
    now = time.time()
    with db.read() as conn:
        row = conn.execute(
            select(STAFF).where(STAFF.c.name == name)
        ).first() if name.isprintable() else None  # fmt: skip
        limited = _over(conn, user_bucket, LOGIN_FAILS_PER_ACCOUNT, now) or _over(
            conn, addr_bucket, LOGIN_FAILS_PER_ADDRESS, now
        )
    actor = row.name if row is not None else "?"
    if limited:
        record(db, actor, "login_limited")
        return "limited", None
    try:
        good = _HASHER.verify(row.password_hash if row is not None else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        good = False
    if not good or row is None or row.disabled:
        reason = "unknown" if row is None else ("disabled" if row.disabled else "password")
        with db.write() as conn:
            conn.info.pop("seq", None)
            for bucket in (user_bucket, addr_bucket):
                conn.execute(_FAIL, {"bucket": bucket, "now": now, "window": LOGIN_WINDOW})
            audit(conn, actor, "login_failed", detail=reason)
        return "failed", None
    record(db, actor, "login_ok")
    return "ok", Staff(row.id, row.name, row.role, row.employer, row.lang)


def open_session(db: HubDB, staff: Staff) -> tuple[str, str]:
    """A new session for `staff`: (cookie token, CSRF token)."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = time.time()
    with db.write() as conn:
        conn.info.pop("seq", None)
        # Sessions that ended long ago go with the first login after them.
        conn.execute(delete(STAFF_SESSIONS).where(STAFF_SESSIONS.c.seen < now - SESSION_IDLE))
        conn.execute(
            insert(STAFF_SESSIONS).values(
                token_hash=_hash(token), user_id=staff.id, csrf=csrf, created=now, seen=now
            )
        )
    return token, csrf


def close_session(db: HubDB, token: str) -> None:
    with db.write() as conn:
        conn.info.pop("seq", None)
        conn.execute(delete(STAFF_SESSIONS).where(STAFF_SESSIONS.c.token_hash == _hash(token)))


_SESSION = select(
    STAFF_SESSIONS.c.csrf, STAFF_SESSIONS.c.created, STAFF_SESSIONS.c.seen, STAFF.c.id,
    STAFF.c.name, STAFF.c.role, STAFF.c.employer, STAFF.c.lang, STAFF.c.disabled,
).join(STAFF, STAFF.c.id == STAFF_SESSIONS.c.user_id)  # fmt: skip


def session_of(db: HubDB, token: str) -> tuple[Staff, str] | tuple[None, str]:
    """(staff, csrf) for a live session; (None, why) otherwise: "none", "expired", or
    "disabled" (a disabled account's old cookie: the caller logs it)."""
    if not token or len(token) > 100:
        return None, "none"
    digest = _hash(token)
    now = time.time()
    with db.read() as conn:
        row = conn.execute(_SESSION.where(STAFF_SESSIONS.c.token_hash == digest)).first()
    if row is None:
        return None, "none"
    if row.disabled or now - row.seen > SESSION_IDLE or now - row.created > SESSION_MAX:
        close_session(db, token)
        return None, "disabled" if row.disabled else "expired"
    if now - row.seen > SEEN_EVERY:
        with db.write() as conn:
            conn.info.pop("seq", None)
            conn.execute(
                update(STAFF_SESSIONS).where(STAFF_SESSIONS.c.token_hash == digest).values(seen=now)
            )
    return Staff(row.id, row.name, row.role, row.employer, row.lang), row.csrf


def session_digest(token: str) -> str:
    """What the sessions table keeps of a session cookie (its sha256)."""
    return _hash(token)


def live_sessions(conn: Connection, digests: list[str]) -> set[tuple[str, str]]:
    """(digest, role) of the sessions among `digests` that session_of would still accept:
    not signed out, not past their idle or total time, the account not disabled. One query
    for every open event stream of staff (hub/events.py), with no write."""
    if not digests:
        return set()
    now = time.time()
    rows = conn.execute(
        select(STAFF_SESSIONS.c.token_hash, STAFF.c.role)
        .join(STAFF, STAFF.c.id == STAFF_SESSIONS.c.user_id)
        .where(
            STAFF_SESSIONS.c.token_hash.in_(digests),
            STAFF.c.disabled.is_(False),
            STAFF_SESSIONS.c.seen >= now - SESSION_IDLE,
            STAFF_SESSIONS.c.created >= now - SESSION_MAX,
        )
    ).all()
    return {(r.token_hash, r.role) for r in rows}


def verify_password(db: HubDB, staff: Staff, password: str) -> bool:
    with db.read() as conn:
        digest = conn.execute(select(STAFF.c.password_hash).where(STAFF.c.id == staff.id)).scalar()
    try:
        return digest is not None and _HASHER.verify(digest, password)
    except (VerificationError, InvalidHashError):
        return False


def recruiters(conn: Connection) -> list[tuple[int, str]]:
    """Active recruiter accounts (id, name), by name: the owners a lead can have."""
    rows = conn.execute(
        select(STAFF.c.id, STAFF.c.name)
        .where(STAFF.c.role.in_(("recruiter", "admin")), STAFF.c.disabled.is_(False))
        .order_by(STAFF.c.name)
    ).all()
    return [(r.id, r.name) for r in rows]
