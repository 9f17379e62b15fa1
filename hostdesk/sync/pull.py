"""Pulling from the hub: the job catalogue (ETag) and the sign-ups made on the hub (a cursor).

Runs on the sync worker's thread (or the CLI's) with the worker's HubClient; raises the
client's HubError subclasses unchanged, so the worker treats a failed pull like a failed
push. Nothing pulled is ever sent back: hub sign-ups are stored without an outbox event.
The hub sends a device the page's sign-ups credited to it with the name and phone masked
(张**, 138****5678): they are stored masked, without a phone hash. Erasures (status
"erased") come on the same feed, for this PC's own sign-ups too: the local copy is erased.
The cursor and the ETag are written in the same commit as what they cover, so a crash
between pages repeats a page (idempotent) and never skips one.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from hostdesk.core.phone import phone_hash
from hostdesk.core.registrations import (
    ConsentMethod,
    Registration,
    RegistrationDraft,
    RegistrationError,
    RegStatus,
    Source,
    SyncState,
    validate,
)
from hostdesk.store.hub_repo import (
    DEVICE_NAME,
    DEVICE_TOKEN,
    HUB_PUBLIC_URL,
    JOBS_ETAG,
    LAST_PULL_AT,
    REGISTRATIONS_CURSOR,
    CatalogueApplied,
    HubRepository,
    parse_hub_job,
)
from hostdesk.store.registrations_repo import HubRegistration, HubUpsert, RegistrationRepository
from hostdesk.sync.client import (
    BAD_URL,
    CAPTIVE_PORTAL,
    HubBadRequest,
    HubClient,
    HubError,
    HubRefused,
    HubUnavailable,
)
from hostdesk.sync.publish import Publisher, PublishSummary

log = logging.getLogger(__name__)

PAGE_LIMIT = 200
MAX_PAGES = 50  # per pull: a long backlog continues on the next round, the thread stays responsive
CLIENT_ID_MAX = 64
MASKED_PHONE = re.compile(r"1[3-9][0-9]\*{4}[0-9]{4}")
# A masked item's fields are checked with this number in the phone's place (its shape is
# checked apart); it is never stored.
STAND_IN_PHONE = "13800138000"
ERASED = "erased"


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class PullResult:
    jobs_changed: bool = False  # False: 304, the catalogue is as last pulled
    jobs: CatalogueApplied = field(default_factory=CatalogueApplied)
    registrations: HubUpsert = field(default_factory=HubUpsert)
    invalid_registrations: int = 0  # items the hub sent that are not usable sign-ups (skipped)
    conflicts_open: int = 0  # catalogue conflicts waiting for the assistant
    more: bool = False  # the registrations backlog is longer than one pull's pages
    published: PublishSummary | None = None  # this PC's jobs sent to the hub after the pull


def _not_the_hub(what: str) -> HubUnavailable:
    # A 200 that is not the document asked for: a captive portal, never something to apply.
    return HubUnavailable(CAPTIVE_PORTAL, f"the {what} answer is not the expected JSON")


def _int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _time(value) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.utcoffset() is not None else moment.replace(tzinfo=UTC)


def _enum_value(enum, value, default):
    try:
        return enum(value)
    except ValueError:
        return default


def _top_cursor(cursor: int, items: list) -> int:
    """The highest cursor among `items` and `cursor`."""
    seen = [_int(item.get("cursor")) for item in items if isinstance(item, dict)]
    return max([cursor, *(c for c in seen if c is not None)])


def hub_erasure(item) -> str | None:
    """The client id of an item that tells of an erasure on the hub, else None: erased on
    request (status erased), or emptied by the hub's retention purge (no name and no phone:
    every sign-up has both; the status is kept for the counts)."""
    if not isinstance(item, dict):
        return None
    purged = item.get("name") == "" and item.get("phone") == ""
    if item.get("status") != ERASED and not purged:
        return None
    client_id = item.get("client_id")
    if not isinstance(client_id, str) or not 0 < len(client_id) <= CLIENT_ID_MAX:
        return None
    return client_id if client_id.isascii() and client_id.isprintable() else None


def hub_registration(item, key: bytes, year: int) -> HubRegistration | None:
    """One item of GET /api/v1/registrations as a local record, or None when unusable.

    The hub checked it already; it is checked again with the desk's own rules (a bad row
    must not reach the exports), and skipped rather than stored when it fails. A masked
    phone (the hub's rule for a device) is kept masked, with no phone hash.
    """
    if not isinstance(item, dict) or item.get("origin") != "hub":
        return None
    client_id, version, cursor = (
        item.get("client_id"),
        _int(item.get("version")),
        _int(item.get("cursor")),
    )
    if not isinstance(client_id, str) or not 0 < len(client_id) <= CLIENT_ID_MAX:
        return None
    if not client_id.isascii() or not client_id.isprintable() or version is None or cursor is None:
        return None
    created = _time(item.get("created_at"))
    updated = _time(item.get("updated_at")) or created
    consented = _time(item.get("consented_at")) or created
    if created is None:
        return None
    code = item.get("job_code")
    title = item.get("job_title")
    age = item.get("age")
    phone = item.get("phone") if isinstance(item.get("phone"), str) else ""
    masked = MASKED_PHONE.fullmatch(phone) is not None
    draft = RegistrationDraft(
        job_code=code if isinstance(code, str) else "",
        name=item.get("name") if isinstance(item.get("name"), str) else "",
        phone=STAND_IN_PHONE if masked else phone,
        age=age if _int(age) is not None else None,
        source=_enum_value(Source, item.get("source"), Source.QR),
        consent_method=_enum_value(
            ConsentMethod, item.get("consent_method"), ConsentMethod.CHECKBOX
        ),
        notice_version=str(item.get("notice_version") or ""),
    )
    try:
        clean, _warnings = validate(
            draft, job_title=title if isinstance(title, str) else "", job_open=True, year=year
        )
    except RegistrationError:
        return None
    if masked:
        clean["phone"] = phone
    session = item.get("session_id")
    reg = Registration(
        id=client_id,
        seq=0,
        session_id=session if isinstance(session, str) else "",
        phone_hash="" if masked else phone_hash(key, clean["phone"]),
        consented_at=consented,
        status=_enum_value(RegStatus, item.get("status"), RegStatus.ACTIVE),
        phone_warning_overridden=False,
        created_at=created,
        updated_at=updated,
        erased_at=None,
        sync_state=SyncState.ACKED,
        employer_consent=item.get("employer_consent") is True,
        **clean,
    )
    return HubRegistration(reg=reg, version=version, cursor=cursor)


class Puller:
    """Pulls into one data dir's store; thread-agnostic (the client is passed per call)."""

    def __init__(
        self,
        hub: HubRepository,
        registrations: RegistrationRepository,
        key: bytes,
        *,
        clock: Callable[[], datetime] = _utc_now,
        page_limit: int = PAGE_LIMIT,
        max_pages: int = MAX_PAGES,
        publisher: Publisher | None = None,
    ):
        self.hub = hub
        self.publisher = publisher  # this PC's new and edited jobs go to the hub after the pull
        self._regs = registrations
        self._key = key
        self._clock = clock
        self._page_limit = page_limit
        self._max_pages = max_pages

    def pull(self, client: HubClient) -> PullResult:
        """The catalogue, then the hub's sign-ups since the cursor; raises HubError."""
        if self.hub.use_hub(client.base_url):
            log.info("pulling from a hub not pulled from before: catalogue and cursor start over")
        self.learn_device_name(client)
        changed, applied = self.pull_jobs(client)
        # After the pull, so a change made on the hub meanwhile is known (a conflict to show)
        # before this PC's version of the job is offered.
        published = self._publish(client)
        upsert, invalid, more = self.pull_registrations(client)
        self.hub.set_state({LAST_PULL_AT: self._clock().isoformat()})
        return PullResult(
            jobs_changed=changed,
            jobs=applied,
            registrations=upsert,
            invalid_registrations=invalid,
            conflicts_open=self.hub.conflict_count(),
            more=more,
            published=published,
        )

    def _publish(self, client: HubClient) -> PublishSummary | None:
        """This PC's unpublished jobs; a hub that does not take them never stops the pull."""
        if self.publisher is None:
            return None
        try:
            return self.publisher.publish(client)
        except HubBadRequest as exc:  # a job the hub's rules refuse: the rest of sync goes on
            log.warning("the hub refused a batch of jobs: %s", exc.reason)
        except HubRefused as exc:
            if exc.reason != BAD_URL:  # 401/403 stop everything, as for the pull itself
                raise
            log.info("the hub does not take published jobs (an older hub)")
        return None

    def learn_device_name(self, client: HubClient) -> str:
        """This PC's name on the hub (GET /api/v1/me), asked once per hub and token.

        It goes into the sign-up links ({device}), so the hub can credit each QR sign-up
        to the broadcast PC that showed the code. A hub that does not answer it leaves the
        name empty; the pull goes on.
        """
        digest = hashlib.sha256(client.token.encode("utf-8")).hexdigest()[:32]
        state = self.hub.state()
        if state.get(DEVICE_TOKEN) == digest:
            return state.get(DEVICE_NAME, "")
        try:
            _status, body, _headers = client.get_json("/api/v1/me")
        except HubUnavailable:
            raise
        except HubError as exc:  # an older hub without /me: no name, nothing else changes
            log.info("the hub did not tell this PC's name: %s", type(exc).__name__)
            return ""
        name = body.get("name") if isinstance(body, dict) else None
        if not isinstance(name, str) or not name.isprintable() or not 0 < len(name) <= 64:
            raise _not_the_hub("device name")
        public = body.get("public_url")
        ok = isinstance(public, str) and public.startswith(("https://", "http://"))
        public = public if ok and public.isprintable() and len(public) <= 200 else ""
        self.hub.set_state({DEVICE_NAME: name, DEVICE_TOKEN: digest, HUB_PUBLIC_URL: public})
        return name

    def pull_jobs(self, client: HubClient) -> tuple[bool, CatalogueApplied]:
        """GET /api/v1/jobs with the stored ETag; (False, nothing) on 304."""
        etag = self.hub.state().get(JOBS_ETAG, "")
        headers = {"If-None-Match": etag} if etag else None
        status, body, response_headers = client.get_json("/api/v1/jobs", headers=headers)
        if status == 304:
            return False, CatalogueApplied()
        items = body.get("jobs") if isinstance(body, dict) else None
        if not isinstance(items, list):
            raise _not_the_hub("catalogue")
        now = self._clock()
        versions = body.get("versions")
        versions = {
            code: v
            for code, v in (versions.items() if isinstance(versions, dict) else ())
            if isinstance(code, str) and _int(v) is not None and v > 0
        }
        applied = self.hub.apply_catalogue(
            [parse_hub_job(item, now) for item in items],
            response_headers.get("ETag", ""),
            now,
            versions,
        )
        log.info("catalogue pulled: %s", applied)
        return True, applied

    def pull_registrations(self, client: HubClient) -> tuple[HubUpsert, int, bool]:
        """Pages of hub sign-ups since the stored cursor: (stored, skipped as invalid, more left)."""
        cursor = self.cursor()
        inserted = updated = skipped = invalid = erasures = 0
        for _page in range(self._max_pages):
            params = {"since": cursor, "limit": self._page_limit, "origin": "hub"}
            _status, body, _headers = client.get_json("/api/v1/registrations", params=params)
            items = body.get("items") if isinstance(body, dict) else None
            following = body.get("next") if isinstance(body, dict) else None
            if not isinstance(items, list) or (following is not None and _int(following) is None):
                raise _not_the_hub("registrations")
            new_cursor = following if following is not None else _top_cursor(cursor, items)
            result, bad = self._store(items, new_cursor)
            invalid += bad
            inserted += result.inserted
            updated += result.updated
            skipped += result.skipped
            erasures += result.erased
            # The end, or a hub whose cursor does not move on: stop rather than loop.
            if following is None or not items or following <= cursor:
                if inserted or updated or invalid or erasures:
                    log.info(
                        "hub sign-ups pulled: %d new, %d updated, %d invalid, %d erased",
                        inserted,
                        updated,
                        invalid,
                        erasures,
                    )
                return HubUpsert(inserted, updated, skipped, erasures), invalid, False
            cursor = following
        return HubUpsert(inserted, updated, skipped, erasures), invalid, True

    def apply_events(self, items: list) -> tuple[HubUpsert, int]:
        """Registration events from the hub's event stream, stored as a pulled page is.

        The same items as GET /api/v1/registrations gives, in cursor order; the cursor moves
        to the highest one in the same commit, never back (a pull may have gone further).
        Sign-ups made on a desk (this PC's own, pushed) are passed over as the pull's
        origin=hub filter passes over them; erasures of them are applied.
        """
        cursor = self.cursor()
        wanted = [
            item
            for item in items
            if isinstance(item, dict)
            and (item.get("origin") == "hub" or hub_erasure(item) is not None)
        ]
        return self._store(wanted, _top_cursor(cursor, items))

    def cursor(self) -> int:
        """The stored registrations cursor: where the next pull or event stream resumes."""
        try:
            return max(0, int(self.hub.state().get(REGISTRATIONS_CURSOR, "0")))
        except ValueError:
            return 0

    def _store(self, items: list, new_cursor: int) -> tuple[HubUpsert, int]:
        """One page of hub items and the cursor after it, in one commit: (stored, invalid)."""
        now = self._clock()
        erased = [hub_erasure(item) for item in items]
        gone = [client_id for client_id in erased if client_id is not None]
        regs = [
            hub_registration(item, self._key, now.year)
            for item, client_id in zip(items, erased, strict=True)
            if client_id is None
        ]
        usable = [reg for reg in regs if reg is not None]
        result = self._regs.upsert_from_hub(
            usable, {REGISTRATIONS_CURSOR: str(new_cursor)}, now, erased=gone
        )
        return result, len(regs) - len(usable)

    def bind(self, url: str, token: str) -> BoundPull:
        """A pull for SyncWorker(make_pull=puller.bind): its own client per call, closed after."""
        return BoundPull(self, url, token)


class BoundPull:
    """One hub's pull, callable by the sync worker; its event stream stores through it too."""

    def __init__(self, puller: Puller, url: str, token: str):
        self._puller, self.url, self.token = puller, url, token

    def __call__(self) -> PullResult:
        client = HubClient(self.url, self.token)
        try:
            return self._puller.pull(client)
        finally:
            client.close()

    def cursor(self) -> int:
        return self._puller.cursor()

    def apply_events(self, items: list) -> tuple[HubUpsert, int]:
        return self._puller.apply_events(items)

    def jobs_etag(self) -> str:
        """The catalogue's ETag as last pulled ("" before the first pull)."""
        return self._puller.hub.state().get(JOBS_ETAG, "")
