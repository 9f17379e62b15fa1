"""Composition root: builds the store, services and adapters and hands them to the window or CLI.

The only module that knows them all.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from hostdesk import config
from hostdesk.config import Settings, SettingsWarning
from hostdesk.private_files import private_dir, private_log_handler

# The store and the services are imported where they are built, not here: SQLAlchemy and
# SQLModel cost about half a second, and the command line (which imports this module for
# every verb) and the window's start must not pay for them before they need a database.
if TYPE_CHECKING:
    from hostdesk.services.catalogue import CatalogueService
    from hostdesk.services.registrations import RegistrationService
    from hostdesk.services.sessions import SessionService
    from hostdesk.services.wordlists import WordListProblem
    from hostdesk.store.db import Database
    from hostdesk.store.jobs_repo import JobRepository
    from hostdesk.store.takes_repo import TakeRepository

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    data_dir: Path
    settings: Settings
    settings_warnings: list[SettingsWarning]
    db: Database
    jobs: JobRepository
    catalogue: CatalogueService
    takes: TakeRepository
    sessions: SessionService
    wordlist_problems: list[WordListProblem] = field(default_factory=list)
    registrations: RegistrationService | None = None

    def close(self) -> None:
        self.db.close()


def setup_logging(data_dir: Path) -> None:
    """A rotating file log in the data dir; never given personal data (see docs/privacy)."""
    private_dir(data_dir)
    logs = private_dir(data_dir / "logs")
    handler = private_log_handler(
        logs / "hostdesk.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)


def build(
    data_dir: Path, loaded: tuple[Settings, list[SettingsWarning]] | None = None
) -> AppContext:
    """Open everything for one data dir; raises the store's errors for the caller to show.

    `loaded` passes settings already read (the GUI reads them first for the language):
    reading twice would lose the warning about a corrupt file, moved aside on first read.
    """
    from hostdesk.services.catalogue import CatalogueService
    from hostdesk.services.registrations import RegistrationService, load_or_create_key
    from hostdesk.services.sessions import SessionService
    from hostdesk.services.wordlists import load_wordlists
    from hostdesk.store import DB_FILE
    from hostdesk.store.db import open_database
    from hostdesk.store.jobs_repo import JobRepository
    from hostdesk.store.registrations_repo import RegistrationRepository
    from hostdesk.store.sessions_repo import SessionRepository
    from hostdesk.store.takes_repo import TakeRepository

    private_dir(data_dir)  # personal data inside: owner-only, whatever the umask
    settings, warnings = loaded or config.load_settings(data_dir)
    db = open_database(data_dir / DB_FILE)
    jobs = JobRepository(db)
    wordlists, wordlist_problems = load_wordlists(data_dir)
    catalogue = CatalogueService(jobs, wordlists)
    takes = TakeRepository(db)
    sessions = SessionService(SessionRepository(db))
    registrations = RegistrationService(
        RegistrationRepository(db), jobs, sessions, load_or_create_key(data_dir)
    )
    log.info("opened data dir %s", data_dir)
    return AppContext(
        data_dir, settings, warnings, db, jobs, catalogue, takes, sessions, wordlist_problems,
        registrations,
    )  # fmt: skip


def obs_client(
    settings: Settings,
    url: str | None = None,
    password: str | None = None,
    *,
    connect_timeout: float = 3.0,
    request_timeout: float = 15.0,
):
    """The OBS client for these settings (CLI > environment > settings/keyring); not connected.

    May read the OS keyring: call it from a worker thread in the GUI.
    """
    from urllib.parse import urlsplit

    from hostdesk.obs import ObsClient

    url, password = config.obs_connection(settings, url, password)
    parts = urlsplit(url if "://" in url else f"ws://{url}")
    return ObsClient(
        parts.hostname or "127.0.0.1",
        parts.port or 4455,
        password,
        connect_timeout=connect_timeout,
        request_timeout=request_timeout,
    )


def build_onair(ctx: AppContext, canvas=(1920, 1080), session: str = ""):
    """Putting jobs on air for this data dir; `use_link` connects it to OBS later.

    Its `counter` (the live sign-up counter) reads the registrations of this store. The
    links name this PC as the hub last told it (empty before the first pull).
    """
    from hostdesk.render.onair_renderer import QtOverlayRenderer
    from hostdesk.services.onair import OnAirService
    from hostdesk.services.onair_look import build_look
    from hostdesk.store.counter_reader import CounterReader
    from hostdesk.store.hub_repo import DEVICE_NAME, HubRepository

    device = HubRepository(ctx.db).state().get(DEVICE_NAME, "")
    look = build_look(ctx.settings, canvas, session, device)
    return OnAirService(ctx.data_dir, ctx.jobs, ctx.takes, look, QtOverlayRenderer(),
                        read_counter=CounterReader(ctx.db).read)  # fmt: skip


def build_link(settings: Settings, on_status):
    """The thread that keeps OBS showing our overlay; None when no OBS URL is set.

    Reads the password (maybe from the OS keyring): call it from a worker thread.
    """
    from hostdesk.obs.link import ObsLink
    from hostdesk.obs.overlay import OverlayNames

    if not settings.obs.url.strip():
        return None
    return ObsLink(
        obs_client(settings), OverlayNames(scene=settings.overlay.scene_name), on_status=on_status
    )


def build_sync(
    ctx: AppContext,
    on_status=None,
    *,
    hub_url: str | None = None,
    hub_token: str | None = None,
    **options,
):
    """The thread that sends sign-ups to the hub (and pulls from it); None when [sync] is off.

    Not started. The hub URL and token are read on the worker's thread (the token may be
    in the OS keyring), from ctx.settings as they are then: after a settings change, call
    `reconfigure()`. `options` go to SyncWorker (timeouts, intervals; tests shorten them).
    """
    from hostdesk.services.registrations import load_or_create_key
    from hostdesk.store.hub_repo import HubRepository
    from hostdesk.store.outbox_repo import OutboxRepository
    from hostdesk.store.publish_repo import PublishRepository
    from hostdesk.sync.publish import Publisher
    from hostdesk.sync.pull import Puller
    from hostdesk.sync.worker import SyncWorker

    if not ctx.settings.sync.enabled:
        return None
    make_pull = Puller(
        HubRepository(ctx.db),
        ctx.registrations.repo,
        load_or_create_key(ctx.data_dir),
        publisher=Publisher(PublishRepository(ctx.db)),
    ).bind
    options.setdefault("make_pull", make_pull)
    return SyncWorker(
        OutboxRepository(ctx.db),
        lambda: config.hub_connection(ctx.settings, hub_url, hub_token),
        on_status,
        **options,
    )


def build_sync_stores(ctx: AppContext):
    """(outbox, hub state) repositories for the console's attention list and job conflicts."""
    from hostdesk.store.hub_repo import HubRepository
    from hostdesk.store.outbox_repo import OutboxRepository

    return OutboxRepository(ctx.db), HubRepository(ctx.db)


def run_retention(ctx: AppContext, now=None) -> int:
    """Erase the personal data the retention setting says is kept long enough (synced rows
    only); returns how many registrations were erased. A worker calls it, never the GUI."""
    erased = ctx.registrations.purge_expired(ctx.settings.registrations.retention_days, now)
    if erased:
        log.info("retention: erased the personal data of %d synced registrations", erased)
    return erased


def build_reports(ctx: AppContext):
    """The show reports (开播复盘) read from this store, for the window's report dialog."""
    from hostdesk.services.show_reports import ShowReports

    return ShowReports(ctx.db)


def store_errors() -> tuple[type[Exception], ...]:
    """What `build` raises for a database it cannot use (a durability pragma that does not
    hold, a schema newer than this version); messages.store_problem words them. A function,
    so a caller's `except app.store_errors()` imports the store only when something failed."""
    from hostdesk.store.migrations import SchemaTooNewError
    from hostdesk.store.pragmas import PragmaError

    return PragmaError, SchemaTooNewError
